"""One Decap CMS widget per field of the content model.

What Decap writes must be what rusgen reads: dates as `2026-12-01` and moments as
`2026-12-01 08:00` (the picker reads and writes the clock time as written, with no zone,
which rusgen takes as the region's), numbers as numbers, choices as their values (`full`,
not "Fullsatt"), lists as lists, and nothing for a field left empty (rusgen-admin.js).
"""

from __future__ import annotations

from typing import Any

from rusgen.contentmodel.jsonschema import EMAIL_PATTERN, SLUG_PATTERN
from rusgen.contentmodel.labels import label
from rusgen.contentmodel.spec import (
    BOOL,
    CHOICE,
    COLOR,
    DATE,
    EMAIL,
    FILE,
    INT,
    MAP,
    MAP_OF,
    MAPS,
    MOMENT,
    NAMES,
    SLUG,
    TIME,
    TRANSLATED,
    URL,
    Field,
)
from rusgen.editor.regions import RegionFacts, Term
from rusgen.messages import say

Widget = dict[str, Any]

# Fields whose value is a contact's id from contacts.yaml: a list to pick from, by name.
CONTACT_FIELDS = frozenset({"contacts", "press_contacts", "owner"})
# Files shown as pictures, with a thumbnail to pick from.
IMAGE_FIELDS = frozenset({"src", "logo"})
# Texts of a sentence or more: a box of several lines.
LONG_TEXTS = frozenset({"summary", "justification", "status_note", "note", "reason"})

PATTERNS = {
    URL: ("url", r"^https?://\S+$"),
    EMAIL: ("email", EMAIL_PATTERN),  # as the JSON Schema says them
    SLUG: ("slug", SLUG_PATTERN),
    TIME: ("time", r"^([01]?[0-9]|2[0-3])[:.][0-5][0-9]$"),
}
DATE_FORMAT = "YYYY-MM-DD"  # Moment.js tokens: 2026-12-01
TIME_FORMAT = "HH:mm"  # 08:00


class Widgets:
    """Make the widgets of one region's forms, in the project's language."""

    def __init__(self, region: RegionFacts, lang: str) -> None:
        self.region = region
        self.lang = lang

    def fields(self, fields: tuple[Field, ...], required: bool = True) -> list[Widget]:
        """Return the widgets of these fields; `required` False when the block around them is
        optional (Decap would refuse an empty optional block for its required fields)."""
        return [w for f in fields if (w := self.field(f, required)) is not None]

    def field(self, field: Field, required: bool = True) -> Widget | None:
        """Return the field's widget, or None for a field a form cannot hold."""
        if field.type == MAP_OF:
            return None  # ids chosen by the writer (taxonomies): Decap has no widget for them
        widget: Widget = {
            "name": field.name,
            "label": label(field, self.lang),
            "required": field.required and required,
            "hint": self._hint(field),
        }
        widget.update(self._kind(field, widget["required"]))
        return widget

    def _hint(self, field: Field) -> str:
        help_text = field.help_sv if self.lang == "sv" else field.help_en
        if field.type == MOMENT:
            return say("editor.moment_hint", self.lang, help=help_text, timezone=self.region.timezone)
        return help_text

    def _kind(self, field: Field, required: bool) -> Widget:
        if field.name in CONTACT_FIELDS and self.region.contacts:
            return self.choose(self.region.contacts, multiple=field.type == NAMES)
        if field.type == BOOL:
            return {"widget": "boolean"}
        if field.type == INT:
            return {"widget": "number", "value_type": "int"}
        if field.type in (DATE, MOMENT):
            return _datetime(with_time=field.type == MOMENT)
        if field.type == CHOICE:
            return {"widget": "select", "options": [
                {"label": _capital(c.label_sv if self.lang == "sv" else c.label_en), "value": c.value}
                for c in field.choices
            ]}
        if field.type == NAMES:
            # Open: each value shown in its own box (folded, Decap shows only the label).
            return {"widget": "list", "default": [], "collapsed": False, "field": {
                "name": "item", "label": label(field, self.lang), "widget": "string"}}
        if field.type == MAP:
            return {"widget": "object", "collapsed": not required,
                    "fields": self.fields(field.fields, required)}
        if field.type == MAPS:
            # No item until one is added: Decap starts a list with an empty one otherwise.
            return {"widget": "list", "default": [], "collapsed": False,
                    "fields": self.fields(field.fields)}
        if field.type == FILE:
            return {"widget": "image" if field.name in IMAGE_FIELDS else "file", "choose_url": False}
        if field.type == COLOR:
            return {"widget": "color"}
        if field.type == TRANSLATED and len(self.region.languages) > 1:
            return {"widget": "object", "fields": [
                {"name": lang, "label": lang, "widget": "string", "required": required and i == 0}
                for i, lang in enumerate(self.region.languages)
            ]}
        widget: Widget = {"widget": "text" if field.name in LONG_TEXTS else "string"}
        if field.type in PATTERNS:
            code, pattern = PATTERNS[field.type]
            example = field.example.strip('"')
            widget["pattern"] = [pattern, say(f"editor.pattern.{code}", self.lang, example=example)]
        return widget

    def choose(self, among: tuple[Term, ...], multiple: bool) -> Widget:
        """A list to pick ids from, shown by their names: contacts, or a taxonomy's terms.

        Decap's relation widget needs a list of entries; contacts.yaml and a taxonomy's terms
        are mappings by id, so the choices are read from them each time the form is made.
        `among` must not be empty: Decap refuses a select without options."""
        return {"widget": "select", "multiple": multiple, "options": [
            {"label": say("editor.contact", self.lang, name=term.title, id=term.id), "value": term.id}
            for term in among
        ]}


def _datetime(with_time: bool) -> Widget:
    return {
        "widget": "datetime",
        "format": f"{DATE_FORMAT} {TIME_FORMAT}" if with_time else DATE_FORMAT,
        "date_format": DATE_FORMAT,
        "time_format": TIME_FORMAT if with_time else False,
        # The browser's own zone both ways, so the clock time shown is the one stored; UTC
        # would put "UTC" beside the field, which is not the region's time.
        "picker_utc": False,
        "default": "",  # an empty field stays empty (Decap would fill in the present moment)
    }


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
