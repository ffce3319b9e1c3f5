"""Every HTML page of a region: content pages, generated lists, redirects for aliases."""

from __future__ import annotations

import functools
import hashlib
import os
import posixpath
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import jinja2
from markdown_it import MarkdownIt
from markupsafe import Markup

from rusgen.cache import MarkdownStore
from rusgen.errors import ContentError, Problems, RusgenError
from rusgen.memo import Memo
from rusgen.messages import message_language
from rusgen.model import GoneAddress, Output, Page, Region, Site
from rusgen.outputs.images import BODY_IMAGE_SIZES, ResponsiveImage, pictures_in_body
from rusgen.outputs.images import identity as image_identity
from rusgen.outputs.page_bodies import PageBodies, memory_key
from rusgen.outputs.page_cache import LastPages, NotedPage, PageCache, printing_pages_noted
from rusgen.outputs.page_context import PageContexts
from rusgen.outputs.region_view import RegionView, View
from rusgen.parallel import run_chunked
from rusgen.render import Theme, ThemeEnvironment, load_theme, make_environment, warm_up
from rusgen.urls import output_path

ASSETS = "assets/"
HASHED_ASSETS = (".css", ".js")
NOT_FOUND = "404.html"


def asset_urls(static_files: dict[str, Path], hashed: bool = True) -> dict[str, str]:
    """Map each theme file to its published URL; CSS and JS get a content hash in the name.

    A hashed name changes whenever the bytes do, so a host may cache these files forever.
    Other files (images, fonts) keep their names, so url() references in the CSS still work.
    """
    urls = {}
    for rel, path in static_files.items():
        stem, ext = posixpath.splitext(rel)
        if hashed and ext in HASHED_ASSETS:
            digest = hashlib.sha256(path.read_bytes()).hexdigest()[:8]
            urls[rel] = f"{ASSETS}{stem}.{digest}{ext}"
        else:
            urls[rel] = f"{ASSETS}{rel}"
    return urls


def region_renderer(
    site: Site,
    region: Region,
    root: Path,
    md: MarkdownIt,
    cache: Memo,
    markdown_cache: Memo,
    hashed: bool,
    store: MarkdownStore | None = None,
    parallel: bool = False,
    last_pages: LastPages | None = None,
    preview: bool = False,
    images: dict[str, ResponsiveImage] | None = None,
) -> tuple[RegionRenderer, Theme]:
    """Load a region's theme and make its renderer: how every region's outputs begin.

    `cache` keeps compiled templates and UI strings; `hashed` gives CSS and JS
    content-hashed names (the build) or stable ones (the preview). `last_pages`: the
    pages the last build wrote, to reuse those whose inputs are the same. `preview`: the
    output is served from the root of the preview's address, not of the host's. `images`:
    the region's photos in several widths (outputs/images.py), by address.
    """
    images = images or {}
    theme = load_theme(root, region.theme)
    env = make_environment(theme)
    strings: dict[str, dict[str, str]] = {lang: theme.strings(lang, cache) for lang in region.languages}
    assets = asset_urls(theme.static_files(), hashed=hashed)
    pages = last_pages.for_region(
        site, region.id, theme.folders, strings, (assets, image_identity(images))
    ) if last_pages else None
    renderer = RegionRenderer(RendererSetup(
        site, region, env, md, strings, assets, markdown_cache, store=store, parallel=parallel,
        pages=pages, preview=preview, images=images,
    ))
    return renderer, theme


@dataclass(frozen=True)
class RendererSetup:
    """What a region's renderer works with; region_renderer gathers it from the theme."""

    site: Site
    region: Region
    env: ThemeEnvironment
    md: MarkdownIt
    strings: dict[str, dict[str, str]]  # UI strings by language
    assets: dict[str, str]  # logical theme path -> published URL (CSS and JS hashed)
    markdown_cache: Memo  # rendered Markdown in memory (page_bodies.memory_key)
    store: MarkdownStore | None = None  # rendered Markdown in .rusgen-cache/
    parallel: bool = False  # render pages in forked workers when there are many
    pages: PageCache | None = None  # the pages of the last build that can be reused
    preview: bool = False  # served from the root of the preview's address
    images: dict[str, ResponsiveImage] = field(default_factory=dict)  # photos in several widths


