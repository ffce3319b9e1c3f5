"""Markdown to HTML: CommonMark plus tables, heading anchors and footnotes.

Links written as source paths ("kraftsamlingar/index.md", "files/inbjudan.pdf") become
relative URLs of the built site, and links to files get their type and size, as Swedish
public sites write them: "Inbjudan (pdf, 291,8 kB)".
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.footnote import footnote_plugin

from rusgen.text import slugify

EXTERNAL_PREFIXES = ("http://", "https://", "mailto:", "tel:", "//", "#", "data:")


@dataclass(frozen=True)
class LinkTarget:
    """Where a link in Markdown leads, once resolved."""

    url: str  # region-relative URL
    file_kind: str = ""  # "pdf" for a document, "" for a page
    file_size: int = 0


@dataclass(frozen=True)
class BrokenLink:
    line: int  # line within the Markdown body, from 0
    href: str


@dataclass(frozen=True)
class Note:
    """Something in a page body the build warns about: accessible, but worth fixing."""

    line: int  # line within the Markdown body, from 0
    field: str
    message: str


NEW_WINDOW_MARKERS = ("öppnas i nytt fönster", "opens in a new window")
# A raw HTML link that opens another window or tab, and the text it shows.
NEW_WINDOW_LINK_RE = re.compile(
    r"<a\b[^>]*\btarget\s*=\s*[\"']?(?!(?:_self|_parent|_top)\b)\w[^>]*>(.*?)</a\s*>",
    re.IGNORECASE | re.DOTALL,
)


# resolve(href without fragment) -> LinkTarget | None
Resolver = Callable[[str], "LinkTarget | None"]
# describe a file link: (kind, size) -> " (pdf, 291,8 kB)"
FileLabel = Callable[[str, int], str]


def make_markdown() -> MarkdownIt:
    """Create the one Markdown parser a build uses."""
    md = MarkdownIt("commonmark", {"typographer": False}).enable("table")
    md.use(anchors_plugin, min_level=2, max_level=4, slug_func=_anchor_slug)
    md.use(footnote_plugin)
    md.core.ruler.push("rusgen_links", _rewrite_links)
    md.core.ruler.push("rusgen_headings", _check_headings)
    return md


def _anchor_slug(text: str) -> str:
    return slugify(text) or "rubrik"


def render_markdown(
    md: MarkdownIt,
    body: str,
    resolve: Resolver,
    link_to: Callable[[str], str],
    file_label: FileLabel,
) -> tuple[str, list[BrokenLink], list[Note]]:
    """Render a page body; return its HTML, every link that leads nowhere, and warnings."""
    env = {
        "resolve": resolve, "link_to": link_to, "file_label": file_label, "broken": [], "notes": [],
    }
    html = md.render(body, env)
    return html, env["broken"], env["notes"] + _new_window_notes(body, html)


def _check_headings(state: StateCore) -> None:
    """Note an h1 in the body (the title is the page's h1) and headings that skip a level."""
    if "notes" not in state.env:
        return
    previous = 1  # the page title
    for token in state.tokens:
        if token.type != "heading_open":
            continue
        level = int(token.tag[1])
        line = token.map[0] if token.map else 0
        if level == 1:
            state.env["notes"].append(Note(
                line, "heading",
                "a level 1 heading (# ...) in the body; the page title is the page's only h1, "
                "so start the body's headings at ## (h2)",
            ))
        elif level > previous + 1:
            state.env["notes"].append(Note(
                line, "heading",
                f"the heading skips from h{previous} to h{level}; use {'#' * (previous + 1)} "
                f"(h{previous + 1}) here, so screen reader users can follow the outline",
            ))
        previous = level


def _new_window_notes(body: str, html: str) -> list[Note]:
    """Note raw HTML links that open a new window without saying so in their text."""
    notes = []
    for match in NEW_WINDOW_LINK_RE.finditer(html):
        label = re.sub(r"<[^>]+>", "", match.group(1)).lower()
        if any(marker in label for marker in NEW_WINDOW_MARKERS):
            continue
        opening = match.group(0)[: match.group(0).index(">") + 1]
        at = body.find(opening)
        notes.append(Note(
            body.count("\n", 0, at) if at >= 0 else 0, "link",
            "the link opens a new window without saying so; add \"(öppnas i nytt fönster)\" to "
            "its text, or better, remove target and let the reader choose",
        ))
    return notes


def _rewrite_links(state: StateCore) -> None:
    env = state.env
    if "resolve" not in env:
        return
    line = 0
    for block in state.tokens:
        if block.map:
            line = block.map[0]
        if block.type != "inline" or not block.children:
            continue
        children: list[Token] = []
        pending_label = ""
        for token in block.children:
            if token.type == "link_open":
                pending_label = _rewrite_one(token, env, line)
            elif token.type == "link_close" and pending_label:
                label = Token("text", "", 0)
                label.content = pending_label
                children.append(label)
                pending_label = ""
            elif token.type == "image":
                _rewrite_one(token, env, line, attr="src")
            children.append(token)
        block.children = children


def _rewrite_one(token: Token, env: dict, line: int, attr: str = "href") -> str:
    """Rewrite one link or image in place; return the file label to append, if any."""
    href = str(token.attrGet(attr) or "")
    if not href or href.startswith(EXTERNAL_PREFIXES) or ":" in href.split("/")[0]:
        return ""
    path, _, fragment = href.partition("#")
    target = env["resolve"](unquote(path))
    if target is None:
        env["broken"].append(BrokenLink(line=line, href=href))
        return ""
    url = target.url + (f"#{fragment}" if fragment else "")
    token.attrSet(attr, env["link_to"](url))
    if target.file_kind and attr == "href":
        return env["file_label"](target.file_kind, target.file_size)
    return ""


def candidate_paths(page_source: str, href: str) -> list[str]:
    """List the source paths a link may mean: beside the page first, then from the region root."""
    if href.startswith("/"):
        return [posixpath.normpath(href.lstrip("/"))]
    beside = posixpath.normpath(posixpath.join(posixpath.dirname(page_source), href))
    from_root = posixpath.normpath(href)
    return [beside] if beside == from_root else [beside, from_root]
