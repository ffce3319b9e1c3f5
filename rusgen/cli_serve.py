"""`rusgen serve`: the live preview, with the editor's routes beside it."""

from __future__ import annotations

from pathlib import Path

import click

from rusgen.cli_base import AS_OF, fail, reported
from rusgen.errors import RusgenError
from rusgen.loader import configured_language
from rusgen.messages import say
from rusgen.raw import CONFIG_FILE

LOOPBACK = ("127.0.0.1", "localhost", "::1")


@click.command()
@click.option("--source", type=click.Path(file_okay=False, path_type=Path), default=".",
              show_default=True, help="The folder that holds rusgen.yaml.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="The port to listen on (0: any free port).")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on; 0.0.0.0 shows the preview to the whole network.")
@click.option("--drafts/--no-drafts", default=True, show_default=True,
              help="Also show pages marked draft: true.")
@click.option("--open", "open_browser", is_flag=True, help="Open the preview in the web browser.")
@AS_OF
def serve(source: Path, port: int, host: str, drafts: bool, open_browser: bool, as_of: str) -> None:
    """Preview the sites at http://localhost:8000/, rebuilt and reloaded on every save."""
    from rusgen.build import BuildOptions, site_clock
    from rusgen.editor.admin import ADMIN_ROUTE, AdminFiles
    from rusgen.editor.api import EditorApi
    from rusgen.editor.draft import DraftPreview
    from rusgen.preview import SiteRebuilder, preview_words
    from rusgen.server import serve as run_server
    from rusgen.server.routes import Route

    lang = configured_language(source)
    if not (source / CONFIG_FILE).is_file():
        fail(RusgenError("cli.no_config", path=source / CONFIG_FILE, config=CONFIG_FILE), source)
    options = BuildOptions(source=source, drafts=drafts, preview=True, as_of=as_of)
    with reported(source):
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
    routes: dict[str, Route] = {**editor.routes(), ADMIN_ROUTE: AdminFiles(source)}
    try:
        run_server(rebuild, folders, files, host=host, port=port, words=preview_words(lang),
                   log=lambda line: click.echo(line, err=True), ready=ready, routes=routes)
    except KeyboardInterrupt:
        click.echo(say("cli.stopped", lang), err=True)
    except OSError as exc:
        fail(RusgenError("cli.listen", host=host, port=port, reason=exc.strerror or exc), source)
