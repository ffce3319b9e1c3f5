"""What in a page body must not reach the public as written: the Markdown guards.

Each guard reads markdown-it's tokens and notes a problem by its message code, so the
notes can be kept with a cached rendering and told in the language of any later build:
- a link or image CommonMark left as plain text (a space in a file name, a space between
  ] and (, a missing ) ): an error, since the reader would see raw Markdown;
- an image without a description, unless its title says "dekor": an error; one whose
  description is a file name or only the word "bild": a warning;
- a level 1 heading in the body, a skipped heading level, a raw HTML link to a new window.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

from rusgen.htmlscan import scan_html
from rusgen.text import slugify


@dataclass(frozen=True)
class Note:
    """A problem in a page body, by its message code: an error, or a warning the build survives."""

    line: int  # line within the Markdown body, from 0
    field: str
    code: str
    blanks: tuple[tuple[str, str], ...] = ()  # the message's blanks, as (name, value)
    error: bool = False


# An image title that marks it as decoration: rendered with alt="" and no title.
DECORATIVE_TITLES = ("dekor", "decorative")
# Descriptions that only say "an image": a screen reader user learns nothing from them.
VAGUE_ALTS = frozenset({
    "bild", "bilden", "bilder", "foto", "fotot", "fotografi", "illustration", "grafik", "figur",
    "ikon", "logga", "loggan", "logo", "logotyp", "image", "picture", "photo", "icon", "img",
    "graphic", "alt", "alt-text", "alttext", "bildtext",
})  # fmt: skip
IMAGE_NAME = re.compile(r"^[^\s/]+\.(jpe?g|png|gif|svg|webp|tiff?|heic|bmp|avif)$", re.I)
CAMERA_NAME = re.compile(r"^(img|dsc|dscn|dscf|dcim|pxl|gopr|mvimg|bild|foto|image|photo)[-_ ]?\d+$", re.I)
# How an example description reads, by where the image is written.
EXAMPLE_ALT = "Två personer vid ett bord"

NEW_WINDOW_MARKERS = ("öppnas i nytt fönster", "opens in a new window")
# A raw HTML link that opens another window or tab, and the text it shows.
NEW_WINDOW_LINK_RE = re.compile(
    r"<a\b[^>]*\btarget\s*=\s*[\"']?(?!(?:_self|_parent|_top)\b)\w[^>]*>(.*?)</a\s*>",
    re.IGNORECASE | re.DOTALL,
)
# A link or image markdown-it did not take: [text](target), or [text] (target).
# \x00 stands for what cannot be part of one (code, an escaped character).
_TARGET = r"(?:[^()\x00\n]|\([^()\x00\n]*\))*"
LEFTOVER_RE = re.compile(rf"(!?)\[([^\[\]\x00]*)\]([ \t]*)\(({_TARGET})\)")
# Where any link begins: a leftover the pattern above cannot read is found from here.
OPENING_RE = re.compile(r"(!?)\[([^\[\]\x00]*)\]\(")
TITLE_RE = re.compile(r'^(.*?)(\s+"[^"]*")?$', re.DOTALL)
LOOKS_LIKE_TARGET = re.compile(r"^(?:https?:|www\.|mailto:|#|\S*/|\S*\.[A-Za-z0-9]{2,5}$)\S*$")


def note(line: int, field: str, code: str, error: bool = False, **blanks: object) -> Note:
    """Make a note whose blanks are kept as text."""
    return Note(line, field, code, tuple((k, str(v)) for k, v in blanks.items()), error)


# ------------------------------------------------------------------ links left as text


def find_leftovers(state: StateCore) -> None:
    """Note every link or image that markdown-it left as text (runs before text_join)."""
    if "notes" not in state.env:
        return
    for block in state.tokens:
        if block.type == "inline" and block.children and block.map:
            joined = "".join(_as_text(token) for token in block.children)
            state.env["notes"].extend(_leftovers(joined, block.map[0]))


def _as_text(token: Token) -> str:
    if token.type == "text":
        return token.content
    if token.type in ("softbreak", "hardbreak"):
        return "\n"
    if token.type in ("code_inline", "text_special", "image", "html_inline"):
        return "\x00"  # code and escapes are the writer's choice, not a link gone wrong
    return ""  # emphasis marks: the text around them still reads as one


def _leftovers(text: str, first_line: int) -> Iterator[Note]:
    if "]" not in text:
        return  # both patterns need "]": most paragraphs are done without running them
    read: list[tuple[int, int]] = []
    for match in LEFTOVER_RE.finditer(text):
        bang, label, gap, inside = match.groups()
        target = TITLE_RE.match(inside.strip()).group(1)  # type: ignore[union-attr]
        if gap and not LOOKS_LIKE_TARGET.match(target):
            continue  # "[här] (på svenska)" is prose, not a link
        read.append(match.span())
        line = first_line + text.count("\n", 0, match.start())
        yield _leftover_note(line, bang, label, gap, inside, match.group(0))
    for match in OPENING_RE.finditer(text):
        if not any(start <= match.start() < end for start, end in read):
            line = first_line + text.count("\n", 0, match.start())
            yield _unclosed_note(line, match, text[match.end():].split("\n")[0])


def _unclosed_note(line: int, opening: re.Match[str], rest: str) -> Note:
    """Note a link whose ) is missing, or whose file name holds a ( that takes it."""
    bang, label = opening.groups()
    written = opening.group(0) + rest
    field = "image" if bang else "link"
    if "(" not in rest:
        return note(line, field, "link.as_text_unclosed", True, written=written)
    target = rest[: rest.rfind(")")] if ")" in rest else rest
    fixed = renamed(target)
    return note(line, field, "link.as_text_chars", True, target=target, chars='"("',
                fixed=fixed, example=f"{bang}[{label}]({fixed})")


def _leftover_note(line: int, bang: str, label: str, gap: str, inside: str, written: str) -> Note:
    target, title = TITLE_RE.match(inside.strip()).groups()  # type: ignore[union-attr]
    title = title or ""

    def example(new_target: str) -> str:
        return f"{bang}[{label}]({new_target}{title})"

    field = "image" if bang else "link"
    if gap:
        return note(line, field, "link.as_text_gap", True, written=written, example=example(target))
    if target.startswith(("http://", "https://", "www.")):
        fixed = re.sub(r"\s", "%20", target)
        return note(line, field, "link.as_text_web_space", True, target=target,
                    example=example(fixed))
    fixed = renamed(target)
    if re.search(r"\s", target):
        return note(line, field, "link.as_text_space", True, target=target, fixed=fixed,
                    example=example(fixed))
    chars = " ".join(f'"{c}"' for c in sorted(set(re.findall(r"[<>()\[\]]", target))))
    return note(line, field, "link.as_text_chars", True, target=target, chars=chars, fixed=fixed,
                example=example(fixed))


def renamed(target: str) -> str:
    """Return the name a file should have: "files/Foto Kim.png" -> "files/foto-kim.png"."""
    folder, name = posixpath.split(target)
    stem, ext = posixpath.splitext(name)
    slug = slugify(stem) or "fil"
    return posixpath.join(folder, slug + ext.lower())


# ------------------------------------------------------------------------------ images


def image_notes(token: Token, line: int) -> list[Note]:
    """Check a Markdown image's description; make a decorative one's alt empty."""
    src = str(token.attrGet("src") or "")
    title = str(token.attrGet("title") or "").strip().lower()
    if title in DECORATIVE_TITLES:
        token.attrs.pop("title", None)
        token.children = []
        token.content = ""
        return []
    alt = "".join(c.content for c in token.children or () if c.type in ("text", "code_inline"))
    if not alt.strip():
        return [note(line, "image", "image.no_alt", True, src=src, **markdown_examples(src))]
    return alt_notes(alt, src, line, "image", markdown_examples(src))


def html_image_notes(html: str, line: int) -> list[Note]:
    """Check the images of raw HTML in a body: each needs an alt that describes it."""
    notes: list[Note] = []
    for ref in scan_html(html.encode("utf-8")).refs:
        if ref.tag != "img":
            continue
        at = line + ref.line - 1
        examples = {"example": f'alt="{EXAMPLE_ALT}"', "decor": 'alt=""'}
        if ref.alt is None:
            notes.append(note(at, "image", "image.no_alt", True, src=ref.url, **examples))
        else:
            notes.extend(alt_notes(ref.alt, ref.url, at, "image", examples))
    return notes


def markdown_examples(src: str) -> dict[str, str]:
    """Return what to write for a Markdown image: a description, or the decorative mark."""
    return {"example": f"![{EXAMPLE_ALT}]({src})", "decor": f'![]({src} "dekor")'}


def front_matter_examples() -> dict[str, str]:
    """Return what to write for a front matter image's alt."""
    return {"example": f'alt: "{EXAMPLE_ALT}"', "decor": 'alt: ""'}


def alt_notes(alt: str, src: str, line: int, field: str, examples: dict[str, str]) -> list[Note]:
    """Warn about a description that is a file name or only says "bild"."""
    code = alt_problem(alt, src)
    return [note(line, field, code, False, alt=alt.strip(), **examples)] if code else []


def alt_problem(alt: str, src: str) -> str:
    """Return the message code of what is wrong with a description, or ""."""
    text = alt.strip()
    if not text:
        return ""
    name = posixpath.basename(urlsplit(src).path)
    stem = posixpath.splitext(name)[0]
    if IMAGE_NAME.match(text) or CAMERA_NAME.match(text) or text.lower() in (name.lower(), stem.lower()):
        return "image.alt_file_name"
    if text.lower().strip(".!:;,-– ") in VAGUE_ALTS:
        return "image.alt_vague"
    return ""


# ---------------------------------------------------------------- headings and windows


def check_headings(state: StateCore) -> None:
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
            state.env["notes"].append(note(line, "heading", "heading.level_one"))
        elif level > previous + 1:
            state.env["notes"].append(note(
                line, "heading", "heading.skips", previous=previous, level=level,
                marks="#" * (previous + 1), expected=previous + 1,
            ))
        previous = level


def new_window_notes(body: str, html: str) -> list[Note]:
    """Note raw HTML links that open a new window without saying so in their text."""
    notes = []
    for match in NEW_WINDOW_LINK_RE.finditer(html):
        label = re.sub(r"<[^>]+>", "", match.group(1)).lower()
        if any(marker in label for marker in NEW_WINDOW_MARKERS):
            continue
        opening = match.group(0)[: match.group(0).index(">") + 1]
        at = body.find(opening)
        notes.append(note(body.count("\n", 0, at) if at >= 0 else 0, "link", "link.new_window"))
    return notes
