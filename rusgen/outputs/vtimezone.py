"""VTIMEZONE components that Outlook, Google and Apple read alike, from the tz database.

icalendar's own VTIMEZONE lists each change as a date (DTSTART and RDATEs), starts with
an invented observance, writes a COMMENT about the span it covers, and gives the onset of
summer time as 03:00, the local time after the change. RFC 5545 (3.6.5) asks for the
local time before it, in TZOFFSETFROM: 02:00 in spring, 03:00 in autumn. Clients that
trust the component (Outlook does) then move events near a change by an hour.

This module writes what the tz references publish for such zones: one observance per
kind of change, with its first onset and, when every change of the span follows one rule
("last Sunday in March"), that rule as RRULE; otherwise the onsets as RDATEs. The span
starts a year before the first event, so an event before the year's first change has a
rule in force.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class Change:
    """One change of a zone's offset: when (UTC) and from what to what."""

    at: datetime  # UTC
    offset_from: timedelta
    offset_to: timedelta
    name: str  # the abbreviation after the change, CEST
    dst: bool  # summer time after the change

    @property
    def local_onset(self) -> datetime:
        """Return the wall-clock time of the change as read before it (RFC 5545's DTSTART)."""
        return (self.at + self.offset_from).replace(tzinfo=None)


def _utc_offset(moment: datetime) -> timedelta:
    """Return the offset of a time that has a zone (never None for one)."""
    return moment.utcoffset() or timedelta(0)


def changes(zone: ZoneInfo, first: date, last: date) -> list[Change]:
    """Return the zone's changes between two days, found day by day, then to the second."""
    found = []
    moment = datetime.combine(first, datetime.min.time(), UTC)
    end = datetime.combine(last, datetime.min.time(), UTC)
    step = timedelta(days=1)
    while moment < end:
        before, after = moment.astimezone(zone), (moment + step).astimezone(zone)
        if before.utcoffset() != after.utcoffset() or before.tzname() != after.tzname():
            low, high = moment, moment + step
            while high - low > timedelta(seconds=1):
                middle = low + (high - low) / 2
                if middle.astimezone(zone).utcoffset() == before.utcoffset() and (
                    middle.astimezone(zone).tzname() == before.tzname()
                ):
                    low = middle
                else:
                    high = middle
            at = high.replace(microsecond=0)
            local = at.astimezone(zone)
            found.append(Change(at, _utc_offset(before), _utc_offset(local), local.tzname() or "",
                                bool(local.dst())))
        moment += step
    return found


@functools.lru_cache(maxsize=64)
def vtimezone_lines(tzid: str, first: date, last: date) -> tuple[str, ...]:
    """Return the content lines of the zone's VTIMEZONE over [first, last), unfolded."""
    zone = ZoneInfo(tzid)
    lines = ["BEGIN:VTIMEZONE", f"TZID:{tzid}"]
    found = changes(zone, first, last)
    if not found:  # no change in the span: one observance with the offset in force
        at = datetime.combine(first, datetime.min.time(), UTC).astimezone(zone)
        offset = at.utcoffset() or timedelta(0)
        lines += _observance("DAYLIGHT" if at.dst() else "STANDARD", at.tzname() or "", offset,
                             offset, f"DTSTART:{first:%Y%m%d}T000000", ())
        return (*lines, "END:VTIMEZONE")
    kinds: dict[tuple, list[Change]] = {}
    for change in found:
        kinds.setdefault((change.dst, change.name, change.offset_from, change.offset_to), []).append(change)
    for (dst, name, offset_from, offset_to), group in sorted(kinds.items(), key=lambda k: k[1][0].at):
        start = group[0].local_onset
        rule = _yearly_rule(group, last)
        extra = (rule,) if rule else tuple(
            f"RDATE:{change.local_onset:%Y%m%dT%H%M%S}" for change in group[1:]
        )
        lines += _observance("DAYLIGHT" if dst else "STANDARD", name, offset_from, offset_to,
                             f"DTSTART:{start:%Y%m%dT%H%M%S}", extra)
    return (*lines, "END:VTIMEZONE")


def _observance(kind: str, name: str, offset_from: timedelta, offset_to: timedelta,
                start: str, extra: tuple[str, ...]) -> list[str]:
    return [f"BEGIN:{kind}", start, *extra, f"TZOFFSETFROM:{_offset(offset_from)}",
            f"TZOFFSETTO:{_offset(offset_to)}", f"TZNAME:{name}", f"END:{kind}"]


def _yearly_rule(group: list[Change], last: date) -> str:
    """Return "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU" when every change follows it, else "".

    A rule needs one change in each year of the span, on one weekday of one month, in the
    same week of it (counted from the end when it is the last), at the same local time.
    """
    onsets = [change.local_onset for change in group]
    years = [onset.year for onset in onsets]
    if len(onsets) < 2 or years != list(range(years[0], years[0] + len(years))) or years[-1] < last.year - 1:
        return ""
    months = {onset.month for onset in onsets}
    weekdays = {onset.weekday() for onset in onsets}
    times = {onset.time() for onset in onsets}
    if len(months) != 1 or len(weekdays) != 1 or len(times) != 1:
        return ""
    from_end = {-((_days_in_month(onset) - onset.day) // 7 + 1) for onset in onsets}
    from_start = {(onset.day - 1) // 7 + 1 for onset in onsets}
    if from_end == {-1}:
        week = -1  # "the last Sunday", as the EU's rule is written
    elif len(from_start) == 1:
        week = from_start.pop()
    elif len(from_end) == 1:
        week = from_end.pop()
    else:
        return ""
    return f"RRULE:FREQ=YEARLY;BYMONTH={months.pop()};BYDAY={week}{WEEKDAYS[weekdays.pop()]}"


def _days_in_month(day: datetime) -> int:
    following = (day.replace(day=28) + timedelta(days=4)).replace(day=1)
    return (following - timedelta(days=1)).day


def _offset(offset: timedelta) -> str:
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}{abs(minutes) % 60:02d}"
