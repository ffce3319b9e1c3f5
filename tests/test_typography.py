"""Where headings and addresses may break: soft hyphens, <wbr>, titles inside a sentence."""

from __future__ import annotations

import re

import pytest

from rusgen.typography import SOFT_HYPHEN, breakable_address, hyphenate, in_sentence


def shown(text: str) -> str:
    return text.replace(SOFT_HYPHEN, "-")


@pytest.mark.parametrize(
    ("title", "hyphenated"),
    [
        ("Regional utvecklingsstrategi", "Regional ut-veck-lings-stra-tegi"),
        # pyphen alone gives "Kraft-s-am-lingar": a one-letter piece is never left.
        ("Kraftsamlingar", "Kraft-sam-lingar"),
        ("Tillgänglighetsredogörelse", "Till-gäng-lig-hets-re-do-gö-relse"),
        ("Om oss", "Om oss"),  # short words stay whole
        ("EU-samarbetet och RUS-ARBETET", "EU-sam-ar-be-tet och RUS-ARBETET"),
        ("Agenda 2030", "Agenda 2030"),
    ],
)
def test_long_words_of_headings_get_soft_hyphens(title: str, hyphenated: str) -> None:
    assert shown(hyphenate(title, "sv")) == hyphenated
    assert hyphenate(title, "sv").replace(SOFT_HYPHEN, "") == title


def test_english_headings_hyphenate_by_english_rules() -> None:
    assert shown(hyphenate("Responsibilities", "en")) != "Responsibilities"
    assert hyphenate("Responsibilities", "en").replace(SOFT_HYPHEN, "") == "Responsibilities"


@pytest.mark.parametrize(
    ("address", "html"),
    [
        ("anna.pettersson@regionvasterbotten.se",
         "anna<wbr>.pettersson@<wbr>regionvasterbotten<wbr>.se"),
        ("https://www.region.se/rus/plan.pdf",
         "https://www<wbr>.region<wbr>.se/<wbr>rus/<wbr>plan<wbr>.pdf"),
        ("a<b@x.se", "a&lt;b@<wbr>x<wbr>.se"),  # escaped like any text
    ],
)
def test_addresses_break_after_at_and_slash_and_before_dots(address: str, html: str) -> None:
    assert str(breakable_address(address)) == html


@pytest.mark.parametrize(
    ("title", "inside"),
    [
        ("Kraftsamlingar", "kraftsamlingar"),
        ("Focus areas", "focus areas"),
        ("EU-samarbete", "EU-samarbete"),
        ("RUS-arbetet", "RUS-arbetet"),
        ("eTjänster", "eTjänster"),
        ("", ""),
    ],
)
def test_titles_inside_a_sentence_lose_only_a_plain_capital(title: str, inside: str) -> None:
    assert in_sentence(title) == inside


def test_soft_hyphens_stay_in_visible_headings(built_site) -> None:  # noqa: ANN001
    """Titles, meta tags, JSON-LD, feeds, calendars and the search index carry none."""
    region = built_site / "vg"  # its folder in the output
    pages = sorted(region.rglob("*.html"))
    assert any(SOFT_HYPHEN in page.read_text() for page in pages)  # else nothing is tested
    for page in pages:
        html = page.read_text()
        head = html.split("</head>", 1)[0]  # <title>, meta, Open Graph and JSON-LD
        assert SOFT_HYPHEN not in head, page
        for heading in re.findall(r"<h[1-6][^>]*>(.*?)</h[1-6]>", html, re.S):
            html = html.replace(heading, "")
        assert SOFT_HYPHEN not in html, page  # nowhere but in headings
    for other in ("*.xml", "*.ics", "*.js", "*.json", "*.csv"):
        for path in region.rglob(other):
            assert SOFT_HYPHEN not in path.read_text(errors="replace"), path
