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

The pages are not stored twice: the build record keeps each page's key and the hash of
the bytes written, and a page whose key matches is read back from the output folder,
when the file there still has those bytes.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from rusgen.keys import hash_text
from rusgen.model import Output, Page, Site
from rusgen.outputs.region_view import View

# What the record keeps of a page: [key, sha256 of the bytes written].
PageEntry = list


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
        build_time=None,
        regions=tuple(
            # The ledger and the pages still to come or unpublished are no template's
            # business: a build that adds to the ledger leaves every page as it was.
            replace(region, pages=tuple(replace(page, body="") for page in region.pages),
                    published=None, coming=(), ended=())
            for region in site.regions
        ),
    )
    return hash_text(repr(without_text), clock, repr(ended))


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
    """What a build knows of the pages the last one wrote, for every region."""

    entries: dict[str, Any]  # output path -> PageEntry, from the build record
    output: Path  # where they were written, and this build writes
    site_digest: str  # this build's Site, without the pages' text

    def for_region(self, region_id: str, theme_folders: tuple[Path, ...], strings: Any,
                   assets: Any) -> PageCache:
        """Return the page cache of one region, rendered with this theme, strings and assets."""
        digest = region_digest(self.site_digest, region_id, templates_digest(theme_folders),
                               strings, assets)
        return PageCache(self.entries, self.output, digest)


class PageCache:
    """The pages of one region that a build can take from the last one's output."""

    def __init__(self, previous: dict[str, Any], output: Path, region_digest: str) -> None:
        self.previous = previous  # output path -> PageEntry, from the build record
        self.output = output
        self.region_digest = region_digest  # the site, theme, strings and assets
        self.noted: dict[str, PageEntry] = {}  # what this build made, for the next one

    def key(self, view: View, content: str) -> str:
        return hash_text(self.region_digest, view_identity(view), content)

    def reuse(self, path: str, key: str) -> Output | None:
        """Return the page written last time under this key, if it is still on disk as written."""
        entry = self.previous.get(path)
        if not isinstance(entry, list) or len(entry) != 2 or entry[0] != key:
            return None
        try:
            data = (self.output / path).read_bytes()
        except OSError:
            return None
        if hashlib.sha256(data).hexdigest() != entry[1]:
            return None
        self.noted[path] = entry
        return Output(path, data, digest=entry[1])

    def note(self, path: str, key: str, data: bytes) -> Output:
        """Note the key of a page this build rendered; return it as an Output."""
        digest = hashlib.sha256(data).hexdigest()
        self.noted[path] = [key, digest]
        return Output(path, data, digest=digest)


def region_digest(site_part: str, region_id: str, templates: str, strings: Any, assets: Any) -> str:
    """Hash what one region's pages share besides the site: its theme, strings and assets."""
    return hash_text(site_part, region_id, templates, repr(strings), repr(assets))


def templates_digest(folders: tuple[Path, ...]) -> str:
    """Hash the templates of a theme chain, nearest first, by path and bytes."""
    digest = hashlib.sha256()
    for folder in folders:
        for path in sorted((folder / "templates").rglob("*")):
            if path.is_file():
                digest.update(f"{path}\0".encode() + path.read_bytes() + b"\0")
    return digest.hexdigest()
