"""The preview server: serves a site held in memory and reloads open pages when it changes.

It knows nothing of rusgen: it gets a `rebuild` callable that returns a Snapshot (the
files ready at once and the pages still to render, or the problems that stopped the
build) and a list of folders and files to watch. It renders the pages open in a browser
first (livesite.py) and reloads only the tabs whose page changed. Only paths that are keys
of the site are served, so no request can reach a file outside it, whatever `..`,
encoding or symlink it tries.
"""

from __future__ import annotations

import hashlib
import json
import mimetypes
import os
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
from urllib.parse import parse_qs, quote, unquote, urlsplit

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from rusgen.livesite import BuildFailed, Later, LiveSite, Replaced

PREFIX = "/__rusgen/"
EVENTS_PATH = PREFIX + "events"
DEBOUNCE = 0.05  # seconds of quiet after the last file event before a rebuild
# A file closed after writing, or renamed into place (how editors save atomically), is
# complete: a shorter quiet then only gathers the other files of the same save.
DEBOUNCE_SAVED = 0.01
SAVED_EVENTS = ("closed", "moved")
# Seconds a connection may keep the server waiting for the next bytes of a request: a
# client that sends half a request, or leaves a kept-alive connection idle, would otherwise
# hold a thread for good. An event stream only writes, so it is not cut by this.
READ_TIMEOUT = 5.0
# Connections the system holds while the server is busy accepting others: socketserver's
# default of 5 made requests time out when a page and its stylesheets, images and event
# streams in many tabs arrived at once. The system caps it at net.core.somaxconn.
BACKLOG = 256
KEEPALIVE = 15.0  # seconds between comments on an idle event stream, to notice closed tabs
RETRIES = 20  # times a request tries again when a newer rebuild replaced the site it waited on
# The rest of the site waits while reloaded tabs fetch and show their page: rendering it
# would compete with them for the processor (and for the interpreter's lock). It waits
# until each such tab has its page and REST_DELAY more, at most RELOAD_GRACE in all.
RELOAD_GRACE = 1.5
REST_DELAY = 0.3
# The browser side of live reload, injected into every served page.
CLIENT = (Path(__file__).parent / "live_reload.js").read_text("utf-8")
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
    note: str = ""  # the follow-on errors folded under this cause: "3 sidor länkar hit"
    followers: int = 0  # how many follow-on errors the note stands for


def _failed(errors: int, followers: int) -> str:
    counted = f"{errors} error{'s' if errors != 1 else ''}"
    if followers:
        counted += f" and {followers} follow-on error{'s' if followers != 1 else ''}"
    return f"Build failed: {counted}. The preview keeps showing the last good pages."


def _built(ms: int, files: int) -> str:
    return f"Built in {ms} ms: {files} file{'s' if files != 1 else ''} changed."


@dataclass(frozen=True)
class Words:
    """What the preview says, in the project's language; the CLI gives the catalogue's words.

    English by default, for a server started on its own.
    """

    error: str = "error: {text}"
    warning: str = "warning: {text}"
    failed: Callable[[int, int], str] = _failed  # errors, follow-on errors
    built: Callable[[int, int], str] = _built  # milliseconds, files changed
    request_failed: str = "error: serving a request failed: {problem}"
    rebuild_bug: str = "error: the rebuild failed unexpectedly (a bug in rusgen): {problem}"
    # The overlay's title, its note and its close button.
    overlay: tuple[str, str, str] = (
        "The preview could not be rebuilt",
        "You see the last version that worked. Correct the error and save, and the box goes away.",
        "Close",
    )


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
    later: Later | None = None  # the outputs still to render, the open pages first


# Called with the files the watcher saw change since the last call (none the first time).
Rebuild = Callable[[frozenset[str]], Snapshot]
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


def digest(data: bytes) -> str:
    """Return a short fingerprint of a page, to tell whether an open tab shows it as it is now."""
    return hashlib.blake2b(data, digest_size=8).hexdigest()


def stylesheets_digest(files: Mapping[str, object]) -> str:
    """Return a fingerprint of every stylesheet of a site, to tell a tab whose styles are old."""
    hashed = hashlib.blake2b(digest_size=8)
    for path in sorted(p for p in files if p.endswith(".css")):
        data = files[path]
        hashed.update(path.encode() + b"\0")
        hashed.update(data if isinstance(data, bytes) else repr(data).encode())
    return hashed.hexdigest()


@dataclass(frozen=True)
class _State:
    site: LiveSite  # what requests are answered from
    sources: Mapping[str, object]  # its files copied from disk, to see which stylesheets changed
    problems: tuple[Problem, ...] = ()  # why the last rebuild failed: the overlay
    started: float = 0.0  # when its rebuild started (perf_counter)
    # Served pages carry it; a tab that connects with another one missed a stylesheet change.
    styles: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "styles", stylesheets_digest(self.sources))


