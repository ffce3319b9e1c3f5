"""Say what a build or check found, root causes first, in the project's language.

A file that cannot be read makes errors elsewhere: links to it, menu entries, contact
look-ups. Those follow-ons name the file they depend on (ContentError.about); they are
folded under the cause as one line instead of burying it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace

from rusgen.errors import ContentError
from rusgen.messages import say


@dataclass(frozen=True)
class Entry:
    """One problem to show, and the follow-on problems folded under it."""

    problem: ContentError
    followers: tuple[ContentError, ...] = ()


def count(lang: str, unit: str, n: int) -> str:
    """Return "1 fel", "3 sidor", "2 warnings": `n` with the word for `unit`."""
    return say(f"count.{unit}.{'one' if n == 1 else 'many'}", lang, n=n)


def level(problem: ContentError) -> str:
    """Return the level tools read in JSON: "error" or "warning"."""
    return "warning" if problem.warning else "error"


def level_word(problem: ContentError, lang: str) -> str:
    """Return the level as the reader's language says it: "fel" or "varning"."""
    return say(f"cli.level.{level(problem)}", lang)


def strict(problems: list[ContentError]) -> list[ContentError]:
    """Turn every warning into an error, as --strict asks."""
    return [replace(p, warning=False) for p in problems]


def sort_key(problem: ContentError) -> tuple:
    return (problem.path, problem.line, problem.warning, problem.field, problem.message)


def arrange(problems: Iterable[ContentError], unreadable: Iterable[str] = ()) -> list[Entry]:
    """Order problems root causes first, each with the follow-ons that depend on it.

    A cause is an error of a file that could not be read (`unreadable`). A problem about
    such a file, in another file, is a follow-on: it goes away with the cause.
    """
    problems = sorted(problems, key=sort_key)
    broken = {p.path for p in problems if not p.warning and p.path in set(unreadable)}
    followers: dict[str, list[ContentError]] = {}
    rest: list[ContentError] = []
    for problem in problems:
        if problem.about in broken and problem.path != problem.about:
            followers.setdefault(problem.about, []).append(problem)
        elif problem.path not in broken:
            rest.append(problem)
    causes: list[Entry] = []
    for problem in problems:
        if problem.path in broken:
            # The file's first problem carries the follow-ons; its others stand alone.
            causes.append(Entry(problem, tuple(followers.pop(problem.path, ()))))
    return [*causes, *(Entry(p) for p in rest)]


def is_link(problem: ContentError) -> bool:
    return problem.code.startswith("link.") or problem.field == "link"


def folded(followers: tuple[ContentError, ...], lang: str) -> str:
    """Return the one line that stands for the follow-ons: "3 sidor länkar hit"."""
    pages = len({p.path for p in followers if is_link(p)})
    others = [p for p in followers if not is_link(p)]
    if not others:
        return say("cli.folded.links", lang, pages=count(lang, "page", pages))
    counted = follower_count(others, lang)
    if not pages:
        return say("cli.folded.others", lang, followers=counted)
    return say("cli.folded.both", lang, pages=count(lang, "page", pages), followers=counted)


def follower_count(followers: list[ContentError], lang: str) -> str:
    """Return "3 följdfel", "2 följdvarningar" or both joined."""
    errors = sum(1 for p in followers if not p.warning)
    warnings = len(followers) - errors
    parts = [count(lang, "follower", errors)] if errors else []
    parts += [count(lang, "follower_warning", warnings)] if warnings else []
    return parts[0] if len(parts) == 1 else say("cli.and", lang, first=parts[0], second=parts[1])


def location(problem: ContentError) -> str:
    """Return `path:line`, or the path alone when the line is unknown."""
    return f"{problem.path}:{problem.line}" if problem.line else problem.path


def build_line(problem: ContentError, lang: str) -> str:
    """Return `fel: path:line: field: message`, as the build prints it."""
    return indented(f"{level_word(problem, lang)}: {problem}")


def check_line(problem: ContentError, lang: str) -> str:
    """Return `path:line: fel: field: message`, as check prints it (editors read this form)."""
    field = f"{problem.field}: " if problem.field else ""
    return indented(f"{location(problem)}: {level_word(problem, lang)}: {field}{problem.message}")


def indented(text: str) -> str:
    """Indent the lines after the first: an example block stands under its message."""
    return text.replace("\n", "\n    ")


def lines(entries: list[Entry], lang: str, check: bool = False) -> list[str]:
    """Return one line a problem, and an indented line for each cause's follow-ons."""
    shown: list[str] = []
    for entry in entries:
        shown.append(check_line(entry.problem, lang) if check else build_line(entry.problem, lang))
        if entry.followers:
            shown.append("  " + folded(entry.followers, lang))
    return shown


def error_count(entries: list[Entry], lang: str) -> str:
    """Return "2 fel", or "1 fel och 14 följdfel" when some are folded."""
    errors = sum(1 for e in entries if not e.problem.warning)
    followers = sum(1 for e in entries for p in e.followers if not p.warning)
    return errors_and_followers(lang, errors, followers)


def errors_and_followers(lang: str, errors: int, followers: int) -> str:
    """Return "2 fel", or "1 fel och 14 följdfel"."""
    counted = count(lang, "error", errors)
    if not followers:
        return counted
    return say("cli.and", lang, first=counted, second=count(lang, "follower", followers))


def summary(entries: list[Entry], lang: str) -> str:
    """Return "2 fel, 3 varningar" (follow-on warnings counted with the warnings)."""
    warnings = sum(1 for e in entries for p in (e.problem, *e.followers) if p.warning)
    return f"{error_count(entries, lang)}, {count(lang, 'warning', warnings)}"


def build_failed(entries: list[Entry], lang: str) -> list[str]:
    """Return what a failed build prints: the problems, then the summary line."""
    return [*lines(entries, lang), say("cli.build_failed", lang, errors=error_count(entries, lang))]


def as_text(problems: list[ContentError], lang: str, unreadable: Iterable[str] = ()) -> str:
    """Return check's problem lines, root causes first, and the summary line."""
    entries = arrange(problems, unreadable)
    return "\n".join([*lines(entries, lang, check=True), summary(entries, lang)])


def as_json(problems: list[ContentError], lang: str, unreadable: Iterable[str] = ()) -> str:
    """Return {"problems": [{path, line, field, level, message, code}], "summary": {...}}.

    Tools read these keys: every problem is listed, follow-ons too, in the order the text
    shows them.
    """
    entries = arrange(problems, unreadable)
    ordered = [p for e in entries for p in (e.problem, *e.followers)]
    items = [
        {"path": p.path, "line": p.line, "field": p.field, "level": level(p), "message": p.message,
         "code": p.code}
        for p in ordered
    ]
    errors = sum(1 for p in problems if not p.warning)
    data = {
        "problems": items,
        "summary": {"errors": errors, "warnings": len(problems) - errors,
                    "text": summary(entries, lang)},
    }
    return json.dumps(data, ensure_ascii=False, indent=2)
