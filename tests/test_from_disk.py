"""A region's folder opened from disk (file://) in headless Chromium, and the same over http.

Links to pages end in "/"; from disk a browser shows a folder's listing there, so the
theme's from-disk.js points them at index.html, and over http it must change nothing.
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

REGION = "vg"  # its output folder, from base_url


@pytest.fixture
def disk_page(browser):  # noqa: ANN201
    context = browser.new_context()
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield page
    context.close()
    assert errors == [], errors


def on_disk(url: str) -> Path:
    """Return the file a file:// URL names, without its ?query or #fragment."""
    return Path(unquote(urlsplit(url).path))


def follow(page, name: str) -> None:  # noqa: ANN001
    """Click the first link with this exact text and wait for the next page."""
    with page.expect_navigation():
        page.get_by_role("link", name=name, exact=True).first.click()


def heading(page) -> str:  # noqa: ANN001
    """Return the page's h1 as read: its soft hyphens show only where a line breaks."""
    return page.locator("h1").inner_text().replace("\u00ad", "")


def test_links_from_home_to_a_page_an_event_and_back_land_on_pages(disk_page,
                                                                   built_site: Path) -> None:
    page = disk_page
    home = built_site / REGION / "index.html"
    page.goto(home.as_uri())
    follow(page, "Kraftsamlingar")
    assert page.url == (built_site / REGION / "kraftsamlingar" / "index.html").as_uri()
    assert heading(page) == "Kraftsamlingar"
    follow(page, "Evenemang")
    assert page.url == (built_site / REGION / "events" / "index.html").as_uri()
    event = page.locator("main a[href*='uppstart-digitalisering']").first
    title = event.inner_text().strip().replace("\u00ad", "")
    with page.expect_navigation():
        event.click()
    assert page.url == (built_site / REGION / "events" / "uppstart-digitalisering"
                        / "index.html").as_uri()
    assert heading(page) == title
    follow(page, "Startsida")  # the first breadcrumb
    assert page.url == home.as_uri()
    page.go_back()
    assert page.url.endswith("/events/uppstart-digitalisering/index.html")
    assert heading(page) == title


def test_no_link_of_any_page_leads_to_a_folder(disk_page, built_site: Path) -> None:
    pages = sorted((built_site / REGION).rglob("index.html"))
    assert len(pages) > 20
    for html in pages:
        if 'http-equiv="refresh"' in html.read_text(encoding="utf-8"):
            continue  # a redirect for an alias: it leaves before any link is read
        disk_page.goto(html.as_uri())
        disk_page.wait_for_load_state("load")
        for url in disk_page.locator("a[href]").evaluate_all("links => links.map(a => a.href)"):
            if url.startswith("file:"):
                assert on_disk(url).is_file(), f"{html}: {url} is not a file"


def test_over_http_the_links_are_as_written(browser, static_server, built_site: Path) -> None:
    base = static_server(built_site) + f"{REGION}/"
    with_script = browser.new_context()
    without_script = browser.new_context(java_script_enabled=False)
    for url in ("", "events/", "kraftsamlingar/digitalisering/", "en/"):
        hrefs = []
        for context in (with_script, without_script):
            page = context.new_page()
            page.goto(base + url)
            page.wait_for_load_state("load")
            hrefs.append(page.locator("a[href]").evaluate_all(
                "links => links.map(a => a.getAttribute('href'))"))
            page.close()
        assert hrefs[0] == hrefs[1], url
        assert any(h.endswith("/") for h in hrefs[0]), url
        assert not [h for h in hrefs[0] if "index.html" in h], url
    with_script.close()
    without_script.close()


def test_an_old_address_redirects_to_the_page_from_disk(disk_page, built_site: Path) -> None:
    alias = built_site / REGION / "smart-spec" / "index.html"
    assert 'http-equiv="refresh"' in alias.read_text(encoding="utf-8")
    disk_page.goto(alias.as_uri())
    disk_page.wait_for_url("**/smart-specialisering/index.html", timeout=10000)
    assert heading(disk_page) == "Smart specialisering"
