"""Open data: the DCAT-AP-SE catalogue read with rdflib, and the JSON and CSV it describes."""

from __future__ import annotations

import csv
import io
import json

import pytest
import rdflib
import sample_site
from conftest import BUILD_EPOCH
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF

REGION = sample_site.REGION
FOLDER = sample_site.FOLDER  # the region's folder in the output
BASE = sample_site.BASE_URL
EU = "http://publications.europa.eu/resource/authority"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    pages = dict(sample_site.PAGES)
    pages["events/2027-05-20-flyttat.md"] = (
        "---\ntitle: Flyttat möte, \"med\" citat\nstart: 2027-05-20 13:00\nend: 2027-05-20 15:00\n"
        "previous_start: 2027-05-13 13:00\nlocation: Stadshuset, Borås\n---\n\nMöte.\n")
    pages["news/2027-01-10-press.md"] = (
        "---\ntitle: Pressmeddelande om strategin\ndate: 2027-01-10\nkind: press\nauthor: Anna\n"
        "summary: Två rader;\n  med semikolon.\n---\n\nText.\n")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
        return sample_site.render(sample_site.write_site(tmp_path_factory.mktemp("site"), pages))


def source_items(site: dict[str, bytes], section: str) -> set[str]:
    """Return the addresses of the Swedish pages of a section, as the site publishes them."""
    return {BASE + path.removeprefix(f"{FOLDER}/").removesuffix("index.html")
            for path in site if path.startswith(f"{FOLDER}/{section}/") and path.endswith("/index.html")
            and path != f"{FOLDER}/{section}/index.html"}


def test_catalogue_names_publisher_licence_frequency_and_every_file(site: dict[str, bytes]) -> None:
    graph = rdflib.Graph().parse(data=site[f"{FOLDER}/data/dcat.jsonld"], format="json-ld")
    [catalogue] = graph.subjects(RDF.type, DCAT.Catalog)
    publisher = graph.value(catalogue, DCTERMS.publisher)
    assert str(graph.value(publisher, FOAF.name)) == "Region Prov"
    licence = rdflib.URIRef("http://creativecommons.org/publicdomain/zero/1.0/")
    assert graph.value(catalogue, DCTERMS.license) == licence
    datasets = set(graph.objects(catalogue, DCAT.dataset))
    assert len(datasets) == 2
    downloads = set()
    for dataset in datasets:
        assert (dataset, RDF.type, DCAT.Dataset) in graph
        assert graph.value(dataset, DCTERMS.accrualPeriodicity) == rdflib.URIRef(f"{EU}/frequency/IRREG")
        assert graph.value(dataset, DCTERMS.publisher) == publisher
        assert graph.value(dataset, DCAT.contactPoint) is not None
        assert graph.value(dataset, DCTERMS.title).language == "sv"
        for distribution in graph.objects(dataset, DCAT.distribution):
            assert graph.value(distribution, DCTERMS.license) == licence
            downloads.add(str(graph.value(distribution, DCAT.downloadURL)))
    assert downloads == {f"{BASE}data/{kind}.{ext}" for kind in ("events", "news") for ext in ("json", "csv")}
    for url in downloads:  # each file the catalogue names is in the output
        assert f"{FOLDER}/{url.removeprefix(BASE)}" in site


def test_events_json_lists_every_event_with_the_pages_json_ld(site: dict[str, bytes]) -> None:
    feed = json.loads(site[f"{FOLDER}/data/events.json"])
    assert feed["@type"] == "DataFeed"
    items = feed["dataFeedElement"]
    assert {item["url"] for item in items} == source_items(site, "events")
    moved = next(item for item in items if item["url"].endswith("/flyttat/"))
    page = site[f"{FOLDER}/events/flyttat/index.html"].decode()
    on_page = json.loads(page.split('<script type="application/ld+json">')[1].split("</script>")[0])
    on_page.pop("@context")
    assert moved == on_page  # the same facts as the page's JSON-LD
    assert moved["eventStatus"] == "https://schema.org/EventRescheduled"


def test_csv_files_list_every_item_and_read_back(site: dict[str, bytes]) -> None:
    events = list(csv.DictReader(io.StringIO(site[f"{FOLDER}/data/events.csv"].decode("utf-8"), newline="")))
    assert {row["url"] for row in events} == source_items(site, "events")
    moved = next(row for row in events if row["url"].endswith("/flyttat/"))
    assert moved["title"] == 'Flyttat möte, "med" citat'
    assert (moved["start"], moved["previous_start"]) == (
        "2027-05-20T13:00:00+02:00", "2027-05-13T13:00:00+02:00")
    assert moved["place"] == "Stadshuset, Borås"
    news = list(csv.DictReader(io.StringIO(site[f"{FOLDER}/data/news.csv"].decode("utf-8"), newline="")))
    assert {row["url"] for row in news} == source_items(site, "news")
    press = next(row for row in news if row["kind"] == "press")
    assert (press["date"], press["author"]) == ("2027-01-10", "Anna")
    news_json = json.loads(site[f"{FOLDER}/data/news.json"])["dataFeedElement"]
    assert {item["url"] for item in news_json} == source_items(site, "news")
