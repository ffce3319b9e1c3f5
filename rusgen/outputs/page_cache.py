"""Reuse a page the last build wrote when nothing it read has changed.

After one edit, most of a large site's pages are what they were: rendering all of their
templates again is most of a rebuild's time. A page's key has two parts:

- what it is made from whatever it reads: which page it is (its address, template,
  language, the pages it lists by their front matter), its own Markdown rendered
  (`content`), the region's UI strings and asset names, and the build's clock as the
  day and which events have ended (as build.build_settings sees it), or the time itself
  when a template reads it; this is the store's key;
- what its templates read while it rendered (outputs/page_reads.py): other pages, fields
  of the region and the site, template files, names of the context, each with its digest;
  kept in the store's entry, and asked again by the next build before the page is reused.

A template that reads a page's text itself (`page.body`) or prints a page whole is noticed
(render.ThemeEnvironment, `printing_pages_noted`), and its page is not cached.

The pages are not stored twice: the store's "pages" kind keeps each page's key, its
reads and the hash of the bytes written (no blob), and a page whose key and reads match
is read back from the output folder, when the file there still has those bytes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from rusgen.model import Output, Page, Site
from rusgen.outputs.page_reads import Reads, SiteReads, Unrecordable
from rusgen.outputs.region_view import View
from rusgen.store import Kept, Store, blob_name, key

KIND = "pages"


def site_digest(site: Site) -> str:
    """Hash what every page shares of the site whatever it reads: the clock, as the day
    and which events have ended or are to come. A template that reads the time itself
    (`now`, `site.build_time`) records it (page_reads): its page alone is made every build.
    The rest of the site enters a page's key as what its templates read."""
    ended = sorted(
        f"{region.id}/{page.source}"
        for region in site.regions for page in region.pages
        if page.event is not None and page.event.ends < site.build_time
    )
    # A build with --drafts shows pages still to be published with a band until then.
    ended += sorted(
        f"{region.id}/{page.source}:coming"
        for region in site.regions for page in region.pages
        if page.not_yet_published(site.build_time)
    )
    return key(site.build_time.date().isoformat(), repr(ended), repr(site.drafts))


class NotesPageText(Protocol):
    read_page_text: bool  # render.ThemeEnvironment's: set when a template read page text


@contextmanager
def printing_pages_noted(env: NotesPageText) -> Iterator[None]:
    """While one page renders, note a template that prints a page whole: `{{ page }}`,
    `{{ region }}`, a list of pages, `page|string`. What is printed then holds the page's
    text, which the key leaves out; the page is rendered every build, as one whose template
    reads `page.body` (render.ThemeEnvironment notes that).

    Printing an object that has no str of its own goes through its repr, so Page's repr
    is watched for the time of the render. The build renders one page at a time in a
    process (workers are forked); the preview, which renders in threads, keeps no page
    cache and never watches.
    """
    original = Page.__repr__

    def noted(page: Page) -> str:
        env.read_page_text = True
        return original(page)

    Page.__repr__ = noted  # type: ignore[method-assign,assignment]
    try:
        yield
    finally:
        Page.__repr__ = original  # type: ignore[method-assign]


def view_identity(view: View, page_digest: Callable[[Page], str]) -> str:
    """Describe which page a view is, with the pages it shows by their front matter.

    A list shows its pages in an order their fields decide, and filters read fields of
    them in Python, where nothing is recorded: a list is made anew when one of them changes.
    """
    def named(pages: tuple[Page, ...]) -> tuple[str, ...]:
        return tuple(f"{page.source}:{page.lang}:{page_digest(page)}" for page in pages)

    return repr((
        view.template, view.url, view.lang, view.title,
        named((view.page,)) if view.page else (), named(view.items), named(view.upcoming),
        named(view.past), view.taxonomy, view.term, view.terms, view.key,
    ))


READS_KIND = "page-reads"  # the sets of inputs pages read: set name -> the inputs
Tokens = tuple[str, ...]  # the inputs a page read (page_reads), sorted
PageReads = tuple[Tokens, str]  # those inputs, and the hash of their digests
NotedPage = tuple[str, str, PageReads]  # the page's key, its bytes' sha256, what it read


@dataclass(frozen=True)
class LastPages:
    """What a build needs to take pages from the last one's output, for every region."""

    store: Store
    output: Path  # where this build writes, and the pages are read back from
    site_digest: str  # what every page shares of the site: the clock (site_digest)

    def for_region(self, site: Site, region_id: str, theme_folders: tuple[Path, ...],
                   strings: Any, assets: Any) -> PageCache:
        """Return the page cache of one region, rendered with this theme, strings and assets."""
        digest = key(self.site_digest, region_id, repr(strings), repr(assets))
        return PageCache(self.store, self.output, digest, SiteReads(site, theme_folders))


