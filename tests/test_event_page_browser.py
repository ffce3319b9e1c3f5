"""An upcoming event's page in a real Chromium: its add-to-calendar links and moved notice
pass axe, fit a phone, and nothing is fetched from Google or Microsoft until a click."""

from __future__ import annotations

from pathlib import Path

import pytest
import sample_site
from click.testing import CliRunner

from rusgen.cli import main
from tests.conftest import BUILD_EPOCH
from tests.test_accessibility_browser import axe_context, axe_violations, foreign_requests

EVENT = (
    "---\ntitle: Uppstart hållbar energi\nsummary: Vi startar arbetet.\nstart: 2027-03-09 13:00\n"
    "end: 2027-03-09 16:00\nprevious_start: 2027-03-02 13:00\nupdated: 2026-11-20 10:00\n"
    "location: Stadshuset, Borås\n---\n\nVälkommen.\n"
)
PAGE = f"{sample_site.FOLDER}/events/uppstart-hallbar-energi/"


@pytest.fixture(scope="module")
def public(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pages = {**sample_site.PAGES, "events/2027-03-09-uppstart-hallbar-energi.md": EVENT}
    folder = sample_site.write_site(tmp_path_factory.mktemp("site"), pages)
    output = folder / "public"
    result = CliRunner(env={"SOURCE_DATE_EPOCH": BUILD_EPOCH}).invoke(
        main, ["build", "--source", str(folder), "--output", str(output)])
    assert result.exit_code == 0, result.output
    return output


def test_upcoming_event_page_in_a_browser(public: Path, browser, static_server) -> None:
    base = static_server(public)
    context = axe_context(browser, public, viewport={"width": 320, "height": 640})
    tab = context.new_page()
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    tab.goto(base + PAGE)
    google = tab.get_by_role("link", name="Lägg till i Google Kalender")
    outlook = tab.get_by_role("link", name="Lägg till i Outlook på webben")
    assert google.is_visible() and outlook.is_visible()
    assert tab.get_by_role("link", name="Lägg till i kalender").is_visible()
    assert tab.get_by_text("Nytt datum").is_visible()
    assert axe_violations(tab, PAGE) == []
    assert not tab.evaluate("document.documentElement.scrollWidth > 320")
    assert foreign_requests(requests, [base]) == []
    # The link leaves for Google only when followed (answered here, not fetched).
    tab.route("https://calendar.google.com/**", lambda route: route.fulfill(body="kalender"))
    google.click()
    tab.wait_for_url("https://calendar.google.com/**")
    assert "dates=20270309T120000Z%2F20270309T150000Z" in tab.url
    context.close()
