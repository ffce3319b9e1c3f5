"""Open data: a region's events and news as JSON and CSV, described in a DCAT-AP-SE catalogue.

Sveriges dataportal harvests DCAT-AP-SE catalogues; a region registers the address of its
data/dcat.jsonld there once. The JSON files are schema.org DataFeeds of the very objects
the pages carry as JSON-LD (structured_data.py), so the data and the pages cannot
disagree; the CSV files hold the same facts in columns, for spreadsheets (UTF-8, comma,
CRLF as RFC 4180 has it). One version of each item, in the region's first language.

Nothing here reads the clock: the files change when the content does, and the catalogue
gives no modification date that would change with every build.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

from rusgen.model import Output, Page, Region
from rusgen.outputs import structured_data
from rusgen.outputs.add_to_calendar import place_of
from rusgen.outputs.calendar import event_uid  # one id for an event in the data and calendars
from rusgen.outputs.region_view import RegionView

DATA = "data/"
CATALOGUE = f"{DATA}dcat.jsonld"
# The licence the Swedish recommendations give public bodies' open data: no rights kept.
LICENCE = "http://creativecommons.org/publicdomain/zero/1.0/"
# The EU vocabularies DCAT-AP-SE takes its values from.
EU = "http://publications.europa.eu/resource/authority"
FREQUENCY = f"{EU}/frequency/IRREG"  # published whenever the region writes an event or news item
LANGUAGES = {"sv": f"{EU}/language/SWE", "en": f"{EU}/language/ENG"}
CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dcterms": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
}
EVENT_COLUMNS = ("uid", "title", "start", "end", "all_day", "place", "online_url", "status",
                 "previous_start", "summary", "language", "url")
NEWS_COLUMNS = ("title", "date", "kind", "author", "summary", "language", "url")


def render(view: RegionView) -> Iterator[Output]:
    """Yield the region's events and news as JSON and CSV, and the catalogue describing them."""
    region, lang = view.region, view.region.default_language
    upcoming, past = view.events(lang)
    events = sorted(upcoming + past, key=lambda p: (p.event.start, p.source))  # type: ignore[union-attr]
    news = sorted(view.news(lang), key=lambda p: (p.news.date, p.source))  # type: ignore[union-attr]
    feeds = {
        "events": [structured_data.event(region, p, p.event) for p in events],  # type: ignore[arg-type]
        "news": [structured_data.news_article(region, p) for p in news],
    }
    rows = {"events": [_event_row(region, p) for p in events], "news": [_news_row(region, p) for p in news]}
    columns = {"events": EVENT_COLUMNS, "news": NEWS_COLUMNS}
    for kind in ("events", "news"):
        feed = {"@context": "https://schema.org", "@type": "DataFeed", "name": f"{kind} – {region.name}",
                "publisher": structured_data.organization(region), "license": LICENCE,
                "dataFeedElement": feeds[kind]}
        yield Output(f"{region.output_folder}/{DATA}{kind}.json", _json(feed))
        yield Output(f"{region.output_folder}/{DATA}{kind}.csv", _csv(columns[kind], rows[kind]))
    yield Output(f"{region.output_folder}/{CATALOGUE}", _json(catalogue(region)))


def catalogue(region: Region) -> dict:
    """Return the DCAT-AP-SE catalogue of the region's two datasets, as JSON-LD."""
    lang = region.default_language
    publisher = {"@id": f"{region.base_url}#organisation", "@type": "foaf:Agent",
                 "foaf:name": region.organisation}
    contact: dict = {"@type": "vcard:Organization", "vcard:fn": region.organisation}
    if region.contact_email:
        contact["vcard:hasEmail"] = {"@id": f"mailto:{region.contact_email}"}
    language = {"@id": LANGUAGES.get(lang, f"{EU}/language/MUL")}

    def text(sv: str, en: str) -> dict:
        return {"@language": lang, "@value": en if lang == "en" else sv}

    def dataset(kind: str, title: dict, description: dict, keywords: list[str]) -> dict:
        url = region.absolute_url(f"{DATA}{kind}")
        return {
            "@id": f"{url}#dataset", "@type": "dcat:Dataset",
            "dcterms:title": title, "dcterms:description": description,
            "dcterms:publisher": publisher, "dcat:contactPoint": contact,
            "dcterms:accrualPeriodicity": {"@id": FREQUENCY}, "dcterms:language": language,
            "dcat:theme": {"@id": f"{EU}/data-theme/GOVE"},
            "dcat:keyword": [{"@language": lang, "@value": word} for word in keywords],
            "dcat:landingPage": {"@id": region.absolute_url(f"{kind}/")},
            "dcat:distribution": [
                _distribution(f"{url}.json", "JSON", "application/json", title),
                _distribution(f"{url}.csv", "CSV", "text/csv", title),
            ],
        }

    name = region.name
    return {
        "@context": CONTEXT,
        "@id": f"{region.absolute_url(CATALOGUE)}#catalog", "@type": "dcat:Catalog",
        "dcterms:title": text(f"Öppna data från {name}", f"Open data from {name}"),
        "dcterms:description": text(
            f"Evenemang och nyheter från webbplatsen {name}.", f"Events and news from the site {name}."),
        "dcterms:publisher": publisher, "dcterms:license": {"@id": LICENCE},
        "dcterms:language": language, "foaf:homepage": {"@id": region.base_url},
        "dcat:dataset": [
            dataset("events", text(f"Evenemang – {name}", f"Events – {name}"),
                    text("Alla evenemang, kommande och genomförda, med tid, plats och status.",
                         "Every event, upcoming and past, with time, place and status."),
                    ["evenemang", "regional utveckling"]),
            dataset("news", text(f"Nyheter – {name}", f"News – {name}"),
                    text("Nyheter och pressmeddelanden.", "News and press releases."),
                    ["nyheter", "pressmeddelanden", "regional utveckling"]),
        ],
    }


def _distribution(url: str, file_type: str, media_type: str, title: dict) -> dict:
    return {
        "@id": f"{url}#distribution", "@type": "dcat:Distribution", "dcterms:title": title,
        "dcat:accessURL": {"@id": url}, "dcat:downloadURL": {"@id": url},
        "dcterms:format": {"@id": f"{EU}/file-type/{file_type}"},
        "dcat:mediaType": {"@id": f"https://www.iana.org/assignments/media-types/{media_type}"},
        "dcterms:license": {"@id": LICENCE},
    }


def _event_row(region: Region, page: Page) -> list[str]:
    info = page.event
    assert info is not None
    moment = (lambda m: m.date().isoformat()) if info.all_day else (lambda m: m.isoformat())
    return [
        event_uid(region, page), page.title, moment(info.start),
        moment(info.end) if info.end else "", "true" if info.all_day else "false", place_of(info),
        info.online.url if info.online else "", info.status,
        moment(info.previous_start) if info.previous_start else "", page.summary, page.lang,
        region.absolute_url(page.url),
    ]


def _news_row(region: Region, page: Page) -> list[str]:
    news = page.news
    assert news is not None
    return [page.title, news.date.isoformat(), news.kind, news.author, page.summary, page.lang,
            region.absolute_url(page.url)]


def _json(data: dict) -> bytes:
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")


def _csv(columns: tuple[str, ...], rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")
