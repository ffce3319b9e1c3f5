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
import json
import threading
from collections.abc import Callable
from http import HTTPStatus
from pathlib import Path

from rusgen.build import BuildOptions, checked_site
from rusgen.cache import CACHE_DIR, DocumentStore
from rusgen.editor.guard import content_path
from rusgen.errors import ContentErrors, Problems, RusgenError
from rusgen.messages import say
from rusgen.preview import problems_of
from rusgen.server import Problem
from rusgen.server.reload import problem_json
from rusgen.site_pieces import MarkdownCaches, SitePieces, UsedCache, check_links
from rusgen.urls import output_path

SETTINGS = ("region.yaml", "contacts.yaml")  # a draft of one shows on the home page
HOME = "index.md"
# The preview's error box, which draws a draft's errors too.
BOX_SCRIPT = (Path(__file__).parent.parent / "live_reload.js").read_text("utf-8")


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
            except (ContentErrors, RusgenError) as stopped:
                return HTTPStatus.OK, self._box(problems_of(stopped, self.lang), rel)
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
            return self._box((Problem(rel, 0, nothing, nothing),), rel)
        pieces = SitePieces(site, self.options.source, self.cache, self.markdown)
        path = f"{region.output_folder}/{output_path(page.url)}"
        rendered = pieces.render(path)[path].decode("utf-8")
        base = f'<base href="{html.escape(origin, quote=True)}/{region.output_folder}/{page.url}">'
        at = rendered.find("<head>")
        return rendered[: at + 6] + base + rendered[at + 6 :] if at >= 0 else base + rendered

    def _box(self, problems: tuple[Problem, ...], rel: str) -> str:
        """Return a page that says the draft's errors, its own file's first, in the box the
        preview draws over a page whose rebuild failed (live_reload.js), with the same words."""
        words = (say("backend.draft_failed", self.lang), say("backend.draft_fix", self.lang),
                 say("preview.close", self.lang))
        ordered = sorted(problems, key=lambda problem: problem.file != rel)  # stable
        setup = {"server": None, "problems": [problem_json(p) for p in ordered], "words": words}
        data = json.dumps(setup, ensure_ascii=False).replace("<", "\\u003c")  # no "</script>" inside
        script = BOX_SCRIPT.replace("__SETUP__", data)
        return (
            f'<!DOCTYPE html><html lang="{self.lang}"><head><meta charset="utf-8">'
            f"<title>{html.escape(words[0])}</title></head><body><script>{script}</script></body></html>"
        )
