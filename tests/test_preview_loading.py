"""A preview save reads only the files whose stamp changed, yet sees every change.

The preview keeps what each file gave between saves, keyed by the walk's stat of the file
(size, modification and change times, inode). These tests change files without telling the
rebuilder (as when the watcher misses an event) and look at the pages it then serves.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from rusgen import contentwalk, loader
from rusgen.build import BuildOptions
from rusgen.errors import Problems
from rusgen.livesite import LiveSite
from rusgen.preview import SiteRebuilder
from rusgen.server import Snapshot, SourceFile
from tests.conftest import BUILD_EPOCH, SITES


def _served(snapshot: Snapshot) -> dict[str, str]:
    """Every page of a rebuild as the preview serves it, by path."""
    assert snapshot.files is not None, snapshot.problems
    site = LiveSite(snapshot.files, snapshot.later)
    while site.step():
        pass
    return {
        path: value.decode("utf-8") for path, value in site.files().items()
        if path.endswith(".html") and not isinstance(value, SourceFile)
    }


def _page(snapshot: Snapshot, path: str) -> str:
    return _served(snapshot)[path]


@pytest.fixture
def project(tmp_path: Path, monkeypatch) -> Path:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    shutil.copytree(SITES / "minimal", tmp_path / "site")
    return tmp_path / "site"


def test_edits_new_and_deleted_files_and_a_file_touched_back_are_all_seen(project: Path, monkeypatch) -> None:
    # Keep what was read at once, however fresh the file: only the stamp decides here.
    monkeypatch.setattr(loader, "RACY_NS", 0)
    region = project / "content/alpha"
    about = region / "om.md"
    rebuild = SiteRebuilder(BuildOptions(source=project, preview=True))
    text = about.read_text(encoding="utf-8")
    assert "Bergslagsmeningen" not in _page(rebuild(), "alpha/om/index.html")

    about.write_text(text + "\nBergslagsmeningen.\n", encoding="utf-8")
    assert "Bergslagsmeningen" in _page(rebuild(), "alpha/om/index.html")

    (region / "ny.md").write_text("---\ntitle: Alldeles ny\n---\n\nFjällmeningen.\n", encoding="utf-8")
    assert "Fjällmeningen" in _page(rebuild(), "alpha/ny/index.html")

    (region / "ny.md").unlink()
    assert "alpha/ny/index.html" not in _served(rebuild())

    # The same size, and its modification time set back to what it was: only the change
    # time (which no program can set back) tells.
    before = about.stat()
    about.write_text(text + "\nBergslagsmeningeN.\n", encoding="utf-8")
    os.utime(about, ns=(before.st_atime_ns, before.st_mtime_ns))
    after = about.stat()
    assert (after.st_size, after.st_mtime_ns) == (before.st_size, before.st_mtime_ns)
    assert "Bergslagsmeningen" not in (page := _page(rebuild(), "alpha/om/index.html"))
    assert "BergslagsmeningeN" in page


def test_a_file_changed_twice_within_one_tick_of_a_coarse_clock_is_seen(project: Path, monkeypatch) -> None:
    """Git's racy-clean rule: on a file system that keeps times to 2 s (FAT), a file
    rewritten at the same size within those 2 s keeps its whole stamp; what was read that
    soon after a change is used again only while the file holds the same bytes."""
    def coarse(info: os.stat_result) -> tuple[int, int, int, int]:
        tick = 2_000_000_000
        return (info.st_size, info.st_mtime_ns // tick * tick, info.st_ctime_ns // tick * tick, info.st_ino)

    monkeypatch.setattr(contentwalk, "stamp_of", coarse)
    about = project / "content/alpha/om.md"
    text = about.read_text(encoding="utf-8")
    cache: dict = {}

    def body() -> str:
        raw = loader.load_project(project, Problems("sv"), (), cache)
        return next(page.body for page in raw.regions[0].pages if page.rel == "om.md")

    about.write_text(text + "\nAlfaord.\n", encoding="utf-8")
    assert "Alfaord." in body()
    about.write_text(text + "\nBetaord.\n", encoding="utf-8")
    assert "Betaord." in body()
    assert "Betaord." in body()  # unchanged since: taken from what was kept
