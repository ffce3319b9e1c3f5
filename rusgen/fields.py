"""Read one YAML mapping field by field, recording what is wrong and what to write instead.

`Fields.read(field)` reads a field as the content model describes it (rusgen/contentmodel);
the typed getters below it do the work and are also used where the model has no entry.
"""

from __future__ import annotations

import difflib
import re
from datetime import date, datetime, time
from typing import Any, NamedTuple, TypeVar

from rusgen.contentmodel.spec import Field
from rusgen.errors import Problems
from rusgen.yamlfile import YamlList, YamlMap

DATE_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
class Moment(NamedTuple):
    """A date-or-time field as read: a date alone is its midnight, without a time of day."""

    at: datetime  # naive: the region's zone is added by the schema
    has_time: bool


# A date or a datetime, in the type checker's terms (in class Fields, `date` is a method).
DayOrMoment = TypeVar("DayOrMoment", bound=date)
DATETIME_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2})[:.](\d{2})(?::(\d{2}))?$")
TIME_RE = re.compile(r"^(\d{1,2})[:.](\d{2})$")
URL_SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
SAFE_SCHEMES = ("http", "https", "mailto", "tel")
# "www.region.se/anmalan" or "region.se": a host written without https://.
LOOKS_LIKE_HOST_RE = re.compile(r"^(www\.|[\w-]+(\.[\w-]+)*\.(se|nu|com|org|net|eu|fi|no|dk)(/|$))", re.I)
EMAIL_RE = re.compile(r"^[^@\s<>\"'#]+@[^@\s<>\"'#]+\.[^@\s<>\"'#]+$")
# Calendars, feeds and the sitemap count in years 1 to 9999, and a time zone can move a
# moment past either end: a date outside these years is refused where it is written.
YEARS = (1900, 2999)


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
    """Parse 2021-05-27 13:30 or 2021-05-27 9.30 (seconds optional), or return None."""
    match = DATETIME_RE.match(value.strip())
    if not match:
        return None
    try:
        year, month, day, hour, minute = (int(g) for g in match.groups()[:5])
        return datetime(year, month, day, hour, minute, int(match[6] or 0))
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


