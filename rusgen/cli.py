"""The command line: the only module that knows click."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, NoReturn

import click

from rusgen import __version__
from rusgen.errors import ContentError, ContentErrors, RusgenError
from rusgen.loader import configured_language
from rusgen.messages import say
from rusgen.progress import Progress
from rusgen.raw import CONFIG_FILE

# The exit code of a bug in rusgen (BSD's EX_SOFTWARE); content errors exit with 1.
EXIT_BUG = 70

_AS_OF = click.option(
    "--as-of", default="", metavar="WHEN",
    help='Show the site as it will be then: "2027-01-01 08:00" or "2027-01-01 8.00" '
    "(the region's time zone), or a date.",
)


def _echo_problems(problems: list[ContentError], lang: str) -> None:
    from rusgen.report import arrange, lines

    for line in lines(arrange(problems), lang):
        click.echo(line, err=True)


def _fail(exc: RusgenError, source: Path = Path(".")) -> NoReturn:
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
def _reported(source: Path) -> Iterator[None]:
    """Turn a RusgenError, or a file the system refused, into a message and exit 1."""
    try:
        yield
    except RusgenError as exc:
        _fail(exc, source)
    except OSError as exc:
        if exc.filename is None:
            raise  # not about a file: a bug, reported as one
        _fail(RusgenError.from_os_error(exc), source)


class _Commands(click.Group):
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


@click.group(cls=_Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rusgen")
def main() -> None:
    """Build the strategy microsites of Swedish regions from content/ and themes/."""


_SOURCE_OPTION = click.option("--source", type=click.Path(file_okay=False, path_type=Path),
                              default=".", show_default=True, help="The folder that holds rusgen.yaml.")


@main.command()
@click.option("--source", type=click.Path(file_okay=False, path_type=Path), default=".",
              show_default=True, help="The folder that holds rusgen.yaml.")
@click.option("--output", type=click.Path(file_okay=False, path_type=Path), default=None,
              help="Where to write the sites (default: `output` in rusgen.yaml, e.g. public).")
@click.option("--drafts", is_flag=True, help="Also build pages marked draft: true.")
@click.option("--region", "regions", multiple=True, metavar="ID",
              help="Build only this region (the folder name); repeat for more.")
@click.option("--base-url", default="", metavar="URL",
              help="Publish the one --region at this address instead of its base_url (staging).")
@click.option("--shard", default="", metavar="I/N",
              help="Build the I-th of N shares of the regions, balanced by pages, and the "
              "network index (for parallel CI jobs; their outputs together are the full build).")
@click.option("-q", "--quiet", is_flag=True, help="Say only what is wrong: no progress, no summary.")
@click.option("-v", "--verbose", is_flag=True, help="Say every stage of every region, with its time.")
@_AS_OF
def build(
    source: Path, output: Path | None, drafts: bool, regions: tuple[str, ...], base_url: str,
    shard: str, quiet: bool, verbose: bool, as_of: str,
) -> None:
    """Build every region's microsite and the network index."""
    from rusgen.build import BuildOptions
    from rusgen.build import build as run_build
    from rusgen.report import count
    from rusgen.shards import Shard

    lang = configured_language(source)
    with _reported(source):
        options = BuildOptions(
            source=source, output=output, drafts=drafts, regions=regions, base_url=base_url,
            shard=Shard.parse(shard) if shard else None, as_of=as_of,
        )
        result = run_build(options, progress=_progress(lang, quiet, verbose))
    _echo_problems(result.warnings, lang)
    if quiet:
        return
    report, summary = result.report, result.summary
    click.echo(say(
        "cli.built", lang, regions=count(lang, "region", summary["regions"]),
        pages=count(lang, "page", summary["pages"]), output=summary["output"],
        written=report.written, unchanged=report.unchanged, removed=report.removed,
    ))


