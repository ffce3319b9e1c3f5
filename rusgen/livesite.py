"""The site the preview serves while a rebuild is still rendering it.

A rebuild first hands over what is cheap (documents, images, stylesheets) and a `Later`
that renders the rest a piece at a time. The server renders the pages open in a browser
first and reloads them at once; the preview's rebuild thread then renders the other pieces
while nothing else is asked of it. A request for a piece not yet rendered moves it to the
front of the queue and waits for it, so every answer is what a full build would give.

Like the server package, it knows nothing of rusgen: only this Later protocol.
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Mapping
from typing import Protocol

Files = Mapping[str, object]  # site path -> bytes, or a file on disk (server.SourceFile)


class Later(Protocol):
    """The part of a rebuild that is rendered after the open pages are on screen."""

    paths: frozenset[str]  # the outputs known before rendering them (the HTML pages)

    def render(self, path: str) -> Files:
        """Render the piece that holds `path`; raise BuildFailed."""

    def next(self) -> Files | None:
        """Render the next piece not yet rendered; None when all are; raise BuildFailed."""


class BuildFailed(Exception):
    """Rendering a piece found problems: the whole rebuild failed, as a full build would."""

    def __init__(self, problems: tuple) -> None:
        super().__init__(problems)
        self.problems = problems


class Replaced(Exception):
    """The site ended (replaced by a newer rebuild, or failed) before it had the answer."""


class LiveSite:
    """One rebuild's files: those rendered so far, and a queue of the rest.

    Request threads use `in` and `[]`, which wait while the answer is still to be
    rendered. Only the rebuild thread renders, through `step()`, one piece at a time.
    """

    def __init__(self, files: Files, later: Later | None = None) -> None:
        self._files: dict[str, object] = dict(files)
        self._later = later
        self._wanted: deque[str] = deque()
        self._changed = threading.Condition()
        self._rendering = later is not None
        self._ended = False

    @property
    def complete(self) -> bool:
        return not self._rendering and not self._ended

    def files(self) -> dict[str, object]:
        """Return every file; only for a complete site."""
        assert self.complete
        return self._files

    def known(self, path: str) -> bool:
        """Say, without waiting, whether the site has or will have `path` among its pages."""
        return path in self._files or (self._rendering and path in self._later.paths)  # type: ignore[union-attr]

    def ready(self, path: str) -> object | None:
        """Return a file if it is rendered already, without waiting."""
        return self._files.get(path)

    def __contains__(self, path: object) -> bool:
        return self._wait_for(str(path)) is not None

    def __getitem__(self, path: str) -> object:
        found = self._wait_for(path)
        if found is None:
            raise KeyError(path)
        return found

    def _wait_for(self, path: str) -> object | None:
        with self._changed:
            while True:
                if self._ended:
                    raise Replaced(path)
                if path in self._files or not self._rendering:
                    return self._files.get(path)
                if path in self._later.paths and path not in self._wanted:  # type: ignore[union-attr]
                    self._wanted.append(path)
                self._changed.wait()

    def render_first(self, paths: list[str]) -> None:
        """Render these pages now, before the rest (on the rebuild thread)."""
        for path in paths:
            if path not in self._files and self._rendering and path in self._later.paths:  # type: ignore[union-attr]
                self._add(self._later.render(path))  # type: ignore[union-attr]

    def step(self) -> bool:
        """Render one more piece, a waiting request's first; return False when all are done.

        Raises BuildFailed; the caller then ends this site with `end()`.
        """
        if not self._rendering:
            return False
        with self._changed:
            wanted = self._wanted.popleft() if self._wanted else None
        if wanted is not None:
            if wanted not in self._files:
                self._add(self._later.render(wanted))  # type: ignore[union-attr]
            return True
        piece = self._later.next()  # type: ignore[union-attr]
        if piece is None:
            with self._changed:
                self._rendering = False
                self._changed.notify_all()
            return False
        self._add(piece)
        return True

    def end(self) -> None:
        """Stop rendering: a newer rebuild replaces this site, or it failed."""
        with self._changed:
            self._ended = True
            self._rendering = False
            self._changed.notify_all()

    def _add(self, piece: Files) -> None:
        with self._changed:
            self._files.update(piece)
            self._changed.notify_all()
