"""A page cut down to what Pagefind reads of it, so that Pagefind parses a quarter less.

Pagefind reads a page's `<html lang>` (to stem its words), and, when a page has an element
marked `data-pagefind-body`, only that element: its text, its first `<h1>` (the result's
title), its first image, the ids of its headings and its `data-pagefind-*` attributes.
The rest (the head's styles and scripts, the header, the menus, the footer) is about a
quarter of each page's bytes, parsed for nothing. So Pagefind is handed
`<html lang><head><title></head><body>` + the marked element, byte for byte as the page has
it, and makes the same index from it (tests/test_search_input.py compares the index files).

A page this cannot cut exactly is handed whole: one without a marked element, or with
more than one, or with a `data-pagefind-*` attribute outside it (a theme may put metadata
or filters in the head), or whose marked element has no end tag where it is looked for.
"""

from __future__ import annotations

import re

# The start tag of the element Pagefind indexes; its name is group 1.
BODY_START = re.compile(rb"<([A-Za-z][\w-]*)\b[^>]*?\sdata-pagefind-body(?=[\s=/>])[^>]*>")
HTML_START = re.compile(rb"<html\b[^>]*>", re.IGNORECASE)
TITLE = re.compile(rb"<title\b[^>]*>.*?</title>", re.IGNORECASE | re.DOTALL)
PAGEFIND_ATTRIBUTE = re.compile(rb"\sdata-pagefind-")


def pagefind_page(page: bytes) -> bytes:
    """Return what Pagefind needs of the HTML page, or the page itself when it cannot
    be cut exactly (see the module's note)."""
    starts = list(BODY_START.finditer(page))
    html = HTML_START.search(page)
    if len(starts) != 1 or html is None:
        return page
    body = starts[0]
    end = _end_of_element(page, body.group(1), body.end())
    if end is None:
        return page
    if PAGEFIND_ATTRIBUTE.search(page, 0, body.start()) or PAGEFIND_ATTRIBUTE.search(page, end):
        return page
    title = TITLE.search(page, 0, body.start())
    return b"".join((
        b"<!DOCTYPE html>", html.group(0), b"<head>", title.group(0) if title else b"",
        b"</head><body>", page[body.start():end], b"</body></html>",
    ))


def _end_of_element(page: bytes, name: bytes, after: int) -> int | None:
    """Return where the element `name` whose start tag ends at `after` ends (after its end
    tag), counting elements of the same name inside it; None when it never ends."""
    depth = 1
    tags = re.compile(rb"<(/?)" + re.escape(name) + rb"(?=[\s/>])", re.IGNORECASE)
    for tag in tags.finditer(page, after):
        depth += -1 if tag.group(1) else 1
        if depth == 0:
            close = page.find(b">", tag.end())
            return None if close < 0 else close + 1
    return None