class PageCache:
    """The pages of one region that a build can take from the last one's output."""

    def __init__(self, store: Store, output: Path, region_digest: str, reads: SiteReads) -> None:
        self.store = store
        self.previous = store.has_entries(KIND)  # whether reading back may find any
        self.output = output
        self.region_digest = region_digest  # the clock, strings and assets
        self.reads = reads  # what the inputs a page can read are in this build
        # What this build made or took, for the next one: path -> (key, sha256 of the
        # bytes, what the page read). Workers send theirs back; the build hands them to
        # the store (`keep`).
        self.noted: dict[str, NotedPage] = {}
        # Many pages read the same inputs (a plain page: the menu, the region's name,
        # the same templates): each set is held once, and stored once (READS_KIND).
        self._sets: dict[Tokens, Tokens] = {}
        self._stored_sets: dict[str, Tokens | None] = {}

    def key(self, view: View, content: str) -> str:
        return key(self.region_digest, view_identity(view, self.reads.page_digest), content)

    def start(self, view: View) -> Reads:
        """Return a record of what one page reads, to hand the theme environment; the
        pages its key names by their front matter need no record."""
        return Reads(self.reads.page_tokens, listed(view))

    def recorded(self, reads: Reads, context: Mapping[str, Any]) -> PageReads:
        """Return what a page just rendered read: the inputs, and the hash of their digests now."""
        tokens = reads.tokens_read(context)
        try:
            combined = self.reads.combined(tokens, lambda: context)
        except Unrecordable:  # a value of the context of a kind that cannot be hashed
            tokens = reads.coarse()
            combined = self.reads.combined(tokens, lambda: context)
        return self.interned(tokens), combined

    def interned(self, tokens: Tokens) -> Tokens:
        return self._sets.setdefault(tokens, tokens)

    def take(self, pages: dict[str, NotedPage]) -> None:
        """Take what a worker noted, holding each set of inputs once."""
        for path, (page_key, digest, (tokens, combined)) in pages.items():
            self.noted[path] = (page_key, digest, (self.interned(tokens), combined))

    def reuse(self, path: str, page_key: str, context: Callable[[], Mapping[str, Any]]) -> Output | None:
        """Return the page written last time under this key, if nothing it read has
        changed and it is still on disk as written. `context` gives the page's context."""
        entry = self.store.entry(KIND, page_key)
        if entry is None or len(entry.outputs) != 1 or entry.outputs[0][0] != path:
            return None
        read = entry.read
        if not (isinstance(read, list) and len(read) == 2 and all(isinstance(r, str) for r in read)):
            return None  # an entry of another shape
        tokens = self._stored_set(read[0])
        if tokens is None:
            return None
        try:
            combined = self.reads.combined(tokens, context)
        except (Unrecordable, ValueError, TypeError, KeyError, AttributeError):
            return None  # an input no longer known
        if combined != read[1]:
            return None
        digest = entry.outputs[0][1]
        try:
            data = (self.output / path).read_bytes()
        except OSError:
            return None
        if blob_name(data) != digest:
            return None
        self.noted[path] = (page_key, digest, (tokens, combined))
        return Output(path, data, digest=digest)

    def _stored_set(self, set_name: str) -> Tokens | None:
        """Return a set of inputs the last build kept, by its name (once per build)."""
        if set_name not in self._stored_sets:
            entry = self.store.entry(READS_KIND, set_name)
            found = entry.read if entry is not None else None
            valid = isinstance(found, list) and all(isinstance(t, str) for t in found)
            tokens = tuple(found) if valid and found is not None else None
            # A set whose name is not its hash is someone else's: a miss.
            good = tokens is not None and set_key(tokens) == set_name
            self._stored_sets[set_name] = self.interned(tokens) if good and tokens is not None else None
        return self._stored_sets[set_name]

    def note(self, path: str, page_key: str, data: bytes, read: PageReads) -> Output:
        """Note the key and reads of a page this build rendered; return it as an Output."""
        digest = blob_name(data)
        self.noted[path] = (page_key, digest, read)
        return Output(path, data, digest=digest)

    def keep(self) -> None:
        """Hand the store this region's page keys and the sets of inputs they read: the
        bytes stay in the output folder."""
        if KIND in self.store.keep_unused:  # a build of some regions keeps the others'
            self.store.keep_unused.add(READS_KIND)
        names: dict[Tokens, str] = {}
        for path, (page_key, digest, (tokens, combined)) in self.noted.items():
            if tokens not in names:
                names[tokens] = set_key(tokens)
                self.store.put(READS_KIND, names[tokens], [], read=list(tokens))
            self.store.put(KIND, page_key, [Kept(path, digest=digest)],
                           read=[names[tokens], combined], keep_bytes=False)


def set_key(tokens: Tokens) -> str:
    return key(*tokens)


def listed(view: View) -> frozenset[int]:
    """The pages a view's key holds by their front matter (view_identity), by id()."""
    return frozenset(id(page) for page in (view.page, *view.items, *view.upcoming, *view.past)
                     if page is not None)
