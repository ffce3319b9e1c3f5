"""What the editor's API refuses: requests from elsewhere, and paths outside content/.

The API writes the user's files, so it answers only the browser on this machine, and only
a page of this server: a web page elsewhere could otherwise send a simple cross-site POST
(its Origin would be its own), or rebind a name of its own to 127.0.0.1 (the Host would be
that name). Every path is resolved at its real place and must lie inside content/.
"""

from __future__ import annotations

import ipaddress
import os
import re
from collections.abc import Mapping
from urllib.parse import urlsplit

from rusgen.contentwalk import ODD
from rusgen.errors import RusgenError
from rusgen.raw import CONTENT_DIR

LOOPBACK_NAMES = ("localhost",)
DRIVE = re.compile(r"^[A-Za-z]:")


class Refused(RusgenError):
    """A request or path the API will not serve; said to the editor as its error."""

    def __init__(self, code: str, /, status: int = 403, **blanks: object) -> None:
        super().__init__(code, **blanks)
        self.status = status


def is_loopback_host(host: str) -> bool:
    """Tell whether a Host header names this machine: localhost, 127.x.x.x or [::1]."""
    name = urlsplit(f"//{host}").hostname or ""
    if name in LOOPBACK_NAMES or name.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return False


def is_loopback_client(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    mapped = getattr(ip, "ipv4_mapped", None)
    return (mapped or ip).is_loopback


def check_request(method: str, headers: Mapping[str, str], client: str, port: int) -> None:
    """Refuse a request that did not come from a page of this server on this machine."""
    url = f"http://localhost:{port}/admin/"  # where the messages send the user instead
    if not is_loopback_client(client):
        raise Refused("backend.not_loopback", client=client, url=url)
    host = headers.get("host", "")
    if not is_loopback_host(host):
        raise Refused("backend.bad_host", host=host, url=url)
    origin = headers.get("origin")
    if origin is not None and origin != f"http://{host}":
        raise Refused("backend.bad_origin", origin=origin, url=url)
    kind = headers.get("content-type", "").split(";")[0].strip().lower()
    if method == "POST" and kind != "application/json":
        raise Refused("backend.not_json", status=415)


def content_path(project: str, rel: object, exists: bool | None = None) -> str:
    """Return the real path of `rel` (relative to the project) if it lies inside content/.

    `exists`: True when the file must be there, False when it must not, None for either.
    Refuses `..`, absolute paths, drive letters, backslashes, control characters, hidden
    names and any link leading out of content/.
    """
    if not isinstance(rel, str) or not rel.strip("/"):
        raise Refused("backend.path_missing", status=422)
    shown = ODD.sub("\ufffd", rel)
    parts = rel.strip("/").split("/")
    if (
        rel.startswith("/") or DRIVE.match(rel) or "\\" in rel or ODD.search(rel)
        or any(part in ("", ".", "..") or part.startswith((".", "~")) for part in parts)
    ):
        raise Refused("backend.path_bad", path=shown)
    if parts[0] != CONTENT_DIR or len(parts) < 2:
        raise Refused("backend.path_outside", path=shown)
    top = os.path.realpath(os.path.join(project, CONTENT_DIR))
    real = os.path.realpath(os.path.join(project, *parts))
    if not real.startswith(top + os.sep):
        raise Refused("backend.path_outside", path=shown)
    if exists is True and not os.path.isfile(real):
        raise Refused("backend.path_not_found", status=404, path=shown)
    if exists is False and os.path.lexists(real):
        raise Refused("backend.path_taken", status=409, path=shown)
    return real
