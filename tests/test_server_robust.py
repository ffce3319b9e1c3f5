"""The preview server under load, against half-sent requests, and started as `make serve` does."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import pytest

from rusgen.server import PreviewServer, Snapshot
from tests.conftest import ROOT

CLIENTS = 200
# Bounds that only end a test that went wrong; none of them is a claim about speed.
GIVE_UP = 30.0
QUIET = 5.0  # seconds without a new connection after which no more will come
PAGE = b"<!DOCTYPE html><html><body><p>Hej</p></body></html>"


@pytest.fixture
def server() -> Iterator[PreviewServer]:
    with _serving() as preview:
        yield preview


@contextmanager
def _serving(read_timeout: float = 5.0) -> Iterator[PreviewServer]:
    """A preview server on a free loopback port over a one-page site, accepting in a thread."""
    preview = _server(read_timeout)
    thread = threading.Thread(target=preview.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield preview
    finally:
        preview.shutdown()
        preview.server_close()
        thread.join(GIVE_UP)


def _server(read_timeout: float = 5.0) -> PreviewServer:
    """A preview server that listens (its backlog is open) but accepts nothing until served."""
    lines: list[str] = []
    preview = PreviewServer(
        ("127.0.0.1", 0), lambda changed: Snapshot(files={"index.html": PAGE}), lines.append,
        read_timeout=read_timeout,
    )
    preview.refresh()
    while preview.render_step() is not None:
        pass
    return preview


def _get(port: int) -> bytes:
    """Send one GET / on a new connection and return the whole answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=GIVE_UP) as sock:
        sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        return _read_all(sock)


def _read_all(sock: socket.socket) -> bytes:
    chunks = []
    while chunk := sock.recv(65536):
        chunks.append(chunk)
    return b"".join(chunks)


def test_every_one_of_many_concurrent_connections_is_answered(server: PreviewServer) -> None:
    port = server.server_address[1]
    for _ in range(3):  # rounds of a page, its files and many tabs' streams arriving at once
        with ThreadPoolExecutor(CLIENTS) as pool:
            answers = list(pool.map(lambda _: _get(port), range(CLIENTS)))
        assert [a.split(b"\r\n", 1)[0] for a in answers] == [b"HTTP/1.1 200 OK"] * CLIENTS
        assert all(b"<p>Hej</p>" in a for a in answers)


def test_connections_wait_in_the_backlog_while_the_server_is_busy() -> None:
    """The system holds every one of 200 connections made before the server accepts any;
    with socketserver's backlog of 5 all but six would wait for SYN retries and time out."""
    preview = _server()
    port = preview.server_address[1]
    clients = []
    thread = threading.Thread(target=preview.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    try:
        for _ in range(CLIENTS):
            sock = socket.socket()
            sock.setblocking(False)
            sock.connect_ex(("127.0.0.1", port))
            clients.append(sock)
        # The system caps every backlog at net.core.somaxconn (4096 on current kernels).
        cap = int(Path("/proc/sys/net/core/somaxconn").read_text())
        assert _wait_connected(clients) >= min(CLIENTS, cap)
        thread.start()
        for sock in clients:
            sock.setblocking(True)
            sock.settimeout(GIVE_UP)
            sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        answers = [_read_all(sock) for sock in clients]
        assert [a.split(b"\r\n", 1)[0] for a in answers] == [b"HTTP/1.1 200 OK"] * CLIENTS
    finally:
        for sock in clients:
            sock.close()
        if thread.is_alive():
            preview.shutdown()
            thread.join(GIVE_UP)
        preview.server_close()


def _wait_connected(clients: list[socket.socket]) -> int:
    """Return how many non-blocking connects completed, waiting until all did or none did for long.

    A connection the backlog has no room for stays unconnected however long one waits (the
    server accepts nothing yet), so the count, not the time, tells the backlog's size.
    """
    import selectors

    pending = set(clients)
    done = 0
    deadline = time.monotonic() + GIVE_UP
    with selectors.DefaultSelector() as selector:
        for sock in clients:
            selector.register(sock, selectors.EVENT_WRITE)
        while pending and time.monotonic() < deadline:
            ready = selector.select(timeout=QUIET)
            if not ready:
                break  # nothing more connects while the server accepts nothing
            for key, _ in ready:
                sock = key.fileobj
                assert isinstance(sock, socket.socket)
                selector.unregister(sock)
                pending.discard(sock)
                if sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) == 0:
                    done += 1
    return done


