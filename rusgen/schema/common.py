"""What the parts of the schema share: patterns, the model's nested kinds, a region's facts."""

from __future__ import annotations

import re

from rusgen.contentmodel import EVENT, PAGE, REGION, Kind

MIN_CONTRAST = 4.5
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
LANG_RE = re.compile(r"^[a-z]{2}$")
# A theme is a folder of themes/ named by one word: "../x" or "/etc" would lead elsewhere.
THEME_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*")
EVENTS, NEWS_SECTION = "events", "news"

ACCESSIBILITY = Kind("accessibility", "", "", "", REGION["accessibility"].fields)
IMAGE = Kind("image", "", "", "", PAGE["image"].fields)
DOCUMENT = Kind("document", "", "", "", PAGE["documents"].fields)
AGENDA = Kind("agenda", "", "", "", EVENT["agenda"].fields)
TAXONOMY_FIELDS_NAMES = REGION["taxonomies"].names
TAXONOMY_TITLE = REGION["taxonomies"].child("title")
TERM_FIELDS_NAMES = REGION["taxonomies"].child("terms").names
TERM_TITLE = REGION["taxonomies"].child("terms").child("title")


class RegionContext:
    """What validating one page needs to know about its region."""

    def __init__(self, id, display, languages, tz, files, contacts, taxonomies) -> None:  # noqa: A002
        self.id = id
        self.display = display
        self.languages = languages
        self.tz = tz
        self.files = files
        self.contacts = contacts
        self.taxonomies = taxonomies
        # Everything a page's validation reads of its region, as a cache key.
        self.key = _Key((id, display, languages, tz.key, tuple(sorted(files.items())),
                         tuple(sorted(contacts)), taxonomies))


class _Key:
    """A tuple that computes its hash once: a region's key is looked up for every page."""

    __slots__ = ("value", "_hash")

    def __init__(self, value: tuple) -> None:
        self.value = value
        self._hash = hash(value)

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Key) and self._hash == other._hash and self.value == other.value
