"""Where Chromium breaks headings and addresses on the real content, at 390 and 1280 px.

A heading word may break only where the build put a soft hyphen (the browser then shows
a hyphen); an e-mail address only after "@" or "/" or before a dot, where the build put
<wbr>. Lines are read from the rendered text, one character's box at a time.
"""

from __future__ import annotations

from pathlib import Path

import pytest

REGIONS = ("vg", "jh", "vb")  # the folders of three regions in the output

# The characters of each element, grouped in the lines the browser laid them out in.
LINES_JS = """
(selector) => [...document.querySelectorAll(selector)].map(element => {
  const lines = [];
  let top = null;
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.data.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      // At a soft hyphen Chromium gives the next letter a box on both lines: the last is its own.
      const boxes = range.getClientRects();
      const box = boxes[boxes.length - 1];
      if (!box) continue;
      if (top === null || box.top > top + 2) { lines.push(""); top = box.top; }
      lines[lines.length - 1] += node.data[i];
    }
  }
  return lines;
})
"""
SOFT_HYPHEN = "\u00ad"


def pages(site: Path) -> list[str]:
    return sorted(
        path.relative_to(site).parent.as_posix() + "/"
        for region in REGIONS for path in (site / region).rglob("index.html")
        if 'http-equiv="refresh"' not in path.read_text()
    )


def bad_heading_breaks(lines: list[str]) -> list[str]:
    """Return the breaks inside a word that are not at a soft hyphen."""
    found = []
    for before, after in zip(lines, lines[1:], strict=False):
        end, start = before.rstrip(" "), after.lstrip(" ")
        if before.endswith(" ") or after.startswith(" ") or not end or not start:
            continue
        if end[-1] in (SOFT_HYPHEN, "-", "–", "/") or not (end[-1].isalnum() and start[0].isalnum()):
            continue
        found.append(f"{end}|{start}")
    return found


def bad_address_breaks(lines: list[str]) -> list[str]:
    """Return the breaks of an e-mail address that are not after @ or / or before a dot."""
    return [
        f"{before}|{after}" for before, after in zip(lines, lines[1:], strict=False)
        if not (before.endswith(("@", "/")) or after.startswith("."))
    ]


@pytest.mark.parametrize("width", [390, 1280])
def test_headings_and_addresses_break_only_where_they_may(
    browser, static_server, built_site: Path, width: int
) -> None:
    base = static_server(built_site)
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    headings: dict[str, list[str]] = {}
    addresses: dict[str, list[str]] = {}
    hyphenated = 0
    for url in pages(built_site):
        page.goto(base + url)
        for lines in page.evaluate(LINES_JS, "h1, h2, h3"):
            hyphenated += sum(line.endswith(SOFT_HYPHEN) for line in lines)
            if bad := bad_heading_breaks(lines):
                headings[url] = bad
        for lines in page.evaluate(LINES_JS, 'a[href^="mailto:"]'):
            if bad := bad_address_breaks(lines):
                addresses[url] = bad
    context.close()
    assert headings == {}
    assert addresses == {}
    if width == 390:  # else the test would pass by never breaking a word at all
        assert hyphenated > 0
