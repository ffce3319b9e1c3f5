"""DOS-lagen's demand on documents: each one that fails, said where it is listed, with the fix."""

from __future__ import annotations

from collections.abc import Iterator

from rusgen.checks.context import CheckContext
from rusgen.errors import ContentError
from rusgen.model import Region
from rusgen.outputs.inaccessible import NOT_COVERED, inaccessible_documents


def check_inaccessible_documents(ctx: CheckContext) -> Iterator[ContentError]:
    """Warn about each inaccessible document with no exemption and no accessible alternative.

    A warning, so `check --strict` fails on it. A document exempted, given an alternative or
    published before 2018-09-23 is listed in the statement and needs nothing more.
    """
    for region in ctx.site.regions:
        documents = inaccessible_documents(region, region.default_language)
        if region.accessibility and region.accessibility.status == "helt" and any(
            document.group != NOT_COVERED for document in documents
        ):
            yield ctx.warning(f"content/{region.id}/region.yaml", 0, "accessibility.status",
                              "check.statement_full_but_documents", count=len(documents))
        for document in documents:
            if not document.unexcused:
                continue
            path, line = _listed_at(region, document.url)
            yield ctx.warning(
                path, line, "documents" if line else "", "check.document_inaccessible",
                file=document.url,
                failures=", ".join(ctx.text(f"check.document_fails.{code}") for code in document.failures),
                fixes=" ".join(ctx.text(f"check.document_fix.{code}") for code in document.failures),
            )


def _listed_at(region: Region, url: str) -> tuple[str, int]:
    """Return the first page that lists the document (the default language's first) and the line,
    else the file itself."""
    for page in sorted(region.pages, key=lambda p: (p.lang != region.default_language, p.source)):
        if any(document.file == url for document in page.documents):
            return f"content/{region.id}/{page.source}", page.field_lines.line_holding(url) or 1
    return f"content/{region.id}/{url}", 0
