"""Routes the caller adds beside the site: a path prefix answered by a function of its own.

The server knows nothing of what a route does (the editor's API, its /admin/ files); it
hands the function the request as plain values and sends back what it returns.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

MAX_BODY = 64 * 1024 * 1024  # bytes a route's request may carry: an uploaded photo or PDF


@dataclass(frozen=True)
class Request:
    """One request to a route, as plain values."""

    method: str
    path: str  # the URL's path, still percent-encoded
    query: str
    headers: Mapping[str, str]  # names in lower case
    body: bytes
    client: str  # the address the connection came from
    server_port: int


@dataclass(frozen=True)
class Response:
    status: int
    content_type: str
    body: bytes


Route = Callable[[Request], Response]
Routes = Mapping[str, Route]  # by path prefix, e.g. "/api/"


def route_for(path: str, routes: Routes) -> Route | None:
    """Return the route whose prefix starts `path` (the longest), or None."""
    prefixes = [prefix for prefix in routes if path.startswith(prefix)]
    return routes[max(prefixes, key=len)] if prefixes else None
