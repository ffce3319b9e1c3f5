"""The Markdown of a region's pages: rendered once, with the problems it reports.

A body's HTML holds the addresses its links resolved to and the sizes of linked files,
so a rendering kept in memory (the preview, a build's workers) or in the store
(.rusgen-cache/store/, the "markdown" kind) is used only when its links still resolve alike.
"""

from __future__ import annotations

import difflib
import posixpath
from dataclasses import replace
from functools import cached_property
from typing import Any, Literal, overload
from urllib.parse import unquote

from markdown_it import MarkdownIt

from rusgen.cache import MarkdownStore
from rusgen.errors import Problems
from rusgen.markdown import BrokenLink, LinkTarget, Note, candidate_paths, render_markdown
from rusgen.markdown_guards import alt_notes, front_matter_examples, renamed
from rusgen.memo import Memo
from rusgen.model import Page, Region, Site
from rusgen.outputs.region_view import RegionView, View
from rusgen.text import format_datetime, format_size
from rusgen.urls import relative_url

BODY_PARTS = ("link", "image", "heading", "html")


class PageBodies:
    """Render the Markdown of one region's pages, reusing what is kept where it is exact."""

    def __init__(
        self, region: Region, view: RegionView, md: MarkdownIt, cache: Memo,
        store: MarkdownStore | None = None,
    ) -> None:
        self.region = region
        self.view = view  # which pages there are: what a link can resolve to
        self.md = md
        self.cache = cache  # in memory: (source, url, body) -> entry
        self.store = store  # .rusgen-cache/, between builds
        self.files = {f.url: f for f in region.files}

    @overload
    def html(self, view: View, problems: Problems, stored_only: Literal[False] = False) -> str: ...

    @overload
    def html(self, view: View, problems: Problems, stored_only: bool) -> str | None: ...

    def html(self, view: View, problems: Problems, stored_only: bool = False) -> str | None:
        """Return the page's Markdown as HTML and report its problems; with `stored_only`,
        None when it would have to be rendered."""
        page = view.page
        if page is None:
            return ""
        html, notes = "", image_alt_notes(page)
        broken: list[BrokenLink] = []
        if page.body.strip():
            rendered = self.markdown(page, stored_only)
            if rendered is None:
                return None
            html, broken, body_notes = rendered
            notes = notes + [replace(n, line=page.body_line + n.line) for n in body_notes]
        folder = f"content/{self.region.id}"
        path = f"{folder}/{page.source}"
        for note in notes:
            say = problems.say if note.error else problems.say_warning
            # The folder is not kept with a cached note: the region's id is known here.
            blanks = {"folder": folder, **dict(note.blanks)}
            say(path, note.line, part(note.field, problems), note.code, **blanks)
        for link in broken:
            self._report_broken(page, link, problems)
        return html

    def _report_broken(self, page: Page, link: BrokenLink, problems: Problems) -> None:
        """Report a link or image that leads nowhere, with what to write instead."""
        path, folder = f"content/{self.region.id}/{page.source}", f"content/{self.region.id}"
        line = page.body_line + link.line
        field = part("image" if link.image else "link", problems)
        if link.image:
            name = posixpath.basename(link.href.split("#")[0])
            problems.say(path, line, field, "image.missing", href=link.href, folder=folder,
                         text=link.text, name=renamed(unquote(name)))
            return
        about = self._about(page, link.href, {e.path for e in problems.errors})
        address = None if link.href.startswith("/") else self._address("/" + link.href.split("#")[0])
        if address is not None:
            problems.say(path, line, field, "link.needs_slash", about=about, href=link.href,
                         text=link.text or "...", address=f"/{address.url}")
            return
        coming = self._coming(page, link.href)
        if coming is not None and coming.publish is not None:  # a coming page has its day
            problems.say(path, line, field, "link.not_yet_published", about=about, href=link.href,
                         when=format_datetime(coming.publish, problems.lang))
            return
        ended = self._named(page, link.href, self.region.ended)
        if ended is not None and ended.unpublish is not None:
            problems.say(path, line, field, "link.unpublished", about=about, href=link.href,
                         when=format_datetime(ended.unpublish, problems.lang))
            return
        close = self._close(link.href)
        if close:
            problems.say(path, line, field, "link.missing_close", about=about, href=link.href,
                         folder=folder, close=close, text=link.text or "...")
            return
        problems.say(path, line, field, "link.missing", about=about, href=link.href, folder=folder,
                     advice=problems.text("link.advice"))

    def _coming(self, page: Page, href: str) -> Page | None:
        """Return the page still to be published that a link names by its file, if any."""
        return self._named(page, href, self.region.coming)

    @staticmethod
    def _named(page: Page, href: str, among: tuple[Page, ...]) -> Page | None:
        """Return the page among these that a link names by its file, if any."""
        target = unquote(href.split("#")[0])
        if not target or target.startswith("/"):
            return None
        source = posixpath.normpath(posixpath.join(posixpath.dirname(page.source), target))
        return next((p for p in among if p.source == source), None)

    def markdown(
        self, page: Page, stored_only: bool = False
    ) -> tuple[str, list[BrokenLink], list[Note]] | None:
        """Render a page body once, reusing an earlier rendering whose links still resolve alike.

        A body's HTML holds the addresses its links resolved to and the sizes of linked
        files, so a cached rendering is only as good as those answers: each one is kept with
        the entry and asked again before the entry is used.
        """
        entry = self.cache.get(memory_key(page))
        stored_key = ""
        if entry is None and self.store is not None:
            stored_key = self.store.key(self.region.id, page.source, page.url, page.lang, page.body)
            entry = self.store.get(stored_key)
        if entry is None or not self._links_resolve_alike(page, entry["links"]):
            if stored_only:
                return None
            entry = self._render_markdown(page)
        self.remember(page, entry, stored_key)
        broken = [BrokenLink(*fields) for fields in entry["broken"]]
        notes = [Note(line, field, code, tuple(tuple(pair) for pair in blanks), error)
                 for line, field, code, blanks, error in entry["notes"]]
        return entry["html"], broken, notes

    def remember(self, page: Page, entry: dict[str, Any], stored_key: str = "") -> None:
        """Keep a rendered body for the rest of this build, and in the store for the next."""
        self.cache[memory_key(page)] = entry
        if self.store is not None:
            key = stored_key or self.store.key(
                self.region.id, page.source, page.url, page.lang, page.body
            )
            self.store.put(key, entry)

    def _render_markdown(self, page: Page) -> dict[str, Any]:
        links: list[list] = []

        def resolve(href: str) -> LinkTarget | None:
            target = self._resolve(page, href)
            links.append(_resolution(href, target))
            return target

        html, broken, notes = render_markdown(
            self.md,
            page.body,
            resolve=resolve,
            link_to=lambda url: relative_url(page.url, url),
            file_label=lambda kind, size: f" ({kind}, {format_size(size, page.lang)})",
        )
        return {
            "html": html,
            "links": links,
            "broken": [[b.line, b.href, b.image, b.text] for b in broken],
            # Codes and blanks, not words: a later build may speak another language.
            "notes": [[n.line, n.field, n.code, [list(b) for b in n.blanks], n.error] for n in notes],
        }

    def _links_resolve_alike(self, page: Page, links: list) -> bool:
        try:
            return all(_resolution(link[0], self._resolve(page, link[0])) == link for link in links)
        except (TypeError, IndexError):  # an entry of another shape: render again
            return False

    def _resolve(self, page: Page, href: str) -> LinkTarget | None:
        if href == "":
            return LinkTarget(url=page.url)
        for candidate in candidate_paths(page.source, href):
            target = self.view.by_source.get(candidate)
            if target is not None:
                return LinkTarget(url=target.url)
            file = self.files.get(candidate)
            if file is not None:
                kind = candidate.rsplit(".", 1)[-1].lower() if "." in candidate else ""
                return LinkTarget(url=file.url, file_kind=kind, file_size=file.size)
        return self._address(href) if href.startswith("/") else None

    def _address(self, href: str) -> LinkTarget | None:
        """Resolve an address within the region: /events/, /sok, /kraftsamlingar/index.html."""
        path = posixpath.normpath(href).strip("/")
        path = "" if path in (".", "index.html") else path.removesuffix("/index.html")
        url = f"{path}/" if path else ""
        return LinkTarget(url=url) if url in self.addresses else None

    @cached_property
    def addresses(self) -> frozenset[str]:
        """Return every page address of the region: written pages and the ones rusgen makes."""
        return frozenset(self.view.by_url) | self.view.generated_urls()

    def _about(self, page: Page, href: str, failed: set[str]) -> str:
        """Return the page file a broken link means, preferring one that could not be read."""
        path = unquote(href.split("#")[0])
        if path.endswith(".md"):
            sources = candidate_paths(page.source, path)
        elif path.startswith("/"):  # an address: the page that would have had it
            stem = posixpath.normpath(path).strip("/").removesuffix("index.html").strip("/")
            sources = [f"{stem}/index.md", f"{stem}.md"] if stem not in ("", ".") else ["index.md"]
        else:
            return ""
        candidates = [f"content/{self.region.id}/{source}" for source in sources]
        fallback = candidates[-1] if path.endswith(".md") else ""
        return next((c for c in candidates if c in failed), fallback)

    def _close(self, href: str) -> str:
        """Return the page, file or address closest to a mistyped link, or ""."""
        path = unquote(href.split("#")[0])
        known = ([f"/{url}" for url in self.addresses] if path.startswith("/")
                 else [*self.view.by_source, *self.files])
        found = difflib.get_close_matches(path.removeprefix("./"), known, n=1, cutoff=0.75)
        return found[0] if found else ""


def check_markdown_links(site: Site, md: MarkdownIt, problems: Problems) -> None:
    """Render only the Markdown of every page, to report its broken links."""
    for region in site.regions:
        bodies = PageBodies(region, RegionView(region, site.build_time, {}), md, {})
        for page in region.pages:
            bodies.html(View("page.html", page.url, page.lang, page.title, page=page), problems)


def part(field: str, problems: Problems) -> str:
    """Name the part of a body a problem is in, in the build's language; a field stays as written."""
    return problems.text(f"part.{field}") if field in BODY_PARTS else field


def image_alt_notes(page: Page) -> list[Note]:
    """Warn about a front matter image whose alt is a file name or only says "bild"."""
    if page.image is None:
        return []
    line = page.field_lines.line_of("image.alt") or page.field_lines.line_of("image")
    return alt_notes(page.image.alt, page.image.src, line, "image.alt", front_matter_examples())


def memory_key(page: Page) -> tuple[str, str, str]:
    return (page.source, page.url, page.body)


def _resolution(href: str, target: LinkTarget | None) -> list:
    """Write down what a link resolved to, as the cache stores it."""
    if target is None:
        return [href]
    return [href, target.url, target.file_kind, target.file_size]
