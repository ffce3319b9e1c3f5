"""Print the problems `rusgen check` found: one line each, or JSON for tools."""

from __future__ import annotations

import json
from dataclasses import replace

from rusgen.errors import ContentError


def level(problem: ContentError) -> str:
    return "warning" if problem.warning else "error"


def strict(problems: list[ContentError]) -> list[ContentError]:
    """Turn every warning into an error, as --strict asks."""
    return [replace(p, warning=False) for p in problems]


def sort_key(problem: ContentError) -> tuple:
    return (problem.path, problem.line, problem.warning, problem.field, problem.message)


def summary(problems: list[ContentError]) -> str:
    """Return "2 errors, 3 warnings"."""
    errors = sum(1 for p in problems if not p.warning)
    warnings = len(problems) - errors
    return f"{errors} error{'s' if errors != 1 else ''}, {warnings} warning{'s' if warnings != 1 else ''}"


def text_line(problem: ContentError) -> str:
    """Return `path:line: level: field: message`; the line is left out when unknown."""
    where = f"{problem.path}:{problem.line}" if problem.line else problem.path
    field = f"{problem.field}: " if problem.field else ""
    return f"{where}: {level(problem)}: {field}{problem.message}"


def as_text(problems: list[ContentError]) -> str:
    """Return the sorted problem lines and the summary line."""
    lines = [text_line(p) for p in sorted(problems, key=sort_key)]
    return "\n".join([*lines, summary(problems)])


def as_json(problems: list[ContentError]) -> str:
    """Return {"problems": [{path, line, field, level, message}], "summary": {...}} as JSON."""
    items = [
        {"path": p.path, "line": p.line, "field": p.field, "level": level(p), "message": p.message}
        for p in sorted(problems, key=sort_key)
    ]
    errors = sum(1 for p in problems if not p.warning)
    data = {
        "problems": items,
        "summary": {"errors": errors, "warnings": len(problems) - errors, "text": summary(problems)},
    }
    return json.dumps(data, ensure_ascii=False, indent=2)
