"""A rebuild does work in proportion to the change: what it keeps must still notice edits.

The calendars are kept in the store by region; the writer trusts its record of the last
build's files. Each test edits, builds with the CLI and reads what a user gets.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from conftest import output_lines, run_rusgen
from test_golden import first_difference, tree

from rusgen.store import Store

CACHE = ".rusgen-cache"
REGION = "content/alpha"
EVENT = (
    "---\ntitle: Samråd om strategin\nsummary: Ett möte om strategin.\nstart: 2021-05-27 13:30\n"
    "end: 2021-05-27 16:00\nlocation: Regionens hus\n---\n\nVälkommen.\n"
)


def build(source: Path, output: Path) -> list[str]:
    result = run_rusgen("build", "--source", str(source), "--output", str(output))
    assert result.exit_code == 0, result.output
    return output_lines(result)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), "utf-8")


def with_event(site_copy) -> Path:
    source = site_copy("minimal")
    (source / REGION / "events").mkdir()
    (source / REGION / "events" / "2021-05-27-samrad.md").write_text(EVENT, "utf-8")
    return source


def cold_build(source: Path, where: Path) -> dict[str, bytes]:
    """Build a copy of `source` without its store into a new folder; return its files."""
    copy = where / "site"
    shutil.copytree(source, copy, ignore=shutil.ignore_patterns(CACHE))
    build(copy, where / "public")
    return tree(where / "public")


def test_calendars_are_kept_and_made_again_when_the_event_or_region_changes(
    site_copy, tmp_path: Path
) -> None:
    source, output = with_event(site_copy), tmp_path / "out"
    build(source, output)
    assert Store(source / CACHE).keys("calendars"), "the calendars were not kept"
    ics = output / "alpha" / "events" / "samrad.ics"
    assert "LOCATION:Regionens hus" in ics.read_text("utf-8")

    # A page that is no event: the calendars come from the store, and stay right.
    edit(source / REGION / "om.md", "2021–2030.", "2021–2035.")
    build(source, output)
    assert "LOCATION:Regionens hus" in ics.read_text("utf-8")

    edit(source / REGION / "events" / "2021-05-27-samrad.md", "Regionens hus", "Stadshuset")
    build(source, output)
    assert "LOCATION:Stadshuset" in ics.read_text("utf-8")
    assert "LOCATION:Stadshuset" in (output / "alpha" / "events.ics").read_text("utf-8")

    # The region's name is in every calendar's name: region.yaml is read too.
    edit(source / REGION / "region.yaml", "name: Alfa\n", "name: Alfaregionen\n")
    build(source, output)
    assert "Alfaregionen" in (output / "alpha" / "events.ics").read_text("utf-8")
    assert tree(output) == cold_build(source, tmp_path / "cold")


def test_output_files_changed_or_deleted_by_hand_are_written_again(site_copy, tmp_path: Path) -> None:
    """The writer trusts its record only while a file still has the recorded size, time
    and inode: an edit by hand, or a deleted file, is written again on the next build."""
    source, output = with_event(site_copy), tmp_path / "out"
    home = source / REGION / "index.md"
    build(source, output)
    # A rebuild after an edit links the unchanged files: their records have settled (their
    # time is well past), so the next build trusts them without reading the files.
    edit(home, "Välkommen till", "Hej och välkommen till")
    build(source, output)
    (output / "alpha" / "om" / "index.html").write_text("ändrad för hand", "utf-8")
    (output / "alpha" / "events.ics").unlink()
    (output / "alpha" / "sitemap.xml").write_bytes(b"")
    (output / "alpha" / "lost.html").write_text("kvar", "utf-8")
    # And a real change, so the build is not a replay of the last one.
    edit(home, "Hej och välkommen till", "Välkommen till")
    build(source, output)
    expected = cold_build(source, tmp_path / "cold")
    assert tree(output) == expected, first_difference(expected, tree(output))
