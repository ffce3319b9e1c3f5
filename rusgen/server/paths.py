"""Request paths: which file of the site a request names, and what kind of file it is.

A request reaches only paths that are keys of the site, whatever `..`, encoding or symlink
it tries.
"""

from __future__ import annotations

import mimetypes
import posixpath
from collections.abc import Container
from urllib.parse import unquote, urlsplit

PREFIX = "/__rusgen/"
EVENTS_PATH = PREFIX + "events"
TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".json": "application/json",
    ".xml": "application/xml; charset=utf-8",
    ".atom": "application/atom+xml; charset=utf-8",
    ".ics": "text/calendar; charset=utf-8",
    ".jsonld": "application/ld+json",  # the open data catalogue, data/dcat.jsonld
    ".csv": "text/csv; charset=utf-8",
    ".txt": "text/plain; charset=utf-8",
    ".svg": "image/svg+xml",
    ".webmanifest": "application/manifest+json",
    ".pf_meta": "application/octet-stream",
    ".pf_index": "application/octet-stream",
    ".pf_fragment": "application/octet-stream",
    ".wasm": "application/wasm",
}


class BadPath(ValueError):
    """A request path that tries to leave the site."""


def site_path(raw: str) -> str:
    """Turn a request target into a site path without a leading slash; raise BadPath.

    Decoded once, as a browser encodes; a `%` that still decodes to something is a second
    encoding, which no link of the site makes, so it is refused with the rest.
    """
    # An origin-form target is split by hand: urlsplit would read "//etc/x" as a host.
    path = raw.split("?", 1)[0].split("#", 1)[0] if raw.startswith("/") else urlsplit(raw).path
    if not path.startswith("/"):
        raise BadPath(raw)
    decoded = unquote(path, errors="strict")
    if unquote(decoded) != decoded or "\\" in decoded or "\x00" in decoded:
        raise BadPath(raw)
    parts = decoded.split("/")[1:]
    if any(part in (".", "..") for part in parts):
        raise BadPath(raw)
    if any(part == "" for part in parts[:-1]):  # `//` would hide an absolute path
        raise BadPath(raw)
    return "/".join(parts)


def lookup(path: str, files: Container[str]) -> tuple[str | None, str | None]:
    """Find a site path in the files: (key to serve, None) or (None, URL to redirect to)."""
    if path == "" or path.endswith("/"):
        index = path + "index.html"
        return (index, None) if index in files else (None, None)
    if path in files:
        return path, None
    if path + "/index.html" in files:
        return None, "/" + path + "/"
    return None, None


def not_found_page(path: str, files: Container[str]) -> str | None:
    """Return the 404 page of the region the path is in (the nearest folder above it
    that has one: a region's folder may be deeper than one level), or the network's."""
    folders = path.split("/")[:-1]
    for depth in range(len(folders), -1, -1):
        candidate = "/".join([*folders[:depth], "404.html"])
        if candidate in files:
            return candidate
    return None


def content_type(path: str) -> str:
    """Return the Content-Type of a site path."""
    suffix = posixpath.splitext(path)[1].lower()
    if suffix in TYPES:
        return TYPES[suffix]
    guessed = mimetypes.guess_type(path)[0] or "application/octet-stream"
    return f"{guessed}; charset=utf-8" if guessed.startswith("text/") else guessed
