"""The build's one store: bytes named by their hash, and a manifest of what made them.

On disk, in <project>/.rusgen-cache/store/:

    blobs/ab/abcdef...    the bytes of one output, named by their sha256 (fan-out by 2 digits)
    <kind>.json           the manifest of one kind: input key -> the outputs' blob names,
                          and what the outputs read besides their key ("read", JSON)

A kind is what the build keeps: "markdown" (a page body's HTML), "search" (a region's
index), "images" (a photo's sizes), "documents" (what a PDF check found), "pages" (a
page's key and the hash of the bytes written; the bytes stay in the output folder) and
"build" (the last build's record). Keys are made by `key` alone; the caller hashes
everything the outputs are made from into it.

The store keeps bytes and knows no renderer. It can only speed a build up: a manifest
that is missing, torn, from other code or altered (its first line is the hash of the
rest), and a blob that is missing or whose bytes are not its name, are misses. Writes are
atomic (a temporary file, then a rename). A build keeps the entries it used and the
blobs they name; the rest is removed (`collect_garbage`), so the folder does not grow.
Files are JSON, never pickle: a store copied from elsewhere cannot run code.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import os
import re
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rusgen.keys import hash_text

CACHE_DIR = ".rusgen-cache"
STORE_DIR = "store"
FORMAT = 3  # bump when the layout on disk changes
LIBRARIES = (
    "jinja2", "markdown-it-py", "mdit-py-plugins", "pyyaml", "icalendar", "markupsafe", "nh3", "pikepdf",
    "pillow",
)
PACKAGE = Path(__file__).resolve().parent
_BLOB_NAME = re.compile(r"[0-9a-f]{64}")


@functools.cache
def code_version() -> str:
    """Hash rusgen's own source and the versions of the libraries that shape its output.

    Any change to the renderer, its settings or a filter then invalidates every entry,
    including edits to a development checkout that keep the version number.
    """
    digest = hashlib.sha256(f"format {FORMAT}".encode())
    for path in sorted(PACKAGE.rglob("*")):
        rel = path.relative_to(PACKAGE)
        # The packaged themes are code too: a project that uses them has no copy to hash.
        if not path.is_file() or "__pycache__" in rel.parts or (
            path.suffix != ".py" and rel.parts[0] != "themes"
        ):
            continue
        digest.update(rel.as_posix().encode() + b"\0" + path.read_bytes())
    for name in LIBRARIES:
        try:
            digest.update(f"{name} {importlib.metadata.version(name)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{name} -".encode())
    return digest.hexdigest()


# What rusgen kept in .rusgen-cache/ before the one store: removed by the first build.
OLD_LAYOUT = ("markdown", "search", "calendars", "images", "build.json", "documents.json", "markdown.json")


def remove_old_layout(cache_folder: Path) -> None:
    for name in OLD_LAYOUT:
        path = cache_folder / name
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        elif path.is_file():
            path.unlink(missing_ok=True)


def key(*parts: str) -> str:
    """The one key function: a hash of everything an output is made from."""
    return hash_text(*parts)


def blob_name(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@dataclass(frozen=True)
class Kept:
    """One output to keep: its name, and its bytes, its text or the file that holds them."""

    name: str
    data: bytes | str | None = None  # text is kept as the caller holds it, encoded when saved
    source: Path | None = None  # read when saved (a search index still in Pagefind's folder)
    digest: str = ""  # the sha256 of the bytes, when the caller knows it already

    def read(self) -> bytes:
        if isinstance(self.data, str):
            return self.data.encode("utf-8")
        return self.data if self.data is not None else Path(str(self.source)).read_bytes()


@dataclass(frozen=True)
class Entry:
    """What the manifest says of one input key: the outputs' blob names in order, and the
    rest of what they were made from that the key does not cover (the answers a page's
    links got, a document's failures)."""

    outputs: tuple[tuple[str, str], ...]  # (output name, blob name)
    read: Any = None


class Store:
    """The store of one project. Reads happen on first use of a kind; nothing is written
    until `save`, so a failed build leaves the store as it was."""

    def __init__(self, cache_folder: Path) -> None:
        self.folder = cache_folder / STORE_DIR
        self._stored: dict[str, dict[str, Any]] = {}  # kind -> entries as read
        self._used: dict[str, dict[str, Any]] = {}  # kind -> entries this build used or made
        self._pending: dict[str, tuple[Kept, ...]] = {}  # (kind \0 key) -> outputs to write
        self.keep_unused: set[str] = set()  # kinds whose unused entries stay (a partial build)

    # Reading

    def entry(self, kind: str, input_key: str) -> Entry | None:
        """Return the manifest's entry for a key, or None; a found entry is kept this build."""
        raw = self._used.get(kind, {}).get(input_key) or self._manifest(kind).get(input_key)
        entry = _as_entry(raw)
        if entry is not None:
            self._used.setdefault(kind, {})[input_key] = raw
        return entry

    def has_entries(self, kind: str) -> bool:
        return bool(self._manifest(kind))

    def keys(self, kind: str) -> list[str]:
        """The input keys the manifest holds for a kind, as read."""
        return sorted(self._manifest(kind))

    def get(self, kind: str, input_key: str) -> tuple[list[tuple[str, bytes]], Any] | None:
        """Return an entry's outputs (name, bytes) and what they read, or None unless every
        blob is there with the bytes its name says."""
        entry = self.entry(kind, input_key)
        if entry is None:
            return None
        outputs = []
        for name, blob in entry.outputs:
            data = self.blob(blob)
            if data is None:
                self._used[kind].pop(input_key, None)  # not worth keeping: made again
                return None
            outputs.append((name, data))
        return outputs, entry.read

    def blob(self, name: str) -> bytes | None:
        """Return a blob's bytes if they hash to its name, else None."""
        try:
            data = self._blob_path(name).read_bytes()
        except (OSError, ValueError):
            return None
        return data if blob_name(data) == name else None

    # Writing

    def put(self, kind: str, input_key: str, outputs: Iterable[Kept], read: Any = None,
            keep_bytes: bool = True) -> None:
        """Keep outputs under a key (written by `save`). Without `keep_bytes` only their
        hashes are noted: the caller keeps the bytes (the pages, in the output folder)."""
        outputs = tuple(outputs)
        if keep_bytes:
            self._pending[f"{kind}\0{input_key}"] = outputs
            names = [[o.name, o.digest or ""] for o in outputs]
        else:
            names = [[o.name, o.digest or blob_name(o.read())] for o in outputs]
        self._used.setdefault(kind, {})[input_key] = {"outputs": names, "read": read}

    def save(self) -> None:
        """Write the blobs of this build and the manifests that changed; never fail a build."""
        try:
            self._write_blobs()
            for kind, used in self._used.items():
                entries = {**self._manifest(kind), **used} if kind in self.keep_unused else used
                if entries != self._manifest(kind) or not self._manifest_path(kind).is_file():
                    _write_atomic(self._manifest_path(kind), _manifest_bytes(entries))
                    self._stored[kind] = entries
        except OSError:
            pass

    def collect_garbage(self) -> None:
        """Remove every blob no manifest names, and temporary files of killed writes
        (under the build lock: no other build writes here)."""
        named = {blob for kind in self._kinds_on_disk() for raw in self._manifest(kind).values()
                 if (entry := _as_entry(raw)) for _, blob in entry.outputs}
        blobs = self.folder / "blobs"
        for path in blobs.glob("*/*") if blobs.is_dir() else ():
            if path.name not in named:
                path.unlink(missing_ok=True)
        for path in self.folder.glob(".tmp-*") if self.folder.is_dir() else ():
            path.unlink(missing_ok=True)

    # Inside

    def _manifest(self, kind: str) -> dict[str, Any]:
        if kind not in self._stored:
            self._stored[kind] = _read_manifest(self._manifest_path(kind))
        return self._stored[kind]

    def _manifest_path(self, kind: str) -> Path:
        return self.folder / f"{kind}.json"

    def _blob_path(self, name: str) -> Path:
        if not _BLOB_NAME.fullmatch(name):
            raise ValueError(name)  # a manifest naming a path elsewhere is a miss
        return self.folder / "blobs" / name[:2] / name

    def _write_blobs(self) -> None:
        """Write each pending output as a blob (once: a blob of that name holds those bytes)
        and put the blob names into the entries."""
        folders: set[Path] = set()  # made already, this save
        for pending_key, outputs in self._pending.items():
            kind, input_key = pending_key.split("\0", 1)
            names = []
            for output in outputs:
                data = output.read()
                name = blob_name(data)
                path = self._blob_path(name)
                if not path.is_file():
                    if path.parent not in folders:
                        path.parent.mkdir(parents=True, exist_ok=True)
                        folders.add(path.parent)
                    _write_atomic(path, data, made=True)
                names.append([output.name, name])
            self._used[kind][input_key]["outputs"] = names
        self._pending.clear()

    def _kinds_on_disk(self) -> list[str]:
        return sorted(p.stem for p in self.folder.glob("*.json")) if self.folder.is_dir() else []


def _as_entry(raw: Any) -> Entry | None:
    """Read one manifest entry; anything else than written is None."""
    if not isinstance(raw, dict) or not isinstance(raw.get("outputs"), list):
        return None
    outputs = raw["outputs"]
    if not all(isinstance(o, list) and len(o) == 2 and all(isinstance(p, str) for p in o) for o in outputs):
        return None
    return Entry(tuple((name, blob) for name, blob in outputs), raw.get("read"))


def _manifest_bytes(entries: dict[str, Any]) -> bytes:
    """The manifest's file: a first line with its hash, the format and the code that wrote
    it, then the entries as JSON."""
    body = json.dumps(entries, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()
    head = json.dumps({"format": FORMAT, "code": code_version(), "check": blob_name(body)})
    return head.encode() + b"\n" + body


def _read_manifest(path: Path) -> dict[str, Any]:
    try:
        head_line, body = path.read_bytes().split(b"\n", 1)
        head = json.loads(head_line)
        if head != {"format": FORMAT, "code": code_version(), "check": blob_name(body)}:
            return {}  # other code, another format, or altered since written
        entries = json.loads(body)
    except Exception:  # noqa: BLE001 - missing, truncated, not JSON, nested past the stack
        return {}
    return entries if isinstance(entries, dict) else {}


def _write_atomic(path: Path, data: bytes, made: bool = False) -> None:
    """Write a file whole or not at all: a reader never sees half of it. `made`: the
    folder exists. (The temporary name is the process's and the file's, which the build
    lock makes unique: cheaper than tempfile's random names, a thousand times a build.)"""
    if not made:
        path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".tmp-{os.getpid()}-{path.name}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
