"""The preview server: an HTTP server over the reload state, and `serve`, which runs it."""

from __future__ import annotations

import signal
import socket
import sys
import threading
from collections.abc import Callable, Iterable
from http.server import ThreadingHTTPServer
from pathlib import Path

from rusgen.server.handler import PreviewHandler
from rusgen.server.reload import Reloads
from rusgen.server.routes import Routes
from rusgen.server.snapshot import ENGLISH, Log, Rebuild, Words
from rusgen.server.watcher import Rebuilder, watch

# Seconds a connection may keep the server waiting for the next bytes of a request: a
# client that sends half a request, or leaves a kept-alive connection idle, would otherwise
# hold a thread for good. An event stream only writes, so it is not cut by this.
READ_TIMEOUT = 5.0
# Connections the system holds while the server is busy accepting others: socketserver's
# default of 5 made requests time out when a page and its stylesheets, images and event
# streams in many tabs arrived at once. The system caps it at net.core.somaxconn.
BACKLOG = 256


class PreviewServer(Reloads, ThreadingHTTPServer):
    """An HTTP server over the latest rebuild, with live reload."""

    daemon_threads = True  # an open event stream must never keep the process alive
    allow_reuse_address = True
    request_queue_size = BACKLOG

    def __init__(
        self, address: tuple[str, int], rebuild: Rebuild, log: Log, words: Words = ENGLISH,
        read_timeout: float = READ_TIMEOUT, routes: Routes | None = None,
    ) -> None:
        if ":" in address[0]:
            self.address_family = socket.AF_INET6
        self.read_timeout = read_timeout
        self.routes = routes or {}  # the caller's own paths beside the site (the editor's API)
        self.rebuilder: Rebuilder | None = None  # once serving
        ThreadingHTTPServer.__init__(self, address, PreviewHandler)
        Reloads.__init__(self, rebuild, log, words)

    def files_changed(self, paths: list[str]) -> None:
        """Rebuild for files a route changed, without waiting for the watcher to see them."""
        if self.rebuilder is not None:
            self.rebuilder.poke(paths, saved=True)

    def handle_error(self, request: object, client_address: object) -> None:
        """Ignore a browser that hung up mid-answer (a reload does that); log anything else."""
        exc = sys.exc_info()[1]
        if not isinstance(exc, ConnectionError):
            self.log(self.words.request_failed.format(problem=repr(exc)))


def serve(
    rebuild: Rebuild,
    folders: Iterable[Path],
    files: Iterable[Path],
    host: str = "127.0.0.1",
    port: int = 8000,
    log: Log = print,
    ready: Callable[[str], None] | None = None,
    words: Words = ENGLISH,
    routes: Routes | None = None,
) -> None:
    """Build, serve and watch until interrupted (Ctrl-C ends it with KeyboardInterrupt)."""
    _stop_on_signals()
    server = PreviewServer((host, port), rebuild, log, words, routes=routes)
    server.refresh()
    while server.render_step() is not None:
        pass  # the first build is complete before the preview answers
    rebuilder = Rebuilder(server)
    server.rebuilder = rebuilder
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
