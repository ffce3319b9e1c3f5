"""Each check of `rusgen check`: one sample that fails it and one that passes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rusgen.cli import main
from tests.conftest import BUILD_EPOCH
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
    assert (code, output) == (0, "0 errors, 0 warnings\n")


def test_broken_anchor_is_an_error(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"extra.md": "---\ntitle: Extra\nsummary: S.\n---\n\n"
                                 "[Fel](om.md#finns-inte) och [rätt](om.md#vilka-vi-ar)\n"})
    (root / "content/test/index.md").write_text(
        "---\ntitle: Start\nsummary: S.\n---\n\n[om](om.md) [extra](extra.md)\n", "utf-8")
    code, output = run_check(root)
    assert code == 1
    assert lines(output) == [
        'content/test/extra.md:6: error: link: the link "../om/#finns-inte" points to a heading '
        '"#finns-inte" that is not on that page; link to a heading that exists (its anchor is the '
        "heading in lower case with hyphens, like #smart-specialisering) or drop the #part",
        "1 error, 0 warnings",
    ]


def test_broken_raw_html_link_and_image_are_errors(tmp_path: Path) -> None:
    body = '---\ntitle: Start\nsummary: S.\n---\n\n[om](om.md)\n\n<a href="/saknas/">x</a>\n\n' \
           '<img src="files/borta.png" alt="Karta">\n'
    root = write_site(tmp_path, {"index.md": body})
    code, output = run_check(root)
    assert code == 1
    assert lines(output)[0].startswith('content/test/index.md:8: error: link: the link "/saknas/"')
    assert lines(output)[1].startswith(
        'content/test/index.md:10: error: link: the image "files/borta.png" leads to a page')
    assert lines(output)[-1] == "2 errors, 0 warnings"


def test_working_document_and_anchor_pass(tmp_path: Path) -> None:
    body = "---\ntitle: Start\nsummary: S.\n---\n\n[om](om.md#vilka-vi-ar) [pdf](files/a.pdf)\n"
    root = write_site(tmp_path, {"index.md": body, "files/a.pdf": b"%PDF-1.4"})
    assert run_check(root, "--strict") == (0, "0 errors, 0 warnings\n")


def test_orphan_page_is_named(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"ensam.md": "---\ntitle: Ensam\nsummary: S.\n---\n\nText.\n"})
    code, output = run_check(root)
    assert code == 0
    assert lines(output) == [
        "content/test/ensam.md:1: warning: no menu, list or link leads to this page, so readers "
        "will not find it; add it to menu: in content/test/region.yaml or link to it from another "
        "page",
        "0 errors, 1 warning",
    ]
    assert run_check(root, "--strict")[0] == 1


def test_page_in_a_section_list_is_not_an_orphan(tmp_path: Path) -> None:
    root = write_site(tmp_path, {
        "om.md": "---\ntitle: Om oss\nsummary: S.\n---\n\nSe [arbeten](arbeten/index.md).\n",
        "arbeten/index.md": "---\ntitle: Arbeten\nsummary: S.\n---\n",
        "arbeten/ett.md": "---\ntitle: Ett\nsummary: S.\n---\n",
    })
    assert run_check(root, "--strict") == (0, "0 errors, 0 warnings\n")


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
        'public/test/404.html:42: error: link: the link "../../kontakt/" leads to a page or '
        "file that is not in the site (also on 15 more pages); the link comes from the theme's "
        "templates, not from a page: ask whoever maintains the theme to correct it",
        "1 error, 0 warnings",
    ]


def test_one_region_of_several_checks_cleanly() -> None:
    from tests.conftest import ROOT

    if not (ROOT / "content/borasregionen").is_dir():
        pytest.skip("the repository's content/ is not here")
    assert run_check(ROOT, "--region", "borasregionen", "--strict") == (0, "0 errors, 0 warnings\n")


def test_translation_without_hreflang_is_an_error(tmp_path: Path) -> None:
    root = write_site(tmp_path, {
        "om.en.md": "---\ntitle: About us\nsummary: Who we are.\n---\n\nText.\n",
    })
    assert run_check(root, "--strict")[0] == 0  # the default theme links both versions
    change_base_template(root, '<link rel="alternate" hreflang=', '<link rel="x" hreflang=')
    code, output = run_check(root)
    assert code == 1
    assert lines(output)[0] == (
        "content/test/om.en.md:1: error: the sv version (content/test/om.md) exists but this page "
        "has no a <link rel=alternate hreflang> to it; the theme's base.html must list `alternates`"
    )
    assert lines(output)[-1] == "2 errors, 0 warnings"


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
        "content/test/events/2026-12-01-seminarium.md:8: warning: registration.deadline: the "
        "registration deadline 2026-11-20 has passed, but the event is still upcoming; move the "
        "deadline if registration is still open, or set status: full and a status_note saying "
        "registration has closed",
        "0 errors, 1 warning",
    ]


def test_future_deadline_and_past_event_pass(tmp_path: Path) -> None:
    root = event_site(tmp_path, "2026-12-01 13:00", "2026-12-01 16:00", "2026-11-25")
    assert run_check(root, "--strict")[0] == 0
    root = event_site(tmp_path, "2026-11-01 13:00", "2026-11-01 16:00", "2026-10-20")
    assert run_check(root, "--strict")[0] == 0


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2026-12-01 13:00", "", "events/2026-12-01-seminarium.md:4: warning: end: the event has "
         "a start time but no end; write end: like 2026-12-01 16:00, so readers and calendars "
         "know how long it lasts"),
        ("2026-12-01 13:00", "2026-12-03", "events/2026-12-01-seminarium.md:5: warning: end: the "
         "event starts at a time of day but ends on a later date without a time; write the end "
         "time, like end: 2026-12-03 16:00"),
    ],
)
def test_event_without_end_time_warns(tmp_path: Path, start: str, end: str, expected: str) -> None:
    code, output = run_check(event_site(tmp_path, start, end, "2026-11-30"))
    assert lines(output) == [f"content/test/{expected}", "0 errors, 1 warning"]


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
    ("status: cancelled\n", "", "events/2026-12-01-seminarium.md:6: warning: updated: the event is "
     "cancelled, but has no updated:; calendars that already hold it take the change only when "
     "updated: moves forward: write the date and time of the change, like updated: 2026-11-22 13:00"),
    ("updated: 2026-12-24 10:00\n", "", "events/2026-12-01-seminarium.md:6: warning: updated: "
     "updated: 2026-12-24 10:00 is later than now; calendars count changes from it, so a later "
     "correction back would be ignored: write the time of the last change"),
    ("location: Stadshuset\n", "location: Town hall\n", "events/2026-12-01-seminarium.en.md:6: "
     "warning: location: location differs from content/test/events/2026-12-01-seminarium.md; both "
     "are one event in readers' calendars: write the same in both"),
])
def test_changes_calendars_would_miss_warn(tmp_path: Path, fields: str, english: str,
                                           expected: str) -> None:
    code, output = run_check(calendar_site(tmp_path, fields, english))
    assert lines(output) == [f"content/test/{expected}", "0 errors, 1 warning"]


@pytest.mark.parametrize(("fields", "english"), [
    ("status: cancelled\nupdated: 2026-11-20 09:00\n", ""),
    ("status: full\n", ""),  # full changes no calendar field
    ("location: Stadshuset\n", "location: Stadshuset\n"),
])
def test_calendar_changes_with_updated_pass(tmp_path: Path, fields: str, english: str) -> None:
    assert run_check(calendar_site(tmp_path, fields, english), "--strict")[0] == 0


PNG = bytes.fromhex(
    "89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489"
    "0000000d49444154789c6360000002000154a24f9a0000000049454e44ae426082"
)


@pytest.mark.parametrize("alt", ["bild.jpg", "IMG_1234", "karta"])
def test_file_name_alt_text_warns(tmp_path: Path, alt: str) -> None:
    body = f"---\ntitle: Om oss\nsummary: S.\n---\n\n![{alt}](files/karta.png)\n"
    root = write_site(tmp_path, {"om.md": body, "files/karta.png": PNG})
    code, output = run_check(root)
    assert lines(output)[0] == (
        f'content/test/om.md:6: warning: alt: the alt text "{alt}" is a file name, which screen '
        'readers read aloud; describe what the image shows, like alt: "Två personer vid ett bord", '
        'or write alt: "" if it is only decoration'
    )


def test_file_name_alt_text_in_front_matter_names_its_line(tmp_path: Path) -> None:
    front = ("---\ntitle: Om oss\nsummary: S.\nimage:\n  src: files/karta.png\n  alt: karta.png\n"
             "  credit: Foto\n---\n\nText.\n")
    root = write_site(tmp_path, {"om.md": front, "files/karta.png": PNG})
    assert lines(run_check(root)[1])[0].startswith(
        'content/test/om.md:6: warning: alt: the alt text "karta.png" is a file name'
    )


def test_descriptive_alt_text_passes(tmp_path: Path) -> None:
    front = ('---\ntitle: Om oss\nsummary: S.\nimage: {src: files/karta.png, alt: "Karta över '
             'länet"}\n---\n\n![Länets kommuner på en karta](files/karta.png)\n')
    root = write_site(tmp_path, {"om.md": front, "files/karta.png": PNG})
    assert run_check(root, "--strict")[0] == 0


def test_missing_summary_warns(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"om.md": "---\ntitle: Om oss\n---\n\nText.\n"})
    assert lines(run_check(root)[1]) == [
        "content/test/om.md:2: warning: summary: missing; write one or two sentences in summary: — "
        "lists, search engines and shared links show it",
        "0 errors, 1 warning",
    ]


def test_large_document_warns_over_the_limit(tmp_path: Path) -> None:
    root = write_site(tmp_path, {
        "om.md": "---\ntitle: Om oss\nsummary: S.\n---\n\n[Rapport](files/rapport.pdf)\n",
        "files/rapport.pdf": b"%PDF" + b"0" * 1_499_996,
    })
    assert run_check(root, "--strict")[0] == 0
    code, output = run_check(root, "--max-document-mb", "1")
    assert lines(output) == [
        "content/test/files/rapport.pdf: warning: is 1.5\u00a0MB, more than 1 MB; readers on "
        "mobile data pay for every download: make it smaller (save the PDF for screen, or scale "
        "the image down) or split it",
        "0 errors, 1 warning",
    ]


def test_json_format_lists_problems_and_summary(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"om.md": "---\ntitle: Om oss\n---\n\nText.\n"})
    code, output = run_check(root, "--format", "json", "--strict")
    data = json.loads(output)
    assert code == 1
    assert data["problems"] == [{
        "path": "content/test/om.md", "line": 2, "field": "summary", "level": "error",
        "message": "missing; write one or two sentences in summary: — lists, search engines and "
                   "shared links show it",
    }]
    assert data["summary"] == {"errors": 1, "warnings": 0, "text": "1 error, 0 warnings"}


def test_build_errors_are_reported_in_the_same_format(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"om.md": "---\nsummary: S.\n---\n\n[x](saknas.md)\n"})
    code, output = run_check(root)
    assert code == 1
    assert lines(output) == [
        "content/test/om.md:2: error: title: required; add a line like `title: Kraftsamlingar`",
        'content/test/om.md:5: error: link: no page or file "saknas.md" in content/test/; link to a '
        "page by its file (kraftsamlingar/index.md) or to a file in files/",
        "2 errors, 0 warnings",
    ]


def test_repository_content_passes_strict() -> None:
    from tests.conftest import ROOT

    if not (ROOT / "content").is_dir():
        pytest.skip("the repository's content/ is not here")
    code, output = run_check(ROOT, "--strict")
    assert (code, output) == (0, "0 errors, 0 warnings\n")
