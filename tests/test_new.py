"""`rusgen new`: the files it makes, filled in, build cleanly; it never overwrites; every
wrong option gets a Swedish message and exit 1, never a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from rusgen.cli import main
from rusgen.errors import RusgenError
from rusgen.scaffold import one_line, yaml_text
from rusgen.yamlfile import parse_yaml
from tests.conftest import BUILD_EPOCH
from tests.sitekit import write_site

ENV = {"SOURCE_DATE_EPOCH": BUILD_EPOCH, "RUSGEN_LANG": ""}  # 2026-11-22
EMAIL = "regionalutveckling@regionhalland.se"
PAGE_NEXT = (
    "Nästa steg: skriv sammanfattningen (summary) och texten i {path}. Bygget stoppar tills de "
    "är ifyllda.\n"
)


def rusgen(root: Path, *args: str, env: dict[str, str] = ENV) -> tuple[int, str]:
    result = CliRunner(env=env).invoke(main, [*args, "--source", str(root)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write_site(tmp_path)
    (tmp_path / "content" / "test").rename(tmp_path / "content-test-away")
    return tmp_path


def fill_in(project: Path, region: str) -> None:
    """Do what the user is told to: state the region's facts and write every page's own text."""
    settings = project / "content" / region / "region.yaml"
    text = settings.read_text("utf-8")
    for empty, filled in (
        ("organisation:\n", "organisation: Region Halland\n"),
        ("base_url:\n", f"base_url: https://rus.example.se/{region}/\n"),
        ("  status:\n", "  status: helt\n"),
        ("  method:\n", "  method: Egen granskning med automatiska verktyg\n"),
        ("  assessed:\n", "  assessed: 2026-11-20\n"),
    ):
        assert empty in text
        text = text.replace(empty, filled)
    settings.write_text(text, "utf-8")
    for page in (project / "content" / region).rglob("*.md"):
        page.write_text(
            page.read_text("utf-8")
            .replace("Skriv en mening om sidan här.", "Vad sidan handlar om.")
            .replace("Skriv texten här.", "Sidans egen text."),
            "utf-8",
        )


def test_new_region_page_event_news_build_once_filled_in(project: Path) -> None:
    assert rusgen(project, "new", "region", "halland", "--name", "Halland", "--email", EMAIL) == (
        0,
        "Skapade content/halland/region.yaml\n"
        "Skapade content/halland/contacts.yaml\n"
        "Skapade content/halland/index.md\n"
        "Nästa steg: fyll i base_url och tillgänglighetsredogörelsen i content/halland/region.yaml "
        "och skriv startsidans text i content/halland/index.md. Bygget stoppar tills det är gjort; "
        "docs/guide.md visar hur.\n",
    )
    assert rusgen(project, "new", "page", "Om oss", "--title", "Om oss") == (
        0, "Skapade content/halland/om-oss.md\n" + PAGE_NEXT.format(path="content/halland/om-oss.md"))
    event = "content/halland/events/2026-12-01-hallbar-energi-uppstart.md"
    assert rusgen(project, "new", "event", "Hållbar energi: uppstart",
                  "--start", "2026-12-01 13:00", "--end", "2026-12-01 16:00") == (
        0, f"Skapade {event}\n" + PAGE_NEXT.format(path=event))
    assert rusgen(project, "new", "news", "Ny strategi för Halland", "--date", "2026-11-20")[1] \
        .startswith("Skapade content/halland/news/2026-11-20-ny-strategi-for-halland.md\n")
    assert rusgen(project, "new", "news", "Öppet möte i Kungsbacka")[1] \
        .startswith("Skapade content/halland/news/2026-11-22-oppet-mote-i-kungsbacka.md\n")
    assert (project / event).read_text("utf-8") == (
        '---\ntitle: "Hållbar energi: uppstart"\nsummary: Skriv en mening om sidan här.\n'
        "start: 2026-12-01 13:00\nend: 2026-12-01 16:00\n"
        "# location: Hus U, campus Östersund   (utelämna raden om mötet bara är digitalt)\n"
        "---\n\nSkriv texten här.\n"
    )
    assert rusgen(project, "build")[0] == 1  # not before the user has filled it in
    fill_in(project, "halland")
    code, output = rusgen(project, "build")
    assert code == 0, output
    assert "varning" not in output
    code, output = rusgen(project, "check")
    assert code == 0, output


def test_new_region_leaves_the_statement_to_the_region(project: Path) -> None:
    rusgen(project, "new", "region", "vastra-gotaland", "--name", "Västra Götaland",
           "--organisation", "Västra Götalandsregionen", "--email", "rus@vgregion.se")
    text = (project / "content/vastra-gotaland/region.yaml").read_text("utf-8")
    data = parse_yaml(text)
    assert data["name"] == "Västra Götaland"
    assert data["organisation"] == "Västra Götalandsregionen"
    assert data["base_url"] is None  # the region states its address; the comment suggests one
    assert "# nätverkets adress följd av mappens namn: https://rus.example.se/vastra-gotaland/\n" in text
    statement = data["accessibility"]
    # No status that claims compliance, no invented date, no list that claims there is nothing.
    assert (statement["status"], statement["method"], statement["assessed"]) == (None, None, None)
    assert "updated" not in statement and "known_issues" not in statement
    assert statement["feedback"] == {"email": "rus@vgregion.se"}
    assert data["contact"] == {"email": "rus@vgregion.se"}
    assert "2026-11-22" not in text  # the day of scaffolding is no fact about the site
    assert "  # Hur väl webbplatsen uppfyller lagen: helt, delvis eller inte.\n  status:\n" in text


def test_new_refuses_to_overwrite(project: Path) -> None:
    rusgen(project, "new", "region", "halland", "--email", EMAIL)
    assert rusgen(project, "new", "region", "halland", "--email", EMAIL) == (
        1, "fel: content/halland finns redan; rusgen new skriver aldrig över: välj ett annat id\n")
    rusgen(project, "new", "page", "om-oss")
    before = (project / "content/halland/om-oss.md").read_text("utf-8")
    assert rusgen(project, "new", "page", "om-oss", "--title", "Annat") == (
        1, "fel: content/halland/om-oss.md finns redan; rusgen new skriver aldrig över en fil: "
           "välj ett annat namn, eller öppna filen och ändra i den\n")
    assert (project / "content/halland/om-oss.md").read_text("utf-8") == before
    assert rusgen(project, "new", "page", "om-oss/index") == (
        1, "fel: content/halland/om-oss.md har redan den adressen; öppna den filen och ändra i den "
           "i stället\n")


def test_several_regions_need_region(project: Path) -> None:
    rusgen(project, "new", "region", "halland", "--email", EMAIL)
    rusgen(project, "new", "region", "skane", "--email", EMAIL)
    assert rusgen(project, "new", "news", "Nyhet") == (
        1, "fel: det finns flera regioner; säg vilken med --region, som --region halland "
           "(regionerna: halland, skane)\n")
    assert rusgen(project, "new", "news", "Nyhet", "--region", "skane")[0] == 0
    assert rusgen(project, "new", "news", "Nyhet", "--region", "blekinge") == (
        1, "fel: --region blekinge: det finns ingen sådan region i content/ (regionerna: halland, "
           "skane)\n")


def test_no_region_yet(project: Path) -> None:
    assert rusgen(project, "new", "page", "om-oss") == (
        1, "fel: det finns ingen region i content/ ännu; skapa en med rusgen new region halland "
           f"--name Halland --email {EMAIL}\n")


@pytest.mark.parametrize("start", ["2026-12-01 9.30", "2026-12-01 09.30", "2026-12-01 09:30",
                                   "2026-12-01 9:30"])
def test_start_written_the_swedish_way(project: Path, start: str) -> None:
    rusgen(project, "new", "region", "skane", "--email", EMAIL)
    assert rusgen(project, "new", "event", "Möte", "--start", start, "--end", "16.00")[0] == 0
    text = (project / "content/skane/events/2026-12-01-mote.md").read_text("utf-8")
    assert "\nstart: 2026-12-01 09:30\nend: 2026-12-01 16:00\n" in text


def test_all_day_event(project: Path) -> None:
    rusgen(project, "new", "region", "skane", "--email", EMAIL)
    assert rusgen(project, "new", "event", "Regiondagen", "--start", "2026-12-01",
                  "--end", "2026-12-02")[0] == 0
    text = (project / "content/skane/events/2026-12-01-regiondagen.md").read_text("utf-8")
    assert "\nstart: 2026-12-01\nend: 2026-12-02\n" in text


TOO_LONG = "Kraftsamling " * 23  # 299 characters, 298 once trimmed


@pytest.mark.parametrize(("args", "message"), [
    (["new", "region", "Halland", "--email", EMAIL],
     '"Halland" kan inte vara en regions id (mappens namn): skriv små bokstäver a–z, siffror och '
     "bindestreck, som halland"),
    (["new", "region", "halland"],
     "--email saknas; läsarna behöver en adress för frågor och för att rapportera brister i "
     f"tillgängligheten, som --email {EMAIL}"),
    (["new", "region", "halland", "--email", "regional#utveckling@regionhalland.se"],
     '--email "regional#utveckling@regionhalland.se" är ingen e-postadress; skriv en adress som '
     f"{EMAIL}, utan mellanslag och tecken som # eller ,"),
    (["new", "region", "halland", "--name", "Hal\nland", "--email", EMAIL],
     '--name: texten får bara vara en rad, men det kommer en radbrytning efter "Hal"; skriv allt '
     "på en rad"),
    (["new", "region", "halland", "--name", "Hal\x7fland", "--email", EMAIL],
     '--name: efter "Hal" står ett osynligt styrtecken (U+007F), som brukar följa med när text '
     "klistras in; skriv texten på nytt utan det"),
    (["new", "news", TOO_LONG],
     "rubriken: texten är 298 tecken lång, och en rubrik får vara högst 150; korta den och skriv "
     "resten i sammanfattningen eller texten"),
    (["new", "page", "om-oss", "--title", TOO_LONG],
     "--title: texten är 298 tecken lång, och en rubrik får vara högst 150; korta den och skriv "
     "resten i sammanfattningen eller texten"),
    (["new", "event", "Möte"],
     '--start saknas; skriv när evenemanget börjar, som --start "2026-12-01 9.30", eller bara ett '
     "datum, --start 2026-12-01, för ett heldagsevenemang"),
    (["new", "event", "Möte", "--start", "1 dec"],
     '--start "1 dec": skriv datum och klockslag, som "2026-12-01 9.30" eller "2026-12-01 13:00", '
     "eller bara ett datum, 2026-12-01, för ett heldagsevenemang"),
    (["new", "event", "Möte", "--start", "2026-12-01 9.30", "--end", "sent"],
     '--end "sent": skriv när evenemanget slutar, som "2026-12-01 16.00", eller bara klockslaget, '
     '"16.00"'),
    (["new", "event", "Möte", "--start", "2026-12-01 9.30", "--end", "2026-12-01"],
     '--end "2026-12-01": evenemanget börjar kl. 9.30, så skriv också när det slutar, som '
     '"2026-12-01 16.00"'),
    (["new", "event", "Möte", "--start", "2026-12-01", "--end", "16.00"],
     '--end "16.00": evenemanget är heldag (--start har inget klockslag), så skriv slutet som ett '
     "datum, som 2026-12-01"),
    (["new", "event", "Möte", "--start", "2026-12-01 13.00", "--end", "9.30"],
     '--end "9.30" är före --start "2026-12-01 13.00"; rätta en av dem'),
    (["new", "event", "!!!", "--start", "2026-12-01"],
     '"!!!": rubriken behöver bokstäver eller siffror att göra ett filnamn av, som "Öppet möte i '
     'Kungsbacka"'),
    (["new", "news", "Nyhet", "--date", "1 december"],
     '--date "1 december": skriv ett datum som 2026-12-01 (år-månad-dag)'),
    (["new", "page", "../.."],
     '"../.." kan inte vara en sidas sökväg; skriv en som om-oss eller kraftsamlingar/index'),
])
def test_new_explains_bad_input(project: Path, args: list[str], message: str) -> None:
    rusgen(project, "new", "region", "skane", "--email", EMAIL)
    assert rusgen(project, *args) == (1, f"fel: {message}\n")


def test_new_refuses_a_broken_rusgen_yaml(project: Path) -> None:
    (project / "rusgen.yaml").write_text("name: Testnätet\nbase_url: [https://rus.example.se/\n")
    code, output = rusgen(project, "new", "region", "halland", "--email", EMAIL)
    assert code == 1
    assert output.startswith("fel: rusgen.yaml:2: ")
    assert output.endswith(". Rätta filen först; sedan kan rusgen new skapa nya filer\n")
    assert not (project / "content/halland").exists()
    (project / "rusgen.yaml").write_text("- name\n- base_url\n")
    assert rusgen(project, "new", "region", "halland", "--email", EMAIL) == (
        1, "fel: rusgen.yaml: filen ska ha fält som `name: ...`, ett per rad; rätta den först och "
           "skapa sedan nya filer\n")


def test_new_refuses_to_write_through_a_symlink(project: Path, tmp_path_factory) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    (project / "content").rmdir()
    os.symlink(elsewhere, project / "content")
    assert rusgen(project, "new", "region", "halland", "--email", EMAIL) == (
        1, f"fel: content är en genväg (symbolisk länk) till {elsewhere}; rusgen new skriver bara i "
           "projektets egna mappar. Gör content till en vanlig mapp, eller skapa filen för hand\n")
    assert list(elsewhere.iterdir()) == []


def test_messages_in_english(project: Path) -> None:
    env = {**ENV, "RUSGEN_LANG": "en"}
    assert rusgen(project, "new", "region", "Halland", "--email", EMAIL, env=env) == (
        1, '''error: "Halland" cannot be a region id (the folder name): use lower-case letters '''
           "a–z, digits and hyphens, like halland\n")
    assert rusgen(project, "new", "region", "halland", "--email", EMAIL, env=env)[1].startswith(
        "Created content/halland/region.yaml\n")


@pytest.mark.parametrize("text", ["Om oss", "Hållbar energi: uppstart", "- lista", "yes", "2026",
                                  "#1 i Norden", "Det är 'viktigt'", 'Ett "citat"', "’Citat’",
                                  "@regionen", "%-andel", "a@b.se"])
def test_yaml_text_reads_back_as_written(text: str) -> None:
    assert parse_yaml(f"title: {yaml_text(text)}\n")["title"] == text


@given(st.text(min_size=1))
def test_any_one_line_text_reads_back_as_written(text: str) -> None:
    try:
        text = " ".join(one_line("--title", text, limit=10_000).split())
    except RusgenError:
        return  # refused with a message: a line break or an invisible character
    if text:
        assert parse_yaml(f"title: {yaml_text(text)}\n")["title"] == text
