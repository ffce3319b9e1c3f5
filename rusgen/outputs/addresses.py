"""The addresses a region answers at, and the check that none it has published is dropped.

A region's ledger (content/REGION/published-addresses.txt, kept by `ledger.py`) lists every
address a real build has published. Each must still lead somewhere: to a page, to the page
that lists it in `aliases:` (301), or to a `gone:` entry of region.yaml (410).
"""

from __future__ import annotations

from datetime import datetime

from rusgen.errors import Problems
from rusgen.model import Region, Site
from rusgen.outputs.generated_pages import generated_urls
from rusgen.raw import CONTENT_DIR, LEDGER_FILE


def published_now(region: Region, now: datetime) -> frozenset[str]:
    """Return the addresses a real build publishes: every generated page, and each page
    that is neither a draft nor outside its publish and unpublish moments, with its aliases.

    A build with --drafts, or the preview, shows more; none of that is published."""
    urls = set(generated_urls(region))
    for page in region.pages:
        if not page.draft and page.is_live(now):
            urls.add(page.url)
            urls.update(page.aliases)
    return frozenset(urls)


def answered(region: Region) -> frozenset[str]:
    """Return every address this build answers at: pages, aliases and gone addresses."""
    urls = set(generated_urls(region))
    for page in region.pages:
        urls.add(page.url)
        urls.update(page.aliases)
    urls.update(gone.address for gone in region.gone)
    return frozenset(urls)


def check_ledgers(site: Site, problems: Problems) -> None:
    """Refuse a build that would drop an address of a region's ledger, naming each."""
    for region in site.regions:
        if region.published is not None:  # None: the first build, nothing yet to keep
            _check_ledger(region, problems)


def _check_ledger(region: Region, problems: Problems) -> None:
    for address in sorted(set(region.published or ()) - answered(region)):
        problems.say(
            ledger_display(region), 0, "", "ledger.dropped", address=f"/{address}",
            settings=f"{CONTENT_DIR}/{region.id}/region.yaml",
        )


def ledger_display(region: Region) -> str:
    return f"{CONTENT_DIR}/{region.id}/{LEDGER_FILE}"
