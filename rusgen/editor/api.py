"""The editor's routes in `rusgen serve`: Decap's local backend and rusgen's own two answers.

- POST /api/v1: Decap's local-backend protocol (backend.py)
- GET /api/rusgen/messages?path=content/...: the latest preview build's messages for a file;
  without a path, for the entry the last save wrote (its path is in the answer)
- POST /api/rusgen/preview {"path", "raw"}: a draft rendered by the real theme (draft.py)

Each checks first that the request came from a page of this server on this machine
(guard.py); a refusal, like every other error, is a message in the project's language.
"""

from __future__ import annotations

import json
import os
import time
import traceback
from collections.abc import Callable, Mapping
from http import HTTPStatus
from pathlib import Path
from typing import Protocol
from urllib.parse import parse_qs

from rusgen.editor.backend import LocalBackend
from rusgen.editor.guard import Refused, check_request, content_path
from rusgen.errors import ContentError, RusgenError
from rusgen.messages import say
from rusgen.server.routes import Request, Response, Route

API_PATH = "/api/v1"
MESSAGES_PATH = "/api/rusgen/messages"
PREVIEW_PATH = "/api/rusgen/preview"
JSON = "application/json; charset=utf-8"
HTML = "text/html; charset=utf-8"
LEVELS = {False: "error", True: "warning"}
SAVE_WAIT = 45.0  # seconds the messages of a save wait for the rebuild the save started (a busy machine)


class Report(Protocol):
    @property
    def pages(self) -> Mapping[str, str]: ...

    def about(self, path: str) -> tuple[ContentError, ...]: ...


class Reports(Protocol):
    """The preview's rebuilds, as the editor asks them (preview.SiteRebuilder)."""

    def report_after(self, moment: float, timeout: float) -> Report: ...


def json_response(status: int, value: object) -> Response:
    return Response(status, JSON, json.dumps(value, ensure_ascii=False).encode("utf-8"))


class EditorApi:
    """The editor's routes over one project; `messages` and `preview` answer rusgen's two."""

    def __init__(
        self, project: Path, lang: str, reports: Reports | None = None,
        preview: Callable[[str, str, str], tuple[int, str]] | None = None,
    ) -> None:
        self.lang = lang
        self.source = project  # as the preview names it, so the rebuild knows the file
        self.project = str(project.resolve())
        self.backend = LocalBackend(project, self._saved)
        self.reports = reports
        self.preview = preview
        self._saved_at: dict[str, float] = {}  # path -> when its last save was on disk
        self._changed: Callable[[list[str]], None] = lambda paths: None  # the server's

    def _saved(self, rel: str) -> None:
        # A rebuild begun after this moment has read the file as saved.
        self._saved_at[rel] = time.monotonic()
        self._changed([os.path.abspath(os.path.join(self.source, rel))])

    def messages(self, rel: str) -> dict[str, object]:
        """Return the messages of the first rebuild after the file's last save, and its page.

        No path: the file of the last saved entry, which the backend knows (Decap tells the
        editor's page no new entry's path)."""
        rel = rel or self.backend.last_entry or ""
        if not rel:
            return {"messages": [], "page": None, "path": None}
        content_path(self.project, rel)
        assert self.reports is not None
        report = self.reports.report_after(self._saved_at.get(rel, 0.0), SAVE_WAIT)
        said = [
            {"path": p.path, "line": p.line, "field": p.field, "text": p.message, "level": LEVELS[p.warning]}
            for p in report.about(rel)
        ]
        return {"messages": said, "page": report.pages.get(rel), "path": rel}

    def routes(self) -> dict[str, Route]:
        return {API_PATH: self._guarded(self._decap), "/api/rusgen/": self._guarded(self._rusgen)}

    def _guarded(self, answer: Callable[[Request], Response]) -> Route:
        def route(request: Request) -> Response:
            try:
                check_request(request.method, request.headers, request.client, request.server_port)
                self._changed = request.changed
                return answer(request)
            except RusgenError as refusal:
                status = getattr(refusal, "status", HTTPStatus.UNPROCESSABLE_ENTITY)
                return json_response(status, {"error": refusal.text(self.lang)})
            except Exception as exc:  # noqa: BLE001 - a bug in rusgen must not stop the preview
                frame = traceback.extract_tb(exc.__traceback__)[-1]
                where = f"{frame.filename}:{frame.lineno}"
                text = say("preview.bug", self.lang, where=where, problem=repr(exc))
                return json_response(HTTPStatus.INTERNAL_SERVER_ERROR, {"error": text})

        return route

    def _decap(self, request: Request) -> Response:
        if request.path != API_PATH or request.method != "POST":
            return json_response(HTTPStatus.NOT_FOUND, {"error": "Not found"})
        body = _json_body(request)
        return json_response(HTTPStatus.OK, self.backend.answer(body.get("action"), body.get("params", {})))

    def _rusgen(self, request: Request) -> Response:
        if request.path == MESSAGES_PATH and request.method in ("GET", "HEAD") and self.reports:
            path = parse_qs(request.query).get("path", [""])[0]
            return json_response(HTTPStatus.OK, self.messages(path))
        if request.path == PREVIEW_PATH and request.method == "POST" and self.preview:
            body = _json_body(request)
            draft_path, raw = body.get("path"), body.get("raw")
            if not isinstance(draft_path, str) or not isinstance(raw, str):
                raise Refused("backend.bad_request", status=422, problem="path, raw")
            origin = f"http://{request.headers.get('host', '')}"
            status, html = self.preview(draft_path, raw, origin)
            return Response(status, HTML, html.encode("utf-8"))
        return json_response(HTTPStatus.NOT_FOUND, {"error": "Not found"})


def _json_body(request: Request) -> dict:
    try:
        body = json.loads(request.body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise Refused("backend.bad_request", status=400, problem=type(exc).__name__) from None
    if not isinstance(body, dict):
        raise Refused("backend.bad_request", status=400, problem="JSON")
    return body
