"""The kinds a build keeps in its one store (store.py), opened together.

`Stores` knows no renderer: the build hands each kind what to keep, and saves the store
once the output is written (`save`), so a failed build leaves it as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rusgen.cache import BuildRecord, DocumentStore, MarkdownStore, OutputStore
from rusgen.store import CACHE_DIR, Store


@dataclass
class Stores:
    """The kinds of one project's store, in <source>/.rusgen-cache/store/."""

    store: Store
    markdown: MarkdownStore
    search: OutputStore  # a region's Pagefind index and search-index.js
    record: BuildRecord
    images: OutputStore  # resized photos, by image (outputs/images.py)
    documents: DocumentStore
    calendars: OutputStore  # a region's .ics files (outputs/calendar.py's input_key)

    @classmethod
    def open(cls, source: Path) -> Stores:
        store = Store(source / CACHE_DIR)
        return cls(
            store, MarkdownStore(store), OutputStore(store, "search"), BuildRecord(store),
            OutputStore(store, "images"), DocumentStore(store), OutputStore(store, "calendars"),
        )

    def keep_every_region(self) -> None:
        """A build of some regions keeps what the store holds of the others: their files
        stay in the output, and a later full build wants their entries."""
        self.store.keep_unused.update(("markdown", "search", "images", "pages", "documents", "calendars"))
