"""Build errors and warnings that keep a region accessible and lawful; messages asserted whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from rusgen.build import BuildOptions, render_site
from rusgen.errors import ContentErrors
from tests.conftest import ROOT

REGION = """\
name: Testregion
organisation: Region Test
base_url: https://rus.example.se/test/
languages: [sv, en]
branding:
  color: "{color}"
{accessibility}"""

ACCESSIBILITY = """\
accessibility:
  status: delvis
  method: Egen granskning
  assessed: 2021-03-01
  known_issues: [Vissa äldre PDF-dokument är inte tillgängliga.]
  feedback: {email: tillganglighet@example.se}
"""

PAGE = "---\ntitle: {title}\n{front}---\n{body}"


def project(tmp_path: Path, accessibility: str = ACCESSIBILITY, color: str = "#00609c",
            pages: dict[str, str] | None = None) -> Path:
    """Write a one-region project; `pages` maps file names to Markdown with front matter."""
    (tmp_path / "rusgen.yaml").write_text("name: Test\nbase_url: https://rus.example.se/\n")
    (tmp_path / "themes").symlink_to(ROOT / "rusgen" / "themes")
    region = tmp_path / "content" / "test"
    region.mkdir(parents=True)
    (region / "region.yaml").write_text(REGION.format(color=color, accessibility=accessibility))
    for name, text in (pages or {"index.md": PAGE.format(title="Start", front="", body="")}).items():
        (region / name).parent.mkdir(parents=True, exist_ok=True)
        (region / name).write_text(text)
    return tmp_path


def errors_of(root: Path) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        render_site(BuildOptions(source=root))
    return [str(e) for e in caught.value.errors]


def warnings_of(root: Path) -> list[str]:
    return [str(w) for w in render_site(BuildOptions(source=root)).warnings]


def test_a_region_without_an_accessibility_block_is_refused(tmp_path: Path) -> None:
    assert errors_of(project(tmp_path, accessibility="")) == [
        "content/test/region.yaml:1: accessibility: saknas: varje offentlig webbplats ska ha en "
        "tillgänglighetsredogörelse; lägg till ett block som\n"
        "accessibility:\n  status: delvis\n  method: Egen granskning\n  assessed: 2021-03-01\n"
        "  known_issues:\n    - Vissa äldre PDF-dokument är inte tillgängliga.\n"
        "  feedback: {email: tillganglighet@example.se}"
    ]


def test_each_missing_part_of_the_statement_is_named_with_its_line(tmp_path: Path) -> None:
    assert errors_of(project(tmp_path, accessibility="accessibility:\n  updated: 2021-04-21\n")) == [
        "content/test/region.yaml:8: accessibility.assessed: saknas; lägg till en rad som "
        "`assessed: 2021-05-27`",
        "content/test/region.yaml:8: accessibility.feedback: saknas: hur läsare rapporterar "
        "brister; lägg till en rad som `feedback: {email: tillganglighet@example.se}` "
        "(email, url eller phone)",
        "content/test/region.yaml:8: accessibility.method: saknas; lägg till en rad som "
        "`method: Egen granskning med automatiska verktyg och manuell kontroll`",
        "content/test/region.yaml:8: accessibility.status: saknas; skriv hur webbplatsen uppfyller "
        "lagen: `status: helt`, `status: delvis` eller `status: inte` (förenlig med lagen)",
    ]


def test_an_empty_feedback_block_is_refused_on_its_line(tmp_path: Path) -> None:
    block = ACCESSIBILITY.replace("{email: tillganglighet@example.se}", "{email: ''}")
    assert errors_of(project(tmp_path, accessibility=block)) == [
        "content/test/region.yaml:12: accessibility.feedback: saknas: hur läsare rapporterar "
        "brister; lägg till en rad som `feedback: {email: tillganglighet@example.se}` "
        "(email, url eller phone)",
    ]


def test_an_unknown_status_is_refused(tmp_path: Path) -> None:
    block = ACCESSIBILITY.replace("status: delvis", "status: ok")
    assert errors_of(project(tmp_path, accessibility=block)) == [
        'content/test/region.yaml:8: accessibility.status: "ok" går inte att använda här; skriv ett '
        "av: helt (helt förenlig med lagen), delvis (delvis förenlig med lagen) eller inte (inte "
        "förenlig med lagen)",
    ]


def test_a_partial_statement_without_known_issues_is_refused(tmp_path: Path) -> None:
    block = ACCESSIBILITY.replace("  known_issues: [Vissa äldre PDF-dokument är inte tillgängliga.]\n", "")
    assert errors_of(project(tmp_path, accessibility=block)) == [
        "content/test/region.yaml:8: accessibility.status: status: delvis betyder att webbplatsen "
        "har brister, men inga brister står under known_issues; skriv varje känd brist på en egen "
        "rad, som\n  known_issues:\n    - Vissa äldre PDF-dokument är inte tillgängliga.\neller "
        "skriv status: helt om inga brister finns",
    ]


def test_a_full_statement_with_known_issues_is_refused(tmp_path: Path) -> None:
    block = ACCESSIBILITY.replace("status: delvis", "status: helt")
    assert errors_of(project(tmp_path, accessibility=block)) == [
        "content/test/region.yaml:11: accessibility.known_issues: status: helt betyder att "
        "webbplatsen uppfyller lagen helt, men 1 brist står under known_issues; skriv status: "
        "delvis, eller ta bort bristerna som är åtgärdade",
    ]


def test_messages_are_english_with_rusgen_lang_en(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RUSGEN_LANG", "en")
    block = ACCESSIBILITY.replace("status: delvis", "status: fullt")
    assert errors_of(project(tmp_path, accessibility=block)) == [
        'content/test/region.yaml:8: accessibility.status: "fullt" is not one of the values; write '
        "one of: helt, delvis or inte",
    ]


def test_a_swedish_word_for_a_value_names_the_value_to_write(tmp_path: Path) -> None:
    block = ACCESSIBILITY.replace("status: delvis", "status: ja")
    assert errors_of(project(tmp_path, accessibility=block)) == [
        'content/test/region.yaml:8: accessibility.status: "ja" skrivs `status: helt` (helt '
        "förenlig med lagen); ändra raden till `status: helt`",
    ]


def test_a_pale_branding_colour_is_refused_with_its_ratio(tmp_path: Path) -> None:
    assert errors_of(project(tmp_path, color="#ff9900")) == [
        "content/test/region.yaml:6: branding.color: #ff9900 har kontrasten 2,14:1 mot vitt; "
        "text behöver minst 4,5:1 (WCAG 2.1 AA); välj en mörkare färg",
    ]


def test_a_colour_just_dark_enough_is_accepted(tmp_path: Path) -> None:
    assert warnings_of(project(tmp_path, color="#767676")) == []  # 4.54:1


def test_an_image_without_alt_text_is_refused(tmp_path: Path) -> None:
    root = project(tmp_path, pages={
        "index.md": PAGE.format(title="Start", front="image: {src: files/a.svg}\n", body=""),
        "files/a.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
    })
    assert errors_of(root) == [
        'content/test/index.md:3: image.alt: saknas: beskriv bilden för den som inte ser den, som '
        'alt: "Två personer vid ett bord", eller skriv alt: "" om den bara är dekoration',
    ]


def test_a_decorative_image_with_empty_alt_is_accepted(tmp_path: Path) -> None:
    root = project(tmp_path, pages={
        "index.md": PAGE.format(title="Start", front='image: {src: files/a.svg, alt: ""}\n', body=""),
        "files/a.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
    })
    assert warnings_of(root) == []


def test_headings_that_skip_a_level_or_repeat_the_h1_warn_with_their_line(tmp_path: Path) -> None:
    body = "Intro\n\n# Andra titeln\n\n## Del\n\n#### Detalj\n\n### Rätt\n"
    root = project(tmp_path, pages={"index.md": PAGE.format(title="Start", front="", body=body)})
    assert warnings_of(root) == [
        "content/test/index.md:6: rubrik: en rubrik på nivå 1 (# ...) i texten; sidans titel är "
        "sidans enda huvudrubrik, så börja textens rubriker med ## (nivå 2)",
        "content/test/index.md:10: rubrik: rubriken hoppar från nivå 2 till nivå 4; skriv ### "
        "(nivå 3) här, så att den som använder skärmläsare kan följa sidans rubriker",
    ]


def test_a_link_opening_a_new_window_must_say_so(tmp_path: Path) -> None:
    body = (
        'Läs <a href="https://example.se/" target="_blank">mer</a>.\n\n'
        '<a href="https://example.se/b" target="_blank">Mer (öppnas i nytt fönster)</a>\n\n'
        '<a href="https://example.se/c" target="_self">Samma fönster</a>\n'
    )
    root = project(tmp_path, pages={"index.md": PAGE.format(title="Start", front="", body=body)})
    assert warnings_of(root) == [
        "content/test/index.md:4: länk: länken öppnas i ett nytt fönster utan att säga det; lägg "
        'till "(öppnas i nytt fönster)" i länktexten, eller hellre: ta bort target så att läsaren '
        "själv väljer",
    ]


def test_generated_pages_exist_in_both_languages_and_join_as_translations(tmp_path: Path) -> None:
    outputs = {o.path: o.data.decode() for o in render_site(BuildOptions(source=project(tmp_path))).outputs
               if o.path.endswith(".html")}
    for path in ("tillganglighet", "personuppgifter", "kakor", "en/accessibility",
                 "en/personal-data", "en/cookies"):
        assert f"test/{path}/index.html" in outputs
    statement = outputs["test/tillganglighet/index.html"]
    assert "Region Test står bakom webbplatsen Testregion (https://rus.example.se/test/)" in statement
    assert ("Den här webbplatsen är delvis förenlig med lagen om tillgänglighet till digital "
            "offentlig service") in statement
    assert '<a href="https://www.digg.se/tdosanmalan">' in statement
    assert "Den senaste bedömningen gjordes den 1 mars 2021." in statement
    assert "Redogörelsen uppdaterades senast den 1 mars 2021." in statement
    assert 'href="mailto:tillganglighet@example.se"' in statement
    assert ('<link rel="alternate" hreflang="en" href="https://rus.example.se/test/en/accessibility/">'
            in statement)
    assert "Webbplatsen använder inga kakor." in outputs["test/kakor/index.html"]
    assert "This website uses no cookies." in outputs["test/en/cookies/index.html"]
    for html in outputs.values():
        if 'http-equiv="refresh"' not in html:
            assert html.count("<h1") == 1


def test_a_content_page_at_the_statement_address_supplies_text_above_it(tmp_path: Path) -> None:
    root = project(tmp_path, pages={
        "index.md": PAGE.format(title="Start", front="", body=""),
        "tillganglighet.md": PAGE.format(title="Tillgänglighet", front="", body="Vi bryr oss.\n"),
    })
    outputs = {o.path: o.data for o in render_site(BuildOptions(source=root)).outputs}
    statement = outputs["test/tillganglighet/index.html"].decode()
    assert "<h1>Tillgänglighet</h1>" in statement.replace("\u00ad", "")  # soft hyphens aside
    assert "<p>Vi bryr oss.</p>" in statement
    assert "https://www.digg.se/tdosanmalan" in statement
