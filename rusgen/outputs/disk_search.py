"""A plain-text search index for a region opened from disk, where Pagefind cannot run.

Browsers refuse to fetch files or import modules from file://, so Pagefind's index is out
of reach when a reader opens the folder from disk; a classic <script> still loads. So the
build also writes search-index.js, a script that hands the theme's search.js each indexed
page's file, language, title and text: the same text Pagefind indexes (the element marked
data-pagefind-body, <main> of content pages). search.js loads it only when the page was
opened from disk, so on the web it costs nothing; it is about 40 kB a region.
"""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator

from rusgen.model import Output

INDEX_FILE = "search-index.js"
INDEX_VARIABLE = "rusgenSearchIndex"

# Regular expressions, not an HTML parser: a build reads every page, and these are ten
# times faster. They can: the pages are rusgen's own, where Jinja and markdown-it escape
# every < and > inside attribute values and text.
LANG = re.compile(r"<html\b[^>]*\blang=\"([^\"]*)\"")
BODY_START = re.compile(r"<([a-zA-Z][\w-]*)\b[^>]*\sdata-pagefind-body\b[^>]*>")
IGNORED_START = re.compile(r"<([a-zA-Z][\w-]*)\b[^>]*\sdata-pagefind-ignore\b[^>]*>")
FIRST_H1 = re.compile(r"<h1\b[^>]*>(.*?)</h1>", re.S)
UNREAD = re.compile(r"<(script|style|template)\b.*?</\1>", re.S)
TAG = re.compile(r"<[^>]*>")
BODY_MARK = "data-pagefind-body"


def render(folder: str, pages: Iterable[Output]) -> Iterator[Output]:
    """Yield the region's search-index.js, from its rendered HTML pages below `folder`."""
    prefix = f"{folder}/"
    entries = []
    for page in pages:
        if not page.is_rendered_page(prefix):
            continue
        entry = page_entry(page.data.decode("utf-8"))
        if entry is not None:
            entries.append({"file": page.path[len(prefix):], **entry})
    entries.sort(key=lambda entry: entry["file"])
    data = json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
    script = f"// Search data for pages opened from disk; see search.js.\nwindow.{INDEX_VARIABLE} = {data};\n"
    yield Output(f"{prefix}{INDEX_FILE}", script.encode("utf-8"))


def page_entry(page: str) -> dict[str, str] | None:
    """Return a page's language, title (its first <h1>) and text, or None if not indexed."""
    body = _indexed_part(page)
    if body is None:
        return None
    body = _without_ignored(UNREAD.sub(" ", body))
    heading = FIRST_H1.search(body)
    title = _text(heading.group(1)) if heading else ""
    if heading:  # searched as the title: not again as text
        body = body[:heading.start()] + " " + body[heading.end():]
    lang = LANG.search(page)
    return {"lang": lang.group(1) if lang else "", "title": title, "text": _text(body)}


def _indexed_part(page: str) -> str | None:
    """Return what is inside the element marked data-pagefind-body, or None."""
    start = _body_start(page)
    if start is None:
        return None
    return page[start.end():_element_end(page, start)[0]]


def _body_start(page: str) -> re.Match | None:
    """Return the start tag marked data-pagefind-body, as BODY_START.search would.

    Searching the page with BODY_START tries its pattern at every tag; finding the mark
    first and matching the tag it is in costs a tenth. Tags do not nest, so the first
    mark inside a tag is in the first tag that has it.
    """
    found = page.find(BODY_MARK)
    while found != -1:
        opening = page.rfind("<", 0, found)
        if opening > page.rfind(">", 0, found):
            match = BODY_START.match(page, opening)
            if match is not None and match.end() > found:
                return match
        found = page.find(BODY_MARK, found + 1)
    return None


def _without_ignored(body: str) -> str:
    """Leave out the elements marked data-pagefind-ignore (lists, series boxes, labels)."""
    while (start := IGNORED_START.search(body)) is not None:
        body = body[:start.start()] + " " + body[_element_end(body, start)[1]:]
    return body


def _element_end(text: str, start: re.Match) -> tuple[int, int]:
    """Return where the element opened by `start` ends: before and after its end tag."""
    tag, depth = start.group(1), 1
    for found in re.compile(rf"<(/?){tag}\b[^>]*>").finditer(text, start.end()):
        depth += -1 if found.group(1) else 1
        if depth == 0:
            return found.start(), found.end()
    return len(text), len(text)


def _text(fragment: str) -> str:
    # Without the soft hyphens of headings and the <wbr> of addresses (typography.py): they
    # join a word, as Pagefind reads them.
    text = html.unescape(TAG.sub(" ", fragment.replace("<wbr>", ""))).replace("\u00ad", "")
    # str.split() splits at exactly the white space \s matches, three times as fast.
    return " ".join(text.split())
