"""Raw HTML in a page body, made safe to publish: the allow-list, the cleaner, and its notes.

markdown-it passes raw HTML through as written, so a page body could hand every reader a
script, an event handler, a form or an embed from another host. A body that holds raw
HTML is cleaned whole by nh3 (the Ammonia sanitiser, which parses HTML as a browser does)
with an allow-list of what a communicator's text needs. nh3 does not say what it removed,
so RawHtml reads each raw fragment against the same allow-list and names what goes, by
line; the notes only explain, nh3 alone decides what is published.

An image that another host would serve is an error, not a removal: SITE.md promises that
a reader's browser fetches nothing from another host, and a removed image would leave a
hole in the text that the writer never sees.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urlsplit

import nh3

from rusgen.htmlscan import HtmlReader
from rusgen.markdown_guards import EXAMPLE_ALT, Note, note, renamed

# What a communicator's text needs, and nothing that runs, loads or submits anything.
TAGS = frozenset({
    "h1", "h2", "h3", "h4", "h5", "h6", "p", "br", "hr", "blockquote", "pre", "code",
    "ul", "ol", "li", "dl", "dt", "dd",
    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
    "a", "img", "figure", "figcaption", "details", "summary", "section", "div", "span",
    "strong", "em", "b", "i", "s", "del", "ins", "mark", "small", "sub", "sup", "abbr",
    "dfn", "q", "cite", "kbd", "samp", "var", "time", "bdi", "wbr",
})  # fmt: skip
# Per tag; "*" holds what every tag may carry. `class` is kept where markdown-it writes it
# (footnotes, code blocks) and on span and div, where a theme may style it.
ATTRIBUTES: dict[str, set[str]] = {
    "*": {"id", "lang", "dir", "title"},
    "a": {"href", "hreflang", "target", "rel", "class"},
    "img": {"src", "alt", "width", "height"},
    "th": {"scope", "colspan", "rowspan", "headers", "style"},
    "td": {"colspan", "rowspan", "headers", "style"},
    "col": {"span"}, "colgroup": {"span"},
    "ol": {"start", "reversed", "type", "class"}, "li": {"value", "class"},
    "details": {"open"}, "time": {"datetime"}, "del": {"datetime"}, "ins": {"datetime"},
    "code": {"class"}, "pre": {"class"}, "span": {"class"}, "div": {"class"},
    "section": {"class"}, "hr": {"class"}, "sup": {"class"},
}  # fmt: skip
# A table column's alignment is the one style markdown-it writes itself; it loads nothing.
STYLE_PROPERTIES = frozenset({"text-align"})
URL_SCHEMES = frozenset({"http", "https", "mailto", "tel"})
# Removed with everything inside them: their content is code or another page, not text.
DROPPED_WITH_CONTENT = frozenset({
    "script", "style", "iframe", "frameset", "noembed", "noframes", "object", "applet", "svg",
    "template", "xmp",
})  # fmt: skip
# Addresses that run what follows them when a reader follows the link.
SCRIPT_SCHEMES = frozenset({"javascript", "vbscript", "livescript", "data"})

EMBEDS = frozenset({"iframe", "frame", "frameset", "object", "embed", "applet", "video", "audio", "portal"})
FORMS = frozenset({"form", "input", "button", "select", "textarea", "option", "optgroup", "datalist"})
VOID = frozenset({"area", "base", "basefont", "embed", "input", "keygen", "link", "meta", "param",
                  "source", "track"})
C0_AND_SPACE = "".join(map(chr, range(0x21)))
BREAKS_RE = re.compile(r"[\t\n\r]")
SCHEME_RE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
CSS_URL_RE = re.compile(r"""url\(\s*(["']?)(.*?)\1\s*\)""", re.IGNORECASE | re.DOTALL)
VIDEO_RE = (
    (re.compile(r"^(?:https?:)?//(?:www\.)?youtube(?:-nocookie)?\.com/embed/([\w-]+)"),
     "https://www.youtube.com/watch?v={}", "Se filmen på YouTube"),
    (re.compile(r"^(?:https?:)?//player\.vimeo\.com/video/(\d+)"), "https://vimeo.com/{}",
     "Se filmen på Vimeo"),
)


def clean_html(html: str) -> str:
    """Return a body's HTML with nothing outside the allow-list: what nh3 publishes."""
    return nh3.clean(
        html,
        tags=set(TAGS),
        clean_content_tags=set(DROPPED_WITH_CONTENT),
        attributes={tag: set(names) for tag, names in ATTRIBUTES.items()},
        attribute_filter=_keep_attribute,
        url_schemes=set(URL_SCHEMES),
        filter_style_properties=set(STYLE_PROPERTIES),
        link_rel=None,  # markdown-it's links carry no rel; a new window is a guard's business
        strip_comments=True,
    )


def _keep_attribute(tag: str, name: str, value: str) -> str | None:
    """Drop an image address another host would serve, also from a page with errors."""
    if tag == "img" and name == "src" and other_host(value):
        return None
    return value


def url_scheme(url: str) -> str:
    """Return a URL's scheme as a browser reads it ("JaVa\tscript:" -> "javascript"); "" if relative."""
    if ":" not in url:
        return ""
    # Browsers drop tabs and line breaks anywhere, and control characters and spaces around.
    cleaned = BREAKS_RE.sub("", url).strip(C0_AND_SPACE)
    match = SCHEME_RE.match(cleaned)
    return match.group(1).lower() if match else ""


def other_host(url: str) -> str:
    """Return the host a URL is fetched from, if it names one ("https://x.se/a", "//x.se/a")."""
    if "/" not in url and "\\" not in url:
        return ""
    scheme = url_scheme(url)
    if scheme and scheme not in ("http", "https"):
        return ""
    # A browser reads a backslash in a web address as a slash: \\x.se/a is //x.se/a.
    path = BREAKS_RE.sub("", url).strip(C0_AND_SPACE).replace("\\", "/")
    if scheme:
        path = path[len(scheme) + 1:]
    if not path.startswith("//"):
        return ""
    written = path.lstrip("/").split("/")[0]  # as a browser reads https:///annan.se too
    try:
        return urlsplit("http://" + written).hostname or written
    except ValueError:  # "//[annan.se": no host a parser reads, but a browser may try one
        return written


def shortened(url: str, limit: int = 60) -> str:
    """Shorten a long address for a message: a data: image can be thousands of characters."""
    return url if len(url) <= limit else url[: limit - 1] + "…"


def file_name(url: str) -> str:
    """Return the name the file of an address should have in files/: "Bild 1.PNG" -> "bild-1.png"."""
    name = posixpath.basename(re.split(r"[?#]", url.replace("\\", "/"))[0])
    return renamed(name) if posixpath.splitext(name)[1] else "bild.png"


def markdown_image_example(url: str, alt: str) -> str:
    """Write the Markdown that shows an image kept in files/."""
    return f"![{alt.strip() or EXAMPLE_ALT}](files/{file_name(url)})"


def embed_example(src: str) -> str:
    """Write the Markdown link an embed should be: a YouTube player becomes a link to the film."""
    for pattern, address, label in VIDEO_RE:
        match = pattern.match(src.strip())
        if match:
            return f"[{label}]({address.format(match.group(1))})"
    if url_scheme(src) in ("http", "https") or (src and not url_scheme(src)):
        return f"[Beskriv vad länken leder till]({src.strip()})"
    return "[Se filmen](https://...)"


class RawHtml(HtmlReader):
    """Name what the cleaner will remove from a body's raw HTML, fragment by fragment.

    One reader follows the whole body, so a script opened in one fragment and closed in a
    later one is named once, as the cleaner sees it in the whole output.
    """

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.notes: list[Note] = []
        self.shift = 0  # body line of the reader's line 1 in the fragment being read
        self.hidden = ""  # an element removed with its content: nothing in it is named
        self.depth = 0
        self.form = 0  # how deep in a <form>: its fields are named with it, not one by one
        self.said: set[tuple[str, ...]] = set()

    def read(self, fragment: str, line: int) -> None:
        """Read one raw HTML fragment that starts on `line` of the body."""
        self.shift = line - self.getpos()[0]
        self.feed(fragment)

    def _line(self) -> int:
        return self.getpos()[0] + self.shift

    def _say(self, code: str, error: bool = False, below: int = 0, **blanks: str) -> None:
        """Note a removal, or an error, `below` lines under where the reader is."""
        line = self._line() + below
        key = (str(line), code, *blanks.values())
        if key not in self.said:  # one note for <a onclick> written twice on a line
            self.said.add(key)
            self.notes.append(note(line, "html", code, error, **blanks))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.hidden:
            if tag == self.hidden:
                self.depth += 1
            return
        values = {name: value or "" for name, value in attrs}
        if tag not in TAGS:
            self._removed(tag, values)
            if tag in DROPPED_WITH_CONTENT and tag not in self.CDATA_CONTENT_ELEMENTS:
                self.hidden, self.depth = tag, 1
            return
        for name, value in values.items():
            self._attribute(tag, name, value)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form" and self.form:
            self.form -= 1
        if self.hidden and tag == self.hidden:
            self.depth -= 1
            self.hidden = self.hidden if self.depth else ""

    def handle_data(self, data: str) -> None:
        if self.cdata_elem == "style" and not self.hidden:
            for match in CSS_URL_RE.finditer(data):
                self._url_elsewhere("style", match.group(2).strip(), data.count("\n", 0, match.start()))

    def _removed(self, tag: str, values: dict[str, str]) -> None:
        sources = [url for name in ("src", "srcset") for url in _addresses(name, values.get(name, ""))]
        if tag == "source" and any(other_host(url) for url in sources):
            for url in sources:  # a <picture>'s other sources load like its <img>: an error
                self._image_elsewhere(url)
        elif tag == "script":
            self._say("html.script")
        elif tag == "style":
            self._say("html.style_element")
        elif tag in EMBEDS:
            src = values.get("src") or values.get("data") or ""
            self._say("html.embed", tag=tag, example=embed_example(src))
        elif tag in FORMS:
            if not self.form:
                self._say("html.form", tag=tag)
            if tag == "form":
                self.form += 1
        elif tag == "svg":
            self._say("html.svg", tag=tag)
        else:
            self._say("html.element_empty" if tag in VOID else "html.element", tag=tag)

    def _attribute(self, tag: str, name: str, value: str) -> None:
        if name.startswith("on"):
            self._say("html.event", tag=tag, attr=name)
        elif name == "style":
            self._style(tag, value)
        elif tag == "img" and name in ("src", "srcset"):
            self._image_source(name, value)
        elif name not in ATTRIBUTES["*"] and name not in ATTRIBUTES.get(tag, ()):
            self._say("html.attribute", tag=tag, attr=name)
        elif name == "href" and url_scheme(value) and url_scheme(value) not in URL_SCHEMES:
            self._say("html.scheme", tag=tag, attr=name, url=shortened(value), scheme=url_scheme(value))

    def _image_source(self, name: str, value: str) -> None:
        urls = _addresses(name, value)
        if any(other_host(url) for url in urls):
            for url in urls:
                self._image_elsewhere(url)
        elif name == "srcset":
            self._say("html.attribute", tag="img", attr=name)
        elif url_scheme(value) and url_scheme(value) not in URL_SCHEMES:
            self._say("html.scheme", tag="img", attr=name, url=shortened(value), scheme=url_scheme(value))

    def _style(self, tag: str, value: str) -> None:
        elsewhere = [url for url in css_urls(value) if other_host(url)]
        for url in elsewhere:
            self._url_elsewhere(tag, url)
        properties = {part.split(":", 1)[0].strip().lower() for part in value.split(";") if part.strip()}
        allowed = "style" in ATTRIBUTES.get(tag, ()) and properties <= STYLE_PROPERTIES
        if not elsewhere and (not allowed or css_urls(value)):
            self._say("html.style_attr", tag=tag)

    def _image_elsewhere(self, url: str) -> None:
        host = other_host(url)
        if host:
            example = f'<img src="files/{file_name(url)}" alt="{EXAMPLE_ALT}">'
            self._say("image.other_host", True, src=shortened(url), host=host, example=example)

    def _url_elsewhere(self, tag: str, url: str, below: int = 0) -> None:
        host = other_host(url)
        if host:
            example = markdown_image_example(url, "")
            self._say("html.url_other_host", True, below, tag=tag, url=shortened(url), host=host,
                      example=example)


def _addresses(name: str, value: str) -> list[str]:
    """Return the addresses of a src (one) or a srcset ("a.png 1x, b.png 2x")."""
    if name != "srcset":
        return [value] if value.strip() else []
    return [part.split()[0] for part in value.split(",") if part.split()]


def css_urls(css: str) -> list[str]:
    """Return every address a piece of CSS names in url(...)."""
    return [match.group(2).strip() for match in CSS_URL_RE.finditer(css)]
