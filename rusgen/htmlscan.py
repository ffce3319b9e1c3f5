"""Read what a rendered HTML page links to and which ids it holds, with line numbers."""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass(frozen=True)
class HtmlRef:
    """One reference in a page: a link, an image or a stylesheet."""

    tag: str
    attr: str
    url: str
    line: int
    rel: str = ""
    hreflang: str = ""
    alt: str | None = None


@dataclass
class ScannedPage:
    """The ids and references of one HTML page."""

    ids: set[str] = field(default_factory=set)
    refs: list[HtmlRef] = field(default_factory=list)


_URL_ATTRS = {"a": "href", "link": "href", "img": "src", "script": "src", "source": "src"}


class HtmlReader(HTMLParser):
    """An HTMLParser that reads every input to its end, as a browser does."""

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        # "<![b](x)" made the standard library raise AssertionError; a browser reads any
        # <![ as a comment that ends at the next >.
        end = self.rawdata.find(">", i + 3)
        return -1 if end < 0 else end + 1


class _Scanner(HtmlReader):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.page = ScannedPage()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        for name in ("id", "name") if tag == "a" else ("id",):
            if values.get(name):
                self.page.ids.add(values[name])
        attr = _URL_ATTRS.get(tag)
        if attr is None or attr not in values:
            return
        self.page.refs.append(
            HtmlRef(
                tag=tag,
                attr=attr,
                url=values[attr].strip(),
                line=self.getpos()[0],
                rel=values.get("rel", ""),
                hreflang=values.get("hreflang", ""),
                alt=values.get("alt") if tag == "img" else None,
            )
        )

    handle_startendtag = handle_starttag


def scan_html(data: bytes) -> ScannedPage:
    """Parse a page and return its ids and references."""
    scanner = _Scanner()
    scanner.feed(data.decode("utf-8", errors="replace"))
    scanner.close()
    return scanner.page
