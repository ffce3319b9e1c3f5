"""Links that open an event in Google Calendar and in Outlook on the web, ready to save.

Plain links: nothing is asked of Google or Microsoft until the reader clicks one (no
script, no image, no prefetch). Times are in UTC, so the services show them in the
reader's own zone; an all-day event is given as days, the end exclusive as RFC 5545 has it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from urllib.parse import urlencode

from rusgen.model import EventInfo, Page, Region

GOOGLE = "https://calendar.google.com/calendar/render"
OUTLOOK = "https://outlook.office.com/calendar/deeplink/compose"


@dataclass(frozen=True)
class CalendarLinks:
    google: str
    outlook: str


def calendar_links(region: Region, page: Page) -> CalendarLinks:
    """Return the event page's links to Google Calendar and Outlook on the web."""
    info = page.event
    assert info is not None
    url = region.absolute_url(page.url)
    details = f"{page.summary}\n\n{url}" if page.summary else url
    place = place_of(info)
    if info.all_day:
        first = info.start.date()
        after = (info.end or info.start).date() + timedelta(days=1)
        dates = f"{first:%Y%m%d}/{after:%Y%m%d}"
        outlook_times = {"startdt": first.isoformat(), "enddt": after.isoformat(), "allday": "true"}
    else:
        start, end = _utc(info.start), _utc(info.end or info.start)
        dates = f"{start:%Y%m%dT%H%M%SZ}/{end:%Y%m%dT%H%M%SZ}"
        outlook_times = {"startdt": f"{start:%Y-%m-%dT%H:%M:%SZ}", "enddt": f"{end:%Y-%m-%dT%H:%M:%SZ}"}
    google = {"action": "TEMPLATE", "text": page.title, "dates": dates, "details": details}
    outlook = {"path": "/calendar/action/compose", "rru": "addevent", "subject": page.title,
               **outlook_times, "body": details}
    if place:
        google["location"] = outlook["location"] = place
    return CalendarLinks(f"{GOOGLE}?{urlencode(google)}", f"{OUTLOOK}?{urlencode(outlook)}")


def place_of(info: EventInfo) -> str:
    """Return where to be: the place, else the online meeting's address."""
    if info.location and info.status != "moved-online":
        return info.location
    return info.online.url if info.online is not None and info.online.url else ""


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)
