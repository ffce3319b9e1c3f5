"""The field reference in the docs, made from the content model.

docs/content.md (English) and docs/guide.md (Swedish) hold a table of every kind's fields
between the lines `<!-- fields: KIND LANG -->` and `<!-- /fields -->`. `python -m
rusgen.contentmodel.reference FILE...` (make docs) writes them anew; a test fails when a
table differs from the model, so the docs never fall behind a new field.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from rusgen.contentmodel import kinds
from rusgen.contentmodel.spec import CHOICE, MAP, MAP_OF, MAPS, Field

TYPE_WORDS = {
    "sv": {
        "text": "text", "bool": "true eller false", "int": "heltal", "date": "datum",
        "moment": "datum och klockslag", "time": "klockslag", "choice": "ett av värdena",
        "names": "lista", "map": "fält under", "maps": "lista med fält", "map_of": "id med fält",
        "url": "webbadress", "email": "e-post", "phone": "telefon", "color": "färg",
        "slug": "namn i adressen", "file": "fil i files/", "translated": "text, eller en per språk",
    },
    "en": {
        "text": "text", "bool": "true or false", "int": "whole number", "date": "date",
        "moment": "date and time", "time": "time of day", "choice": "one of the values",
        "names": "list", "map": "fields beneath", "maps": "list of fields", "map_of": "ids with fields",
        "url": "web address", "email": "e-mail", "phone": "phone", "color": "colour",
        "slug": "address name", "file": "file in files/", "translated": "text, or one per language",
    },
}
HEADINGS = {
    "sv": "| fält | typ | krävs | betydelse | exempel |",
    "en": "| field | type | required | meaning | example |",
}
YES = {"sv": "ja", "en": "yes"}
DEFAULT = {"sv": "Utan fältet: {default}.", "en": "Without it: {default}."}
SECTION = re.compile(r"(<!-- fields: (\w+) (sv|en) -->\n).*?(<!-- /fields -->)", re.DOTALL)


def field_table(kind_id: str, lang: str) -> str:
    """Return the Markdown table of one kind's fields, nested fields with dotted names."""
    rows = [HEADINGS[lang], "| --- | --- | --- | --- | --- |"]
    fields = kinds()[kind_id].fields
    if kind_id in ("event", "news"):  # the docs list every page field once, in the page's table
        fields = tuple(f for f in fields if f.name not in kinds()["page"].names)
    rows += [_row(name, field, lang) for name, field in _flatten(fields, "")]
    return "\n".join(rows) + "\n"


def _flatten(fields: tuple[Field, ...], prefix: str) -> list[tuple[str, Field]]:
    result = []
    for field in fields:
        name = prefix + field.name
        result.append((name, field))
        if field.type == MAP or field.type == MAPS:
            result += _flatten(field.fields, name + ".")
        elif field.type == MAP_OF:
            result += _flatten(field.fields, name + ".<id>.")
    return result


def _row(name: str, field: Field, lang: str) -> str:
    meaning = field.help_en if lang == "en" else field.help_sv
    if field.type == CHOICE:
        meaning += " " + ", ".join(_choice(c.value, c.label_en if lang == "en" else c.label_sv)
                                   for c in field.choices) + "."
    if field.default:
        meaning += " " + DEFAULT[lang].format(default=f"`{field.default}`")
    example = f"`{field.name}: {field.example}`" if field.example else ""
    required = YES[lang] if field.required else ""
    cells = [f"`{name}`", TYPE_WORDS[lang][field.type], required, meaning, example]
    return "| " + " | ".join(cell.replace("|", "\\|") for cell in cells) + " |"


def _choice(value: str, label: str) -> str:
    return f"`{value}`" if label == value else f"`{value}` ({label})"


def updated(text: str) -> str:
    """Return a document with every marked table written anew from the model."""
    return SECTION.sub(lambda m: m.group(1) + field_table(m.group(2), m.group(3)) + m.group(4), text)


def main(paths: list[str]) -> None:
    for name in paths:
        path = Path(name)
        text = path.read_text(encoding="utf-8")
        path.write_text(updated(text), encoding="utf-8")


if __name__ == "__main__":
    main(sys.argv[1:])
