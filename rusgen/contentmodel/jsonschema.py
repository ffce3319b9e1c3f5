"""A JSON Schema of each kind of file, made from the content model.

Editors use it to complete and check region.yaml, contacts.yaml and front matter while a
user types (VS Code's YAML extension: docs/content.md says how). rusgen's own validation
says more than a schema can (files that exist, contacts that are known, contrast), so the
schema only describes shapes: types, required fields and allowed values.
"""

from __future__ import annotations

from typing import Any

from rusgen.contentmodel import kinds
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
    PHONE,
    SLUG,
    TIME,
    TRANSLATED,
    URL,
    Field,
    Kind,
)

DRAFT = "https://json-schema.org/draft/2020-12/schema"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
MOMENT_PATTERN = r"^\d{4}-\d{2}-\d{2}([ T]\d{1,2}[:.]\d{2}(:\d{2})?)?$"
SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
EMAIL_PATTERN = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"
# YAML reads an unquoted 2021 or 9.30 as a number; rusgen keeps it as written.
TEXT_TYPES = ["string", "number"]
NAME_LIST = {"anyOf": [{"type": "array", "items": {"type": TEXT_TYPES}}, {"type": TEXT_TYPES}]}

SHAPES: dict[str, dict[str, Any]] = {
    BOOL: {"type": "boolean"},
    INT: {"type": "integer"},
    DATE: {"type": "string", "pattern": DATE_PATTERN},
    MOMENT: {"type": "string", "pattern": MOMENT_PATTERN},
    TIME: {"type": TEXT_TYPES, "pattern": r"^\d{1,2}[:.]\d{2}$"},
    NAMES: NAME_LIST,
    URL: {"type": "string", "pattern": r"^https?://[^/\s]+"},
    EMAIL: {"type": "string", "pattern": EMAIL_PATTERN},
    PHONE: {"type": "string", "pattern": r"\d"},
    COLOR: {"type": "string", "pattern": r"^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"},
    SLUG: {"type": "string", "pattern": SLUG_PATTERN},
    FILE: {"type": "string", "minLength": 1},
    TRANSLATED: {"anyOf": [
        {"type": TEXT_TYPES},
        {"type": "object", "propertyNames": {"pattern": "^[a-z]{2}$"},
         "additionalProperties": {"type": TEXT_TYPES}},
    ]},
}


def json_schema(kind_id: str, lang: str = "sv") -> dict[str, Any]:
    """Return the JSON Schema of one kind of file, its descriptions in `lang`."""
    kind = kinds()[kind_id]
    schema: dict[str, Any] = {
        "$schema": DRAFT,
        "title": kind.title_en if lang == "en" else kind.title_sv,
    }
    if kind.id == "contacts":
        # contacts.yaml maps an id (robin-kalmendal) to one person's fields.
        schema.update(
            type="object",
            propertyNames={"pattern": SLUG_PATTERN},
            additionalProperties=_object(kind.fields, lang, closed=True),
        )
        return schema
    schema.update(_object(kind.fields, lang, closed=not _has_taxonomies(kind)))
    if _has_taxonomies(kind):
        # A page may name terms of its region's taxonomies: `kraftsamlingar: [energi]`.
        schema["additionalProperties"] = NAME_LIST
    return schema


def _has_taxonomies(kind: Kind) -> bool:
    return kind.id in ("page", "event", "news")


def _object(fields: tuple[Field, ...], lang: str, closed: bool) -> dict[str, Any]:
    result: dict[str, Any] = {
        "type": "object",
        "properties": {f.name: _field(f, lang) for f in fields},
        "additionalProperties": not closed,
    }
    required = [f.name for f in fields if f.required]
    if required:
        result["required"] = required
    return result


def _field(field: Field, lang: str) -> dict[str, Any]:
    if field.type == CHOICE:
        shape: dict[str, Any] = {"type": "string", "enum": [c.value for c in field.choices]}
    elif field.type == MAP:
        shape = _object(field.fields, lang, closed=True)
    elif field.type == MAPS:
        item = _object(field.fields, lang, closed=True)
        if field.shorthand:
            item = {"anyOf": [item, {"type": TEXT_TYPES}]}
        shape = {"type": "array", "items": item}
    elif field.type == MAP_OF:
        shape = {
            "type": "object",
            "propertyNames": {"pattern": SLUG_PATTERN},
            "additionalProperties": _object(field.fields, lang, closed=True),
        }
    else:
        shape = dict(SHAPES.get(field.type, {"type": TEXT_TYPES}))
    shape["description"] = _description(field, lang)
    if field.example and field.type not in (MAP, MAPS, MAP_OF, NAMES):
        shape["examples"] = [_typed(field)]
    return shape


def _typed(field: Field) -> object:
    """Return the field's example as the value YAML reads from it."""
    if field.type == BOOL:
        return field.example == "true"
    if field.type == INT:
        return int(field.example)
    return field.example.strip('"')


def _description(field: Field, lang: str) -> str:
    text = field.help_en if lang == "en" else field.help_sv
    if field.choices:
        labels = [f"{c.value}: {c.label_en if lang == 'en' else c.label_sv}" for c in field.choices]
        text += " (" + "; ".join(labels) + ")"
    return text
