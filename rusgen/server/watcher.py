"""The watcher: file events become debounced rebuilds on one thread."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Protocol

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer
from watchdog.observers.api import BaseObserver

from rusgen.server.snapshot import Log, Words

DEBOUNCE = 0.05  # seconds of quiet after the last file event before a rebuild
# A file closed after writing, or renamed into place (how editors save atomically), is
# complete: a shorter quiet then only gathers the other files of the same save.
DEBOUNCE_SAVED = 0.01
SAVED_EVENTS = ("closed", "moved")
EDITOR_DROPPINGS = (".swp", ".swx", ".tmp", "~", ".part")


class Server(Protocol):
    """What the rebuild thread asks of the server."""

    log: Log
    words: Words

    def refresh(self, changed: frozenset[str] = frozenset()) -> None: ...

    def render_step(self) -> float | None: ...


class _Watcher(FileSystemEventHandler):
    """Turn file events into a debounced rebuild request that names the changed files."""

    def __init__(self, poke: Callable[..., None], files: set[str]) -> None:
        self.poke = poke
        # Single files watched through their folder, e.g. rusgen.yaml, as absolute paths:
        # watchdog names a file below a folder given as "." "./rusgen.yaml", so the paths
        # are compared only after both sides are made absolute.
        self.files = {os.path.abspath(f) for f in files}

    def on_any_event(self, event: FileSystemEvent) -> None:
        if event.event_type in ("opened", "closed_no_write"):
            return
        if event.is_directory and event.event_type == "modified":
            return  # a folder's listing or times changed: its files' own events follow
        paths = [str(p) for p in (event.src_path, getattr(event, "dest_path", "") or "") if p]
        if any(self._relevant(p) for p in paths):
            self.poke([os.path.abspath(p) for p in paths], saved=event.event_type in SAVED_EVENTS)

    def _relevant(self, path: str) -> bool:
        name = Path(path).name
        if name.startswith((".", "#")) or name.endswith(EDITOR_DROPPINGS) or name == "4913":
            return False  # editors' swap and backup files (vim writes a probe called 4913)
        return not self.files or os.path.abspath(path) in self.files


class Rebuilder:
    """Run rebuilds on one thread, after file events have been quiet for DEBOUNCE.

    Between rebuilds the same thread renders the rest of the site, a piece at a time, so a
    new save never waits for more than one piece before its own rebuild starts.
    """

    def __init__(self, server: Server) -> None:
        self.server = server
        self._lock = threading.Lock()
        self._changed: set[str] = set()
        self._last: float | None = None  # time of the last file event not yet rebuilt
        self._debounce = DEBOUNCE  # the quiet that the last event calls for
        self._wake = threading.Event()
        self._stop = False
        self._thread = threading.Thread(target=self._run, name="rusgen-rebuild", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def poke(self, paths: Iterable[str] = (), saved: bool = False) -> None:
        """Note changed files; the rebuild follows once changes stop coming.

        `saved`: the event says a file is complete (closed after writing, renamed into place).
        """
        with self._lock:
            self._changed.update(paths)
            self._last = time.monotonic()
            self._debounce = DEBOUNCE_SAVED if saved else DEBOUNCE
        self._wake.set()

    def stop(self) -> None:
        self._stop = True
        self._wake.set()

    def _run(self) -> None:
        while not self._stop:
            try:
                quiet, debounce = self._quiet_for()
                if quiet is not None and quiet >= debounce:
                    self.server.refresh(self._take_changes())
                    continue
                pause = self.server.render_step()
                if pause == 0:
                    continue  # more of the site is rendered while the saves settle
            except Exception as exc:  # noqa: BLE001 - the preview must outlive any bug
                self.server.log(self.server.words.rebuild_bug.format(problem=repr(exc)))
                pause = None
            waits = [t for t in (pause, None if quiet is None else debounce - quiet) if t is not None]
            self._wake.wait(min(waits) if waits else None)
            self._wake.clear()  # a poke just before this is seen by _quiet_for next time

    def _quiet_for(self) -> tuple[float | None, float]:
        """Return the seconds since the last file event not yet rebuilt (or None), and the
        quiet it calls for."""
        with self._lock:
            return (None if self._last is None else time.monotonic() - self._last), self._debounce

    def _take_changes(self) -> frozenset[str]:
        with self._lock:
            changed, self._changed, self._last = frozenset(self._changed), set(), None
        return changed


def watch(rebuilder: Rebuilder, folders: Iterable[Path], files: Iterable[Path]) -> BaseObserver:
    """Start watching folders (recursively) and single files; return the observer."""
    observer = Observer()
    for folder in folders:
        if folder.is_dir():
            observer.schedule(_Watcher(rebuilder.poke, set()), str(folder), recursive=True)
    by_parent: dict[Path, set[str]] = {}
    for file in files:
        absolute = Path(os.path.abspath(file))
        by_parent.setdefault(absolute.parent, set()).add(str(absolute))
    for parent, names in by_parent.items():
        observer.schedule(_Watcher(rebuilder.poke, names), str(parent), recursive=False)
    observer.daemon = True
    observer.start()
    return observer
