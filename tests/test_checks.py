"""Each check of `rusgen check`: one sample that fails it and one that passes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import sample_pdfs
from click.testing import CliRunner

from rusgen.cli import main
from tests.conftest import BUILD_EPOCH, ROOT
from tests.sitekit import write_site

ENV = {"SOURCE_DATE_EPOCH": BUILD_EPOCH}  # 2026-11-22 12:00 UTC


def run_check(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner(env=ENV).invoke(main, ["check", "--source", str(root), *args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def lines(output: str) -> list[str]:
    return output.strip().split("\n")


def test_clean_site_passes_strict(tmp_path: Path) -> None:
    code, output = run_check(write_site(tmp_path), "--strict")
    assert (code, output) == (0, "0 fel, 0 varningar\n")


def test_broken_anchor_is_an_error(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"extra.md": "---\ntitle: Extra\nsummary: S.\n---\n\n"
                                 "[Fel](om.md#finns-inte) och [rätt](om.md#vilka-vi-ar)\n"})
    (root / "content/test/index.md").write_text(
        "---\ntitle: Start\nsummary: S.\n---\n\n[om](om.md) [extra](extra.md)\n", "utf-8")
    code, output = run_check(root)
    assert code == 1
    assert lines(output) == [
        'content/test/extra.md:6: fel: länk: länken "../om/#finns-inte" pekar på rubriken '
        '"#finns-inte", som inte finns på den sidan; länka till en rubrik som finns på sidan '
        '(rubriken "Smart specialisering" skrivs #smart-specialisering), eller ta bort delen från '
        "# och framåt",
        "1 fel, 0 varningar",
    ]


def test_broken_raw_html_link_and_image_are_errors(tmp_path: Path) -> None:
    body = '---\ntitle: Start\nsummary: S.\n---\n\n[om](om.md)\n\n<a href="/saknas/">x</a>\n\n' \
           '<img src="files/borta.png" alt="Karta">\n'
    root = write_site(tmp_path, {"index.md": body})
    code, output = run_check(root)
    advice = ("länka till en sida med dess fil (kraftsamlingar/index.md), med dess adress "
              "(/kraftsamlingar/) eller till en fil i files/ (files/rapport.pdf)")
    assert code == 1
    assert lines(output) == [
        'content/test/index.md:8: fel: länk: länken "/saknas/" leder till en sida eller fil som '
        f"inte finns på webbplatsen; {advice}",
        f'content/test/index.md:10: fel: länk: bilden "files/borta.png" finns inte på webbplatsen; '
        f"{advice}",
        "2 fel, 0 varningar",
    ]


def test_working_document_and_anchor_pass(tmp_path: Path) -> None:
    body = "---\ntitle: Start\nsummary: S.\n---\n\n[om](om.md#vilka-vi-ar) [pdf](files/a.pdf)\n"
    root = write_site(tmp_path, {"index.md": body, "files/a.pdf": sample_pdfs.accessible()})
    assert run_check(root, "--strict") == (0, "0 fel, 0 varningar\n")


def test_orphan_page_is_named(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"ensam.md": "---\ntitle: Ensam\nsummary: S.\n---\n\nText.\n"})
    code, output = run_check(root)
    assert code == 0
    assert lines(output) == [
        "content/test/ensam.md:1: varning: ingen meny, lista eller länk leder till den här sidan, "
        "så läsarna hittar den inte; lägg till den i menu: i content/test/region.yaml eller länka "
        "till den från en annan sida",
        "0 fel, 1 varning",
    ]
    assert run_check(root, "--strict")[0] == 1


def test_page_in_a_section_list_is_not_an_orphan(tmp_path: Path) -> None:
    root = write_site(tmp_path, {
        "om.md": "---\ntitle: Om oss\nsummary: S.\n---\n\nSe [arbeten](arbeten/index.md).\n",
        "arbeten/index.md": "---\ntitle: Arbeten\nsummary: S.\n---\n",
        "arbeten/ett.md": "---\ntitle: Ett\nsummary: S.\n---\n",
    })
    assert run_check(root, "--strict") == (0, "0 fel, 0 varningar\n")


def change_base_template(root: Path, old: str, new: str) -> None:
    """Give the region a theme whose base.html differs from the default's."""
    theme = root / "themes" / "changed"
    (theme / "templates").mkdir(parents=True)
    (theme / "theme.yaml").write_text("extends: default\n", "utf-8")
    base = (root / "themes/default/templates/base.html").read_text("utf-8")
    assert old in base
    (theme / "templates/base.html").write_text(base.replace(old, new), "utf-8")
    region = (root / "content/test/region.yaml").read_text("utf-8") + "theme: changed\n"
    (root / "content/test/region.yaml").write_text(region, "utf-8")


