"""The documents of each region checked against DOS-lagen, between validation and render.

Every PDF and Office file a region publishes is read once (docfacts.py) and what fails is
set on its Region (`document_checks`), so the accessibility statement lists it, `rusgen
check` names it, and a page's cache key (which hashes the Site) changes with it. The
answers are kept by each file's hash in the build's cache (cache.DocumentStore).
"""

from __future__ import annotations

import hashlib
import posixpath
from dataclasses import replace
from pathlib import Path

from rusgen.cache import DocumentStore
from rusgen.docfacts import CHECKED_KINDS, document_failures
from rusgen.model import DocumentCheck, Region, Site, StaticFile


def check_documents(site: Site, store: DocumentStore) -> Site:
    """Return the Site with each region's failing documents noted."""
    regions = tuple(
        replace(region, document_checks=_region_checks(region, store)) for region in site.regions
    )
    return replace(site, regions=regions)


def _region_checks(region: Region, store: DocumentStore) -> tuple[DocumentCheck, ...]:
    checks = []
    for file in sorted(region.files, key=lambda f: f.url):
        kind = posixpath.splitext(file.url)[1].lstrip(".").lower()
        if kind not in CHECKED_KINDS:
            continue
        failures = _failures(file, kind, store)
        if failures:
            checks.append(DocumentCheck(url=file.url, failures=failures))
    return tuple(checks)


def _failures(file: StaticFile, kind: str, store: DocumentStore) -> tuple[str, ...]:
    path = Path(file.source)
    try:
        # The preview checks again on every save: a file it has hashed, unchanged since
        # (same size and time), is not read again unless its answer is not known.
        info = path.stat()
        seen = (file.source, info.st_size, info.st_mtime_ns)
        key = store.hashed.get(seen)
        found = store.get(key) if key is not None else None
        if found is not None:
            return found
        data = path.read_bytes()
    except OSError:
        return ("unreadable",)  # the writer will say why it cannot copy it either
    key = store.hashed[seen] = hashlib.sha256(kind.encode() + b"\0" + data).hexdigest()
    found = store.get(key)
    if found is None:
        found = document_failures(kind, data)
        store.put(key, found)
    return found
