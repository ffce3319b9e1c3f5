"""The moments at which a built site changes by itself, with no edit: what `rusgen schedule`
lists, and what tells a build when its output stops being current."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

from rusgen.messages import say
from rusgen.model import Page, Region, Site
from rusgen.text import format_datetime

# The kinds of moment, in the order they are listed when they fall together.
PUBLISH, UNPUBLISH, EVENT_ENDS, DEADLINE = "publish", "unpublish", "event_ends", "deadline"
KINDS = (PUBLISH, UNPUBLISH, EVENT_ENDS, DEADLINE)


@dataclass(frozen=True)
class Moment:
    """One change of the built site: when, what, and which page of which region."""

    when: datetime
    kind: str
    region: str
    page: Page


def coming_moments(site: Site) -> list[Moment]:
    """Return every moment after the site's build time at which a build would differ."""
    moments = [
        moment for region in site.regions for moment in _region_moments(region)
        if moment.when > site.build_time
    ]
    return sorted(moments, key=lambda m: (m.when, KINDS.index(m.kind), m.region, m.page.source))


def _region_moments(region: Region) -> Iterator[Moment]:
    zone = ZoneInfo(region.timezone)
    for page in region.coming:
        yield Moment(page.publish, PUBLISH, region.id, page)  # type: ignore[arg-type]
    for page in region.pages:
        if page.draft:
            continue  # published by no build
        if page.unpublish is not None:
            yield Moment(page.unpublish, UNPUBLISH, region.id, page)
        if page.event is None:
            continue
        yield Moment(page.event.ends, EVENT_ENDS, region.id, page)
        deadline = page.event.registration.deadline if page.event.registration else None
        if deadline is not None:
            # The deadline is the whole day: it has passed when the next one begins.
            next_day = datetime.combine(deadline + timedelta(days=1), time(), zone)
            yield Moment(next_day, DEADLINE, region.id, page)


def as_text(moments: list[Moment], lang: str) -> list[str]:
    """Return one line a moment for people: when (in its region's time), where, what."""
    return [
        f"{format_datetime(m.when, lang)}  {m.region}  {say(f'schedule.{m.kind}', lang)}: "
        f"{m.page.title} (content/{m.region}/{m.page.source})"
        for m in moments
    ]


def as_json(moments: list[Moment]) -> list[dict[str, str]]:
    """Return the moments for tools: ISO times with their offset and in UTC."""
    return [
        {
            "when": m.when.isoformat(),
            "utc": m.when.astimezone(UTC).isoformat(),
            "kind": m.kind,
            "region": m.region,
            "source": f"content/{m.region}/{m.page.source}",
            "url": m.page.url,
            "title": m.page.title,
        }
        for m in moments
    ]


def as_cron(moments: list[Moment]) -> list[str]:
    """Return one cron line a moment, in UTC as CI schedules read it: "0 7 1 12 *"."""
    lines = []
    for m in moments:
        utc = m.when.astimezone(UTC)
        line = f"{utc.minute} {utc.hour} {utc.day} {utc.month} *"
        if line not in lines:
            lines.append(line)
    return lines
