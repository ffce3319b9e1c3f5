"""What `rusgen check` looks at beyond the build: the rendered pages and the Site.

Each check is a small function `check_x(ctx) -> Iterator[ContentError]` over one
CheckContext (checks/context.py), which holds the Site, the rendered outputs, each HTML
page parsed once, and the way back from an output to the source file that made it.

Broken links, anchors, images and documents, and missing language links, are errors: a
reader hits them. Everything else is a warning: the site works, but could be better.
What the build already reports (a broken Markdown link, an image without a description)
is not checked again here: `rusgen check` shows the build's problems too.
"""

from __future__ import annotations

from rusgen.checks.context import Check, CheckContext
from rusgen.checks.documents import check_inaccessible_documents
from rusgen.checks.events import check_calendar_updates, check_event_ends, check_registration
from rusgen.checks.links import check_links, check_orphans, check_translations
from rusgen.checks.pages import check_document_sizes, check_external, check_summaries
from rusgen.checks.publishing import check_reviews, check_unpublish
from rusgen.errors import ContentError

__all__ = ["CHECKS", "CheckContext", "check_external", "run_checks"]

CHECKS: tuple[Check, ...] = (
    check_links,
    check_orphans,
    check_translations,
    check_registration,
    check_event_ends,
    check_calendar_updates,
    check_summaries,
    check_document_sizes,
    check_reviews,
    check_unpublish,
    check_inaccessible_documents,
)


def run_checks(ctx: CheckContext, checks: tuple[Check, ...] = CHECKS) -> list[ContentError]:
    """Run every check and return its problems, sorted."""
    return sorted(problem for check in checks for problem in check(ctx))
