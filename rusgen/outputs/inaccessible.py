"""The documents the accessibility statement must list, with what fails and why.

DOS-lagen asks the statement to name what is not accessible, grouped as Digg's model
does: content that fails the requirements, content exempt as a disproportionate burden,
and content the law does not cover (among it documents published before 2018-09-23).
The facts come from the build's checks (Region.document_checks) and from the front
matter that lists each document (exemption, justification, alternative, published).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from datetime import date

from rusgen.model import DOCUMENT_LAW_SINCE, Document, Region
from rusgen.text import collation_key

FAILS, BURDEN, NOT_COVERED = "fails", "disproportionate-burden", "not-covered"
GROUPS = (FAILS, BURDEN, NOT_COVERED)
# The exemption a page gives (the content model's words) -> the statement's group.
EXEMPTION_GROUPS = {"oskäligt betungande": BURDEN, "omfattas inte": NOT_COVERED}


@dataclass(frozen=True)
class InaccessibleDocument:
    """One failing document as the statement shows it."""

    url: str  # region-relative, files/...
    title: str
    lang: str  # the document's language where a page says it, else ""
    failures: tuple[str, ...]
    group: str  # one of GROUPS
    justification: str = ""
    alternative: str = ""  # the address of a page with the same content
    published: date | None = None

    @property
    def kind(self) -> str:
        return posixpath.splitext(self.url)[1].lstrip(".").lower()

    @property
    def unexcused(self) -> bool:
        """Tell whether the law's demand stands: no exemption, no alternative, published since 2018-09-23."""
        return self.group == FAILS and not self.alternative


def inaccessible_documents(region: Region, lang: str) -> tuple[InaccessibleDocument, ...]:
    """Return the region's failing documents, described by the pages in `lang` first."""
    listed: dict[str, Document] = {}
    for page in sorted(region.pages, key=lambda p: (p.lang != lang, p.source)):
        for document in page.documents:
            listed.setdefault(document.file, document)
    result = [_described(check.url, check.failures, listed.get(check.url))
              for check in region.document_checks]
    return tuple(sorted(result, key=lambda d: (collation_key(d.title), d.url)))


def by_group(documents: tuple[InaccessibleDocument, ...]) -> list[tuple[str, list[InaccessibleDocument]]]:
    """Return the non-empty groups in Digg's order, for the statement's subheadings."""
    groups = [(group, [d for d in documents if d.group == group]) for group in GROUPS]
    return [(group, items) for group, items in groups if items]


def _described(url: str, failures: tuple[str, ...], listed: Document | None) -> InaccessibleDocument:
    if listed is None:
        return InaccessibleDocument(url, posixpath.basename(url), "", failures, FAILS)
    group = EXEMPTION_GROUPS.get(listed.exemption, FAILS)
    if listed.published is not None and listed.published < DOCUMENT_LAW_SINCE:
        group = NOT_COVERED
    return InaccessibleDocument(
        url, listed.title, listed.lang, failures, group, listed.justification, listed.alternative,
        listed.published,
    )
