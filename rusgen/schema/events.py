"""The fields of events and news items beyond those of every page."""

from __future__ import annotations

from datetime import datetime

from rusgen.contentmodel import EVENT, NEWS
from rusgen.fields import Fields
from rusgen.model import (
    AgendaItem,
    EventInfo,
    NewsInfo,
    OnlineMeeting,
    Registration,
)
from rusgen.schema.common import AGENDA, RegionContext
from rusgen.schema.contacts import contact_ids


def read_event(f: Fields, region: RegionContext) -> EventInfo | None:
    start = f.read(EVENT["start"])
    end = f.read(EVENT["end"])
    if start is None:
        return None
    start_at, start_has_time = start
    all_day = not start_has_time
    end_at = None
    if end is not None:
        end_at, end_has_time = end
        if all_day and end_has_time:
            f.say("end", "event.all_day_end")
        elif not all_day and not end_has_time:
            end_at = end_at.replace(hour=23, minute=59)
        if end_at < start_at:
            f.say("end", "event.end_before_start", end=f.data["end"], start=f.data["start"])
    if all_day and end_at is not None:
        end_at = end_at.replace(hour=23, minute=59, second=59)
    online = f.section(EVENT["online"])
    registration = f.section(EVENT["registration"])
    agenda = [
        AgendaItem(
            time=entry.read(AGENDA["time"]),
            title=entry.read(AGENDA["title"]),
            who=entry.read(AGENDA["who"]),
        )
        for entry in f.maps(EVENT["agenda"])
    ]
    return EventInfo(
        start=start_at.replace(tzinfo=region.tz),
        end=end_at.replace(tzinfo=region.tz) if end_at else None,
        all_day=all_day,
        location=f.read(EVENT["location"]),
        online=_online(online),
        livestream=f.read(EVENT["livestream"]),
        registration=_registration(registration),
        status=f.read(EVENT["status"]),
        status_note=f.read(EVENT["status_note"]),
        agenda=tuple(agenda),
        series=f.read(EVENT["series"]),
        uid=f.read(EVENT["uid"]),
        previous_start=_previous_start(f, region),
    )


def _previous_start(f: Fields, region: RegionContext) -> datetime | None:
    """Return when a moved event was to start: a time in the region's zone, or None."""
    moment = f.read(EVENT["previous_start"])
    return moment.at.replace(tzinfo=region.tz) if moment else None


def _online(block: Fields | None) -> OnlineMeeting | None:
    return OnlineMeeting(**block.values(EVENT["online"])) if block else None


def _registration(block: Fields | None) -> Registration | None:
    return Registration(**block.values(EVENT["registration"])) if block else None


def read_news(f: Fields, region: RegionContext) -> NewsInfo | None:
    day = f.read(NEWS["date"])
    if day is None:
        return None
    return NewsInfo(
        date=day,
        kind=f.read(NEWS["kind"]),
        author=f.read(NEWS["author"]),
        press_contacts=contact_ids(f, "press_contacts", region),
    )
