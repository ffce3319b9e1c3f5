"""Checks of where the built pages lead: broken links and anchors, orphans, language links."""

from __future__ import annotations

from collections.abc import Iterator

from rusgen.checks.context import CheckContext, Source
from rusgen.errors import ContentError
from rusgen.htmlscan import HtmlRef
from rusgen.model import Page
from rusgen.urls import output_path


def check_links(ctx: CheckContext) -> Iterator[ContentError]:
    """Report links, anchors, images and documents that lead nowhere in the built site."""
    from_theme: dict[tuple[str, str], list[tuple[str, int]]] = {}
    link = ctx.text("part.link")
    for path, scanned in sorted(ctx.html.items()):
        for ref in scanned.refs:
            problem = _broken(ctx, path, ref)
            if problem is None:
                continue
            source = ctx.sources.get(path)
            fragment = ref.url.partition("#")[2]
            line = (source.page.body_line_holding(ref.url)
                    or source.page.body_line_holding(f"#{fragment}" if fragment else "")) if source else 0
            code, what, advice = problem
            if source is not None and line:
                yield ContentError(source.display, line, link, f"{what}; {advice}", code=code)
            else:
                from_theme.setdefault((ref.url, what), []).append((path, ref.line))
    for (_, what), places in sorted(from_theme.items()):
        path, line = places[0]
        also = ctx.text("check.also_on", count=len(places) - 1) if len(places) > 1 else ""
        yield ctx.error(ctx.where(path), line, link, "check.from_theme", problem=what, also=also)


def _broken(ctx: CheckContext, path: str, ref: HtmlRef) -> tuple[str, str, str] | None:
    """Return (code, what is wrong, what to do) of one reference, or None if it resolves."""
    if not ref.url:
        return None
    target = ctx.internal_target(path, ref.url)
    if target is None:
        return None
    target_path, fragment = target
    if not ctx.exists(target_path):
        code = "check.no_image" if ref.tag == "img" else "check.no_page"
        return code, ctx.text(code, url=ref.url), ctx.text("link.advice")
    if fragment and ref.tag == "a":
        page = ctx.html.get(target_path) or ctx.html.get(f"{target_path}/index.html")
        if page is not None and fragment not in page.ids and fragment != "top":
            return ("check.no_heading", ctx.text("check.no_heading", url=ref.url, fragment=fragment),
                    ctx.text("check.heading_advice"))
    return None


def check_orphans(ctx: CheckContext) -> Iterator[ContentError]:
    """Name content pages that no menu, list or link leads to from the home page."""
    reached = _reachable(ctx)
    for path, source in sorted(ctx.sources.items()):
        if path in reached or path not in ctx.html:
            continue
        yield ctx.warning(source.display, 1, "", "check.orphan", folder=f"content/{source.region.id}")


def _reachable(ctx: CheckContext) -> set[str]:
    """Follow links within each region from its home pages; return the outputs reached."""
    starts = [
        f"{r.output_folder}/{output_path(lang + '/' if lang != r.default_language else '')}"
        for r in ctx.site.regions
        for lang in r.languages
    ]
    seen = {p for p in starts if p in ctx.html}
    todo = list(seen)
    while todo:
        path = todo.pop()
        region = path.split("/")[0] + "/"
        for ref in ctx.html[path].refs:
            if ref.tag != "a":
                continue
            target = ctx.internal_target(path, ref.url)
            if target is None:
                continue
            found = target.path if target.path in ctx.html else f"{target.path}/index.html"
            if found in ctx.html and found.startswith(region) and found not in seen:
                seen.add(found)
                todo.append(found)
    return seen


def check_translations(ctx: CheckContext) -> Iterator[ContentError]:
    """Require each language version of a page to link its other versions (hreflang)."""
    for region in ctx.site.regions:
        versions: dict[str, dict[str, Page]] = {}
        for page in region.pages:
            versions.setdefault(page.translation_key, {})[page.lang] = page
        for group in versions.values():
            for page in group.values():
                yield from _missing_alternates(ctx, Source(region, page), group)


def _missing_alternates(
    ctx: CheckContext, source: Source, group: dict[str, Page]
) -> Iterator[ContentError]:
    path = f"{source.region.output_folder}/{output_path(source.page.url)}"
    scanned = ctx.html.get(path)
    if scanned is None:
        return
    for lang, other in sorted(group.items()):
        if lang == source.page.lang:
            continue
        target = f"{source.region.output_folder}/{output_path(other.url)}"
        head = any(_leads_to(ctx, path, r, target) for r in scanned.refs
                   if r.tag == "link" and "alternate" in r.rel and r.hreflang == lang)
        visible = any(_leads_to(ctx, path, r, target) for r in scanned.refs if r.tag == "a")
        if not (head and visible):
            missing = ctx.text("check.head_link" if not head else "check.visible_link")
            yield ctx.error(source.display, 1, "", "check.no_alternate", lang=lang,
                            other=f"content/{source.region.id}/{other.source}", missing=missing)


def _leads_to(ctx: CheckContext, path: str, ref: HtmlRef, target: str) -> bool:
    found = ctx.internal_target(path, ref.url)
    return found is not None and found.path in (target, target.removesuffix("/index.html"))
