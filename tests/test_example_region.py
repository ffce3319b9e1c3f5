"""The example region of docs/content.md, written file by file as a communicator would,
builds without a warning and passes the Nu HTML Checker and axe on every page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from rusgen.cli import main
from tests.conftest import BUILD_EPOCH, ROOT
from tests.test_accessibility_browser import (
    axe_context,
    axe_violations,
    foreign_requests,
    published_addresses,
)
from tests.test_html_valid import vnu_errors

REFERENCE = ROOT / "docs" / "content.md"
# "`content/halland/region.yaml`:" on its own line, a blank line, then a fenced block.
FILE_BLOCK = re.compile(r"^`(?P<path>[^`\n]+)`:\n\n```\w*\n(?P<text>.*?)^```$", re.M | re.S)


def example_files() -> dict[str, str]:
    section = REFERENCE.read_text("utf-8").split("## A new region, file by file", 1)[1]
    return {m["path"]: m["text"] for m in FILE_BLOCK.finditer(section)}


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Write the example's files into a new project, build it with the CLI, return the output."""
    project = tmp_path_factory.mktemp("example")
    for path, text in example_files().items():
        (project / path).parent.mkdir(parents=True, exist_ok=True)
        (project / path).write_text(text, "utf-8")
    (project / "themes").symlink_to(ROOT / "rusgen" / "themes")
    result = CliRunner(env={"SOURCE_DATE_EPOCH": BUILD_EPOCH}).invoke(
        main, ["build", "--source", str(project)]
    )
    assert result.exit_code == 0, result.output
    assert "warning" not in result.output
    return project / "public"


def test_the_example_holds_every_kind_of_file() -> None:
    paths = set(example_files())
    assert {"rusgen.yaml", "content/halland/region.yaml", "content/halland/contacts.yaml",
            "content/halland/index.md", "content/halland/index.en.md"} <= paths
    assert any(p.startswith("content/halland/events/") for p in paths)
    assert any(p.startswith("content/halland/news/") for p in paths)


def test_the_example_builds_the_pages_it_promises(example_site: Path) -> None:
    region = example_site / "halland"
    event = (region / "events" / "uppstart-energi" / "index.html").read_text("utf-8")
    assert "torsdag 3 december 2026" in event
    assert "243 401 317#" in event
    assert 'href="../uppstart-energi.ics">Lägg till i kalender' in event
    assert "UID:halland-uppstart-energi-2026" in (region / "events" / "uppstart-energi.ics").read_text()
    statement = (region / "tillganglighet" / "index.html").read_text("utf-8")
    assert "Region Halland" in statement and "delvis förenlig" in statement
    assert "Vissa äldre PDF-dokument är inte fullt tillgängliga." in statement
    assert (region / "en" / "accessibility" / "index.html").is_file()
    assert 'http-equiv="refresh"' in (region / "rus" / "index.html").read_text("utf-8")
    term = (region / "kraftsamlingar" / "energi" / "index.html").read_text("utf-8")
    assert "Strategin" in term and "Uppstart: Hållbar energi" in term
    news = (region / "news" / "ny-strategi" / "index.html").read_text("utf-8")
    assert "Pressmeddelande" in news and "Kim Andersson" in news


@pytest.mark.browser  # java
def test_the_nu_html_checker_finds_no_error_in_the_example(example_site: Path) -> None:
    assert vnu_errors(example_site) == []


def test_axe_finds_no_violation_and_nothing_leaves_the_site(
    example_site: Path, browser, static_server
) -> None:
    base = static_server(example_site)
    context = axe_context(browser, example_site)
    tab = context.new_page()
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    violations = []
    pages = sorted(p.relative_to(example_site).as_posix() for p in example_site.rglob("*.html"))
    try:
        for path in pages:
            if 'http-equiv="refresh"' in (example_site / path).read_text("utf-8"):
                continue  # a redirect navigates away at once; its target is checked itself
            tab.goto(base + path)
            violations += axe_violations(tab, path)
    finally:
        context.close()
    assert len(pages) > 20
    assert violations == []
    assert foreign_requests(requests, [base, *published_addresses(example_site)]) == []