class RegionRenderer:
    """Render the pages of one region with one theme environment."""

    def __init__(self, setup: RendererSetup) -> None:
        self.site = setup.site
        self.preview = setup.preview
        self.region = setup.region
        self.env = setup.env
        self.strings = setup.strings
        self.assets = setup.assets
        self.parallel = setup.parallel
        self.pages = setup.pages
        self.images = setup.images
        self._body_picture: jinja2.Template | None = None
        self.view = RegionView(setup.region, setup.site.build_time, setup.strings)
        self.bodies = PageBodies(setup.region, self.view, setup.md, setup.markdown_cache, setup.store)
        self.contexts = PageContexts(
            setup.site, self.view, setup.env, setup.strings, setup.assets, setup.images
        )

    def render(self, problems: Problems) -> Iterator[Output]:
        """Yield the region's pages; broken links go to `problems`."""
        alternates = self.view.alternates()
        views = self.view.views()
        done = self._read_back(views, problems)

        def render_chunk(chunk: list[View]) -> ChunkResult:
            return self._render_views(chunk, alternates)

        todo = [view for view in views if self.view_path(view) not in done]
        def prepare() -> None:  # what the workers share instead of each loading it
            warm_up(self.env, self.region.languages)

        for result in run_chunked(render_chunk, todo, allowed=self.parallel, prepare=prepare):
            problems.items.extend(result.problems)
            for source, entry in result.markdown:
                self.bodies.remember(self.view.by_source[source], entry)
            if self.pages is not None:
                self.pages.take(result.pages)
            if result.error is not None:
                raise result.error
            done.update((output.path, output) for output in result.outputs)
        for view in views:
            yield done[self.view_path(view)]
        yield from self.extra_pages()

    def _read_back(self, views: tuple[View, ...], problems: Problems) -> dict[str, Output]:
        """Return the pages the last build wrote that are still what this one would write.

        Only a page whose Markdown is in the store can be judged before it is rendered; the
        rest are rendered, in workers when there are many. Reading back here, not in the
        workers, spares sending every page's bytes from a worker after a small edit.
        """
        if self.pages is None or not self.pages.previous:
            return {}
        found: dict[str, Output] = {}
        alternates = self.view.alternates()
        for view in views:
            local = Problems(problems.lang)
            html = self.bodies.html(view, local, stored_only=True)
            if html is None:
                continue
            path = self.view_path(view)
            # The page's context is made only when an input of the page is a name of it.
            context = functools.cache(partial(self.context, view, alternates.get(view.translation_key, {})))
            page = self.pages.reuse(path, self.pages.key(view, html), context)
            if page is not None:
                problems.items.extend(local.items)  # a rendered page reports its own
                found[path] = page
        return found

    def view_path(self, view: View) -> str:
        """Return the output path of a page."""
        return f"{self.region.output_folder}/{output_path(view.url)}"

    def render_view(self, view: View, alternates: dict[str, dict[str, str]], problems: Problems) -> Output:
        """Render one page; `alternates` are the language versions of all the region's pages."""
        html = self.bodies.html(view, problems)
        path = self.view_path(view)
        context = self.context(view, alternates.get(view.translation_key, {}))
        if self.pages is None:
            return Output(path, self._page(view, html, context).encode("utf-8"))
        self.env.read_page_text = False
        self.env.reads = reads = self.pages.start(view)
        try:
            with printing_pages_noted(self.env):
                data = self._page(view, html, context).encode("utf-8")
        finally:
            self.env.reads = None
        # Its key leaves page text out: a template that read some is not described by it.
        if self.env.read_page_text:
            return Output(path, data)
        return self.pages.note(path, self.pages.key(view, html), data, self.pages.recorded(reads, context))

    def extra_pages(self) -> Iterator[Output]:
        """Yield the redirects of old addresses (aliases), the pages of addresses removed on
        purpose (gone) and the 404 page."""
        for page in self.region.pages:
            for alias in page.aliases:
                yield self._redirect(alias, page)
        pages = {page.url for page in self.region.pages}
        for gone in self.region.gone:
            if gone.address not in pages:  # a page that unpublishes itself is there until then
                yield self._gone(gone)
        yield self._not_found()

    def _render_views(self, views: list[View], alternates: dict[str, dict[str, str]]) -> ChunkResult:
        """Render some views; stop at a theme error, as a build in one process would."""
        result = ChunkResult()
        local = Problems(message_language(self.site.network.language))
        try:
            for view in views:
                result.outputs.append(self.render_view(view, alternates, local))
        except RusgenError as error:
            result.error = error
        result.problems = local.items
        if self.pages is not None:
            paths = {self.view_path(view) for view in views}
            result.pages = {p: entry for p, entry in self.pages.noted.items() if p in paths}
        # Pages by source, not the Page objects: a copy of each would come back from a
        # worker, with its text, and be kept as the memory cache's key.
        result.markdown = [
            (view.page.source, self.bodies.cache[memory_key(view.page)]) for view in views
            if view.page is not None and memory_key(view.page) in self.bodies.cache
        ]
        return result

    def context(self, view: View, alternates: dict[str, str]) -> dict[str, Any]:
        """Return what a template sees (outputs/page_context.py)."""
        return self.contexts.context(view, alternates, self.view_path(view))

    def _page(self, view: View, html: str, context: dict[str, Any]) -> str:
        context = dict(context)
        html = pictures_in_body(
            html, view.url, self.images, lambda src, alt: self._picture(context, src, alt)
        )
        context["content"] = Markup(html)
        return _render(self.env, view.template, context)

    def _picture(self, context: dict[str, Any], src: str, alt: str) -> str:
        """Render the theme's picture macro for an image of a page's body: the theme holds
        the markup of every picture, the lead image's and the text's alike."""
        if self._body_picture is None:
            self._body_picture = self.env.from_string(
                '{% from "partials/picture.html" import picture with context %}'
                "{{ picture(src, alt, sizes=sizes) }}"
            )
        return self._body_picture.render({**context, "src": src, "alt": alt, "sizes": BODY_IMAGE_SIZES})

    def _redirect(self, alias: str, page: Page) -> Output:
        view = View("redirect.html", alias, page.lang, page.title, page=page)
        context = self.context(view, {})
        context["target"] = page
        context["content"] = Markup("")
        data = _render(self.env, "redirect.html", context)
        return Output(f"{self.region.output_folder}/{output_path(alias)}", data.encode("utf-8"))


    def _gone(self, gone: GoneAddress) -> Output:
        """Render the page of an address removed on purpose: hosts with rules send it with
        410 Gone (outputs/redirects.py), others as it is."""
        region = self.region
        # An address below /en/ is said in English.
        lang = next((lang for lang in region.languages[1:] if gone.address.startswith(f"{lang}/")),
                    region.default_language)
        view = View("gone.html", gone.address, lang, self.strings[lang]["gone_title"])
        context = self.context(view, {})
        context["reason"] = gone.reason
        context["content"] = Markup("")
        data = _render(self.env, "gone.html", context)
        return Output(f"{self.region.output_folder}/{output_path(gone.address)}", data.encode("utf-8"))

    def _not_found(self) -> Output:
        """Render 404.html, which a host serves at any depth: every link in it starts at
        the host's root.

        Relative links would resolve against the missing page's address, and <base> would
        break #anchors, so links and assets are base_url's path (or --base-url's): the
        same on the host and in the preview, which serves the output as the host does.
        """
        region = self.region
        lang = region.default_language
        view = View("404.html", NOT_FOUND, lang, self.strings[lang]["not_found_title"])
        context = self.context(view, {})
        root = f"/{region.output_folder}/" if self.preview else urlsplit(region.base_url).path
        context["link"] = lambda url: root + url
        context["asset"] = lambda path: root + self.assets[path]
        context["site_link"] = self._from_root

        context["content"] = Markup("")
        data = _render(self.env, "404.html", context)
        return Output(f"{region.output_folder}/{NOT_FOUND}", data.encode("utf-8"))


    def _from_root(self, url: str) -> str:
        """Return a link from the host's root to another site of the network on the same
        host (in the preview: to any the output holds); else the address as written."""
        local = self.site.local_path(url) if self.site.in_place(self.region) else None
        if local is not None and self.preview:
            return "/" + local
        same_host = urlsplit(url).netloc == urlsplit(self.region.base_url).netloc
        return urlsplit(url).path if local is not None and same_host else url


