"""A file that cannot be read is reported first; what it breaks elsewhere is one line under it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from conftest import ROOT, copy_site, output_lines, run_rusgen

KRAFTSAMLINGAR = "content/vastra-gotaland/kraftsamlingar/index.md"
CAUSE = (
    f"{KRAFTSAMLINGAR}:2: raden går inte att läsa: ett kolon inne i ett värde; sätt värdet "
    "inom citattecken, som title: 'Kraftsamlingar: \"Energi\" och klimat'"
)
LINKS_HERE = "  8 sidor länkar hit; de länkarna fungerar igen när felet ovan är rättat"


def real_project(tmp_path: Path) -> Path:
    """Copy the repository's own project: the content a communicator works in."""
    project = tmp_path / "projekt"
    project.mkdir()
    shutil.copy(ROOT / "rusgen.yaml", project / "rusgen.yaml")
    shutil.copytree(ROOT / "content", project / "content")
    shutil.copytree(ROOT / "rusgen" / "themes", project / "themes")
    return project


def break_line(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def broken_kraftsamlingar(tmp_path: Path) -> Path:
    """The real content with a title whose colon YAML cannot read: 8 pages link to the page."""
    project = real_project(tmp_path)
    page = project / KRAFTSAMLINGAR
    break_line(page, "title: Kraftsamlingar\n", 'title: Kraftsamlingar: "Energi" och klimat\n')
    return project


def test_a_page_that_cannot_be_read_comes_first_and_its_links_are_one_line(tmp_path: Path) -> None:
    project = broken_kraftsamlingar(tmp_path)
    result = run_rusgen("build", "--source", str(project), "--output", str(tmp_path / "public"))
    assert output_lines(result) == [
        f"fel: {CAUSE}",
        LINKS_HERE,
        "Bygget misslyckades: 1 fel och 8 följdfel. Den tidigare publicerade versionen är orörd.",
    ]
    assert result.exit_code == 1
    assert not (tmp_path / "public").exists()


def test_check_says_the_same_and_its_json_lists_every_follow_on(tmp_path: Path) -> None:
    project = broken_kraftsamlingar(tmp_path)
    result = run_rusgen("check", "--source", str(project))
    assert output_lines(result) == [
        CAUSE.replace(":2: ", ":2: fel: ", 1),
        LINKS_HERE,
        "1 fel och 8 följdfel, 0 varningar",
    ]
    assert result.exit_code == 1

    data = json.loads(run_rusgen("check", "--source", str(project), "--format", "json").output)
    problems = data["problems"]
    assert set(problems[0]) == {"path", "line", "field", "level", "message", "code"}
    assert (problems[0]["path"], problems[0]["code"]) == (KRAFTSAMLINGAR, "yaml.colon")
    assert [p["code"] for p in problems[1:]] == ["link.missing"] * 8
    assert data["summary"] == {"errors": 9, "warnings": 0, "text": "1 fel och 8 följdfel, 0 varningar"}


def test_a_broken_contacts_file_folds_the_lookups_of_its_people(tmp_path: Path) -> None:
    site = copy_site("full", tmp_path / "site")
    break_line(site / "content/vast/contacts.yaml", "  name: Robin Kalmendal\n",
               "  name: Robin Kalmendal: regionutvecklare\n")
    result = run_rusgen("build", "--source", str(site), "--output", str(tmp_path / "public"))
    assert output_lines(result) == [
        "fel: content/vast/contacts.yaml:2: raden går inte att läsa: ett kolon inne i ett värde; "
        'sätt värdet inom citattecken, som name: "Robin Kalmendal: regionutvecklare"',
        "  och 7 följdfel i andra filer, som försvinner när felet ovan är rättat",
        "Bygget misslyckades: 1 fel och 7 följdfel. Den tidigare publicerade versionen är orörd.",
    ]
    assert result.exit_code == 1


def test_a_broken_region_file_folds_what_its_pages_say_about_languages_and_fields(
    tmp_path: Path,
) -> None:
    site = copy_site("full", tmp_path / "site")
    break_line(site / "content/vast/region.yaml", "name: Västra Testland\n", "name: Västra: Testland\n")
    result = run_rusgen("check", "--source", str(site))
    assert output_lines(result) == [
        "content/vast/region.yaml:1: fel: raden går inte att läsa: ett kolon inne i ett värde; "
        'sätt värdet inom citattecken, som name: "Västra: Testland"',
        "  och 2 följdfel och 6 följdvarningar i andra filer, som försvinner när felet ovan är rättat",
        "1 fel och 2 följdfel, 6 varningar",
    ]
    assert result.exit_code == 1


def test_an_error_about_a_readable_file_is_not_folded(tmp_path: Path) -> None:
    # region.yaml can be read: its colour is wrong, and a page names a term it does not
    # have. Two errors to fix, neither a follow-on of the other.
    site = copy_site("full", tmp_path / "site")
    break_line(site / "content/vast/region.yaml", 'color: "#00609c"', 'color: "#eeeeee"')
    break_line(site / "content/vast/kraftsamlingar/elektrifiering.md",
               "kraftsamlingar: [elektrifiering]", "kraftsamlingar: [vatten]")
    result = run_rusgen("build", "--source", str(site), "--output", str(tmp_path / "public"))
    assert output_lines(result) == [
        'fel: content/vast/kraftsamlingar/elektrifiering.md:5: kraftsamlingar: det finns ingen term '
        '"vatten" i content/vast/region.yaml (de som finns: elektrifiering, digitalisering)',
        "fel: content/vast/region.yaml:7: branding.color: #eeeeee har kontrasten 1,16:1 mot vitt; "
        "text behöver minst 4,5:1 (WCAG 2.1 AA); välj en mörkare färg",
        "Bygget misslyckades: 2 fel. Den tidigare publicerade versionen är orörd.",
    ]
    assert result.exit_code == 1


def test_the_summaries_are_english_with_rusgen_lang_en(tmp_path: Path, monkeypatch) -> None:
    project = broken_kraftsamlingar(tmp_path)
    monkeypatch.setenv("RUSGEN_LANG", "en")
    result = run_rusgen("build", "--source", str(project), "--output", str(tmp_path / "public"))
    assert output_lines(result) == [
        f"error: {KRAFTSAMLINGAR}:2: this line cannot be read: a colon inside a value; put the "
        "value in quotes, like title: 'Kraftsamlingar: \"Energi\" och klimat'",
        "  8 pages link here; those links work again once the error above is fixed",
        "Build failed: 1 error and 8 follow-on errors. The previous output was left as it was.",
    ]


def test_a_good_build_says_what_it_wrote_in_swedish(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path / "site")
    output = tmp_path / "public"
    first = run_rusgen("build", "--source", str(site), "--output", str(output))
    again = run_rusgen("build", "--source", str(site), "--output", str(output))
    assert output_lines(first) == [
        f"Byggde 1 region, 10 sidor till {output}/ (skrivna filer: 46, oförändrade: 0, borttagna: 0)."
    ]
    assert output_lines(again) == [
        f"Byggde 1 region, 10 sidor till {output}/ (skrivna filer: 0, oförändrade: 46, borttagna: 0)."
    ]
    assert run_rusgen("check", "--source", str(site)).output == "0 fel, 0 varningar\n"


def test_the_preview_shows_the_cause_at_the_top_of_its_box_without_scrolling(
    browser, tmp_path: Path
) -> None:
    import signal
    import subprocess
    import sys

    from test_serve_browser import TIMEOUT_MS, _free_port, _wait_until_up

    project = real_project(tmp_path)
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "rusgen", "serve", "--source", str(project), "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        _wait_until_up(base, proc)
        context = browser.new_context(viewport={"width": 1024, "height": 600})
        page = context.new_page()
        page.goto(base + "vg/")
        page_file = project / KRAFTSAMLINGAR
        break_line(page_file, "title: Kraftsamlingar\n", 'title: Kraftsamlingar: "Energi" och klimat\n')

        overlay = page.locator("#rusgen-problems[role=alert]")
        overlay.wait_for(timeout=TIMEOUT_MS)
        assert overlay.locator("h2").inner_text() == "Förhandsvisningen kunde inte byggas om"
        first = overlay.locator("li").first
        assert first.inner_text() == CAUSE.replace(":2: ", ":2 ", 1) + "\n" + LINKS_HERE.strip()
        assert overlay.locator("li").count() == 1
        box = first.bounding_box()
        assert box is not None and box["y"] >= 0 and box["y"] + box["height"] <= 600
        assert overlay.evaluate("box => box.scrollTop") == 0
        context.close()
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=10)
    lines = proc.stderr.read().splitlines()
    assert lines[-4:] == [
        f"fel: {CAUSE}",
        LINKS_HERE,
        "Bygget misslyckades: 1 fel och 8 följdfel. Förhandsvisningen visar de senaste fungerande "
        "sidorna.",
        "Stoppad.",
    ]
