"""What a build keeps between runs, each kind a view on the one store (store.py).

- `MarkdownStore`: a page body's HTML by a key of the page's region, source, address,
  language and text. A body's HTML also depends on what its links resolved to (other
  pages' addresses, file sizes in labels), so the entry keeps every question it asked
  and its answer ("read"); the build reuses it only when asking again gives the same.
- `OutputStore`: a region's files of one kind (its search index, a photo's sizes), by a
  key of everything they are made from.
- `DocumentStore`: what the checks found in each document, by the hash of its bytes.
- `BuildRecord`: the last build's fingerprint of every input, its summary, and the size,
  time and hash of every file written, so a build with nothing changed need not render
  or read anything.

The pages' keys are kept by outputs/page_cache.py in the same store.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from rusgen.model import Output
from rusgen.store import CACHE_DIR, Kept, Store, code_version, key
from rusgen.writer import MARKER, FileRecord, is_unchanged

__all__ = ["CACHE_DIR", "BuildRecord", "DocumentStore", "MarkdownStore", "OutputStore", "code_version"]


def _store(where: Store | Path) -> Store:
    """A kind opened on its own (the preview's documents, a check's photos) gets a store."""
    return where if isinstance(where, Store) else Store(where)


class MarkdownStore:
    """Rendered page bodies, each with the link answers it depends on."""

    KIND = "markdown"

    def __init__(self, where: Store | Path) -> None:
        self.store = _store(where)
        # Entries read from the store, by key: handed back unchanged, they are kept as they are.
        self.found: dict[str, dict[str, Any]] = {}

    @staticmethod
    def key(region: str, source: str, url: str, lang: str, body: str) -> str:
        return key(region, source, url, lang, body)

    def get(self, input_key: str) -> dict[str, Any] | None:
        """Return the stored entry (html, links, broken, notes) if it is whole."""
        found = self.store.get(self.KIND, input_key)
        if found is None:
            return None
        outputs, read = found
        try:
            entry = {**read, "html": outputs[0][1].decode("utf-8")}
        except Exception:  # noqa: BLE001 - anything but what was written is a miss
            return None
        if not _valid_entry(entry):
            return None
        self.found[input_key] = entry
        return entry

    def put(self, input_key: str, entry: dict[str, Any]) -> None:
        if self.found.get(input_key) is entry:
            return  # `get` kept it already
        read = {name: value for name, value in entry.items() if name != "html"}
        # The text, not a copy in bytes: the build holds every page's body until it saves.
        self.store.put(self.KIND, input_key, [Kept("html", entry["html"])], read)


def _valid_entry(entry: Any) -> bool:
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("html"), str)
        and all(isinstance(entry.get(k), list) for k in ("links", "broken", "notes"))
    )


class DocumentStore:
    """What the build found in each document (docfacts.py), by the hash of its bytes.

    Reading a PDF's structure costs far more than hashing it; a document edited, renamed or
    copied to another region is found by its bytes.
    """

    KIND = "documents"

    def __init__(self, where: Store | Path) -> None:
        self.store = _store(where)
        self.hashed: dict[tuple[str, int, int], str] = {}  # (path, size, mtime) -> key, this run

    def get(self, input_key: str) -> tuple[str, ...] | None:
        entry = self.store.entry(self.KIND, input_key)
        failures = entry.read if entry is not None else None
        if isinstance(failures, list) and all(isinstance(code, str) for code in failures):
            return tuple(failures)
        return None

    def put(self, input_key: str, failures: tuple[str, ...]) -> None:
        self.store.put(self.KIND, input_key, [], list(failures))

    def save(self) -> None:
        """Keep the answers (`check` and the preview, which write nothing else)."""
        self.store.save()


class OutputStore:
    """A region's files of one kind (search, images), kept with the key of their input.

    The caller makes the key: a hash of everything the files are made from, so that equal
    keys mean equal files.
    """

    def __init__(self, where: Store | Path, kind: str) -> None:
        self.store = _store(where)
        self.kind = kind

    def get(self, place: str, input_key: str) -> list[Output] | None:
        found = self.store.get(self.kind, key(place, input_key))
        return None if found is None else [Output(name, data) for name, data in found[0]]

    def put(self, place: str, input_key: str, files: Iterable[Output]) -> None:
        self.store.put(self.kind, key(place, input_key), [
            Kept(o.path, None if o.source else o.data, Path(o.source) if o.source else None, o.digest or "")
            for o in files
        ])


def input_fingerprint(root: Path, folders: Iterable[str], settings: str) -> str:
    """Hash the code, the build's settings and every file below the given folders.

    Return "" when the inputs cannot be fingerprinted safely. Reading every byte costs
    tens of milliseconds for thousands of pages; a fingerprint by modification times
    alone could miss an edit saved within the same tick of the file system's clock.
    """
    digest = hashlib.sha256(f"{code_version()}\0{settings}\0".encode())
    for top in folders:
        for rel, path in _files_below(str(root), top):
            if rel is None or os.path.islink(path) or not os.path.isfile(path):
                return ""  # a link may lead anywhere, even in a loop; a named pipe never ends
            try:
                with open(path, "rb") as handle:
                    data = handle.read()
            except OSError:
                data = b"\0unreadable"
            # A name that is not UTF-8 keeps its bytes (os.fsdecode), to be said by the loader.
            digest.update(f"{rel}\0{len(data)}\0".encode(errors="surrogateescape") + data)
    return digest.hexdigest()


def _files_below(root: str, top: str) -> Iterable[tuple[str | None, str]]:
    """Yield (path relative to root, full path) of every file below top, in sorted order.

    Strings, not Path objects: pathlib costs more than the hashing here. A linked folder
    yields (None, its path).
    """
    start = os.path.join(root, top)
    if os.path.isfile(start):
        yield top, start
        return
    cut = len(root) + 1
    for dirpath, dirnames, filenames in os.walk(start):
        dirnames.sort()
        for name in dirnames:
            if os.path.islink(os.path.join(dirpath, name)):
                yield None, os.path.join(dirpath, name)
        for name in sorted(filenames):
            path = os.path.join(dirpath, name)
            yield path[cut:], path


class BuildRecord:
    """The last build's fingerprint, summary, warnings and written files: one entry of
    the store's "build" kind, with no blobs (the files are in the output folder)."""

    KIND = "build"
    LAST = "last"

    def __init__(self, where: Store | Path) -> None:
        self.store = _store(where)
        entry = self.store.entry(self.KIND, self.LAST)
        self.data: dict[str, Any] = entry.read if entry is not None and isinstance(entry.read, dict) else {}

    @property
    def files(self) -> dict[str, FileRecord]:
        files = self.data.get("files")
        return files if isinstance(files, dict) else {}

    def replay(self, fingerprint: str, output: Path | None) -> dict[str, Any] | None:
        """Return the last build's summary if it had these inputs and its output is intact.

        `output` None means rusgen.yaml's, which is among the inputs: the last one, then.
        """
        data = self.data
        if not fingerprint or data.get("fingerprint") != fingerprint:
            return None
        output = output or Path(str(data.get("output")))
        if data.get("output") != str(output.resolve()) or not output_is_intact(output, self.files):
            return None
        summary = data.get("summary")
        return summary if isinstance(summary, dict) else None

    def note(self, fingerprint: str, output: Path, summary: dict[str, Any],
             files: dict[str, FileRecord]) -> None:
        """Note this build's record; the store writes it when saved."""
        self.store.put(self.KIND, self.LAST, [], {
            "fingerprint": fingerprint, "output": str(output.resolve()),
            "summary": summary, "files": files,
        })


def output_is_intact(output: Path, files: dict[str, FileRecord]) -> bool:
    """Tell whether the output folder holds exactly the recorded files, as recorded.

    A file whose time had not settled when it was noted is read and hashed; an extra or
    missing file means the last build's pruning would not have been done.
    """
    root = str(output)
    found = {rel for rel, _ in _files_below(root, "") if rel is not None}
    if found != set(files) | {MARKER}:
        return False
    for rel, record in files.items():
        if not isinstance(record, list) or len(record) != 5:
            return False
        path = os.path.join(root, rel)
        if not record[4]:
            try:
                with open(path, "rb") as handle:
                    record = [*record[:3], hashlib.sha256(handle.read()).hexdigest(), True]
            except OSError:
                return False
        if not is_unchanged(path, record, str(record[3])):
            return False
    return True
