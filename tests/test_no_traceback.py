"""No input ends in a traceback: a mistake is a message, a bug in rusgen is a saved report."""

from __future__ import annotations

import ast
import errno
import json
import string
import tempfile
from pathlib import Path

import pytest
from conftest import ROOT, copy_site, output_lines, run_rusgen

from rusgen import __version__
from rusgen.contentmodel.jsonschema import json_schema
from rusgen.messages import LANGUAGES, catalogue

PACKAGE = ROOT / "rusgen"


def minimal(tmp_path: Path) -> Path:
    return copy_site("minimal", tmp_path / "site")


def build(site: Path, tmp_path: Path, *extra: str):
    return run_rusgen("build", "--source", str(site), "--output", str(tmp_path / "public"), *extra)


def add_line(path: Path, line: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")


def test_a_language_the_theme_has_no_texts_for_names_the_file_to_add(tmp_path: Path) -> None:
    site = minimal(tmp_path)
    add_line(site / "content/alpha/region.yaml", "languages: [sv, fi]")
    result = build(site, tmp_path)
    assert output_lines(result) == [
        'fel: content/alpha/region.yaml: languages: temat har inga texter på språket "fi"; lägg '
        "till filen themes/default/i18n/fi.yaml (kopiera themes/default/i18n/sv.yaml och översätt "
        'texterna), eller ta bort "fi" ur languages'
    ]
    assert result.exit_code == 1


def test_a_text_missing_from_the_theme_names_the_text_and_its_file(tmp_path: Path) -> None:
    site = minimal(tmp_path)
    strings = site / "themes/default/i18n/sv.yaml"
    text = strings.read_text(encoding="utf-8")
    strings.write_text(
        "".join(line for line in text.splitlines(True) if not line.startswith("events_title:")),
        encoding="utf-8",
    )
    result = build(site, tmp_path)
    assert output_lines(result) == [
        'fel: themes/default/i18n/sv.yaml: texten "events_title" saknas; lägg till en rad som '
        "`events_title: ...` med texten"
    ]
    assert result.exit_code == 1


@pytest.mark.parametrize(("themes", "expected"), [
    ({}, 'fel: themes/egen: det finns inget tema "egen"; skriv ett av temana (default) under '
         "theme: i region.yaml eller rusgen.yaml"),
    ({"egen": "extends: annat", "annat": "extends: egen"},
     "fel: themes/egen/theme.yaml: temat bygger på sig självt i en ring (extends); låt ett av "
     "temana bygga på default"),
    ({"egen": "extends: [default"},
     "fel: themes/egen/theme.yaml:1: raden går inte att läsa: det som börjar med [ avslutas inte "
     "med ] på samma rad; avsluta med ], och sätt värden med kolon eller kommatecken inom "
     "citattecken"),
])
def test_a_theme_that_cannot_be_found_or_read_is_a_message(
    tmp_path: Path, themes: dict[str, str], expected: str
) -> None:
    site = minimal(tmp_path)
    for name, settings in themes.items():
        (site / "themes" / name).mkdir()
        (site / "themes" / name / "theme.yaml").write_text(settings + "\n", encoding="utf-8")
    add_line(site / "content/alpha/region.yaml", "theme: egen")
    result = build(site, tmp_path)
    assert output_lines(result) == [expected]
    assert result.exit_code == 1


@pytest.mark.parametrize(("args", "env", "expected"), [
    (("--region", "beta"), {}, 'fel: --region beta: det finns ingen region "beta" i content/; '
                               "regionerna är alpha"),
    (("--base-url", "https://test.example.se/"), {},
     "fel: --base-url behöver exakt en --region, som rusgen build --region vastra-gotaland "
     "--base-url https://test.example.se/vg/"),
    (("--region", "alpha", "--base-url", "test.example.se"), {},
     "fel: --base-url: skriv en hel adress som börjar med https://, som https://test.example.se/vg/, "
     'men här står "test.example.se"'),
    ((), {"SOURCE_DATE_EPOCH": "igår"},
     'fel: SOURCE_DATE_EPOCH="igår": skriv antalet sekunder sedan 1970, som 1700000000, eller ta '
     "bort variabeln"),
])
def test_a_wrong_command_line_is_a_swedish_message(
    tmp_path: Path, monkeypatch, args: tuple[str, ...], env: dict[str, str], expected: str
) -> None:
    site = minimal(tmp_path)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    result = run_rusgen("build", "--source", str(site), *args, epoch=None)
    assert output_lines(result) == [expected]
    assert result.exit_code == 1


def test_a_folder_without_rusgen_yaml_says_where_to_run(tmp_path: Path) -> None:
    for command in ("build", "check", "serve"):
        result = run_rusgen(command, "--source", str(tmp_path))
        assert output_lines(result) == [
            f"fel: {tmp_path}/rusgen.yaml: filen finns inte. Kör rusgen i mappen där rusgen.yaml "
            "ligger, eller ange mappen med --source MAPP."
        ], command
        assert result.exit_code == 1


def test_a_file_the_system_refuses_to_write_is_a_message(tmp_path: Path, monkeypatch) -> None:
    site = minimal(tmp_path)
    locked = tmp_path / "public/alpha/index.html"

    def refuse(path: Path, data: bytes) -> None:
        raise PermissionError(errno.EACCES, "Permission denied", str(locked))

    monkeypatch.setattr("rusgen.writer.write_file", refuse)
    result = build(site, tmp_path)
    assert output_lines(result) == [
        f"fel: {tmp_path / 'public'}: rusgen kunde inte skriva den nya versionen ({locked}: "
        "rusgen får inte skriva där); den tidigare versionen ligger kvar orörd. Gör plats på disken "
        "eller ge rusgen rätt att skriva i mappen och mappen bredvid den, och bygg igen"
    ]
    assert result.exit_code == 1


def test_a_bug_in_rusgen_exits_70_with_one_line_naming_a_saved_report(
    tmp_path: Path, monkeypatch
) -> None:
    site = minimal(tmp_path)
    reports = tmp_path / "temp"
    reports.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(reports))

    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("a bug")

    monkeypatch.setattr("rusgen.build.build", broken)
    result = build(site, tmp_path)
    [report] = reports.iterdir()
    assert output_lines(result) == [
        "fel: rusgen stötte på ett internt fel (felet ligger i rusgen, inte i ditt innehåll). "
        f"En rapport är sparad i {report}; skicka den till den som sköter rusgen."
    ]
    assert result.exit_code == 70
    saved = report.read_text(encoding="utf-8")
    assert f"command: rusgen build --source {site} --output {tmp_path / 'public'}" in saved
    assert f"rusgen {__version__}" in saved
    assert saved.rstrip().endswith("ZeroDivisionError: a bug")
    assert "Traceback (most recent call last)" in saved


