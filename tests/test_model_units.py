"""Unit tests of the parts a user's words pass through: YAML, fields, URLs, colours, links."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from conftest import copy_site, output_lines, run_rusgen
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rusgen.colors import contrast_ratio
from rusgen.errors import Problems
from rusgen.fields import Fields, parse_date, parse_datetime, parse_time
from rusgen.loader import load_project
from rusgen.markdown import BrokenLink, LinkTarget, make_markdown, render_markdown
from rusgen.schema import build_site
from rusgen.urls import output_path, page_url, relative_url, strip_date_prefix
from rusgen.yamlfile import YamlList, YamlMap, YamlSyntaxError, parse_yaml

NBSP = "\u00a0"

# --- yamlfile ------------------------------------------------------------------------------


def test_yaml_remembers_the_line_of_each_key_and_item() -> None:
    data = parse_yaml("title: Kraftsamlingar\n\ncontacts:\n  - robin\n  - anna\n", first_line=2)
    assert isinstance(data, YamlMap)
    assert data.line_of("title") == 2
    assert data.line_of("contacts") == 4
    assert isinstance(data["contacts"], YamlList)
    assert data["contacts"].item_lines == [5, 6]
    assert data.line_of("missing") == data.line == 2


def test_yaml_keeps_times_dates_and_yes_no_as_written() -> None:
    data = parse_yaml(
        "time: 09:30\nstart: 2020-10-15 09:30\nday: 2021-05-27\nanswer: no\nother: yes\n"
        "draft: true\nweight: 10\n"
    )
    assert data == {
        "time": "09:30", "start": "2020-10-15 09:30", "day": "2021-05-27",
        "answer": "no", "other": "yes", "draft": True, "weight": 10,
    }


def test_yaml_refuses_a_key_written_twice_with_its_line() -> None:
    with pytest.raises(YamlSyntaxError) as caught:
        parse_yaml("title: A\nsummary: B\ntitle: C\n", first_line=2)
    assert caught.value.line == 4
    assert (caught.value.field, caught.value.code, caught.value.blanks) == (
        "title", "yaml.duplicate", {"first": "2"}
    )


def test_yaml_syntax_error_names_the_line_of_the_file() -> None:
    with pytest.raises(YamlSyntaxError) as caught:
        parse_yaml("title: Uppstart: Digitalisering\n", first_line=2)
    assert caught.value.line == 2
    assert caught.value.blanks == {"example": 'title: "Uppstart: Digitalisering"'}


# --- fields ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2021-05-27", date(2021, 5, 27)), (" 2021-05-27 ", date(2021, 5, 27)),
     ("2021-02-30", None), ("15 okt", None), ("2021-5-27", None), ("", None)],
)
def test_parse_date(text: str, expected: date | None) -> None:
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2021-05-27 13:30", datetime(2021, 5, 27, 13, 30)),
     ("2021-05-27T13:30", datetime(2021, 5, 27, 13, 30)),
     ("2021-05-27 9.30", datetime(2021, 5, 27, 9, 30)),
     ("2021-05-27 13:30:15", datetime(2021, 5, 27, 13, 30, 15)),
     ("2021-05-27 25:00", None), ("2021-05-27", None), ("27 maj 13:30", None)],
)
def test_parse_datetime(text: str, expected: datetime | None) -> None:
    assert parse_datetime(text) == expected


def test_parse_time() -> None:
    assert parse_time("09:30").hour == 9
    assert parse_time("9.30").minute == 30
    assert parse_time("24:00") is None


def test_fields_report_a_bad_date_on_its_line() -> None:
    problems = Problems()
    fields = Fields(parse_yaml("title: X\nstart: 15 okt\n", first_line=2), "x.md", problems)
    assert fields.date_or_datetime("start") is None
    assert [str(e) for e in problems.errors] == [
        "x.md:3: start: ska vara datum och klockslag, som `start: 2020-10-15 09:30` (eller bara "
        'ett datum, 2020-10-15), men här står "15 okt"'
    ]


def test_fields_read_a_date_without_time_as_all_day() -> None:
    problems = Problems()
    fields = Fields(parse_yaml("start: 2021-09-01\n"), "x.md", problems)
    assert fields.date_or_datetime("start") == (datetime(2021, 9, 1), False)
    assert not problems.items


# --- URL policy ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "lang", "slug", "url"),
    [
        ("index.md", "sv", None, ""),
        ("index.en.md", "en", None, "en/"),
        ("kraftsamlingar/index.md", "sv", None, "kraftsamlingar/"),
        ("kraftsamlingar/elektrifiering.md", "sv", None, "kraftsamlingar/elektrifiering/"),
        ("smart-specialisering.en.md", "en", None, "en/smart-specialisering/"),
        ("events/2021-06-02-uppstart-digitalisering.md", "sv", None,
         "events/uppstart-digitalisering/"),
        ("news/2012-09-21-ny-rus.md", "sv", "ny-strategi", "news/ny-strategi/"),
        ("kraftsamlingar/index.md", "sv", "omraden", "omraden/"),
    ],
)
def test_page_url(source: str, lang: str, slug: str | None, url: str) -> None:
    assert page_url(source, lang, "sv", slug) == url


@pytest.mark.parametrize(
    ("stem", "expected"),
    [("2021-06-02-uppstart", "uppstart"), ("2021-06-02", "2021-06-02"),
     ("uppstart-2021-06-02", "uppstart-2021-06-02"), ("2021-6-02-x", "2021-6-02-x"),
     ("abcd-ef-gh-x", "abcd-ef-gh-x")],
)
def test_strip_date_prefix(stem: str, expected: str) -> None:
    assert strip_date_prefix(stem) == expected


@pytest.mark.parametrize(
    ("url", "path"),
    [("", "index.html"), ("kraftsamlingar/", "kraftsamlingar/index.html"),
     ("events/uppstart.ics", "events/uppstart.ics")],
)
def test_output_path(url: str, path: str) -> None:
    assert output_path(url) == path


@pytest.mark.parametrize(
    ("from_url", "to_url", "link"),
    [
        ("", "kraftsamlingar/", "kraftsamlingar/"),
        ("kraftsamlingar/", "", "../"),
        ("kraftsamlingar/", "kraftsamlingar/", "./"),
        ("kraftsamlingar/elektrifiering/", "files/a.pdf", "../../files/a.pdf"),
        ("events/x/", "events/y/#program", "../y/#program"),
        ("en/", "kraftsamlingar/", "../kraftsamlingar/"),
    ],
)
def test_relative_url(from_url: str, to_url: str, link: str) -> None:
    assert relative_url(from_url, to_url) == link


# --- colours -----------------------------------------------------------------------------------


def test_contrast_ratio() -> None:
    assert contrast_ratio("#000000") == pytest.approx(21.0)
    assert contrast_ratio("#fff") == pytest.approx(1.0)
    assert round(contrast_ratio("#00609c"), 2) == 6.66
    assert round(contrast_ratio("#767676"), 2) == 4.54
    assert contrast_ratio("#777777") < 4.5
    with pytest.raises(ValueError):
        contrast_ratio("blue")


# --- Markdown links ----------------------------------------------------------------------------


def resolver(href: str) -> LinkTarget | None:
    return {
        "kraftsamlingar/index.md": LinkTarget(url="kraftsamlingar/"),
        "files/inbjudan.pdf": LinkTarget(url="files/inbjudan.pdf", file_kind="pdf",
                                         file_size=291_800),
    }.get(href)


def render(body: str) -> tuple[str, list[BrokenLink]]:
    html, broken, notes = render_markdown(
        make_markdown(), body, resolver,
        link_to=lambda url: relative_url("news/fokus/", url),
        file_label=lambda kind, size: f" ({kind}, {size})",
    )
    assert notes == []  # these bodies neither skip a heading level nor open new windows
    return html, broken


def test_markdown_rewrites_page_and_file_links() -> None:
    html, broken = render(
        "Se [kraftsamlingarna](kraftsamlingar/index.md#mal) och [Inbjudan](files/inbjudan.pdf)."
        " Extern [länk](https://example.se/x.md)."
    )
    assert '<a href="../../kraftsamlingar/#mal">kraftsamlingarna</a>' in html
    assert '<a href="../../files/inbjudan.pdf">Inbjudan (pdf, 291800)</a>' in html
    assert '<a href="https://example.se/x.md">länk</a>' in html
    assert broken == []


def test_markdown_reports_a_broken_link_with_its_line() -> None:
    _, broken = render("Första stycket.\n\n- punkt\n- [saknas](saknas.md)\n")
    assert broken == [BrokenLink(line=3, href="saknas.md", text="saknas")]


def test_built_page_labels_a_file_link_with_type_and_size(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path / "site")
    region = site / "content" / "alpha"
    (region / "files").mkdir()
    (region / "files" / "inbjudan.pdf").write_bytes(b"%PDF-1.4\n" + b"x" * (291_800 - 9))
    (region / "om.md").write_text(
        "---\ntitle: Om strategin\n---\nLäs [Inbjudan](files/inbjudan.pdf) och "
        "[startsidan](index.md).\n\nSe [saknad](saknad.md).\n"
    )
    result = run_rusgen("build", "--source", str(site), "--output", str(tmp_path / "out"))
    assert output_lines(result) == [
        'fel: content/alpha/om.md:6: länk: det finns ingen sida eller fil "saknad.md" i '
        "content/alpha/; länka till en sida med dess fil (kraftsamlingar/index.md), med dess "
        "adress (/kraftsamlingar/) eller till en fil i files/ (files/rapport.pdf)",
        "Bygget misslyckades: 1 fel. Den tidigare publicerade versionen är orörd.",
    ]
    (region / "om.md").write_text(
        "---\ntitle: Om strategin\n---\nLäs [Inbjudan](files/inbjudan.pdf) och "
        "[startsidan](index.md).\n"
    )
    result = run_rusgen("build", "--source", str(site), "--output", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    html = (tmp_path / "out" / "alpha" / "om" / "index.html").read_text()
    assert f'<a href="../files/inbjudan.pdf">Inbjudan (pdf, 291,8{NBSP}kB)</a>' in html
    assert '<a href="../">startsidan</a>' in html


# --- property tests: never a traceback -----------------------------------------------------

FRAGMENTS = st.sampled_from([
    "title:", "summary:", "start:", "end:", "date:", "image:", "documents:", "contacts:",
    "agenda:", "online:", "aliases:", "weight:", "draft:", "kraftsamlingar:", "slug:",
    " ", "  ", "\n", "\t", "- ", ":", "[", "]", "{", "}", ",", "'", '"', "#", "&a ", "*a",
    "!!binary ", "!!python/object ", "? ", "|", ">", "%", "@", "`", "2021-05-27", "09:30",
    "2021-05-27 13:30", "no", "yes", "true", "~", "null", "10", "-1", "1e3", "ä", "\ufeff",
    "src: files/x.png", "file: files/x.pdf", "alt:", "---", "...", "\\", "\r\n", "\x00",
])
YAMLISH = st.one_of(st.text(max_size=200), st.lists(FRAGMENTS, max_size=40).map("".join))


@settings(max_examples=150, deadline=None)
@given(YAMLISH, st.integers(min_value=1, max_value=50))
def test_parse_yaml_raises_only_its_documented_error(text: str, first_line: int) -> None:
    try:
        parse_yaml(text, first_line=first_line)
    except YamlSyntaxError as exc:
        assert exc.line >= first_line
        assert exc.code.startswith(("yaml.", "file.")), exc.code


@pytest.fixture(scope="module")
def loader_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return copy_site("minimal", tmp_path_factory.mktemp("prop") / "site")


@settings(max_examples=75, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(YAMLISH, st.sampled_from(["om.md", "events/2021-05-27-x.md", "news/2021-05-27-x.md"]))
def test_page_loader_reports_problems_instead_of_raising(
    loader_site: Path, front: str, name: str
) -> None:
    page = loader_site / "content" / "alpha" / name
    page.parent.mkdir(parents=True, exist_ok=True)
    page.write_bytes(f"---\n{front}\n---\nText.\n".encode("utf-8", "surrogatepass"))
    try:
        problems = Problems()
        raw = load_project(loader_site, problems)
        build_site(raw, problems, datetime(2021, 6, 1))
        for item in problems.items:
            assert item.path.startswith("content/alpha/"), item
            assert item.message
    finally:
        page.unlink()
