"""What `rusgen check` looks at beyond the build: the rendered pages and the Site.

Each check is a small function `check_x(ctx) -> Iterator[ContentError]` over one
CheckContext, which holds the Site, the rendered outputs, each HTML page parsed once,
and the way back from an output to the source file that made it.

Decisions a communicator meets:
- Broken links, anchors, images and documents, and missing language links, are errors:
  a reader hits them. Everything else is a warning: the site works, but could be better.
- An event with a time of day and no `end:` warns (it leaves "upcoming" the moment it
  starts, and calendars show it with no length). So does an event whose end is a date
  without a time more than a day after a timed start. An all-day event (a date alone)
  without an end is one day and is fine.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from urllib.parse import unquote, urlsplit

from rusgen.errors import ContentError
from rusgen.external import LinkStatus, check_urls, fetch_status
from rusgen.htmlscan import HtmlRef, ScannedPage, scan_html
from rusgen.model import Output, Page, Region, Site, output_path
from rusgen.text import format_size

DEFAULT_MAX_DOCUMENT_MB = 10.0
SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "sms:", "webcal:")
IMAGE_NAME = re.compile(r"^[^\s/]+\.(jpe?g|png|gif|svg|webp|tiff?|heic|bmp|avif)$", re.I)
CAMERA_NAME = re.compile(r"^(img|dsc|dscn|dscf|dcim|pxl|gopr|mvimg|bild|foto|image|photo)[-_ ]?\d+$", re.I)


@dataclass(frozen=True)
class Source:
    """The content file an output was rendered from."""

    region: Region
    page: Page

    @property
    def display(self) -> str:
        return f"content/{self.region.id}/{self.page.source}"


@dataclass
class CheckContext:
    """Everything the checks read, each piece computed once."""

    site: Site
    outputs: list[Output]
    root: Path
    output_dir: str = "public"
    max_document_mb: float = DEFAULT_MAX_DOCUMENT_MB
    cache_dir: Path | None = None  # where --external remembers good answers
    fetch: Callable[[str], LinkStatus] = fetch_status

    @cached_property
    def paths(self) -> set[str]:
        return {o.path for o in self.outputs}

    @cached_property
    def html(self) -> dict[str, ScannedPage]:
        return {o.path: scan_html(o.data) for o in self.outputs if o.path.endswith(".html") and o.data}

    @cached_property
    def sources(self) -> dict[str, Source]:
        """Map an output path to the page it shows (aliases excluded)."""
        return {
            f"{region.id}/{output_path(page.url)}": Source(region, page)
            for region in self.site.regions
            for page in region.pages
        }

    @cached_property
    def bases(self) -> list[tuple[str, str]]:
        """List (published address, output prefix), longest address first."""
        pairs = [(r.base_url, f"{r.id}/") for r in self.site.regions if r.base_url]
        # With --region the network index is not rendered; its address is then outside.
        if self.site.network.base_url and "index.html" in self.paths:
            pairs.append((self.site.network.base_url, ""))
        return sorted(pairs, key=lambda p: len(p[0]), reverse=True)

    def where(self, path: str) -> str:
        """Return how messages name an output file: below the output folder."""
        return f"{self.output_dir}/{path}"

    def internal_target(self, from_path: str, url: str) -> tuple[str, str] | None:
        """Return (output path, fragment) a URL leads to in this build, or None if outside."""
        if url.startswith(SKIPPED_SCHEMES):
            return None
        if url.startswith(("http://", "https://", "//")):
            for base, prefix in self.bases:
                if url.startswith(base):
                    return self._target(prefix + url[len(base):])
            return None
        if ":" in url.split("/")[0]:
            return None
        if url.startswith("#"):
            return from_path, unquote(url[1:])
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(from_path), url.split("#")[0]))
        fragment = url.partition("#")[2]
        keep_slash = url.split("#")[0].split("?")[0].endswith("/")
        return self._target(joined + ("/" if keep_slash else "") + ("#" + fragment if fragment else ""))

    def _target(self, rel: str) -> tuple[str, str]:
        parts = urlsplit(rel)
        path = unquote(parts.path).lstrip("/")
        if path in (".", ""):
            path = ""
        return output_path(path), unquote(parts.fragment)

    def exists(self, path: str) -> bool:
        """Say whether an output path is built, also as a folder without its slash."""
        return path in self.paths or f"{path}/index.html" in self.paths


Check = Callable[[CheckContext], Iterator[ContentError]]


def _error(path: str, line: int, field: str, message: str) -> ContentError:
    return ContentError(path, line, field, message)


def _warning(path: str, line: int, field: str, message: str) -> ContentError:
    return ContentError(path, line, field, message, warning=True)


# ------------------------------------------------------------------ links and anchors


def check_links(ctx: CheckContext) -> Iterator[ContentError]:
    """Report links, anchors, images and documents that lead nowhere in the built site."""
    from_theme: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for path, scanned in sorted(ctx.html.items()):
        for ref in scanned.refs:
            problem = _broken(ctx, path, ref)
            if problem is None:
                continue
            source = ctx.sources.get(path)
            fragment = ref.url.partition("#")[2]
            line = (source.page.body_line_holding(ref.url)
                    or source.page.body_line_holding(f"#{fragment}" if fragment else "")) if source else 0
            if source is not None and line:
                yield _error(source.display, line, "link", f"{problem[0]}; {problem[1]}")
            else:
                from_theme.setdefault((ref.url, problem[0]), []).append((path, ref.line))
    for (_, problem), places in sorted(from_theme.items()):
        path, line = places[0]
        also = f" (also on {len(places) - 1} more pages)" if len(places) > 1 else ""
        yield _error(
            ctx.where(path), line, "link",
            f"{problem}{also}; the link comes from the theme's templates, not from a page: "
            "ask whoever maintains the theme to correct it",
        )


def _broken(ctx: CheckContext, path: str, ref: HtmlRef) -> tuple[str, str] | None:
    """Return what is wrong with one reference and what to do, or None if it resolves."""
    if not ref.url:
        return None
    target = ctx.internal_target(path, ref.url)
    if target is None:
        return None
    target_path, fragment = target
    what = "image" if ref.tag == "img" else "link"
    if not ctx.exists(target_path):
        return (
            f'the {what} "{ref.url}" leads to a page or file that is not in the site',
            "link to a page by its file (kraftsamlingar/index.md) or to a file in files/",
        )
    if fragment and ref.tag == "a":
        page = ctx.html.get(target_path) or ctx.html.get(f"{target_path}/index.html")
        if page is not None and fragment not in page.ids and fragment != "top":
            return (
                f'the link "{ref.url}" points to a heading "#{fragment}" that is not on that page',
                "link to a heading that exists (its anchor is the heading in lower case with "
                "hyphens, like #smart-specialisering) or drop the #part",
            )
    return None


# ------------------------------------------------------------------------- orphans


def check_orphans(ctx: CheckContext) -> Iterator[ContentError]:
    """Name content pages that no menu, list or link leads to from the home page."""
    reached = _reachable(ctx)
    for path, source in sorted(ctx.sources.items()):
        if path in reached or path not in ctx.html:
            continue
        yield _warning(
            source.display, 1, "",
            "no menu, list or link leads to this page, so readers will not find it; "
            f"add it to menu: in content/{source.region.id}/region.yaml or link to it from "
            "another page",
        )


def _reachable(ctx: CheckContext) -> set[str]:
    """Follow links within each region from its home pages; return the outputs reached."""
    starts = [
        f"{r.id}/{output_path(lang + '/' if lang != r.default_language else '')}"
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
            found = target[0] if target[0] in ctx.html else f"{target[0]}/index.html"
            if found in ctx.html and found.startswith(region) and found not in seen:
                seen.add(found)
                todo.append(found)
    return seen


# -------------------------------------------------------------------- translations


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
    path = f"{source.region.id}/{output_path(source.page.url)}"
    scanned = ctx.html.get(path)
    if scanned is None:
        return
    for lang, other in sorted(group.items()):
        if lang == source.page.lang:
            continue
        target = f"{source.region.id}/{output_path(other.url)}"
        head = any(_leads_to(ctx, path, r, target) for r in scanned.refs
                   if r.tag == "link" and "alternate" in r.rel and r.hreflang == lang)
        visible = any(_leads_to(ctx, path, r, target) for r in scanned.refs if r.tag == "a")
        if not (head and visible):
            missing = "a <link rel=alternate hreflang>" if not head else "a visible link"
            yield _error(
                source.display, 1, "",
                f'the {lang} version (content/{source.region.id}/{other.source}) exists but this '
                f"page has no {missing} to it; the theme's base.html must list `alternates`",
            )


def _leads_to(ctx: CheckContext, path: str, ref: HtmlRef, target: str) -> bool:
    found = ctx.internal_target(path, ref.url)
    return found is not None and found[0] in (target, target.removesuffix("/index.html"))


# -------------------------------------------------------------------------- events


def check_registration(ctx: CheckContext) -> Iterator[ContentError]:
    """Warn about upcoming events whose registration deadline has passed."""
    for source in _pages(ctx):
        event = source.page.event
        if event is None or event.registration is None or event.registration.deadline is None:
            continue
        if event.status in ("full", "cancelled") or event.ends < ctx.site.build_time:
            continue
        today = ctx.site.build_time.astimezone(event.start.tzinfo).date()
        deadline = event.registration.deadline
        if deadline < today:
            yield _warning(
                source.display, source.page.field_lines.line_of("registration.deadline"),
                "registration.deadline",
                f"the registration deadline {deadline.isoformat()} has passed, but the event is "
                "still upcoming; move the deadline if registration is still open, or set "
                "status: full and a status_note saying registration has closed",
            )


def check_event_ends(ctx: CheckContext) -> Iterator[ContentError]:
    """Warn about timed events with no end, or an end without a time days later."""
    for source in _pages(ctx):
        event = source.page.event
        if event is None or event.all_day:
            continue
        if event.end is None:
            yield _warning(
                source.display, source.page.field_lines.line_of("start"), "end",
                "the event has a start time but no end; write end: like "
                f"{event.start:%Y-%m-%d} 16:00, so readers and calendars know how long it lasts",
            )
        elif (event.end.hour, event.end.minute) == (23, 59) and event.end.date() > event.start.date():
            yield _warning(
                source.display, source.page.field_lines.line_of("end"), "end",
                "the event starts at a time of day but ends on a later date without a time; "
                f"write the end time, like end: {event.end:%Y-%m-%d} 16:00",
            )


# Statuses that change what a calendar shows (STATUS, the time or the place), so calendars
# that already hold the event must see SEQUENCE rise, and rusgen counts it from `updated`.
CALENDAR_CHANGES = ("cancelled", "postponed", "moved-online")
# What the language versions of one event (one calendar UID) must agree on.
SHARED_EVENT_FIELDS = ("start", "end", "location", "status")


def check_calendar_updates(ctx: CheckContext) -> Iterator[ContentError]:
    """Warn where calendars would miss a change: no `updated`, one in the future, versions apart.

    rusgen keeps no state between builds, so SEQUENCE comes from `updated` alone (see
    outputs/calendar.py); these are the mistakes that can be seen without that state.
    """
    now = ctx.site.build_time
    for source in _pages(ctx):
        page, event = source.page, source.page.event
        if event is None:
            continue
        if event.status in CALENDAR_CHANGES and page.updated is None:
            yield _warning(
                source.display, page.field_lines.line_of("status"), "updated",
                f"the event is {event.status}, but has no updated:; calendars that already hold "
                "it take the change only when updated: moves forward: write the date and time of "
                f"the change, like updated: {now.astimezone(event.start.tzinfo):%Y-%m-%d %H:%M}",
            )
        if page.updated is not None and page.updated > now:
            yield _warning(
                source.display, page.field_lines.line_of("updated"), "updated",
                f"updated: {page.updated:%Y-%m-%d %H:%M} is later than now; calendars count "
                "changes from it, so a later correction back would be ignored: write the time "
                "of the last change",
            )
    yield from _event_versions_apart(ctx)


def _event_versions_apart(ctx: CheckContext) -> Iterator[ContentError]:
    """Warn where a translation of an event gives another time, place or status."""
    for region in ctx.site.regions:
        versions: dict[str, list[Page]] = {}
        for page in region.pages:
            if page.event is not None:
                versions.setdefault(page.translation_key, []).append(page)
        for group in versions.values():
            first, *others = sorted(group, key=lambda p: p.lang != region.default_language)
            for other in others:
                differ = [key for key in SHARED_EVENT_FIELDS
                          if getattr(first.event, key) != getattr(other.event, key)]
                if not differ:
                    continue
                source = Source(region, other)
                yield _warning(
                    source.display, other.field_lines.line_of(differ[0]), differ[0],
                    f"{', '.join(differ)} {'differs' if len(differ) == 1 else 'differ'} from "
                    f"content/{region.id}/{first.source}; both "
                    "are one event in readers' calendars: write the same in both",
                )


# ---------------------------------------------------------------- alt, summaries, sizes


def check_alt_texts(ctx: CheckContext) -> Iterator[ContentError]:
    """Warn about images whose alt text is a file name, not a description."""
    for path, source in sorted(ctx.sources.items()):
        scanned = ctx.html.get(path)
        for ref in scanned.refs if scanned else ():
            if ref.alt is None or not _is_file_name(ref.alt, ref.url):
                continue
            yield _warning(
                source.display, _line_holding(source.page, ref.alt), "alt",
                f'the alt text "{ref.alt}" is a file name, which screen readers read aloud; '
                'describe what the image shows, like alt: "Två personer vid ett bord", '
                'or write alt: "" if it is only decoration',
            )


def _is_file_name(alt: str, src: str) -> bool:
    text = alt.strip()
    if not text:
        return False
    name = posixpath.basename(urlsplit(src).path)
    stem = posixpath.splitext(name)[0]
    return bool(IMAGE_NAME.match(text) or CAMERA_NAME.match(text)) or text in (name, stem)


def check_summaries(ctx: CheckContext) -> Iterator[ContentError]:
    """Warn about pages without a summary."""
    for source in _pages(ctx):
        if not source.page.summary.strip():
            lines = source.page.field_lines
            yield _warning(
                source.display, lines.line_of("summary") or lines.line_of("title") or 1, "summary",
                "missing; write one or two sentences in summary: — lists, search engines and "
                "shared links show it",
            )


def check_document_sizes(ctx: CheckContext) -> Iterator[ContentError]:
    """Warn about documents and images larger than the limit."""
    limit = int(ctx.max_document_mb * 1_000_000)
    for region in ctx.site.regions:
        for file in region.files:
            if file.size > limit:
                yield _warning(
                    f"content/{region.id}/{file.url}", 0, "",
                    f"is {format_size(file.size, 'en')}, more than {ctx.max_document_mb:g} MB; "
                    "readers on mobile data pay for every download: make it smaller (save the PDF "
                    "for screen, or scale the image down) or split it",
                )


def check_external(ctx: CheckContext) -> Iterator[ContentError]:
    """Warn about links to other sites that do not answer or answer with an error."""
    places: dict[str, list[tuple[str, int]]] = {}
    for path, scanned in sorted(ctx.html.items()):
        for ref in scanned.refs:
            if ref.tag in ("a", "img") and ref.url.startswith(("http://", "https://")) and (
                ctx.internal_target(path, ref.url) is None
            ):
                places.setdefault(ref.url.split("#")[0], []).append((path, ref.line))
    results = check_urls(places, ctx.cache_dir, ctx.fetch)
    for url, status in sorted(results.items()):
        if status.ok:
            continue
        answer = f"answered {status.status} {status.reason}".strip() if status.status else (
            f"did not answer ({status.reason})"
        )
        message = (
            f"the outside address {url} {answer}; open it in a browser, then correct the "
            "link or remove it"
        )
        reported: set[str] = set()
        for path, line in places[url]:
            source = ctx.sources.get(path)
            where = source.display if source else ctx.where(path)
            if where in reported:
                continue
            reported.add(where)
            yield _warning(where, _line_holding(source.page, url) if source else line, "link", message)


def _line_holding(page: Page, text: str) -> int:
    """Return the line of the page's source that holds `text`: front matter first, then body."""
    return page.field_lines.line_holding(text) or page.body_line_holding(text)


def _pages(ctx: CheckContext) -> Iterator[Source]:
    for region in ctx.site.regions:
        for page in region.pages:
            yield Source(region, page)


CHECKS: tuple[Check, ...] = (
    check_links,
    check_orphans,
    check_translations,
    check_registration,
    check_event_ends,
    check_calendar_updates,
    check_alt_texts,
    check_summaries,
    check_document_sizes,
)


def run_checks(ctx: CheckContext, checks: tuple[Check, ...] = CHECKS) -> list[ContentError]:
    """Run every check and return its problems, sorted."""
    return sorted(problem for check in checks for problem in check(ctx))
