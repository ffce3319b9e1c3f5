"""The editor's preview: a draft rendered by the real theme, as the build would render it.

The project goes through the build's stages (build.checked_site) with the draft read in
place of its file, or as a new file (nothing is written), and the draft's page is
rendered. The draft works on copies of the preview's caches: nothing of it stays there.
The page gets a `<base href>` at its address in the preview server, so its
relative links, stylesheets and images load from there inside the editor's frame. A draft
with errors gets a box that says them, in the project's language, its own first.
"""

from __future__ import annotations

import html
import threading
from collections.abc import Callable
from http import HTTPStatus

from rusgen.build import BuildOptions, checked_site
from rusgen.cache import CACHE_DIR, DocumentStore
from rusgen.editor.guard import content_path
from rusgen.errors import ContentError, ContentErrors, Problems, RusgenError
from rusgen.messages import say
from rusgen.report import arrange, folded
from rusgen.site_pieces import MarkdownCaches, SitePieces, UsedCache, check_links
from rusgen.urls import output_path

SETTINGS = ("region.yaml", "contacts.yaml")  # a draft of one shows on the home page
HOME = "index.md"


class DraftPreview:
    """Render drafts of one project; keeps parsed files between drafts, one draft at a time."""

    def __init__(
        self, options: BuildOptions, lang: str,
        caches: Callable[[], tuple[UsedCache, MarkdownCaches]] | None = None,
    ) -> None:
        self.options = options
        self.project = str(options.source.resolve())
        self.lang = lang
        # Where each draft's caches come from: copies of the preview's (SiteRebuilder.caches),
        # so a draft reads, checks and renders little more than its own page.
        self.caches = caches
        self.cache = UsedCache()  # the loader's and the schema's, as the preview keeps them
        self.markdown = MarkdownCaches()
        self.documents = DocumentStore(options.source / CACHE_DIR)
        self._lock = threading.Lock()

    def __call__(self, rel: str, raw: str, origin: str) -> tuple[int, str]:
        """Return (status, HTML) for the draft `raw` of the file `rel` (below the project)."""
        content_path(self.project, rel)  # refused unless inside content/
        with self._lock:
            if self.caches is not None:
                self.cache, self.markdown = self.caches()
            self.cache.start_run()
            self.markdown.start_run()
            try:
                page = self._render(rel, raw.replace("\r\n", "\n").removeprefix("\ufeff"), origin)
            except ContentErrors as errors:
                return HTTPStatus.OK, self._box(errors.errors, rel, errors.unreadable)
            except RusgenError as error:
                return HTTPStatus.OK, self._box([ContentError(rel, 0, "", error.text(self.lang))], rel)
            finally:
                self.cache.forget_unused()  # the draft's text is not kept beyond the next one
            return HTTPStatus.OK, page

    def _render(self, rel: str, text: str, origin: str) -> str:
        problems = Problems(self.lang)
        # The build's own stages, with the draft read in place of its file (or as a new one).
        site = checked_site(
            self.options, problems, self.cache, self.documents,
            lambda site, problems: check_links(site, self.markdown, problems),
            unsaved={rel: text}, validated=self.cache,
        )
        _, region_id, *rest = rel.split("/")
        region = site.region(region_id)
        shown = "/".join(rest) if "/".join(rest) not in SETTINGS else HOME  # settings: on the home page
        page = next((p for p in region.pages if p.source == shown), None) if region else None
        if region is None or page is None:
            nothing = say("backend.draft_no_page", self.lang, path=rel)
            return self._box([ContentError(rel, 0, "", nothing)], rel)
        pieces = SitePieces(site, self.options.source, self.cache, self.markdown)
        path = f"{region.output_folder}/{output_path(page.url)}"
        rendered = pieces.render(path)[path].decode("utf-8")
        base = f'<base href="{html.escape(origin, quote=True)}/{region.output_folder}/{page.url}">'
        at = rendered.find("<head>")
        return rendered[: at + 6] + base + rendered[at + 6 :] if at >= 0 else base + rendered

    def _box(self, errors: list[ContentError], rel: str, unreadable: frozenset[str] = frozenset()) -> str:
        """Return a page that says the draft's errors, its own file's first."""
        entries = sorted(arrange(errors, unreadable), key=lambda e: e.problem.path != rel)  # stable
        items = "".join(
            f"<li>{html.escape(str(e.problem))}"
            + (f" ({html.escape(folded(e.followers, self.lang))})" if e.followers else "") + "</li>"
            for e in entries
        )
        title = html.escape(say("backend.draft_failed", self.lang))
        fix = html.escape(say("backend.draft_fix", self.lang))
        return (
            f'<!DOCTYPE html><html lang="{self.lang}"><head><meta charset="utf-8"><title>{title}</title>'
            '<style>body{font:1rem/1.5 system-ui,sans-serif;margin:1rem;color:#1a1a1a}'
            '.rusgen-problems{border:3px solid #b00020;border-radius:.5rem;padding:1rem;background:#fff5f5}'
            'h1{font-size:1.25rem;margin:0 0 .5rem}li{margin:.25rem 0}</style></head><body>'
            f'<section class="rusgen-problems" role="alert"><h1>{title}</h1><p>{fix}</p>'
            f"<ul>{items}</ul></section></body></html>"
        )

