"""The preview server: serves a site held in memory and reloads open pages when it changes.

It knows nothing of rusgen: it gets a `rebuild` callable that returns a Snapshot (the
files ready at once and the pages still to render, or the problems that stopped the
build) and a list of folders and files to watch. Its modules, one concern each:

- paths: which file of the site a request names; nothing outside the site is reachable
- snapshot: what the caller hands over (files, problems, words)
- channel: the event streams to open tabs
- reload: the site requests are answered from, and what each tab is told after a rebuild
- handler: one request, a file or an event stream
- watcher: file events, debounced into rebuilds on one thread
- app: the HTTP server that joins them, and `serve`
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rusgen.server.app import PreviewServer, serve
    from rusgen.server.handler import inject
    from rusgen.server.paths import BadPath, content_type, lookup, not_found_page, site_path
    from rusgen.server.reload import changed_paths, digest
    from rusgen.server.snapshot import Problem, Snapshot, SourceFile, Words

# Each name is imported from its module when first asked for: a build imports `routes` for
# the editor's pages, and must not pay for http.server and watchdog (0.1-0.2 s) with it.
_HOME = {
    "PreviewServer": "app", "serve": "app", "inject": "handler", "BadPath": "paths",
    "content_type": "paths", "lookup": "paths", "not_found_page": "paths", "site_path": "paths",
    "changed_paths": "reload", "digest": "reload", "Problem": "snapshot", "Snapshot": "snapshot",
    "SourceFile": "snapshot", "Words": "snapshot",
}


def __getattr__(name: str) -> object:
    if name not in _HOME:
        raise AttributeError(f"module 'rusgen.server' has no attribute {name!r}")
    return getattr(importlib.import_module(f"rusgen.server.{_HOME[name]}"), name)


__all__ = [
    "BadPath", "PreviewServer", "Problem", "Snapshot", "SourceFile", "Words", "changed_paths",
    "content_type", "digest", "inject", "lookup", "not_found_page", "serve", "site_path",
]
