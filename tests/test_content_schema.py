"""The JSON Schema made from the content model accepts every real content file and rejects
the mistakes a schema can express (docs/content.md: "Checking while you type")."""

from __future__ import annotations

from pathlib import Path

import jsonschema
import pytest

from rusgen.contentmodel import kinds
from rusgen.contentmodel.jsonschema import json_schema
from rusgen.yamlfile import parse_yaml
from tests.conftest import ROOT

PROJECTS = [ROOT, ROOT / "tests/sites/full", ROOT / "tests/sites/minimal", ROOT / "tests/sites/broken/base"]


def kind_of(path: Path, region: Path) -> str:
    """Return the kind of a content file by its place, as the loader decides it."""
    rel = path.relative_to(region).as_posix()
    if rel == "region.yaml":
        return "region"
    if rel == "contacts.yaml":
        return "contacts"
    section, _, name = rel.partition("/")
    if section in ("events", "news") and name and not name.startswith("index."):
        return "event" if section == "events" else "news"
    return "page"


def front_matter(path: Path) -> object:
    lines = path.read_text("utf-8").split("\n")
    closing = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    return parse_yaml("\n".join(lines[1:closing])) or {}


def content_files() -> list[tuple[str, Path]]:
    found = [("network", project / "rusgen.yaml") for project in PROJECTS]
    for project in PROJECTS:
        for region in sorted((project / "content").iterdir()):
            for path in sorted(region.rglob("*")):
                if path.suffix in (".md", ".yaml") and "files" not in path.parts:
                    found.append((kind_of(path, region), path))
    return found


def validator(kind: str) -> jsonschema.Draft202012Validator:
    schema = json_schema(kind)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@pytest.mark.parametrize("kind", sorted(kinds()))
def test_each_schema_is_a_valid_json_schema_in_both_languages(kind: str) -> None:
    for lang in ("sv", "en"):
        jsonschema.Draft202012Validator.check_schema(json_schema(kind, lang))
    assert json_schema(kind, "en") != json_schema(kind, "sv")  # the descriptions are translated


def test_every_content_file_of_the_repository_is_valid() -> None:
    files = content_files()
    assert len(files) > 60  # the real content and the sample sites, every kind of file
    assert {kind for kind, _ in files} == set(kinds())
    invalid = []
    for kind, path in files:
        data = front_matter(path) if path.suffix == ".md" else parse_yaml(path.read_text("utf-8"))
        for error in validator(kind).iter_errors(data):
            invalid.append(f"{path.relative_to(ROOT)}: {error.json_path}: {error.message}")
    assert invalid == []


BROKEN = {
    "page": [
        ("summary: Ingen rubrik\n", "'title' is a required property"),
        ("title: [Kraftsamlingar]\n", "['Kraftsamlingar'] is not of type 'string', 'number'"),
        ("title: Om\ndraft: ja\n", "'ja' is not of type 'boolean'"),
        ("title: Om\nimage: {src: files/a.jpg}\n", "'alt' is a required property"),
        ("title: Om\ndocuments: [files/a.pdf]\n", "'files/a.pdf' is not of type 'object'"),
        ("title: Om\nslug: Om oss\n", "'Om oss' does not match"),
    ],
    "event": [
        ("title: Möte\nstart: 15 okt\n", "'15 okt' does not match"),
        ("title: Möte\nstart: 2020-10-15 09:30\nstatus: fullsatt\n", "'fullsatt' is not one of"),
        ("title: Möte\nstart: 2020-10-15\nonline: {url: 'javascript:alert(1)'}\n", "does not match"),
    ],
    "news": [("title: Nytt\ndate: 2020-10-15\nkind: pressmeddelande\n", "is not one of")],
    "region": [
        ("name: X\norganisation: Y\nbase_url: rus.example.se\naccessibility: {}\n", "does not match"),
        ('name: X\norganisation: Y\nbase_url: https://a.se/\nbranding: {color: blå}\n', "does not match"),
        ("name: X\norganisation: Y\nbase_url: https://a.se/\nlanguage: sv\n",
         "Additional properties are not allowed ('language' was unexpected)"),
    ],
    "contacts": [
        ("Anna P:\n  name: Anna\n", "does not match"),
        ("anna:\n  role: Utvecklare\n", "'name' is a required property"),
    ],
    "network": [("name: N\nlanguage: fi\n", "'fi' is not one of ['sv', 'en']")],
}


@pytest.mark.parametrize(
    ("kind", "text", "expected"),
    [(kind, text, expected) for kind, cases in BROKEN.items() for text, expected in cases],
)
def test_the_schema_rejects_what_rusgen_refuses(kind: str, text: str, expected: str) -> None:
    messages = [error.message for error in validator(kind).iter_errors(parse_yaml(text))]
    assert any(expected in message for message in messages), messages
