"""The reload state: the site requests are answered from, and what each open tab is told.

A rebuild renders the pages open in a browser first (livesite.py) and reloads only the tabs
whose page changed; the rest of the site is rendered afterwards, a piece at a time.
"""

from __future__ import annotations

import hashlib
import threading
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field

from rusgen.livesite import BuildFailed, LiveSite
from rusgen.server.channel import Broadcaster, Tab
from rusgen.server.paths import lookup, not_found_page
from rusgen.server.snapshot import Log, Problem, Rebuild, SourceFile, Words

# The rest of the site waits while reloaded tabs fetch and show their page: rendering it
# would compete with them for the processor (and for the interpreter's lock). It waits
# until each such tab has its page and REST_DELAY more, at most RELOAD_GRACE in all.
RELOAD_GRACE = 1.5
REST_DELAY = 0.3


def changed_paths(old: Mapping[str, object] | None, new: Mapping[str, object]) -> set[str]:
    """Return the paths whose content differs between two snapshots."""
    if old is None:
        return set(new)
    changed = {p for p in new.keys() ^ old.keys()}
    changed.update(p for p, data in new.items() if p in old and old[p] != data)
    return changed


def digest(data: bytes) -> str:
    """Return a short fingerprint of a page, to tell whether an open tab shows it as it is now."""
    return hashlib.blake2b(data, digest_size=8).hexdigest()


def stylesheets_digest(files: Mapping[str, object]) -> str:
    """Return a fingerprint of every stylesheet of a site, to tell a tab whose styles are old."""
    hashed = hashlib.blake2b(digest_size=8)
    for path in sorted(p for p in files if p.endswith(".css")):
        data = files[path]
        hashed.update(path.encode() + b"\0")
        hashed.update(data if isinstance(data, bytes) else repr(data).encode())
    return hashed.hexdigest()


@dataclass(frozen=True)
class State:
    site: LiveSite  # what requests are answered from
    sources: Mapping[str, object]  # its files copied from disk, to see which stylesheets changed
    problems: tuple[Problem, ...] = ()  # why the last rebuild failed: the overlay
    started: float = 0.0  # when its rebuild started (perf_counter)
    # Served pages carry it; a tab that connects with another one missed a stylesheet change.
    styles: str = field(default="", compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "styles", stylesheets_digest(self.sources))


