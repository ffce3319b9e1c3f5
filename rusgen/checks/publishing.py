"""Publishing over time: reviews that are overdue (each page's review_by, or reviewed + the
region's review_every), and pages that will unpublish with nowhere for their address to lead."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from zoneinfo import ZoneInfo

from rusgen.checks.context import CheckContext
from rusgen.errors import ContentError
from rusgen.model import Page, Region
from rusgen.text import format_date, format_datetime


def review_due(page: Page, region: Region) -> date | None:
    """Return the day a page's next review is due, or None if it has none."""
    if page.review_by is not None:
        return page.review_by
    if page.reviewed is not None and region.review_every > 0:
        return add_months(page.reviewed, region.review_every)
    return None


def add_months(day: date, months: int) -> date:
    """Return the same day `months` later; the 31st becomes the month's last day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for last in (31, 30, 29, 28):
        try:
            return day.replace(year=year, month=month, day=min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("every month has 28 days")


def check_reviews(ctx: CheckContext) -> Iterator[ContentError]:
    """Warn about every page whose review is overdue, naming its owner."""
    for source in ctx.pages():
        page, region = source.page, source.region
        due = review_due(page, region)
        today = ctx.site.build_time.astimezone(ZoneInfo(region.timezone)).date()
        if due is None or due >= today:
            continue
        lines = page.field_lines
        field = "review_by" if page.review_by else "reviewed"
        yield ctx.warning(
            source.display, lines.line_of(field) or 1, field, "review.overdue",
            due=format_date(due, ctx.lang, "short"), owner=_owner(page, region, ctx),
        )


def _owner(page: Page, region: Region, ctx: CheckContext) -> str:
    contact = region.contacts_by_id.get(page.owner)
    if contact is None:
        return ctx.text("review.no_owner")
    return f"{contact.name} <{contact.email}>" if contact.email else contact.name


def check_unpublish(ctx: CheckContext) -> Iterator[ContentError]:
    """Warn, ahead of time, about a page whose unpublish would drop its address: the build
    after that moment would be refused (outputs/addresses.py) until it leads somewhere."""
    for region in ctx.site.regions:
        kept = {gone.address for gone in region.gone}
        kept.update(alias for page in (*region.pages, *region.coming) for alias in page.aliases)
        for page in region.pages:
            if page.unpublish is None or page.draft or page.url in kept:
                continue
            source = f"content/{region.id}/{page.source}"
            when = format_datetime(page.unpublish, ctx.lang)
            yield ctx.warning(source, page.field_lines.line_of("unpublish") or 1, "unpublish",
                              "check.unpublish_no_way_out", when=when, address=f"/{page.url}",
                              settings=f"content/{region.id}/region.yaml")
