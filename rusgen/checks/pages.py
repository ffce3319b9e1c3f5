"""Checks of what pages carry: summaries, the size of documents, links to other sites."""

from __future__ import annotations

from collections.abc import Iterator

from rusgen.checks.context import CheckContext, line_holding
from rusgen.errors import ContentError
from rusgen.external import check_urls
from rusgen.text import format_number, format_size


def check_summaries(ctx: CheckContext) -> Iterator[ContentError]:
    """Warn about pages without a summary."""
    for source in ctx.pages():
        if not source.page.summary.strip():
            lines = source.page.field_lines
            yield ctx.warning(source.display, lines.line_of("summary") or lines.line_of("title") or 1,
                              "summary", "check.no_summary")


def check_document_sizes(ctx: CheckContext) -> Iterator[ContentError]:
    """Warn about documents and images larger than the limit."""
    limit = int(ctx.max_document_mb * 1_000_000)
    for region in ctx.site.regions:
        for file in region.files:
            if file.size > limit:
                yield ctx.warning(
                    f"content/{region.id}/{file.url}", 0, "", "check.large_file",
                    size=format_size(file.size, ctx.lang),
                    limit=format_number(_whole_if_whole(ctx.max_document_mb), ctx.lang),
                )


def check_external(ctx: CheckContext) -> Iterator[ContentError]:
    """Warn about links to other sites that do not answer or answer with an error."""
    places: dict[str, list[tuple[str, int]]] = {}
    for path, scanned in sorted(ctx.html.items()):
        for ref in scanned.refs:
            if ref.tag in ("a", "img") and ref.url.startswith(("http://", "https://")) and (
                ctx.internal_target(path, ref.url) is None
            ):
                places.setdefault(ref.url.split("#")[0], []).append((path, ref.line))
    results = check_urls(places, ctx.cache_dir, ctx.fetch)
    link = ctx.text("part.link")
    for url, status in sorted(results.items()):
        if status.ok:
            continue
        if status.status:
            code, blanks = "check.outside_answered", {"status": f"{status.status} {status.reason}".strip()}
        else:
            code, blanks = "check.outside_silent", {"reason": status.reason}
        reported: set[str] = set()
        for path, line in places[url]:
            source = ctx.sources.get(path)
            where = source.display if source else ctx.where(path)
            if where in reported:
                continue
            reported.add(where)
            yield ctx.warning(where, line_holding(source.page, url) if source else line, link, code,
                              url=url, **blanks)


def _whole_if_whole(number: float) -> float | int:
    """Return 10 for 10.0, so a limit reads "10 MB", not "10,0 MB"."""
    return int(number) if number.is_integer() else number