class Reloads:
    """The reload state of the preview server, which mixes it into its HTTP server."""

    def __init__(self, rebuild: Rebuild, log: Log, words: Words) -> None:
        self.rebuild_site = rebuild
        self.log = log
        self.words = words
        self.server_id = uuid.uuid4().hex
        self.events = Broadcaster()
        self._swapped = threading.Condition()
        self.good = LiveSite({})  # the last complete, successful rebuild
        self.state = State(self.good, {})
        self._good_sources: Mapping[str, object] = {}  # the files ready at once of the good site
        self._returning: set[str] = set()  # digests of the pages reloading tabs will show
        self._hold_until = 0.0

    def refresh(self, changed: frozenset[str] = frozenset()) -> None:
        """Rebuild; render the open pages first and reload those that changed.

        The rest of the site is rendered afterwards by `render_step`, until a newer change
        replaces this rebuild.
        """
        started = time.perf_counter()
        snapshot = self.rebuild_site(changed)
        for warning in snapshot.warnings:
            self.log(self.words.warning.format(text=warning))
        if snapshot.files is None:
            self._fail(snapshot.problems)
            return
        site = LiveSite(snapshot.files, snapshot.later)
        tabs = self.events.tabs()
        try:
            site.render_first([key for key in (_known_key(t.page, site) for t in tabs) if key])
        except BuildFailed as failure:
            self._fail(failure.problems)
            return
        old = self._swap(State(site, snapshot.files, (), started))
        # Pages are compared tab by tab (digests); what else changed is what tabs load.
        changed_files = {p for p in changed_paths(old.sources, snapshot.files) if not p.endswith(".html")}
        self._returning = set()
        for tab in tabs:
            self._tell(tab, site, changed_files, old.problems, wait=False, styles=self.state.styles)
        self._hold_until = time.monotonic() + RELOAD_GRACE if self._returning else 0.0
        if site.complete:
            self._completed()

    def render_step(self) -> float | None:
        """Render one more piece of the current rebuild.

        Return 0 when it did, the seconds to wait while reloaded tabs fetch their pages, or
        None when nothing is left.
        """
        if time.monotonic() < self._hold_until:
            return min(0.02, self._hold_until - time.monotonic())
        state = self.state
        try:
            if state.site.step():
                return 0.0
        except BuildFailed as failure:
            self._fail(failure.problems)
            return None
        if state.site.complete and state.site is not self.good:
            self._completed()
        return None

    def tab_opened(self, tab: Tab) -> None:
        """Note a tab's new event stream: a reloaded tab has its page."""
        if tab.digest in self._returning:
            self._returning.discard(tab.digest)
            if not self._returning:
                self._hold_until = min(self._hold_until, time.monotonic() + REST_DELAY)

    def wait_for_new_state(self, old: State, timeout: float = 5.0) -> None:
        """Wait until a rebuild replaces `old` (a request that met a replaced site retries)."""
        with self._swapped:
            self._swapped.wait_for(lambda: self.state is not old, timeout)

    def _swap(self, state: State) -> State:
        """Serve from `state` from now on; end the site it replaces unless that is the good one."""
        with self._swapped:
            old, self.state = self.state, state
            self._swapped.notify_all()
        if old.site is not self.good and old.site is not state.site:
            old.site.end()
        return old

    def _completed(self) -> None:
        state = self.state
        previous, self.good, self._good_sources = self.good, state.site, state.sources
        changed = changed_paths(previous.files() if previous.complete else None, state.site.files())
        elapsed = (time.perf_counter() - state.started) * 1000
        self.log(self.words.built(round(elapsed), len(changed)))
        for tab in self.events.tabs():  # pages that were not rendered first, such as a 404
            self._tell(tab, state.site, set(), (), wait=True, only_reload=True)

    def _tell(
        self, tab: Tab, site: LiveSite, changed: set[str], had_problems: tuple[Problem, ...],
        wait: bool, only_reload: bool = False, styles: str = "",
    ) -> None:
        """Send one tab what it needs: a reload, new stylesheets, or the overlay hidden."""
        now = page_digest(tab.page, site) if wait else ready_page_digest(tab.page, site)
        if now is not None and self.events.reload_if_changed(tab, now):
            self._returning.add(now)
            return
        if only_reload:
            return
        if any(not p.endswith(".css") for p in changed):
            self.events.send("reload", {"full": True}, to=[tab])  # an image or script it may show
        elif changed:
            self.events.send("css", {"paths": sorted(changed), "styles": styles, "ok": True}, to=[tab])
        elif had_problems:
            self.events.send("ok", {}, to=[tab])

    def _fail(self, problems: tuple[Problem, ...]) -> None:
        """Say what stopped the rebuild, root causes first, and show it in every open tab."""
        for problem in problems:
            self.log(self.words.error.format(text=problem.text))
            if problem.note:
                self.log(f"  {problem.note}")
        self.log(self.words.failed(len(problems), sum(p.followers for p in problems)))
        self._swap(State(self.good, self._good_sources, problems))
        self.events.send("problems", [problem_json(p) for p in problems])


def ready_page_digest(page: str, site: LiveSite) -> str | None:
    """Return the digest of what a tab at `page` sees; None if that is not rendered yet."""
    key = _known_key(page, site)
    data = site.ready(key) if key else None
    return digest(data) if isinstance(data, bytes) else None


def page_digest(page: str, site: LiveSite) -> str:
    """Return the digest of what a tab at `page` sees, rendering it if need be."""
    key, redirect = lookup(page, site)
    if redirect:
        return "redirect " + redirect
    if key is None:
        key = not_found_page(page, site)
        return digest(read(site[key]) if key else PLAIN_404)
    return digest(read(site[key]))


def _known_key(page: str, site: LiveSite) -> str | None:
    """Return the HTML page a tab shows if the site knows it already, without waiting."""
    key = page + "index.html" if page == "" or page.endswith("/") else page
    return key if key.endswith(".html") and site.known(key) else None


def read(value: object) -> bytes:
    return value.path.read_bytes() if isinstance(value, SourceFile) else value  # type: ignore[return-value]


def problem_json(problem: Problem) -> dict[str, object]:
    return {"file": problem.file, "line": problem.line, "message": problem.message,
            "note": problem.note}


PLAIN_404 = (
    b'<!DOCTYPE html>\n<html lang="sv"><head><meta charset="utf-8"><title>Sidan finns inte</title>'
    b"</head><body><main><h1>Sidan finns inte (404)</h1><p>No page at this address. "
    b'<a href="/">Till startsidan</a></p></main></body></html>\n'
)
