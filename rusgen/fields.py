"""Read one YAML mapping field by field, recording what is wrong and what to write instead."""

from __future__ import annotations

import difflib
import re
from datetime import date, datetime, time
from typing import Any

from rusgen.errors import Problems
from rusgen.yamlfile import YamlList, YamlMap

DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
DATETIME_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2})[:.](\d{2})(?::(\d{2}))?$")
TIME_RE = re.compile(r"^(\d{1,2})[:.](\d{2})$")


def parse_date(value: str) -> date | None:
    """Parse 2021-05-27, or return None."""
    match = DATE_RE.match(value.strip())
    if not match:
        return None
    try:
        return date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def parse_datetime(value: str) -> datetime | None:
    """Parse 2021-05-27 13:30 (seconds optional), or return None."""
    match = DATETIME_RE.match(value.strip())
    if not match:
        return None
    try:
        return datetime(*(int(g) for g in match.groups() if g is not None))
    except ValueError:
        return None


def parse_time(value: str) -> time | None:
    """Parse 09:30 or 9.30, or return None."""
    match = TIME_RE.match(value.strip())
    if not match:
        return None
    try:
        return time(int(match.group(1)), int(match.group(2)))
    except ValueError:
        return None


def describe(value: Any) -> str:
    """Say what the user wrote, in the words of the message."""
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of fields"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    return f'"{value}"'


class Fields:
    """One mapping of one file: typed getters that record errors with file and line."""

    def __init__(
        self, data: YamlMap, path: str, problems: Problems, prefix: str = ""
    ) -> None:
        self.data = data
        self.path = path
        self.problems = problems
        self.prefix = prefix

    def line(self, key: str) -> int:
        return self.data.line_of(key)

    def name(self, key: str) -> str:
        return f"{self.prefix}{key}"

    def error(self, key: str, message: str) -> None:
        """Record an error on one field."""
        self.problems.error(self.path, self.line(key), self.name(key), message)

    def has(self, key: str) -> bool:
        return key in self.data and self.data[key] is not None

    def warn_unknown(self, known: tuple[str, ...] | list[str]) -> None:
        """Warn about keys nobody reads, naming the closest known one."""
        for key in self.data:
            if key in known:
                continue
            close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
            hint = f'; did you mean "{close[0]}"?' if close else f"; known fields: {', '.join(known)}"
            self.problems.warn(self.path, self.line(key), self.name(key), f"unknown field{hint}")

    def _missing(self, key: str, example: str) -> None:
        self.problems.error(
            self.path, self.data.line or 1, self.name(key),
            f"required; add a line like `{key}: {example}`",
        )

    def text(self, key: str, required: bool = False, example: str = "...") -> str:
        """Return a piece of text; numbers are accepted as written."""
        if not self.has(key):
            if required:
                self._missing(key, example)
            return ""
        value = self.data[key]
        if isinstance(value, bool) or isinstance(value, list | dict):
            self.error(key, f"expected text like `{key}: {example}`, got {describe(value)}")
            return ""
        text = str(value).strip()
        if required and not text:
            self.error(key, f"must not be empty; write something like `{key}: {example}`")
        return text

    def boolean(self, key: str, default: bool = False) -> bool:
        if not self.has(key):
            return default
        value = self.data[key]
        if not isinstance(value, bool):
            self.error(key, f"expected true or false, got {describe(value)}")
            return default
        return value

    def integer(self, key: str, default: int = 0) -> int:
        if not self.has(key):
            return default
        value = self.data[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.error(key, f"expected a whole number like `{key}: 10`, got {describe(value)}")
            return default
        return value

    def date(self, key: str, required: bool = False) -> date | None:
        if not self.has(key):
            if required:
                self._missing(key, "2021-05-27")
            return None
        value = str(self.data[key])
        parsed = parse_date(value)
        if parsed is None:
            self.error(key, f"expected a date like 2021-05-27, got {describe(self.data[key])}")
        return parsed

    def date_or_datetime(self, key: str, required: bool = False) -> tuple[datetime, bool] | None:
        """Return (moment, has_time) for a date with or without a time of day."""
        if not self.has(key):
            if required:
                self._missing(key, "2020-10-15 09:30")
            return None
        value = self.data[key]
        text = str(value)
        moment = parse_datetime(text)
        if moment is not None:
            return moment, True
        day = parse_date(text)
        if day is not None:
            return datetime.combine(day, time()), False
        self.error(
            key,
            f"expected a date and time like 2020-10-15 09:30 (or a date like 2020-10-15), "
            f"got {describe(value)}",
        )
        return None

    def choice(self, key: str, choices: tuple[str, ...], default: str) -> str:
        if not self.has(key):
            return default
        value = self.data[key]
        if not isinstance(value, str) or value not in choices:
            self.error(key, f"expected one of {' | '.join(choices)}, got {describe(value)}")
            return default
        return value

    def mapping(self, key: str) -> Fields | None:
        """Return a nested mapping's fields, or None when absent or not a mapping."""
        if not self.has(key):
            return None
        value = self.data[key]
        if not isinstance(value, YamlMap):
            self.error(key, f"expected fields beneath it, got {describe(value)}")
            return None
        return Fields(value, self.path, self.problems, prefix=f"{self.name(key)}.")

    def list_of(self, key: str) -> list[tuple[Any, int]]:
        """Return (item, line) pairs of a list; a single value counts as a list of one."""
        if not self.has(key):
            return []
        value = self.data[key]
        if isinstance(value, YamlList):
            return list(zip(value, value.item_lines, strict=True))
        if isinstance(value, list):
            return [(item, self.line(key)) for item in value]
        if isinstance(value, dict):
            self.error(key, f"expected a list like `{key}: [a, b]`, got {describe(value)}")
            return []
        return [(value, self.line(key))]

    def texts(self, key: str) -> tuple[tuple[str, int], ...]:
        """Return (text, line) pairs of a list of plain values."""
        result = []
        for item, line in self.list_of(key):
            if isinstance(item, dict | list) or isinstance(item, bool):
                self.problems.error(
                    self.path, line, self.name(key),
                    f"expected a list of names like `{key}: [a, b]`, got {describe(item)}",
                )
                continue
            result.append((str(item).strip(), line))
        return tuple(result)
