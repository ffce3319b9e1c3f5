"""Markdown to HTML: CommonMark plus tables, heading anchors and footnotes.

Links written as source paths ("kraftsamlingar/index.md", "files/inbjudan.pdf") become
relative URLs of the built site, and links to files get their type and size, as Swedish
public sites write them: "Inbjudan (pdf, 291,8 kB)". What must not reach the public as
written (a link left as text, an image without a description) is noted by the guards in
markdown_guards.py; a body with raw HTML is cleaned whole by sanitise.py, and a link or
image whose address would run script or load another host is an error.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable, MutableMapping
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from markdown_it.token import Token
from mdit_py_plugins.anchors import anchors_plugin
from mdit_py_plugins.footnote import footnote_plugin

from rusgen.markdown_guards import (
    Note,
    check_headings,
    find_leftovers,
    html_image_notes,
    image_notes,
    new_window_notes,
    note,
)
from rusgen.sanitise import (
    SCRIPT_SCHEMES,
    URL_SCHEMES,
    RawHtml,
    clean_html,
    markdown_image_example,
    other_host,
    shortened,
    url_scheme,
)
from rusgen.text import slugify

__all__ = ["BrokenLink", "LinkTarget", "Note", "candidate_paths", "make_markdown", "render_markdown"]

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
    image: bool = False
    text: str = ""  # an image's description, for the example of what to write


# resolve(href without fragment) -> LinkTarget | None
Resolver = Callable[[str], "LinkTarget | None"]
# describe a file link: (kind, size) -> " (pdf, 291,8 kB)"
FileLabel = Callable[[str, int], str]


def make_markdown() -> MarkdownIt:
    """Create the one Markdown parser a build uses."""
    md = MarkdownIt("commonmark", {"typographer": False}).enable("table")
    # markdown-it would leave a javascript: link as plain text; taken as a link, it is
    # refused by _refused_address with a message that says why, and never published.
    md.validateLink = lambda url: True  # type: ignore[method-assign]  # markdown-it's documented hook
    md.add_render_rule("html_block", _raw_html)
    md.add_render_rule("html_inline", _raw_html)
    md.use(anchors_plugin, min_level=2, max_level=4, slug_func=_anchor_slug)
    md.use(footnote_plugin)
    md.core.ruler.before("text_join", "rusgen_leftovers", find_leftovers)
    md.core.ruler.push("rusgen_links", _rewrite_links)
    md.core.ruler.push("rusgen_headings", check_headings)
    return md


def _anchor_slug(text: str) -> str:
    return slugify(text) or "rubrik"


def _raw_html(
    self: object, tokens: list[Token], idx: int, options: object, env: MutableMapping[str, Any]
) -> str:
    """Write raw HTML as it is, and mark the body for the cleaner: its one way in."""
    env["unclean"] = True
    return tokens[idx].content


def render_markdown(
    md: MarkdownIt,
    body: str,
    resolve: Resolver,
    link_to: Callable[[str], str],
    file_label: FileLabel,
) -> tuple[str, list[BrokenLink], list[Note]]:
    """Render a page body; return its HTML, every link that leads nowhere, and its notes."""
    raw = RawHtml()
    broken: list[BrokenLink] = []
    notes: list[Note] = []
    env = {
        "resolve": resolve, "link_to": link_to, "file_label": file_label, "broken": broken, "notes": notes,
        "raw": raw,
    }
    html = md.render(body, env)
    if env.get("unclean"):
        # The whole body, not each fragment: a <details> opened in one block and closed in
        # another is whole only here. A body without raw HTML is markdown-it's own markup.
        html = clean_html(html)
    return html, broken, notes + raw.notes + new_window_notes(body, html)


def _rewrite_links(state: StateCore) -> None:
    env = state.env
    if "resolve" not in env:
        return
    line = 0
    for block in state.tokens:
        if block.map:
            line = block.map[0]
        if block.type == "html_block":
            env["notes"].extend(html_image_notes(block.content, line))
            env["raw"].read(block.content, line)
        if block.type == "inline" and block.children:
            block.children = _rewrite_inline(block.children, env, line)


def _rewrite_inline(tokens: list[Token], env: MutableMapping[str, Any], line: int) -> list[Token]:
    """Rewrite the links and images of one paragraph; note a broken link with its text."""
    children: list[Token] = []
    pending_label = ""
    link_text: list[str] | None = None  # the text of a broken link, while it is read
    for token in tokens:
        if token.type in ("softbreak", "hardbreak"):
            line += 1
        if token.type == "link_open":
            known = len(env["broken"])
            pending_label = _rewrite_one(token, env, line)
            link_text = [] if len(env["broken"]) > known else None
        elif token.type == "link_close":
            if link_text is not None:
                env["broken"][-1] = replace(env["broken"][-1], text="".join(link_text).strip())
                link_text = None
            if pending_label:
                label = Token("text", "", 0)
                label.content = pending_label
                children.append(label)
                pending_label = ""
        elif token.type in ("text", "code_inline") and link_text is not None:
            link_text.append(token.content)
        elif token.type == "image":
            env["notes"].extend(image_notes(token, line))
            _rewrite_one(token, env, line, attr="src")
        elif token.type == "html_inline":
            env["notes"].extend(html_image_notes(token.content, line))
            env["raw"].read(token.content, line)
        children.append(token)
    return children


def _rewrite_one(token: Token, env: MutableMapping[str, Any], line: int, attr: str = "href") -> str:
    """Rewrite one link or image in place; return the file label to append, if any."""
    href = str(token.attrGet(attr) or "")
    if not href or href.startswith("#") or _refused_address(token, env, line, attr, href):
        return ""
    if url_scheme(href) or other_host(href):  # a web, e-mail or phone address: as written
        return ""
    path, _, fragment = href.partition("#")
    target = env["resolve"](unquote(path))
    if target is None:
        image = attr == "src"
        env["broken"].append(BrokenLink(line, href, image, token.content if image else ""))
        return ""
    url = target.url + (f"#{fragment}" if fragment else "")
    token.attrSet(attr, env["link_to"](url))
    if target.file_kind and attr == "href":
        return env["file_label"](target.file_kind, target.file_size)
    return ""


def _refused_address(token: Token, env: MutableMapping[str, Any], line: int, attr: str, href: str) -> bool:
    """Note a link that would run script, or an image another host serves, and drop its address.

    The address is dropped so that not even the preview of a page with errors shows it.
    """
    scheme = url_scheme(href)
    if attr == "href":
        if not scheme or scheme in URL_SCHEMES:
            return False
        code = "link.unsafe_scheme" if scheme in SCRIPT_SCHEMES else "link.other_scheme"
        env["notes"].append(note(line, "link", code, True, href=shortened(href), scheme=scheme))
    else:
        host = other_host(href)
        if not host and not scheme:
            return False
        blanks = {"src": shortened(href), "example": markdown_image_example(href, token.content)}
        env["notes"].append(
            note(line, "image", "image.other_host", True, host=host, **blanks) if host
            else note(line, "image", "image.not_a_file", True, scheme=scheme, **blanks)
        )
    token.attrs.pop(attr, None)
    return True


def candidate_paths(page_source: str, href: str) -> list[str]:
    """List the source paths a link may mean: beside the page first, then from the region root."""
    if href.startswith("/"):
        return [posixpath.normpath(href.lstrip("/"))]
    beside = posixpath.normpath(posixpath.join(posixpath.dirname(page_source), href))
    from_root = posixpath.normpath(href)
    return [beside] if beside == from_root else [beside, from_root]
