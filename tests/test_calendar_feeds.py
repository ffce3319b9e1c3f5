"""Calendars and feeds as clients read them: icalendar and feedparser."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import feedparser
import pytest
import sample_site
from conftest import BUILD_EPOCH
from icalendar import Calendar

REGION = sample_site.REGION
FOLDER = sample_site.FOLDER


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """Render the sample site once, with the fixed build clock."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
        return sample_site.render(sample_site.write_site(tmp_path_factory.mktemp("sample")))


def event_of(data: bytes):  # noqa: ANN201
    calendar = Calendar.from_ical(data)
    events = calendar.walk("VEVENT")
    assert len(events) == 1
    return calendar, events[0]


@pytest.mark.parametrize(
    ("slug", "local", "offset_hours"),
    [
        ("fore-sommartid", datetime(2021, 3, 27, 10, 0), 1),
        ("efter-sommartid", datetime(2021, 3, 29, 10, 0), 2),
        ("fore-vintertid", datetime(2021, 10, 30, 9, 0), 2),
        ("efter-vintertid", datetime(2021, 11, 1, 9, 0), 1),
    ],
)
def test_local_times_and_offsets_on_both_sides_of_dst(
    sample: dict[str, bytes], slug: str, local: datetime, offset_hours: int
) -> None:
    calendar, event = event_of(sample[f"{FOLDER}/events/{slug}.ics"])
    start = event.decoded("dtstart")
    assert start.replace(tzinfo=None) == local
    assert start.utcoffset() == timedelta(hours=offset_hours)
    assert event["dtstart"].params["TZID"] == "Europe/Stockholm"
    length = timedelta(minutes=90) if "sommar" in slug else timedelta(hours=1)
    assert event.decoded("dtend") - start == length
    timezones = calendar.walk("VTIMEZONE")
    assert [tz["tzid"] for tz in timezones] == ["Europe/Stockholm"]
    # The VTIMEZONE itself, not only the parser's zoneinfo, gives the right offset.
    assert timezones[0].to_tz().utcoffset(local) == timedelta(hours=offset_hours)


def test_event_fields(sample: dict[str, bytes]) -> None:
    _, event = event_of(sample[f"{FOLDER}/events/efter-vintertid.ics"])
    assert event["status"] == "CANCELLED"
    assert event["url"] == "https://prov.example.se/region/events/efter-vintertid/"
    assert event["uid"] == f"{REGION}/events/2021-11-01-efter-vintertid.md@prov.example.se"
    description = str(event["description"])
    for part in ("https://meet.example.se/j/123", "+46 8 505 218 69", "243 401 317#"):
        assert part in description
    conferences = event["conference"]
    assert [str(c) for c in conferences] == ["https://meet.example.se/j/123", "tel:+46850521869"]
    # The start of the build's day in UTC: a rebuild later the same day changes nothing.
    built = datetime.fromtimestamp(int(BUILD_EPOCH), UTC)
    assert event.decoded("dtstamp") == built.replace(hour=0, minute=0, second=0)
    _, other = event_of(sample[f"{FOLDER}/events/fore-sommartid.ics"])
    assert other["status"] == "CONFIRMED"
    assert other["location"] == "Stadshuset, Borås"
    assert other["sequence"] == 0


@pytest.mark.parametrize(("status", "expected"), [
    ("scheduled", "CONFIRMED"), ("full", "CONFIRMED"), ("moved-online", "CONFIRMED"),
    ("postponed", "TENTATIVE"), ("cancelled", "CANCELLED"),
])
def test_status_in_calendars(tmp_path: Path, status: str, expected: str) -> None:
    pages = dict(sample_site.PAGES)
    path = "events/2021-03-27-fore-sommartid.md"
    pages[path] = pages[path].replace("location:", f"status: {status}\nlocation:")
    outputs = sample_site.render(sample_site.write_site(tmp_path, pages))
    _, event = event_of(outputs[f"{FOLDER}/events/fore-sommartid.ics"])
    assert event["status"] == expected


