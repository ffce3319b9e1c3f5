"""Check links to other sites, politely: HEAD first, few at a time, remembered for a day."""

from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from rusgen import __version__

USER_AGENT = f"rusgen/{__version__} (link check; +https://rus.example.se/)"
TIMEOUT = 10.0
WORKERS = 4
CACHE_FILE = "external-links.json"
CACHE_SECONDS = 24 * 3600


@dataclass(frozen=True)
class LinkStatus:
    """What an outside address answered: an HTTP status, or why there was none."""

    url: str
    status: int  # 0 when no answer came
    reason: str = ""

    @property
    def ok(self) -> bool:
        return 200 <= self.status < 400


def fetch_status(url: str, timeout: float = TIMEOUT) -> LinkStatus:
    """Ask for one address with HEAD, then GET when the server refuses HEAD."""
    status = _request(url, "HEAD", timeout)
    if status.status in (405, 501):
        status = _request(url, "GET", timeout)
    return status


def _request(url: str, method: str, timeout: float) -> LinkStatus:
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return LinkStatus(url, response.status, response.reason or "")
    except urllib.error.HTTPError as exc:
        return LinkStatus(url, exc.code, str(exc.reason))
    except (urllib.error.URLError, TimeoutError, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", exc)
        return LinkStatus(url, 0, str(reason))


def check_urls(
    urls: Iterable[str],
    cache_dir: Path | None,
    fetch: Callable[[str], LinkStatus] = fetch_status,
    now: float | None = None,
) -> dict[str, LinkStatus]:
    """Return the status of each address; good answers are reused from the cache for a day."""
    now = time.time() if now is None else now
    cache = _read_cache(cache_dir)
    wanted = sorted(set(urls))
    fresh = {u: cache[u] for u in wanted if u in cache and now - cache[u]["checked"] < CACHE_SECONDS}
    results = {u: LinkStatus(u, entry["status"], entry.get("reason", "")) for u, entry in fresh.items()}
    todo = [u for u in wanted if u not in results]
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        for status in pool.map(fetch, todo):
            results[status.url] = status
            if status.ok:
                cache[status.url] = {"status": status.status, "reason": status.reason, "checked": now}
            else:
                cache.pop(status.url, None)  # a failure is asked again next time
    _write_cache(cache_dir, cache)
    return results


def _read_cache(cache_dir: Path | None) -> dict:
    if cache_dir is None or not (cache_dir / CACHE_FILE).is_file():
        return {}
    try:
        data = json.loads((cache_dir / CACHE_FILE).read_text("utf-8"))
    except (OSError, ValueError):
        return {}  # a damaged cache is only a slower check
    return data if isinstance(data, dict) else {}


def _write_cache(cache_dir: Path | None, cache: dict) -> None:
    if cache_dir is None:
        return
    cache_dir.mkdir(parents=True, exist_ok=True)
    tmp = cache_dir / f"{CACHE_FILE}.tmp"
    tmp.write_text(json.dumps(cache, indent=1, sort_keys=True), "utf-8")
    tmp.replace(cache_dir / CACHE_FILE)
