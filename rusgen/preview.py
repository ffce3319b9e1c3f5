"""Glue between the build and the preview server: a rebuild that never raises.

The server imports nothing of rusgen; this module turns a build into the server's
Snapshot (copied files now, pages later), and every failure into Problems it can show in
the browser.
"""

from __future__ import annotations

import re
import threading
import time
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from rusgen.build import BuildOptions, checked_site
from rusgen.cache import CACHE_DIR, DocumentStore
from rusgen.errors import ContentError, ContentErrors, Problems, RusgenError
from rusgen.livesite import BuildFailed
from rusgen.loader import FILE_KEY, configured_language
from rusgen.messages import say
from rusgen.model import Output, Site
from rusgen.raw import CONFIG_FILE, CONTENT_DIR, THEMES_DIR
from rusgen.render import PACKAGED_THEMES
from rusgen.report import Entry, arrange, folded
from rusgen.server import Problem, Snapshot, SourceFile, Words
from rusgen.site_pieces import MarkdownCaches, SitePieces, UsedCache, check_links, used_copy

# "themes/default/templates/page.html:12: template error: ..." -> file, line, message
_WHERE = re.compile(r"(?P<file>[^\s:][^:\n]*):(?P<line>\d+): (?P<message>.*)", re.DOTALL)


@dataclass(frozen=True)
class BuildReport:
    """What one rebuild said, for the editor: every message by file, and each page's address."""

    started: float = 0.0  # time.monotonic() when the rebuild began
    problems: tuple[ContentError, ...] = ()  # errors and warnings
    # "content/vg/x.md" -> "/vg/x/": of this rebuild, or of the last good one if it failed
    pages: Mapping[str, str] = field(default_factory=dict)

    def about(self, path: str) -> tuple[ContentError, ...]:
        """Return the problems of a file, those it causes elsewhere (a link to it that broke) and
        those of no file (a theme's error stops every page)."""
        return tuple(p for p in self.problems if path in (p.path, p.about) or not p.path)


class SiteRebuilder:
    """Load and check the site on each save, and hand the server its pieces to render.

    Between runs it keeps what each file gave (only the saved files are read and checked
    again), compiled templates and rendered Markdown.
    """

    def __init__(self, options: BuildOptions) -> None:
        self.options = options
        self.cache = UsedCache()
        self.markdown = MarkdownCaches()
        self.warnings: tuple[str, ...] = ()  # of the last rebuild that loaded
        self._warnings: tuple[ContentError, ...] = ()
        self._pages: dict[str, str] = {}  # of the last rebuild that loaded
        root = options.source.resolve()
        # Documents are served from disk: only from here, so a symlink out is never followed.
        # The loader follows a link that stays in the project (loader.py), and so does this.
        # So are rusgen's own themes, which a project uses with no copy of its own.
        self.roots = (root, PACKAGED_THEMES)
        self.lang = configured_language(options.source)  # of messages
        # Each document is read once while the preview runs (and not at all if the last
        # build read it); the preview writes nothing, to the cache neither.
        self.documents = DocumentStore(options.source / CACHE_DIR)
        self.report = BuildReport()  # of the last rebuild
        self._reported = threading.Condition()

    def __call__(self, changed: frozenset[str] = frozenset()) -> Snapshot:
        """Return the copied files and the pages to render, or the problems that stopped it."""
        self._forget(changed)
        self.lang = configured_language(self.options.source)  # rusgen.yaml may have changed
        self.cache.start_run()
        self.markdown.start_run()
        started = time.monotonic()
        try:
            pieces = self._load()
        except Exception as exc:  # noqa: BLE001 - a bug in rusgen must not stop the preview
            problems = problems_of(exc, self.lang)
            self._note(BuildReport(started, _said(exc, problems), pages=self._pages))
            return Snapshot(files=None, problems=problems)
        self._note(BuildReport(started, self._warnings, self._pages))
        files, skipped = self._files(pieces.ready)
        later = _Guarded(pieces, done=self._forget_unused, lang=self.lang)
        return Snapshot(files=files, warnings=self.warnings + skipped, later=later)

    def _load(self) -> SitePieces:
        """The build's stages before rendering (a renamed page shows at once what the build
        will say), every link checked from the rendered Markdown the preview keeps."""
        problems = Problems(self.lang)
        site = checked_site(
            self.options, problems, self.cache, self.documents,
            lambda site, problems: check_links(site, self.markdown, problems), validated=self.cache,
        )
        self._warnings = tuple(problems.warnings)
        self.warnings = tuple(str(w) for w in problems.warnings)
        self._pages = _addresses(site)
        return SitePieces(site, self.options.source, self.cache, self.markdown)

    def _note(self, report: BuildReport) -> None:
        with self._reported:
            self.report = report
            self._reported.notify_all()

    def caches(self) -> tuple[UsedCache, MarkdownCaches]:
        """Return copies of what the rebuilds keep (parsed files, validated pages, rendered
        Markdown), for the editor's drafts: a draft then costs about what a save costs."""
        return used_copy(self.cache), self.markdown.copy()

    def report_after(self, moment: float, timeout: float) -> BuildReport:
        """Return the report of a rebuild begun after `moment` (a save), waiting for it at most
        `timeout` seconds; the latest one if none came."""
        with self._reported:
            self._reported.wait_for(lambda: self.report.started > moment, timeout)
            return self.report

    def _forget_unused(self) -> None:
        """After a complete, good build: what it did not use is stale."""
        self.cache.forget_unused()
        self.markdown.forget_unused()

    def _forget(self, changed: frozenset[str]) -> None:
        """Drop what the watcher's files gave, even if their size and time look unchanged."""
        if changed:
            for key in [k for k in self.cache if k[0] == FILE_KEY and k[1] in changed]:
                del self.cache[key]

    def watched(self) -> tuple[list[Path], list[Path]]:
        """Return the folders and single files whose changes call for a rebuild."""
        root = self.options.source
        # rusgen's own themes too: a designer editing the default theme in a checkout of
        # rusgen sees the edit as a project's own theme would be seen.
        return [root / CONTENT_DIR, root / THEMES_DIR, PACKAGED_THEMES], [root / CONFIG_FILE]

    def _files(self, outputs: list[Output]) -> tuple[dict[str, bytes | SourceFile], tuple[str, ...]]:
        files: dict[str, bytes | SourceFile] = {}
        skipped: list[str] = []
        for output in outputs:
            if not output.source:
                files[output.path] = output.data
                continue
            real = Path(output.source).resolve()
            if not any(real.is_relative_to(top) for top in self.roots):
                skipped.append(f"{output.source}: leads outside the project; the preview leaves it out")
                continue
            stat = real.stat()
            files[output.path] = SourceFile(real, (stat.st_mtime_ns, stat.st_size))
        return files, tuple(skipped)