def test_uid_field_and_sequence_from_updated(sample: dict[str, bytes]) -> None:
    _, event = event_of(sample[f"{FOLDER}/events/efter-sommartid.ics"])
    assert event["uid"] == "prov-efter-sommartid-2021@prov.example.se"
    # Minutes from 2000-01-01 UTC to 2021-03-01 08:00 in Stockholm (07:00 UTC).
    assert event["sequence"] == int((datetime(2021, 3, 1, 7) - datetime(2000, 1, 1)).total_seconds() // 60)


def test_vtimezone_covers_the_years_of_the_events_only(tmp_path: Path) -> None:
    pages = dict(sample_site.PAGES)
    pages["events/2040-06-10-framtid.md"] = (
        "---\ntitle: Framtid\nstart: 2040-06-10 10:00\nend: 2040-06-10 11:00\n---\n\nMöte.\n")
    outputs = sample_site.render(sample_site.write_site(tmp_path, pages))
    calendar, _ = event_of(outputs[f"{FOLDER}/events/framtid.ics"])
    timezone = calendar.walk("VTIMEZONE")[0]
    # The rules from the year before 2040 on (summer time from 02:00 on the last Sunday of
    # March 2039), and nothing of the years before that.
    data = outputs[f"{FOLDER}/events/framtid.ics"]
    assert b"DTSTART:20390327T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n" in data
    assert b"DTSTART:20391030T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n" in data
    assert timezone.to_tz().utcoffset(datetime(2040, 6, 10, 10)) == timedelta(hours=2)
    assert timezone.to_tz().utcoffset(datetime(2040, 12, 10, 10)) == timedelta(hours=1)
    assert b"1970" not in outputs[f"{FOLDER}/events/framtid.ics"]


def test_all_day_events_are_dates_with_exclusive_end(sample: dict[str, bytes]) -> None:
    _, event = event_of(sample[f"{FOLDER}/events/heldag.ics"])
    assert event["dtstart"].to_ical() == b"20210605"
    assert event["dtstart"].params.get("VALUE") == "DATE"
    assert type(event.decoded("dtstart")) is date
    assert event.decoded("dtend") == date(2021, 6, 7)


def test_feed_lists_every_event_with_one_timezone(sample: dict[str, bytes]) -> None:
    for feed in (f"{FOLDER}/events.ics", f"{FOLDER}/en/events.ics"):
        calendar = Calendar.from_ical(sample[feed])
        assert len(calendar.walk("VEVENT")) == 5
        assert len(calendar.walk("VTIMEZONE")) == 1
        assert len({e["uid"] for e in calendar.walk("VEVENT")}) == 5


def test_uid_survives_a_title_and_time_change(tmp_path: Path) -> None:
    pages = dict(sample_site.PAGES)
    folder = sample_site.write_site(tmp_path / "a", pages)
    before = sample_site.render(folder)
    path = "events/2021-03-27-fore-sommartid.md"
    pages[path] = pages[path].replace("Före sommartid", "Nytt namn").replace("2021-03-27", "2021-04-02")
    after = sample_site.render(sample_site.write_site(folder, pages))
    ics = f"{FOLDER}/events/fore-sommartid.ics"
    _, old = event_of(before[ics])
    _, new = event_of(after[ics])
    assert str(new["summary"]) == "Nytt namn"
    assert new.decoded("dtstart").date() == date(2021, 4, 2)
    assert new["uid"] == old["uid"]


def test_language_versions_share_uid_and_sequence(tmp_path: Path) -> None:
    pages = dict(sample_site.PAGES)
    pages["events/2021-03-29-efter-sommartid.en.md"] = (
        "---\ntitle: After summer time\nstart: 2021-03-29 10:00\nend: 2021-03-29 11:30\n"
        "uid: prov-efter-sommartid-2021\nupdated: 2021-03-02 09:00\n---\n\nMeeting.\n"
    )
    outputs = sample_site.render(sample_site.write_site(tmp_path, pages))
    _, sv = event_of(outputs[f"{FOLDER}/events/efter-sommartid.ics"])
    _, en = event_of(outputs[f"{FOLDER}/en/events/efter-sommartid.ics"])
    assert sv["uid"] == en["uid"]
    # The later `updated` of the two (the English one) counts for both.
    assert sv["sequence"] == en["sequence"] == int(
        (datetime(2021, 3, 2, 8) - datetime(2000, 1, 1)).total_seconds() // 60)


def test_feeds_parse_without_errors(sample: dict[str, bytes]) -> None:
    feeds = {p: d for p, d in sample.items() if p.endswith("atom.xml")}
    assert sorted(feeds) == [
        f"{FOLDER}/en/events/atom.xml", f"{FOLDER}/en/news/atom.xml",
        f"{FOLDER}/events/atom.xml", f"{FOLDER}/news/atom.xml",
    ]
    for path, data in feeds.items():
        parsed = feedparser.parse(data)
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.feed.language == ("en" if "/en/" in path else "sv")
        assert parsed.feed.link.startswith(sample_site.BASE_URL)
        for entry in parsed.entries:
            assert entry.link.startswith(sample_site.BASE_URL)
            assert entry.id.startswith("urn:uuid:")
    news = feedparser.parse(feeds[f"{FOLDER}/news/atom.xml"])
    assert [e.title for e in news.entries] == ["En nyhet"]
    assert news.entries[0].updated == "2021-04-20T22:00:00Z"


def test_real_content_feeds_and_calendars_parse(built_site: Path) -> None:
    feeds = sorted(built_site.glob("*/**/atom.xml"))
    assert feeds
    for path in feeds:
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
    calendars = sorted(built_site.glob("*/**/*.ics"))
    assert calendars
    for path in calendars:
        calendar = Calendar.from_ical(path.read_bytes())
        for event in calendar.walk("VEVENT"):
            assert event["uid"] and event["dtstamp"] and event["url"]


def test_every_page_autodiscovers_the_feeds(built_site: Path) -> None:
    for page in (built_site / "vg").rglob("*.html"):
        html = page.read_text(encoding="utf-8")
        if 'http-equiv="refresh"' in html:
            continue
        assert html.count('type="application/atom+xml"') == 2, page


def test_output_is_reproducible(tmp_path: Path) -> None:
    folder = sample_site.write_site(tmp_path)
    assert sample_site.render(folder) == sample_site.render(folder)
