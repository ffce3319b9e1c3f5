"""The pages rusgen makes for every region, beside those written in Markdown: their
addresses, which links may name and the address ledger counts as published."""

from __future__ import annotations

from rusgen.model import Region
from rusgen.outputs.search import search_url
from rusgen.urls import LEGAL_SLUGS, language_prefix

EVENTS, NEWS = "events", "news"
# The pages every public site must have, by language: (key, template, title string, slug).
# The key joins the language versions, whose addresses differ.
LEGAL_PAGES = (
    ("accessibility", "statement.html", "statement_title", LEGAL_SLUGS["accessibility"]),
    ("personal-data", "personal_data.html", "personal_data_title", LEGAL_SLUGS["personal-data"]),
    ("cookies", "cookies.html", "cookies_title", LEGAL_SLUGS["cookies"]),
)


def generated_urls(region: Region) -> frozenset[str]:
    """Return the addresses of the pages rusgen makes, in every language (no strings needed).

    Markdown links may lead to them by address (/events/, /sok/), and the address ledger
    counts them as published; a test keeps this list equal to what RegionView._generated
    makes.
    """
    urls: set[str] = set()
    for lang in region.languages:
        prefix = language_prefix(lang, region.default_language)
        urls.update((prefix, f"{prefix}{EVENTS}/", f"{prefix}{NEWS}/",
                     search_url(lang, region.default_language)))
        for taxonomy in region.taxonomies:
            urls.add(f"{prefix}{taxonomy.id}/")
            urls.update(f"{prefix}{taxonomy.id}/{term.id}/" for term in taxonomy.terms)
        urls.update(
            f"{prefix}{slugs.get(lang, slugs['en'])}/" for _, _, _, slugs in LEGAL_PAGES
        )
    return frozenset(urls)
