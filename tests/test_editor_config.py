"""The editor's configuration (admin/config.yml) as `rusgen serve` hands it to Decap CMS.

Every region of the repository gets its forms, made from the content model: what Decap
writes for each widget must be what rusgen reads.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import yaml

from rusgen.contentmodel import kinds
from rusgen.contentmodel.labels import LABELS
from tests.conftest import ROOT, copy_project, rusgen_serve

REGIONS = sorted(p.name for p in (ROOT / "content").iterdir() if (p / "region.yaml").is_file())


@contextmanager
def serving(project: Path) -> Iterator[str]:
    """`rusgen serve` over `project`, whether its content builds or not; yield its address."""
    with rusgen_serve(project, ready="/admin/") as origin:
        yield origin + "/"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`rusgen serve` over a copy of the repository's project, and one region no test has
    seen, with errors the build refuses: the editor is where they are mended."""
    project = copy_project(tmp_path_factory.mktemp("editor"))
    new = project / "content" / "nyregion"
    new.mkdir()
    (new / "region.yaml").write_text(
        "name: Nyregion\norganisation: Region Ny\nbase_url: https://rus.example.se/ny/\n"
        "languages: [sv, en]\ntimezone: Europe/Helsinki\n", "utf-8")
    (new / "contacts.yaml").write_text(": : not yaml [", "utf-8")  # broken: the form goes on
    with serving(project) as base:
        yield base


def _get(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as answer:
            return answer.status, answer.headers["Content-Type"], answer.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["Content-Type"], error.read()


# Read once for the module (the tests only read it): the server makes it anew for each
# request, which takes seconds.
@pytest.fixture(scope="module")
def config(served) -> Iterator[dict]:
    base = served
    status, kind, data = _get(base + "admin/config.yml")
    assert status == 200 and kind.startswith("text/yaml")
    yield yaml.safe_load(data)


def _collection(config: dict, name: str) -> dict:
    return next(c for c in config["collections"] if c["name"] == name)


def _field(fields: list[dict], name: str) -> dict:
    return next(f for f in fields if f["name"] == name)


def test_every_field_of_the_content_model_has_a_label_in_both_languages() -> None:
    def names(fields):
        for f in fields:
            yield f.name
            yield from names(f.fields)

    missing = {n for kind in kinds().values() for n in names(kind.fields)} - set(LABELS)
    assert not missing, f"add labels to rusgen/contentmodel/labels.py: {sorted(missing)}"


def test_config_points_decap_at_this_servers_local_backend(served, config) -> None:
    base = served
    assert config["local_backend"] == {"url": base + "api/v1"}
    assert config["locale"] == "sv"
    assert config["backend"]["name"]


def test_every_region_has_its_collections(config) -> None:
    names = {c["name"] for c in config["collections"]}
    for region in [*REGIONS, "nyregion"]:
        for kind in ("pages", "events", "news", "settings"):
            assert f"{region}-{kind}" in names
        events = _collection(config, f"{region}-events")
        assert events["folder"] == f"content/{region}/events"
        assert (events["format"], events["extension"], events["create"]) == ("frontmatter", "md", True)
        assert events["media_folder"] == f"/content/{region}/files"
        assert events["public_folder"] == "files"
    assert "vastra-gotaland-pages-kraftsamlingar" in names  # a folder of pages


def test_event_form_writes_what_rusgen_reads(config) -> None:
    fields = _collection(config, "vasterbotten-events")["fields"]
    start = _field(fields, "start")
    assert (start["label"], start["required"], start["widget"]) == ("Börjar", True, "datetime")
    assert start["format"] == "YYYY-MM-DD HH:mm" and start["default"] == ""
    assert "Europe/Stockholm" in start["hint"]
    status = _field(fields, "status")
    assert status["widget"] == "select" and status["required"] is False
    assert {"label": "Fullsatt", "value": "full"} in status["options"]
    agenda = _field(fields, "agenda")
    assert agenda["widget"] == "list" and agenda["default"] == []
    assert _field(agenda["fields"], "time")["pattern"][1] == 'Skriv klockslaget som 09:30'
    assert _field(fields, "body")["widget"] == "markdown"
    assert _field(fields, "draft")["widget"] == "boolean"
    assert _field(fields, "weight")["value_type"] == "int"
    assert _field(fields, "reviewed")["format"] == "YYYY-MM-DD"


def test_contacts_and_terms_are_chosen_by_name(config) -> None:
    fields = _collection(config, "vasterbotten-news")["fields"]
    press = _field(fields, "press_contacts")
    assert press["multiple"] is True
    assert {"label": "Anna Pettersson (anna-pettersson)", "value": "anna-pettersson"} in press["options"]
    assert _field(fields, "kind")["options"][1] == {"label": "Pressmeddelande", "value": "press"}
    terms = _field(_collection(config, "vastra-gotaland-pages")["fields"], "kraftsamlingar")
    assert {"label": "Elektrifiering (elektrifiering)", "value": "elektrifiering"} in terms["options"]
    image = _field(_collection(config, "vastra-gotaland-pages")["fields"], "image")
    assert _field(image["fields"], "src")["widget"] == "image"
    # An optional block's own required fields do not stop a save without it.
    assert _field(image["fields"], "src")["required"] is False
    # A region without contacts (Jämtland Härjedalen has none) writes ids as text.
    assert _field(_collection(config, "jamtland-harjedalen-pages")["fields"], "contacts")["widget"] == "list"


def test_other_languages_have_collections_of_their_own_files(config) -> None:
    english = _collection(config, "vastra-gotaland-pages-en")
    assert english["extension"] == "en.md" and english["folder"] == "content/vastra-gotaland"
    assert english["label"] == "Västra Götaland: sidor (engelska)"
    new = _collection(config, "nyregion-events")
    assert "Europe/Helsinki" in _field(new["fields"], "start")["hint"]
    role = _field(_collection(config, "vastra-gotaland-settings")["files"][1]["fields"][0]["fields"], "role")
    assert [f["name"] for f in role["fields"]] == ["sv", "en"]


def test_admin_page_and_decap_come_from_the_server(served) -> None:
    base = served
    status, kind, page = _get(base + "admin/")
    assert status == 200 and kind.startswith("text/html")
    assert b'<script src="decap-cms.js"></script>' in page
    assert b"Sparat. Sidan finns i f\xc3\xb6rhandsvisningen:" in page
    status, kind, script = _get(base + "admin/decap-cms.js")
    assert status == 200 and kind.startswith("text/javascript") and len(script) > 1_000_000
    assert _get(base + "admin/rusgen-admin.js")[0] == 200
    status, _, typed = _get(base + "admin")  # as typed, without the last /: redirected
    assert status == 200 and typed.startswith(b"<!DOCTYPE html>") and b"decap-cms.js" in typed
    for bad in ("admin/../rusgen.yaml", "admin/%2e%2e/rusgen.yaml", "admin/nothing.js",
                "admin/static/decap-cms.js"):
        assert _get(base + bad)[0] == 404, bad
