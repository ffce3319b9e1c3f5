"""`rusgen new`: the files it makes build cleanly, and it never overwrites."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from rusgen.cli import main
from rusgen.scaffold import yaml_text
from rusgen.yamlfile import parse_yaml
from tests.conftest import BUILD_EPOCH
from tests.sitekit import write_site

ENV = {"SOURCE_DATE_EPOCH": BUILD_EPOCH}  # 2026-11-22


def rusgen(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner(env=ENV).invoke(main, [*args, "--source", str(root)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


@pytest.fixture
def project(tmp_path: Path) -> Path:
    write_site(tmp_path)
    (tmp_path / "content" / "test").rename(tmp_path / "content-test-away")
    return tmp_path


def test_new_region_page_event_news_build_cleanly(project: Path) -> None:
    code, output = rusgen(project, "new", "region", "halland", "--name", "Halland",
                          "--email", "regionalutveckling@example.se")
    assert (code, output) == (0, "Created content/halland/region.yaml\nCreated "
                                 "content/halland/contacts.yaml\nCreated content/halland/index.md\n")
    assert rusgen(project, "new", "page", "Om oss", "--title", "Om oss") == (
        0, "Created content/halland/om-oss.md\n")
    assert rusgen(project, "new", "event", "Hållbar energi: uppstart",
                  "--start", "2026-12-01 13:00", "--end", "2026-12-01 16:00") == (
        0, "Created content/halland/events/2026-12-01-hallbar-energi-uppstart.md\n")
    assert rusgen(project, "new", "news", "Ny strategi för Halland", "--date", "2026-11-20") == (
        0, "Created content/halland/news/2026-11-20-ny-strategi-for-halland.md\n")
    assert rusgen(project, "new", "news", "Öppet möte i Kungsbacka") == (
        0, "Created content/halland/news/2026-11-22-oppet-mote-i-kungsbacka.md\n")
    code, output = rusgen(project, "build")
    assert code == 0, output
    assert "warning" not in output
    event = (project / "content/halland/events/2026-12-01-hallbar-energi-uppstart.md").read_text()
    assert event.startswith('---\ntitle: "Hållbar energi: uppstart"\n')
    code, output = rusgen(project, "check")
    assert code == 0, output


def test_new_region_yaml_is_complete(project: Path) -> None:
    rusgen(project, "new", "region", "vastra-gotaland", "--name", "Västra Götaland",
           "--email", "rus@example.se")
    data = parse_yaml((project / "content/vastra-gotaland/region.yaml").read_text("utf-8"))
    assert data["name"] == "Västra Götaland"
    assert data["organisation"] == "Region Västra Götaland"
    assert data["base_url"] == "https://rus.example.se/vastra-gotaland/"
    assert data["accessibility"]["assessed"] == "2026-11-22"
    assert data["accessibility"]["feedback"] == {"email": "rus@example.se"}
    assert "TODO" not in (project / "content/vastra-gotaland/region.yaml").read_text("utf-8")


def test_new_refuses_to_overwrite(project: Path) -> None:
    rusgen(project, "new", "region", "halland", "--email", "a@example.se")
    assert rusgen(project, "new", "region", "halland", "--email", "a@example.se") == (
        1, "error: content/halland already exists; rusgen new never overwrites: choose another id\n")
    rusgen(project, "new", "page", "om-oss")
    before = (project / "content/halland/om-oss.md").read_text("utf-8")
    assert rusgen(project, "new", "page", "om-oss", "--title", "Annat") == (
        1, "error: content/halland/om-oss.md already exists; rusgen new never overwrites a file: "
           "choose another name, or open that file and edit it\n")
    assert (project / "content/halland/om-oss.md").read_text("utf-8") == before
    assert rusgen(project, "new", "page", "om-oss/index")[0] == 1


def test_several_regions_need_region(project: Path) -> None:
    rusgen(project, "new", "region", "halland", "--email", "a@example.se")
    rusgen(project, "new", "region", "skane", "--email", "a@example.se")
    assert rusgen(project, "new", "news", "Nyhet") == (
        1, "error: there are several regions; say which with --region ID (halland, skane)\n")
    assert rusgen(project, "new", "news", "Nyhet", "--region", "skane")[0] == 0
    assert rusgen(project, "new", "news", "Nyhet", "--region", "blekinge") == (
        1, "error: --region blekinge: no such region in content/ (regions: halland, skane)\n")


@pytest.mark.parametrize(("args", "message"), [
    (["new", "region", "Halland", "--email", "a@example.se"],
     'error: "Halland" cannot be a region id: use lower case, digits and hyphens, like halland\n'),
    (["new", "region", "halland"],
     "error: --email: required; readers need an address for questions and for reporting "
     "accessibility problems, like --email regionalutveckling@example.se\n"),
    (["new", "event", "Möte", "--start", "1 dec"],
     'error: --start "1 dec": expected a date and time like 2026-12-01 13:00, or a date like '
     "2026-12-01 for an all-day event\n"),
])
def test_new_explains_bad_input(project: Path, args: list[str], message: str) -> None:
    rusgen(project, "new", "region", "skane", "--email", "a@example.se")
    assert rusgen(project, *args) == (1, message)


@pytest.mark.parametrize("text", ["Om oss", "Hållbar energi: uppstart", "- lista", "yes", "2026",
                                  "#1 i Norden", "Det är 'viktigt'", 'Ett "citat"'])
def test_yaml_text_reads_back_as_written(text: str) -> None:
    assert parse_yaml(f"title: {yaml_text(text)}\n")["title"] == text
