"""Pagefind in the background: runs overlap, at most a core's worth at once, and a failed
build, by Pagefind or by a later region's theme, leaves no process and no folder behind.

A stand-in Pagefind (a small Python script) notes when it starts and ends in a log; the
tests assert the order of those events, never how long anything took.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import copy_site, output_lines, run_rusgen

import rusgen.parallel
from rusgen.build import BuildOptions, render_site
from rusgen.outputs import search
from rusgen.store import CACHE_DIR, Store

REAL_PAGEFIND = search.pagefind_binary()

# Notes "start <site>", waits until another run has started too (or PATIENCE seconds
# have passed), runs the real Pagefind and notes "end <site>".
SOCIABLE = """
def starts():
    return open(LOG, encoding="utf-8").read().count("start ")

note("start")
deadline = time.monotonic() + PATIENCE
while starts() < 2 and time.monotonic() < deadline:
    time.sleep(0.01)
code = subprocess.call([REAL, *sys.argv[1:]])
note("end")
sys.exit(code)
"""


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Return a copy of the two-region sample site; temporary folders go to tmp_path/tmp."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    return copy_site("full", tmp_path / "site")


@pytest.fixture
def fake_pagefind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Return install(body, patience) -> the log: a stand-in Pagefind running `body`."""

    def install(body: str, patience: float = 0) -> Path:
        log, script = tmp_path / "pagefind.log", tmp_path / "pagefind"
        log.write_text("", encoding="utf-8")
        script.write_text(
            f"#!{sys.executable}\nimport subprocess, sys, time\n"
            f"LOG, REAL, PATIENCE = {str(log)!r}, {str(REAL_PAGEFIND)!r}, {patience}\n"
            "SITE = sys.argv[sys.argv.index('--site') + 1]\n"
            "def note(event):\n"
            "    with open(LOG, 'a', encoding='utf-8') as file:\n"
            "        file.write(f'{event} {SITE}\\n')\n" + body,
            encoding="utf-8",
        )
        script.chmod(script.stat().st_mode | stat.S_IXUSR)
        monkeypatch.setattr(search, "pagefind_binary", lambda: script)
        return log

    return install


@pytest.fixture
def started(monkeypatch: pytest.MonkeyPatch) -> list[search.PendingIndex]:
    """Record every Pagefind run the build starts."""
    runs: list[search.PendingIndex] = []
    start = search.PendingIndex.start

    def recorded(region, pages, scratch=None) -> search.PendingIndex:
        runs.append(start(region, pages, scratch))
        return runs[-1]

    monkeypatch.setattr(search.PendingIndex, "start", recorded)
    return runs


def events(log: Path, runs: list[search.PendingIndex]) -> list[str]:
    """Return the log as "start sodra", "end sodra", ...: each run's site named by region."""
    region_of = {str(run.folder / search.SITE_FOLDER): run.region_id for run in runs}
    lines = log.read_text(encoding="utf-8").splitlines()
    return [f"{event} {region_of[site]}" for event, site in (line.split(" ", 1) for line in lines)]


def build(source: Path, output: Path):
    return run_rusgen("build", "--source", str(source), "--output", str(output))


def search_folders() -> list[str]:
    return [p.name for p in Path(tempfile.gettempdir()).glob("rusgen-search-*")]


def test_the_next_region_is_indexed_while_the_first_still_is(
    site: Path, tmp_path: Path, fake_pagefind, started, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rusgen.parallel, "workers", lambda: 2)
    # Each run waits for the other: run one after the other, the first would wait in vain.
    log = fake_pagefind(SOCIABLE, patience=60)
    result = build(site, tmp_path / "out")
    assert result.exit_code == 0, result.output
    order = events(log, started)
    assert [run.region_id for run in started] == ["sodra", "vast"]
    assert order.index("start vast") < order.index("end sodra"), order
    assert (tmp_path / "out" / "vast" / "pagefind" / "pagefind-entry.json").is_file()
    assert search_folders() == []


