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

from rusgen.server.app import PreviewServer, serve
from rusgen.server.handler import inject
from rusgen.server.paths import BadPath, content_type, lookup, not_found_page, site_path
from rusgen.server.reload import changed_paths, digest
from rusgen.server.snapshot import Problem, Snapshot, SourceFile, Words

__all__ = [
    "BadPath", "PreviewServer", "Problem", "Snapshot", "SourceFile", "Words", "changed_paths",
    "content_type", "digest", "inject", "lookup", "not_found_page", "serve", "site_path",
]
