"""The fields the editor's form has for a file, from the content model.

A save from the form leaves out a field that was emptied, and a field the form does not have
(written by hand, or by a newer rusgen) is left out too. Only the first is to be removed from
the file; this tells them apart (roundtrip.Known).
"""

from __future__ import annotations

import os

from rusgen.contentmodel import CONTACTS, EVENT, NEWS, PAGE, REGION
from rusgen.contentmodel.spec import MAP_OF, MAPS, Field
from rusgen.editor.roundtrip import Known
from rusgen.yamlfile import YamlSyntaxError, read_yaml

FOLDER_KINDS = {"events": EVENT, "news": NEWS}


def known_fields(project: str, rel: str) -> Known | None:
    """Return the fields the form has for the file `rel` ("content/REGION/..."), or None."""
    _, region, *rest = rel.split("/")
    name = "/".join(rest)
    if name == "region.yaml":
        return _tree(REGION.fields)
    if name == "contacts.yaml":
        return {"*": _tree(CONTACTS.fields)}  # by the contact's id
    if not name.endswith(".md"):
        return None
    kind = FOLDER_KINDS.get(rest[0], PAGE) if len(rest) > 1 else PAGE
    tree = _tree(kind.fields)
    for grouping in _taxonomies(os.path.join(project, "content", region, "region.yaml")):
        tree[grouping] = {}  # the form chooses a page's terms of each of the region's groupings
    return tree


def _tree(fields: tuple[Field, ...]) -> Known:
    """Return the fields a form has, beneath each those it has of its value."""
    tree: Known = {}
    for field in fields:
        if field.type == MAP_OF:
            continue  # ids the writer chooses (taxonomies): no form has them
        below = _tree(field.fields)
        tree[field.name] = {"[]": below} if field.type == MAPS else below
    return tree


def _taxonomies(path: str) -> list[str]:
    """Return the ids of a region's taxonomies, as its region.yaml names them."""
    try:
        with open(path, encoding="utf-8") as handle:
            settings = read_yaml(handle.read()).data
    except (OSError, UnicodeDecodeError, YamlSyntaxError):
        return []
    groupings = settings.get("taxonomies") if isinstance(settings, dict) else None
    return [str(key) for key in groupings] if isinstance(groupings, dict) else []