def test_broken_theme_link_is_reported_once(tmp_path: Path) -> None:
    root = write_site(tmp_path)
    change_base_template(root, "<main ", '<a href="../../kontakt/">Kontakt</a><main ')
    code, output = run_check(root)
    assert code == 1
    assert lines(output) == [
        'public/test/404.html:50: fel: länk: länken "../../kontakt/" leder till en sida eller fil '
        "som inte finns på webbplatsen (också på 15 sidor till); länken kommer från temats mallar, "
        "inte från en sida: be den som sköter temat att rätta den",
        "1 fel, 0 varningar",
    ]


def test_one_region_of_several_checks_cleanly() -> None:
    assert run_check(ROOT, "--region", "borasregionen", "--strict") == (0, "0 fel, 0 varningar\n")


def test_translation_without_hreflang_is_an_error(tmp_path: Path) -> None:
    root = write_site(tmp_path, {
        "om.en.md": "---\ntitle: About us\nsummary: Who we are.\n---\n\nText.\n",
    })
    assert run_check(root, "--strict")[0] == 0  # the default theme links both versions
    change_base_template(root, '<link rel="alternate" hreflang=', '<link rel="x" hreflang=')
    code, output = run_check(root)
    assert code == 1
    assert lines(output) == [
        "content/test/om.en.md:1: fel: versionen på språket sv (content/test/om.md) finns, men den "
        "här sidan har ingen <link rel=alternate hreflang> i sidhuvudet till den; temats base.html "
        "måste lista `alternates`",
        "content/test/om.md:1: fel: versionen på språket en (content/test/om.en.md) finns, men den "
        "här sidan har ingen <link rel=alternate hreflang> i sidhuvudet till den; temats base.html "
        "måste lista `alternates`",
        "2 fel, 0 varningar",
    ]


EVENT = """\
---
title: Seminarium
summary: Ett seminarium.
start: {start}
{end}
registration:
  email: anmalan@example.se
  deadline: {deadline}
---
"""


def event_site(tmp_path: Path, start: str, end: str, deadline: str) -> Path:
    text = EVENT.format(start=start, end=f"end: {end}" if end else "", deadline=deadline)
    return write_site(tmp_path, {"events/2026-12-01-seminarium.md": text})


def test_passed_registration_deadline_warns(tmp_path: Path) -> None:
    root = event_site(tmp_path, "2026-12-01 13:00", "2026-12-01 16:00", "2026-11-20")
    code, output = run_check(root)
    assert code == 0
    assert lines(output) == [
        "content/test/events/2026-12-01-seminarium.md:8: varning: registration.deadline: sista "
        "anmälningsdag 2026-11-20 har passerat, men evenemanget har inte ägt rum än; flytta sista "
        "anmälningsdag om anmälan fortfarande är öppen, eller skriv status: full och en status_note "
        "som säger att anmälan har stängt",
        "0 fel, 1 varning",
    ]


def test_future_deadline_and_past_event_pass(tmp_path: Path) -> None:
    root = event_site(tmp_path, "2026-12-01 13:00", "2026-12-01 16:00", "2026-11-25")
    assert run_check(root, "--strict")[0] == 0
    root = event_site(tmp_path, "2026-11-01 13:00", "2026-11-01 16:00", "2026-10-20")
    assert run_check(root, "--strict")[0] == 0


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2026-12-01 13:00", "", "events/2026-12-01-seminarium.md:4: varning: end: evenemanget "
         "har en starttid men inget slut; skriv end: som 2026-12-01 16:00, så att läsare och "
         "kalendrar vet hur länge det pågår"),
        ("2026-12-01 13:00", "2026-12-03", "events/2026-12-01-seminarium.md:5: varning: end: "
         "evenemanget börjar vid ett klockslag men slutar en senare dag utan klockslag; skriv "
         "sluttiden, som end: 2026-12-03 16:00"),
    ],
)
def test_event_without_end_time_warns(tmp_path: Path, start: str, end: str, expected: str) -> None:
    code, output = run_check(event_site(tmp_path, start, end, "2026-11-30"))
    assert lines(output) == [f"content/test/{expected}", "0 fel, 1 varning"]


