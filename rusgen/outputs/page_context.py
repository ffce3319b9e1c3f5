"""What a template sees when it renders one page of a region, all of it derived from the Site.

The functions a template can call that read the site in Python note what they read in
the page's record (outputs/page_reads.py), when one is kept: the rest of the context is
recorded by the names a template looks up.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from rusgen.model import Contact, Page, Region, Site
from rusgen.outputs import brand, calendar, feeds
from rusgen.outputs.add_to_calendar import calendar_links
from rusgen.outputs.images import ResponsiveImage
from rusgen.outputs.inaccessible import by_group, inaccessible_documents
from rusgen.outputs.page_reads import SITE_ADDRESSES, token
from rusgen.outputs.region_view import EVENTS, NEWS, RegionView, View
from rusgen.outputs.search import search_url
from rusgen.outputs.structured_data import structured_data
from rusgen.render import ThemeEnvironment, Translator
from rusgen.text import format_event_when
from rusgen.urls import relative_url


class PageContexts:
    """Make the context of each page of one region."""

    def __init__(self, site: Site, view: RegionView, env: ThemeEnvironment,
                 strings: dict[str, dict[str, str]], assets: dict[str, str],
                 images: dict[str, ResponsiveImage]) -> None:
        self.site = site
        self.view = view
        self.env = env  # whose `reads`, while a page renders for the page cache, is its record
        self.strings = strings
        self.assets = assets
        self.images = images

    def context(self, view: View, alternates: dict[str, str], path: str) -> dict[str, Any]:
        """Return what a template sees of the page at `path` of the output."""
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
            "site_link": self._reading(
                (SITE_ADDRESSES,), lambda url: self.site.link_from(region, path, url)
            ),
            "asset": lambda path: relative_url(view.url, self.assets[path]),
            "abs_url": self._reading((token("region", region.id, "base_url"),), region.absolute_url),
            "menu": self.view.menu(lang),
            "legal_links": self.view.legal_links(lang),
            "structured_data": structured_data(region, view.page, view.template == "home.html"),
            "home_url": self.view.prefix(lang),
            "alternates": alternates,
            "contacts": lambda ids: self._contacts(region, ids),
            "responsive": self.images.get,  # for partials/picture.html
            "term_of": self._reading((token("region", region.id, "taxonomies"),), region.term),
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
            "inaccessible_documents": self._reading(
                (token("region", region.id, "pages"), token("region", region.id, "document_checks")),
                lambda: by_group(inaccessible_documents(region, lang))
            ),
            "calendar_url": calendar.calendar_url,
            "calendar_links": lambda page: self._calendar_links(region, page),
            # When a moved event was to be held, said as its new time is (`event_when`).
            "moved_from": lambda ev: format_event_when(ev.previous_start, None, ev.all_day, lang),
            "feeds": {
                "news": feeds.feed_url(self.view.prefix(lang), NEWS),
                "events": feeds.feed_url(self.view.prefix(lang), EVENTS),
                "calendar": calendar.feed_url(self.view.prefix(lang)),
            },
        }

    def _reading(self, tokens: tuple[str, ...], function: Callable[..., Any]) -> Callable[..., Any]:
        """Wrap a context function that reads the site in Python: calling it notes what it read."""
        def reading(*args: Any) -> Any:
            if self.env.reads is not None:
                self.env.reads.note(*tokens)
            return function(*args)
        return reading

    def _contacts(self, region: Region, ids: list[str]) -> list[Contact]:
        if self.env.reads is not None:
            self.env.reads.note(*(token("contact", region.id, i) for i in ids))
        return [region.contacts_by_id[i] for i in ids]

    def _calendar_links(self, region: Region, page: Page) -> Any:
        if self.env.reads is not None:
            self.env.reads.note(token("region", region.id, "base_url"))
            self.env.reads.page(page)
        return calendar_links(region, page)


def event_state(page: Page, now: datetime) -> str:
    """Return the one state an event shows: "past" once over (unless cancelled), else its status.

    Templates ask this rather than compare with the clock: a theme that names the clock
    is rendered anew on every build (buildsettings.themes_read_the_clock), while which events have
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
