"""The cache can only speed a build up: whatever is in .rusgen-cache, the output is a cold build's."""

from __future__ import annotations

import base64
import json
import shutil
from pathlib import Path

import pytest
from conftest import output_lines, run_rusgen

CACHE = ".rusgen-cache"


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def build(site: Path, output: Path) -> list[str]:
    result = run_rusgen("build", "--source", str(site), "--output", str(output))
    assert result.exit_code == 0, result.output
    return output_lines(result)


@pytest.fixture
def cold(site_copy, tmp_path: Path) -> tuple[Path, dict[str, bytes]]:
    """Return the minimal site, built once, and the tree a build without any cache makes."""
    site = site_copy("minimal")
    elsewhere = tmp_path / "cold-site"
    shutil.copytree(site, elsewhere)
    build(elsewhere, tmp_path / "cold")
    build(site, tmp_path / "public")
    return site, tree(tmp_path / "cold")


def cache_files(site: Path, kind: str) -> list[Path]:
    return sorted((site / CACHE / kind).rglob("*.json"))


def test_cache_files_nested_past_the_stack_are_ignored(cold, tmp_path: Path) -> None:
    site, expected = cold
    nested = "[" * 200_000 + "]" * 200_000
    cache_files_found = [site / CACHE / "build.json", *cache_files(site, "markdown"),
                         *cache_files(site, "calendars"), *cache_files(site, "search")]
    assert len(cache_files_found) > 3
    for path in cache_files_found:
        path.write_text(nested)
    shutil.rmtree(tmp_path / "public")

    build(site, tmp_path / "public")
    assert tree(tmp_path / "public") == expected
    build(site, tmp_path / "public")  # the cache it wrote instead is read again
    assert tree(tmp_path / "public") == expected


def test_a_plain_file_named_like_the_cache_is_replaced(cold, tmp_path: Path) -> None:
    site, expected = cold
    shutil.rmtree(site / CACHE)
    (site / CACHE).write_text("ingen cache\n")

    build(site, tmp_path / "public")
    assert tree(tmp_path / "public") == expected
    assert (site / CACHE / "build.json").is_file()


def test_entries_changed_after_they_were_written_are_never_published(cold, tmp_path: Path) -> None:
    site, expected = cold
    for path in cache_files(site, "markdown"):
        data = json.loads(path.read_text())
        for entry in data["entries"].values():
            entry["html"] = "<p>Fel text ur cachen</p>"
        path.write_text(json.dumps(data))
    for path in cache_files(site, "calendars") + cache_files(site, "search"):
        data = json.loads(path.read_text())
        data["files"] = {name: base64.b64encode(b"fel") .decode() for name in data["files"]}
        path.write_text(json.dumps(data))
    shutil.rmtree(tmp_path / "public")  # else the pages are read back from the output as it is

    build(site, tmp_path / "public")
    assert tree(tmp_path / "public") == expected


def test_a_cache_write_a_killed_build_left_half_done_is_removed(cold, tmp_path: Path) -> None:
    site, expected = cold
    unfinished = site / CACHE / "markdown" / ".tmp-k1ll3d"
    unfinished.write_text('{"format": 2, "entries": {"0a')

    build(site, tmp_path / "public")
    assert tree(tmp_path / "public") == expected
    assert not unfinished.exists()
