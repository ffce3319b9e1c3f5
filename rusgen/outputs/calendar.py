"""Calendars (RFC 5545 with RFC 7986): a .ics per event and a feed per region and language.

An event page at events/<slug>/ gets its calendar file next to it, events/<slug>.ics;
the feed of every event is events.ics (en/events.ics in English), next to the list.

Stable across builds and edits:
- UID: the event's `uid` field, else "<region id>/<source path without .en>", then
  "@<host of base_url>". Never the title or date, so a renamed or moved meeting updates
  in readers' calendars; both language versions of an event share one UID.
- SEQUENCE: the minutes from 2000-01-01 UTC to the event's `updated` time (the latest of
  its language versions, which share the UID), else 0. rusgen stores nothing between
  builds (a fresh CI clone has no previous output, a shallow one no history), and a
  content hash is not monotonic, so the only honest source of "this changed later" is
  the `updated` field the communicator moves forward when they edit an event
  (docs/content.md says so; `rusgen check` warns where a missing or wrong one shows).
  Without it SEQUENCE stays 0 and clients go by DTSTAMP.
- DTSTAMP: the start of the build's day (UTC; SOURCE_DATE_EPOCH when set), so output is
  reproducible and a rebuild the same day of unchanged content changes nothing.

A build keeps a region's calendars in the store under `input_key`: the whole Region with
its pages cut to the events, the UI strings and the build's day. That is all `render`
reads (no other page reaches a calendar), and a field added to the Region or a Page is
in the key without anyone listing it. After an edit to a page that is no event, no
region's calendars are made again (performance.md, "incremental").
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from rusgen.model import Output, Page, Region
from rusgen.outputs.region_view import EVENTS, RegionView
from rusgen.outputs.vtimezone import vtimezone_lines
from rusgen.store import key
from rusgen.text import tel_uri

# icalendar is imported by the functions that build components: its import costs about
# 0.1 s, and html.py imports this module only for the URLs (the preview makes no .ics
# until asked).
if TYPE_CHECKING:
    from icalendar import Calendar, Event

PRODID = "-//rusgen//rusgen microsites//SV"
FOLD_OCTETS = 75
ONLINE_LOCATION = "Online"  # the same word in Swedish and English calendars
SEQUENCE_EPOCH = datetime(2000, 1, 1, tzinfo=UTC)
# RFC 5545 has three statuses for an event. A postponed meeting has no new date yet (as
# schema.org's EventPostponed), so it is not confirmed at the time it still shows; full and
# moved-online meetings still take place then.
CALENDAR_STATUS = {"cancelled": "CANCELLED", "postponed": "TENTATIVE"}


def input_key(view: RegionView, strings: Mapping[str, dict[str, str]]) -> str:
    """Hash what the region's calendars are made from: equal keys, equal files.

    The region whole but for its pages that are no event (a tenth of a region's pages,
    so the hash costs about 15 ms against 200 ms for the calendars themselves).
    """
    region = view.region
    events = tuple(page for page in region.pages if page.event is not None)
    cut = replace(region, pages=events, coming=(), ended=())
    return key("calendars", repr(cut), repr(sorted(strings.items())), view.build_day.isoformat())


def render(view: RegionView, strings: Mapping[str, dict[str, str]]) -> Iterator[Output]:
    """Yield a calendar file per event page and one feed per language of the region."""
    region = view.region
    # Each event goes into its own file and into its language's feed: build it once.
    # Components are only serialised, never changed, so two calendars may share one.
    built: dict[tuple[str, str], Event] = {}

    def event_in(page: Page, lang: str) -> Event:
        key = (page.source, lang)
        if key not in built:
            built[key] = _event(view, page, strings[lang])
        return built[key]

    for page in region.pages:
        if page.event is not None:
            calendar = _calendar(region, page.title, page.lang)
            calendar.add_component(event_in(page, page.lang))
            yield _output(region, calendar_url(page.url), calendar)
    for lang in region.languages:
        upcoming, past = view.events(lang)
        calendar = _calendar(region, f"{strings[lang]['events_title']} – {region.name}", lang)
        # RFC 7986's REFRESH-INTERVAL, and the older X-PUBLISHED-TTL that Outlook and Google
        # read: a subscribed feed is fetched again daily, not kept stale for weeks.
        calendar.add("refresh-interval", timedelta(days=1), parameters={"VALUE": "DURATION"})
        calendar.add("x-published-ttl", "PT1D")
        for page in sorted(upcoming + past, key=lambda p: (p.event.start, p.source)):  # type: ignore
            calendar.add_component(event_in(page, lang))
        yield _output(region, feed_url(view.prefix(lang)), calendar)


def calendar_url(page_url: str) -> str:
    """Return the URL of an event page's calendar file: "events/x/" -> "events/x.ics"."""
    return page_url.rstrip("/") + ".ics"


def feed_url(prefix: str) -> str:
    """Return the URL of a language's calendar feed: "" -> "events.ics"."""
    return f"{prefix}{EVENTS}.ics"


def event_uid(region: Region, page: Page) -> str:
    """Return the event's calendar UID, which never changes once published."""
    assert page.event is not None
    local = page.event.uid or f"{region.id}/{page.translation_key}"
    return f"{local}@{urlsplit(region.base_url).hostname or region.id}"


def last_change(view: RegionView, page: Page) -> datetime | None:
    """Return the latest `updated` of an event's language versions: they share one UID."""
    versions = view.translations[page.translation_key].values()
    return max((p.updated for p in versions if p.updated is not None), default=None)