def test_a_half_sent_request_is_closed_after_the_read_timeout() -> None:
    with _serving(read_timeout=0.3) as preview:
        port = preview.server_address[1]
        for partial in (b"GET /ind", b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n"):
            with socket.create_connection(("127.0.0.1", port), timeout=GIVE_UP) as sock:
                sock.sendall(partial)
                # The server hangs up without an answer; were there no timeout, recv would
                # wait GIVE_UP seconds and raise TimeoutError, failing the test.
                assert _read_all(sock) == b""
        # A kept-alive connection left idle is closed the same way, after its answer.
        with socket.create_connection(("127.0.0.1", port), timeout=GIVE_UP) as sock:
            sock.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            assert _read_all(sock).startswith(b"HTTP/1.1 200 OK")
        assert _get(port).startswith(b"HTTP/1.1 200 OK")  # and the server still answers others


def test_a_request_that_trickles_in_is_closed_after_the_read_timeout() -> None:
    """Each byte comes well within the timeout, the whole request long after it."""
    request = b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
    with _serving(read_timeout=0.3) as preview:
        port = preview.server_address[1]
        with socket.create_connection(("127.0.0.1", port), timeout=GIVE_UP) as sock:
            answer = b""
            try:
                for byte in request:
                    sock.sendall(bytes([byte]))
                    time.sleep(0.05)
                answer = _read_all(sock)
            except (BrokenPipeError, ConnectionResetError):
                pass  # closed while the client was still sending: what the test wants
            assert answer == b""
        assert _get(port).startswith(b"HTTP/1.1 200 OK")


# `rusgen serve` as `make serve` starts it: in the project's folder, with the default host.


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def served_here(tmp_path: Path) -> Iterator[tuple[Path, str, subprocess.Popen]]:
    """Run `rusgen serve --source .` in a copy of the project; yield it, the URL and the process."""
    shutil.copy(ROOT / "rusgen.yaml", tmp_path / "rusgen.yaml")
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "rusgen" / "themes", tmp_path / "themes")
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "rusgen", "serve", "--source", ".", "--port", str(port)],
        cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        _until(lambda: _index(base) is not None, proc, "rusgen serve did not answer")
        yield tmp_path, base, proc
    finally:
        if proc.poll() is None:
            proc.kill()
        proc.communicate()


def _index(base: str) -> str | None:
    try:
        with urllib.request.urlopen(base, timeout=GIVE_UP) as answer:
            return answer.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError):
        return None


def _until(ready, proc: subprocess.Popen, failure: str) -> None:
    """Poll until `ready()`; a rebuild follows a save after a short quiet, so it may take a moment."""
    deadline = time.monotonic() + GIVE_UP
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"rusgen serve exited: {proc.stderr.read() if proc.stderr else ''}")
        if ready():
            return
        time.sleep(0.05)
    pytest.fail(failure)


def _problems(html: str) -> list[dict[str, object]]:
    """Return the problems the served page's live-reload script would show in its overlay."""
    start = html.index("var setup = ") + len("var setup = ")
    setup, _ = json.JSONDecoder().raw_decode(html[start:])
    return setup["problems"]


def test_serve_in_the_project_folder_sees_edits_to_rusgen_yaml(served_here) -> None:
    project, base, proc = served_here
    config = project / "rusgen.yaml"
    original = config.read_text(encoding="utf-8")
    assert "<title>Regionala utvecklingsstrategier" in (_index(base) or "")

    config.write_text(original.replace("name: Regionala utvecklingsstrategier",
                                       "name: Strategier i testet", 1), encoding="utf-8")
    _until(lambda: "<title>Strategier i testet" in (_index(base) or ""), proc,
           "the network index did not show the new name from rusgen.yaml")

    config.write_text(original.replace("name: Regionala utvecklingsstrategier", "name: [trasig", 1),
                      encoding="utf-8")
    _until(lambda: _problems(_index(base) or "var setup = {\"problems\": []}"), proc,
           "the preview did not show the broken rusgen.yaml")
    problems = _problems(_index(base) or "")
    assert [(p["file"], p["line"]) for p in problems] == [("rusgen.yaml", 1)]
    # The last complete good build: the renamed one, or the first if the broken save came
    # before the rest of the renamed site was rendered.
    shown = (_index(base) or "").split("<title>", 1)[1].split("<", 1)[0]
    assert shown in ("Strategier i testet", "Regionala utvecklingsstrategier")

    # An editor that saves by renaming a new file into place (vim, VS Code) is seen too.
    (project / "rusgen.yaml.new").write_text(original, encoding="utf-8")
    (project / "rusgen.yaml.new").rename(config)
    _until(lambda: _problems(_index(base) or "") == [], proc,
           "the preview did not recover after rusgen.yaml was fixed")
    assert "<title>Regionala utvecklingsstrategier" in (_index(base) or "")


def test_serve_listens_only_on_this_computer_by_default(served_here) -> None:
    _, base, _ = served_here
    port = int(base.rsplit(":", 1)[1].strip("/"))
    listening = _listening(port)
    assert listening == {("tcp", "0100007F")}, listening  # 127.0.0.1, and no other address


def _listening(port: int) -> set[tuple[str, str]]:
    """Return (table, local address in the kernel's hex) of every socket listening on `port`."""
    found = set()
    for table in ("tcp", "tcp6"):
        lines = Path(f"/proc/net/{table}").read_text().splitlines()[1:]
        for line in lines:
            fields = line.split()
            address, hex_port = fields[1].rsplit(":", 1)
            if int(hex_port, 16) == port and fields[3] == "0A":  # 0A: LISTEN
                found.add((table, address))
    return found
