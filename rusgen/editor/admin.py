"""The files of /admin/: Decap CMS, rusgen's script beside it, the page and its configuration.

`rusgen serve` answers /admin/ with them (AdminFiles), saving through its own local
backend; `rusgen build` writes them into each region's output when rusgen.yaml has
`editor:` (admin_outputs), saving through GitLab, GitHub or Gitea. Every file is served from
the package: the page loads nothing from another address.
"""

from __future__ import annotations

import html
import json
from http import HTTPStatus
from pathlib import Path

import yaml

from rusgen.editor.config import Config, decap_config
from rusgen.editor.regions import RegionFacts, read_regions
from rusgen.loader import configured_language
from rusgen.messages import catalogue, message_language, say
from rusgen.model import EditorSettings, Output, Region, Site
from rusgen.server.routes import Request, Response

STATIC = Path(__file__).parent / "static"
ADMIN = "/admin/"
ADMIN_ROUTE = "/admin"  # the preview server's route: /admin and all below it
ADMIN_FOLDER = "admin"
LOCAL_API = "/api/v1"  # the local backend's address on the preview server
# The admin page's words (rusgen/messages/editor.py), by the name its script knows them.
WORDS = ("title", "saved", "saved_no_page", "problems", "line", "close", "no_answer",
         "preview_waiting", "preview_failed")
TYPES = {".js": "text/javascript; charset=utf-8", ".txt": "text/plain; charset=utf-8",
         ".wasm": "application/wasm", ".html": "text/html; charset=utf-8",
         ".yml": "text/yaml; charset=utf-8"}

def static_files() -> dict[str, Path]:
    """Return Decap's files and rusgen's script by their names; nothing else is served."""
    return {path.name: path for path in sorted(STATIC.iterdir()) if path.suffix in TYPES}


def index_html(lang: str, local: bool, config: Config) -> bytes:
    """Return the admin page: Decap, then rusgen's script with its words and collections."""
    setup = {
        "local": local,
        # As templates: the script fills in {path} and {line} itself.
        "words": {word: catalogue()[f"admin.{word}"].text(lang) for word in WORDS},
        # Where each collection keeps its files: Decap names no path for a new entry.
        "collections": {c["name"]: {"folder": c.get("folder", ""), "extension": c.get("extension", "")}
                        for c in config["collections"]},
    }
    data = json.dumps(setup, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    title = html.escape(say("admin.title", lang))
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        '<link rel="icon" href="data:,">\n'  # no request for a /favicon.ico that may be missing
        f"<title>{title}</title>\n"
        '<link href="config.yml" type="text/yaml" rel="cms-config-url">\n'
        "</head>\n<body>\n"
        f'<script id="rusgen-setup" type="application/json">{data}</script>\n'
        '<script src="decap-cms.js"></script>\n'
        '<script src="rusgen-admin.js"></script>\n'
        "</body>\n</html>\n"
    ).encode()


def config_yaml(config: Config) -> bytes:
    return yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=100).encode()


class AdminFiles:
    """Answer GET /admin/... on the preview server: the configuration made anew each time,
    so a new contact, term or folder is in the form at the next reload."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.files = static_files()

    def __call__(self, request: Request) -> Response | None:
        if request.path == ADMIN_ROUTE:  # the address as typed, without its last /
            return Response(HTTPStatus.MOVED_PERMANENTLY, "", b"", location=ADMIN)
        if not request.path.startswith(ADMIN):
            return None  # /administration/ and the like: the site's, not the editor's
        if request.method not in ("GET", "HEAD"):
            return Response(HTTPStatus.METHOD_NOT_ALLOWED, TYPES[".txt"], b"Not allowed\n")
        name = request.path[len(ADMIN):]
        if name in ("", "index.html", "config.yml"):
            lang = configured_language(self.root)
            origin = f"http://{request.headers.get('host') or f'127.0.0.1:{request.server_port}'}"
            config = decap_config(read_regions(self.root), lang, local_url=origin + LOCAL_API)
            if name == "config.yml":
                return Response(HTTPStatus.OK, TYPES[".yml"], config_yaml(config))
            return Response(HTTPStatus.OK, TYPES[".html"], index_html(lang, local=True, config=config))
        file = self.files.get(name)
        if file is None:
            return Response(HTTPStatus.NOT_FOUND, TYPES[".txt"], b"Not found\n")
        return Response(HTTPStatus.OK, TYPES[file.suffix], file.read_bytes())


def editor_outputs(site: Site, region: Region, root: Path) -> list[Output]:
    """Return /admin/ of one region's output folder when rusgen.yaml has `editor:`."""
    if site.network.editor is None:
        return []
    facts = next(r for r in read_regions(root) if r.id == region.id)
    lang = message_language(site.network.language)
    return admin_outputs(region.output_folder, facts, lang, site.network.editor)


def admin_outputs(folder: str, region: RegionFacts, lang: str, web: EditorSettings) -> list[Output]:
    """Return /admin/ of one region's output folder, saving through the service `web` names."""
    config = decap_config([region], lang, web)
    prefix = f"{folder}/{ADMIN_FOLDER}"
    return [
        Output(f"{prefix}/index.html", index_html(lang, local=False, config=config)),
        Output(f"{prefix}/config.yml", config_yaml(config)),
        *(Output(f"{prefix}/{name}", source=str(path)) for name, path in static_files().items()),
    ]