@dataclass
class ChunkResult:
    """What rendering some views gave: pages, problems, new Markdown, the error that stopped it."""

    outputs: list[Output] = field(default_factory=list)
    problems: list[ContentError] = field(default_factory=list)
    markdown: list[tuple[str, dict[str, Any]]] = field(default_factory=list)  # by page source
    pages: dict[str, NotedPage] = field(default_factory=dict)  # what the page cache noted
    error: RusgenError | None = None


def _render(env: ThemeEnvironment, template: str, context: dict[str, Any]) -> str:
    """Render a template; a theme mistake becomes one message with the template's file:line."""
    try:
        return env.get_template(template).render(context)
    except jinja2.TemplateSyntaxError as exc:
        where = f"{os.path.relpath(exc.filename or template)}:{exc.lineno}"
        raise RusgenError("theme.template_syntax", where=where, problem=exc.message) from None
    except jinja2.TemplateNotFound as exc:
        raise RusgenError("theme.template_missing", template=exc.name) from None
    except (jinja2.UndefinedError, TypeError, ValueError, KeyError, AttributeError) as exc:
        where = _template_frame(exc.__traceback__) or template
        raise RusgenError("theme.template_error", where=where, problem=str(exc)) from None


def _template_frame(tb: Any) -> str:
    """Return file:line of the innermost template frame of a traceback."""
    found = ""
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".xml", ".txt")):
            found = f"{os.path.relpath(filename)}:{tb.tb_lineno}"
        tb = tb.tb_next
    return found

