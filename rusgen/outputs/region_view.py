"""What a region's templates see: pages in order, translations, lists, menus, links.

Generated list pages (events, news, taxonomies) have fixed addresses; a content page
written at such an address supplies the text above the list, as in Hugo, instead of
colliding with it.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property

from rusgen.errors import RusgenError
from rusgen.model import EventInfo, Page, Region, Taxonomy, Term
from rusgen.outputs.generated_pages import EVENTS, LEGAL_PAGES, NEWS, generated_urls
from rusgen.outputs.search import search_url
from rusgen.raw import CONTENT_DIR, THEMES_DIR
from rusgen.render import UIStrings
from rusgen.text import collation_key
from rusgen.urls import language_prefix


@dataclass(frozen=True)
class View:
    """One HTML page to render: a template, its address and what it lists."""

    template: str
    url: str
    lang: str
    title: str
    page: Page | None = None
    items: tuple[Page, ...] = ()
    upcoming: tuple[Page, ...] = ()
    past: tuple[Page, ...] = ()
    taxonomy: Taxonomy | None = None
    term: Term | None = None
    terms: tuple[tuple[Term, int], ...] = ()
    key: str = ""  # what language versions share, where their URLs differ (sok/, en/search/)

    @property
    def translation_key(self) -> str:
        if self.key:
            return self.key
        if self.page is not None:
            return self.page.translation_key
        prefix_free = self.url.split("/", 1)[1] if self.lang_prefixed else self.url
        return "generated:" + prefix_free

    @property
    def lang_prefixed(self) -> bool:
        return self.url.startswith(f"{self.lang}/")


@dataclass(frozen=True)
class MenuEntry:
    title: str
    url: str


def page_order(page: Page) -> tuple:
    """Order pages by weight, then title in Swedish collation, then source."""
    return (page.weight, title_key(page.title), page.source)


@functools.lru_cache(maxsize=65536)
def title_key(title: str) -> tuple:
    """Return the Swedish collation key of a title, computed once per title."""
    return collation_key(title)


def _event(page: Page) -> EventInfo:
    """Return the event fields of a page of the events section, which the schema requires."""
    assert page.event is not None, page.source
    return page.event


def _needs_strings(
    region: Region, lang: str, strings: dict[str, str] | None, default: dict[str, str] | None
) -> None:
    """Refuse a language the theme has no UI strings for: say which file to add."""
    if not isinstance(strings, UIStrings) or strings.found:
        return
    found = isinstance(default, UIStrings) and default.found
    model = default.file if isinstance(default, UIStrings) and found else f"{THEMES_DIR}/default/i18n/sv.yaml"
    raise RusgenError(
        "theme.no_language", region=f"{CONTENT_DIR}/{region.id}/region.yaml", lang=lang,
        file=strings.file, model=model,
    )


class RegionView:
    """Answers the questions templates ask about one region, computed once."""

    def __init__(self, region: Region, now: datetime, strings: Mapping[str, dict[str, str]]) -> None:
        self.region = region
        self.now = now
        self.strings = strings
        for lang in region.languages:
            _needs_strings(region, lang, strings.get(lang), strings.get(region.default_language))
        # Every page's context asks for the events; sorting them once per language, not
        # once per page, keeps a large region's build linear.
        self._events: dict[str, tuple[tuple[Page, ...], tuple[Page, ...]]] = {}

    @property
    def build_day(self) -> datetime:
        """Return the start (UTC) of the build's day: the stamp of files made by this build.

        A day, not the second: a rebuild of unchanged content later the same day then
        gives the same calendars and feeds, and can reuse the last output."""
        return self.now.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)

    @cached_property
    def by_source(self) -> dict[str, Page]:
        return {p.source: p for p in self.region.pages}

    @cached_property
    def by_url(self) -> dict[str, Page]:
        return {p.url: p for p in self.region.pages}

    @cached_property
    def translations(self) -> dict[str, dict[str, Page]]:
        result: dict[str, dict[str, Page]] = {}
        for page in self.region.pages:
            result.setdefault(page.translation_key, {})[page.lang] = page
        return result

    def in_language(self, pages: list[Page], lang: str) -> list[Page]:
        """Keep one version of each page: this language's, else the default language's."""
        chosen: dict[str, Page] = {}
        for page in pages:
            versions = self.translations[page.translation_key]
            chosen[page.translation_key] = versions.get(lang) or versions.get(
                self.region.default_language
            ) or page
        return list(chosen.values())

    def _kind(self, kind: str) -> list[Page]:
        if kind == EVENTS:
            return [p for p in self.region.pages if p.event is not None]
        return [p for p in self.region.pages if p.news is not None]

    # Every page shows the upcoming events and latest news, so each list is computed once
    # per language (functools.cache on the method keeps it per instance and argument).
    @functools.cache  # noqa: B019 - a RegionView lives for one render and is then dropped
    def events(self, lang: str) -> tuple[tuple[Page, ...], tuple[Page, ...]]:
        """Return (upcoming soonest first, past latest first) in one language."""
        if lang not in self._events:
            self._events[lang] = self._sorted_events(lang)
        return self._events[lang]

    def _sorted_events(self, lang: str) -> tuple[tuple[Page, ...], tuple[Page, ...]]:
        events = self.in_language(self._kind(EVENTS), lang)
        upcoming = [e for e in events if _event(e).ends >= self.now]
        past = [e for e in events if _event(e).ends < self.now]
        upcoming.sort(key=lambda p: (_event(p).start, title_key(p.title), p.source))
        past.sort(key=lambda p: (_event(p).start, title_key(p.title), p.source), reverse=True)
        return tuple(upcoming), tuple(past)

    @functools.cache  # noqa: B019
    def news(self, lang: str) -> tuple[Page, ...]:
        items = self.in_language(self._kind(NEWS), lang)
        items.sort(key=lambda p: (p.news.date, p.source), reverse=True)  # type: ignore[union-attr]
        return tuple(items)

    def children(self, section: Page) -> tuple[Page, ...]:
        """Return the pages directly beneath a section, in its language."""
        folder = posixpath.dirname(section.source)
        found = [
            p for p in self.region.pages
            if p.event is None and p.news is None and p is not section
            and _parent_folder(p.source) == folder
            and p.translation_key != section.translation_key
        ]
        return tuple(sorted(self.in_language(found, section.lang), key=page_order))

    def tagged(self, taxonomy: str, term: str, lang: str) -> tuple[Page, ...]:
        found = [p for p in self.region.pages if (taxonomy, term) in p.terms]
        chosen = self.in_language(found, lang)

        def order(p: Page) -> tuple:
            when = p.event.start.isoformat() if p.event else (
                p.news.date.isoformat() if p.news else ""
            )
            return (when, title_key(p.title), p.source)

        return tuple(sorted(chosen, key=order))

    def prefix(self, lang: str) -> str:
        return language_prefix(lang, self.region.default_language)

    @functools.cache  # noqa: B019
    def region_in(self, lang: str) -> Region:
        """Return the region as pages in `lang` show it: its taxonomies' titles and its
        contacts' roles in that language, where they are written per language."""
        return self.region.in_language(lang)

    @functools.cache  # noqa: B019
    def views(self) -> tuple[View, ...]:
        """Return every HTML page of the region, content and generated, in URL order."""
        slots: dict[str, View] = {}
        for lang in self.region.languages:
            for view in self._generated(lang):
                slots[view.url] = view
        views: dict[str, View] = {}
        for page in self.region.pages:
            slot = slots.pop(page.url, None)
            views[page.url] = self._content_view(page, slot)
        views.update(slots)
        return tuple(views[url] for url in sorted(views))

    @functools.cache  # noqa: B019
    def alternates(self) -> dict[str, dict[str, str]]:
        """Group the language versions of every page: translation key -> {lang: url}.

        Only pages that exist are grouped, so a page without a translation has one entry
        and gets no hreflang links.
        """
        result: dict[str, dict[str, str]] = {}
        for view in self.views():
            result.setdefault(view.translation_key, {})[view.lang] = view.url
        return result

    def _generated(self, lang: str) -> list[View]:
        t = self.strings[lang]
        prefix = self.prefix(lang)
        upcoming, past = self.events(lang)
        result = [
            View("home.html", prefix, lang, self.region.name),
            View("events.html", f"{prefix}{EVENTS}/", lang, t["events_title"],
                 upcoming=upcoming, past=past),
            View("news_list.html", f"{prefix}{NEWS}/", lang, t["news_title"],
                 items=self.news(lang)),
            View("search.html", search_url(lang, self.region.default_language), lang,
                 t["search_title"], key="generated:search"),
        ]
        for taxonomy in self.region_in(lang).taxonomies:
            counts = tuple(
                (term, len(self.tagged(taxonomy.id, term.id, lang))) for term in taxonomy.terms
            )
            result.append(View("taxonomy.html", f"{prefix}{taxonomy.id}/", lang, taxonomy.title,
                               taxonomy=taxonomy, terms=counts))
            for term in taxonomy.terms:
                result.append(View(
                    "term.html", f"{prefix}{taxonomy.id}/{term.id}/", lang, term.title,
                    taxonomy=taxonomy, term=term, items=self.tagged(taxonomy.id, term.id, lang),
                ))
        result.extend(
            View(template, url, lang, t[title_key], key="generated:" + key)
            for key, template, title_key, url in self._legal(lang)
        )
        return result

    @functools.cache  # noqa: B019
    def generated_urls(self) -> frozenset[str]:
        """Return the addresses of the pages rusgen makes (generated_pages.generated_urls)."""
        return generated_urls(self.region)

    def _legal(self, lang: str) -> list[tuple[str, str, str, str]]:
        prefix = self.prefix(lang)
        return [
            (key, template, title_key, f"{prefix}{slugs.get(lang, slugs['en'])}/")
            for key, template, title_key, slugs in LEGAL_PAGES
        ]

    def legal_links(self, lang: str) -> tuple[MenuEntry, ...]:
        """Return the footer links every page carries: statement, personal data, cookies."""
        t = self.strings[lang]
        return tuple(MenuEntry(t[title_key], url) for _, _, title_key, url in self._legal(lang))

    def _content_view(self, page: Page, slot: View | None) -> View:
        if slot is not None:
            return View(slot.template, page.url, page.lang, page.title, page=page,
                        items=slot.items, upcoming=slot.upcoming, past=slot.past,
                        taxonomy=slot.taxonomy, term=slot.term, terms=slot.terms,
                        key=self._slot_key(page, slot))
        if page.event is not None:
            return View("event.html", page.url, page.lang, page.title, page=page)
        if page.news is not None:
            return View("news.html", page.url, page.lang, page.title, page=page)
        if page.is_section:
            return View("section.html", page.url, page.lang, page.title, page=page,
                        items=self.children(page))
        return View("page.html", page.url, page.lang, page.title, page=page)

    def _slot_key(self, page: Page, slot: View) -> str:
        """Return the translation key of a content page that fills a generated page's slot.

        A translated page keeps its own key, so it pairs with its translation. An
        untranslated one takes the slot's key, so it pairs with the page generated at the
        same address in the other languages (kraftsamlingar/ with en/kraftsamlingar/).
        """
        if slot.key:
            return slot.key
        if len(self.translations[page.translation_key]) > 1:
            return page.translation_key
        return slot.translation_key

    @functools.cache  # noqa: B019
    def menu(self, lang: str) -> tuple[MenuEntry, ...]:
        """Return the menu of one language; pages without a translation keep their own."""
        t = self.strings[lang]
        prefix = self.prefix(lang)
        entries = []
        for target in self.region.menu:
            if target in (EVENTS, NEWS) and not self.has(target, lang):
                continue  # an empty list is no place to send a reader
            if target in (EVENTS, NEWS):
                title = t["events_title"] if target == EVENTS else t["news_title"]
                entries.append(MenuEntry(title, f"{prefix}{target}/"))
                continue
            page = self._menu_page(target, lang)
            taxonomy = self.region_in(lang).taxonomy(target)
            # A page not translated into `lang` gives way to the taxonomy list it stands
            # in for, which is in every language: "Focus areas", not "Kraftsamlingar".
            if page is not None and (page.lang == lang or taxonomy is None):
                entries.append(MenuEntry(page.title, page.url))
            elif taxonomy is not None:
                entries.append(MenuEntry(taxonomy.title, f"{prefix}{target}/"))
        return tuple(entries)

    def has(self, kind: str, lang: str) -> bool:
        """Tell whether the region has any events (EVENTS) or news (NEWS) in a language."""
        if kind == EVENTS:
            return any(self.events(lang))
        return bool(self.news(lang))

    @functools.cache  # noqa: B019
    def titles(self) -> dict[str, str]:
        """Map every page's address to its title, for breadcrumbs."""
        return {view.url: view.title for view in self.views()}

    def breadcrumbs(self, view: View) -> tuple[MenuEntry, ...]:
        """Return the pages above a page, home first: each existing address its URL begins with."""
        home = self.prefix(view.lang)
        if view.url == home or view.template in ("404.html", "redirect.html"):
            return ()
        titles = self.titles()
        trail = [MenuEntry(self.strings[view.lang]["home"], home)]
        parts = view.url.removeprefix(home).strip("/").split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            url = home + "/".join(parts[:depth]) + "/"
            if url in titles:
                trail.append(MenuEntry(titles[url], url))
        return tuple(trail)

    def _menu_page(self, target: str, lang: str) -> Page | None:
        for key in (f"{target}.md", f"{target}/index.md"):
            versions = self.translations.get(key)
            if versions:
                return versions.get(lang) or versions.get(self.region.default_language)
        return None

    def series(self, page: Page) -> tuple[Page, ...]:
        """Return the other events of the same series, in start order."""
        if page.event is None or not page.event.series:
            return ()
        others = [
            p for p in self.region.pages
            if p.event is not None and p.event.series == page.event.series
            and p.translation_key != page.translation_key
        ]
        chosen = self.in_language(others, page.lang)
        return tuple(sorted(chosen, key=lambda p: (p.event.start, p.source)))  # type: ignore


def _parent_folder(source: str) -> str:
    """Return the folder a page is listed in: index.md pages belong to the folder above."""
    folder, name = posixpath.split(source)
    if name.split(".")[0] == "index":
        return posixpath.dirname(folder) if folder else "\0root"
    return folder
