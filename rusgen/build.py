"""The pipeline: load, validate, render, write. `check` is the same without the write."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from rusgen.errors import ContentError, Problems, RusgenError
from rusgen.loader import load_project
from rusgen.markdown import make_markdown
from rusgen.model import Output, Site
from rusgen.outputs import calendar, feeds, files, html, network, search, sitemap
from rusgen.render import load_theme, make_environment
from rusgen.schema import build_site
from rusgen.writer import WriteReport, check_output_folder, write_outputs


@dataclass(frozen=True)
class BuildOptions:
    source: Path = Path(".")
    output: Path | None = None  # None: rusgen.yaml's `output`, relative to the source
    drafts: bool = False
    regions: tuple[str, ...] = ()
    base_url: str = ""  # --base-url: replaces the one region's base_url, for staging copies
    # The live preview: stable asset names (so a stylesheet edit is swapped in place, not
    # reloaded) and no search index (Pagefind costs seconds a rebuild).
    preview: bool = False


@dataclass
class BuildResult:
    site: Site
    outputs: list[Output]
    warnings: list[ContentError] = field(default_factory=list)
    report: WriteReport | None = None


def build_time() -> datetime:
    """Return the build's clock: SOURCE_DATE_EPOCH when set, so builds are reproducible."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), UTC)
        except ValueError:
            raise RusgenError(
                f"SOURCE_DATE_EPOCH={epoch!r}: expected seconds since 1970, like 1700000000"
            ) from None
    return datetime.now(UTC).replace(microsecond=0)


def render_site(options: BuildOptions, cache: dict | None = None) -> BuildResult:
    """Run load, validate and render; raise ContentErrors listing every problem."""
    problems = Problems()
    cache = {} if cache is None else cache
    raw = load_project(options.source, problems, options.regions, cache)
    site = build_site(raw, problems, build_time(), options.drafts)
    if problems.errors:
        # Report broken Markdown links in the same run as the field errors.
        html.check_markdown_links(site, make_markdown(), problems)
    problems.raise_if_errors()
    site = with_base_url(site, options)
    outputs = render_outputs(
        site, options.source, problems, cache, bool(options.regions), options.preview
    )
    problems.raise_if_errors()
    return BuildResult(site=site, outputs=outputs, warnings=problems.warnings)


def with_base_url(site: Site, options: BuildOptions) -> Site:
    """Publish the one region built at --base-url instead of its region.yaml base_url.

    Only valid with exactly one --region: two sites cannot share one address, and a
    staging copy is usually one region at a time.
    """
    if not options.base_url:
        return site
    if len(options.regions) != 1:
        raise RusgenError(
            "--base-url needs exactly one --region, e.g. "
            "rusgen build --region vastra-gotaland --base-url https://staging.example.se/vg/"
        )
    url = options.base_url
    if not re.match(r"^https?://[^/\s]+", url):
        raise RusgenError(f"--base-url: expected an absolute address like https://staging.example.se/vg/, "
                          f"got {url!r}")
    url = url if url.endswith("/") else url + "/"
    regions = tuple(replace(r, base_url=url) if r.id == options.regions[0] else r for r in site.regions)
    return replace(site, regions=regions)


def render_outputs(
    site: Site,
    root: Path,
    problems: Problems,
    cache: dict,
    only_some: bool = False,
    preview: bool = False,
) -> list[Output]:
    """Render every output of the site, region by region, then the network index.

    A build of only some regions (--region) leaves the network index alone: it would list
    only those regions.
    """
    md = make_markdown()
    outputs: list[Output] = []
    for region in site.regions:
        theme = load_theme(root, region.theme)
        env = make_environment(theme, cache)
        strings = {lang: theme.strings(lang, cache) for lang in region.languages}
        assets = html.asset_urls(theme.static_files(), hashed=not preview)
        renderer = html.RegionRenderer(site, region, env, md, strings, assets, cache)
        pages = list(renderer.render(problems))
        outputs.extend(pages)
        outputs.extend(files.region_files(region, theme, assets))
        outputs.extend(calendar.render(renderer.view, strings))
        outputs.extend(feeds.render(renderer.view, strings))
        outputs.extend(sitemap.render(renderer.view))
        if not preview:
            outputs.extend(search.render(region, pages))
    if not only_some:
        outputs.extend(network.render(site, root, cache, hashed=not preview))
    return outputs


def output_folder(site: Site, options: BuildOptions) -> Path:
    return options.output or options.source / site.network.output


def build(options: BuildOptions, cache: dict | None = None) -> BuildResult:
    """Build the sites: render everything first, write only when nothing failed."""
    result = render_site(options, cache)
    output = output_folder(result.site, options)
    check_output_folder(output, options.source)
    prune = tuple(f"{r}/" for r in options.regions) if options.regions else ("",)
    result.report = write_outputs(result.outputs, output, prune_below=prune)
    return result


def check(options: BuildOptions) -> BuildResult:
    """Do everything build does except writing."""
    return render_site(options)
