"""Every kind of page of every region, in a real Chromium: axe-core finds no WCAG 2.1 A/AA
violation, nothing is fetched from another host, nothing is stored, and the skip link works."""

from __future__ import annotations

import functools
import http.server
import re
import threading
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from tests.conftest import ROOT, QuietHandler

AXE = ROOT / ".venv" / "axe" / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def page_kinds(public: Path) -> dict[str, list[str]]:
    """Pick one page of each kind per region, as paths below the output folder."""
    kinds: dict[str, list[str]] = {}

    def add(kind: str, path: Path) -> None:
        # Redirect pages for aliases navigate away at once; their target is tested.
        if path.is_file() and 'http-equiv="refresh"' not in path.read_text(encoding="utf-8"):
            kinds.setdefault(kind, []).append(path.relative_to(public).as_posix())

    for region in sorted(p for p in public.iterdir() if (p / "index.html").is_file()):
        add("home", region / "index.html")
        add("events list", region / "events" / "index.html")
        add("news list", region / "news" / "index.html")
        for kind, folder in (("event", "events"), ("news", "news")):
            found = sorted((region / folder).glob("*/index.html"))
            if found:
                add(kind, found[0])
        for name in ("tillganglighet", "personuppgifter", "kakor", "en/accessibility",
                     "en/personal-data", "en/cookies", "en"):
            add(f"generated {name}", region / name / "index.html")
        add("404", region / "404.html")
        for html in sorted(region.glob("*/index.html")):
            folder = html.parent.name
            if folder in ("events", "news", "en", "tillganglighet", "personuppgifter", "kakor",
                          "assets", "files"):
                continue
            children = sorted(html.parent.glob("*/index.html"))
            add("section or taxonomy" if children else "page", html)
            if children:
                add("term or child page", children[0])
    add("network index", public / "index.html")
    return kinds


def published_addresses(public: Path) -> dict[str, Path]:
    """Map each region's published address (its home page's canonical URL) to its folder."""
    addresses = {}
    for region in sorted(p for p in public.iterdir() if (p / "index.html").is_file()):
        found = re.search(r'<link rel="canonical" href="([^"]+)"', (region / "index.html").read_text())
        if found:
            addresses[found.group(1)] = region
    return addresses


def serve_published_addresses(context, public: Path) -> None:
    """Answer requests for a region's published address from its built folder.

    The 404 page is served at any depth, so it names its stylesheets by their absolute
    published address; here that address is this test's copy of the same files."""
    def answerer(address: str, folder: Path):
        def answer(route) -> None:
            file = folder / urlsplit(route.request.url).path.removeprefix(urlsplit(address).path)
            if file.is_file():
                route.fulfill(path=str(file))
            else:
                route.fulfill(status=404, body="")
        return answer

    for address, folder in published_addresses(public).items():
        context.route(address + "**", answerer(address, folder))


@pytest.fixture(scope="module")
def site(built_site: Path):
    """Serve the built site once for the module: (base URL, pages by kind)."""
    handler = functools.partial(QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", page_kinds(built_site)
    server.shutdown()
    server.server_close()


def axe_context(browser, public: Path, **options):
    """Open a browser context that loads axe-core into every page and serves the built
    site's published addresses from `public`."""
    if not AXE.is_file():
        pytest.fail(f"{AXE} is missing: run `make test`, which installs axe-core")
    context = browser.new_context(**options)
    # An init script is compiled once per page load by the browser itself; sending the
    # 500 kB of axe over the wire with add_script_tag on every page took three times longer.
    context.add_init_script(path=str(AXE))
    serve_published_addresses(context, public)
    return context


def axe_violations(tab, path: str) -> list[str]:
    """Run axe's WCAG 2.1 A/AA rules on the open page; return one line per violation."""
    result = tab.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        AXE_TAGS,
    )
    found = []
    for violation in result["violations"]:
        targets = [" ".join(map(str, n["target"])) for n in violation["nodes"][:3]]
        found.append(f"{path}: {violation['id']} ({violation['help']}) at {targets}")
    return found


