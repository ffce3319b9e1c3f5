"""The request handler: a file of the current site, or an open tab's event stream."""

from __future__ import annotations

import json
import queue
import socket
import time
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import BinaryIO, Protocol
from urllib.parse import parse_qs, quote, urlsplit

from rusgen.livesite import Replaced
from rusgen.server.channel import Broadcaster, Tab
from rusgen.server.paths import EVENTS_PATH, BadPath, content_type, lookup, not_found_page, site_path
from rusgen.server.reload import PLAIN_404, State, digest, page_digest, problem_json, read
from rusgen.server.routes import MAX_BODY, Request, Response, Routes, route_for
from rusgen.server.snapshot import Words

KEEPALIVE = 15.0  # seconds between comments on an idle event stream, to notice closed tabs
RETRIES = 20  # times a request tries again when a newer rebuild replaced the site it waited on

# The browser side of live reload, injected into every served page.
CLIENT = (Path(__file__).parent.parent / "live_reload.js").read_text("utf-8")


class Server(Protocol):
    """What a request asks of the server: the current site, its words and the open tabs."""

    state: State
    server_id: str
    words: Words
    events: Broadcaster
    read_timeout: float
    routes: Routes

    def files_changed(self, paths: list[str]) -> None: ...

    def tab_opened(self, tab: Tab) -> None: ...

    def wait_for_new_state(self, old: State, timeout: float = 5.0) -> None: ...


def inject(html: bytes, script: str) -> bytes:
    """Put the live-reload script before the page's last </body>."""
    tag = f"<script>{script}</script>".encode()
    at = html.lower().rfind(b"</body>")
    return html + tag if at < 0 else html[:at] + tag + html[at:]


class _HeadReader:
    """The request's input, read line by line within a deadline however slowly bytes come."""

    def __init__(self, rfile: BinaryIO, connection: socket.socket, timeout: float) -> None:
        self._rfile = rfile
        self._connection = connection
        self._timeout = timeout  # of each read or write once the line is in
        self.deadline: float | None = None

    def readline(self, limit: int = -1) -> bytes:
        if self.deadline is None:
            return self._rfile.readline(limit)
        line = bytearray()
        while not line.endswith(b"\n") and (limit < 0 or len(line) < limit):
            remaining = self.deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("the request's head did not come in time")
            self._connection.settimeout(remaining)
            buffered = self._rfile.peek(1)  # at most one read of the socket  # type: ignore[attr-defined]
            if not buffered:
                break  # the client closed the connection
            end = buffered.find(b"\n")
            size = len(buffered) if end < 0 else end + 1
            line += self._rfile.read(size if limit < 0 else min(size, limit - len(line)))
        self._connection.settimeout(self._timeout)  # the answer's writes get the whole timeout
        return bytes(line)

    def __getattr__(self, name: str) -> object:
        return getattr(self._rfile, name)


