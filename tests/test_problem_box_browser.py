"""One error box: the live preview's, over a page whose rebuild failed, and the editor's
draft preview's, for the same mistake, as Chromium shows them (both drawn by live_reload.js)."""

from __future__ import annotations

import json
import urllib.request
from pathlib import Path

from tests.conftest import rusgen_serve
from tests.sitekit import PAGES, write_site

OM = "content/test/om.md"
BROKEN = "---\ntitle: Om oss\nsummary: Vilka vi är.\nweight: tjugo\n---\n\nText.\n"  # line 4
WAIT_MS = 30_000  # the longest either box may take on a busy machine; each shows as soon as it can


def _draft(origin: str, rel: str, raw: str) -> str:
    """The editor's draft preview of `raw`, asked as the editor's page asks it."""
    request = urllib.request.Request(
        origin + "/api/rusgen/preview", data=json.dumps({"path": rel, "raw": raw}).encode(),
        headers={"Content-Type": "application/json", "Origin": origin},
    )
    with urllib.request.urlopen(request, timeout=60) as answer:
        return answer.read().decode("utf-8")


def _box(page: object) -> tuple[str, list[str]]:
    """The box's title and its items, as a reader sees them."""
    box = page.locator("#rusgen-problems[role=alert]")
    box.wait_for(timeout=WAIT_MS)
    return box.locator("h2").inner_text(), box.locator("li").all_inner_texts()


def test_the_draft_and_the_preview_say_the_same_error_in_the_same_box(browser, tmp_path: Path) -> None:
    project = write_site(tmp_path)
    with rusgen_serve(project) as origin:
        live = browser.new_page()
        live.goto(origin + "/test/om/")
        (project / OM).write_text(BROKEN, "utf-8")
        preview_title, preview_items = _box(live)

        draft = browser.new_page()
        draft.set_content(_draft(origin, OM, BROKEN))
        draft_title, draft_items = _box(draft)

        assert preview_title == "Förhandsvisningen kunde inte byggas om"
        assert draft_title == "Förhandsvisningen kunde inte visas"
        assert draft_items == preview_items and len(draft_items) == 1
        # File and line, the field, and what to write instead.
        assert draft_items[0].startswith(f"{OM}:4 weight: ska vara ett heltal, som `weight: 10`")
        draft.get_by_role("button", name="Stäng").click()
        assert draft.locator("#rusgen-problems").count() == 0

        (project / OM).write_text(PAGES["om.md"], "utf-8")
        draft.set_content(_draft(origin, OM, PAGES["om.md"].replace("Om oss", "Om oss i utkast", 1)))
        assert draft.title().startswith("Om oss i utkast")
        assert draft.locator("#rusgen-problems").count() == 0
        live.close()
        draft.close()
