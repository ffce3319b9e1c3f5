"""The editor in a real Chromium: Decap CMS accepts rusgen's configuration of every region
(its own schema check shows an error page otherwise) and loads nothing from elsewhere; a
communicator creates an event through the form, sees it in the preview, and builds."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest

from rusgen.editor.api import SAVE_WAIT
from rusgen.yamlfile import parse_yaml
from tests.conftest import BUILD_EPOCH, copy_project, run_rusgen
from tests.test_editor_config import serving

TIMEOUT_MS = 30_000
# A save's messages wait for the preview's rebuild (at most SAVE_WAIT, which a busy machine
# may need); the page asks for them at once, as the backend names the saved file.
SAVED_MS = int(SAVE_WAIT * 1000) + 15_000
EDITOR = "\neditor:\n  backend: gitlab\n  repo: region-vg/rus-webbplatser\n  app_id: 8a6f3c0e2b\n"


@pytest.fixture(scope="module")
def built_with_editor(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("editor-project"))
    config = project / "rusgen.yaml"
    config.write_text(config.read_text("utf-8") + EDITOR, "utf-8")
    output = tmp_path_factory.mktemp("editor-public")
    result = run_rusgen("build", "--source", str(project), "--output", str(output), epoch=BUILD_EPOCH)
    assert result.exit_code == 0, result.output
    return output


def open_admin(browser, url: str, origin: str):
    """Open an admin page; return it, its console's errors and the requests to elsewhere."""
    page = browser.new_page()
    errors: list[str] = []
    elsewhere: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    # A blob: address is a file the page holds itself (a PDF's thumbnail), of this origin.
    page.on("request", lambda r: None if r.url.startswith((origin, "blob:" + origin))
            else elsewhere.append(r.url))
    page.goto(url)
    return page, errors, elsewhere


@pytest.mark.parametrize("folder", ["boras", "jh", "vb", "vg"])
def test_decap_accepts_each_regions_configuration(browser, static_server, built_with_editor, folder) -> None:
    origin = static_server(built_with_editor)
    page, errors, elsewhere = open_admin(browser, f"{origin}{folder}/admin/", origin)
    try:
        page.get_by_role("button", name="Logga in med GitLab").wait_for(timeout=TIMEOUT_MS)
        assert page.title() == "Redigera webbplatsen"
        assert not errors
        assert not elsewhere
    finally:
        page.close()


