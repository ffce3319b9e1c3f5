"""The cache can only speed a build up: whatever is in .rusgen-cache, the output is a cold build's."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import copy_site, once_per_run, output_lines, run_rusgen

CACHE = ".rusgen-cache"


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def build(site: Path, output: Path) -> list[str]:
    result = run_rusgen("build", "--source", str(site), "--output", str(output))
    assert result.exit_code == 0, result.output
    return output_lines(result)


def build_cold(folder: Path) -> None:
    build(copy_site("minimal", folder / "site"), folder / "public")


@pytest.fixture
def cold(
    site_copy, tmp_path: Path, tmp_path_factory: pytest.TempPathFactory
) -> tuple[Path, dict[str, bytes]]:
    """Return the minimal site, built once, and the tree a build without any cache makes
    (the same for every test: made once per run)."""
    site = site_copy("minimal")
    build(site, tmp_path / "public")
    return site, tree(once_per_run(tmp_path_factory, "minimal-cold", build_cold) / "public")


def manifests(site: Path) -> list[Path]:
    return sorted((site / CACHE / "store").glob("*.json"))


def blobs(site: Path) -> list[Path]:
    return sorted((site / CACHE / "store" / "blobs").glob("*/*"))


def test_manifests_nested_past_the_stack_are_ignored(cold, tmp_path: Path) -> None:
    site, expected = cold
    nested = "[" * 200_000 + "]" * 200_000
    found = manifests(site)
    assert {p.stem for p in found} >= {"build", "markdown", "pages", "search"}
    for path in found:
        path.write_text(nested)
    shutil.rmtree(tmp_path / "public")

    build(site, tmp_path / "public")
    assert tree(tmp_path / "public") == expected
    build(site, tmp_path / "public")  # the store it wrote instead is read again
    assert tree(tmp_path / "public") == expected


def test_a_plain_file_named_like_the_cache_is_replaced(cold, tmp_path: Path) -> None:
    site, expected = cold
    shutil.rmtree(site / CACHE)
    (site / CACHE).write_text("ingen cache\n")

    build(site, tmp_path / "public")
    assert tree(tmp_path / "public") == expected
    assert (site / CACHE / "store" / "build.json").is_file()


def test_blobs_changed_after_they_were_written_are_never_published(cold, tmp_path: Path) -> None:
    site, expected = cold
    assert len(blobs(site)) > 3  # page bodies and the search index
    for path in blobs(site):
        path.write_bytes(b"<p>Fel text ur cachen</p>")
    shutil.rmtree(tmp_path / "public")  # else the pages are read back from the output as it is

    build(site, tmp_path / "public")
    assert tree(tmp_path / "public") == expected


def test_a_manifest_changed_after_it_was_written_is_never_used(cold, tmp_path: Path) -> None:
    site, expected = cold
    markdown = site / CACHE / "store" / "markdown.json"
    head, body = markdown.read_text("utf-8").split("\n", 1)
    # Another page's body for every page: well-formed, but not what was written.
    entries = json.loads(body)
    first = next(iter(entries.values()))
    markdown.write_text(head + "\n" + json.dumps({name: first for name in entries}), "utf-8")
    (site / CACHE / "store" / "build.json").unlink()
    shutil.rmtree(tmp_path / "public")

    build(site, tmp_path / "public")
    assert tree(tmp_path / "public") == expected


def test_a_cache_write_a_killed_build_left_half_done_is_removed(cold, tmp_path: Path) -> None:
    site, expected = cold
    unfinished = blobs(site)[0].parent / ".tmp-k1ll3d"
    unfinished.write_text("half a page")
    (site / CACHE / "store" / "build.json").unlink()  # so the build renders and saves

    build(site, tmp_path / "public")
    assert tree(tmp_path / "public") == expected
    assert not unfinished.exists()
