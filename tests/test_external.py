"""`rusgen check --external` against a web server started here, never the internet."""

from __future__ import annotations

import http.server
import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from rusgen.external import CACHE_FILE, USER_AGENT, check_urls, fetch_status
from tests.sitekit import write_site
from tests.test_checks import lines, run_check

THEME_URLS = ("https://www.digg.se/tdosanmalan", "https://www.imy.se/")


class Handler(http.server.BaseHTTPRequestHandler):
    seen: list[tuple[str, str, str]] = []

    def _answer(self) -> None:
        self.seen.append((self.command, self.path, self.headers.get("User-Agent", "")))
        if self.path == "/no-head" and self.command == "HEAD":
            status = 405
        else:
            status = {"/ok": 200, "/no-head": 200}.get(self.path, 404)
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_HEAD = do_GET = _answer

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def server() -> Iterator[str]:
    Handler.seen = []
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_head_then_get_on_405(server: str) -> None:
    assert fetch_status(f"{server}/ok").status == 200
    assert fetch_status(f"{server}/missing").status == 404
    assert fetch_status(f"{server}/no-head").status == 200
    assert [(m, p) for m, p, _ in Handler.seen] == [
        ("HEAD", "/ok"), ("HEAD", "/missing"), ("HEAD", "/no-head"), ("GET", "/no-head"),
    ]
    assert all(agent == USER_AGENT and "rusgen" in agent for _, _, agent in Handler.seen)


def test_no_answer_is_reported_not_raised() -> None:
    status = fetch_status("http://127.0.0.1:9/", timeout=2)
    assert status.status == 0 and not status.ok


def test_good_answers_are_cached_for_a_day(server: str, tmp_path: Path) -> None:
    urls = [f"{server}/ok", f"{server}/missing"]
    check_urls(urls, tmp_path, now=1000.0)
    cached = json.loads((tmp_path / CACHE_FILE).read_text("utf-8"))
    assert list(cached) == [f"{server}/ok"]
    Handler.seen = []
    check_urls(urls, tmp_path, now=2000.0)
    assert [p for _, p, _ in Handler.seen] == ["/missing"]  # failures are asked again
    Handler.seen = []
    check_urls(urls, tmp_path, now=1000.0 + 2 * 86400)
    assert sorted(p for _, p, _ in Handler.seen) == ["/missing", "/ok"]


def test_check_external_reports_the_broken_link(server: str, tmp_path: Path) -> None:
    body = (f"---\ntitle: Om oss\nsummary: S.\n---\n\n[Bra]({server}/ok)\n\n"
            f"[Saknas]({server}/missing)\n\n[Utan HEAD]({server}/no-head)\n")
    root = write_site(tmp_path, {"om.md": body})
    assert run_check(root, "--strict")[0] == 0  # without --external nothing is fetched
    assert Handler.seen == []
    # The theme's legal pages link to Digg and IMY, which this machine cannot reach: give them
    # good answers checked a minute ago, as a run earlier today would have left them.
    (root / ".rusgen-cache").mkdir()
    (root / ".rusgen-cache" / CACHE_FILE).write_text(json.dumps({
        url: {"status": 200, "reason": "OK", "checked": time.time() - 60} for url in THEME_URLS
    }))
    assert Handler.seen == []
    code, output = run_check(root, "--external")
    assert code == 0
    assert lines(output) == [
        f"content/test/om.md:8: varning: länk: adressen {server}/missing på en annan webbplats "
        "svarade 404 Not Found; öppna den i en webbläsare och rätta länken eller ta bort den",
        "0 fel, 1 varning",
    ]
    assert (root / ".rusgen-cache" / CACHE_FILE).is_file()
    assert run_check(root, "--external", "--strict")[0] == 1