def sequence(updated: datetime | None) -> int:
    """Return SEQUENCE: minutes since 2000 of the event's last change, else 0."""
    if updated is None:
        return 0
    return max(0, int((updated - SEQUENCE_EPOCH).total_seconds() // 60))


def _calendar(region: Region, name: str, lang: str) -> Calendar:
    from icalendar import Calendar

    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name, parameters={"LANGUAGE": lang})
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", region.timezone)
    return calendar


def _event(view: RegionView, page: Page, t: dict[str, str]) -> Event:
    region, info = view.region, page.event
    assert info is not None
    from icalendar import Event

    event = Event()
    event.add("uid", event_uid(region, page))
    event.add("dtstamp", view.build_day)
    updated = last_change(view, page)
    # A moved event must be newer than the version readers have; `updated` is its version,
    # and the move itself adds one, should the communicator forget to move `updated` on.
    event.add("sequence", sequence(updated) + (1 if info.previous_start else 0))
    if updated is not None:
        event.add("last-modified", updated.astimezone(UTC))
    if info.all_day:
        last_day = (info.end or info.start).date()
        event.add("dtstart", info.start.date())
        event.add("dtend", last_day + timedelta(days=1))  # DTEND of a DATE is exclusive
    else:
        event.add("dtstart", info.start)
        if info.end is not None:
            event.add("dtend", info.end)
    event.add("summary", page.title, parameters={"LANGUAGE": page.lang})
    if info.location and info.status != "moved-online":
        event.add("location", info.location)
    elif info.online is not None and info.online.url:
        # An empty place reads as "somewhere" in clients; the meeting's address is the place.
        event.add("location", f"{ONLINE_LOCATION}: {info.online.url}",
                  parameters={"ALTREP": info.online.url})
    url = region.absolute_url(page.url)
    event.add("url", url, parameters={"VALUE": "URI"})
    event.add("description", _description(page, url, t))
    online = info.online
    if online is not None and online.url:
        label = online.platform or t["online_meeting"]
        event.add("conference", online.url,
                  # a list is a parameter of several values, which icalendar's hints leave out
                  parameters={"VALUE": "URI", "FEATURE": ["AUDIO", "VIDEO"], "LABEL": label})  # type: ignore[dict-item]
    if online is not None and online.phone:
        tel = tel_uri(online.phone)
        params = {"VALUE": "URI", "FEATURE": "PHONE", "LABEL": online.phone}
        if online.conference_id:
            params["LABEL"] = f"{online.phone}, {t['conference_id']} {online.conference_id}"
        event.add("conference", tel, parameters=params)
    event.add("status", CALENDAR_STATUS.get(info.status, "CONFIRMED"))
    return event


def _description(page: Page, url: str, t: dict[str, str]) -> str:
    """Return the plain-text description: summary, status note, how to join, the page."""
    info = page.event
    assert info is not None
    lines = [page.summary] if page.summary else []
    if info.status != "scheduled":
        status = t["status_" + info.status.replace("-", "_")]
        lines.append(f"{status}. {info.status_note}".strip() if info.status_note else status)
    elif info.status_note:
        lines.append(info.status_note)
    online = info.online
    if online is not None:
        if online.url:
            label = t["join_online"].format(platform=online.platform or t["online_meeting"])
            lines.append(f"{label}: {online.url}")
        if online.phone:
            lines.append(f"{t['dial_in']}: {online.phone}")
        if online.conference_id:
            lines.append(f"{t['conference_id']}: {online.conference_id}")
    if info.livestream:
        lines.append(f"{t['livestream']}: {info.livestream}")
    lines.append(url)
    return "\n\n".join(lines)


def _output(region: Region, url: str, calendar: Calendar) -> Output:
    tzids = sorted(calendar.get_missing_tzids())
    return Output(f"{region.output_folder}/{url}", serialise(calendar, tzids, *_timezone_years(calendar)))


def serialise(calendar: Calendar, tzids: list[str], first: date, last: date) -> bytes:
    """Return the calendar's bytes: our VTIMEZONEs before the events, lines folded by octets.

    RFC 5545 (3.1) limits a line to 75 octets; icalendar counts characters, so a line of
    Swedish text came out longer, which strict clients refuse or cut inside a letter.
    """
    lines = calendar.to_ical().replace(b"\r\n ", b"").decode("utf-8").split("\r\n")
    zones = [line for tzid in tzids for line in vtimezone_lines(tzid, first, last)]
    at = next((i for i, line in enumerate(lines) if line.startswith("BEGIN:V")
               and line != "BEGIN:VCALENDAR"), len(lines) - 2)
    lines[at:at] = zones
    return b"".join(fold(line) for line in lines if line)


def fold(line: str) -> bytes:
    """Return one content line folded at 75 octets, never inside a UTF-8 character, with CRLF."""
    data = line.encode("utf-8")
    parts, start, limit = [], 0, FOLD_OCTETS
    while len(data) - start > limit:
        end = start + limit
        while end > start and (data[end] & 0xC0) == 0x80:  # a continuation byte: step back
            end -= 1
        parts.append(data[start:end])
        start, limit = end, FOLD_OCTETS - 1  # a continuation line begins with a space
    parts.append(data[start:])
    return b"\r\n ".join(parts) + b"\r\n"


def _timezone_years(calendar: Calendar) -> tuple[date, date]:
    """Return the span the VTIMEZONE must cover: the years of the calendar's events.

    icalendar's default span, 1970 to 2038, writes every daylight-saving change of 68
    years into each file and lists no change after 2037. The events' own years are enough,
    with the year before (so the rule in force at an event early in its year is in the
    file) and one after (an event that ends after new year).
    """
    years = [event.decoded(name).year for event in calendar.walk("VEVENT")
             for name in ("dtstart", "dtend") if name in event]
    if not years:
        return date(1970, 1, 1), date(1971, 1, 1)
    return date(min(years) - 1, 1, 1), date(max(years) + 2, 1, 1)