@pytest.mark.parametrize(("start", "end"), [
    ("2026-12-01", ""), ("2026-12-01", "2026-12-03"), ("2026-12-01 09:00", "2026-12-02 16:00"),
])
def test_events_with_clear_ends_pass(tmp_path: Path, start: str, end: str) -> None:
    assert run_check(event_site(tmp_path, start, end, "2026-11-30"), "--strict")[0] == 0


def calendar_site(tmp_path: Path, fields: str, english: str = "") -> Path:
    event = "---\ntitle: Seminarium\nsummary: S.\nstart: 2026-12-01 13:00\nend: 2026-12-01 16:00\n"
    pages = {"events/2026-12-01-seminarium.md": f"{event}{fields}---\n"}
    if english:
        english_event = event.replace("Seminarium", "Seminar")
        pages["events/2026-12-01-seminarium.en.md"] = f"{english_event}{english}---\n"
    return write_site(tmp_path, pages)


@pytest.mark.parametrize(("fields", "english", "expected"), [
    ("status: cancelled\n", "", "events/2026-12-01-seminarium.md:6: varning: updated: evenemanget "
     "har status: cancelled men ingen updated:; kalendrar som redan har evenemanget tar in "
     "ändringen först när updated: flyttas fram: skriv datum och klockslag för ändringen, som "
     "updated: 2026-11-22 13:00"),
    ("updated: 2026-12-24 10:00\n", "", "events/2026-12-01-seminarium.md:6: varning: updated: "
     "updated: 2026-12-24 10:00 ligger efter nu; kalendrar räknar ändringar från den, så en senare "
     "rättelse bakåt skulle inte märkas: skriv tiden för den senaste ändringen"),
    ("location: Stadshuset\n", "location: Town hall\n", "events/2026-12-01-seminarium.en.md:6: "
     "varning: location: location skiljer sig från content/test/events/2026-12-01-seminarium.md; "
     "båda är samma evenemang i läsarnas kalendrar: skriv samma i båda"),
])
def test_changes_calendars_would_miss_warn(tmp_path: Path, fields: str, english: str,
                                           expected: str) -> None:
    code, output = run_check(calendar_site(tmp_path, fields, english))
    assert lines(output) == [f"content/test/{expected}", "0 fel, 1 varning"]


@pytest.mark.parametrize(("fields", "english"), [
    ("status: cancelled\nupdated: 2026-11-20 09:00\n", ""),
    ("status: full\n", ""),  # full changes no calendar field
    ("location: Stadshuset\n", "location: Stadshuset\n"),
])
def test_calendar_changes_with_updated_pass(tmp_path: Path, fields: str, english: str) -> None:
    assert run_check(calendar_site(tmp_path, fields, english), "--strict")[0] == 0


PNG = bytes.fromhex(  # a real 1 x 1 image: the build resizes every PNG
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
    "0000000c49444154789c63382127070002b6010534a675aa0000000049454e44ae426082"
)


@pytest.mark.parametrize("alt", ["bild.jpg", "IMG_1234", "karta"])
def test_file_name_alt_text_warns(tmp_path: Path, alt: str) -> None:
    body = f"---\ntitle: Om oss\nsummary: S.\n---\n\n![{alt}](files/karta.png)\n"
    root = write_site(tmp_path, {"om.md": body, "files/karta.png": PNG})
    assert run_check(root) == (0, (
        f'content/test/om.md:6: varning: bild: bildens beskrivning "{alt}" är ett filnamn, som '
        "skärmläsare läser upp; skriv vad bilden visar, som ![Två personer vid ett "
        'bord](files/karta.png), eller ![](files/karta.png "dekor") om bilden bara är dekoration\n'
        "0 fel, 1 varning\n"
    ))


def test_file_name_alt_text_in_front_matter_names_its_line(tmp_path: Path) -> None:
    front = ("---\ntitle: Om oss\nsummary: S.\nimage:\n  src: files/karta.png\n  alt: karta.png\n"
             "  credit: Foto\n---\n\nText.\n")
    root = write_site(tmp_path, {"om.md": front, "files/karta.png": PNG})
    assert lines(run_check(root)[1]) == [
        'content/test/om.md:6: varning: image.alt: bildens beskrivning "karta.png" är ett '
        'filnamn, som skärmläsare läser upp; skriv vad bilden visar, som alt: "Två personer vid '
        'ett bord", eller alt: "" om bilden bara är dekoration',
        "0 fel, 1 varning",
    ]


def test_descriptive_alt_text_passes(tmp_path: Path) -> None:
    front = ('---\ntitle: Om oss\nsummary: S.\nimage: {src: files/karta.png, alt: "Karta över '
             'länet"}\n---\n\n![Länets kommuner på en karta](files/karta.png)\n')
    root = write_site(tmp_path, {"om.md": front, "files/karta.png": PNG})
    assert run_check(root, "--strict") == (0, "0 fel, 0 varningar\n")


