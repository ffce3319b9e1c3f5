"""English pages speak English: taxonomy and term titles, contact roles, menu labels,
and the language of documents, as region.yaml and contacts.yaml give them."""

from __future__ import annotations

import json
import re
from pathlib import Path

from click.testing import CliRunner
from conftest import BUILD_EPOCH
from sitekit import REGION, write_site

from rusgen.cli import main

TAXONOMY = """\
taxonomies:
  kraftsamlingar:
    title: {sv: Kraftsamlingar, en: Focus areas}
    terms:
      digitalisering: {title: {sv: Digitalisering, en: Digitalisation}}
      energi: {title: Energi}
"""
CONTACTS = """\
kim:
  name: Kim Andersson
  role: {sv: Regionutvecklare, en: Regional development officer}
  email: kim.andersson@example.se
"""
PAGES = {
    "contacts.yaml": CONTACTS,
    "om.en.md": """\
        ---
        title: About us
        summary: Who we are.
        contacts: [kim]
        kraftsamlingar: [digitalisering]
        documents:
          - {file: files/plan.pdf, title: Handlingsplan, lang: sv}
          - {file: files/plan-en.pdf, title: Action plan}
        ---

        Text.
        """,
    "files/plan.pdf": b"%PDF-1.4\n",
    "files/plan-en.pdf": b"%PDF-1.4\n",
}


def with_taxonomy(taxonomy: str) -> str:
    return REGION.replace("menu: [om,", "menu: [kraftsamlingar, om,") + taxonomy


def build(root: Path) -> tuple[int, str, Path]:
    output = root / "public"
    result = CliRunner(env={"SOURCE_DATE_EPOCH": BUILD_EPOCH}).invoke(
        main, ["build", "--source", str(root), "--output", str(output)]
    )
    return result.exit_code, result.output, output / "test"


def visible(html: str) -> str:
    """Return the page's text as read: tags, soft hyphens and <wbr> gone."""
    html = html.replace("\u00ad", "").replace("<wbr>", "")
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_english_pages_use_the_english_titles_and_roles(tmp_path: Path) -> None:
    code, output, site = build(write_site(tmp_path, PAGES, with_taxonomy(TAXONOMY)))
    assert code == 0, output
    page = (site / "en" / "om" / "index.html").read_text()
    menu = visible(page.split('<nav class="site-nav"', 1)[1].split("</nav>", 1)[0])
    assert "Focus areas" in menu and "Kraftsamlingar" not in menu
    assert "Focus areas: Digitalisation" in visible(page)
    assert "Regional development officer" in visible(page)
    assert "Regionutvecklare" not in page
    people = [item for script in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page)
              for item in [json.loads(script)] if item.get("@type") == "Person"]
    assert [person["jobTitle"] for person in people] == ["Regional development officer"]
    assert "Handlingsplan (in Swedish, pdf," in visible(page)
    assert "Action plan (pdf," in visible(page)

    term = visible((site / "en" / "kraftsamlingar" / "digitalisering" / "index.html").read_text())
    assert "About digitalisation" in term and "All focus areas" in term
    # A title written once serves every language.
    assert "<h1>Energi</h1>" in (site / "en" / "kraftsamlingar" / "energi" / "index.html").read_text()


def test_swedish_pages_keep_the_swedish_titles(tmp_path: Path) -> None:
    code, output, site = build(write_site(tmp_path, PAGES, with_taxonomy(TAXONOMY)))
    assert code == 0, output
    term = visible((site / "kraftsamlingar" / "digitalisering" / "index.html").read_text())
    assert "Om digitalisering" in term and "Alla kraftsamlingar" in term
    taxonomy = visible((site / "kraftsamlingar" / "index.html").read_text())
    assert "Digitalisering" in taxonomy and "Digitalisation" not in taxonomy


def test_a_title_in_a_language_the_region_lacks_is_refused_in_swedish(tmp_path: Path) -> None:
    taxonomy = TAXONOMY.replace("en: Focus areas", "de: Schwerpunkte").replace(
        "{sv: Digitalisering, en: Digitalisation}", "{en: Digitalisation}")
    code, output, _ = build(write_site(tmp_path, PAGES, with_taxonomy(taxonomy)))
    assert code == 1
    assert (
        "content/test/region.yaml:13: taxonomies.kraftsamlingar.title.de: `de` är inte ett av "
        "regionens språk (sv, en); skriv en text per språk, som `title: {sv: ..., en: ...}`"
    ) in output
    assert (
        "content/test/region.yaml:15: taxonomies.kraftsamlingar.terms.digitalisering.title: "
        "texten på `sv`, regionens första språk, saknas; lägg till den, som `title: {sv: ..., en: ...}`"
    ) in output
    assert "Traceback" not in output
