"""The editor's draft preview goes through the build's stages with the draft in place of
its file: what it shows, and that nothing of the draft stays on disk or in the preview."""

from __future__ import annotations

from pathlib import Path

from rusgen.build import BuildOptions
from rusgen.editor.draft import DraftPreview
from rusgen.preview import SiteRebuilder
from tests.sitekit import PAGES, write_site

ORIGIN = "http://127.0.0.1:8000"
OM = "content/test/om.md"


def _preview(root: Path) -> tuple[SiteRebuilder, DraftPreview]:
    """The preview and its drafts, wired as `rusgen serve` wires them."""
    options = BuildOptions(source=root, drafts=True, preview=True)
    rebuild = SiteRebuilder(options)
    return rebuild, DraftPreview(options, "sv", rebuild.caches)


def _served_page(rebuild: SiteRebuilder, path: str) -> str:
    """The page as the live preview serves it after a rebuild."""
    snapshot = rebuild()
    assert snapshot.later is not None, snapshot.problems
    return snapshot.later.render(path)[path].decode("utf-8")


def test_a_draft_shows_its_title_and_the_live_preview_keeps_the_saved_one(tmp_path: Path) -> None:
    root = write_site(tmp_path)
    rebuild, draft = _preview(root)
    assert "<title>Om oss" in _served_page(rebuild, "test/om/index.html")

    status, page = draft(OM, PAGES["om.md"].replace("title: Om oss", "title: Om oss i utkast"), ORIGIN)
    assert status == 200 and "<title>Om oss i utkast" in page
    assert f'<base href="{ORIGIN}/test/om/">' in page

    served = _served_page(rebuild, "test/om/index.html")
    assert "<title>Om oss" in served and "i utkast" not in served
    assert (root / OM).read_text("utf-8") == PAGES["om.md"]


def test_a_draft_of_a_new_page_renders_and_is_neither_written_nor_served(tmp_path: Path) -> None:
    root = write_site(tmp_path)
    rebuild, draft = _preview(root)
    rebuild()
    new = "content/test/nyheter/ny-sida.md"
    text = "---\ntitle: En ny sida\nsummary: Ännu inte sparad.\n---\n\nLänk till [om oss](../om.md).\n"
    status, page = draft(new, text, ORIGIN)
    assert status == 200 and "<title>En ny sida" in page and 'href="../../om/"' in page
    assert not (root / new).exists()
    snapshot = rebuild()
    assert snapshot.later is not None and "test/nyheter/ny-sida/index.html" not in snapshot.later.paths


def test_a_draft_with_errors_names_file_line_and_field(tmp_path: Path) -> None:
    root = write_site(tmp_path)
    rebuild, draft = _preview(root)
    rebuild()
    wrong = "---\ntitle: Om oss\nsummary: Vilka vi är.\nweight: tjugo\n---\n\nText.\n"
    status, box = draft(OM, wrong, ORIGIN)
    assert status == 200 and "Förhandsvisningen kunde inte visas" in box
    # The box itself is drawn by live_reload.js (tests/test_problem_box_browser.py).
    assert f'"file": "{OM}", "line": 4, "message": "weight: ' in box
    # The next draft, fixed, renders: the broken one left nothing behind.
    status, page = draft(OM, PAGES["om.md"], ORIGIN)
    assert "<title>Om oss" in page and "Förhandsvisningen kunde inte visas" not in page


def test_a_draft_that_mends_a_broken_file_on_disk_renders(tmp_path: Path) -> None:
    """The file on disk is never read for the draft: its errors are not the draft's."""
    root = write_site(tmp_path, {"om.md": "---\ntitle: Om oss\nsummary: [trasig\n---\n\nText.\n"})
    rebuild, draft = _preview(root)
    assert rebuild().problems
    status, page = draft(OM, PAGES["om.md"], ORIGIN)
    assert status == 200 and "<title>Om oss" in page and "kunde inte visas" not in page
