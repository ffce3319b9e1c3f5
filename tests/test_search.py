"""The search page in headless Chromium: a Swedish word finds its page, offline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sample_site
from conftest import BUILD_EPOCH

from rusgen.writer import write_outputs


@pytest.fixture(scope="module")
def sample_public(tmp_path_factory: pytest.TempPathFactory) -> Path:
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
        from rusgen.build import BuildOptions, render_site

        folder = sample_site.write_site(tmp_path_factory.mktemp("sample"))
        result = render_site(BuildOptions(source=folder))
    public = tmp_path_factory.mktemp("public") / "out"
    write_outputs(result.outputs, public, prune_below=("",))
    return public / sample_site.FOLDER


def test_search_finds_a_page_by_a_swedish_word(browser, static_server, sample_public: Path) -> None:
    base = static_server(sample_public.parent) + f"{sample_site.FOLDER}/"
    page = browser.new_page()
    requests: list[str] = []
    failed: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("response", lambda response: response.ok or failed.append(response.url))
    # "laddstation" is not in the text: Swedish stemming finds "laddstationer".
    page.goto(base + "sok/?q=laddstation")
    link = page.locator(".search-results__list li a").first
    link.wait_for(timeout=10000)
    assert link.inner_text() == "Laddinfrastruktur"
    assert link.get_attribute("href") == base + "laddning/"
    assert "1 träff för ”laddstation”" in page.locator("[role=status]").inner_text()
    page.fill("#search-input", "elbilar")
    page.click("button[type=submit]")
    page.wait_for_function("location.search.includes('elbilar')")
    assert all(url.startswith(base) for url in requests), requests
    assert failed == [], "search asked for files the build did not publish"
    page.close()


def test_only_what_search_js_uses_is_published(sample_public: Path) -> None:
    index = sample_public / "pagefind"
    entry = json.loads((index / "pagefind-entry.json").read_text())
    languages = entry["languages"].values()
    assert sorted(entry["languages"]) == ["en", "sv"]
    expected = {"pagefind.js", "pagefind-worker.js", "pagefind-entry.json"}
    expected |= {f"pagefind.{language['hash']}.pf_meta" for language in languages}
    expected |= {"wasm.sv.pagefind", "wasm.en.pagefind"}
    assert {p.name for p in index.iterdir() if p.is_file()} == expected
    # Pagefind's own interfaces (pagefind-ui.js and the like) are gone; the chunks stay.
    assert {p.name for p in index.iterdir() if p.is_dir()} == {"index", "fragment"}


def test_search_from_disk_finds_a_page_by_a_swedish_word(browser, sample_public: Path) -> None:
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto((sample_public / "sok" / "index.html").as_uri() + "?q=laddstation")
    link = page.locator(".search-results__list li a").first
    link.wait_for(timeout=10000)
    assert link.inner_text() == "Laddinfrastruktur"
    assert "1 träff för ”laddstation”" in page.locator("[role=status]").inner_text()
    assert page.locator(".search-results__list mark").first.inner_text().lower() == "laddstation"
    assert page.locator("[data-search-unavailable]").is_hidden()
    with page.expect_navigation():
        link.click()
    assert page.url == (sample_public / "laddning" / "index.html").as_uri()
    assert all(url.startswith("file://") for url in requests), requests
    page.close()


def test_search_from_disk_in_english_finds_english_pages(browser, sample_public: Path) -> None:
    page = browser.new_page()
    page.goto((sample_public / "en" / "search" / "index.html").as_uri())
    page.fill("#search-input", "welc")
    page.click("button[type=submit]")
    link = page.locator(".search-results__list li a").first
    link.wait_for(timeout=10000)
    assert [a.inner_text() for a in page.locator(".search-results__list li a").all()] == ["Test region"]
    page.close()


def test_the_web_never_loads_the_disk_index(browser, static_server, sample_public: Path) -> None:
    base = static_server(sample_public.parent) + f"{sample_site.FOLDER}/"
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(base + "sok/?q=laddstation")
    page.locator(".search-results__list li a").first.wait_for(timeout=10000)
    assert not [url for url in requests if "search-index.js" in url]
    page.close()


def test_search_without_javascript_says_so(browser, static_server, sample_public: Path) -> None:
    base = static_server(sample_public.parent) + f"{sample_site.FOLDER}/"
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "en/search/?q=charging")
    assert "Search needs JavaScript" in page.locator("main").inner_text()
    context.close()


def test_only_content_is_indexed(sample_public: Path) -> None:
    assert 'data-pagefind-body' in (sample_public / "laddning" / "index.html").read_text()
    for page in ("sok/index.html", "404.html", "gamla-laddning/index.html"):
        assert "data-pagefind-body" not in (sample_public / page).read_text(), page


def test_redirect_page_has_refresh_canonical_and_link(sample_public: Path) -> None:
    html = (sample_public / "gamla-laddning" / "index.html").read_text()
    assert '<meta http-equiv="refresh" content="0; url=../laddning/">' in html
    assert '<link rel="canonical" href="https://prov.example.se/region/laddning/">' in html
    assert '<a href="../laddning/">Laddinfrastruktur</a>' in html


def test_404_links_start_at_the_hosts_root(sample_public: Path) -> None:
    """Served at any depth, the 404 page links from the host's root: /region/..., the path
    of base_url, so the same file works on the host and in the preview."""
    html = (sample_public / "404.html").read_text()
    hrefs = [part.split('"')[0] for part in html.split('href="')[1:]]
    assert hrefs
    for href in hrefs:
        # The region's own pages and files, the network index at the host's root, or elsewhere.
        assert href == "/" or href.startswith(("/region/", "https://", "mailto:", "tel:", "#")), href
    assert "/region/assets/" in html and "/region/sok/" in html


def test_sitemap_has_alternates_and_lastmod(sample_public: Path) -> None:
    from xml.etree import ElementTree as ET

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(sample_public / "sitemap.xml").getroot()
    urls = {u.find("s:loc", ns).text: u for u in root.findall("s:url", ns)}
    base = sample_site.BASE_URL
    assert base + "gamla-laddning/" not in urls and base + "404.html" not in urls
    assert urls[base + "laddning/"].find("s:lastmod", ns).text == "2021-04-21"
    home = {a.get("hreflang"): a.get("href") for a in urls[base].findall("x:link", ns)}
    assert home == {"sv": base, "en": base + "en/", "x-default": base}
    search = {a.get("hreflang"): a.get("href") for a in urls[base + "sok/"].findall("x:link", ns)}
    assert search == {"sv": base + "sok/", "en": base + "en/search/", "x-default": base + "sok/"}
    robots = (sample_public / "robots.txt").read_text()
    assert robots.endswith(f"Sitemap: {base}sitemap.xml\n")


def test_disk_index_reads_what_pagefind_indexes() -> None:
    from rusgen.outputs.disk_search import page_entry

    page = ('<!DOCTYPE html><html lang="sv"><head><title>T</title></head><body>'
            '<nav><a href="x/">Meny</a></nav><main id="main" data-pagefind-body>'
            '<h1>Hållbar <em>energi</em></h1><div><p>Vind &amp; sol</p></div>'
            '<script>var hemligt = 1;</script><div>Mer</div></main><footer>Sidfot</footer></body></html>')
    assert page_entry(page) == {"lang": "sv", "title": "Hållbar energi", "text": "Vind & sol Mer"}
    assert page_entry(page.replace(" data-pagefind-body", "")) is None
    ignored = page.replace("<div><p>", '<div data-pagefind-ignore><div>Fler</div><p>')
    assert page_entry(ignored) == {"lang": "sv", "title": "Hållbar energi", "text": "Mer"}
    hyphenated = page.replace("Hållbar", "Håll\u00adbar").replace("Vind", "Vin&shy;<wbr>d")
    assert page_entry(hyphenated) == {"lang": "sv", "title": "Hållbar energi", "text": "Vind & sol Mer"}
