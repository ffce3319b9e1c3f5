"""What `rusgen new` writes for the user to replace never reaches the public: a fresh region
and a fresh page fail `check --strict` and `build`, naming the file, the line and what to write,
until their text and the region's facts are filled in. A draft may keep them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from rusgen.cli import main
from tests.conftest import BUILD_EPOCH, ROOT
from tests.sitekit import write_site
from tests.test_new import EMAIL, fill_in

ENV = {"SOURCE_DATE_EPOCH": BUILD_EPOCH, "RUSGEN_LANG": ""}
SUMMARY_LEFT = (
    '{level}{path}:3: {where}summary: "Skriv en mening om sidan här." skrev rusgen new som plats för '
    'sammanfattningen; skriv i stället en eller två meningar om vad sidan "{title}" handlar om '
    "(de visas i listor och sökträffar)"
)
BODY_LEFT = (
    '{level}{path}:{line}: {where}raden "Skriv texten här." skrev rusgen new som plats för texten; ersätt '
    "den med sidans egen text innan sidan publiceras"
)

SETTINGS = "content/halland/region.yaml"
# `check` names the level after the place, `build` before it.
CHECKED = {"level": "", "where": "fel: "}


def line_numbers(path: Path) -> dict[str, int]:
    """Return the line number of each line of a file, by its text."""
    return {line: number for number, line in enumerate(path.read_text("utf-8").split("\n"), 1)}


def rusgen(root: Path, *args: str, env: dict[str, str] = ENV) -> tuple[int, list[str]]:
    result = CliRunner(env=env).invoke(main, [*args, "--source", str(root)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output.strip().split("\n")


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write_site(tmp_path)
    (tmp_path / "content" / "test").rename(tmp_path / "content-test-away")
    return tmp_path


def test_a_fresh_region_fails_until_its_text_and_statement_are_filled_in(project: Path) -> None:
    assert rusgen(project, "new", "region", "halland", "--name", "Halland", "--email", EMAIL)[0] == 0
    at = line_numbers(project / SETTINGS)
    code, lines = rusgen(project, "check", "--strict")
    assert code == 1
    assert lines == [
        SUMMARY_LEFT.format(**CHECKED, path="content/halland/index.md", title="Halland"),
        BODY_LEFT.format(**CHECKED, path="content/halland/index.md", line=6),
        f"{SETTINGS}:{at['organisation:']}: fel: organisation: får inte vara tomt; skriv till "
        "exempel `organisation: Västra Götalandsregionen`",
        f"{SETTINGS}:{at['base_url:']}: fel: base_url: får inte vara tomt; skriv till exempel "
        "`base_url: https://rus.example.se/vg/`",
        f"{SETTINGS}:{at['  status:']}: fel: accessibility.status: saknas; skriv hur webbplatsen "
        "uppfyller lagen: `status: helt`, `status: delvis` eller `status: inte` (förenlig med lagen)",
        f"{SETTINGS}:{at['  method:']}: fel: accessibility.method: får inte vara tomt; skriv till "
        "exempel `method: Egen granskning med automatiska verktyg och manuell kontroll`",
        f"{SETTINGS}:{at['  assessed:']}: fel: accessibility.assessed: får inte vara tomt; skriv "
        "till exempel `assessed: 2021-05-27`",
        "7 fel, 0 varningar",
    ]
    code, lines = rusgen(project, "build")
    assert code == 1
    assert lines[-1] == "Bygget misslyckades: 7 fel. Den tidigare publicerade versionen är orörd."
    assert not (project / "public").exists()
    fill_in(project, "halland")
    code, lines = rusgen(project, "check", "--strict")
    assert (code, lines) == (0, ["0 fel, 0 varningar"])


def test_a_statement_filled_in_as_partial_needs_its_issues(project: Path) -> None:
    rusgen(project, "new", "region", "halland", "--email", EMAIL)
    fill_in(project, "halland")
    settings = project / "content/halland/region.yaml"
    settings.write_text(settings.read_text("utf-8").replace("status: helt", "status: delvis"), "utf-8")
    code, lines = rusgen(project, "build")
    assert code == 1
    line = line_numbers(settings)["  status: delvis"]
    assert lines[0].startswith(
        f"fel: {SETTINGS}:{line}: accessibility.status: status: delvis betyder att "
        "webbplatsen har brister, men inga brister står under known_issues;"
    )


@pytest.mark.parametrize("kind", [("page", "om-oss"), ("event", "Öppet möte"), ("news", "Nyhet")])
def test_a_fresh_page_fails_until_its_text_is_written(project: Path, kind: tuple[str, str]) -> None:
    rusgen(project, "new", "region", "halland", "--email", EMAIL)
    fill_in(project, "halland")
    command, name = kind
    extra = ["--start", "2026-12-01 9.30"] if command == "event" else []
    code, lines = rusgen(project, "new", command, name, *extra)
    path = lines[0].removeprefix("Skapade ")
    title = "Om oss" if command == "page" else name
    text = (project / path).read_text("utf-8")
    body_line = text.split("\n").index("Skriv texten här.") + 1
    code, lines = rusgen(project, "check", "--strict")
    assert (code, lines) == (1, [
        SUMMARY_LEFT.format(**CHECKED, path=path, title=title),
        BODY_LEFT.format(**CHECKED, path=path, line=body_line),
        "2 fel, 0 varningar",
    ])
    # Real text below the placeholder does not hide it: the line itself must go.
    (project / path).write_text(
        text.replace("Skriv en mening om sidan här.", "Om oss.") + "\nVi är regionen.\n", "utf-8"
    )
    code, lines = rusgen(project, "build")
    assert (code, lines[0]) == (1, BODY_LEFT.format(level="fel: ", path=path, line=body_line, where=""))
    (project / path).write_text(text.replace("Skriv en mening om sidan här.", "Om oss.")
                                .replace("Skriv texten här.", "Vi är regionen."), "utf-8")
    assert rusgen(project, "build")[0] == 0


def test_a_draft_may_keep_its_placeholders(project: Path) -> None:
    rusgen(project, "new", "region", "halland", "--email", EMAIL)
    fill_in(project, "halland")
    rusgen(project, "new", "page", "utkast")
    draft = project / "content/halland/utkast.md"
    draft.write_text(draft.read_text("utf-8").replace("---\n\n", "draft: true\n---\n\n"), "utf-8")
    code, lines = rusgen(project, "build")
    assert code == 0, lines
    assert not (project / "public/halland/utkast").exists()
    assert rusgen(project, "build", "--drafts")[0] == 0
    assert "Skriv texten här." in (project / "public/halland/utkast/index.html").read_text("utf-8")


def test_placeholders_in_english(project: Path) -> None:
    rusgen(project, "new", "region", "halland", "--email", EMAIL)
    fill_in(project, "halland")
    rusgen(project, "new", "page", "om-oss")
    code, lines = rusgen(project, "build", env={**ENV, "RUSGEN_LANG": "en"})
    assert code == 1
    assert lines[:2] == [
        'error: content/halland/om-oss.md:3: summary: "Skriv en mening om sidan här." was written by '
        'rusgen new to hold the summary; write one or two sentences about what the page "Om oss" '
        "is about instead (lists and search results show them)",
        'error: content/halland/om-oss.md:6: the line "Skriv texten här." was written by rusgen new '
        "to hold the text; replace it with the page's own text before the page is published",
    ]


def test_the_repository_content_is_not_mistaken_for_placeholders() -> None:
    # Its regions use example.se addresses as stand-ins for their real ones: only the fixed
    # sentences rusgen new writes count as placeholders, never an address.
    assert rusgen(ROOT, "check", "--strict") == (0, ["0 fel, 0 varningar"])
