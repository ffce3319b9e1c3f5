"""The channel to open tabs: server-sent events, one queue a tab."""

from __future__ import annotations

import json
import queue
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field


@dataclass(eq=False)
class Tab:
    """An open page's event stream: which page it shows, and as which version."""

    page: str  # site path, as in the address bar
    digest: str  # of the page as the tab loaded it
    messages: queue.Queue[str] = field(default_factory=queue.Queue)


class Broadcaster:
    """Hand server-sent events to open pages."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._tabs: set[Tab] = set()

    def subscribe(self, page: str, seen: str) -> Tab:
        """Register an open page; it receives the events sent from now on."""
        tab = Tab(page, seen)
        with self._lock:
            self._tabs.add(tab)
        return tab

    def unsubscribe(self, tab: Tab) -> None:
        with self._lock:
            self._tabs.discard(tab)

    def tabs(self) -> list[Tab]:
        with self._lock:
            return list(self._tabs)

    def reload_if_changed(self, tab: Tab, now: str) -> bool:
        """Send `reload` if the tab shows another version than `now`; at most once a version."""
        with self._lock:
            stale = tab.digest != now
            tab.digest = now  # the reloaded page will be this version
        if stale:
            self.send("reload", {"digest": now}, to=[tab])
        return stale

    def send(self, event: str, data: object, to: Iterable[Tab] | None = None) -> None:
        """Send one event to some pages, or to every page."""
        message = f"event: {event}\ndata: {json.dumps(data, ensure_ascii=False)}\n\n"
        for tab in self.tabs() if to is None else to:
            tab.messages.put(message)

    def close(self) -> None:
        """Tell every stream to end, so the server can stop."""
        for tab in self.tabs():
            tab.messages.put("")