def _progress(lang: str, quiet: bool, verbose: bool) -> Progress:
    """Return what tells of the build's stages: every one with -v; at a terminal, those
    of a build that takes a while; with -q, or into a file or a CI log, none."""
    from rusgen.progress import SILENT, TerminalProgress, wants_color

    terminal = sys.stderr.isatty()
    if quiet or not (verbose or terminal):
        return SILENT
    color = wants_color(terminal)
    return TerminalProgress(
        lang, lambda line: click.echo(click.style(line, dim=True) if color else line, err=True), verbose
    )


# --- init --------------------------------------------------------------------------------


@main.command()
@click.argument("folder", default=".", type=click.Path(path_type=Path))
def init(folder: Path) -> None:
    """Start a new network in FOLDER (new or empty): settings, an example region, a README
    and the CI files that publish to GitHub Pages and GitLab Pages. Never overwrites."""
    from rusgen.init_site import init_project

    with _reported(folder):
        written = init_project(folder)
    lang = configured_language(folder)
    click.echo(say("init.done", lang, path=folder, count=len(written)))


# --- check -------------------------------------------------------------------------------


@main.command()
@click.option("--source", type=click.Path(file_okay=False, path_type=Path), default=".",
              show_default=True, help="The folder that holds rusgen.yaml.")
@click.option("--drafts", is_flag=True, help="Also check pages marked draft: true.")
@click.option("--region", "regions", multiple=True, metavar="ID",
              help="Check only this region (the folder name); repeat for more.")
@click.option("--external", is_flag=True,
              help="Also check links to other sites (slow; needs the internet).")
