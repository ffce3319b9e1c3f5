"""The command line: the only module that knows click."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from rusgen import __version__
from rusgen.errors import ContentError, ContentErrors, RusgenError


def _print_warnings(warnings: list[ContentError]) -> None:
    for warning in warnings:
        click.echo(f"warning: {warning}", err=True)


def _fail(exc: RusgenError) -> None:
    if isinstance(exc, ContentErrors):
        for error in exc.errors:
            click.echo(f"error: {error}", err=True)
        count = len(exc.errors)
        click.echo(
            f"Build failed: {count} error{'s' if count != 1 else ''}. "
            "The previous output was left as it was.",
            err=True,
        )
    else:
        click.echo(f"error: {exc}", err=True)
    sys.exit(1)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
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
def build(
    source: Path, output: Path | None, drafts: bool, regions: tuple[str, ...], base_url: str
) -> None:
    """Build every region's microsite and the network index."""
    from rusgen.build import BuildOptions, output_folder
    from rusgen.build import build as run_build

    options = BuildOptions(
        source=source, output=output, drafts=drafts, regions=regions, base_url=base_url
    )
    try:
        result = run_build(options)
    except RusgenError as exc:
        _fail(exc)
        return
    _print_warnings(result.warnings)
    report = result.report
    folder = output_folder(result.site, options)
    pages = sum(1 for o in result.outputs if o.path.endswith(".html"))
    click.echo(
        f"Built {len(result.site.regions)} regions, {pages} pages into {folder}/ "
        f"({report.written} written, {report.unchanged} unchanged, {report.removed} removed)."
    )
