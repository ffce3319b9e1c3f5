"""A bug report: what an unexpected exception leaves for whoever looks after rusgen."""

from __future__ import annotations

import os
import platform
import sys
import tempfile
import traceback
from importlib import metadata
from pathlib import Path

from rusgen import __version__
from rusgen.loader import configured_language
from rusgen.messages import say

# The packages whose versions help to reproduce a bug.
PACKAGES = ("click", "jinja2", "markdown-it-py", "pyyaml", "icalendar", "watchdog")


def bug_line(exc: BaseException, args: list[str]) -> str:
    """Save a report of a bug; return the one line that says where, in the project's language."""
    lang = configured_language(_source_in(args))
    try:
        return say("cli.bug", lang, report=save_report(exc, args))
    except OSError as error:
        return say("cli.bug_unsaved", lang, error=error)


def _source_in(args: list[str]) -> Path:
    """Return the --source of a command line: its project's language is the report's."""
    for i, arg in enumerate(args):
        if arg == "--source" and i + 1 < len(args):
            return Path(args[i + 1])
        if arg.startswith("--source="):
            return Path(arg.removeprefix("--source="))
    return Path(".")


def save_report(exc: BaseException, args: list[str]) -> Path:
    """Write the traceback, the command and the versions to a new file in the temp folder."""
    fd, name = tempfile.mkstemp(prefix="rusgen-rapport-", suffix=".txt")
    with os.fdopen(fd, "w", encoding="utf-8") as report:
        report.write(describe(exc, args))
    return Path(name)


def describe(exc: BaseException, args: list[str]) -> str:
    """Return the report's text."""
    versions = [f"rusgen {__version__}", f"Python {sys.version.split()[0]}", platform.platform()]
    versions += [f"{name} {_version(name)}" for name in PACKAGES]
    trace = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    return (
        "rusgen: internal error report\n\n"
        f"command: rusgen {' '.join(args)}\n"
        f"folder: {os.getcwd()}\n\n"
        + "\n".join(versions) + "\n\n" + trace
    )


def _version(name: str) -> str:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"
