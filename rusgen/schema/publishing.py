"""Publishing over time and ownership: a page's publish, unpublish, owner and reviews, and
region.yaml's review_every and gone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from rusgen.contentmodel import PAGE, REGION
from rusgen.errors import Problems
from rusgen.fields import Fields
from rusgen.model import GoneAddress, Page
from rusgen.raw import LEDGER_FILE, RawRegion
from rusgen.schema.common import RegionContext
from rusgen.schema.contacts import contact_ids
from rusgen.urls import normalise_address
from rusgen.yamlfile import YamlMap

GONE = REGION["gone"]


@dataclass(frozen=True)
class Publishing:
    """A page's fields of publishing over time and ownership, as the Page keeps them."""

    publish: datetime | None
    unpublish: datetime | None
    owner: str  # a contact id, or ""
    reviewed: date | None
    review_by: date | None


def read_publishing(f: Fields, region: RegionContext) -> Publishing:
    """Return the Page fields of publishing and ownership, checked."""
    publish = _moment(f, "publish", region)
    unpublish = _moment(f, "unpublish", region)
    if publish is not None and unpublish is not None and unpublish <= publish:
        f.say("unpublish", "publish.unpublish_first",
              unpublish=f.data["unpublish"], publish=f.data["publish"])
    owners = contact_ids(f, "owner", region)
    if len(owners) > 1:
        f.say("owner", "publish.one_owner", example=PAGE["owner"].example)
    reviewed = f.read(PAGE["reviewed"])
    review_by = f.read(PAGE["review_by"])
    return Publishing(publish, unpublish, owners[0] if owners else "", reviewed, review_by)


def _moment(f: Fields, key: str, region: RegionContext) -> datetime | None:
    """A date means its first moment: `publish: 2026-12-01` publishes at midnight."""
    read = f.read(PAGE[key])
    return read.at.replace(tzinfo=region.tz) if read else None


def read_review_every(f: Fields) -> int:
    """Return region.yaml's review_every: a number of months, at least one."""
    months = f.read(REGION["review_every"])
    if months < 0 or (months == 0 and f.has("review_every")):
        f.say("review_every", "publish.review_every", got=months)
        return 0
    return months


def read_gone(f: Fields) -> tuple[GoneAddress, ...]:
    """Read region.yaml's gone: each entry an address alone or {address, reason}."""
    result = []
    for item, line in f.list_of(GONE.name):
        if isinstance(item, YamlMap):
            entry = Fields(item, f.path, f.problems, prefix=f"{GONE.name}.")
            entry.warn_unknown(GONE.names)
            written = entry.read(GONE.child("address"))
            reason = entry.read(GONE.child("reason"))
            line = entry.line("address") or line
        elif isinstance(item, str | int | float) and not isinstance(item, bool):
            written, reason = str(item).strip(), ""
        else:
            f.problems.say(f.path, line, GONE.name, "field.list_of_maps",
                           example=f"`{GONE.name}: {GONE.example}`")
            continue
        if not written:
            continue
        address = normalise_address(written)
        if not address:  # None, or the home page: a region's home is never gone
            f.problems.say(f.path, line, GONE.name, "gone.invalid", address=written)
            continue
        result.append(GoneAddress(address, reason, line))
    return tuple(result)


def check_gone(
    pages: tuple[Page, ...], gone: tuple[GoneAddress, ...], display: str, problems: Problems
) -> None:
    """Refuse a gone: address that a page or an alias still has.

    A page that unpublishes itself may name its address in gone: ahead of time: it is
    gone from then on.
    """
    path = f"{display}/region.yaml"
    for entry in gone:
        line, written = entry.line or 1, f"/{entry.address}"
        for page in sorted(pages, key=lambda p: p.source):
            if page.url == entry.address and page.unpublish is None:
                problems.say(path, line, GONE.name, "gone.still_page", address=written,
                             page=f"{display}/{page.source}")
            elif entry.address in page.aliases:
                problems.say(path, line, GONE.name, "gone.still_alias", address=written,
                             page=f"{display}/{page.source}")


def read_ledger(raw: RawRegion, problems: Problems) -> tuple[str, ...] | None:
    """Return the region-relative addresses of the region's ledger, or None if it has none."""
    if raw.published is None:
        return None
    result = set()
    for written, line in raw.published:
        address = normalise_address(written) if written.startswith("/") else None
        if address is None:
            problems.say(f"{raw.display}/{LEDGER_FILE}", line, "", "ledger.line", got=written)
            continue
        result.add(address)
    return tuple(sorted(result))