@dataclass(eq=False)
class Tab:
    """An open page's event stream: which page it shows, and as which version."""

    page: str  # site path, as in the address bar
    digest: str  # of the page as the tab loaded it
    messages: queue.Queue[str] = field(default_factory=queue.Queue)


class Broadcaster:
    """Hand server-sent events to open pages."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tabs: set[Tab] = set()

    def subscribe(self, page: str, seen: str) -> Tab:
        """Register an open page; it receives the events sent from now on."""
        tab = Tab(page, seen)
        with self._lock:
            self._tabs.add(tab)
        return tab

    def unsubscribe(self, tab: Tab) -> None:
        with self._lock:
            self._tabs.discard(tab)

    def tabs(self) -> list[Tab]:
        with self._lock:
            return list(self._tabs)

    def reload_if_changed(self, tab: Tab, now: str) -> bool:
        """Send `reload` if the tab shows another version than `now`; at most once a version."""
        with self._lock:
            stale = tab.digest != now
            tab.digest = now  # the reloaded page will be this version
        if stale:
            self.send("reload", {"digest": now}, to=[tab])
        return stale

    def send(self, event: str, data: object, to: Iterable[Tab] | None = None) -> None:
        """Send one event to some pages, or to every page."""
        message = f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"
        for tab in self.tabs() if to is None else to:
            tab.messages.put(message)

    def close(self) -> None:
        """Tell every stream to end, so the server can stop."""
        for tab in self.tabs():
            tab.messages.put("")


class PreviewServer(ThreadingHTTPServer):
    """An HTTP server over the latest rebuild, with live reload."""

    daemon_threads = True  # an open event stream must never keep the process alive
    allow_reuse_address = True
    request_queue_size = BACKLOG

    def __init__(
        self, address: tuple[str, int], rebuild: Rebuild, log: Log, words: Words = Words(),
        read_timeout: float = READ_TIMEOUT,
    ) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.read_timeout = read_timeout
        super().__init__(address, PreviewHandler)
        self.rebuild_site = rebuild
        self.log = log
        self.words = words
        self.server_id = uuid.uuid4().hex
        self.events = Broadcaster()
        self._swapped = threading.Condition()
        self.good = LiveSite({})  # the last complete, successful rebuild
        self.state = _State(self.good, {})
        self._good_sources: Mapping[str, object] = {}  # the files ready at once of the good site
        self._returning: set[str] = set()  # digests of the pages reloading tabs will show
        self._hold_until = 0.0

    def handle_error(self, request: object, client_address: object) -> None:
        """Ignore a browser that hung up mid-answer (a reload does that); log anything else."""
        exc = sys.exc_info()[1]
        if not isinstance(exc, ConnectionError):
            self.log(self.words.request_failed.format(problem=repr(exc)))

    def refresh(self, changed: frozenset[str] = frozenset()) -> None:
        """Rebuild; render the open pages first and reload those that changed.

        The rest of the site is rendered afterwards by `render_step`, until a newer change
        replaces this rebuild.
        """
        started = time.perf_counter()
        snapshot = self.rebuild_site(changed)
        for warning in snapshot.warnings:
            self.log(self.words.warning.format(text=warning))
        if snapshot.files is None:
            self._fail(snapshot.problems)
            return
        site = LiveSite(snapshot.files, snapshot.later)
        tabs = self.events.tabs()
        try:
            site.render_first([key for key in (_known_key(t.page, site) for t in tabs) if key])
        except BuildFailed as failure:
            self._fail(failure.problems)
            return
        old = self._swap(_State(site, snapshot.files, (), started))
        # Pages are compared tab by tab (digests); what else changed is what tabs load.
        changed_files = {p for p in changed_paths(old.sources, snapshot.files) if not p.endswith(".html")}
        self._returning = set()
        for tab in tabs:
            self._tell(tab, site, changed_files, old.problems, wait=False, styles=self.state.styles)
        self._hold_until = time.monotonic() + RELOAD_GRACE if self._returning else 0.0
        if site.complete:
            self._completed()

    def render_step(self) -> float | None:
        """Render one more piece of the current rebuild.

        Return 0 when it did, the seconds to wait while reloaded tabs fetch their pages, or
        None when nothing is left.
        """
        if time.monotonic() < self._hold_until:
            return min(0.02, self._hold_until - time.monotonic())
        state = self.state
        try:
            if state.site.step():
                return 0.0
        except BuildFailed as failure:
            self._fail(failure.problems)
            return None
        if state.site.complete and state.site is not self.good:
            self._completed()
        return None

    def tab_opened(self, tab: Tab) -> None:
        """Note a tab's new event stream: a reloaded tab has its page."""
        if tab.digest in self._returning:
            self._returning.discard(tab.digest)
            if not self._returning:
                self._hold_until = min(self._hold_until, time.monotonic() + REST_DELAY)

    def wait_for_new_state(self, old: _State, timeout: float = 5.0) -> None:
        """Wait until a rebuild replaces `old` (a request that met a replaced site retries)."""
        with self._swapped:
            self._swapped.wait_for(lambda: self.state is not old, timeout)

    def _swap(self, state: _State) -> _State:
        """Serve from `state` from now on; end the site it replaces unless that is the good one."""
        with self._swapped:
            old, self.state = self.state, state
            self._swapped.notify_all()
        if old.site is not self.good and old.site is not state.site:
            old.site.end()
        return old

    def _completed(self) -> None:
        state = self.state
        previous, self.good, self._good_sources = self.good, state.site, state.sources
        changed = changed_paths(previous.files() if previous.complete else None, state.site.files())
        elapsed = (time.perf_counter() - state.started) * 1000
        self.log(self.words.built(round(elapsed), len(changed)))
        for tab in self.events.tabs():  # pages that were not rendered first, such as a 404
            self._tell(tab, state.site, set(), (), wait=True, only_reload=True)

    def _tell(
        self, tab: Tab, site: LiveSite, changed: set[str], had_problems: tuple[Problem, ...],
        wait: bool, only_reload: bool = False, styles: str = "",
    ) -> None:
        """Send one tab what it needs: a reload, new stylesheets, or the overlay hidden."""
        now = page_digest(tab.page, site, wait)
        if now is not None and self.events.reload_if_changed(tab, now):
            self._returning.add(now)
            return
        if only_reload:
            return
        if any(not p.endswith(".css") for p in changed):
            self.events.send("reload", {"full": True}, to=[tab])  # an image or script it may show
        elif changed:
            self.events.send("css", {"paths": sorted(changed), "styles": styles, "ok": True}, to=[tab])
        elif had_problems:
            self.events.send("ok", {}, to=[tab])

    def _fail(self, problems: tuple[Problem, ...]) -> None:
        """Say what stopped the rebuild, root causes first, and show it in every open tab."""
        for problem in problems:
            self.log(self.words.error.format(text=problem.text))
            if problem.note:
                self.log(f"  {problem.note}")
        self.log(self.words.failed(len(problems), sum(p.followers for p in problems)))
        self._swap(_State(self.good, self._good_sources, problems))
        self.events.send("problems", [_problem_json(p) for p in problems])


