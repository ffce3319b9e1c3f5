"""A site's outputs as pieces that the preview renders one at a time, open pages first.

Together the pieces are exactly what build.render_outputs() makes for the preview (stable
asset names, no search index); tests/test_preview.py renders both and compares every byte.
Rendering one page costs milliseconds where the whole site can cost seconds, so a save
shows the page being looked at long before the other pages are ready.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Hashable, Iterable
from functools import partial
from pathlib import Path
from typing import Any

from rusgen.errors import Problems
from rusgen.markdown import make_markdown
from rusgen.memo import Memo
from rusgen.model import Output, Region, Site
from rusgen.outputs import calendar, feeds, files, html, network, open_data, redirects, sitemap
from rusgen.outputs.page_bodies import PageBodies
from rusgen.outputs.region_view import RegionView, View


class UsedCache(Memo):
    """The build cache, forgetting after each good build what that build did not use.

    Without it every save would leave its old Markdown and YAML behind for as long as the
    preview runs.
    """

    def __init__(self) -> None:
        super().__init__()
        self.used: set[object] = set()

    def start_run(self) -> None:
        self.used = set()

    def forget_unused(self) -> None:
        for key in self.keys() - self.used:
            del self[key]

    def get(self, key: tuple[Hashable, ...], default: Any = None) -> Any:
        self.used.add(key)
        return super().get(key, default)

    def __contains__(self, key: object) -> bool:
        self.used.add(key)
        return super().__contains__(key)

    def __setitem__(self, key: tuple[Hashable, ...], value: Any) -> None:
        self.used.add(key)
        super().__setitem__(key, value)


def used_copy(cache: Memo) -> UsedCache:
    """Return a UsedCache with the entries of `cache`, copied in one step."""
    copied = UsedCache()
    dict.update(copied, cache)
    return copied


class MarkdownCaches:
    """Rendered Markdown per region, valid while the region's link targets stay the same.

    A page's HTML depends on its own text and on what its links can reach (the region's
    pages, files and languages), so a new, deleted or renamed page or file starts afresh.
    """

    def __init__(self) -> None:
        self._caches: dict[str, tuple[tuple, UsedCache]] = {}

    def start_run(self) -> None:
        for _, cache in self._caches.values():
            cache.start_run()

    def copy(self) -> MarkdownCaches:
        """Return a copy another thread may use and change (the editor's draft preview).

        Each dict is copied in one step of the interpreter, so a rebuild changing the
        original meanwhile is seen either before or after.
        """
        copied = MarkdownCaches()
        for region, (targets, cache) in dict(self._caches).items():
            copied._caches[region] = (targets, used_copy(cache))
        return copied

    def forget_unused(self) -> None:
        for _, cache in self._caches.values():
            cache.forget_unused()

    def of(self, region: Region) -> Memo:
        targets = (
            region.languages,
            tuple((p.source, p.url, p.lang) for p in region.pages),
            tuple((f.url, f.size) for f in region.files),
        )
        known = self._caches.get(region.id)
        if known is None or known[0] != targets:
            known = (targets, UsedCache())
            self._caches[region.id] = known
        return known[1]


def check_links(site: Site, caches: MarkdownCaches, problems: Problems) -> None:
    """Render every page's Markdown (mostly from the cache) to report its broken links."""
    md = make_markdown()
    for region in site.regions:
        bodies = PageBodies(region, RegionView(region, site.build_time, {}), md, caches.of(region))
        for page in region.pages:
            bodies.html(View("page.html", page.url, page.lang, page.title, page=page), problems)


class SitePieces:
    """Every output of a valid site, rendered on request or in order (livesite.Later)."""

    def __init__(self, site: Site, root: Path, cache: Memo, caches: MarkdownCaches) -> None:
        md = make_markdown()
        self.ready: list[Output] = []  # copied files and the network index: cheap, needed first
        self._pages: dict[str, tuple[html.RegionRenderer, View, dict]] = {}
        self._queue: deque[Callable[[], Iterable[Output]]] = deque()
        self._done: set[str] = set()
        for region in site.regions:
            renderer, theme = html.region_renderer(
                site, region, root, md, cache, caches.of(region), hashed=False, preview=True
            )
            strings = renderer.strings
            views = renderer.view.views()
            alternates = renderer.view.alternates()
            for view in views:
                self._pages[renderer.view_path(view)] = (renderer, view, alternates)
            self.ready.extend(files.region_files(region, theme, renderer.assets))
            region_view = renderer.view
            self._queue.extend([  # small pieces, so a new save waits for little
                renderer.extra_pages,
                partial(calendar.render, region_view, strings),
                partial(feeds.render, region_view, strings),
                partial(open_data.render, region_view),
                partial(sitemap.render, region_view),
                partial(redirects.render, region_view),
            ])
        self.ready.extend(network.render(site, root, cache, hashed=False))
        self.paths = frozenset(self._pages)
        self._order = deque(self._pages)

    def render(self, path: str) -> dict[str, bytes]:
        """Render the page at `path`."""
        renderer, view, alternates = self._pages[path]
        self._done.add(path)
        # Its links were checked with the whole site; the same messages would only repeat.
        output = renderer.render_view(view, alternates, Problems())
        return {output.path: output.data}

    def next(self) -> dict[str, bytes] | None:
        """Render the next page not rendered yet, then the feeds and calendars; None at the end."""
        while self._order:
            path = self._order.popleft()
            if path not in self._done:
                return self.render(path)
        if self._queue:
            return {o.path: o.data for o in self._queue.popleft()()}
        return None
