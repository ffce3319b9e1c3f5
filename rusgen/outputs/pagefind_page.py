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
or filters in the head), or whose marked element has no end tag where it is looked for,
or holds a comment or an element of raw text (a script, say), where an end tag may be
text and the end found here would not be the one a browser's parser finds.
"""

from __future__ import annotations

import re

BODY_MARK = b"data-pagefind-body"
PAGEFIND_MARK = b"data-pagefind-"
# The start tag that holds the mark (found first with bytes.find: ten times faster than
# searching the page for this pattern); the element's name is group 1.
BODY_START = re.compile(rb"<([A-Za-z][\w-]*)\b[^>]*?\s" + BODY_MARK + rb"(?=[\s=/>])[^>]*>")
# A comment or raw text, where "</main>" is not an end tag (a cut with one is not made).
RAW_TEXT = re.compile(rb"<(?:!--|script|style|textarea|noscript|xmp|plaintext|iframe|noembed|noframes)",
                      re.IGNORECASE)
HTML_START = re.compile(rb"<html\b[^>]*>", re.IGNORECASE)
TITLE = re.compile(rb"<title\b[^>]*>.*?</title>", re.IGNORECASE | re.DOTALL)


def pagefind_page(page: bytes) -> bytes:
    """Return what Pagefind needs of the HTML page, or the page itself when it cannot
    be cut exactly (see the module's note)."""
    mark = page.find(BODY_MARK)
    if mark < 0 or page.find(BODY_MARK, mark + 1) >= 0:
        return page
    body = BODY_START.match(page, page.rfind(b"<", 0, mark))
    html = HTML_START.search(page, 0, mark)
    if body is None or html is None or body.end() < mark:
        return page
    end = _end_of_element(page, body.group(1), body.end())
    if end is None or page.find(PAGEFIND_MARK, 0, body.start()) >= 0 or page.find(PAGEFIND_MARK, end) >= 0:
        return page
    if RAW_TEXT.search(page, body.end(), end):
        return page
    title = TITLE.search(page, html.end(), body.start())
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
