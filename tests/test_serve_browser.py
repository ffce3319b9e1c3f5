"""`rusgen serve` as a communicator meets it: a real process, a real Chromium, real edits."""

from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT

TIMEOUT_MS = 10_000
PAGE = "content/borasregionen/index.md"
STYLE = "themes/default/static/style.css"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_until_up(url: str, proc: subprocess.Popen, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"rusgen serve exited early: {proc.stderr.read() if proc.stderr else ''}")
        try:
            # The first build may still be running when the port opens: allow it time.
            with urllib.request.urlopen(url, timeout=5):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.05)
    pytest.fail(f"rusgen serve did not answer at {url}")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Copy the repository's project, so the test can edit it freely."""
    shutil.copy(ROOT / "rusgen.yaml", tmp_path / "rusgen.yaml")
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "rusgen" / "themes", tmp_path / "themes")
    return tmp_path


@pytest.fixture
def served(project: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    """Run `rusgen serve` on a free loopback port; yield its base URL and process."""
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "rusgen", "serve", "--source", str(project), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        _wait_until_up(base, proc)
        yield base, proc
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_edit_error_fix_and_style_reach_the_open_page(browser, project: Path, served) -> None:
    base, proc = served
    context = browser.new_context()
    page = context.new_page()
    page.goto(base + "boras/")
    page.evaluate("window.rusgenMarker = 'kept'")
    source = project / PAGE
    original = source.read_text(encoding="utf-8")

    source.write_text(original + "\nEn helt ny mening från testet.\n", encoding="utf-8")
    page.wait_for_function(
        "document.body.innerText.includes('En helt ny mening från testet.')", timeout=TIMEOUT_MS
    )
    # Only the body changed: it was put in place, so the window (and its scroll) stayed.
    assert page.evaluate("window.rusgenMarker") == "kept"

    source.write_text("---\ntitle: [trasig\n---\nText\n", encoding="utf-8")
    overlay = page.locator("#rusgen-problems[role=alert]")
    overlay.wait_for(timeout=TIMEOUT_MS)
    assert PAGE in overlay.inner_text()
    assert "En helt ny mening från testet." in page.inner_text("main")  # the last good page

    fresh = context.new_page()  # a page opened while the build is broken shows it too
    fresh.goto(base + "boras/")
    fresh.locator("#rusgen-problems[role=alert]").wait_for(timeout=TIMEOUT_MS)
    fresh.get_by_role("button", name="Stäng").click()
    assert fresh.locator("#rusgen-problems").count() == 0

    source.write_text(original + "\nRättad igen.\n", encoding="utf-8")
    page.wait_for_function(
        "document.body.innerText.includes('Rättad igen.') && !document.getElementById('rusgen-problems')",
        timeout=TIMEOUT_MS,
    )

    # Only the stylesheet changes: it is swapped in place, so the page is not reloaded
    # (the marker set on this very window survives) and keeps where the reader scrolled.
    page.wait_for_load_state("load")
    page.evaluate("window.rusgenMarker = 'kept'")  # set again, in case the fix reloaded it
    style = project / STYLE
    style.write_text(style.read_text(encoding="utf-8") + "\nhtml { scroll-padding-top: 37px; }\n")
    page.wait_for_function(
        "getComputedStyle(document.documentElement).scrollPaddingTop === '37px'", timeout=TIMEOUT_MS
    )
    assert page.evaluate("window.rusgenMarker") == "kept"
    context.close()

    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=10) == 0
    stderr = proc.stderr.read()
    assert "Traceback" not in stderr
    assert "fel: content/borasregionen/index.md:2:" in stderr  # the terminal said it too


def test_serve_refuses_traversal_and_shows_404(served) -> None:
    base, _ = served
    for bad in ("%2e%2e/rusgen.yaml", "..%5crusgen.yaml", "boras/%252e%252e/x"):
        with pytest.raises(urllib.error.HTTPError) as caught:
            urllib.request.urlopen(base + bad, timeout=5)
        assert caught.value.code == 400
    with pytest.raises(urllib.error.HTTPError) as caught:
        urllib.request.urlopen(base + "boras/finns-inte/", timeout=5)
    assert caught.value.code == 404
    assert "text/html" in caught.value.headers["Content-Type"]


def _answers(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def test_the_network_links_stay_inside_the_preview(browser, served) -> None:
    """The network index, a region's footer and parent link, and the 404 page's styles
    all lead to pages of the preview, never to the published addresses."""
    base, _ = served
    page = browser.new_page()
    try:
        visited = {}
        for address in (base, base + "boras/", base + "boras/finns-inte/"):
            page.goto(address)
            hrefs = page.eval_on_selector_all(
                "a[href]:not([href^='mailto:']):not([href^='tel:']):not([href^='#']), link[rel=stylesheet]",
                "els => els.map(e => e.href)",
            )
            visited[address] = [href.split("#")[0] for href in hrefs]
        assert len(visited[base]) > 8  # the regions, their feeds and calendars
        for address, hrefs in visited.items():
            for href in hrefs:
                assert href.startswith(base), f"{address} links out of the preview: {href}"
                assert _answers(href) == 200, f"{address} links to a missing page: {href}"
        assert f"{base}vg/" in visited[base + "boras/"]  # the parent region, from the footer
        assert base in visited[base + "boras/finns-inte/"]  # the network, from the 404 page
        styles = page.eval_on_selector_all("link[rel=stylesheet]", "els => els.map(e => e.href)")
        assert styles and all(href.startswith(base + "boras/assets/") for href in styles)
    finally:
        page.close()


def test_a_project_without_themes_is_previewed_with_the_packaged_theme(tmp_path: Path) -> None:
    """What `rusgen init` makes has no themes/: the preview serves rusgen's own theme."""
    subprocess.run([sys.executable, "-m", "rusgen", "init", str(tmp_path / "site")], check=True,
                   capture_output=True)
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "rusgen", "serve", "--source", str(tmp_path / "site"), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        _wait_until_up(base + "exempel/", proc)
        with urllib.request.urlopen(base + "exempel/", timeout=10) as response:
            page = response.read().decode("utf-8")
        style = page.split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
        with urllib.request.urlopen(base + "exempel/" + style, timeout=10) as response:
            assert response.status == 200
            assert response.headers["Content-Type"].startswith("text/css")
            assert b"--accent" in response.read()
    finally:
        proc.kill()
        _, stderr = proc.communicate()
    assert "leads outside the project" not in stderr
