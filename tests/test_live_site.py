"""The preview server's live site: open pages first, the rest later, and which tab hears what."""

from __future__ import annotations

import json
import re
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

from rusgen.livesite import BuildFailed, LiveSite, Replaced
from rusgen.server import PreviewServer, Problem, Snapshot, SourceFile, digest


class Pages:
    """A rebuild's pages, rendered on request (livesite.Later), recording the order."""

    def __init__(self, pages: dict[str, bytes], broken: str = "") -> None:
        self.pages = pages
        self.paths = frozenset(pages)
        self.rendered: list[str] = []
        self.broken = broken

    def render(self, path: str) -> dict[str, bytes]:
        if path == self.broken:
            raise BuildFailed((Problem("page.html", 3, "template error", "page.html:3: template error"),))
        self.rendered.append(path)
        return {path: self.pages[path]}

    def next(self) -> dict[str, bytes] | None:
        for path in sorted(self.paths - set(self.rendered)):
            return self.render(path)
        return None


def test_a_waiting_request_is_rendered_next_and_gets_the_new_page() -> None:
    later = Pages({"a.html": b"A", "b.html": b"B", "c.html": b"C"})
    site = LiveSite({"style.css": b"css"}, later)
    answer: list[object] = []
    asker = threading.Thread(target=lambda: answer.append(site["c.html"]))
    asker.start()
    while not site._wanted:  # the request has queued its page
        asker.join(0.01)
    site.step()
    asker.join(5)
    assert answer == [b"C"] and later.rendered == ["c.html"]
    while site.step():
        pass
    assert site.complete
    assert site.files() == {"style.css": b"css", "a.html": b"A", "b.html": b"B", "c.html": b"C"}
    assert "missing.html" not in site


def test_a_request_on_a_replaced_site_is_told_to_ask_again() -> None:
    site = LiveSite({}, Pages({"a.html": b"A"}))
    failed: list[BaseException] = []

    def ask() -> None:
        try:
            site["a.html"]
        except Replaced as exc:
            failed.append(exc)

    asker = threading.Thread(target=ask)
    asker.start()
    while not site._wanted:
        asker.join(0.01)
    site.end()
    asker.join(5)
    assert len(failed) == 1


class FakeRebuild:
    def __init__(self) -> None:
        self.next_snapshot: Snapshot | None = None

    def __call__(self, changed: frozenset[str]) -> Snapshot:
        assert self.next_snapshot is not None
        return self.next_snapshot


def _server(rebuild: FakeRebuild) -> PreviewServer:
    server = PreviewServer(("127.0.0.1", 0), rebuild, log=lambda line: None)
    return server


def finish(server: PreviewServer) -> None:
    """Render the rest of the site, as the rebuild thread does between saves."""
    while (pause := server.render_step()) is not None:
        time.sleep(pause)


def _events(tab) -> list[str]:
    found = []
    while not tab.messages.empty():
        found.append(tab.messages.get().split("\n", 1)[0].removeprefix("event: "))
    return found


def test_each_tab_hears_only_what_changed_for_it(tmp_path: Path) -> None:
    style = tmp_path / "style.css"
    style.write_text("a {}")
    rebuild = FakeRebuild()
    server = _server(rebuild)
    try:
        # Ready at once: files from disk, and the network's index page (rendered, cheap).
        sources = {"r/style.css": SourceFile(style, (1, 4)), "index.html": b"regions"}
        pages = {"r/index.html": b"one", "r/b/index.html": b"b"}
        rebuild.next_snapshot = Snapshot(sources, later=Pages(pages))
        server.refresh()
        finish(server)
        home = server.events.subscribe("r/", digest(b"one"))
        other = server.events.subscribe("r/b/", digest(b"b"))

        # The home page's text changes: only its tab reloads, and the page was rendered first.
        first = Pages({"r/index.html": b"two", "r/b/index.html": b"b"})
        rebuild.next_snapshot = Snapshot(sources, later=first)
        server.refresh(frozenset({"content/r/index.md"}))
        assert _events(home) == ["reload"] and _events(other) == []
        assert set(first.rendered) == {"r/index.html", "r/b/index.html"}  # the open pages
        home = server.events.subscribe("r/", digest(b"two"))  # the reloaded page's new stream
        server.tab_opened(home)
        finish(server)

        # Only the stylesheet changes (the feeds and calendars may change too): swap, no reload.
        sources = {"r/style.css": SourceFile(style, (2, 9)), "index.html": b"regions"}
        rebuild.next_snapshot = Snapshot(
            sources,
            later=Pages({"r/index.html": b"two", "r/b/index.html": b"b", "r/events.ics": b"new stamp"}),
        )
        server.refresh(frozenset({"themes/default/static/style.css"}))
        assert _events(home) == ["css"] and _events(other) == ["css"]
        finish(server)

        # A template error in a page nobody has open fails the rebuild when the rest is rendered.
        pages = {"r/index.html": b"three", "r/b/index.html": b"b", "r/c.html": b"c"}
        broken = Pages(pages, broken="r/c.html")
        rebuild.next_snapshot = Snapshot(sources, later=broken)
        server.refresh()
        finish(server)
        assert "problems" in _events(other)
        assert server.state.site.files()["r/index.html"] == b"two"  # the last good site again

        # Fixed: the overlay goes; a page the fix did not change is left as it is.
        fixed = Pages({"r/index.html": b"two", "r/b/index.html": b"b"})
        rebuild.next_snapshot = Snapshot(sources, later=fixed)
        server.refresh()
        assert _events(other) == ["ok"]
    finally:
        server.server_close()


