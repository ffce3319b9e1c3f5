"""Routes the caller adds beside the site: a path prefix answered by a function of its own.

The server knows nothing of what a route does (the editor's API, its /admin/ files); it
hands the function the request as plain values and sends back what it returns.
A request whose body is larger than MAX_BODY is refused before any route sees it.
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
    # A route that changed files names them here (absolute paths): the site is rebuilt at
    # once, as if the watcher had seen them, and also where the watcher sees nothing.
    changed: Callable[[list[str]], None] = lambda paths: None


@dataclass(frozen=True)
class Response:
    status: int
    content_type: str
    body: bytes
    location: str = ""  # a redirect's target (status 301)


# None: the address is not the route's own after all, and the site answers it.
Route = Callable[[Request], "Response | None"]
Routes = Mapping[str, Route]  # by path prefix, e.g. "/api/"


def route_for(path: str, routes: Routes) -> Route | None:
    """Return the route whose prefix starts `path` (the longest), or None."""
    prefixes = [prefix for prefix in routes if path.startswith(prefix)]
    return routes[max(prefixes, key=len)] if prefixes else None
