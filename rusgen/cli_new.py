"""`rusgen new`: start a region, a page, an event or a news item from the command line."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from rusgen.cli_base import SOURCE_OPTION, reported
from rusgen.messages import say


def _today() -> date:
    """Return today's date in the default zone (Sweden's), from the build clock
    (SOURCE_DATE_EPOCH when set)."""
    from zoneinfo import ZoneInfo

    from rusgen.build import build_time
    from rusgen.schema.region import DEFAULT_ZONE

    return build_time().astimezone(ZoneInfo(DEFAULT_ZONE)).date()


def _made(paths: list[Path], root: Path, lang: str, next_code: str, **args: str) -> None:
    """Say which files were made, then what to do next."""
    for path in paths:
        click.echo(say("new.created", lang, path=path.relative_to(root).as_posix()))
    click.echo(say(next_code, lang, **args))


_REGION = click.option("--region", default=None, metavar="ID",
                       help="The region (its folder name); needed when there are several.")


@click.group()
def new() -> None:
    """Start a region, a page, an event or a news item; never overwrites a file."""


@new.command("region")
@click.argument("region_id", metavar="ID")
@click.option("--name", default="", help='The region\'s name, like "Västra Götaland".')
@click.option("--organisation", default="", help="Who publishes, like \"Region Halland\".")
@click.option("--email", default="", help="Where readers write with questions and accessibility issues.")
@SOURCE_OPTION
def new_region(region_id: str, name: str, organisation: str, email: str, source: Path) -> None:
    """Create content/ID/ with region.yaml, contacts.yaml and index.md."""
    from rusgen.scaffold import new_region as make
    from rusgen.scaffold import open_project

    with reported(source):
        project = open_project(source)
        made = make(project, region_id, name, organisation, email)
    settings, _, index = (path.relative_to(source).as_posix() for path in made)
    _made(made, source, project.lang, "new.region_next", settings=settings, index=index)


@new.command("page")
@click.argument("path")
@click.option("--title", default="", help="The page's title (default: made from PATH).")
@_REGION
@SOURCE_OPTION
def new_page(path: str, title: str, region: str | None, source: Path) -> None:
    """Create a page, e.g. om-oss or kraftsamlingar/index (a section's own page)."""
    from rusgen.scaffold import new_page as make
    from rusgen.scaffold import open_project, pick_region

    with reported(source):
        project = open_project(source)
        made = make(project, pick_region(project, region), path, title)
    _made([made], source, project.lang, "new.page_next", path=made.relative_to(source).as_posix())


@new.command("event")
@click.argument("title")
@click.option("--start", default="",
              help='When it starts: "2026-12-01 9.30" or "2026-12-01 13:00", or a date for all day.')
@click.option("--end", default=None, help='When it ends: "2026-12-01 16.00", or "16.00" the same day.')
@_REGION
@SOURCE_OPTION
def new_event(title: str, start: str, end: str | None, region: str | None, source: Path) -> None:
    """Create events/YYYY-MM-DD-title.md."""
    from rusgen.scaffold import new_event as make
    from rusgen.scaffold import open_project, pick_region

    with reported(source):
        project = open_project(source)
        made = make(project, pick_region(project, region), title, start, end)
    _made([made], source, project.lang, "new.page_next", path=made.relative_to(source).as_posix())


@new.command("news")
@click.argument("title")
@click.option("--date", "day", default=None, help="The date, like 2026-12-01 (default: today).")
@_REGION
@SOURCE_OPTION
def new_news(title: str, day: str | None, region: str | None, source: Path) -> None:
    """Create news/YYYY-MM-DD-title.md."""
    from rusgen.scaffold import new_news as make
    from rusgen.scaffold import news_date, open_project, pick_region

    with reported(source):
        project = open_project(source)
        when = news_date(day) if day is not None else _today()
        made = make(project, pick_region(project, region), title, when)
    _made([made], source, project.lang, "new.page_next", path=made.relative_to(source).as_posix())
