"""The Markdown of a region's pages: rendered once, with the problems it reports.

A body's HTML holds the addresses its links resolved to and the sizes of linked files,
so a rendering kept in memory (the preview, a build's workers) or in the store
(.rusgen-cache/markdown/) is used only when its links still resolve alike.
"""

from __future__ import annotations

from typing import Any

from markdown_it import MarkdownIt

from rusgen.cache import MarkdownStore
from rusgen.errors import Problems
from rusgen.markdown import BrokenLink, LinkTarget, Note, candidate_paths, render_markdown
from rusgen.model import Page, Region, Site, relative_url
from rusgen.outputs.region_view import RegionView, View
from rusgen.text import format_size


class PageBodies:
    """Render the Markdown of one region's pages, reusing what is kept where it is exact."""

    def __init__(
        self, region: Region, view: RegionView, md: MarkdownIt, cache: dict,
        store: MarkdownStore | None = None,
    ) -> None:
        self.region = region
        self.view = view  # which pages there are: what a link can resolve to
        self.md = md
        self.cache = cache  # in memory: (source, url, body) -> entry
        self.store = store  # .rusgen-cache/, between builds
        self.files = {f.url: f for f in region.files}

    def html(self, view: View, problems: Problems, stored_only: bool = False) -> str | None:
        """Return the page's Markdown as HTML and report its problems; with `stored_only`,
        None when it would have to be rendered."""
        page = view.page
        if page is None or not page.body.strip():
            return ""
        rendered = self.markdown(page, stored_only)
        if rendered is None:
            return None
        html, broken, notes = rendered
        for note in notes:
            problems.warn(
                f"content/{self.region.id}/{page.source}", page.body_line + note.line, note.field,
                note.message,
            )
        for link in broken:
            problems.error(
                f"content/{self.region.id}/{page.source}", page.body_line + link.line, "link",
                f'no page or file "{link.href}" in content/{self.region.id}/; link to a page by '
                "its file (kraftsamlingar/index.md) or to a file in files/",
            )
        return html

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
        broken = [BrokenLink(line, href) for line, href in entry["broken"]]
        notes = [Note(line, field, message) for line, field, message in entry["notes"]]
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
            "broken": [[b.line, b.href] for b in broken],
            "notes": [[n.line, n.field, n.message] for n in notes],
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
            as_url = candidate.strip("/") + "/" if candidate not in (".", "") else ""
            if href.startswith("/") and as_url in self.view.by_url:
                return LinkTarget(url=as_url)
        return None


def check_markdown_links(site: Site, md: MarkdownIt, problems: Problems) -> None:
    """Render only the Markdown of every page, to report its broken links."""
    for region in site.regions:
        bodies = PageBodies(region, RegionView(region, site.build_time, {}), md, {})
        for page in region.pages:
            bodies.html(View("page.html", page.url, page.lang, page.title, page=page), problems)


def memory_key(page: Page) -> tuple[str, str, str]:
    return (page.source, page.url, page.body)


def _resolution(href: str, target: LinkTarget | None) -> list:
    """Write down what a link resolved to, as the cache stores it."""
    if target is None:
        return [href]
    return [href, target.url, target.file_kind, target.file_size]