def foreign_requests(requests: list[str], own: list[str]) -> list[str]:
    """Return the requested addresses outside the site's own (data: and about: are local)."""
    return sorted({u for u in requests if urlsplit(u).scheme not in ("data", "about")
                   and not any(u.startswith(address) for address in own)})


@dataclass
class Visit:
    """What one pass over every page saw."""

    violations: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    stored: list[str] = field(default_factory=list)
    too_wide: list[str] = field(default_factory=list)
    cookies: list = field(default_factory=list)
    pages: int = 0


@pytest.fixture(scope="module")
def visit(site, browser, built_site) -> Visit:
    """Open every page once in one tab: run axe at 1280 and 390 px, note requests, storage
    and width at 320 px."""
    base, kinds = site
    seen = Visit()
    context = axe_context(browser, built_site, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.on("request", lambda request: seen.requests.append(request.url))
    for path in all_paths(kinds):
        tab.goto(base + path)
        seen.violations += axe_violations(tab, path)
        tab.set_viewport_size({"width": 390, "height": 844})  # a phone: the menu behind a button
        seen.violations += axe_violations(tab, f"{path} at 390 px")
        if tab.evaluate("window.localStorage.length + window.sessionStorage.length"):
            seen.stored.append(path)
        tab.set_viewport_size({"width": 320, "height": 640})
        if tab.evaluate("document.documentElement.scrollWidth > 320"):
            seen.too_wide.append(path)
        tab.set_viewport_size({"width": 1280, "height": 900})
        seen.pages += 1
    seen.cookies = context.cookies()
    context.close()
    return seen


def all_paths(kinds: dict[str, list[str]]) -> list[str]:
    return sorted({path for paths in kinds.values() for path in paths})


def test_every_kind_of_page_is_covered(site) -> None:
    _, kinds = site
    for kind in ("home", "page", "section or taxonomy", "event", "events list", "news",
                 "news list", "generated tillganglighet", "generated en/accessibility", "generated en"):
        assert kinds.get(kind), f"no {kind} page in the built content"


def test_axe_finds_no_wcag_21_aa_violation(visit: Visit) -> None:
    assert visit.violations == []


def test_no_request_leaves_the_site(site, visit: Visit, built_site: Path) -> None:
    assert foreign_requests(visit.requests, [site[0], *published_addresses(built_site)]) == []
    assert len(visit.requests) >= visit.pages


def test_no_cookie_and_no_web_storage(visit: Visit) -> None:
    assert visit.cookies == []
    assert visit.stored == []


def test_pages_reflow_at_320_pixels_without_horizontal_scrolling(visit: Visit) -> None:
    assert visit.too_wide == []


def test_tab_reaches_the_skip_link_first_and_enter_moves_to_main(site, browser) -> None:
    base, kinds = site
    context = browser.new_context()
    tab = context.new_page()
    for path in kinds["home"][:1] + kinds["event"][:1] + kinds["generated en/accessibility"][:1]:
        tab.goto(base + path)
        tab.keyboard.press("Tab")
        focused = tab.evaluate(
            "() => [document.activeElement.className, document.activeElement.getAttribute('href'),"
            " document.activeElement.getBoundingClientRect().top >= 0]"
        )
        assert focused == ["skip-link", "#main", True], path
        tab.keyboard.press("Enter")
        assert tab.evaluate("document.activeElement.id") == "main", path
        tab.keyboard.press("Tab")  # from main, focus goes on to its first link
        outline = tab.evaluate(
            "() => { const s = getComputedStyle(document.activeElement);"
            " return [s.outlineStyle, s.outlineWidth, s.outlineColor]; }"
        )
        assert outline == ["solid", "3px", "rgb(27, 27, 27)"], path  # 17:1 on white
    context.close()
