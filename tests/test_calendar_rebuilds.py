"""Calendars after an edit: what a cold build makes, whatever the last build left.

The calendars are made anew by every build that renders (the store keeps none: the gain
was below this machine's noise, docs/performance.md). Every test compares a rebuild with
a render that has no store and no output: anything of the last build that leaked into the
calendars (a page read back, a record replayed) would leave old bytes in place.
"""

from __future__ import annotations

import importlib.resources
import os
import shutil
import zoneinfo
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sample_site
from conftest import BUILD_EPOCH, ROOT, run_rusgen

import rusgen.outputs.calendar
import rusgen.outputs.vtimezone

REGION = sample_site.REGION


# The English version of an event: it shares the Swedish one's UID and SEQUENCE.
ENGLISH_EVENT = (
    "---\ntitle: After summer time\nstart: 2021-03-29 10:00\nend: 2021-03-29 11:30\n"
    "uid: prov-efter-sommartid-2021\nupdated: 2021-03-02 08:00\n---\n\nMeeting.\n"
)
# Upcoming at the build time (2026-11-22 12:00 UTC), over at 14:00 UTC the same day.
TODAYS_EVENT = "---\ntitle: Dagens möte\nstart: 2026-11-22 14:00\nend: 2026-11-22 15:00\n---\n\nMöte.\n"
PAGES = {
    **sample_site.PAGES,
    "events/2021-03-29-efter-sommartid.en.md": ENGLISH_EVENT,
    "events/2026-11-22-dagens-mote.md": TODAYS_EVENT,
}


def epoch_at(utc: str) -> str:
    return str(int(datetime.fromisoformat(utc).replace(tzinfo=UTC).timestamp()))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """Write the sample region with its own copy of the themes, whose strings a test edits."""
    shutil.copytree(ROOT / "rusgen" / "themes", tmp_path / "site" / "themes")
    return sample_site.write_site(tmp_path / "site", PAGES)


def built_calendars(source: Path, epoch: str) -> dict[str, bytes]:
    """Build with the store, as `rusgen build` does; return the calendar files written."""
    output = source.parent / "public"
    result = run_rusgen("build", "--source", str(source), "--output", str(output), epoch=epoch)
    assert result.exit_code == 0, result.output
    return {p.relative_to(output).as_posix(): p.read_bytes() for p in sorted(output.rglob("*.ics"))}


def cold_calendars(source: Path, epoch: str, monkeypatch: pytest.MonkeyPatch) -> dict[str, bytes]:
    """Render without any cache; return the calendar files."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)
    return {path: data for path, data in sample_site.render(source).items() if path.endswith(".ics")}


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def events(source: Path) -> Path:
    return source / "content" / REGION / "events"


# Each edit changes one thing the calendars are made from and returns the next build time.
EDITS: dict[str, Callable[[Path], str]] = {
    "an event's title": lambda source: (
        edit(events(source) / "2021-03-29-efter-sommartid.md", "title: Efter sommartid",
             "title: Efter sommartiden"), BUILD_EPOCH)[1],
    "an event's summary": lambda source: (
        edit(events(source) / "2021-06-05-heldag.md", "title: Heldag i juni\n",
             "title: Heldag i juni\nsummary: Två dagar om laddning.\n"), BUILD_EPOCH)[1],
    "the other language version's updated": lambda source: (
        edit(events(source) / "2021-03-29-efter-sommartid.en.md", "updated: 2021-03-02 08:00",
             "updated: 2021-03-09 08:00"), BUILD_EPOCH)[1],
    "the region's name": lambda source: (
        edit(source / "content" / REGION / "region.yaml", "name: Provregionen",
             "name: Provlänet"), BUILD_EPOCH)[1],
    "the region's host": lambda source: (
        edit(source / "content" / REGION / "region.yaml", "https://prov.example.se/region/",
             "https://kalender.example.se/region/"), BUILD_EPOCH)[1],
    "the region's time zone": lambda source: (
        edit(source / "content" / REGION / "region.yaml", "timezone: Europe/Stockholm",
             "timezone: Europe/Helsinki"), BUILD_EPOCH)[1],
    "a UI string": lambda source: (
        edit(source / "themes" / "default" / "i18n" / "sv.yaml", "status_cancelled: Inställt",
             "status_cancelled: Inställt möte"), BUILD_EPOCH)[1],
    # The day before: no event passes from one list to the other, only DTSTAMP changes.
    "the build's day": lambda source: epoch_at("2026-11-21 20:00"),
    "an event that has ended since": lambda source: epoch_at("2026-11-22 15:30"),
}


# The quick tier (make test-quick) tries an edit of content and the passing of time; the
# other edits, three builds each, run with the whole suite (marked slow).
QUICK = ("an event's title", "an event that has ended since")


@pytest.mark.parametrize(
    "name", [pytest.param(name, marks=() if name in QUICK else pytest.mark.slow) for name in EDITS]
)
def test_a_changed_input_gives_the_calendars_a_cold_build_makes(
    project: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    before = built_calendars(project, BUILD_EPOCH)
    epoch = EDITS[name](project)
    after = built_calendars(project, epoch)
    assert after == cold_calendars(project, epoch, monkeypatch)
    if name != "an event that has ended since":  # the feed lists past and upcoming alike
        assert after != before, "the edit must change the calendars, or the test proves nothing"


def zoneinfo_file(key: str) -> bytes:
    """Return a zone's file of the tz database, as zoneinfo finds it: system, then tzdata."""
    for folder in zoneinfo.TZPATH:
        if os.path.isfile(os.path.join(folder, key)):
            return Path(folder, key).read_bytes()
    return (importlib.resources.files("tzdata.zoneinfo") / key).read_bytes()


@pytest.fixture
def other_zone_database(tmp_path: Path) -> Iterator[Callable[[], None]]:
    """Return use() -> a tz database in which Europe/Stockholm has Helsinki's rules."""
    folder = tmp_path / "zoneinfo"

    def forget_loaded_zones() -> None:
        zoneinfo.ZoneInfo.clear_cache()
        rusgen.outputs.vtimezone.vtimezone_lines.cache_clear()

    def use() -> None:
        (folder / "Europe").mkdir(parents=True)
        helsinki = zoneinfo_file("Europe/Helsinki")
        (folder / "Europe" / "Stockholm").write_bytes(helsinki)
        zoneinfo.reset_tzpath(to=[str(folder)])
        forget_loaded_zones()

    yield use
    zoneinfo.reset_tzpath()
    forget_loaded_zones()


def test_another_time_zone_database_gives_the_calendars_a_cold_build_makes(
    project: Path, monkeypatch: pytest.MonkeyPatch, other_zone_database: Callable[[], None]
) -> None:
    before = built_calendars(project, BUILD_EPOCH)
    other_zone_database()
    # The last build's record knows nothing of the zone files: only an edit makes a build.
    edit(project / "content" / REGION / "laddning.md", "i hela länet.", "i hela länet, i år.")
    after = built_calendars(project, BUILD_EPOCH)
    assert after == cold_calendars(project, BUILD_EPOCH, monkeypatch)
    assert after != before
