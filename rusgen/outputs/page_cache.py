"""Reuse a page the last build wrote when nothing it is made from has changed.

After one edit, most of a large site's pages are what they were: rendering all of their
templates again is most of a rebuild's time. A page is made from the Site (templates see
all of it), the theme, the UI strings, the asset names, the build's clock, which page it
is, and its own Markdown rendered. Its key is a hash of all of that, with one saving:
the Markdown text of pages is left out of the Site's part, because templates get only
their own page's text, rendered, as `content` (in the key). A template that reads a
page's text itself (`page.body`) is noticed by render.ThemeEnvironment, and its page is
not cached. So editing one page's text changes the key of that page and of the lists
that name it, not of every page that merely links to it.

The clock enters as the day, and which events have ended, as the rest of the build sees
it (build.build_settings), unless a template reads the time itself.

The pages are not stored twice: the store's "pages" kind keeps each page's key and the
hash of the bytes written (no blob), and a page whose key matches is read back from the
output folder, when the file there still has those bytes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from rusgen.model import Output, Page, Site
from rusgen.outputs.region_view import View
from rusgen.store import Kept, Store, blob_name, key

KIND = "pages"


def site_digest(site: Site, clock_in_templates: bool) -> str:
    """Hash what every template can see of the Site, leaving out the pages' Markdown text."""
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
    clock = site.build_time.isoformat() if clock_in_templates else site.build_time.date().isoformat()
    without_text = replace(
        site,
        build_time=None,  # type: ignore[arg-type]  # the clock enters as `clock`, below
        regions=tuple(
            # The ledger and the pages still to come or unpublished are no template's
            # business: a build that adds to the ledger leaves every page as it was.
            replace(region, pages=tuple(replace(page, body="") for page in region.pages),
                    published=None, coming=(), ended=())
            for region in site.regions
        ),
    )
    return key(repr(without_text), clock, repr(ended))


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


def view_identity(view: View) -> str:
    """Describe which page a view is, naming the pages it shows by their source.

    Everything else of those pages is in the site's digest; their text is not, and a
    template never reads it without the page losing its cache.
    """
    def named(pages: tuple[Page, ...]) -> tuple[str, ...]:
        return tuple(f"{page.source}:{page.lang}" for page in pages)

    return repr((
        view.template, view.url, view.lang, view.title,
        named((view.page,)) if view.page else (), named(view.items), named(view.upcoming),
        named(view.past), view.taxonomy, view.term, view.terms, view.key,
    ))


@dataclass(frozen=True)
class LastPages:
    """What a build needs to take pages from the last one's output, for every region."""

    store: Store
    output: Path  # where this build writes, and the pages are read back from
    site_digest: str  # this build's Site, without the pages' text

    def for_region(self, region_id: str, theme_folders: tuple[Path, ...], strings: Any,
                   assets: Any) -> PageCache:
        """Return the page cache of one region, rendered with this theme, strings and assets."""
        digest = region_digest(self.site_digest, region_id, templates_digest(theme_folders),
                               strings, assets)
        return PageCache(self.store, self.output, digest)


class PageCache:
    """The pages of one region that a build can take from the last one's output."""

    def __init__(self, store: Store, output: Path, region_digest: str) -> None:
        self.store = store
        self.previous = store.has_entries(KIND)  # whether reading back may find any
        self.output = output
        self.region_digest = region_digest  # the site, theme, strings and assets
        # What this build made or took, for the next one: path -> (key, sha256 of the
        # bytes). Workers send theirs back; the build hands them to the store (`keep`).
        self.noted: dict[str, tuple[str, str]] = {}

    def key(self, view: View, content: str) -> str:
        return key(self.region_digest, view_identity(view), content)

    def reuse(self, path: str, page_key: str) -> Output | None:
        """Return the page written last time under this key, if it is still on disk as written."""
        entry = self.store.entry(KIND, page_key)
        if entry is None or len(entry.outputs) != 1 or entry.outputs[0][0] != path:
            return None
        digest = entry.outputs[0][1]
        try:
            data = (self.output / path).read_bytes()
        except OSError:
            return None
        if blob_name(data) != digest:
            return None
        self.noted[path] = (page_key, digest)
        return Output(path, data, digest=digest)

    def note(self, path: str, page_key: str, data: bytes) -> Output:
        """Note the key of a page this build rendered; return it as an Output."""
        digest = blob_name(data)
        self.noted[path] = (page_key, digest)
        return Output(path, data, digest=digest)

    def keep(self) -> None:
        """Hand the store this region's page keys: the bytes stay in the output folder."""
        for path, (page_key, digest) in self.noted.items():
            self.store.put(KIND, page_key, [Kept(path, digest=digest)], keep_bytes=False)


def region_digest(site_part: str, region_id: str, templates: str, strings: Any, assets: Any) -> str:
    """Hash what one region's pages share besides the site: its theme, strings and assets."""
    return key(site_part, region_id, templates, repr(strings), repr(assets))


def templates_digest(folders: tuple[Path, ...]) -> str:
    """Hash the templates of a theme chain, nearest first, by path and bytes."""
    return key(*(
        f"{path}\0{blob_name(path.read_bytes())}"
        for folder in folders for path in sorted((folder / "templates").rglob("*")) if path.is_file()
    ))
