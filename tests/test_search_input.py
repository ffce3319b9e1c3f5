"""Pagefind reads each page cut down to what it indexes (outputs/pagefind_page.py): the
index it makes must be the one it makes of the whole pages, byte for byte, on the real
content, so that every search finds the same pages with the same titles and excerpts."""

from __future__ import annotations

import filecmp
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

from rusgen.outputs.pagefind_page import pagefind_page
from rusgen.outputs.search import ENTRY_FILE, INDEX_FOLDER, SOFT_HYPHEN, _stable_entry, pagefind_binary


def _index(pages: dict[str, bytes], cut: Callable[[bytes], bytes], site: Path) -> Path:
    """Write the pages through `cut` below `site`, in one fixed order, index them with the
    real Pagefind and return the index folder."""
    for rel, data in pages.items():
        target = site / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(cut(data.replace(SOFT_HYPHEN, b"")))
    subprocess.run([str(pagefind_binary()), "--site", str(site), "--output-subdir",
                    INDEX_FOLDER.rstrip("/"), "--silent"], check=True)
    return site / INDEX_FOLDER


def _differences(whole: Path, cut: Path) -> list[str]:
    """Return the index files that differ or exist on one side only. The entry file is
    compared as the build publishes it: Pagefind writes its languages in hash-map order,
    which differs from run to run, and the build sorts them."""
    found: list[str] = []
    compared = [filecmp.dircmp(whole, cut)]
    while compared:
        folder = compared.pop()
        differing = [name for name in folder.diff_files if name != ENTRY_FILE or
                     _stable_entry(Path(folder.left, name).read_bytes())
                     != _stable_entry(Path(folder.right, name).read_bytes())]
        found += [f"{folder.left}/{name}" for name in
                  differing + folder.left_only + folder.right_only + folder.funny_files]
        compared += folder.subdirs.values()
    return found


def test_pagefind_makes_the_same_index_of_the_cut_pages(built_site: Path, tmp_path: Path) -> None:
    regions = sorted(index.parent for index in built_site.glob(f"*/{INDEX_FOLDER}"))
    assert len(regions) == 4
    for region in regions:
        pages = {
            path.relative_to(region).as_posix(): path.read_bytes()
            for path in sorted(region.rglob("*.html")) if (region / INDEX_FOLDER) not in path.parents
        }
        cut = {rel: pagefind_page(data) for rel, data in pages.items()}
        # The cut must have cut something, or the comparison below proves nothing.
        assert sum(map(len, cut.values())) < 0.9 * sum(map(len, pages.values())), region.name
        whole_index = _index(pages, lambda data: data, tmp_path / region.name / "whole")
        cut_index = _index(pages, pagefind_page, tmp_path / region.name / "cut")
        assert _differences(whole_index, cut_index) == [], region.name


@pytest.mark.parametrize("page", [
    b"<!DOCTYPE html><html lang=sv><head><title>T</title></head><body><p>no marked element</p></body></html>",
    b"<html lang=sv><head><meta data-pagefind-meta='kind:x'></head>"
    b"<body><main data-pagefind-body>x</main></body></html>",
    b"<html lang=sv><body><main data-pagefind-body>x</main><p data-pagefind-filter=y>z</p></body></html>",
    b"<html lang=sv><body><main data-pagefind-body>x</main><div data-pagefind-body>y</div></body></html>",
    b"<html lang=sv><body><main data-pagefind-body>never ends</body></html>",
    b"<html lang=sv><body><main data-pagefind-body><!-- </main> -->text</main></body></html>",
    b"<html lang=sv><body><main data-pagefind-body><SCRIPT>'</main>'</SCRIPT>text</main></body></html>",
])
def test_a_page_that_cannot_be_cut_exactly_is_handed_whole(page: bytes) -> None:
    assert pagefind_page(page) == page


def test_nested_elements_of_the_same_name_stay_inside_the_cut() -> None:
    page = (b"<!DOCTYPE html><html lang=en><head><title>T</title><link rel=stylesheet href=s.css>"
            b"</head><body><header>menu</header><div data-pagefind-body><div>a</div>b</div>"
            b"<footer>f</footer></body></html>")
    assert pagefind_page(page) == (b"<!DOCTYPE html><html lang=en><head><title>T</title></head>"
                                   b"<body><div data-pagefind-body><div>a</div>b</div></body></html>")
