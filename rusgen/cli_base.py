"""What every command of the command line shares: the options, and how a failure is said
(a content error: its message, exit 1; a bug: a report in a file, exit 70)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn

import click

from rusgen.errors import ContentError, ContentErrors, RusgenError
from rusgen.loader import configured_language
from rusgen.messages import say

# The exit code of a bug in rusgen (BSD's EX_SOFTWARE); content errors exit with 1.
EXIT_BUG = 70

AS_OF = click.option(
    "--as-of", default="", metavar="WHEN",
    help='Show the site as it will be then: "2027-01-01 08:00" or "2027-01-01 8.00" '
    "(the region's time zone), or a date.",
)


def echo_problems(problems: list[ContentError], lang: str) -> None:
    from rusgen.report import arrange, lines

    for line in lines(arrange(problems), lang):
        click.echo(line, err=True)


def fail(exc: RusgenError, source: Path = Path(".")) -> NoReturn:
    """Print what stopped the command, root causes first, and exit 1."""
    from rusgen.report import arrange, build_failed

    if isinstance(exc, ContentErrors):
        entries = arrange([*exc.errors, *exc.warnings], exc.unreadable)
        for line in build_failed(entries, exc.lang):
            click.echo(line, err=True)
    else:
        lang = configured_language(source)
        click.echo(f"{say('cli.level.error', lang)}: {exc.text(lang)}", err=True)
    sys.exit(1)


@contextmanager
def reported(source: Path) -> Iterator[None]:
    """Turn a RusgenError, or a file the system refused, into a message and exit 1."""
    try:
        yield
    except RusgenError as exc:
        fail(exc, source)
    except OSError as exc:
        if exc.filename is None:
            raise  # not about a file: a bug, reported as one
        fail(RusgenError.from_os_error(exc), source)


class Commands(click.Group):
    """rusgen's commands: an unexpected exception is a bug, reported in a file, exit 70."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        ctx.meta["rusgen.args"] = list(args)  # the command line, for the report of a bug
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except Exception as exc:  # noqa: BLE001 - a bug must never show the user a traceback
            _bug(exc, ctx.meta.get("rusgen.args", []))


def _bug(exc: Exception, args: list[str]) -> NoReturn:
    """Save a report of a bug, say where in one line, and exit 70."""
    from rusgen.crash import bug_line

    click.echo(bug_line(exc, args), err=True)
    sys.exit(EXIT_BUG)


SOURCE_OPTION = click.option("--source", type=click.Path(file_okay=False, path_type=Path),
                             default=".", show_default=True, help="The folder that holds rusgen.yaml.")