class PreviewHandler(BaseHTTPRequestHandler):
    """Serve one request from the current snapshot."""

    server: Server  # type: ignore[assignment]
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        # Per server, not per class, so a test can use a short one; the base class applies it
        # to the socket, and a read that waits longer ends the connection.
        self.timeout = self.server.read_timeout
        super().setup()
        self.rfile = _HeadReader(self.rfile, self.connection, self.timeout)  # type: ignore[assignment]

    def handle_one_request(self) -> None:
        # The whole head of a request, not each read of it, must come within the timeout: a
        # client sending a byte now and then would otherwise hold its thread for good.
        self.rfile.deadline = time.monotonic() + self.server.read_timeout  # type: ignore[attr-defined]
        try:
            super().handle_one_request()
        finally:
            self.rfile.deadline = None  # type: ignore[attr-defined]

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # the terminal shows rebuilds and errors, not every request

    def do_HEAD(self) -> None:
        if not self._routed():
            self._serve(body=False)

    def do_GET(self) -> None:
        if urlsplit(self.path).path == EVENTS_PATH:
            self._stream()
        elif not self._routed():
            self._serve(body=True)

    def do_POST(self) -> None:
        if not self._routed():
            self._send(HTTPStatus.METHOD_NOT_ALLOWED, "text/plain; charset=utf-8", b"Not allowed\n", True)

    def _routed(self) -> bool:
        """Answer the request by the caller's route for its path, if one has it."""
        url = urlsplit(self.path)
        route = route_for(url.path, self.server.routes)
        if route is None:
            return False
        try:
            length = int(self.headers.get("Content-Length") or 0)
        except ValueError:
            length = -1
        if not 0 <= length <= MAX_BODY:
            self.close_connection = True
            self._send(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "text/plain; charset=utf-8", b"Too large\n", True)
            return True
        request = Request(
            method=self.command, path=url.path, query=url.query,
            headers={name.lower(): value for name, value in self.headers.items()},
            body=self.rfile.read(length) if length else b"", client=self.client_address[0],
            server_port=self.server.server_address[1],  # type: ignore[attr-defined]
            changed=self.server.files_changed,
        )
        answer: Response | None = route(request)
        if answer is None:
            return False  # not an address of the route's own: the site's
        if answer.location:
            self._redirect(answer.location)
        else:
            self._send(HTTPStatus(answer.status), answer.content_type, answer.body, self.command != "HEAD")
        return True

    def _serve(self, body: bool) -> None:
        try:
            path = site_path(self.path)
        except (BadPath, UnicodeDecodeError):
            self._send(HTTPStatus.BAD_REQUEST, "text/plain; charset=utf-8", b"Bad request\n", body)
            return
        for _ in range(RETRIES):
            state = self.server.state
            try:
                status, kind, data = self._answer(path, state)
                break
            except Replaced:  # a newer rebuild came while this one was still rendering
                self.server.wait_for_new_state(state)
        else:
            status, kind, data = HTTPStatus.SERVICE_UNAVAILABLE, "text/plain; charset=utf-8", b"Busy\n"
        if status == HTTPStatus.MOVED_PERMANENTLY:
            self._redirect(quote(kind))
        else:
            self._send(status, kind, data, body)

    def _answer(self, path: str, state: State) -> tuple[HTTPStatus, str, bytes]:
        """Return status, content type (or redirect target) and body; raise Replaced."""
        site = state.site
        key, redirect = lookup(path, site)
        if redirect:
            return HTTPStatus.MOVED_PERMANENTLY, redirect, b""
        if key is None:
            page = not_found_page(path, site)
            data = read(site[page]) if page else PLAIN_404
            return HTTPStatus.NOT_FOUND, "text/html; charset=utf-8", self._html(data, state)
        data = read(site[key])
        if key.endswith(".html"):
            data = self._html(data, state)
        return HTTPStatus.OK, content_type(key), data

    def _html(self, data: bytes, state: State) -> bytes:
        setup = {
            "server": self.server.server_id,
            "digest": digest(data),
            "styles": state.styles,
            "problems": [problem_json(p) for p in state.problems],
            "words": self.server.words.overlay,
        }
        script = CLIENT.replace("__SETUP__", json.dumps(setup).replace("<", "\\u003c"))
        return inject(data, script)

    def _redirect(self, location: str) -> None:
        self.send_response(HTTPStatus.MOVED_PERMANENTLY)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _send(self, status: HTTPStatus, kind: str, data: bytes, body: bool) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()
        if body:
            self.wfile.write(data)

    def _stream(self) -> None:
        """Hold an event stream open and pass on the server's events."""
        query = parse_qs(urlsplit(self.path).query)
        try:
            page = site_path(query.get("page", ["/"])[0])
        except (BadPath, UnicodeDecodeError):
            page = ""
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        # Subscribe before looking at the page, so no rebuild falls between the two.
        tab = self.server.events.subscribe(page, query.get("digest", [""])[0])
        self.server.tab_opened(tab)
        try:
            state = self.server.state
            hello = {"server": self.server.server_id, "problems": [problem_json(p) for p in state.problems]}
            self.wfile.write(f"retry: 300\nevent: hello\ndata: {json.dumps(hello)}\n\n".encode())
            self.wfile.flush()
            self._reload_if_stale(tab, query.get("styles", [""])[0])
            while True:
                try:
                    message = tab.messages.get(timeout=KEEPALIVE)
                except queue.Empty:
                    message = ": keepalive\n\n"
                if not message:
                    return
                self.wfile.write(message.encode())
                self.wfile.flush()
                if message.startswith("event: reload"):
                    return  # the page reloads and opens a new stream; this tab is gone
        except (BrokenPipeError, ConnectionResetError, TimeoutError):
            pass  # the page was closed, or stopped reading
        finally:
            self.server.events.unsubscribe(tab)

    def _reload_if_stale(self, tab: Tab, styles: str) -> None:
        """Catch up a page with a rebuild between serving it and opening its stream: reload it
        if its page changed, or swap its stylesheets if only they did."""
        for _ in range(RETRIES):
            state = self.server.state
            try:
                now = page_digest(tab.page, state.site)
                break
            except Replaced:
                self.server.wait_for_new_state(state)
        else:
            return
        if not self.server.events.reload_if_changed(tab, now) and styles and styles != state.styles:
            self.server.events.send("css", {"paths": [], "styles": state.styles, "ok": False}, to=[tab])
