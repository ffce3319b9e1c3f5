"""Every HTML page of a region: content pages, generated lists, redirects for aliases."""

from __future__ import annotations

import hashlib
import os
import posixpath
from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

import jinja2
from markdown_it import MarkdownIt
from markupsafe import Markup

from rusgen.cache import MarkdownStore
from rusgen.errors import ContentError, Problems, RusgenError
from rusgen.memo import Memo
from rusgen.messages import message_language
from rusgen.model import GoneAddress, Output, Page, Region, Site
from rusgen.outputs import brand, calendar, feeds
from rusgen.outputs.add_to_calendar import calendar_links
from rusgen.outputs.images import BODY_IMAGE_SIZES, ResponsiveImage, pictures_in_body
from rusgen.outputs.images import identity as image_identity
from rusgen.outputs.inaccessible import by_group, inaccessible_documents
from rusgen.outputs.page_bodies import PageBodies, memory_key
from rusgen.outputs.page_cache import LastPages, PageCache, printing_pages_noted
from rusgen.outputs.region_view import EVENTS, NEWS, RegionView, View
from rusgen.outputs.search import search_url
from rusgen.outputs.structured_data import structured_data
from rusgen.parallel import run_chunked
from rusgen.render import Theme, ThemeEnvironment, Translator, load_theme, make_environment, warm_up
from rusgen.text import format_event_when
from rusgen.urls import output_path, relative_url

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
    env = make_environment(theme, cache)
    strings: dict[str, dict[str, str]] = {lang: theme.strings(lang, cache) for lang in region.languages}
    assets = asset_urls(theme.static_files(), hashed=hashed)
    pages = last_pages.for_region(
        region.id, theme.folders, strings, (assets, image_identity(images))
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
                self.pages.noted.update(result.pages)
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
        for view in views:
            local = Problems(problems.lang)
            html = self.bodies.html(view, local, stored_only=True)
            if html is None:
                continue
            path = self.view_path(view)
            page = self.pages.reuse(path, self.pages.key(view, html))
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
        self.env.read_page_text = False
        with printing_pages_noted(self.env) if self.pages is not None else nullcontext():
            data = self._page(view, html, alternates.get(view.translation_key, {})).encode("utf-8")
        # Its key leaves page text out: a template that read some is not described by it.
        if self.pages is not None and not self.env.read_page_text:
            return self.pages.note(path, self.pages.key(view, html), data)
        return Output(path, data)

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
        """Return what a template sees, all of it derived from the Site."""
        lang = view.lang
        region = self.view.region_in(lang)  # taxonomy titles and contact roles in `lang`
        upcoming, _ = self.view.events(lang)
        parent = self.site.region(region.parent) if region.parent else None
        return {
            "site": self.site,
            "network": self.site.network,
            "region": region,
            "view": view,
            "page": view.page,
            "lang": lang,
            "t": Translator(self.strings[lang], lang, region.theme),
            "link": lambda url: relative_url(view.url, url),
            # Another site of the network (the network index, a parent region), by address.
            "site_link": lambda url: self.site.link_from(region, self.view_path(view), url),
            "asset": lambda path: relative_url(view.url, self.assets[path]),
            "abs_url": region.absolute_url,
            "menu": self.view.menu(lang),
            "legal_links": self.view.legal_links(lang),
            "structured_data": structured_data(region, view.page, view.template == "home.html"),
            "home_url": self.view.prefix(lang),
            "alternates": alternates,
            "contacts": lambda ids: [region.contacts_by_id[i] for i in ids],
            "responsive": self.images.get,  # for partials/picture.html
            "term_of": region.term,
            "series": self.view.series(view.page) if view.page else (),
            "upcoming": upcoming,
            "latest_news": self.view.news(lang)[:3],
            "parent_region": parent,
            "now": self.site.build_time,
            # An event page says so once the event is over. Templates that need no clock
            # let a rebuild with unchanged input reuse the last output (build.build_settings).
            "ended": view.page is not None and view.page.event is not None
            and view.page.event.ends < self.site.build_time,
            "registration_closed": registration_closed(view.page, self.site.build_time, region),
            "state_of": lambda page: event_state(page, self.site.build_time),
            "icons": brand.icons(region),
            "breadcrumbs": self.view.breadcrumbs(view),
            "has_events": self.view.has(EVENTS, lang),
            "has_news": self.view.has(NEWS, lang),
            # A page still to be published, shown only by the preview and --drafts.
            "coming": view.page is not None and view.page.not_yet_published(self.site.build_time),
            "search_url": search_url(lang, region.default_language),
            # The statement's list of documents that fail, by Digg's groups.
            "inaccessible_documents": lambda: by_group(inaccessible_documents(region, lang)),
            "calendar_url": calendar.calendar_url,
            "calendar_links": lambda page: calendar_links(region, page),
            # When a moved event was to be held, said as its new time is (`event_when`).
            "moved_from": lambda ev: format_event_when(ev.previous_start, None, ev.all_day, lang),
            "feeds": {
                "news": feeds.feed_url(self.view.prefix(lang), NEWS),
                "events": feeds.feed_url(self.view.prefix(lang), EVENTS),
                "calendar": calendar.feed_url(self.view.prefix(lang)),
            },
        }

    def _page(self, view: View, html: str, alternates: dict[str, str]) -> str:
        context = self.context(view, alternates)
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
    pages: dict[str, tuple[str, str]] = field(default_factory=dict)  # what the page cache noted
    error: RusgenError | None = None


def event_state(page: Page, now: datetime) -> str:
    """Return the one state an event shows: "past" once over (unless cancelled), else its status.

    Templates ask this rather than compare with the clock: a theme that names the clock
    is rendered anew on every build (build.themes_read_the_clock), while which events have
    ended is part of every page's cache key.
    """
    event = page.event
    if event is None:
        return ""
    return "past" if event.ends < now and event.status != "cancelled" else event.status


def registration_closed(page: Page | None, now: datetime, region: Region) -> bool:
    """Tell whether an event's last day to register has passed, in the region's time."""
    if page is None or page.event is None or page.event.registration is None:
        return False
    deadline = page.event.registration.deadline
    return deadline is not None and deadline < now.astimezone(ZoneInfo(region.timezone)).date()


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
