"""The accessibility statement's facts, which DOS-lagen requires of every site."""

from __future__ import annotations

from datetime import datetime

from rusgen.contentmodel import REGION
from rusgen.fields import Fields
from rusgen.messages import plural
from rusgen.model import (
    Accessibility,
)
from rusgen.schema.common import ACCESSIBILITY

ACCESSIBILITY_EXAMPLE = (
    "accessibility:\n  status: delvis\n  method: Egen granskning\n  assessed: 2021-03-01\n"
    "  known_issues:\n    - Vissa äldre PDF-dokument är inte tillgängliga.\n"
    "  feedback: {email: tillganglighet@example.se}"
)


def read_accessibility(f: Fields) -> Accessibility | None:
    """Read the facts of the accessibility statement, which DOS-lagen requires of every site."""
    block = f.section(REGION["accessibility"])
    if block is None:
        if not f.has("accessibility"):
            f.problems.say(
                f.path, 1, "accessibility", "statement.required", example=ACCESSIBILITY_EXAMPLE
            )
        return None
    status_field = ACCESSIBILITY["status"]
    if not block.has("status"):
        block.say("status", "statement.status")
    method = block.read(ACCESSIBILITY["method"])
    assessed = block.read(ACCESSIBILITY["assessed"])
    feedback = block.section(ACCESSIBILITY["feedback"])
    routes = feedback.values(ACCESSIBILITY["feedback"]) if feedback else {}
    routes = {key: routes.get(key, "") for key in ("email", "url", "phone")}
    if not any(routes.values()):
        block.problems.say(
            block.path, block.line("feedback") or 1, block.name("feedback"), "statement.feedback"
        )
    status = block.choice(status_field)
    known_issues = tuple(text for text, _ in block.texts("known_issues"))
    _statement_agrees(block, status, known_issues)
    return Accessibility(
        status=status or "delvis",
        method=method,
        assessed=assessed or datetime(1970, 1, 1).date(),
        updated=block.date("updated") or assessed or datetime(1970, 1, 1).date(),
        known_issues=known_issues,
        feedback_email=routes["email"],
        feedback_url=routes["url"],
        feedback_phone=routes["phone"],
    )


def _statement_agrees(block: Fields, status: str, known_issues: tuple[str, ...]) -> None:
    """Refuse a statement whose status and list of known issues contradict each other.

    The statement is a legal document: "delvis förenlig ... på grund av de brister som
    beskrivs nedan" followed by no brister is false, and so is "helt" with a list of them.
    """
    if status in ("delvis", "inte") and not known_issues:
        block.say("status", "statement.issues_missing", status=status)
    elif status == "helt" and known_issues:
        count = len(known_issues)
        english = block.problems.lang == "en"
        words = ("known issue", "known issues") if english else ("brist", "brister")
        block.say("known_issues", "statement.issues_but_full", issues=plural(count, *words))
