"""The field tables of docs/content.md and docs/guide.md are the content model's (make docs)."""

from __future__ import annotations

import pytest

from rusgen.contentmodel import kinds
from rusgen.contentmodel.reference import SECTION, updated
from tests.conftest import ROOT

DOCS = {"docs/content.md": "en", "docs/guide.md": "sv"}


@pytest.mark.parametrize("name", sorted(DOCS))
def test_the_field_tables_match_the_content_model(name: str) -> None:
    text = (ROOT / name).read_text("utf-8")
    assert updated(text) == text, f"{name} is stale: run `make docs` and review the diff"


@pytest.mark.parametrize(("name", "lang"), sorted(DOCS.items()))
def test_every_kind_of_file_has_a_table_in_the_document_s_language(name: str, lang: str) -> None:
    found = {(m.group(2), m.group(3)) for m in SECTION.finditer((ROOT / name).read_text("utf-8"))}
    assert found == {(kind, lang) for kind in kinds()}


def test_a_new_field_reaches_the_table() -> None:
    text = "<!-- fields: news sv -->\n| old |\n<!-- /fields -->\n"
    table = updated(text)
    assert "| `press_contacts` | lista |  | Presskontakter, med id från contacts.yaml. |" in table
    assert "| old |" not in table
