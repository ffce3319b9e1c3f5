"""The pipeline: load, validate, render, write. `check` is the same without the write.

The options and the clock a build runs with are in buildsettings.py.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from contextlib import nullcontext
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from rusgen.buildlock import build_lock
from rusgen.buildsettings import (
    INPUTS,
    BuildOptions,
    build_settings,
    build_time,
    current_until,
    site_clock,
    still_current,
)
from rusgen.cache import DocumentStore, OutputStore, input_fingerprint
from rusgen.collisions import refuse_collisions
from rusgen.documents import check_documents
from rusgen.errors import Problems, RusgenError
from rusgen.ledger import update_ledgers
from rusgen.loader import configured_language, load_project
from rusgen.memo import Memo
from rusgen.model import Output, Region, Site
from rusgen.outputs import search
from rusgen.progress import SILENT, Progress
from rusgen.results import Built, Rendered, Replayed, replayed
from rusgen.schema import build_site
from rusgen.shards import regions_of_shard
from rusgen.slow_outputs import pending_indexes, start_search_index
from rusgen.store import CACHE_DIR, remove_old_layout
from rusgen.stores import Stores
from rusgen.swap import remove_leftovers, scratch
from rusgen.writer import check_output_folder, write_outputs

if TYPE_CHECKING:
    from rusgen.outputs.page_cache import LastPages
    from rusgen.outputs.region_view import RegionView

# The renderers (Jinja, markdown-it, icalendar and the output modules) are imported where
# they are used, in render_site and render_outputs: a build whose output is still current
# needs none of them, and importing them is half of such a build's time.


def load_site(
    options: BuildOptions, problems: Problems, cache: Memo | None = None, progress: Progress = SILENT,
    unsaved: Mapping[str, str] | None = None, validated: Memo | None = None,
) -> Site:
    """Load and validate: the Site as of the build's clock (or --as-of); errors go to
    `problems`. What `rusgen schedule` and `rusgen redirects` need, without rendering.

    `unsaved`: texts by path ("content/vg/x.md") read instead of the files on disk (the
    editor's draft); `validated`: the preview's memory of validated pages.
    """
    progress("load")
    raw = load_project(options.source, problems, options.regions, {} if cache is None else cache, unsaved)
    problems.note_unreadable()  # what the files that could not be read cause comes after them
    progress("validate")
    return build_site(raw, problems, site_clock(options, raw), options.drafts, validated)


def checked_site(
    options: BuildOptions, problems: Problems, cache: Memo, documents: DocumentStore,
    check_links: Callable[[Site, Problems], None], progress: Progress = SILENT,
    unsaved: Mapping[str, str] | None = None, validated: Memo | None = None,
) -> Site:
    """The stages before rendering: load, validate, the address ledgers, the Markdown links
    (`check_links`), then --base-url and the documents; raise ContentErrors listing every
    problem. The build, the preview and the editor's draft all start here."""
    from rusgen.outputs.addresses import check_ledgers

    site = load_site(options, problems, cache, progress, unsaved, validated)
    # Before rendering, so a dropped address is said with the other content errors.
    check_ledgers(site, problems)
    check_links(site, problems)
    problems.raise_if_errors()
    return check_documents(with_base_url(site, options), documents)


def valid_site(options: BuildOptions) -> Site:
    """Return the loaded, validated Site; raise ContentErrors listing every problem."""
    problems = Problems(configured_language(options.source))
    site = load_site(options, problems)
    problems.raise_if_errors()
    return with_base_url(site, options)


def render_site(
    options: BuildOptions, cache: Memo | None = None, stores: Stores | None = None,
    progress: Progress = SILENT, indexes: search.PendingIndexes | None = None,
    unsaved: Mapping[str, str] | None = None,
) -> Rendered:
    """Run load, validate and render; raise ContentErrors listing every problem.

    `cache` lives in memory (the preview keeps one between rebuilds); `stores` are the
    persistent caches in .rusgen-cache/, used by `build`; `progress` hears of each stage.
    `indexes`: the build's Pagefind runs, whose folders hold the pages until written.
    `unsaved`: texts by path read instead of the files on disk (load_site).
    """
    problems = Problems(configured_language(options.source))
    documents = stores.documents if stores is not None else DocumentStore(options.source / CACHE_DIR)
    # The preview keeps `cache` between rebuilds, the files it read included. A build
    # needs nothing it read once the Site is made: that memory is freed before rendering.
    site = checked_site(
        options, problems, {} if cache is None else cache, documents, links_if_failing, progress, unsaved
    )
    cache = {} if cache is None else cache
    if indexes is not None:
        indexes.scratch = pagefind_scratch(output_folder(site, options))
    if stores is None:
        documents.save()  # `check` reads each document once too
    published: dict[str, frozenset[str]] = {}
    outputs = render_outputs(
        site, options.source, problems, cache, bool(options.regions), options.preview, stores,
        regions_of_shard(site.regions, options.shard) if options.shard else site.regions, progress,
        published, options.search_index, indexes,
        last_pages(site, options, stores) if stores is not None else None,
    )
    problems.raise_if_errors()
    return Rendered(site=site, outputs=outputs, warnings=problems.warnings, published=published)


def links_if_failing(site: Site, problems: Problems) -> None:
    """Report broken Markdown links in the same run as the field errors; with none, the
    rendering reports them."""
    if problems.errors:
        from rusgen.markdown import make_markdown
        from rusgen.outputs import page_bodies

        page_bodies.check_markdown_links(site, make_markdown(), problems)


def pagefind_scratch(output: Path) -> tuple[Path, str] | None:
    """Where Pagefind reads a region's pages from: beside the output, on its file system (a
    disk-backed /tmp cost seconds a region to write and remove: performance.md).

    The output's parent is made here when missing (`--output deploy/site` on a fresh
    machine); where it cannot be, the system's temporary folder, and the writer says what
    is wrong with the output folder.
    """
    place = scratch(output)
    try:
        place[0].mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return place


def with_base_url(site: Site, options: BuildOptions) -> Site:
    """Publish the one region built at --base-url instead of its region.yaml base_url.

    Only valid with exactly one --region: two sites cannot share one address, and a
    staging copy is usually one region at a time.
    """
    if not options.base_url:
        return site
    if len(options.regions) != 1:
        raise RusgenError("cli.base_url_one_region")
    url = options.base_url
    if not re.match(r"^https?://[^/\s]+", url):
        raise RusgenError("cli.base_url_format", got=url)
    url = url if url.endswith("/") else url + "/"
    regions = tuple(replace(r, base_url=url) if r.id == options.regions[0] else r for r in site.regions)
    return replace(site, regions=regions)


def render_outputs(
    site: Site,
    root: Path,
    problems: Problems,
    cache: Memo,
    only_some: bool = False,
    preview: bool = False,
    stores: Stores | None = None,
    regions: tuple[Region, ...] | None = None,
    progress: Progress = SILENT,
    published: dict[str, frozenset[str]] | None = None,
    search_index: bool = True,
    indexes: search.PendingIndexes | None = None,
    last: LastPages | None = None,
) -> list[Output]:
    """Render every output of the site (or of `regions`, a shard's), region by region,
    then the network index.

    A region's search index is started when its pages are rendered and collected after
    the last region, so Pagefind works while the next regions render. A build of only
    some regions (--region) leaves the network index alone: it would list only those.
    `published`, when given, gets by region what a real build publishes (for its ledger).
    Neither the preview nor `search_index=False` (`check`) makes search indexes.
    `indexes`: a build's Pagefind runs, left running for it to collect and clean up;
    `last`: the last build's pages, to read back those whose key is the same.
    """
    # Here, not at the top: the editor's pages pull in the preview server's modules
    # (http.server, watchdog), which a build that replays its output never needs.
    from rusgen.editor.admin import editor_outputs
    from rusgen.markdown import make_markdown
    from rusgen.outputs import (
        addresses,
        feeds,
        files,
        html,
        images,
        network,
        open_data,
        redirects,
        sitemap,
    )

    md = make_markdown()
    # In output order: lists ready now, and the search indexes' collect functions.
    parts: list[list[Output] | Callable[[], list[Output]]] = []
    # A build keeps Pagefind's folders until it has written the pages from them; a check
    # has nothing to write.
    own_indexes = indexes is None
    indexes = pending_indexes() if indexes is None else indexes
    with indexes if own_indexes else nullcontext():
        for region in site.regions if regions is None else regions:
            progress("pages", region.output_folder)
            # The preview shows the photos as they are: resizing costs a second each. A check
            # reads the copies the last build kept, and keeps none itself.
            image_store = stores.images if stores else OutputStore(root / CACHE_DIR, "images")
            pictures, picture_files = ({}, []) if preview else images.prepare(
                region, image_store, problems)
            renderer, theme = html.region_renderer(
                site, region, root, md, cache, cache, hashed=not preview, images=pictures,
                store=stores.markdown if stores else None,
                # The preview runs beside a server's threads, which a fork must not copy.
                parallel=not preview,
                last_pages=last if not preview else None,
                preview=preview,
            )
            if published is not None:
                published[region.id] = addresses.published_now(region, site.build_time)
            pages = list(renderer.render(problems))
            if renderer.pages is not None:
                renderer.pages.keep()
            collect_index = None
            if search_index and not preview:
                collect_index, pagefind = start_search_index(
                    region, pages, stores.search if stores else None, indexes)
                if pagefind is not None and not own_indexes:
                    pages = pagefind.spilled(pages)  # not all regions' pages in memory at once
            progress("extras", region.output_folder)
            parts.append([
                *pages,
                *files.region_files(region, theme, renderer.assets),
                *picture_files,
                *calendars(renderer.view, renderer.strings, stores.calendars if stores else None),
                *feeds.render(renderer.view, renderer.strings),
                *open_data.render(renderer.view),
                *sitemap.render(renderer.view),
                *redirects.render(renderer.view),
                *([] if preview else editor_outputs(site, region, root)),
            ])
            if collect_index is not None:
                parts.append(collect_index)
        if not only_some:
            progress("network")
            parts.append(list(network.render(site, root, cache, hashed=not preview)))
        if any(callable(part) for part in parts):
            progress("search")
        return [output for part in parts for output in (part() if callable(part) else part)]


def calendars(
    view: RegionView, strings: Mapping[str, dict[str, str]], kept: OutputStore | None
) -> list[Output]:
    """Return the region's calendars: from the store when made from the same input."""
    from rusgen.outputs import calendar

    if kept is None:
        return list(calendar.render(view, strings))
    input_key = calendar.input_key(view, strings)
    found = kept.get(view.region.id, input_key)
    if found is None:
        found = list(calendar.render(view, strings))
        kept.put(view.region.id, input_key, found)
    return found


def last_pages(site: Site, options: BuildOptions, stores: Stores) -> LastPages:
    """Return what this build needs to reuse the pages the last one wrote, unchanged."""
    from rusgen.outputs.page_cache import LastPages, site_digest

    return LastPages(stores.store, output_folder(site, options), site_digest(site))


def output_folder(site: Site, options: BuildOptions) -> Path:
    return options.output or options.source / site.network.output


def build(
    options: BuildOptions, cache: Memo | None = None, progress: Progress = SILENT
) -> Built | Replayed:
    """Build the sites, one build of a project at a time (they share the store and output)."""
    with build_lock(options.source / CACHE_DIR):
        remove_old_layout(options.source / CACHE_DIR)
        try:
            return _build(options, cache, progress)
        finally:
            progress.done()


def _build(options: BuildOptions, cache: Memo | None, progress: Progress) -> Built | Replayed:
    """Render everything first, write only when nothing failed.

    When every input and setting is as at the last build and its output is intact, the
    output is already what this build would write: nothing is rendered or read again.
    """
    stores = Stores.open(options.source)
    fingerprint = input_fingerprint(options.source, INPUTS, build_settings(options))
    summary = stores.record.replay(fingerprint, options.output)
    if summary is not None and not options.as_of and still_current(summary, build_time()):
        return replayed(summary, stores.record.files)
    if options.regions or options.shard:
        stores.keep_every_region()
    # Pagefind's folders hold pages until the write has read them from there.
    with pending_indexes() as indexes:
        rendered = render_site(options, cache, stores, progress, indexes)
        site = rendered.site
        output = output_folder(site, options)
        check_output_folder(output, options.source)
        refuse_collisions(rendered.outputs, options.source)
        progress("write")
        remove_leftovers(output)
        # A build of some regions replaces their folders and keeps the rest of the output.
        built = tuple(f"{r.output_folder}/" for r in site.regions) if options.regions else ()
        report = write_outputs(
            rendered.outputs, output, prune_below=built or ("",), known=stores.record.files
        )
        stores.store.save()  # reads the search indexes' files from Pagefind's folders
    summary = {
        "regions": len(regions_of_shard(site.regions, options.shard) if options.shard else site.regions),
        "pages": sum(1 for o in rendered.outputs if o.path.endswith(".html")),
        "output": str(output),
        "warnings": [[w.path, w.line, w.field, w.message, w.code] for w in rendered.warnings],
        "current_until": current_until(site),
    }
    if not options.as_of and update_ledgers(
        options.source, rendered.published, {r.id: r.published for r in site.regions},
        configured_language(options.source),
    ):
        # The ledger is an input too: the next build with nothing else changed does nothing.
        fingerprint = input_fingerprint(options.source, INPUTS, build_settings(options))
    stores.record.note(fingerprint, output, summary, report.files)
    stores.store.save()
    stores.store.collect_garbage()
    return Built(rendered, report, summary)


def check(options: BuildOptions) -> Rendered:
    """Do everything build does except writing, and except the search index, which no check
    reads (Pagefind takes seconds a region)."""
    return render_site(replace(options, search_index=False))


# Importable from here, where the CLI, the preview and the editor have always found them.
__all__ = [
    "BuildOptions", "build", "build_time", "check", "render_site", "site_clock", "valid_site",
    "with_base_url",
]
