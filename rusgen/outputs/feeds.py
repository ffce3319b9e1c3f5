"""Atom feeds (RFC 4287) per region and language: news/atom.xml and events/atom.xml.

Links are absolute, from base_url, as feed readers need. Ids are urn:uuid values derived
from the region id and the source path (an event's `uid` when it has one), so they stay
the same when base_url, the title or the slug changes. `updated` comes from the content:
a page's `updated`, else a news item's date or an event's start; a feed's `updated` is
the newest of its entries (the build time only for an empty feed).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator, Mapping
from datetime import UTC, date, datetime
from xml.etree import ElementTree as ET
from zoneinfo import ZoneInfo

from rusgen import __version__
from rusgen.model import Output, Page
from rusgen.outputs.region_view import EVENTS, NEWS, RegionView
from rusgen.text import format_event_when

ATOM = "http://www.w3.org/2005/Atom"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
FEED_FILE = "atom.xml"


def feed_url(prefix: str, kind: str) -> str:
    """Return the URL of a language's news or events feed: "news/atom.xml"."""
    return f"{prefix}{kind}/{FEED_FILE}"


def render(view: RegionView, strings: Mapping[str, dict[str, str]]) -> Iterator[Output]:
    """Yield the news feed and the events feed of every language of the region."""
    region = view.region
    for lang in region.languages:
        prefix, t = view.prefix(lang), strings[lang]
        upcoming, past = view.events(lang)
        events = sorted(upcoming + past, key=lambda p: (p.event.start, p.source), reverse=True)  # type: ignore
        for kind, title, items in (
            (NEWS, t["news_title"], view.news(lang)),
            (EVENTS, t["events_title"], tuple(events)),
        ):
            data = _feed(view, lang, prefix, kind, f"{title} – {region.name}", items)
            yield Output(f"{region.output_folder}/{feed_url(prefix, kind)}", data)


def _feed(view: RegionView, lang: str, prefix: str, kind: str, title: str,
          items: tuple[Page, ...]) -> bytes:
    region = view.region
    feed = ET.Element("feed", {"xmlns": ATOM, XML_LANG: lang})
    _add(feed, "id", _urn(f"{region.id}/{prefix}{kind}"))
    _add(feed, "title", title)
    _add(feed, "link", rel="alternate", type="text/html", href=region.absolute_url(f"{prefix}{kind}/"))
    _add(feed, "link", rel="self", type="application/atom+xml",
         href=region.absolute_url(feed_url(prefix, kind)))
    stamps = [_updated(view, page) for page in items]
    _add(feed, "updated", _stamp(max(stamps, default=view.build_day)))
    author = _add(feed, "author")
    _add(author, "name", region.organisation)
    _add(feed, "generator", "rusgen", version=__version__)
    for page, stamp in zip(items, stamps, strict=True):
        _entry(feed, view, page, stamp, lang)
    ET.indent(feed)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="utf-8",
                                                                      xml_declaration=False) + b"\n"


def _entry(feed: ET.Element, view: RegionView, page: Page, stamp: datetime, lang: str) -> None:
    region = view.region
    entry = _add(feed, "entry")
    key = page.event.uid if page.event and page.event.uid else f"{region.id}/{page.source}"
    _add(entry, "id", _urn(key))
    title = _add(entry, "title", page.title)
    if page.lang != lang:
        title.set(XML_LANG, page.lang)
    _add(entry, "link", rel="alternate", type="text/html", href=region.absolute_url(page.url))
    if page.news is not None:
        _add(entry, "published", _stamp(_midnight(page.news.date, view)))
    _add(entry, "updated", _stamp(stamp))
    summary = page.summary
    if page.event is not None:
        info = page.event
        when = format_event_when(info.start, info.end, info.all_day, page.lang)
        summary = " ".join(part for part in (when + ".", info.location, page.summary) if part)
    if summary:
        _add(entry, "summary", summary)
    if page.news is not None and page.news.author:
        _add(_add(entry, "author"), "name", page.news.author)


def _updated(view: RegionView, page: Page) -> datetime:
    if page.updated is not None:
        return page.updated
    if page.news is not None:
        return _midnight(page.news.date, view)
    assert page.event is not None
    return page.event.start


def _midnight(day: date, view: RegionView) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=ZoneInfo(view.region.timezone))


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _urn(key: str) -> str:
    return "urn:uuid:" + str(uuid.uuid5(uuid.NAMESPACE_URL, f"rusgen:{key}"))


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attrs)
    if text is not None:
        element.text = text
    return element