class _Guarded:
    """SitePieces whose failures become the server's BuildFailed; the cache is pruned at the end."""

    def __init__(self, pieces: SitePieces, done: Callable[[], None], lang: str) -> None:
        self.lang = lang
        self.pieces = pieces
        self.done = done
        self.paths = pieces.paths

    def render(self, path: str) -> dict[str, bytes]:
        try:
            return self.pieces.render(path)
        except Exception as exc:  # noqa: BLE001 - a bug in rusgen must not stop the preview
            raise BuildFailed(problems_of(exc, self.lang)) from None

    def next(self) -> dict[str, bytes] | None:
        try:
            piece = self.pieces.next()
        except Exception as exc:  # noqa: BLE001
            raise BuildFailed(problems_of(exc, self.lang)) from None
        if piece is None:
            self.done()
        return piece


def _said(exc: Exception, problems: tuple[Problem, ...]) -> tuple[ContentError, ...]:
    """Return a failed rebuild's problems for the editor: its content errors and warnings, or
    what stopped it as a problem of no file."""
    if isinstance(exc, ContentErrors):
        return tuple(exc.errors) + tuple(exc.warnings)
    return tuple(ContentError("", 0, "", problem.text) for problem in problems)


def _addresses(site: Site) -> dict[str, str]:
    """Return each page's address in the preview by its source path ("content/vg/x.md")."""
    return {
        f"{CONTENT_DIR}/{region.id}/{page.source}": f"/{region.output_folder}/{page.url}"
        for region in site.regions for page in region.pages
    }


def problems_of(exc: Exception, lang: str) -> tuple[Problem, ...]:
    """Turn what stopped a build into problems for the overlay and the terminal."""
    if isinstance(exc, ContentErrors):
        entries = arrange(exc.errors, exc.unreadable)  # root causes first, at the overlay's top
        return tuple(_from_content_error(e, exc.lang) for e in entries)
    if isinstance(exc, RusgenError):
        return (_from_message(exc.text(lang)),)
    frame = traceback.extract_tb(exc.__traceback__)[-1]
    where = f"{frame.filename}:{frame.lineno}"
    return (_from_message(say("preview.bug", lang, where=where, problem=repr(exc))),)


def _from_content_error(entry: Entry, lang: str) -> Problem:
    error = entry.problem
    message = f"{error.field}: {error.message}" if error.field else error.message
    note = folded(entry.followers, lang) if entry.followers else ""
    followers = sum(1 for p in entry.followers if not p.warning)
    return Problem(error.path, error.line, message, str(error), note, followers)


def preview_words(lang: str) -> Words:
    """Return what the preview server says, in `lang`."""
    from rusgen.report import count, errors_and_followers

    return Words(
        error=say("cli.level.error", lang) + ": {text}",
        warning=say("cli.level.warning", lang) + ": {text}",
        failed=lambda errors, followers: say(
            "preview.failed", lang, errors=errors_and_followers(lang, errors, followers)
        ),
        built=lambda ms, files: say("preview.built", lang, ms=ms, files=count(lang, "file", files)),
        request_failed=say("preview.request_failed", lang, problem="{problem}"),
        rebuild_bug=say("preview.rebuild_bug", lang, problem="{problem}"),
        overlay=(say("preview.title", lang), say("preview.note", lang), say("preview.close", lang)),
    )


def _from_message(text: str) -> Problem:
    match = _WHERE.fullmatch(text)
    if match is None:
        return Problem(file="", line=0, message=text, text=text)
    return Problem(match["file"], int(match["line"]), match["message"], text)