def page_digest(page: str, site: LiveSite, wait: bool = True) -> str | None:
    """Return the digest of what a tab at `page` sees; None if that is not rendered yet."""
    if not wait:
        key = _known_key(page, site)
        data = site.ready(key) if key else None
        return digest(data) if isinstance(data, bytes) else None
    key, redirect = lookup(page, site)
    if redirect:
        return "redirect " + redirect
    if key is None:
        key = not_found_page(page, site)
        return digest(_read(site[key]) if key else _PLAIN_404)
    return digest(_read(site[key]))


def _known_key(page: str, site: LiveSite) -> str | None:
    """Return the HTML page a tab shows if the site knows it already, without waiting."""
    key = page + "index.html" if page == "" or page.endswith("/") else page
    return key if key.endswith(".html") and site.known(key) else None


def _read(value: object) -> bytes:
    return value.path.read_bytes() if isinstance(value, SourceFile) else value  # type: ignore[return-value]


def _problem_json(problem: Problem) -> dict[str, object]:
    return {"file": problem.file, "line": problem.line, "message": problem.message,
            "note": problem.note}


class PreviewHandler(BaseHTTPRequestHandler):
    """Serve one request from the current snapshot."""

    server: PreviewServer
    protocol_version = "HTTP/1.1"

    def setup(self) -> None:
        # Per server, not per class, so a test can use a short one; the base class applies it
        # to the socket, and a read that waits longer ends the connection.
        self.timeout = self.server.read_timeout
        super().setup()

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

    def _answer(self, path: str, state: _State) -> tuple[HTTPStatus, str, bytes]:
        """Return status, content type (or redirect target) and body; raise Replaced."""
        site = state.site
        key, redirect = lookup(path, site)
        if redirect:
            return HTTPStatus.MOVED_PERMANENTLY, redirect, b""
        if key is None:
            page = not_found_page(path, site)
            data = _read(site[page]) if page else _PLAIN_404
            return HTTPStatus.NOT_FOUND, "text/html; charset=utf-8", self._html(data, state)
        data = _read(site[key])
        if key.endswith(".html"):
            data = self._html(data, state)
        return HTTPStatus.OK, content_type(key), data

    def _html(self, data: bytes, state: _State) -> bytes:
        setup = {
            "server": self.server.server_id,
            "digest": digest(data),
            "styles": state.styles,
            "problems": [_problem_json(p) for p in state.problems],
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
            hello = {"server": self.server.server_id, "problems": [_problem_json(p) for p in state.problems]}
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


_PLAIN_404 = (
    b'<!DOCTYPE html>\n<html lang="sv"><head><meta charset="utf-8"><title>Sidan finns inte</title>'
    b"</head><body><main><h1>Sidan finns inte (404)</h1><p>No page at this address. "
    b'<a href="/">Till startsidan</a></p></main></body></html>\n'
)


class _Watcher(FileSystemEventHandler):
    """Turn file events into a debounced rebuild request that names the changed files."""

    def __init__(self, poke: Callable[..., None], files: set[str]) -> None:
        self.poke = poke
        # Single files watched through their folder, e.g. rusgen.yaml, as absolute paths:
        # watchdog names a file below a folder given as "." "./rusgen.yaml", so the paths
        # are compared only after both sides are made absolute.
        self.files = {os.path.abspath(f) for f in files}

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        if event.is_directory and event.event_type == "modified":
            return  # a folder's listing or times changed: its files' own events follow
        paths = [str(p) for p in (event.src_path, getattr(event, "dest_path", "") or "") if p]
        if any(self._relevant(p) for p in paths):
            self.poke([os.path.abspath(p) for p in paths], saved=event.event_type in SAVED_EVENTS)

    def _relevant(self, path: str) -> bool:
        name = Path(path).name
        if name.startswith((".", "#")) or name.endswith(EDITOR_DROPPINGS) or name == "4913":
            return False  # editors' swap and backup files (vim writes a probe called 4913)
        return not self.files or os.path.abspath(path) in self.files


class Rebuilder:
    """Run rebuilds on one thread, after file events have been quiet for DEBOUNCE.

    Between rebuilds the same thread renders the rest of the site, a piece at a time, so a
    new save never waits for more than one piece before its own rebuild starts.
    """

    def __init__(self, server: PreviewServer) -> None:
        self.server = server
        self._lock = threading.Lock()
        self._changed: set[str] = set()
        self._last: float | None = None  # time of the last file event not yet rebuilt
        self._debounce = DEBOUNCE  # the quiet that the last event calls for
        self._wake = threading.Event()
        self._stop = False
        self._thread = threading.Thread(target=self._run, name="rusgen-rebuild", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def poke(self, paths: Iterable[str] = (), saved: bool = False) -> None:
        """Note changed files; the rebuild follows once changes stop coming.

        `saved`: the event says a file is complete (closed after writing, renamed into place).
        """
        with self._lock:
            self._changed.update(paths)
            self._last = time.monotonic()
            self._debounce = DEBOUNCE_SAVED if saved else DEBOUNCE
        self._wake.set()

    def stop(self) -> None:
        self._stop = True
        self._wake.set()

    def _run(self) -> None:
        while not self._stop:
            try:
                quiet, debounce = self._quiet_for()
                if quiet is not None and quiet >= debounce:
                    self.server.refresh(self._take_changes())
                    continue
                pause = self.server.render_step()
                if pause == 0:
                    continue  # more of the site is rendered while the saves settle
            except Exception as exc:  # noqa: BLE001 - the preview must outlive any bug
                self.server.log(self.server.words.rebuild_bug.format(problem=repr(exc)))
                pause = None
            waits = [t for t in (pause, None if quiet is None else debounce - quiet) if t is not None]
            self._wake.wait(min(waits) if waits else None)
            self._wake.clear()  # a poke just before this is seen by _quiet_for next time

    def _quiet_for(self) -> tuple[float | None, float]:
        """Return the seconds since the last file event not yet rebuilt (or None), and the
        quiet it calls for."""
        with self._lock:
            return (None if self._last is None else time.monotonic() - self._last), self._debounce

    def _take_changes(self) -> frozenset[str]:
        with self._lock:
            changed, self._changed, self._last = frozenset(self._changed), set(), None
        return changed


def watch(rebuilder: Rebuilder, folders: Iterable[Path], files: Iterable[Path]) -> Observer:
    """Start watching folders (recursively) and single files; return the observer."""
    observer = Observer()
    for folder in folders:
        if folder.is_dir():
            observer.schedule(_Watcher(rebuilder.poke, set()), str(folder), recursive=True)
    by_parent: dict[Path, set[str]] = {}
    for file in files:
        absolute = Path(os.path.abspath(file))
        by_parent.setdefault(absolute.parent, set()).add(str(absolute))
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
    words: Words = Words(),
) -> None:
    """Build, serve and watch until interrupted (Ctrl-C ends it with KeyboardInterrupt)."""
    _stop_on_signals()
    server = PreviewServer((host, port), rebuild, log, words)
    server.refresh()
    while server.render_step() is not None:
        pass  # the first build is complete before the preview answers
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
