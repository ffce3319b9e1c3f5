"""The layout as a reader meets it in a real Chromium: where content starts on a phone, the
menu button, headings and e-mail addresses that do not break badly, events whose status
shows at a glance and that invite no action once past, and no block that lists nothing."""

from __future__ import annotations

import gzip
import io
import re
from pathlib import Path

import pytest
from PIL import Image

from tests.conftest import run_rusgen
from tests.sitekit import REGION, write_site

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
# One page of each kind a reader lands on, in the repository's content.
PAGES = (
    "vg/",
    "vg/smart-specialisering/",
    "vg/kraftsamlingar/",
    "vg/kraftsamlingar/digitalisering/",
    "vg/events/",
    "vg/events/uppstart-digitalisering/",
    "vg/news/",
    "vg/news/digital-uppstart-for-kraftsamlingarna/",
    "vg/en/",
    "vg/tillganglighet/",
    "vg/sok/",
    "jh/",
    "jh/events/vision-hallbar-energi/",
    "boras/",
    "boras/news/fokus-borasregionen/",
    "vb/",
)

# Words of a heading that run over two lines with no hyphen shown at the break.
SPLIT_WORDS = """() => {
  const found = [];
  for (const heading of document.querySelectorAll('main h1, main h2, main h3')) {
    const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (const match of node.data.matchAll(/\\S+/g)) {
        const range = document.createRange();
        range.setStart(node, match.index);
        range.setEnd(node, match.index + match[0].length);
        const rects = [...range.getClientRects()].filter(r => r.width > 0);
        const tops = new Set(rects.map(r => Math.round(r.top)));
        if (tops.size > 1 && !/[\\u00ad\\u2010\\u2013-]/.test(match[0])) found.push(match[0]);
      }
    }
  }
  return found;
}"""
# Links to an e-mail address whose text runs over more than one line.
SPLIT_ADDRESSES = """() => [...document.querySelectorAll('a[href^="mailto:"]')].filter(a => {
  const tops = new Set([...a.getClientRects()].filter(r => r.width > 0).map(r => Math.round(r.top)));
  return tops.size > 1;
}).map(a => a.textContent)"""