def test_no_more_runs_than_workers_at_once(
    site: Path, tmp_path: Path, fake_pagefind, started, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rusgen.parallel, "workers", lambda: 1)
    # A run waits a second for company, which must not come while it runs.
    log = fake_pagefind(SOCIABLE, patience=1)
    result = build(site, tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert events(log, started) == ["start sodra", "end sodra", "start vast", "end vast"]


def test_a_failed_pagefind_names_its_region(site: Path, tmp_path: Path, fake_pagefind) -> None:
    fake_pagefind("sys.stderr.write('Error: kan inte läsa sidorna\\n')\nsys.exit(1)\n")
    result = build(site, tmp_path / "out")
    assert result.exit_code == 1
    assert output_lines(result) == [
        "fel: sodra: sökindexet kunde inte byggas (Pagefind svarade: Error: kan inte läsa sidorna)"
    ]
    assert not (tmp_path / "out").exists()
    assert search_folders() == []


def test_a_theme_error_in_a_later_region_stops_the_running_pagefind(
    site: Path, tmp_path: Path, fake_pagefind, started, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(rusgen.parallel, "workers", lambda: 2)
    fake_pagefind("time.sleep(120)\n")
    broken = site / "themes" / "trasig"
    (broken / "templates").mkdir(parents=True)
    (broken / "theme.yaml").write_text("extends: default\n", encoding="utf-8")
    (broken / "templates" / "home.html").write_text("{{ stavfel }}\n", encoding="utf-8")
    region = site / "content" / "vast" / "region.yaml"
    region.write_text(region.read_text(encoding="utf-8") + "theme: trasig\n", encoding="utf-8")

    result = build(site, tmp_path / "out")

    assert result.exit_code == 1
    assert "stavfel" in result.output
    assert [run.region_id for run in started] == ["sodra"]
    run = started[0]
    assert run.process.returncode == -9  # killed while it ran, and waited for
    assert not Path(f"/proc/{run.process.pid}").exists()
    assert search_folders() == []


def test_a_stored_index_starts_no_pagefind(site: Path, tmp_path: Path, started) -> None:
    assert build(site, tmp_path / "out").exit_code == 0
    assert [run.region_id for run in started] == ["sodra", "vast"]
    assert len(Store(site / CACHE_DIR).keys("search")) == 2  # one index a region

    (site / CACHE_DIR / "store" / "build.json").unlink()  # so the next build renders again
    started.clear()
    result = build(site, tmp_path / "out")

    assert result.exit_code == 0, result.output
    assert started == []
    assert " (skrivna filer: 0, " in output_lines(result)[-1]  # the stored indexes are exact


def test_the_preview_makes_no_search_index(site: Path, started) -> None:
    result = render_site(BuildOptions(source=site, preview=True))
    assert started == []
    paths = [o.path for o in result.outputs]
    assert not [p for p in paths if "/pagefind/" in p or p.endswith("/search-index.js")]


def test_check_makes_no_search_index(site: Path, started) -> None:
    # No check reads the index; Pagefind would cost `rusgen check` seconds a region.
    result = run_rusgen("check", "--source", str(site))
    assert result.exit_code == 0, result.output
    assert started == []
    assert not search_folders()


def test_pagefinds_folders_can_go_beside_the_output_and_a_dead_builds_are_removed(
    site: Path, tmp_path: Path
) -> None:
    """A build on tmpfs keeps its temporary pages there too, not on a disk-backed /tmp."""
    from rusgen.swap import remove_leftovers, scratch

    output = tmp_path / "public"
    options = BuildOptions(source=site, output=output)
    with search.PendingIndexes(lambda: 1, scratch(output)) as indexes:
        region = render_site(options).site.regions[0]
        run = indexes.start(region, [])
        assert run.folder.parent == tmp_path
        assert run.folder.name.startswith(f".public.rusgen-new-{os.getpid()}-")
        run.wait()
    assert not run.folder.exists()
    assert search_folders() == []
    # What a killed build left beside the output: the next build removes it.
    left = tmp_path / ".public.rusgen-new-999999999-abc"
    (left / "site").mkdir(parents=True)
    remove_leftovers(output)
    assert not left.exists()


def test_an_output_below_folders_not_yet_made_builds_with_its_search(site: Path, tmp_path: Path) -> None:
    # Pagefind's folders go beside the output: its parent must exist before they are made.
    output = tmp_path / "deploy" / "2026" / "public"
    result = run_rusgen("build", "--source", str(site), "--output", str(output))
    assert result.exit_code == 0, result.output
    assert sorted(output.glob("*/pagefind/pagefind-entry.json"))
    assert [p.name for p in output.parent.iterdir()] == ["public"]
