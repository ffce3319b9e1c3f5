"""What a build gives back: `Built` when it rendered and wrote, `Replayed` when the last
build's output was still what it would write; `Rendered` is what `check` and the
preview's render give, the Site and its outputs in memory."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from rusgen.errors import ContentError
from rusgen.model import Output, Site
from rusgen.writer import FileRecord, WriteReport


@dataclass
class Rendered:
    """What `render_site` and `check` make: the Site and its outputs, in memory."""

    site: Site
    outputs: list[Output]
    warnings: list[ContentError] = field(default_factory=list)
    # By region id, the addresses a real build publishes: what its ledger gains.
    published: dict[str, frozenset[str]] = field(default_factory=dict)


@dataclass(frozen=True)
class Built:
    """A build that rendered and wrote: the rendering, and what the write did."""

    rendered: Rendered
    report: WriteReport
    summary: dict[str, Any]  # regions, pages, output, warnings: what the CLI prints

    @property
    def warnings(self) -> list[ContentError]:
        return self.rendered.warnings


@dataclass(frozen=True)
class Replayed:
    """A build whose inputs were those of the last one, its output intact: nothing was
    rendered, and the last build's summary and warnings stand."""

    warnings: list[ContentError]
    report: WriteReport
    summary: dict[str, Any]


def replayed(summary: dict[str, Any], files: dict[str, FileRecord]) -> Replayed:
    """Return the last build's result: its warnings again, every file unchanged."""
    warnings = [
        ContentError(w[0], w[1], w[2], w[3], warning=True, code=w[4] if len(w) > 4 else "")
        for w in summary.get("warnings", [])
    ]
    report = WriteReport(written=0, unchanged=len(files), removed=0, files=files)
    return Replayed(warnings, report, summary)
