"""sitemap.xml and robots.txt per region.

The sitemap lists every HTML page of the region (not the redirects for aliases, nor
404.html) with absolute URLs from base_url, the page's language versions as
xhtml:link hreflang alternates (the same as in the page's <head>, x-default included),
and lastmod where the page has a date (`updated`, else a news item's date). robots.txt
names the sitemap by its absolute URL.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from xml.etree import ElementTree as ET

from rusgen.model import Output
from rusgen.outputs.region_view import RegionView, View

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"


def render(view: RegionView) -> Iterator[Output]:
    """Yield the region's sitemap.xml and robots.txt."""
    region = view.region
    versions = view.alternates()
    urlset = ET.Element("urlset", {"xmlns": SITEMAP_NS, "xmlns:xhtml": XHTML_NS})
    for page_view in view.views():
        url = ET.SubElement(urlset, "url")
        ET.SubElement(url, "loc").text = region.absolute_url(page_view.url)
        modified = _lastmod(page_view)
        if modified is not None:
            ET.SubElement(url, "lastmod").text = modified.isoformat()
        alternates = versions[page_view.translation_key]
        if len(alternates) > 1:
            # The same alternates as the page's <link rel="alternate"> tags, x-default too.
            default = alternates.get(region.default_language, page_view.url)
            for lang, alt_url in [*sorted(alternates.items()), ("x-default", default)]:
                ET.SubElement(url, "xhtml:link", {
                    "rel": "alternate", "hreflang": lang, "href": region.absolute_url(alt_url),
                })
    ET.indent(urlset)
    data = b'<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(urlset, encoding="utf-8") + b"\n"
    yield Output(f"{region.output_folder}/{SITEMAP}", data)
    robots = f"User-agent: *\nDisallow:\n\nSitemap: {region.absolute_url(SITEMAP)}\n"
    yield Output(f"{region.output_folder}/{ROBOTS}", robots.encode("utf-8"))


def _lastmod(page_view: View) -> date | None:
    page = page_view.page
    if page is None:
        return None
    if page.updated is not None:
        return page.updated.date()
    if page.news is not None:
        return page.news.date
    return None
