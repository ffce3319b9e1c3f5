"""What the server gets from its caller: a rebuild's files or problems, and its words."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from rusgen.livesite import Later


@dataclass(frozen=True)
class Problem:
    """One error that stopped a build: where, and what."""

    file: str
    line: int
    message: str
    text: str  # the whole message as the terminal prints it
    note: str = ""  # the follow-on errors folded under this cause: "3 sidor länkar hit"
    followers: int = 0  # how many follow-on errors the note stands for


def _failed(errors: int, followers: int) -> str:
    counted = f"{errors} error{'s' if errors != 1 else ''}"
    if followers:
        counted += f" and {followers} follow-on error{'s' if followers != 1 else ''}"
    return f"Build failed: {counted}. The preview keeps showing the last good pages."


def _built(ms: int, files: int) -> str:
    return f"Built in {ms} ms: {files} file{'s' if files != 1 else ''} changed."


@dataclass(frozen=True)
class Words:
    """What the preview says, in the project's language; the CLI gives the catalogue's words.

    English by default, for a server started on its own.
    """

    error: str = "error: {text}"
    warning: str = "warning: {text}"
    failed: Callable[[int, int], str] = _failed  # errors, follow-on errors
    built: Callable[[int, int], str] = _built  # milliseconds, files changed
    request_failed: str = "error: serving a request failed: {problem}"
    rebuild_bug: str = "error: the rebuild failed unexpectedly (a bug in rusgen): {problem}"
    # The overlay's title, its note and its close button.
    overlay: tuple[str, str, str] = (
        "The preview could not be rebuilt",
        "You see the last version that worked. Correct the error and save, and the box goes away.",
        "Close",
    )


ENGLISH = Words()  # what a server started on its own says


@dataclass(frozen=True)
class SourceFile:
    """A file served from disk; its stamp makes a changed file compare unequal."""

    path: Path
    stamp: tuple[int, int]  # (mtime_ns, size)


@dataclass(frozen=True)
class Snapshot:
    """The site as the last rebuild left it.

    `files` maps a site path ("vasterbotten/index.html") to its bytes, or to a file on disk
    for documents and images; None means the build failed and `problems` says why.
    """

    files: Mapping[str, bytes | SourceFile] | None
    problems: tuple[Problem, ...] = ()
    warnings: tuple[str, ...] = ()
    later: Later | None = None  # the outputs still to render, the open pages first


# Called with the files the watcher saw change since the last call (none the first time).
Rebuild = Callable[[frozenset[str]], Snapshot]
Log = Callable[[str], None]
