"""Calendars from .rusgen-cache/: reused while their input is the same, made anew when not.

Every test compares a build that has the cache with a render that has none: a key that
forgets something the calendars show leaves the old bytes in place, and the two differ.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import shutil
import subprocess
import sys
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
STORES = Path(".rusgen-cache") / "calendars" / REGION


def stored(project: Path) -> Path:
    """Return the one file of the region's stored calendars (named by their input's key)."""
    [found] = (project / STORES).glob("*.json")
    return found
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
    """Build with the cache, as `rusgen build` does; return the calendar files written."""
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


@pytest.mark.parametrize("name", EDITS)
def test_a_changed_input_gives_the_calendars_a_cold_build_makes(
    project: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    before = built_calendars(project, BUILD_EPOCH)
    assert stored(project).is_file()
    epoch = EDITS[name](project)
    after = built_calendars(project, epoch)
    assert after == cold_calendars(project, epoch, monkeypatch)
    if name != "an event that has ended since":  # the feed lists past and upcoming alike
        assert after != before, "the edit must change the calendars, or the test proves nothing"


def test_an_edit_of_another_page_takes_the_calendars_from_the_cache(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = built_calendars(project, BUILD_EPOCH)
    edit(project / "content" / REGION / "laddning.md", "i hela länet.", "i hela länet, i år.")

    def must_not_render(*args: object) -> None:
        raise AssertionError("calendars rendered although no event changed")

    monkeypatch.setattr(rusgen.outputs.calendar, "render", must_not_render)
    assert built_calendars(project, BUILD_EPOCH) == before


# Build the project in argv[1] into argv[2]; print whether icalendar was imported.
BUILD_AND_TELL = """
import sys
from rusgen.cli import main
main(["build", "--source", sys.argv[1], "--output", sys.argv[2]], standalone_mode=False)
print("icalendar imported:", "icalendar" in sys.modules)
"""


def test_calendars_from_the_cache_do_not_even_import_icalendar(project: Path, tmp_path: Path) -> None:
    def build_in_a_process() -> str:
        env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH}
        done = subprocess.run(
            [sys.executable, "-c", BUILD_AND_TELL, str(project), str(tmp_path / "public")],
            env=env, capture_output=True, text=True, check=True,
        )
        return done.stdout.splitlines()[-1]

    assert build_in_a_process() == "icalendar imported: True"
    edit(project / "content" / REGION / "laddning.md", "i hela länet.", "i hela länet, i år.")
    assert build_in_a_process() == "icalendar imported: False"


def test_the_stored_calendars_are_used_and_a_damaged_store_is_ignored(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built_calendars(project, BUILD_EPOCH)
    store = stored(project)
    data = json.loads(store.read_text(encoding="utf-8"))
    feed = f"{sample_site.FOLDER}/events.ics"  # its path in the output
    poisoned = {**data["files"], feed: base64.b64encode(b"FROM-THE-STORE").decode()}
    # As if rusgen had written it: an entry whose bytes are not those it recorded is ignored.
    digests = {**data["digests"], feed: hashlib.sha256(b"FROM-THE-STORE").hexdigest()}
    store.write_text(json.dumps({**data, "files": poisoned, "digests": digests}), encoding="utf-8")
    page = project / "content" / REGION / "laddning.md"
    edit(page, "i hela länet.", "i hela länet, i år.")  # else the build reuses the whole output
    assert built_calendars(project, BUILD_EPOCH)[feed] == b"FROM-THE-STORE"

    cold = cold_calendars(project, BUILD_EPOCH, monkeypatch)
    for damage in ({feed: "not base64 at all!"}, {feed: None}, {}, "files", [7]):
        store.write_text(json.dumps({**data, "files": damage}), encoding="utf-8")
        edit(page, "i hela länet", "i hela länet igen")
        assert built_calendars(project, BUILD_EPOCH) == cold, damage


@pytest.fixture
def other_zone_database(tmp_path: Path) -> Iterator[Callable[[], None]]:
    """Return use() -> a tz database in which Europe/Stockholm has Helsinki's rules."""
    folder = tmp_path / "zoneinfo"

    def forget_loaded_zones() -> None:
        zoneinfo.ZoneInfo.clear_cache()
        rusgen.outputs.vtimezone.vtimezone_lines.cache_clear()

    def use() -> None:
        (folder / "Europe").mkdir(parents=True)
        helsinki = rusgen.outputs.calendar.zone_data("Europe/Helsinki")
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


# Print the hash of the calendar input of every region of the project in argv[1].
PRINT_INPUT = """
import hashlib, sys
from pathlib import Path
import rusgen.outputs.calendar as calendar
from rusgen.build import BuildOptions, render_site
from rusgen.stores import Stores

original = calendar.render_input
def spy(view, strings):
    text = original(view, strings)
    assert " at 0x" not in text, "an object address"
    print(view.region.id, hashlib.sha256(text.encode()).hexdigest())
    return text
calendar.render_input = spy
with Stores.open(Path(sys.argv[2])) as stores:
    render_site(BuildOptions(source=Path(sys.argv[1])), stores=stores)
"""


def test_the_calendar_input_is_the_same_in_every_process(project: Path, tmp_path: Path) -> None:
    """An object's address or a set's order in the input would change the key every build."""

    def input_hash(seed: str) -> str:
        env = {**os.environ, "PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": BUILD_EPOCH}
        done = subprocess.run([sys.executable, "-c", PRINT_INPUT, str(project), str(tmp_path / "cache")],
                              env=env, capture_output=True, text=True, check=True)
        return done.stdout

    first = input_hash("1")
    assert first.startswith(f"{REGION} ")
    assert input_hash("2") == first
