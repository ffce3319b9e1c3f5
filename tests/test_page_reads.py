"""A rebuild renders again only the pages that read what changed (outputs/page_reads.py).

Each page records what its templates read: other pages, contacts, fields of the region,
template files. These tests build the sample site, change one input, build again with
the CLI, and look at which pages were rendered, which files the build wrote and said it
wrote, and what the pages now show.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import GOLDEN_EPOCH, copy_site, run_rusgen
from test_golden import tree

from rusgen.outputs.html import RegionRenderer


def build(site: Path, output: Path) -> str:
    result = run_rusgen("build", "--source", str(site), "--output", str(output))
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture
def built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, list[str]]:
    """The sample site built once; the list fills with the pages the next build renders."""
    site, output = copy_site("full", tmp_path / "site"), tmp_path / "public"
    build(site, output)
    rendered: list[str] = []
    original = RegionRenderer.render_view

    def noting(self: RegionRenderer, view, alternates, problems):  # type: ignore[no-untyped-def]
        rendered.append(self.view_path(view))
        return original(self, view, alternates, problems)

    monkeypatch.setattr(RegionRenderer, "render_view", noting)
    return site, output, rendered


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")


def written(said: str) -> int:
    found = re.search(r"skrivna filer: (\d+)", said)
    assert found, said
    return int(found.group(1))


def test_a_contact_s_new_phone_renders_only_the_pages_that_show_the_contact(built) -> None:
    site, output, rendered = built
    before = tree(output)
    edit(site / "content/vast/contacts.yaml", '"090-16 30 00"', '"090-16 30 01"')
    said = build(site, output)
    after = tree(output)
    showing = {path for path, data in after.items() if b">090-16 30 01</a>" in data}
    assert showing == {"vast/news/pressmeddelande/index.html"}
    assert not any(b"090-16 30 00" in data for data in after.values())
    # Only the press release shows the press contact: it alone was rendered again.
    assert sorted(rendered) == sorted(showing)
    changed = {path for path in after if before.get(path) != after[path]}
    assert {path for path in changed if path.endswith(".html")} == showing
    assert written(said) == len(changed)


def test_another_page_s_new_title_renders_the_pages_that_name_it_and_no_other(built) -> None:
    site, output, rendered = built
    before = tree(output)
    edit(site / "content/vast/news/2021-05-03-pressmeddelande.md",
         "title: ", "title: Ändrad ")
    build(site, output)
    after = tree(output)
    naming = {path for path, data in after.items() if path.endswith(".html") and "Ändrad ".encode() in data}
    # The item itself, the news list, the home page's latest news, ...
    assert "vast/news/pressmeddelande/index.html" in naming
    assert "vast/news/index.html" in naming
    # ... and every page that shows the new title was rendered again, as few others as
    # read the list of pages (the accessibility statement lists documents by page).
    assert naming <= set(rendered)
    pages_of_region = {path for path in after if path.startswith("vast/") and path.endswith(".html")}
    assert len(rendered) < len(pages_of_region) / 2, sorted(rendered)
    # A page that does not show the title is as it was.
    changed = {path for path in after if before.get(path) != after[path] and path.endswith(".html")}
    assert changed == naming


def test_an_edited_include_renders_only_the_pages_that_include_it(built) -> None:
    site, output, rendered = built
    edit(site / "themes/default/templates/partials/contact_cards.html",
         '"contact-card__name"', '"contact-card__name contact-card__name--ny"')
    build(site, output)
    after = tree(output)
    using = {path for path, data in after.items() if b"contact-card__name--ny" in data}
    assert using
    assert sorted(rendered) == sorted(using)


def test_a_template_that_prints_the_time_renders_its_pages_every_build(built) -> None:
    """`now` in a template is read when a page renders: those pages are made anew by every
    build, the others are reused (the day and the events that ended are in every key)."""
    site, output, rendered = built
    edit(site / "themes/default/templates/news.html", "{% block before_lead %}",
         "{% block before_lead %}<!-- byggd {{ now }} -->")
    build(site, output)
    rendered.clear()
    later = str(int(GOLDEN_EPOCH) + 60)
    result = run_rusgen("build", "--source", str(site), "--output", str(output), epoch=later)
    assert result.exit_code == 0, result.output
    after = tree(output)
    later_time = "2021-06-01 00:01:00"
    stamped = {path for path, data in after.items() if b"<!-- byggd " in data}
    assert stamped
    assert all(f"{later_time}".encode() in after[path] for path in stamped)
    assert sorted(rendered) == sorted(stamped)
