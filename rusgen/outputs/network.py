"""The network index: one page listing every region, with links to their own sites."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from rusgen.model import Output, Site
from rusgen.outputs import calendar, feeds
from rusgen.outputs.html import _render, asset_urls
from rusgen.outputs.region_view import NEWS
from rusgen.render import Translator, load_theme, make_environment
from rusgen.text import collation_key


def render(
    site: Site, root: Path, cache: dict | None = None, hashed: bool = True
) -> Iterator[Output]:
    """Yield index.html of the network and the assets it uses."""
    theme = load_theme(root, site.network.theme)
    env = make_environment(theme, cache)
    lang = site.network.language
    assets = asset_urls(theme.static_files(), hashed)
    regions = sorted(site.regions, key=lambda r: collation_key(r.name))
    context = {
        "network": site.network,
        "site": site,
        "regions": regions,
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
