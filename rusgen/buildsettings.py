"""What shapes a build besides its content: the options it was started with and its clock.

`build_settings` says all of it in one string, which the build's record compares to
decide whether the last output is still what a build now would make (build.py).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import UTC, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from rusgen.errors import RusgenError
from rusgen.fields import parse_date, parse_datetime
from rusgen.loader import configured_language
from rusgen.raw import CONFIG_FILE, CONTENT_DIR, THEMES_DIR, RawProject
from rusgen.schema.region import DEFAULT_ZONE, zone_of
from rusgen.shards import Shard
from rusgen.slow_outputs import pagefind_identity

if TYPE_CHECKING:
    from rusgen.model import Site


@dataclass(frozen=True)
class BuildOptions:
    source: Path = Path(".")
    output: Path | None = None  # None: rusgen.yaml's `output`, relative to the source
    drafts: bool = False
    regions: tuple[str, ...] = ()
    base_url: str = ""  # --base-url: replaces the one region's base_url, for staging copies
    shard: Shard | None = None  # --shard I/N: render this share of the regions (shards.py)
    # The live preview: stable asset names (so a stylesheet edit is swapped in place, not
    # reloaded) and no search index (Pagefind costs seconds a rebuild).
    preview: bool = False
    # A search index (Pagefind, seconds a region): only for output that is written and
    # published. `check` reads no index, so it makes none.
    search_index: bool = True
    # --as-of "2027-01-01 08:00": build the site as it will be then, in the region's time
    # zone. Such a build never writes the address ledger: it is not what is published.
    as_of: str = ""


def build_time() -> datetime:
    """Return the build's clock: SOURCE_DATE_EPOCH when set, so builds are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), UTC)
        except ValueError:
            raise RusgenError("cli.source_date_epoch", got=epoch) from None
    return datetime.now(UTC).replace(microsecond=0)


def site_clock(options: BuildOptions, raw: RawProject | None = None) -> datetime:
    """Return the moment the site is built for: --as-of when given, else the build's clock."""
    if not options.as_of:
        return build_time()
    written = options.as_of.strip()
    moment = parse_datetime(written)
    if moment is None:
        day = parse_date(written)
        if day is None:
            raise RusgenError("cli.as_of", got=options.as_of)
        moment = datetime.combine(day, time())
    return moment.replace(tzinfo=_first_zone(raw)).astimezone(UTC)


def _first_zone(raw: RawProject | None) -> ZoneInfo:
    """The time zone --as-of is read in: the first region's, the default zone without one."""
    settings = raw.regions[0].settings if raw and raw.regions else None
    name = str(settings.get("timezone") or "") if settings is not None else ""
    # An unknown zone: the schema says what is wrong with it.
    return zone_of(name) or ZoneInfo(DEFAULT_ZONE)


# What a build reads: the settings, the content and every theme.
INPUTS = (CONFIG_FILE, CONTENT_DIR, THEMES_DIR)


def build_settings(options: BuildOptions) -> str:
    """Describe everything besides the input files that shapes the output.

    The clock shapes it in three ways: calendars and feeds are stamped with the build's
    day, an event moves to the past list when it ends (see `current_until`), and a theme
    may print `now` itself. Only in that last case does the second count.
    """
    now = build_time()
    clock = now.isoformat() if themes_read_the_clock(options.source) else now.date().isoformat()
    # The language of messages too: the warnings of a replayed build are shown as written.
    return repr((options, clock, pagefind_identity(), configured_language(options.source)))


# `now` (or the Site's `build_time`) as a word in a template: the default theme reads
# neither, so any is a custom theme's. A keyword argument named `now=` (the default
# theme's moved_notice.html gives a message its blank so) reads no clock: a project with
# its own copy of the default theme must still have its unchanged builds replayed.
_CLOCK_IN_TEMPLATE = re.compile(rb"\b(now|build_time)\b(?!\s*=(?!=))")


def themes_read_the_clock(source: Path) -> bool:
    """Tell whether any theme's template mentions `now` (then output may change every second)."""
    return any(
        _CLOCK_IN_TEMPLATE.search(path.read_bytes())
        for path in sorted((source / THEMES_DIR).glob("*/templates/**/*"))
        if path.is_file()
    )


def current_until(site: Site) -> str | None:
    """Return when the site next changes by itself (ISO), or None: the next upcoming event
    ending, or the next page published or unpublished. Until then, with the same input and
    day, the output stays the same."""
    from rusgen.schedule import coming_moments

    moments = [m.when for m in coming_moments(site) if m.kind != "deadline"]
    return min(moments).astimezone(UTC).isoformat() if moments else None


def still_current(summary: dict, now: datetime) -> bool:
    """Tell whether the last build's output is still what a build now would make."""
    until = summary.get("current_until")
    if until is None:
        return True
    try:
        return now <= datetime.fromisoformat(str(until))
    except ValueError:
        return False  # an unreadable record is only a slower build
