"""Every page of the built content carries what SITE.md promises in its <head> and footer,
and its JSON-LD parses and says what search engines need."""

from __future__ import annotations

import json
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from rusgen.render import json_ld

STOCKHOLM = ZoneInfo("Europe/Stockholm")
SCHEMA = "https://schema.org/"


class PageFacts(HTMLParser):
    """Collect the head's links and metas, the JSON-LD, h1 count and the links of the footer."""

    def __init__(self) -> None:
        super().__init__()
        self.lang = ""
        self.meta: dict[str, str] = {}
        self.links: list[dict[str, str]] = []
        self.json_ld: list[str] = []
        self.h1 = 0
        self.first_link = ""
        self.footer_links: list[str] = []
        self.redirect = False
        self._in_script = False
        self._in_footer = False

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang", "")
        elif tag == "meta":
            key = a.get("property") or a.get("name") or a.get("http-equiv", "")
            self.meta[key] = a.get("content", "")
            self.redirect |= a.get("http-equiv") == "refresh"
        elif tag == "link":
            self.links.append(a)
        elif tag == "script" and a.get("type") == "application/ld+json":
            self._in_script = True
            self.json_ld.append("")
        elif tag == "h1":
            self.h1 += 1
        elif tag == "footer":
            self._in_footer = True
        elif tag == "a":
            self.first_link = self.first_link or a.get("href", "")
            if self._in_footer:
                self.footer_links.append(a.get("href", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False
        elif tag == "footer":
            self._in_footer = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.json_ld[-1] += data


def facts(path: Path) -> PageFacts:
    parser = PageFacts()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


@pytest.fixture(scope="module")
def pages(built_site: Path) -> dict[str, PageFacts]:
    """Every region page of the built site, except the redirect pages of aliases."""
    found = {}
    for path in sorted(built_site.glob("*/**/*.html")):
        page = facts(path)
        if not page.redirect:
            found[path.relative_to(built_site).as_posix()] = page
    return found


def objects(pages: dict[str, PageFacts], kind: str) -> list[tuple[str, dict]]:
    return [(path, data) for path, page in pages.items()
            for data in map(json.loads, page.json_ld) if data["@type"] == kind]


def test_every_page_has_head_metadata_one_h1_and_the_skip_link_first(pages) -> None:
    assert len(pages) > 40
    for path, page in pages.items():
        rels = {link.get("rel") for link in page.links}
        assert "canonical" in rels, path
        assert page.meta.get("description"), path
        assert page.meta.get("og:locale") == {"sv": "sv_SE", "en": "en_GB"}[page.lang], path
        assert page.meta.get("og:title") and page.meta.get("og:url"), path
        assert page.h1 == 1, path
        assert page.first_link == "#main", path


def test_every_page_links_the_statement_personal_data_and_cookies(pages) -> None:
    for path, page in pages.items():
        names = [href.rstrip("/").rsplit("/", 1)[-1] for href in page.footer_links]
        wanted = (["tillganglighet", "personuppgifter", "kakor"] if page.lang == "sv"
                  else ["accessibility", "personal-data", "cookies"])
        for name in wanted:
            assert name in names or (name in path and "." in names), (path, name, names)


def test_language_versions_link_each_other_with_an_x_default(pages) -> None:
    page = pages["vg/en/accessibility/index.html"]
    alternates = {link["hreflang"]: link["href"] for link in page.links
                  if link.get("rel") == "alternate" and link.get("hreflang")}
    assert alternates == {
        "sv": "https://rus.example.se/vg/tillganglighet/",
        "en": "https://rus.example.se/vg/en/accessibility/",
        "x-default": "https://rus.example.se/vg/tillganglighet/",
    }
    single = pages["vb/index.html"]
    assert not [link for link in single.links if link.get("hreflang")]


def test_json_ld_parses_on_every_page(pages) -> None:
    for path, page in pages.items():
        for text in page.json_ld:
            data = json.loads(text)
            assert data["@context"] == "https://schema.org", path


def test_events_carry_status_attendance_location_and_the_right_utc_offset(pages) -> None:
    events = objects(pages, "Event")
    assert len(events) >= 10
    statuses, modes = set(), set()
    for path, event in events:
        assert event["name"] and event["organizer"]["name"], path
        assert event["eventStatus"].startswith(SCHEMA), path
        assert event["eventAttendanceMode"].startswith(SCHEMA), path
        statuses.add(event["eventStatus"].removeprefix(SCHEMA))
        modes.add(event["eventAttendanceMode"].removeprefix(SCHEMA))
        for key in ("startDate", "endDate"):
            if key in event and "T" in event[key]:
                moment = datetime.fromisoformat(event[key])
                local = moment.replace(tzinfo=STOCKHOLM)
                assert moment.utcoffset() == local.utcoffset(), (path, key, event[key])
        locations = event.get("location", [])
        locations = locations if isinstance(locations, list) else [locations]
        if event["eventAttendanceMode"].endswith(("/OnlineEventAttendanceMode", "/MixedEventAttendanceMode")):
            virtual = [loc for loc in locations if loc["@type"] == "VirtualLocation"]
            assert virtual and virtual[0]["url"].startswith("https://"), path
        for place in locations:
            assert place["@type"] in ("Place", "VirtualLocation"), path
    assert "EventScheduled" in statuses
    assert {"MixedEventAttendanceMode", "OnlineEventAttendanceMode"} <= modes


def test_news_articles_name_headline_date_author_and_publisher(pages) -> None:
    articles = objects(pages, "NewsArticle")
    assert articles
    for path, article in articles:
        assert article["headline"], path
        assert datetime.fromisoformat(article["datePublished"]), path
        assert article["author"]["name"] and article["publisher"]["name"], path


def test_home_pages_describe_the_government_organisation(pages) -> None:
    for region in ("boras", "jh", "vb", "vg"):
        found = [d for p, d in objects(pages, "GovernmentOrganization") if p == f"{region}/index.html"]
        assert found and found[0]["name"] and found[0]["url"].startswith("https://"), region


def test_contact_cards_are_described_as_people(pages) -> None:
    people = objects(pages, "Person")
    assert people
    for path, person in people:
        assert person["name"], path


def test_json_ld_cannot_close_its_script_element() -> None:
    text = str(json_ld({"name": "</script><script>alert(1)</script> & <!--"}))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)["name"] == "</script><script>alert(1)</script> & <!--"


def _region_with(page):
    from rusgen.model import Region

    return Region(
        id="test", name="Test", organisation="Region Test", base_url="https://rus.example.se/t/",
        languages=("sv",), timezone="Europe/Stockholm", theme="default", color="#00609c", logo="",
        menu=(), taxonomies=(), contact_email="", contact_phone="", accessibility=None,
        contacts=(), pages=(page,), files=(),
    )


@pytest.mark.parametrize(("status", "location", "online", "expected"), [
    ("scheduled", "Hus U", False, ("EventScheduled", "OfflineEventAttendanceMode", ["Place"])),
    ("full", "Hus U", True, ("EventScheduled", "MixedEventAttendanceMode", ["Place", "VirtualLocation"])),
    ("cancelled", "", True, ("EventCancelled", "OnlineEventAttendanceMode", ["VirtualLocation"])),
    ("postponed", "Hus U", False, ("EventPostponed", "OfflineEventAttendanceMode", ["Place"])),
    ("moved-online", "Hus U", True, ("EventMovedOnline", "OnlineEventAttendanceMode", ["VirtualLocation"])),
])
def test_event_json_ld_maps_status_and_attendance(status, location, online, expected) -> None:
    from rusgen.model import EventInfo, OnlineMeeting, Page
    from rusgen.outputs.structured_data import structured_data

    info = EventInfo(
        start=datetime(2021, 1, 14, 9, 30, tzinfo=STOCKHOLM),
        end=datetime(2021, 1, 14, 12, 0, tzinfo=STOCKHOLM), all_day=False, location=location,
        online=OnlineMeeting(url="https://teams.example/m") if online else None, status=status,
    )
    page = Page(source="events/x.md", lang="sv", url="events/x/", title="Möte", body="",
                body_line=3, event=info)
    (event,) = structured_data(_region_with(page), page, is_home=False)
    assert event["startDate"] == "2021-01-14T09:30+01:00"  # winter time in Stockholm
    assert event["endDate"] == "2021-01-14T12:00+01:00"
    location_value = event["location"]
    places = location_value if isinstance(location_value, list) else [location_value]
    assert (event["eventStatus"].removeprefix(SCHEMA), event["eventAttendanceMode"].removeprefix(SCHEMA),
            [p["@type"] for p in places]) == expected
