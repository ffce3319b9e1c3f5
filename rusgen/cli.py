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
def build(source: Path, output: Path | None, drafts: bool, regions: tuple[str, ...]) -> None:
    """Build every region's microsite and the network index."""
    from rusgen.build import BuildOptions, output_folder
    from rusgen.build import build as run_build

    options = BuildOptions(source=source, output=output, drafts=drafts, regions=regions)
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
def serve(source: Path, port: int, host: str, drafts: bool, open_browser: bool) -> None:
    """Preview the sites at http://localhost:8000/, rebuilt and reloaded on every save."""
    from rusgen.build import BuildOptions
    from rusgen.preview import SiteRebuilder
    from rusgen.server import serve as run_server

    if not (source / "rusgen.yaml").is_file():
        _fail(RusgenError(f"{source / 'rusgen.yaml'}: not found. Run rusgen serve in the folder "
                          "that holds rusgen.yaml, or name it with --source DIR."))
    rebuild = SiteRebuilder(BuildOptions(source=source, drafts=drafts))
    folders, files = rebuild.watched()

    def ready(url: str) -> None:
        click.echo(f"Preview at {url} (only this computer can open it). Press Ctrl-C to stop."
                   if host in LOOPBACK else f"Preview at {url}. Press Ctrl-C to stop.")
        if host not in LOOPBACK:
            click.echo(f"warning: --host {host}: anyone on the network can see the preview, "
                       "drafts included.", err=True)
        if open_browser:
            import webbrowser

            webbrowser.open(url)

    try:
        run_server(rebuild, folders, files, host=host, port=port,
                   log=lambda line: click.echo(line, err=True), ready=ready)
    except KeyboardInterrupt:
        click.echo("Stopped.", err=True)
    except OSError as exc:
        _fail(RusgenError(f"cannot listen on {host}:{port}: {exc.strerror}; "
                          "try another port with --port"))