def test_rusgen_schema_prints_a_kinds_json_schema() -> None:
    result = run_rusgen("schema", "region")
    assert result.exit_code == 0
    assert json.loads(result.output) == json_schema("region", "sv")
    assert '"title": "region.yaml – regionens inställningar"' in result.output  # not \u2013


def test_rusgen_schema_of_an_unknown_kind_lists_the_kinds() -> None:
    result = run_rusgen("schema", "sida")
    assert output_lines(result) == [
        'fel: det finns ingen filsort "sida"; skriv en av network, region, contacts, page, event, '
        "news, som `rusgen schema region`"
    ]
    assert result.exit_code == 1


def _raised_codes() -> list[tuple[str, int, str, set[str] | None]]:
    """Return (file, line, code, blank names or None for **blanks) of every RusgenError made."""
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name != "RusgenError" or not isinstance(node.args[0], ast.Constant):
                continue
            blanks = {k.arg for k in node.keywords}
            found.append((path.relative_to(ROOT).as_posix(), node.lineno, node.args[0].value,
                          None if None in blanks else blanks))
    return found


def test_every_rusgen_error_is_a_message_of_the_catalogue_with_its_blanks() -> None:
    raised = _raised_codes()
    assert len(raised) > 20
    for file, line, code, blanks in raised:
        assert code in catalogue(), f"{file}:{line}: {code} is not in the catalogue"
        for lang in LANGUAGES:
            wanted = {f for _, f, _, _ in string.Formatter().parse(catalogue()[code].text(lang)) if f}
            assert blanks is None or blanks == wanted, f"{file}:{line}: {code} ({lang}) needs {wanted}"
