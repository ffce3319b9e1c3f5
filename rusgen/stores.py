"""The persistent caches of a build, and the outputs made for a whole region at once.

`Stores` holds what a build keeps in <source>/.rusgen-cache/ (cache.py) and the build's
Pagefind runs. A region's search index and calendars each come from their store when
they are made from the same input (`stored_or_made`), else they are made: the calendars
at once, the search index in the background (`start_search_index`).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from rusgen.cache import CACHE_DIR, BuildRecord, DocumentStore, MarkdownStore, OutputStore
from rusgen.errors import RusgenError
from rusgen.keys import hash_text
from rusgen.model import Output, Region
from rusgen.outputs import disk_search, search

if TYPE_CHECKING:
    from rusgen.outputs.page_cache import LastPages
    from rusgen.outputs.region_view import RegionView


@dataclass
class Stores:
    """The persistent caches of one build, in <source>/.rusgen-cache/.

    Use it as a context manager around rendering and writing: the pages a build renders
    wait in Pagefind's temporary folders until written, and leaving removes them.
    """

    markdown: MarkdownStore
    search: OutputStore
    calendars: OutputStore
    record: BuildRecord
    images: OutputStore  # resized photos, by image (outputs/images.py)
    documents: DocumentStore
    # The build's Pagefind runs; their folders hold the pages until they are written.
    indexes: search.PendingIndexes = field(
        default_factory=lambda: search.PendingIndexes(_workers)
    )
    last_pages: LastPages | None = None  # set once the Site is known
    pages: dict = field(default_factory=dict)  # the page keys of this build, for the next

    def __enter__(self) -> Stores:
        return self

    def __exit__(self, *exc_info: object) -> None:
        """Stop Pagefind where it still runs and remove its folders (and the pages there)."""
        self.indexes.__exit__(*exc_info)

    @classmethod
    def open(cls, source: Path) -> Stores:
        folder = source / CACHE_DIR
        return cls(
            MarkdownStore(folder), OutputStore(folder, "search"), OutputStore(folder, "calendars"),
            BuildRecord(folder), OutputStore(folder, "images"), DocumentStore(folder),
        )


def calendars(
    view: RegionView, strings: dict[str, dict[str, str]], stores: Stores | None
) -> list[Output]:
    """Return the region's calendars, from the cache when made from the same input.

    icalendar takes about a second to write 400 events; describing what they are made
    from takes milliseconds, and most rebuilds change no event.
    """
    from rusgen.outputs import calendar

    return stored_or_made(
        stores.calendars if stores else None, view.region.id,
        lambda: hash_text(calendar.render_input(view, strings)),
        lambda: calendar.render(view, strings),
    )


def start_search_index(
    region: Region, pages: list[Output], stores: Stores | None, indexes: search.PendingIndexes
) -> tuple[Callable[[], list[Output]], search.PendingIndex | None]:
    """Start the region's search index; return the function that collects it, and the
    Pagefind run when one was started.

    Pagefind writes the same bytes for the same pages (outputs/search.py), so a stored
    index of identical input is exact and starts nothing; a new one takes seconds, so
    Pagefind makes it in the background, and it is stored when collected.
    """
    key = search_key(region, pages) if stores else ""
    stored = stores.search.get(region.id, key) if stores else None
    if stored is not None:
        return (lambda: stored), None
    pagefind = indexes.start(region, pages)
    from_disk = list(disk_search.render(region.output_folder, pages))

    def collect() -> list[Output]:
        index = pagefind.result(in_folder=stores is not None) + from_disk
        if stores is not None:
            stores.search.put(region.id, key, index)
        return index

    return collect, pagefind


def search_key(region: Region, pages: list[Output]) -> str:
    """Hash what a region's search index is made from: Pagefind and the HTML pages."""
    digests = [
        f"{page.path}\0{page.digest or hashlib.sha256(page.data).hexdigest()}" for page in pages
        if page.is_rendered_page()
    ]
    return hash_text(pagefind_identity(), region.id, *digests)


def stored_or_made(
    store: OutputStore | None,
    region_id: str,
    input_key: Callable[[], str],
    make: Callable[[], Iterable[Output]],
) -> list[Output]:
    """Return a region's outputs of one kind from `store` when their input is the same,
    else make them and keep them there for the next build.

    `input_key` must hash everything the outputs are made from (the store file is
    stamped with rusgen's code already); it is only worked out when there is a store.
    """
    if store is None:
        return list(make())
    key = input_key()
    stored = store.get(region_id, key)
    if stored is not None:
        return stored
    made = list(make())
    store.put(region_id, key, made)
    return made


def _workers() -> int:
    """Return how many Pagefind runs a build may have at once: one per core."""
    from rusgen import parallel

    return parallel.workers()


def pagefind_identity() -> str:
    """Name the Pagefind binary by path, size and time: another version makes another index."""
    try:
        stat = search.pagefind_binary().stat()
    except (RusgenError, OSError):
        return "no pagefind"
    return f"{search.pagefind_binary()} {stat.st_size} {stat.st_mtime_ns}"


def pages_to_keep(stores: Stores, built: tuple[str, ...]) -> dict:
    """Return the page keys to record: this build's, and, when it built only some regions
    (the output folders `built`, "vg/"), the last build's of the others (their files stay,
    and are checked before reuse)."""
    if not built:
        return stores.pages
    kept = {path: entry for path, entry in (stores.last_pages.entries if stores.last_pages else {}).items()
            if not path.startswith(built)}
    return {**kept, **stores.pages}
