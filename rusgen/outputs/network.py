"""The network index: a landing page with every region, linking to their own sites."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from rusgen.memo import Memo
from rusgen.model import Output, Page, Region, Site
from rusgen.outputs import brand, calendar, feeds
from rusgen.outputs.html import _render, asset_urls
from rusgen.outputs.region_view import NEWS
from rusgen.render import Translator, load_theme, make_environment
from rusgen.text import collation_key


@dataclass(frozen=True)
class RegionCard:
    """What the index says of one region: its mark, its words, its next event."""

    region: Region
    mark: str  # absolute address of its logo or initials mark
    summary: str  # its home page's summary
    next_event: Page | None
    has_news: bool
    has_events: bool


def region_card(region: Region, site: Site) -> RegionCard:
    """Describe a region for the index, in its default language (whose URLs have no prefix)."""
    own = [p for p in region.pages if p.lang == region.default_language]
    home = next((p for p in own if p.url == ""), None)
    upcoming = sorted(
        (p for p in own if p.event is not None and p.event.ends >= site.build_time),
        key=lambda p: (p.event.start, p.source),  # type: ignore[union-attr]
    )
    return RegionCard(
        region=region,
        mark=region.absolute_url(brand.icons(region).header),
        summary=home.summary if home else "",
        next_event=upcoming[0] if upcoming else None,
        has_news=any(p.news is not None for p in own),
        has_events=any(p.event is not None for p in own),
    )


def render(
    site: Site, root: Path, cache: Memo | None = None, hashed: bool = True
) -> Iterator[Output]:
    """Yield index.html of the network and the assets it uses."""
    theme = load_theme(root, site.network.theme)
    env = make_environment(theme)
    lang = site.network.language
    assets = asset_urls(theme.static_files(), hashed)
    regions = sorted(site.regions, key=lambda r: collation_key(r.name))
    context = {
        "network": site.network,
        "site": site,
        "regions": regions,
        "cards": [region_card(region, site) for region in regions],
        "lang": lang,
        "t": Translator(theme.strings(lang, cache), lang, theme.name),
        "asset": lambda path: assets[path],
        "site_link": lambda url: site.link_from(None, "", url),
        # The regions' feeds in their default language (which has no URL prefix).
        "feeds": {"news": feeds.feed_url("", NEWS), "calendar": calendar.feed_url("")},
    }
    yield Output("index.html", _render(env, "network.html", context).encode("utf-8"))
    for rel, path in theme.static_files().items():
        yield Output(assets[rel], source=str(path))
