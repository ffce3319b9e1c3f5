"""The preview server: serves a site held in memory and reloads open pages when it changes.

It knows nothing of rusgen: it gets a `rebuild` callable that returns a Snapshot (every
file of the site, or the problems that stopped the build) and a list of folders and files
to watch. Only paths that are keys of the snapshot are served, so no request can reach a
file outside the site, whatever `..`, encoding or symlink it tries.
"""

from __future__ import annotations

import json
import mimetypes
import posixpath
import queue
import signal
import socket
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

PREFIX = "/__rusgen/"
EVENTS_PATH = PREFIX + "events"
DEBOUNCE = 0.05  # seconds of quiet after the last file event before a rebuild
KEEPALIVE = 15.0  # seconds between comments on an idle event stream, to notice closed tabs
EDITOR_DROPPINGS = (".swp", ".swx", ".tmp", "~", ".part")
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".ics": "text/calendar; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".webmanifest": "application/manifest+json",
    ".pf_meta": "application/octet-stream",
    ".pf_index": "application/octet-stream",
    ".pf_fragment": "application/octet-stream",
    ".wasm": "application/wasm",
}


@dataclass(frozen=True)
class Problem:
    """One error that stopped a build: where, and what."""

    file: str
    line: int
    message: str
    text: str  # the whole message as the terminal prints it


@dataclass(frozen=True)
class SourceFile:
    """A file served from disk; its stamp makes a changed file compare unequal."""

    path: Path
    stamp: tuple[int, int]  # (mtime_ns, size)


@dataclass(frozen=True)
class Snapshot:
    """The site as the last rebuild left it.

    `files` maps a site path ("vasterbotten/index.html") to its bytes, or to a file on disk
    for documents and images; None means the build failed and `problems` says why.
    """

    files: Mapping[str, bytes | SourceFile] | None
    problems: tuple[Problem, ...] = ()
    warnings: tuple[str, ...] = ()


Rebuild = Callable[[], Snapshot]
Log = Callable[[str], None]


class BadPath(ValueError):
    """A request path that tries to leave the site."""


def site_path(raw: str) -> str:
    """Turn a request target into a site path without a leading slash; raise BadPath.

    Decoded once, as a browser encodes; a `%` that still decodes to something is a second
    encoding, which no link of the site makes, so it is refused with the rest.
    """
    # An origin-form target is split by hand: urlsplit would read "//etc/x" as a host.
    path = raw.split("?", 1)[0].split("#", 1)[0] if raw.startswith("/") else urlsplit(raw).path
    if not path.startswith("/"):
        raise BadPath(raw)
    decoded = unquote(path, errors="strict")
    if unquote(decoded) != decoded or "\\" in decoded or "\x00" in decoded:
        raise BadPath(raw)
    parts = decoded.split("/")[1:]
    if any(part in (".", "..") for part in parts):
        raise BadPath(raw)
    if any(part == "" for part in parts[:-1]):  # `//` would hide an absolute path
        raise BadPath(raw)
    return "/".join(parts)


def lookup(path: str, files: Mapping[str, object]) -> tuple[str | None, str | None]:
    """Find a site path in the files: (key to serve, None) or (None, URL to redirect to)."""
    if path == "" or path.endswith("/"):
        index = path + "index.html"
        return (index, None) if index in files else (None, None)
    if path in files:
        return path, None
    if path + "/index.html" in files:
        return None, "/" + path + "/"
    return None, None


def not_found_page(path: str, files: Mapping[str, object]) -> str | None:
    """Return the 404 page of the region the path is in, or the network's."""
    region = path.split("/", 1)[0] if "/" in path else ""
    for candidate in (f"{region}/404.html" if region else "", "404.html"):
        if candidate and candidate in files:
            return candidate
    return None


def content_type(path: str) -> str:
    """Return the Content-Type of a site path."""
    suffix = posixpath.splitext(path)[1].lower()
    if suffix in TYPES:
        return TYPES[suffix]
    guessed = mimetypes.guess_type(path)[0] or "application/octet-stream"
    return f"{guessed}; charset=utf-8" if guessed.startswith("text/") else guessed


def changed_paths(old: Mapping[str, object] | None, new: Mapping[str, object]) -> set[str]:
    """Return the paths whose content differs between two snapshots."""
    if old is None:
        return set(new)
    changed = {p for p in new.keys() ^ old.keys()}
    changed.update(p for p, data in new.items() if p in old and old[p] != data)
    return changed