def test_missing_summary_warns(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"om.md": "---\ntitle: Om oss\n---\n\nText.\n"})
    assert lines(run_check(root)[1]) == [
        "content/test/om.md:2: varning: summary: saknas; skriv en eller två meningar i summary: — "
        "listor, sökmotorer och delade länkar visar dem",
        "0 fel, 1 varning",
    ]


def test_large_document_warns_over_the_limit(tmp_path: Path) -> None:
    root = write_site(tmp_path, {
        "om.md": "---\ntitle: Om oss\nsummary: S.\n---\n\n[Rapport](files/rapport.pdf)\n",
        "files/rapport.pdf": sample_pdfs.accessible(size=1_500_000),
    })
    assert run_check(root, "--strict")[0] == 0
    code, output = run_check(root, "--max-document-mb", "1")
    assert lines(output) == [
        "content/test/files/rapport.pdf: varning: är 1,5\u00a0MB, mer än 1 MB; den som läser i "
        "mobilen betalar för varje nedladdning: gör filen mindre (spara PDF:en för skärm, eller gör "
        "bilden mindre) eller dela upp den",
        "0 fel, 1 varning",
    ]


def test_json_format_lists_problems_and_summary(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"om.md": "---\ntitle: Om oss\n---\n\nText.\n"})
    code, output = run_check(root, "--format", "json", "--strict")
    data = json.loads(output)
    assert code == 1
    assert data["problems"] == [{
        "path": "content/test/om.md", "line": 2, "field": "summary", "level": "error",
        "message": "saknas; skriv en eller två meningar i summary: — listor, sökmotorer och delade "
                   "länkar visar dem",
        "code": "check.no_summary",
    }]
    assert data["summary"] == {"errors": 1, "warnings": 0, "text": "1 fel, 0 varningar"}


def test_build_errors_are_reported_in_the_same_format(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"om.md": "---\nsummary: S.\n---\n\n[x](saknas.md)\n"})
    code, output = run_check(root)
    assert code == 1
    assert lines(output) == [
        "content/test/om.md:2: fel: title: saknas; lägg till en rad som `title: Kraftsamlingar`",
        'content/test/om.md:5: fel: länk: det finns ingen sida eller fil "saknas.md" i '
        "content/test/; länka till en sida med dess fil (kraftsamlingar/index.md), med dess adress "
        "(/kraftsamlingar/) eller till en fil i files/ (files/rapport.pdf)",
        "2 fel, 0 varningar",
    ]


def test_repository_content_passes_strict() -> None:
    assert run_check(ROOT, "--strict") == (0, "0 fel, 0 varningar\n")


def test_check_speaks_english_with_rusgen_lang_en(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"ensam.md": "---\ntitle: Ensam\n---\n\nText.\n"})
    result = CliRunner(env={**ENV, "RUSGEN_LANG": "en"}).invoke(main, ["check", "--source", str(root)])
    assert lines(result.output)[:-1] == [
        "content/test/ensam.md:1: warning: no menu, list or link leads to this page, so readers "
        "will not find it; add it to menu: in content/test/region.yaml or link to it from another "
        "page",
        "content/test/ensam.md:2: warning: summary: missing; write one or two sentences in "
        "summary: — lists, search engines and shared links show it",
    ]


def test_moved_event_without_updated_warns(tmp_path: Path) -> None:
    event = ("---\ntitle: Uppstart\nsummary: S.\nstart: 2027-03-09 13:00\nend: 2027-03-09 15:00\n"
             "previous_start: 2027-03-02 13:00\n---\n\nText.\n")
    root = write_site(tmp_path, {"events/2027-03-09-uppstart.md": event})
    assert lines(run_check(root)[1]) == [
        "content/test/events/2027-03-09-uppstart.md:6: varning: updated: evenemanget är flyttat "
        "(previous_start:) men har ingen updated:; kalendrar tar in flytten nu, men en senare "
        "ändring först när updated: flyttas fram: skriv datum och klockslag för flytten, som "
        "updated: 2026-11-22 13:00",
        "0 fel, 1 varning",
    ]
    updated = event.replace("previous_start:", "updated: 2026-11-20 10:00\nprevious_start:")
    (root / "content/test/events/2027-03-09-uppstart.md").write_text(updated, "utf-8")
    assert run_check(root, "--strict") == (0, "0 fel, 0 varningar\n")