def _setup_of(page: bytes) -> dict:
    """The live-reload setup the server put into a served page."""
    return json.loads(re.search(rb"\n  var setup = (.*);\n", page).group(1))


def _first_events(url: str, count: int) -> list[tuple[str, dict]]:
    """Open an event stream as a tab does and read its first `count` events."""
    found = []
    with urllib.request.urlopen(url, timeout=5) as stream:
        event = ""
        for raw in stream:
            line = raw.decode().rstrip("\n")
            if line.startswith("event: "):
                event = line.removeprefix("event: ")
            elif line.startswith("data: "):
                found.append((event, json.loads(line.removeprefix("data: "))))
                if len(found) == count:
                    return found
    return found


def test_a_tab_that_connects_after_a_stylesheet_change_still_gets_it(tmp_path: Path) -> None:
    """A tab between two streams (its body was just swapped in place) misses the `css`
    event of a rebuild; its new stream says which styles it has, and it is told to swap."""
    style = tmp_path / "style.css"
    style.write_text("a {}")
    rebuild = FakeRebuild()
    server = _server(rebuild)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        pages = Pages({"r/index.html": b"<body>one</body>"})
        rebuild.next_snapshot = Snapshot({"r/style.css": SourceFile(style, (1, 4))}, later=pages)
        server.refresh()
        finish(server)
        with urllib.request.urlopen(base + "r/", timeout=5) as answer:
            setup = _setup_of(answer.read())

        style.write_text("a { color: red }")  # no tab is connected when the rebuild tells them
        again = Pages({"r/index.html": b"<body>one</body>"})
        rebuild.next_snapshot = Snapshot({"r/style.css": SourceFile(style, (2, 16))}, later=again)
        server.refresh(frozenset({str(style)}))
        finish(server)

        query = urllib.parse.urlencode({"page": "/r/", "digest": setup["digest"], "styles": setup["styles"]})
        (hello, _), (event, data) = _first_events(base + "__rusgen/events?" + query, 2)
        assert (hello, event) == ("hello", "css")
        assert data["styles"] != setup["styles"] and data["ok"] is False

        # A tab whose styles are current hears nothing but hello: no needless swap.
        with urllib.request.urlopen(base + "r/", timeout=5) as answer:
            current = _setup_of(answer.read())
        assert current["styles"] == data["styles"]
        query = urllib.parse.urlencode({"page": "/r/", **{k: current[k] for k in ("digest", "styles")}})
        earlier = set(server.events.tabs())

        def end_the_new_stream() -> None:
            """Once the new tab is connected and caught up, end its stream, as a stopping
            server does: whatever it was sent by then has been sent."""
            while not set(server.events.tabs()) - earlier:
                time.sleep(0.01)
            time.sleep(0.2)
            server.events.close()

        threading.Thread(target=end_the_new_stream, daemon=True).start()
        assert [e for e, _ in _first_events(base + "__rusgen/events?" + query, 2)] == ["hello"]
    finally:
        server.shutdown()
        server.server_close()
