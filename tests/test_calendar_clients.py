"""Calendar files as three independent clients read them: icalendar, Mozilla's ical.js
(Thunderbird) and vobject, each with the file's own VTIMEZONE, across summer-time changes.
Also what the event page offers: the moved notice and the add-to-calendar links."""

from __future__ import annotations

import json
import re
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import sample_site
import vobject
from conftest import BUILD_EPOCH, ROOT
from icalendar import Calendar

REGION = sample_site.REGION
FOLDER = sample_site.FOLDER  # the region's folder in the output
ICALJS = ROOT / ".venv/icaljs/node_modules/ical.js/dist/ical.es5.cjs"
READER = Path(__file__).resolve().parent / "icaljs_read.cjs"
LONG = ("Ett webbinarium om hållbar energi, vätgas och laddinfrastruktur för åkerier, kommuner och "
        "näringsliv i länet – med frågor från åhörarna på slutet.")
EVENTS = {
    "events/2027-03-27-fore-sommartid-2027.md": "start: 2027-03-27 10:00\nend: 2027-03-27 11:30\n"
                                            "location: Stadshuset, Borås\n",
    "events/2027-03-28-over-natten.md": "start: 2027-03-28 01:30\nend: 2027-03-28 03:30\n"
                                         "location: Jourcentralen\n",
    "events/2027-10-31-vintertid.md": "start: 2027-10-31 10:00\nend: 2027-10-31 12:00\n"
                                       "location: Kulturhuset\n",
    "events/2027-04-15-webbinarium.md": f"start: 2027-04-15 14:00\nend: 2027-04-15 15:00\nsummary: {LONG}\n"
                                         "online: {url: 'https://meet.example.se/j/9876', "
                                         "platform: Microsoft Teams}\n",
    "events/2027-05-20-flyttat.md": "start: 2027-05-20 13:00\nend: 2027-05-20 15:00\n"
                                     "previous_start: 2027-05-13 13:00\nlocation: Stadshuset, Borås\n"
                                     "uid: prov-flyttat-2027\n",
    "events/2027-06-10-midsommar.md": "start: 2027-06-10\nend: 2027-06-11\nlocation: Campus\n",
}
# slug -> (local start, UTC start, UTC end): worked out by hand from the Swedish rules
# (summer time from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last of October).
TIMES = {
    "fore-sommartid-2027": ("2027-03-27T10:00:00", "2027-03-27T09:00:00Z", "2027-03-27T10:30:00Z"),
    "over-natten": ("2027-03-28T01:30:00", "2027-03-28T00:30:00Z", "2027-03-28T01:30:00Z"),
    "vintertid": ("2027-10-31T10:00:00", "2027-10-31T09:00:00Z", "2027-10-31T11:00:00Z"),
    "webbinarium": ("2027-04-15T14:00:00", "2027-04-15T12:00:00Z", "2027-04-15T13:00:00Z"),
    "flyttat": ("2027-05-20T13:00:00", "2027-05-20T11:00:00Z", "2027-05-20T13:00:00Z"),
    # The 2021 events of the sample site, on both sides of that year's changes.
    "efter-sommartid": ("2021-03-29T10:00:00", "2021-03-29T08:00:00Z", "2021-03-29T09:30:00Z"),
    "fore-vintertid": ("2021-10-30T09:00:00", "2021-10-30T07:00:00Z", "2021-10-30T08:00:00Z"),
    "efter-vintertid": ("2021-11-01T09:00:00", "2021-11-01T08:00:00Z", "2021-11-01T09:00:00Z"),
}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    pages = dict(sample_site.PAGES)
    for path, fields in EVENTS.items():
        title = path.split("-", 3)[-1].removesuffix(".md").replace("-", " ").capitalize()
        pages[path] = f"---\ntitle: {title}\n{fields}---\n\nMöte.\n"
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)  # 2026-11-22: the 2027 events are upcoming
        return sample_site.render(sample_site.write_site(tmp_path_factory.mktemp("site"), pages))


