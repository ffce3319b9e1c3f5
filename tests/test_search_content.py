"""Search finds pages by their own content, not by the lists and boxes around it.

Run in headless Chromium over HTTP on the real content, as a reader searches.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT, run_rusgen

REGION = "jamtland-harjedalen"
FOLDER = "jh"  # its folder in the output, from its base_url
# 1 August 2020: the region's meetings of August 2020 are still to come, so the full ones say
# "Fullsatt" (a past event says only that it has taken place).
BEFORE_THE_MEETINGS = "1596240000"


def search(browser, base: str, query: str) -> list[tuple[str, str]]:
    """Return (address, snippet) of every hit the search page lists for query."""
    page = browser.new_page()
    page.goto(base + f"sok/?q={query}")
    page.wait_for_function("document.querySelector('[role=status]').textContent.trim() !== ''")
    hits = [
        (link.get_attribute("href").removeprefix(base), item.inner_text())
        for item in page.locator(".search-results__list li").all()
        for link in [item.locator("a").first]
    ]
    page.close()
    return hits


@pytest.fixture(scope="module")
def built_site(project_copy: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The region built as it was before its meetings of August 2020."""
    output = tmp_path_factory.mktemp("jh-2020")
    result = run_rusgen("build", "--source", str(project_copy), "--output", str(output),
                        "--region", REGION, epoch=BEFORE_THE_MEETINGS)
    assert result.exit_code == 0, result.output
    return output


@pytest.fixture
def jh_base(static_server, built_site: Path) -> str:
    return static_server(built_site) + f"{FOLDER}/"


def test_fullsatt_finds_the_full_events_and_no_list(browser, jh_base: str, built_site: Path) -> None:
    full = [
        f"events/{path.parent.name}/"
        for path in (built_site / FOLDER / "events").glob("*/index.html")
        if "event-status--full" in path.read_text()
    ]
    assert len(full) >= 3  # the real content has full events: else this test says nothing
    # A page whose own text says "fullsatt" is rightly found; a list or a series box is not.
    own_text = [
        f"{path.stem}/" for path in (ROOT / "content" / REGION).glob("*.md")
        if "fullsatt" in path.read_text().lower()
    ]
    hits = search(browser, jh_base, "fullsatt")
    addresses = sorted(address for address, _ in hits)
    assert addresses == sorted(full + own_text), hits


def test_snippets_carry_no_interface_text(browser, jh_base: str) -> None:
    hits = search(browser, jh_base, "fullsatt")
    ui_words = ("Fler tillfällen i samma serie", "Lägg till i kalender", "Alla evenemang", "Huvudmeny")
    for address, snippet in hits:
        assert not any(word in snippet for word in ui_words), (address, snippet)


def test_a_hyphenated_heading_is_found_by_its_whole_word(browser, jh_base: str, built_site: Path) -> None:
    heading = (built_site / FOLDER / "index.html").read_text().split("<h1>", 1)[1].split("</h1>", 1)[0]
    assert "till\u00adväxt\u00adar\u00adbete" in heading  # hyphenated for a phone's width
    hits = search(browser, jh_base, "tillväxtarbete")
    assert "" in [address for address, _ in hits], hits  # the home page, by its heading
    assert all("\u00ad" not in snippet for _, snippet in hits)