def inject(html: bytes, script: str) -> bytes:
    """Put the live-reload script before the page's last </body>."""
    tag = f"<script>{script}</script>".encode()
    at = html.lower().rfind(b"</body>")
    return html + tag if at < 0 else html[:at] + tag + html[at:]


@dataclass
class _State:
    snapshot: Snapshot
    good: Mapping[str, bytes | SourceFile]
    version: int = 0
    stamps: dict[str, float] = field(default_factory=dict)  # css path -> change time


class Broadcaster:
    """Hand server-sent events to every open page."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._clients: set[queue.Queue[str]] = set()

    def subscribe(self) -> queue.Queue[str]:
        """Return a queue that receives every event from now on."""
        client: queue.Queue[str] = queue.Queue()
        with self._lock:
            self._clients.add(client)
        return client

    def unsubscribe(self, client: queue.Queue[str]) -> None:
        with self._lock:
            self._clients.discard(client)

    def send(self, event: str, data: object) -> None:
        """Send one event to every page."""
        message = f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"
        with self._lock:
            for client in self._clients:
                client.put(message)

    def close(self) -> None:
        """Tell every stream to end, so the server can stop."""
        with self._lock:
            for client in self._clients:
                client.put("")


class PreviewServer(ThreadingHTTPServer):
    """An HTTP server over the latest good snapshot, with live reload."""

    daemon_threads = True  # an open event stream must never keep the process alive
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], rebuild: Rebuild, log: Log) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        super().__init__(address, PreviewHandler)
        self.rebuild_site = rebuild
        self.log = log
        self.server_id = uuid.uuid4().hex
        self.events = Broadcaster()
        self._lock = threading.Lock()
        self.state = _State(snapshot=Snapshot(files=None), good={})

    def handle_error(self, request: object, client_address: object) -> None:
        """Ignore a browser that hung up mid-answer (a reload does that); log anything else."""
        exc = sys.exc_info()[1]
        if not isinstance(exc, ConnectionError):
            self.log(f"error: serving a request failed: {exc!r}")

    def refresh(self) -> None:
        """Rebuild, swap in the new snapshot and tell the open pages what to do."""
        started = time.perf_counter()
        snapshot = self.rebuild_site()
        elapsed = (time.perf_counter() - started) * 1000
        for warning in snapshot.warnings:
            self.log(f"warning: {warning}")
        with self._lock:
            old = self.state
            if snapshot.files is None:
                self.state = _State(snapshot, old.good, old.version, old.stamps)
            else:
                changed = changed_paths(old.good if old.version else None, snapshot.files)
                stamps = dict(old.stamps)
                stamps.update({p: time.time() for p in changed if p.endswith(".css")})
                self.state = _State(snapshot, snapshot.files, old.version + 1, stamps)
        self._announce(old, snapshot, elapsed)

    def _announce(self, old: _State, snapshot: Snapshot, elapsed: float) -> None:
        if snapshot.files is None:
            for problem in snapshot.problems:
                self.log(f"error: {problem.text}")
            count = len(snapshot.problems)
            self.log(
                f"Build failed: {count} error{'s' if count != 1 else ''}. "
                "The preview keeps showing the last good pages."
            )
            self.events.send("problems", [_problem_json(p) for p in snapshot.problems])
            return
        changed = changed_paths(old.good if old.version else None, snapshot.files)
        plural = "s" if len(changed) != 1 else ""
        self.log(f"Built in {elapsed:.0f} ms: {len(changed)} file{plural} changed.")
        if changed and all(p.endswith(".css") for p in changed):
            self.events.send("css", {"version": self.state.version, "paths": sorted(changed)})
        elif changed:
            self.events.send("reload", {"version": self.state.version})
        else:
            self.events.send("ok", {})


def _problem_json(problem: Problem) -> dict[str, object]:
    return {"file": problem.file, "line": problem.line, "message": problem.message}


class PreviewHandler(BaseHTTPRequestHandler):
    """Serve one request from the current snapshot."""

    server: PreviewServer
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass  # the terminal shows rebuilds and errors, not every request

    def do_HEAD(self) -> None:
        self._serve(body=False)

    def do_GET(self) -> None:
        if urlsplit(self.path).path == EVENTS_PATH:
            self._stream()
        else:
            self._serve(body=True)

    def _serve(self, body: bool) -> None:
        try:
            path = site_path(self.path)
        except (BadPath, UnicodeDecodeError):
            self._send(HTTPStatus.BAD_REQUEST, "text/plain; charset=utf-8", b"Bad request\n", body)
            return
        state = self.server.state
        key, redirect = lookup(path, state.good)
        if redirect:
            self._redirect(quote(redirect))
        elif key is None:
            page = not_found_page(path, state.good)
            data = self._read(state, page) if page else _PLAIN_404
            self._send(HTTPStatus.NOT_FOUND, "text/html; charset=utf-8", self._html(data, state), body)
        else:
            data = self._read(state, key)
            if key.endswith(".html"):
                data = self._html(data, state)
            self._send(HTTPStatus.OK, content_type(key), data, body)

    def _read(self, state: _State, key: str) -> bytes:
        value = state.good[key]
        return value.path.read_bytes() if isinstance(value, SourceFile) else value

    def _html(self, data: bytes, state: _State) -> bytes:
        setup = {
            "server": self.server.server_id,
            "version": state.version,
            "problems": [_problem_json(p) for p in state.snapshot.problems],
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
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        client = self.server.events.subscribe()
        try:
            state = self.server.state
            hello = {"server": self.server.server_id, "version": state.version}
            self.wfile.write(f"retry: 300\nevent: hello\ndata: {json.dumps(hello)}\n\n".encode())
            self.wfile.flush()
            while True:
                try:
                    message = client.get(timeout=KEEPALIVE)
                except queue.Empty:
                    message = ": keepalive\n\n"
                if not message:
                    return
                self.wfile.write(message.encode())
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass  # the page was closed
        finally:
            self.server.events.unsubscribe(client)


_PLAIN_404 = (
    b'<!DOCTYPE html>\n<html lang="sv"><head><meta charset="utf-8"><title>Sidan finns inte</title>'
    b"</head><body><main><h1>Sidan finns inte (404)</h1><p>No page at this address. "
    b'<a href="/">Till startsidan</a></p></main></body></html>\n'
)


class _Watcher(FileSystemEventHandler):
    """Turn file events into a debounced rebuild request."""

    def __init__(self, poke: Callable[[], None], files: set[str]) -> None:
        self.poke = poke
        self.files = files  # single files watched through their folder, e.g. rusgen.yaml

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        paths = [event.src_path, getattr(event, "dest_path", "") or ""]
        if any(self._relevant(str(p)) for p in paths if p):
            self.poke()

    def _relevant(self, path: str) -> bool:
        name = Path(path).name
        if name.startswith((".", "#")) or name.endswith(EDITOR_DROPPINGS) or name == "4913":
            return False  # editors' swap and backup files (vim writes a probe called 4913)
        return not self.files or path in self.files


class Rebuilder:
    """Run rebuilds on one thread, after file events have been quiet for DEBOUNCE."""

    def __init__(self, server: PreviewServer) -> None:
        self.server = server
        self._wake = threading.Event()
        self._last = 0.0
        self._stop = False
        self._thread = threading.Thread(target=self._run, name="rusgen-rebuild", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def poke(self) -> None:
        """Note a file change; the rebuild follows once changes stop coming."""
        self._last = time.monotonic()
        self._wake.set()

    def stop(self) -> None:
        self._stop = True
        self._wake.set()

    def _run(self) -> None:
        while True:
            self._wake.wait()
            if self._stop:
                return
            while (quiet := time.monotonic() - self._last) < DEBOUNCE:
                time.sleep(DEBOUNCE - quiet)
            self._wake.clear()
            try:
                self.server.refresh()
            except Exception as exc:  # noqa: BLE001 - the preview must outlive any bug
                self.server.log(f"error: the rebuild failed unexpectedly: {exc!r}")


def watch(rebuilder: Rebuilder, folders: Iterable[Path], files: Iterable[Path]) -> Observer:
    """Start watching folders (recursively) and single files; return the observer."""
    observer = Observer()
    for folder in folders:
        if folder.is_dir():
            observer.schedule(_Watcher(rebuilder.poke, set()), str(folder), recursive=True)
    by_parent: dict[Path, set[str]] = {}
    for file in files:
        by_parent.setdefault(file.parent, set()).add(str(file))
    for parent, names in by_parent.items():
        observer.schedule(_Watcher(rebuilder.poke, names), str(parent), recursive=False)
    observer.daemon = True
    observer.start()
    return observer


def serve(
    rebuild: Rebuild,
    folders: Iterable[Path],
    files: Iterable[Path],
    host: str = "127.0.0.1",
    port: int = 8000,
    log: Log = print,
    ready: Callable[[str], None] | None = None,
) -> None:
    """Build, serve and watch until interrupted (Ctrl-C ends it with KeyboardInterrupt)."""
    _stop_on_signals()
    server = PreviewServer((host, port), rebuild, log)
    server.refresh()
    rebuilder = Rebuilder(server)
    rebuilder.start()
    observer = watch(rebuilder, folders, files)
    shown = {"0.0.0.0": "127.0.0.1", "::": "[::1]"}.get(host, f"[{host}]" if ":" in host else host)
    url = f"http://{shown}:{server.server_address[1]}/"
    if ready:
        ready(url)
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        rebuilder.stop()
        observer.stop()
        server.events.close()
        server.server_close()


def _stop_on_signals() -> None:
    """Make Ctrl-C and SIGTERM stop the server, also where a shell started it ignoring SIGINT."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGINT, signal.default_int_handler)
        signal.signal(signal.SIGTERM, signal.default_int_handler)


