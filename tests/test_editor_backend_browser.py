"""A save through Decap CMS itself, in Chromium, against `rusgen serve`: Decap sends the whole
file as its YAML writer makes it, and the file keeps every line but the edited one."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import copy_project, rusgen_serve

TIMEOUT_MS = 30_000
EVENT = "content/vastra-gotaland/events/2021-05-27-uppstart-fullfoljda-studier.md"
ENTRY = "#/collections/vastra-gotaland-events/entries/2021-05-27-uppstart-fullfoljda-studier"
# Whether a frame at any depth shows a page whose <title> holds the text.
SHOWS_TITLE = """(text) => {
  const shows = (doc) => doc.title.includes(text) ||
    [...doc.querySelectorAll("iframe")].some((f) => f.contentDocument && shows(f.contentDocument));
  return shows(document);
}"""


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    project = copy_project(tmp_path)
    with rusgen_serve(project, host="localhost") as origin:  # Decap's local backend wants it
        yield origin, project


def test_editing_a_title_in_decap_changes_only_the_title_line(browser, served) -> None:
    base, project = served
    before = (project / EVENT).read_text("utf-8")
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto(base + "/admin/")
        page.get_by_role("button", name="Logga in").click(timeout=TIMEOUT_MS)
        page.goto(base + "/admin/" + ENTRY)
        title = page.locator("input").first
        title.wait_for(timeout=TIMEOUT_MS)
        page.wait_for_function("() => document.querySelector('input').value.startsWith('Uppstart')")
        title.fill("Uppstart: Kraftsamling fullföljda studier, i Göteborg")
        # The preview pane (Decap's frame, and rusgen's page in a frame within) shows the draft.
        page.wait_for_function(SHOWS_TITLE, arg="fullföljda studier, i Göteborg", timeout=TIMEOUT_MS)
        page.get_by_role("button", name="Publicera").first.click()
        page.get_by_text("Publicera nu").first.click()
        page.locator("#rusgen-messages").get_by_text("Sparat").wait_for(timeout=TIMEOUT_MS)
    finally:
        page.close()
    after = (project / EVENT).read_text("utf-8")
    lines = zip(before.split("\n"), after.split("\n"), strict=True)
    changed = [(old, new) for old, new in lines if old != new]
    assert changed == [(
        'title: "Uppstart: Kraftsamling fullföljda studier"',
        'title: "Uppstart: Kraftsamling fullföljda studier, i Göteborg"',
    )]
    assert not errors