@click.option("--strict", is_flag=True, help="Treat warnings as errors (for CI).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="text for people, json for tools.")
@click.option("--max-document-mb", type=click.FloatRange(min=0), default=10.0, show_default=True,
              help="Warn about documents and images larger than this.")
@_AS_OF
def check(source: Path, drafts: bool, regions: tuple[str, ...], external: bool, strict: bool,
          fmt: str, max_document_mb: float, as_of: str) -> None:
    """Do everything build does except writing, then look for broken links and more."""
    from rusgen.build import BuildOptions
    from rusgen.build import check as run_check
    from rusgen.checks import CHECKS, CheckContext, check_external, run_checks
    from rusgen.report import as_json, as_text
    from rusgen.report import strict as make_strict

    options = BuildOptions(source=source, drafts=drafts, regions=regions, as_of=as_of)
    unreadable: frozenset[str] = frozenset()
    with _reported(source):
        try:
            result = run_check(options)
        except ContentErrors as exc:
            problems, unreadable = [*exc.errors, *exc.warnings], exc.unreadable
        else:
            ctx = CheckContext(
                site=result.site, outputs=result.outputs, root=source,
                output_dir=result.site.network.output, max_document_mb=max_document_mb,
                cache_dir=source / ".rusgen-cache",
            )
            checks = CHECKS + ((check_external,) if external else ())
            problems = result.warnings + run_checks(ctx, checks)
    if strict:
        problems = make_strict(problems)
    lang = configured_language(source)
    show = as_json if fmt == "json" else as_text
    click.echo(show(problems, lang, unreadable))
    if any(not p.warning for p in problems):
        sys.exit(1)


# --- schedule and redirects ---------------------------------------------------------------


@main.command()
@_SOURCE_OPTION
@click.option("--region", "regions", multiple=True, metavar="ID",
              help="Only this region (the folder name); repeat for more.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "cron"]), default="text",
              show_default=True, help="text for people, json for tools, cron for CI schedules (UTC).")
@_AS_OF
def schedule(source: Path, regions: tuple[str, ...], fmt: str, as_of: str) -> None:
    """List every coming moment at which the built site changes by itself.

    A page is published or unpublished, an event ends (and moves to past events), a
    registration deadline passes. A build after the moment shows the change: add the
    moments to the CI schedule (--format cron) for them to appear on time.
    """
    import json

    from rusgen.build import BuildOptions, valid_site
    from rusgen.schedule import as_cron, as_json, as_text, coming_moments

    lang = configured_language(source)
    with _reported(source):
        site = valid_site(BuildOptions(source=source, regions=regions, as_of=as_of))
    moments = coming_moments(site)
    if fmt == "json":
        click.echo(json.dumps(as_json(moments), ensure_ascii=False, indent=2))
    else:
        lines = as_cron(moments) if fmt == "cron" else as_text(moments, lang)
        if fmt == "text" and not moments:
            lines = [say("schedule.none", lang)]
        for line in lines:
            click.echo(line)


@main.command()
@_SOURCE_OPTION
@click.option("--region", "region_id", required=True, metavar="ID", help="The region (its folder name).")
@click.option("--format", "fmt", type=click.Choice(["nginx", "apache", "netlify"]), required=True,
              help="The host's format: nginx location blocks, Apache .htaccess, Netlify _redirects.")
@click.option("--prefix", default=None, metavar="PATH",
              help="The region's folder on the host, like /vg/ (default: the path of base_url).")
def redirects(source: Path, region_id: str, fmt: str, prefix: str | None) -> None:
    """Print the region's redirect rules: 301 for a moved address, 410 for a gone one."""
    from rusgen.build import BuildOptions, valid_site
    from rusgen.outputs.redirects import base_path, region_rules, rules_text

    with _reported(source):
        site = valid_site(BuildOptions(source=source, regions=(region_id,)))
    region = site.regions[0]
    path = base_path(region) if prefix is None else "/" + prefix.strip("/") + "/"
    click.echo(rules_text(region_rules(region), path.replace("//", "/"), fmt), nl=False)


# --- schema ------------------------------------------------------------------------------


@main.command()
@click.argument("kind", metavar="KIND")
def schema(kind: str) -> None:
    """Print the JSON Schema of a kind of file: network, region, contacts, page, event or news.

    Editors use it to check region.yaml and contacts.yaml while you type.
    """
    import json

    from rusgen.contentmodel import kinds
    from rusgen.contentmodel.jsonschema import json_schema

    lang = configured_language(Path("."))
    known = list(kinds())
    if kind not in known:
        _fail(RusgenError("cli.unknown_kind", kind=kind, kinds=", ".join(known)))
    click.echo(json.dumps(json_schema(kind, lang), ensure_ascii=False, indent=2))


# --- new ---------------------------------------------------------------------------------


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


_SOURCE = click.option("--source", type=click.Path(file_okay=False, path_type=Path), default=".",
                       show_default=True, help="The folder that holds rusgen.yaml.")
_REGION = click.option("--region", default=None, metavar="ID",
                       help="The region (its folder name); needed when there are several.")


@main.group()
def new() -> None:
    """Start a region, a page, an event or a news item; never overwrites a file."""


@new.command("region")
@click.argument("region_id", metavar="ID")
@click.option("--name", default="", help='The region\'s name, like "Västra Götaland".')
@click.option("--organisation", default="", help="Who publishes, like \"Region Halland\".")
@click.option("--email", default="", help="Where readers write with questions and accessibility issues.")
@_SOURCE
def new_region(region_id: str, name: str, organisation: str, email: str, source: Path) -> None:
    """Create content/ID/ with region.yaml, contacts.yaml and index.md."""
    from rusgen.scaffold import new_region as make
    from rusgen.scaffold import open_project

    with _reported(source):
        project = open_project(source)
        made = make(project, region_id, name, organisation, email)
    settings, _, index = (path.relative_to(source).as_posix() for path in made)
    _made(made, source, project.lang, "new.region_next", settings=settings, index=index)


@new.command("page")
@click.argument("path")
@click.option("--title", default="", help="The page's title (default: made from PATH).")
@_REGION
@_SOURCE
def new_page(path: str, title: str, region: str | None, source: Path) -> None:
    """Create a page, e.g. om-oss or kraftsamlingar/index (a section's own page)."""
    from rusgen.scaffold import new_page as make
    from rusgen.scaffold import open_project, pick_region

    with _reported(source):
        project = open_project(source)
        made = make(project, pick_region(project, region), path, title)
    _made([made], source, project.lang, "new.page_next", path=made.relative_to(source).as_posix())


@new.command("event")
@click.argument("title")
@click.option("--start", default="",
              help='When it starts: "2026-12-01 9.30" or "2026-12-01 13:00", or a date for all day.')
@click.option("--end", default=None, help='When it ends: "2026-12-01 16.00", or "16.00" the same day.')
@_REGION
@_SOURCE
def new_event(title: str, start: str, end: str | None, region: str | None, source: Path) -> None:
    """Create events/YYYY-MM-DD-title.md."""
    from rusgen.scaffold import new_event as make
    from rusgen.scaffold import open_project, pick_region

    with _reported(source):
        project = open_project(source)
        made = make(project, pick_region(project, region), title, start, end)
    _made([made], source, project.lang, "new.page_next", path=made.relative_to(source).as_posix())


@new.command("news")
@click.argument("title")
@click.option("--date", "day", default=None, help="The date, like 2026-12-01 (default: today).")
@_REGION
@_SOURCE
def new_news(title: str, day: str | None, region: str | None, source: Path) -> None:
    """Create news/YYYY-MM-DD-title.md."""
    from rusgen.scaffold import new_news as make
    from rusgen.scaffold import news_date, open_project, pick_region

    with _reported(source):
        project = open_project(source)
        when = news_date(day) if day is not None else _today()
        made = make(project, pick_region(project, region), title, when)
    _made([made], source, project.lang, "new.page_next", path=made.relative_to(source).as_posix())


# --- rusgen serve -------------------------------------------------------------------------

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@main.command()
@click.option("--source", type=click.Path(file_okay=False, path_type=Path), default=".",
              show_default=True, help="The folder that holds rusgen.yaml.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="The port to listen on (0: any free port).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on; 0.0.0.0 shows the preview to the whole network.")
@click.option("--drafts/--no-drafts", default=True, show_default=True,
              help="Also show pages marked draft: true.")
@click.option("--open", "open_browser", is_flag=True, help="Open the preview in the web browser.")
@_AS_OF
def serve(source: Path, port: int, host: str, drafts: bool, open_browser: bool, as_of: str) -> None:
    """Preview the sites at http://localhost:8000/, rebuilt and reloaded on every save."""
    from rusgen.build import BuildOptions, site_clock
    from rusgen.editor.admin import ADMIN_ROUTE, AdminFiles
    from rusgen.editor.api import EditorApi
    from rusgen.editor.draft import DraftPreview
    from rusgen.preview import SiteRebuilder, preview_words
    from rusgen.server import serve as run_server

    lang = configured_language(source)
    if not (source / CONFIG_FILE).is_file():
        _fail(RusgenError("cli.no_config", path=source / CONFIG_FILE, config=CONFIG_FILE), source)
    options = BuildOptions(source=source, drafts=drafts, preview=True, as_of=as_of)
    with _reported(source):
        site_clock(options)  # an --as-of it cannot read is said before the server starts
    rebuild = SiteRebuilder(options)
    folders, files = rebuild.watched()

    def ready(url: str) -> None:
        click.echo(say("cli.preview_at" if host in LOOPBACK else "cli.preview_at_network", lang, url=url))
        if host not in LOOPBACK:
            warning = say("cli.preview_open", lang, host=host)
            click.echo(f"{say('cli.level.warning', lang)}: {warning}", err=True)
        if open_browser:
            import webbrowser

            webbrowser.open(url)

    editor = EditorApi(source, lang, reports=rebuild, preview=DraftPreview(options, lang, rebuild.caches))
    routes = {**editor.routes(), ADMIN_ROUTE: AdminFiles(source)}
    try:
        run_server(rebuild, folders, files, host=host, port=port, words=preview_words(lang),
                   log=lambda line: click.echo(line, err=True), ready=ready, routes=routes)
    except KeyboardInterrupt:
        click.echo(say("cli.stopped", lang), err=True)
    except OSError as exc:
        _fail(RusgenError("cli.listen", host=host, port=port, reason=exc.strerror or exc), source)