@pytest.fixture
def served_project(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """`rusgen serve` over a copy of the repository's project; yield its address and folder."""
    project = copy_project(tmp_path)
    with serving(project) as base:
        yield base, project


def _wait_for_file(path: Path, timeout: float = 30.0) -> str:
    deadline = time.monotonic() + timeout
    while not path.is_file() and time.monotonic() < deadline:
        time.sleep(0.1)
    assert path.is_file(), f"{path} was not written"
    return path.read_text("utf-8")


def _log_in(page, base: str) -> None:
    page.get_by_role("button", name="Logga in").click()
    page.get_by_text("Västerbotten: evenemang").first.wait_for(timeout=TIMEOUT_MS)


def _new_entry(page, base: str, collection: str, title: str) -> None:
    """Open the form of a new entry of `collection` and write its title."""
    page.goto(f"{base}admin/#/collections/{collection}/new")
    # Loaded afresh: after a save Decap may still be busy with the saved entry and take the
    # page back to it, away from the new form (the box of a save no longer waits for that).
    page.reload()
    page.get_by_label("Rubrik", exact=True).first.fill(title)


def _publish(page) -> None:
    page.get_by_role("button", name="Publicera").first.click()
    page.get_by_text("Publicera nu").click()


def test_a_communicator_creates_an_event_in_the_browser(browser, served_project) -> None:
    base, project = served_project
    page, errors, elsewhere = open_admin(browser, base + "admin/", base)
    try:
        _log_in(page, base)
        _new_entry(page, base, "vasterbotten-events", "Uppstartsmöte för RUS")
        page.get_by_label("Börjar").fill("2027-03-02T13:00")
        page.get_by_role("combobox", name="Läge (frivillig)").click()
        page.get_by_text("Fullsatt", exact=True).click()
        # The preview is the page as rusgen's theme renders it, before anything is saved.
        preview = page.frame_locator("iframe").first.frame_locator("iframe")
        preview.get_by_role("heading", name="Uppstartsmöte för RUS").wait_for(timeout=TIMEOUT_MS)
        assert "kl. 13.00" in preview.locator("body").inner_text()
        _publish(page)

        saved = project / "content" / "vasterbotten" / "events" / "uppstartsmote-for-rus.md"
        assert _wait_for_file(saved) == (
            "---\ntitle: Uppstartsmöte för RUS\nstart: 2027-03-02 13:00\nstatus: full\n---\n"
        )
        box = page.locator("#rusgen-messages")
        box.get_by_text("Sparat. Sidan finns i förhandsvisningen:").wait_for(timeout=SAVED_MS)
        link = box.get_by_role("link").get_attribute("href")
        event_page = browser.new_page()
        try:
            assert event_page.goto(urljoin(base, link)).status == 200
            heading = event_page.get_by_role("heading", level=1).inner_text()
            assert heading.replace("\xad", "") == "Uppstartsmöte för RUS"  # soft hyphens
            assert "Fullsatt" in event_page.locator("main").inner_text()
        finally:
            event_page.close()
        assert not errors
        assert not elsewhere
    finally:
        page.close()
    built = run_rusgen("build", "--source", str(project), epoch=BUILD_EPOCH)
    assert built.exit_code == 0, built.output
    assert (project / "public" / "vb" / "events" / "uppstartsmote-for-rus" / "index.html").is_file()


PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def test_a_page_with_a_contact_and_a_document_and_a_news_item(browser, served_project, tmp_path) -> None:
    """What the guide walks a communicator through, word for word of its buttons."""
    base, project = served_project
    upload = tmp_path / "rapport-2027.pdf"
    upload.write_bytes(PDF)
    page, errors, elsewhere = open_admin(browser, base + "admin/", base)
    try:
        _log_in(page, base)
        _new_entry(page, base, "vasterbotten-pages", "Om strategin")
        page.get_by_label("Sammanfattning").fill("Så arbetar vi med strategin.")
        page.get_by_role("combobox", name="Kontaktpersoner (frivillig)").click()
        page.get_by_text("Anna Pettersson (anna-pettersson)").click()
        page.get_by_role("button", name="Add dokument").click()
        page.get_by_role("button", name="Välj en fil").click()
        page.locator("input[type=file]").set_input_files(str(upload))
        page.get_by_role("button", name="Välj markerad").click()
        page.get_by_label("Rubrik", exact=True).nth(1).fill("Rapport 2027")
        _publish(page)
        # The box comes after the whole save: the page's file and the uploaded document.
        page.locator("#rusgen-messages").get_by_text("om-strategin").wait_for(timeout=SAVED_MS)
        saved = _wait_for_file(project / "content" / "vasterbotten" / "om-strategin.md")
        assert saved == (
            "---\ntitle: Om strategin\nsummary: Så arbetar vi med strategin.\n"
            "contacts:\n  - anna-pettersson\ndocuments:\n  - file: files/rapport-2027.pdf\n"
            "    title: Rapport 2027\n---\n"
        )
        assert (project / "content" / "vasterbotten" / "files" / "rapport-2027.pdf").read_bytes() == PDF
        assert "Sparat. Sidan finns i förhandsvisningen:" in page.locator("#rusgen-messages").inner_text()

        _new_entry(page, base, "vasterbotten-news", "Ny strategi antagen")
        page.get_by_label("Publiceringsdag").fill("2026-11-20")
        page.get_by_role("combobox", name="Typ (frivillig)").click()
        page.get_by_text("Pressmeddelande", exact=True).click()
        page.get_by_role("combobox", name="Presskontakter (frivillig)").click()
        page.get_by_text("Thomas Westerberg (thomas-westerberg)").click()
        _publish(page)
        page.locator("#rusgen-messages").get_by_text("ny-strategi-antagen").wait_for(timeout=SAVED_MS)
        news = _wait_for_file(project / "content" / "vasterbotten" / "news" / "ny-strategi-antagen.md")
        assert news == (
            "---\ntitle: Ny strategi antagen\ndate: 2026-11-20\nkind: press\n"
            "press_contacts:\n  - thomas-westerberg\n---\n"
        )
        assert not errors
        assert not elsewhere
    finally:
        page.close()
    built = run_rusgen("build", "--source", str(project), epoch=BUILD_EPOCH)
    assert built.exit_code == 0, built.output
    strategy = (project / "public" / "vb" / "om-strategin" / "index.html").read_text("utf-8")
    assert "Rapport 2027" in strategy and "Anna Pettersson" in strategy
    assert (project / "public" / "vb" / "news" / "ny-strategi-antagen" / "index.html").is_file()


def test_lists_numbers_and_switches_are_written_as_rusgen_reads_them(browser, served_project) -> None:
    base, project = served_project
    page, errors, _ = open_admin(browser, base + "admin/", base)
    try:
        _log_in(page, base)
        _new_entry(page, base, "vasterbotten-events", "Programdag")
        page.get_by_label("Börjar").fill("2027-04-01T09:00")
        page.get_by_role("button", name="Add program").click()
        page.get_by_label("Klockslag").fill("09:30")
        page.get_by_label("Rubrik", exact=True).nth(1).fill("Fika")
        page.get_by_label("Ordning (frivillig)").fill("5")
        page.get_by_label("Utkast (frivillig)").click()
        _publish(page)
        page.locator("#rusgen-messages").get_by_text("programdag").wait_for(timeout=SAVED_MS)
        text = (project / "content" / "vasterbotten" / "events" / "programdag.md").read_text("utf-8")
        front = parse_yaml(text.split("---\n")[1])
        assert front == {"title": "Programdag", "start": "2027-04-01 09:00",
                         "agenda": [{"time": "09:30", "title": "Fika"}], "draft": True, "weight": 5}
        assert not errors
    finally:
        page.close()
    checked = run_rusgen("check", "--source", str(project), "--drafts", epoch=BUILD_EPOCH)
    assert checked.exit_code == 0, checked.output
    assert "0 fel" in checked.output  # a warning or two (no summary, no end), no error