def describe(value: Any, problems: Problems) -> str:
    """Say what the user wrote, in the words of the message."""
    if isinstance(value, list):
        return problems.text("got.list")
    if isinstance(value, dict):
        return problems.text("got.map")
    if value is None:
        return problems.text("got.nothing")
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

    def say(self, key: str, code: str, /, about: str = "", **args: object) -> None:
        """Record an error on one field by its message code."""
        self.problems.say(self.path, self.line(key), self.name(key), code, about=about, **args)

    def got(self, key: str) -> str:
        return describe(self.data.get(key), self.problems)

    def has(self, key: str) -> bool:
        return key in self.data and self.data[key] is not None

    def warn_unknown(self, known: tuple[str, ...] | list[str]) -> None:
        """Warn about keys nobody reads, naming the closest known one."""
        for key in self.data:
            if key in known:
                continue
            close = difflib.get_close_matches(str(key).lower(), known, n=1, cutoff=0.6)
            if close:
                self.problems.say_warning(
                    self.path, self.line(key), self.name(key), "field.unknown_close", close=close[0]
                )
            else:
                self.problems.say_warning(
                    self.path, self.line(key), self.name(key), "field.unknown", known=", ".join(known)
                )

    def _missing(self, key: str, example: str) -> None:
        # A line written without a value ("assessed:", as rusgen new leaves it) is named by
        # its own line: the user need not look for it.
        code = "field.empty" if key in self.data else "field.required"
        self.problems.say(
            self.path, self.line(key) or 1, self.name(key), code, field=key, example=example
        )

    def read(self, field: Field) -> Any:
        """Read a field as the content model describes it (required, example, choices)."""
        name, example = field.name, field.example
        if field.type == "bool":
            return self.boolean(name, default=field.default == "true")
        if field.type == "int":
            return self.integer(name, default=int(field.default or 0))
        if field.type == "date":
            return self.date(name, required=field.required)
        if field.type == "moment":
            return self.date_or_datetime(name, required=field.required)
        if field.type == "choice":
            return self.choice(field)
        if field.type == "url":
            return self.url(field)
        if field.type == "email":
            return self.email(field)
        return self.text(name, required=field.required, example=example)

    def values(self, field: Field) -> dict[str, Any]:
        """Read every field beneath a MAP field, by name, as the model describes them."""
        return {child.name: self.read(child) for child in field.fields}

    def url(self, field: Field) -> str:
        """Return a web address; one that could run script or has no https:// is refused.

        Only http, https, mailto and tel reach a page, and relative links within the site:
        `javascript:` in a link would run in every reader's browser.
        """
        value = self.text(field.name, required=field.required, example=field.example)
        scheme = URL_SCHEME_RE.match(value)
        if scheme and scheme.group(1).lower() not in SAFE_SCHEMES:
            self.say(field.name, "field.url_scheme", field=field.name, example=field.example,
                     got=f'"{value}"', scheme=scheme.group(1))
            return ""
        if not scheme and LOOKS_LIKE_HOST_RE.match(value):
            self.say(field.name, "field.url_no_scheme", field=field.name, got=f'"{value}"',
                     fixed=f"https://{value}")
            return ""
        return value

    def email(self, field: Field) -> str:
        """Return an e-mail address, or refuse one that is not."""
        value = self.text(field.name, required=field.required, example=field.example)
        if value and not EMAIL_RE.match(value):
            self.say(field.name, "field.email", field=field.name, example=field.example, got=f'"{value}"')
            return ""
        return value

    def text(self, key: str, required: bool = False, example: str = "...") -> str:
        """Return a piece of text; numbers are accepted as written."""
        if not self.has(key):
            if required:
                self._missing(key, example)
            return ""
        value = self.data[key]
        if isinstance(value, bool) or isinstance(value, list | dict):
            self.say(key, "field.text", field=key, example=example, got=self.got(key))
            return ""
        text = str(value).strip()
        if required and not text:
            self.say(key, "field.empty", field=key, example=example)
        return text

    def boolean(self, key: str, default: bool = False) -> bool:
        if not self.has(key):
            return default
        value = self.data[key]
        if not isinstance(value, bool):
            self.say(key, "field.bool", field=key, got=self.got(key))
            return default
        return value

    def integer(self, key: str, default: int = 0) -> int:
        if not self.has(key):
            return default
        value = self.data[key]
        if isinstance(value, bool) or not isinstance(value, int):
            self.say(key, "field.int", field=key, got=self.got(key))
            return default
        return value

    def date(self, key: str, required: bool = False) -> date | None:
        if not self.has(key):
            if required:
                self._missing(key, "2021-05-27")
            return None
        parsed = parse_date(str(self.data[key]))
        if parsed is None:
            self.say(key, "field.date", field=key, got=self.got(key))
        return self._in_years(key, parsed)

    def date_or_datetime(self, key: str, required: bool = False) -> Moment | None:
        """Return the moment of a date with or without a time of day (then its midnight)."""
        if not self.has(key):
            if required:
                self._missing(key, "2020-10-15 09:30")
            return None
        text = str(self.data[key])
        moment = parse_datetime(text)
        if moment is not None:
            return Moment(moment, True) if self._in_years(key, moment) else None
        day = parse_date(text)
        if day is not None:
            return Moment(datetime.combine(day, time()), False) if self._in_years(key, day) else None
        self.say(key, "field.datetime", field=key, got=self.got(key))
        return None

    def _in_years(self, key: str, day: DayOrMoment | None) -> DayOrMoment | None:
        """Return the date if every output can count with its year; else say so."""
        if day is None or YEARS[0] <= day.year <= YEARS[1]:
            return day
        self.say(key, "field.year", field=key, year=f"{day.year:04d}", first=YEARS[0], last=YEARS[1])
        return None

    def choice(self, field: Field) -> str:
        """Return one of the field's values; a word that means one gets advice to write it."""
        key, default = field.name, field.default
        if not self.has(key):
            return default
        value = self.data[key]
        if isinstance(value, str) and value in {c.value for c in field.choices}:
            return value
        meant = field.choice(value) if isinstance(value, str) else None
        if meant is not None:
            label = meant.label_en if self.problems.lang == "en" else meant.label_sv
            self.say(key, "field.choice_word", field=key, got=self.got(key), value=meant.value, label=label)
            return default
        self.say(key, "field.choice", got=self.got(key), choices=self.choices_text(field))
        return default

    def choices_text(self, field: Field) -> str:
        """Return "full (fullsatt), cancelled (inställt) eller ..." in the build's language."""
        english = self.problems.lang == "en"
        names = [
            c.value if english or c.label_sv == c.value else f"{c.value} ({c.label_sv})"
            for c in field.choices
        ]
        if len(names) == 1:
            return names[0]
        return f"{', '.join(names[:-1])} {self.problems.text('choice.or')} {names[-1]}"

    def mapping(self, key: str, example: str = "") -> Fields | None:
        """Return a nested mapping's fields, or None when absent or not a mapping."""
        if not self.has(key):
            return None
        value = self.data[key]
        if not isinstance(value, YamlMap):
            self.say(key, "field.map", example=example or f"`{key}: {{...}}`", got=self.got(key))
            return None
        return Fields(value, self.path, self.problems, prefix=f"{self.name(key)}.")

    def translated(self, field: Field, languages: tuple[str, ...]) -> tuple[str, tuple[tuple[str, str], ...]]:
        """Return a TRANSLATED field: its text in the region's first language, and the text
        of each language when written per language (`{sv: Kraftsamlingar, en: Focus areas}`)."""
        per_language = f"{{{', '.join(f'{lang}: ...' for lang in languages)}}}"
        if not isinstance(self.data.get(field.name), YamlMap):
            return self.text(field.name, required=field.required, example=field.example), ()
        block = Fields(self.data[field.name], self.path, self.problems, prefix=f"{self.name(field.name)}.")
        written = []
        for lang in block.data:
            if str(lang) not in languages:
                block.say(lang, "field.translation_lang", lang=lang, languages=", ".join(languages),
                          field=field.name, example=per_language)
                continue
            text = block.text(lang, required=True, example=field.example)
            if text:
                written.append((str(lang), text))
        texts = dict(written)
        if written and languages[0] not in texts:
            self.say(field.name, "field.translation_default", lang=languages[0], field=field.name,
                     example=per_language)
        return texts.get(languages[0], ""), tuple(written)

    def section(self, field: Field) -> Fields | None:
        """Return the fields beneath a MAP field, warning about unknown ones."""
        block = self.mapping(field.name, example=f"`{field.name}: {field.example}`")
        if block is not None:
            block.warn_unknown(field.names)
        return block

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
            self.say(key, "field.list", field=key, got=self.got(key))
            return []
        return [(value, self.line(key))]

    def maps(self, field: Field) -> list[Fields]:
        """Return the fields of each item of a MAPS list; other items get an error."""
        result = []
        for item, line in self.list_of(field.name):
            if not isinstance(item, YamlMap):
                self.problems.say(
                    self.path, line, self.name(field.name), "field.list_of_maps",
                    example=f"`{field.name}: {field.example}`",
                )
                continue
            entry = Fields(item, self.path, self.problems, prefix=f"{self.name(field.name)}.")
            entry.warn_unknown(field.names)
            result.append(entry)
        return result

    def texts(self, key: str) -> tuple[tuple[str, int], ...]:
        """Return (text, line) pairs of a list of plain values."""
        result = []
        for item, line in self.list_of(key):
            if isinstance(item, dict | list) or isinstance(item, bool) or item is None:
                self.problems.say(
                    self.path, line, self.name(key), "field.list_item",
                    field=key, got=describe(item, self.problems),
                )
                continue
            result.append((str(item).strip(), line))
        return tuple(result)
