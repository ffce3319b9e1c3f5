"""A plain-text search index for a region opened from disk, where Pagefind cannot run.

Browsers refuse to fetch files or import modules from file://, so Pagefind's index is out
of reach when a reader opens the folder from disk; a classic <script> still loads. So the
build also writes search-index.js, a script that hands the theme's search.js each indexed
page's file, language, title and text: the same text Pagefind indexes (the element marked
data-pagefind-body, <main> of content pages). search.js loads it only when the page was
opened from disk, so on the web it costs nothing; it is about 40 kB a region.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser

from rusgen.model import Output

INDEX_FILE = "search-index.js"
INDEX_VARIABLE = "rusgenSearchIndex"
UNREAD_TAGS = ("script", "style", "template")


class PageText(HTMLParser):
    """Read a page's language, its first <h1>, and the text inside data-pagefind-body."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lang = ""
        self.title_parts: list[str] = []
        self.body_parts: list[str] = []
        self.indexed = False
        self._body_tag = ""
        self._body_depth = 0
        self._in_h1 = False
        self._h1_seen = False
        self._unread = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag == "html":
            self.lang = values.get("lang") or ""
        if tag in UNREAD_TAGS:
            self._unread += 1
        if self._body_depth:
            self._body_depth += tag == self._body_tag
        elif "data-pagefind-body" in values:
            self.indexed, self._body_tag, self._body_depth = True, tag, 1
        if tag == "h1" and not self._h1_seen:
            self._in_h1 = self._h1_seen = True

    def handle_endtag(self, tag: str) -> None:
        if tag in UNREAD_TAGS and self._unread:
            self._unread -= 1
        if self._body_depth and tag == self._body_tag:
            self._body_depth -= 1
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data: str) -> None:
        if self._unread:
            return
        if self._in_h1:
            self.title_parts.append(data)  # searched as the title: not again as text
        elif self._body_depth:
            self.body_parts.append(data)

    @property
    def title(self) -> str:
        return _collapse(" ".join(self.title_parts))

    @property
    def text(self) -> str:
        return _collapse(" ".join(self.body_parts))


def render(region_id: str, pages: Iterable[Output]) -> Iterator[Output]:
    """Yield the region's search-index.js, from its rendered HTML pages."""
    prefix = f"{region_id}/"
    entries = []
    for page in pages:
        if not (page.path.endswith(".html") and page.path.startswith(prefix)) or page.source:
            continue
        reader = PageText()
        reader.feed(page.data.decode("utf-8"))
        if reader.indexed:
            entries.append({"file": page.path[len(prefix):], "lang": reader.lang,
                            "title": reader.title, "text": reader.text})
    entries.sort(key=lambda entry: entry["file"])
    data = json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
    script = f"// Search data for pages opened from disk; see search.js.\nwindow.{INDEX_VARIABLE} = {data};\n"
    yield Output(f"{prefix}{INDEX_FILE}", script.encode("utf-8"))


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()
