"""What the editor's forms need to know of each region, read leniently from its files.

The editor must open when the content has errors (it is where a communicator mends them),
so this reads region.yaml and contacts.yaml on their own and takes what it can: a file it
cannot read gives the defaults, never an exception. The build says what is wrong.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rusgen.contentmodel import REGION
from rusgen.raw import CONTENT_DIR
from rusgen.yamlfile import parse_yaml

# Folders of a region that hold no ordinary pages: events and news have their own
# collections, files/ holds documents and images.
OWN_COLLECTIONS = ("events", "news", "files")
DEFAULT_TIMEZONE = REGION["timezone"].default


@dataclass(frozen=True)
class Term:
    id: str
    title: str


@dataclass(frozen=True)
class Grouping:
    """A taxonomy of the region: its id, its name and its terms."""

    id: str
    title: str
    terms: tuple[Term, ...]


@dataclass(frozen=True)
class RegionFacts:
    id: str  # the folder's name
    name: str
    languages: tuple[str, ...]
    timezone: str
    contacts: tuple[Term, ...]  # id and the person's name
    taxonomies: tuple[Grouping, ...]
    folders: tuple[str, ...]  # folders of pages below the region's own, "kraftsamlingar"

    @property
    def path(self) -> str:
        """The region's folder as Decap names it: relative to the project's root."""
        return f"{CONTENT_DIR}/{self.id}"


def read_regions(root: Path) -> list[RegionFacts]:
    """Return every region of the project, in the order of their folders' names."""
    content = root / CONTENT_DIR
    if not content.is_dir():
        return []
    return [_read_region(folder) for folder in _folders(content)]


def _folders(parent: Path) -> list[Path]:
    try:
        entries = sorted(os.scandir(parent), key=lambda e: e.name)
    except OSError:
        return []
    return [Path(e.path) for e in entries if not e.name.startswith(".") and e.is_dir()]


def _read_region(folder: Path) -> RegionFacts:
    settings = _mapping(folder / "region.yaml")
    contacts = _mapping(folder / "contacts.yaml")
    languages = tuple(str(lang) for lang in settings.get("languages") or () if lang) or ("sv",)
    first = languages[0]
    return RegionFacts(
        id=folder.name,
        name=_text(settings.get("name"), first) or folder.name,
        languages=languages,
        timezone=_text(settings.get("timezone"), first) or DEFAULT_TIMEZONE,
        contacts=tuple(
            Term(str(key), _text(_mapping_of(value).get("name"), first) or str(key))
            for key, value in contacts.items()
        ),
        taxonomies=tuple(
            Grouping(str(key), _text(_mapping_of(value).get("title"), first) or str(key), tuple(
                Term(str(term), _text(_mapping_of(about).get("title"), first) or str(term))
                for term, about in _mapping_of(_mapping_of(value).get("terms")).items()
            ))
            for key, value in _mapping_of(settings.get("taxonomies")).items()
        ),
        folders=tuple(_page_folders(folder)),
    )


def _page_folders(region: Path, below: str = "") -> list[str]:
    """Return the folders of pages at any depth, "kraftsamlingar" and "kraftsamlingar/mål"."""
    found = []
    for folder in _folders(region / below if below else region):
        rel = f"{below}/{folder.name}" if below else folder.name
        if rel in OWN_COLLECTIONS:
            continue
        found.append(rel)
        found.extend(_page_folders(region, rel))
    return found


def _mapping(path: Path) -> dict:
    try:
        return _mapping_of(parse_yaml(path.read_text("utf-8")))
    except Exception:  # noqa: BLE001 - any unreadable file: the build reports it, the form goes on
        return {}


def _mapping_of(value: Any) -> dict:
    return value if isinstance(value, dict) else {}


def _text(value: Any, lang: str) -> str:
    """Return a text as written, or its text in `lang` when written per language."""
    if isinstance(value, dict):
        value = value.get(lang) or next(iter(value.values()), "")
    return str(value).strip() if isinstance(value, str | int | float) else ""
