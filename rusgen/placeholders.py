"""What `rusgen new` writes for the user to replace, and the check that it was replaced.

The scaffold writes fixed sentences where the user's own words belong; a page that still
holds one is refused, so a fresh page is never published with "Skriv texten här.". The
sentences are recognised exactly, so real text is never mistaken for one. A draft may keep
them: it is not published, and a draft is where unfinished text belongs.

Facts only the region can state (its address, the accessibility statement) are left empty
by the scaffold instead, with a comment that explains them; the schema refuses them empty.
"""

from __future__ import annotations

from rusgen.errors import Problems
from rusgen.model import Page

BODY = "Skriv texten här."
SUMMARY = "Skriv en mening om sidan här."


def check_placeholders(pages: tuple[Page, ...], display: str, problems: Problems) -> None:
    """Refuse a page that is not a draft and still holds what rusgen new wrote for its text."""
    for page in pages:
        if page.draft:
            continue
        where = f"{display}/{page.source}"
        if page.summary.strip() == SUMMARY:
            problems.say(
                where, page.field_lines.line_of("summary"), "summary", "placeholder.summary",
                marker=SUMMARY, title=page.title,
            )
        line = page.body_line_holding(BODY)
        if line:
            problems.say(where, line, "", "placeholder.body", marker=BODY)