@pytest.fixture(scope="module")
def calendars(site: dict[str, bytes], tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("ics")
    files = {}
    for path, data in site.items():
        if path.endswith(".ics"):
            files[path] = folder / path.replace("/", "_")
            files[path].write_bytes(data)
    return files


def slug_of(url: str) -> str:
    return url.rstrip("/").rsplit("/", 1)[-1]


def read_icalendar(data: bytes) -> list[dict]:
    return [{
        "slug": slug_of(str(event["url"])),
        "local": event.decoded("dtstart").replace(tzinfo=None).isoformat(),
        "start": event.decoded("dtstart").astimezone(UTC),
        "end": event.decoded("dtend").astimezone(UTC),
    } for event in Calendar.from_ical(data).walk("VEVENT") if "dtend" in event
        and isinstance(event.decoded("dtstart"), datetime)]


def read_vobject(data: bytes) -> list[dict]:
    calendar = vobject.readOne(data.decode("utf-8"))
    return [{
        "slug": slug_of(event.url.value),
        "local": event.dtstart.value.replace(tzinfo=None).isoformat(),
        "start": event.dtstart.value.astimezone(UTC),
        "end": event.dtend.value.astimezone(UTC),
    } for event in calendar.vevent_list if isinstance(event.dtstart.value, datetime)]


def read_icaljs(files: list[Path]) -> list[dict]:
    assert ICALJS.is_file(), "ical.js is missing: run `make icaljs`"
    out = subprocess.run(["node", str(READER), str(ICALJS), *map(str, files)], check=True,
                         capture_output=True, text=True).stdout
    return json.loads(out)


def utc(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


@pytest.mark.browser  # node, for ical.js
def test_every_file_gives_the_right_local_and_utc_times_in_three_parsers(
    calendars: dict[str, Path], site: dict[str, bytes]
) -> None:
    seen: dict[str, set[str]] = {"icalendar": set(), "vobject": set(), "ical.js": set()}
    for path in calendars:
        for name, reader in (("icalendar", read_icalendar), ("vobject", read_vobject)):
            for event in reader(site[path]):
                if event["slug"] in TIMES:
                    local, start, end = TIMES[event["slug"]]
                    assert (event["local"], event["start"], event["end"]) == (local, utc(start), utc(end)), \
                        (name, path)
                    seen[name].add(event["slug"])
    by_local_start = {local: slug for slug, (local, _, _) in TIMES.items()}
    for event in read_icaljs(list(calendars.values())):
        slug = by_local_start.get(event["start_local"])
        if slug is None:
            continue  # an all-day event, or one of the sample's with no time checked here
        _, start, end = TIMES[slug]
        assert event["start_zone"] == "Europe/Stockholm"
        assert (utc(event["start_utc"]), utc(event["end_utc"])) == (utc(start), utc(end)), event["file"]
        seen["ical.js"].add(slug)
    for name, slugs in seen.items():
        assert slugs == set(TIMES), name  # each parser read every event, in its own file and the feeds


def test_vtimezone_is_rfc_5545s_with_onsets_before_the_change(site: dict[str, bytes]) -> None:
    data = site[f"{FOLDER}/events/fore-sommartid-2027.ics"].decode()
    zone = data[data.index("BEGIN:VTIMEZONE"):data.index("END:VTIMEZONE")]
    assert "COMMENT" not in zone
    assert "BEGIN:DAYLIGHT\r\nDTSTART:20260329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n" in zone
    assert "BEGIN:STANDARD\r\nDTSTART:20261025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\n" in zone
    # The rules are in force from the year before the event: its own date is covered.
    timezone = Calendar.from_ical(data).walk("VTIMEZONE")[0].to_tz()
    assert timezone.utcoffset(datetime(2027, 3, 27, 10)) == timedelta(hours=1)
    assert timezone.utcoffset(datetime(2027, 3, 28, 3, 30)) == timedelta(hours=2)


def test_lines_are_folded_at_75_octets_and_text_survives(site: dict[str, bytes], calendars) -> None:
    for path, data in site.items():
        if path.endswith(".ics"):
            assert all(len(line) <= 75 for line in data.split(b"\r\n")), path
            data.decode("utf-8")  # no line was cut inside a letter
    data = site[f"{FOLDER}/events/webbinarium.ics"]
    assert max(len(line) for line in data.split(b"\r\n")) == 75
    event = Calendar.from_ical(data).walk("VEVENT")[0]
    assert str(event["description"]).startswith(LONG)
    assert vobject.readOne(data.decode()).vevent.description.value.startswith(LONG)


@pytest.mark.browser  # node, for ical.js
def test_online_only_event_has_online_as_its_place(site: dict[str, bytes], calendars) -> None:
    event = Calendar.from_ical(site[f"{FOLDER}/events/webbinarium.ics"]).walk("VEVENT")[0]
    assert str(event["location"]) == "Online: https://meet.example.se/j/9876"
    assert event["location"].params["ALTREP"] == "https://meet.example.se/j/9876"
    [js] = [e for e in read_icaljs([calendars[f"{FOLDER}/events/webbinarium.ics"]])]
    assert js["location"] == "Online: https://meet.example.se/j/9876"


@pytest.mark.browser  # node, for ical.js
def test_feeds_ask_to_be_fetched_daily(calendars: dict[str, Path]) -> None:
    feeds = [calendars[f"{FOLDER}/events.ics"], calendars[f"{FOLDER}/en/events.ics"]]
    for event in read_icaljs(feeds):
        assert (event["refresh"], event["ttl"]) == ("P1D", "PT1D")


def test_a_moved_event_keeps_its_uid_raises_sequence_and_says_so(
    site: dict[str, bytes], tmp_path: Path
) -> None:
    event = Calendar.from_ical(site[f"{FOLDER}/events/flyttat.ics"]).walk("VEVENT")[0]
    assert event["uid"] == "prov-flyttat-2027@prov.example.se"
    assert event["sequence"] == 1  # no `updated`: the move alone raises it from 0
    html = site[f"{FOLDER}/events/flyttat/index.html"].decode()
    notice = re.search(r'<div class="notice notice--moved">(.*?)</div>', html, re.S).group(1)
    assert re.sub(r"<[^>]+>|\s+", " ", notice).split() == (
        "Nytt datum Evenemanget är flyttat. Nu: torsdag 20 maj 2027, kl. 13.00–15.00. Tidigare: "
        "torsdag 13 maj 2027, kl. 13.00.".split())
    script = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    data = json.loads(script.group(1))
    items = data.get("@graph", [data])
    [found] = [item for item in items if item.get("@type") == "Event"]
    assert found["eventStatus"] == "https://schema.org/EventRescheduled"
    assert found["previousStartDate"] == "2027-05-13T13:00+02:00"
    assert found["startDate"] == "2027-05-20T13:00+02:00"


def test_add_to_calendar_links_carry_the_times_in_utc(site: dict[str, bytes]) -> None:
    html = site[f"{FOLDER}/events/over-natten/index.html"].decode()
    links = dict(re.findall(r'<a href="(https://[^"]+)" rel="nofollow">([^<]+)</a>', html))
    by_text = {text: url.replace("&amp;", "&") for url, text in links.items()}
    google = parse_qs(urlsplit(by_text["Lägg till i Google Kalender"]).query)
    assert google["dates"] == ["20270328T003000Z/20270328T013000Z"]  # 01.30 CET to 03.30 CEST
    assert google["text"] == ["Over natten"]
    assert google["location"] == ["Jourcentralen"]
    assert google["details"] == ["https://prov.example.se/region/events/over-natten/"]
    outlook = urlsplit(by_text["Lägg till i Outlook på webben"])
    assert outlook.netloc == "outlook.office.com"
    query = parse_qs(outlook.query)
    assert (query["startdt"], query["enddt"]) == (["2027-03-28T00:30:00Z"], ["2027-03-28T01:30:00Z"])
    assert query["subject"] == ["Over natten"]


def test_no_request_to_another_host_until_a_click(site: dict[str, bytes]) -> None:
    html = site[f"{FOLDER}/events/over-natten/index.html"].decode()
    # Other hosts appear only as the targets of links: no src, no prefetch, no script.
    for match in re.finditer(r"(\w+)=\"https://(?!prov\.example\.se)[^\"]*\"", html):
        assert match.group(1) == "href", match.group(0)
    assert not re.search(r'<link[^>]+href="https://(calendar\.google|outlook)', html)


def test_a_past_event_offers_no_calendar_link(site: dict[str, bytes]) -> None:
    # Nobody can go any more: no "add to calendar" of any kind (the .ics file stays published).
    html = site[f"{FOLDER}/events/fore-vintertid/index.html"].decode()
    assert "Google Kalender" not in html and "Outlook" not in html
    assert 'href="../fore-vintertid.ics"' not in html
    assert site[f"{FOLDER}/events/fore-vintertid.ics"].startswith(b"BEGIN:VCALENDAR")


def test_all_day_links_are_days_with_the_end_exclusive(site: dict[str, bytes]) -> None:
    html = site[f"{FOLDER}/events/midsommar/index.html"].decode().replace("&amp;", "&")
    google = parse_qs(urlsplit(re.search(r'href="(https://calendar.google[^"]+)"', html).group(1)).query)
    assert google["dates"] == ["20270610/20270612"]
    outlook = parse_qs(urlsplit(re.search(r'href="(https://outlook[^"]+)"', html).group(1)).query)
    assert (outlook["startdt"], outlook["enddt"], outlook["allday"]) == (
        ["2027-06-10"], ["2027-06-12"], ["true"])


@pytest.mark.parametrize("tzid", ["Europe/Stockholm", "America/New_York", "Australia/Sydney",
                                  "Asia/Tokyo", "America/Sao_Paulo"])
def test_vtimezone_of_any_zone_agrees_with_the_tz_database(tzid: str) -> None:
    """Rules by week from the end or start of the month, the southern summer, no summer time,
    summer time abolished (Brazil, 2019): each read back by icalendar and vobject."""
    from zoneinfo import ZoneInfo

    from rusgen.outputs.vtimezone import vtimezone_lines

    lines = vtimezone_lines(tzid, datetime(2017, 1, 1).date(), datetime(2023, 1, 1).date())
    text = "\r\n".join(["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:test", *lines,
                        "BEGIN:VEVENT", "UID:x", "DTSTAMP:20200101T000000Z",
                        f"DTSTART;TZID={tzid}:20200101T120000", "END:VEVENT", "END:VCALENDAR", ""])
    from_icalendar = Calendar.from_ical(text).walk("VTIMEZONE")[0].to_tz()
    vobject_zone = vobject.readOne(text).vtimezone.gettzinfo()
    zone = ZoneInfo(tzid)
    moment = datetime(2018, 1, 1, 12)
    while moment < datetime(2022, 12, 31):
        expected = moment.replace(tzinfo=zone).utcoffset()
        assert from_icalendar.utcoffset(moment) == expected, moment
        assert vobject_zone.utcoffset(moment) == expected, moment
        moment += timedelta(days=5, hours=7)
