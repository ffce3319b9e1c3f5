"""What a build says while it works: a line per region and stage, and with -v their times.

The build calls its `Progress` at the start of each stage (`progress("pages", "vg")`);
the progress decides what to show. A build done within two seconds says nothing of its
stages, and neither does one whose output goes to a file or a CI log, unless asked with
-v: a communicator at a terminal sees that a long build is alive, a log stays short.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field

from rusgen.messages import say

# After this many seconds a build at a terminal starts saying what it does.
QUIET_SECONDS = 2.0


class Progress:
    """A build's stages, reported to no one: what a test or the preview's rebuild gets."""

    def __call__(self, stage: str, region: str = "") -> None:
        """Note that a stage begins: `region` is the region's folder, "" for the network."""

    def done(self) -> None:
        """Note that the build ended."""


SILENT = Progress()


@dataclass
class TerminalProgress(Progress):
    """Shows the stages on a terminal (after QUIET_SECONDS), or all of them with -v."""

    lang: str
    echo: Callable[[str], None]
    verbose: bool = False
    clock: Callable[[], float] = time.monotonic
    started: float = field(default=0.0)
    current: tuple[str, str, float] | None = None
    totals: dict[str, float] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.started = self.clock()

    def __call__(self, stage: str, region: str = "") -> None:
        now = self.clock()
        self._finish(now)
        self.current = (stage, region, now)
        if not self.verbose and now - self.started >= QUIET_SECONDS:
            self.echo(self._line(stage, region))

    def done(self) -> None:
        now = self.clock()
        self._finish(now)
        if self.verbose and self.totals:
            parts = [f"{self._stage(stage)} {self._seconds(spent)}" for stage, spent in self.totals.items()]
            self.echo(say("progress.totals", self.lang, stages="; ".join(parts),
                          total=self._seconds(now - self.started)))

    def _finish(self, now: float) -> None:
        if self.current is None:
            return
        stage, region, began = self.current
        self.totals[stage] = self.totals.get(stage, 0.0) + now - began
        if self.verbose:
            self.echo(f"{self._line(stage, region)} ({self._seconds(now - began)})")
        self.current = None

    def _line(self, stage: str, region: str) -> str:
        what = self._stage(stage)
        return say("progress.region" if region else "progress.network", self.lang, region=region, stage=what)

    def _stage(self, stage: str) -> str:
        return say(f"progress.stage.{stage}", self.lang)

    def _seconds(self, seconds: float) -> str:
        text = f"{seconds:.2f} s"
        return text.replace(".", ",") if self.lang == "sv" else text


def wants_color(is_terminal: bool) -> bool:
    """Say whether to colour what rusgen prints: at a terminal, unless NO_COLOR is set."""
    return is_terminal and not os.environ.get("NO_COLOR") and os.environ.get("TERM") != "dumb"