@pytest.fixture(scope="module")
def served(built_site: Path):
    """Serve the repository's built content over HTTP for the module."""
    import functools
    import http.server
    import threading

    from tests.conftest import QuietHandler

    handler = functools.partial(QuietHandler, directory=str(built_site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()
    server.server_close()


def test_content_begins_within_200_pixels_of_the_top_on_a_phone(served, browser) -> None:
    tab = browser.new_page(viewport=PHONE)
    late = {}
    for path in PAGES:
        tab.goto(served + path)
        top = tab.evaluate("document.querySelector('main h1').getBoundingClientRect().top")
        if top > 200:
            late[path] = top
    tab.close()
    assert late == {}


def test_the_menu_opens_from_a_button_without_javascript(served, browser) -> None:
    context = browser.new_context(viewport=PHONE, java_script_enabled=False)
    tab = context.new_page()
    tab.goto(served + "vg/")
    menu_link = tab.locator(".menu-button a", has_text="Smart specialisering")
    assert not menu_link.is_visible()
    button = tab.get_by_text("Meny", exact=True)
    assert tab.evaluate("document.querySelector('summary').textContent") == "Meny"
    button.click()
    assert menu_link.is_visible()
    with tab.expect_navigation():
        menu_link.click()
    assert tab.locator("h1").inner_text().replace("\xad", "") == "Smart specialisering"
    tab.set_viewport_size(DESKTOP)  # a wide screen shows the menu itself, no button
    assert not button.is_visible()
    assert tab.get_by_role("link", name="Evenemang", exact=True).is_visible()
    context.close()


def found_on_pages(browser, base: str, paths, viewport: dict, script: str) -> dict[str, list]:
    """Run a script returning a list on each page; return the pages where it found something."""
    tab = browser.new_page(viewport=viewport)
    found = {}
    for path in paths:
        tab.goto(base + path)
        items = tab.evaluate(script)
        if items:
            found[path] = items
    tab.close()
    return found


def test_no_heading_word_is_split_without_a_hyphen_on_a_phone(served, browser) -> None:
    assert found_on_pages(browser, served, PAGES, PHONE, SPLIT_WORDS) == {}


def test_no_email_address_is_split_on_a_wide_screen(served, browser) -> None:
    paths = PAGES + ("jh/smart-specialisering/",)
    assert found_on_pages(browser, served, paths, DESKTOP, SPLIT_ADDRESSES) == {}


def test_a_past_event_invites_no_action(served, browser) -> None:
    tab = browser.new_page(viewport=DESKTOP)
    tab.goto(served + "jh/events/vision-hallbar-energi/")
    text = tab.locator("main").inner_text()
    assert text.count("Evenemanget har redan ägt rum.") == 1
    assert "Fullsatt" not in text  # it was full; now it is over, and says only that
    for action in ("Anmäl dig här", "Lägg till i kalender", "Anslut till"):
        assert tab.get_by_role("link", name=action).count() == 0, action
    tab.close()


def test_a_region_without_events_shows_no_events_block_and_offers_no_calendar(served, browser) -> None:
    tab = browser.new_page(viewport=DESKTOP)
    tab.goto(served + "boras/")
    assert "evenemang" not in tab.locator("main").inner_text().lower()
    assert tab.get_by_role("link", name="Evenemang").count() == 0  # no menu entry
    assert tab.locator('link[href$="events.ics"], a[href$="events.ics"]').count() == 0
    tab.goto(served)  # the network index
    card = tab.locator("li", has=tab.get_by_role("heading", name="Boråsregionen"))
    assert card.get_by_role("link", name=re.compile("kalender")).count() == 0
    assert card.get_by_role("link", name=re.compile("Prenumerera på nyheter från Boråsregionen")).count() == 1
    tab.goto(served + "jh/")  # events but no news
    assert tab.get_by_role("link", name="Nyheter").count() == 0
    assert "nyheter" not in tab.locator("main").inner_text().lower()
    assert tab.locator('link[type="application/atom+xml"][href*="news"]').count() == 0
    tab.close()


def test_a_home_page_weighs_under_60_kilobytes_compressed(built_site: Path) -> None:
    """The HTML, CSS and JavaScript a phone fetches for a home page, gzip-compressed."""
    for region in ("vg", "jh"):  # their folders in the output
        html = (built_site / region / "index.html").read_text(encoding="utf-8")
        files = [built_site / region / "index.html"]
        for asset in re.findall(r'(?:href|src)="(assets/[^"]+\.(?:css|js))"', html):
            files.append(built_site / region / asset)
        assert len(files) >= 3, files  # the page, its stylesheets and its script
        sent = sum(len(gzip.compress(file.read_bytes())) for file in files)
        assert sent < 60_000, (region, sent)


# --- a region written for these tests: an event in every status -----------------------

EPOCH = "1767225600"  # 2026-01-01 00:00 UTC
EVENT = "---\ntitle: {title}\nstart: {start}\nend: {end}\nlocation: Stadshuset\n{extra}---\n\nText.\n"
STATUS_EVENTS = {
    "events/2026-03-01-planerat.md": EVENT.format(
        title="Möte ett", start="2026-03-01 09:00", end="2026-03-01 12:00",
        extra="registration: {url: https://example.se/anmalan, deadline: 2026-02-20}\n"),
    "events/2026-03-02-fullt.md": EVENT.format(
        title="Möte två", start="2026-03-02 09:00", end="2026-03-02 12:00",
        extra="status: full\nstatus_note: Vi har ingen plats kvar.\n"
              "registration: {url: https://example.se/anmalan}\n"),
    "events/2026-03-03-installt.md": EVENT.format(
        title="Möte tre", start="2026-03-03 09:00", end="2026-03-03 12:00",
        extra="status: cancelled\nregistration: {url: https://example.se/anmalan}\n"),
    "events/2026-03-04-uppskjutet.md": EVENT.format(
        title="Möte fyra", start="2026-03-04 09:00", end="2026-03-04 12:00",
        extra="status: postponed\n"),
    "events/2026-03-05-digitalt.md": EVENT.format(
        title="Möte fem", start="2026-03-05 09:00", end="2026-03-05 12:00",
        extra="status: moved-online\n"),
    "events/2025-12-01-forbi.md": EVENT.format(
        title="Möte sex", start="2025-12-01 09:00", end="2025-12-01 12:00",
        extra="registration: {url: https://example.se/anmalan}\n"),
    "events/2026-02-01-stangd.md": EVENT.format(
        title="Möte sju", start="2026-02-01 09:00", end="2026-02-01 12:00",
        extra="registration: {url: https://example.se/anmalan, deadline: 2025-12-15}\n"),
}
HOME = ("---\ntitle: Testlän växer\nsummary: Så utvecklar vi länet.\n"
        "image: {src: files/hero.png, alt: Bron över älven, credit: \"Foto: Anna Berg\"}\n---\n\nText.\n")
LONG_PAGE = "---\ntitle: Strategin\n---\n\n" + "".join(
    f"## Del {n}\n\nText om del {n}.\n\n" for n in ("ett", "två", "tre")
)
STATUS_WORDS = {
    "fullt": "Fullsatt", "installt": "Inställt", "uppskjutet": "Uppskjutet",
    "digitalt": "Flyttat till digitalt", "forbi": "Evenemanget har redan ägt rum.",
}
LOOK = """el => { const s = getComputedStyle(el), b = getComputedStyle(el, '::before');
  return [s.borderTopStyle, b.content, s.backgroundColor, s.color].join(' | '); }"""


@pytest.fixture(scope="module")
def status_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build a region with an event in every status; return its output folder."""
    picture = io.BytesIO()
    Image.new("RGB", (64, 40), "#336699").save(picture, "PNG")
    files = {**STATUS_EVENTS, "index.md": HOME, "strategi.md": LONG_PAGE,
             "files/hero.png": picture.getvalue()}
    root = write_site(tmp_path_factory.mktemp("statuses"), files,
                      region=REGION.replace("menu: [om, events, news]", "menu: [om, events]"))
    output = root / "public"
    result = run_rusgen("build", "--source", str(root), "--output", str(output), epoch=EPOCH)
    assert result.exit_code == 0, result.output
    return output / "test"


def test_the_network_index_shows_each_regions_next_event(status_site: Path) -> None:
    index = (status_site.parent / "index.html").read_text(encoding="utf-8")
    # Links into the region's folder beside the index: they work in the preview and from disk.
    assert ('<strong>Nästa evenemang:</strong> <a href="test/events/stangd/">Möte sju</a>, '
            'söndag 1 februari 2026') in index
    assert '<img src="test/icon.svg" alt=""' in index
    assert (status_site / "events" / "stangd" / "index.html").is_file()


def test_each_status_is_said_once_and_looks_its_own(status_site: Path, browser) -> None:
    tab = browser.new_page(viewport=DESKTOP)
    looks = {}
    for slug, word in STATUS_WORDS.items():
        tab.goto((status_site / "events" / slug / "index.html").as_uri())
        main = tab.locator("main").inner_text()
        assert main.count(word) == 1, (slug, main)
        status = tab.locator("main .status").first
        assert status.inner_text().strip().endswith(word)
        looks[slug] = status.evaluate(LOOK)
    tab.close()
    # Not by colour alone: each status differs from every other in its frame or its mark.
    shapes = {slug: look.split(" | ")[:2] for slug, look in looks.items()}
    assert len({tuple(shape) for shape in shapes.values()}) == len(shapes), shapes


def test_called_off_and_past_events_offer_no_registration_or_calendar(status_site: Path) -> None:
    def page(slug: str) -> str:
        return (status_site / "events" / slug / "index.html").read_text(encoding="utf-8")

    for slug in ("installt", "uppskjutet", "forbi"):
        assert "Anmäl dig här" not in page(slug), slug
        assert "Lägg till i kalender" not in page(slug), slug
    assert "Anmäl dig här" in page("planerat")
    assert "Lägg till i kalender" in page("planerat")
    assert "Anmäl dig här" not in page("fullt")  # "Fullsatt" says it all
    closed = page("stangd")
    assert "Anmälan är stängd." in closed
    assert "Anmäl dig här" not in closed
    assert "Lägg till i kalender" in closed  # the event itself still takes place


def test_the_events_list_groups_by_month_with_a_date_block(status_site: Path, browser) -> None:
    tab = browser.new_page(viewport=PHONE)
    tab.goto((status_site / "events" / "index.html").as_uri())
    months = tab.locator(".month-heading").all_inner_texts()
    assert [m.lower() for m in months] == ["februari 2026", "mars 2026", "december 2025"]
    first = tab.locator(".event-item").first
    assert first.locator(".date-block").inner_text().split() == ["1", "FEB"]
    assert first.locator(".date-block").get_attribute("aria-hidden") == "true"
    assert "söndag 1 februari 2026" in first.inner_text()  # the date in words beside it
    tab.close()


def test_the_home_page_has_a_hero_with_the_credit_and_upcoming_events(status_site: Path, browser) -> None:
    tab = browser.new_page(viewport=DESKTOP)
    tab.goto((status_site / "index.html").as_uri())
    hero = tab.locator(".hero")
    assert hero.locator("h1").inner_text() == "Testlän växer"
    assert hero.get_by_role("img", name="Bron över älven").is_visible()
    assert hero.locator("figcaption").inner_text() == "Foto: Anna Berg"
    upcoming = tab.get_by_role("region", name="Kommande evenemang")
    assert upcoming.locator(".event-item").count() == 3  # the next three
    assert tab.get_by_role("region", name="Senaste nytt").count() == 0  # no news: no block
    tab.close()


def test_a_long_page_lists_its_headings_beside_the_text(status_site: Path, browser) -> None:
    tab = browser.new_page(viewport=DESKTOP)
    tab.goto((status_site / "strategi" / "index.html").as_uri())
    toc = tab.get_by_role("navigation", name="På den här sidan")
    assert toc.get_by_role("link").all_inner_texts() == ["Del ett", "Del två", "Del tre"]
    text_box = tab.locator(".layout__body").bounding_box()
    assert toc.bounding_box()["x"] > text_box["x"] + text_box["width"]  # at the right
    tab.set_viewport_size(PHONE)  # on a phone, before the text
    assert toc.bounding_box()["y"] < tab.locator(".layout__body").bounding_box()["y"]
    tab.close()


def test_the_dark_scheme_keeps_contrast(served, browser, built_site: Path) -> None:
    """A reader whose system asks for dark colours gets them, and axe finds no violation."""
    from tests.test_accessibility_browser import axe_context, axe_violations

    context = axe_context(browser, built_site, viewport=DESKTOP, color_scheme="dark")
    tab = context.new_page()
    violations = []
    for path in PAGES + ("",):
        tab.goto(served + path)
        violations += axe_violations(tab, path)
    background = tab.evaluate("getComputedStyle(document.body).backgroundColor")
    context.close()
    assert background != "rgb(255, 255, 255)"  # the dark scheme is really in use
    assert violations == []