CLIENT = r"""
(function () {
  var setup = __SETUP__;
  var box = null;
  function hide() { if (box) { box.remove(); box = null; } }
  function show(problems) {
    hide();
    if (!problems.length) return;
    box = document.createElement("div");
    box.id = "rusgen-problems";
    box.setAttribute("role", "alert");
    box.setAttribute("style", "position:fixed;inset:auto 0 0 0;z-index:2147483647;max-height:60vh;" +
      "overflow:auto;background:#fff;color:#1a1a1a;border-top:6px solid #b00020;padding:1rem 1.25rem;" +
      "font:16px/1.5 system-ui,sans-serif;box-shadow:0 -4px 16px rgba(0,0,0,.3)");
    var title = document.createElement("h2");
    title.textContent = "Förhandsvisningen kunde inte byggas om / The preview could not be rebuilt";
    title.setAttribute("style", "margin:0 0 .5rem;font-size:1.2rem;color:#b00020");
    var note = document.createElement("p");
    note.textContent = "Sidan visar den senaste fungerande versionen. Rätta felet och spara, " +
      "så försvinner rutan. (You see the last good version; fix and save.)";
    note.setAttribute("style", "margin:0 0 .5rem");
    var list = document.createElement("ul");
    list.setAttribute("style", "margin:0 0 .75rem;padding-left:1.25rem");
    problems.forEach(function (p) {
      var item = document.createElement("li");
      var where = document.createElement("code");
      where.textContent = p.file + (p.line ? ":" + p.line : "");
      item.appendChild(where);
      item.appendChild(document.createTextNode(" " + p.message));
      list.appendChild(item);
    });
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "Stäng / Close";
    close.setAttribute("style", "font:inherit;padding:.25rem .75rem;border:2px solid #1a1a1a;" +
      "background:#fff;color:#1a1a1a;cursor:pointer");
    close.addEventListener("click", hide);
    box.append(title, note, list, close);
    document.body.appendChild(box);
  }
  function swapCss() {
    var stamp = Date.now();
    document.querySelectorAll('link[rel~="stylesheet"]').forEach(function (link) {
      var url = new URL(link.href);
      url.searchParams.set("rusgen", stamp);
      link.href = url.href;
    });
  }
  document.addEventListener("keydown", function (e) { if (e.key === "Escape") hide(); });
  if (setup.problems.length) {
    if (document.body) show(setup.problems);
    else document.addEventListener("DOMContentLoaded", function () { show(setup.problems); });
  }
  var source = new EventSource("/__rusgen/events");
  source.addEventListener("hello", function (e) {
    var hello = JSON.parse(e.data);
    // A new server or a build made while we were away: the page may be stale.
    if (hello.server !== setup.server || hello.version !== setup.version) location.reload();
  });
  source.addEventListener("reload", function () { location.reload(); });
  source.addEventListener("css", function (e) {
    setup.version = JSON.parse(e.data).version;
    hide();
    swapCss();
  });
  source.addEventListener("problems", function (e) { show(JSON.parse(e.data)); });
  source.addEventListener("ok", hide);
})();
"""
