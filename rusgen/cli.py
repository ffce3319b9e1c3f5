"""The command line: `main` and its commands. With cli_base.py (what the commands share),
cli_new.py and cli_serve.py, the only modules that know click."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from rusgen import __version__
from rusgen.cli_base import (
    AS_OF,
    EXIT_BUG,
    SOURCE_OPTION,
    Commands,
    echo_problems,
    fail,
    reported,
)
from rusgen.cli_new import new, new_event, new_news, new_page, new_region
from rusgen.cli_serve import LOOPBACK, serve
from rusgen.errors import ContentErrors, RusgenError
from rusgen.loader import configured_language
from rusgen.messages import say
from rusgen.progress import Progress

# The commands (`new` and `serve` in cli_new.py and cli_serve.py), importable from here.
__all__ = [
    "EXIT_BUG", "LOOPBACK", "build", "check", "init", "main", "new", "new_event", "new_news",
    "new_page", "new_region", "redirects", "schedule", "schema", "serve",
]


@click.group(cls=Commands, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="rusgen")
def main() -> None:
    """Build the strategy microsites of Swedish regions from content/ and themes/."""


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
@AS_OF
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
    with reported(source):
        options = BuildOptions(
            source=source, output=output, drafts=drafts, regions=regions, base_url=base_url,
            shard=Shard.parse(shard) if shard else None, as_of=as_of,
        )
        result = run_build(options, progress=_progress(lang, quiet, verbose))
    echo_problems(result.warnings, lang)
    if quiet:
        return
    report, summary = result.report, result.summary
    assert report is not None  # a build, replayed or not, reports its write
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

    with reported(folder):
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
@AS_OF
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
    with reported(source):
        try:
            result = run_check(options)
        except ContentErrors as exc:
            problems, unreadable = [*exc.errors, *exc.warnings], exc.unreadable
        else:
            assert result.site is not None  # a check renders: it never replays a build
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
@SOURCE_OPTION
@click.option("--region", "regions", multiple=True, metavar="ID",
              help="Only this region (the folder name); repeat for more.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "cron"]), default="text",
              show_default=True, help="text for people, json for tools, cron for CI schedules (UTC).")
@AS_OF
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
    with reported(source):
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
@SOURCE_OPTION
@click.option("--region", "region_id", required=True, metavar="ID", help="The region (its folder name).")
@click.option("--format", "fmt", type=click.Choice(["nginx", "apache", "netlify"]), required=True,
              help="The host's format: nginx location blocks, Apache .htaccess, Netlify _redirects.")
@click.option("--prefix", default=None, metavar="PATH",
              help="The region's folder on the host, like /vg/ (default: the path of base_url).")
def redirects(source: Path, region_id: str, fmt: str, prefix: str | None) -> None:
    """Print the region's redirect rules: 301 for a moved address, 410 for a gone one."""
    from rusgen.build import BuildOptions, valid_site
    from rusgen.outputs.redirects import base_path, region_rules, rules_text

    with reported(source):
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
        fail(RusgenError("cli.unknown_kind", kind=kind, kinds=", ".join(known)))
    click.echo(json.dumps(json_schema(kind, lang), ensure_ascii=False, indent=2))


# In modules of their own: `rusgen new` and `rusgen serve`.
main.add_command(new)
main.add_command(serve)
