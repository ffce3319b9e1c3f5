"""Checks of events that readers and calendars would get wrong.

An event with a time of day and no `end:` warns (it leaves "upcoming" the moment it
starts, and calendars show it with no length). So does an event whose end is a date
without a time more than a day after a timed start. An all-day event (a date alone)
without an end is one day and is fine.
"""

from __future__ import annotations

from collections.abc import Iterator

from rusgen.checks.context import CheckContext, Source
from rusgen.errors import ContentError
from rusgen.model import Page

# Statuses that change what a calendar shows (STATUS, the time or the place), so calendars
# that already hold the event must see SEQUENCE rise, and rusgen counts it from `updated`.
CALENDAR_CHANGES = ("cancelled", "postponed", "moved-online")
# What the language versions of one event (one calendar UID) must agree on.
SHARED_EVENT_FIELDS = ("start", "end", "location", "status")


def check_registration(ctx: CheckContext) -> Iterator[ContentError]:
    """Warn about upcoming events whose registration deadline has passed."""
    for source in ctx.pages():
        event = source.page.event
        if event is None or event.registration is None or event.registration.deadline is None:
            continue
        if event.status in ("full", "cancelled") or event.ends < ctx.site.build_time:
            continue
        today = ctx.site.build_time.astimezone(event.start.tzinfo).date()
        deadline = event.registration.deadline
        if deadline < today:
            yield ctx.warning(
                source.display, source.page.field_lines.line_of("registration.deadline"),
                "registration.deadline", "check.deadline_passed", deadline=deadline.isoformat(),
            )


def check_event_ends(ctx: CheckContext) -> Iterator[ContentError]:
    """Warn about timed events with no end, or an end without a time days later."""
    for source in ctx.pages():
        event, lines = source.page.event, source.page.field_lines
        if event is None or event.all_day:
            continue
        if event.end is None:
            yield ctx.warning(source.display, lines.line_of("start"), "end", "check.no_end",
                              example=f"{event.start:%Y-%m-%d} 16:00")
        elif (event.end.hour, event.end.minute) == (23, 59) and event.end.date() > event.start.date():
            yield ctx.warning(source.display, lines.line_of("end"), "end", "check.end_without_time",
                              example=f"{event.end:%Y-%m-%d} 16:00")


def check_calendar_updates(ctx: CheckContext) -> Iterator[ContentError]:
    """Warn where calendars would miss a change: no `updated`, one in the future, versions apart.

    rusgen keeps no state between builds, so SEQUENCE comes from `updated` alone (see
    outputs/calendar.py); these are the mistakes that can be seen without that state.
    """
    now = ctx.site.build_time
    for source in ctx.pages():
        page, event = source.page, source.page.event
        if event is None:
            continue
        if event.status in CALENDAR_CHANGES and page.updated is None:
            yield ctx.warning(
                source.display, page.field_lines.line_of("status"), "updated",
                "check.change_without_updated", status=event.status,
                example=f"{now.astimezone(event.start.tzinfo):%Y-%m-%d %H:%M}",
            )
        elif event.previous_start is not None and page.updated is None:
            yield ctx.warning(
                source.display, page.field_lines.line_of("previous_start"), "updated",
                "check.moved_without_updated",
                example=f"{now.astimezone(event.start.tzinfo):%Y-%m-%d %H:%M}",
            )
        if page.updated is not None and page.updated > now:
            yield ctx.warning(source.display, page.field_lines.line_of("updated"), "updated",
                              "check.updated_later", updated=f"{page.updated:%Y-%m-%d %H:%M}")
    yield from _event_versions_apart(ctx)


def _event_versions_apart(ctx: CheckContext) -> Iterator[ContentError]:
    """Warn where a translation of an event gives another time, place or status."""
    for region in ctx.site.regions:
        versions: dict[str, list[Page]] = {}
        for page in region.pages:
            if page.event is not None:
                versions.setdefault(page.translation_key, []).append(page)
        for group in versions.values():
            first, *others = sorted(group, key=lambda p: p.lang != region.default_language)
            for other in others:
                differ = [key for key in SHARED_EVENT_FIELDS
                          if getattr(first.event, key) != getattr(other.event, key)]
                if not differ:
                    continue
                yield ctx.warning(
                    Source(region, other).display, other.field_lines.line_of(differ[0]), differ[0],
                    "check.version_differs" if len(differ) == 1 else "check.versions_differ",
                    fields=", ".join(differ), other=f"content/{region.id}/{first.source}",
                )
