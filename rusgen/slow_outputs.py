"""A region's search index: from the store when made from the same pages, else started.

Pagefind takes seconds a region, so its index is made in the background while the next
region renders (`start_search_index`), and kept in the store by a key of what it reads:
the Pagefind binary and every HTML page of the region.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable

from rusgen import parallel
from rusgen.cache import OutputStore
from rusgen.errors import RusgenError
from rusgen.model import Output, Region
from rusgen.outputs import disk_search, search
from rusgen.store import key


def start_search_index(
    region: Region, pages: list[Output], store: OutputStore | None, indexes: search.PendingIndexes
) -> tuple[Callable[[], list[Output]], search.PendingIndex | None]:
    """Start the region's search index; return the function that collects it, and the
    Pagefind run when one was started.

    Pagefind writes the same bytes for the same pages (outputs/search.py), so a stored
    index of identical input is exact and starts nothing; a new one is handed to the
    store when collected (its files still in Pagefind's folder: the store reads them
    when it is saved, before the folder is removed).
    """
    input_key = search_key(pages) if store else ""
    stored = store.get(region.id, input_key) if store else None
    if stored is not None:
        return (lambda: stored), None
    pagefind = indexes.start(region, pages)
    pagefind.beside = list(disk_search.render(region.output_folder, pages))

    def collect() -> list[Output]:
        index = pagefind.result(in_folder=store is not None) + pagefind.beside
        if store is not None:
            store.put(region.id, input_key, index)
        return index

    return collect, pagefind


def search_key(pages: list[Output]) -> str:
    """Hash what a region's search index is made from: Pagefind and the HTML pages."""
    digests = [
        f"{page.path}\0{page.digest or hashlib.sha256(page.data).hexdigest()}" for page in pages
        if page.is_rendered_page()
    ]
    return key(pagefind_identity(), *digests)


def pending_indexes() -> search.PendingIndexes:
    """The build's Pagefind runs: at most one a core at once."""
    return search.PendingIndexes(parallel.workers)


def pagefind_identity() -> str:
    """Name the Pagefind binary by path, size and time: another version makes another index."""
    try:
        stat = search.pagefind_binary().stat()
    except (RusgenError, OSError):
        return "no pagefind"
    return f"{search.pagefind_binary()} {stat.st_size} {stat.st_mtime_ns}"
