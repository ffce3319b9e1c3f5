"""Find two outputs meant for one file before anything is written.

Paths are compared as a case-blind file system (Windows, macOS) and a web server behind
one would read them: `Sok/index.html` and `sok/index.html` are one file there. A file
whose path is another output's folder collides too: both cannot exist.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable
from pathlib import Path

from rusgen.errors import RusgenError
from rusgen.model import Output
from rusgen.raw import CONTENT_DIR, THEMES_DIR


def refuse_collisions(outputs: Iterable[Output], root: Path) -> None:
    """Raise a RusgenError naming both sources when two outputs would be one file."""
    files: dict[str, Output] = {}
    folders: dict[str, Output] = {}
    for item in outputs:
        key = _key(item.path)
        other = files.get(key) or folders.get(key)
        if other is None:
            parent = key
            while "/" in parent and other is None:
                parent = parent.rsplit("/", 1)[0]
                other = files.get(parent)
        if other is not None:
            raise RusgenError(
                "write.collision", path=other.path,
                first=describe(other, root), second=describe(item, root),
            )
        files[key] = item
        parent = key
        while "/" in parent:
            parent = parent.rsplit("/", 1)[0]
            folders.setdefault(parent, item)


def describe(item: Output, root: Path) -> RusgenError:
    """Name where an output comes from: the user's file, or the page rusgen makes."""
    if item.source:
        try:
            rel = Path(item.source).resolve().relative_to(root.resolve())
        except ValueError:
            rel = None  # a file rusgen made itself: a search index
        if rel is not None and rel.parts[0] in (CONTENT_DIR, THEMES_DIR):  # not a page read back
            return RusgenError("write.source_file", path=rel.as_posix())
    return RusgenError("write.made_file", path=item.path)


def _key(path: str) -> str:
    return unicodedata.normalize("NFC", path).casefold()
