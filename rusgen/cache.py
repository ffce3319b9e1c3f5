"""What a build keeps between runs, in <project>/.rusgen-cache/ and nowhere else.

- Rendered Markdown (markdown/, sixteen files by key), one entry per page body, keyed
  by a hash of the code that renders it and the page's region, source, address,
  language and text. A body's HTML also depends
  on what its links resolved to (other pages' addresses, file sizes in labels), so each
  entry stores every question it asked and its answer; the build reuses the entry only
  when asking those questions again gives the same answers.
- Files made for a whole region at once, each kind in its own folder, with a hash of
  what they were made from: the search index (the pages Pagefind read) and the
  calendars (the events, the region's fields and UI strings they show, the build's day).
- The last build's record: a fingerprint of every input and the size, time and hash of
  every file written, so a build with nothing changed need not render or read anything;
  and the key of every page, so a page whose inputs are the same is read back from the
  output instead of rendered (outputs/page_cache.py).

A cache file that cannot be read (missing, truncated, another format, garbage) counts as
empty: a cache may only make a build faster, never stop it. Files are JSON, never pickle,
so a cache folder from elsewhere cannot run code.
"""

from __future__ import annotations

import base64
import filecmp
import functools
import hashlib
import importlib.metadata
import json
import os
import tempfile
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from rusgen.keys import hash_text
from rusgen.model import Output
from rusgen.writer import MARKER, FileRecord, is_unchanged

CACHE_DIR = ".rusgen-cache"
FORMAT = 2  # bump when the layout of a cache file changes
LIBRARIES = (
    "jinja2", "markdown-it-py", "mdit-py-plugins", "pyyaml", "icalendar", "markupsafe", "nh3", "pikepdf",
)
PACKAGE = Path(__file__).resolve().parent


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
        digest.update(path.relative_to(PACKAGE).as_posix().encode() + b"\0" + path.read_bytes())
    for name in LIBRARIES:
        try:
            digest.update(f"{name} {importlib.metadata.version(name)}".encode())
        except importlib.metadata.PackageNotFoundError:
            digest.update(f"{name} -".encode())
    return digest.hexdigest()


def remove_unfinished(folder: Path) -> None:
    """Remove the temporary files of cache writes a killed build left (under the build lock,
    no other build is writing them)."""
    for path in folder.rglob(".tmp-*") if folder.is_dir() else ():
        path.unlink(missing_ok=True)


class CacheFile:
    """One JSON file of the cache: read once, written back only when its bytes change."""

    def __init__(self, folder: Path, name: str, read: bool = True) -> None:
        self.path = folder / name
        self.data = self._read() if read else {}

    def _read(self) -> dict[str, Any]:
        try:
            data = json.loads(self.path.read_bytes())
        except Exception:  # noqa: BLE001 - missing, truncated, not JSON, nested past the stack
            return {}
        if not isinstance(data, dict) or data.get("format") != FORMAT:
            return {}
        if data.get("code") != code_version():
            return {}  # written by other code: its entries may differ from what we render
        return data

    def save(self, data: dict[str, Any]) -> None:
        """Write `data` atomically unless the file holds it already; never fail the build."""
        data = {"format": FORMAT, "code": code_version(), **data}
        tmp = ""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".tmp-")
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                write_json(data, handle)
            if self.path.is_file() and filecmp.cmp(tmp, self.path, shallow=False):
                os.unlink(tmp)
            else:
                os.replace(tmp, self.path)
        except OSError:
            if tmp:
                Path(tmp).unlink(missing_ok=True)


def write_json(data: dict[str, Any], handle: Any) -> None:
    """Write what json.dump(data, sort_keys=True, ensure_ascii=False) writes, faster.

    json.dump encodes in Python, a value at a time (seconds for the Markdown of a large
    site); json.dumps encodes in C but would hold the whole text in memory at once. So
    each entry of a mapping below the top is encoded on its own, and written at once; a
    mapping may make its values only when asked (OutputStore's files).
    """
    def encode(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False, sort_keys=True)

    def write_value(value: Any) -> None:
        if isinstance(value, Base64Text):
            value.write_to(handle)
        else:
            handle.write(encode(value))

    handle.write("{")
    for index, key in enumerate(sorted(data)):
        value = data[key]
        handle.write(f"{', ' if index else ''}{encode(key)}: ")
        if isinstance(value, Mapping) and value:
            handle.write("{")
            for inner, name in enumerate(sorted(value)):
                handle.write(f"{', ' if inner else ''}{encode(name)}: ")
                write_value(value[name])
            handle.write("}")
        else:
            write_value(value)
    handle.write("}")


class Base64Text:
    """Bytes that write_json writes as a JSON string of base64, a slice at a time.

    A search index holds files of megabytes (search-index.js): encoded whole, each would
    sit in memory three times over (base64, JSON, the line written) at the build's end.
    """

    SLICE = 3 * 2**18  # a multiple of 3 bytes: the slices' base64 joins without padding

    def __init__(self, data: bytes) -> None:
        self.data = data

    def write_to(self, handle: Any) -> None:
        handle.write('"')
        for start in range(0, len(self.data), self.SLICE):
            handle.write(base64.b64encode(self.data[start:start + self.SLICE]).decode("ascii"))
        handle.write('"')


# Resolution of one link as stored: [href, url, file kind, file size], or [href] for none.
Resolution = list


class MarkdownStore:
    """Rendered page bodies by content hash, each with the link answers it depends on.

    The entries are spread over SHARDS files by the first digit of their key, so a build
    that changed one page writes one small file again, not the Markdown of the whole site.
    """

    SHARDS = "0123456789abcdef"

    def __init__(self, folder: Path) -> None:
        self.folder = folder / "markdown"
        self.used: dict[str, Any] = {}

    @functools.cached_property
    def entries(self) -> dict[str, Any]:
        """Read the stored entries on first use: a build with nothing changed never needs them."""
        entries: dict[str, Any] = {}
        for shard in self.SHARDS:
            found = CacheFile(self.folder, f"{shard}.json").data.get("entries")
            if isinstance(found, dict):
                entries.update((key, entry) for key, entry in found.items() if key[:1] == shard)
        return entries

    @staticmethod
    def key(region: str, source: str, url: str, lang: str, body: str) -> str:
        return hash_text(code_version(), region, source, url, lang, body)

    def get(self, key: str) -> dict[str, Any] | None:
        """Return the stored entry if it is whole: as written, by its hash."""
        entry = self.entries.get(key)
        try:
            return entry if _valid_entry(entry) and entry["check"] == _entry_hash(entry) else None
        except Exception:  # noqa: BLE001 - an entry that cannot even be hashed is a miss
            return None

    def put(self, key: str, entry: dict[str, Any]) -> None:
        self.used[key] = {**entry, "check": _entry_hash(entry)}

    def save(self) -> None:
        """Keep the entries this build used: a page deleted or edited leaves nothing behind.

        A file whose entries are the ones read from it, unchanged, is left as it is.
        """
        used = _by_shard(self.used)
        before = _by_shard(self.__dict__.get("entries", {}))  # what was read, if anything was
        for shard in self.SHARDS:
            now = used.get(shard, {})
            if now == before.get(shard, {}) and (now or not (self.folder / f"{shard}.json").exists()):
                continue
            CacheFile(self.folder, f"{shard}.json", read=False).save({"entries": now})
        (self.folder.parent / "markdown.json").unlink(missing_ok=True)  # the one file of old


def _by_shard(entries: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """Group entries by the first digit of their key: the file they are kept in."""
    shards: dict[str, dict[str, Any]] = {}
    for key, entry in entries.items():
        shards.setdefault(key[:1], {})[key] = entry
    return shards


def _entry_hash(entry: dict[str, Any]) -> str:
    """Hash an entry's fields: an entry changed after it was written is never used."""
    fields = {name: value for name, value in entry.items() if name != "check"}
    return hash_text(json.dumps(fields, ensure_ascii=False, sort_keys=True))


def _valid_entry(entry: Any) -> bool:
    return (
        isinstance(entry, dict)
        and isinstance(entry.get("html"), str)
        and all(isinstance(entry.get(k), list) for k in ("links", "broken", "notes"))
    )


class DocumentStore:
    """What the build found in each document (docfacts.py), by the hash of its bytes.

    Reading a PDF's structure costs far more than hashing it; a document edited, renamed or
    copied to another region is found by its bytes. Kept are the entries this build used.
    """

    def __init__(self, folder: Path) -> None:
        self.file = CacheFile(folder, "documents.json")
        self.used: dict[str, Any] = {}
        self.hashed: dict[tuple[str, int, int], str] = {}  # (path, size, mtime) -> key, this run

    def get(self, key: str) -> tuple[str, ...] | None:
        stored = self.file.data.get("entries")
        entry = self.used.get(key) or (stored.get(key) if isinstance(stored, dict) else None)
        if (
            isinstance(entry, dict) and isinstance(entry.get("failures"), list)
            and all(isinstance(code, str) for code in entry["failures"])
            and entry.get("check") == hash_text(key, *entry["failures"])
        ):
            self.used[key] = entry
            return tuple(entry["failures"])
        return None

    def put(self, key: str, failures: tuple[str, ...]) -> None:
        self.used[key] = {"failures": list(failures), "check": hash_text(key, *failures)}

    def save(self) -> None:
        """Keep the entries this build used; a site without documents writes no file."""
        if self.used != (self.file.data.get("entries") or {}):
            self.file.save({"entries": self.used})


class OutputStore:
    """A region's files of one kind (search, calendars), kept with the key of their input.

    The caller makes the key: a hash of everything the files are made from, so that equal
    keys mean equal files. Each region's files are kept in <kind>/<region>/<key>.json, so a
    build whose key is another one need not read megabytes of index to find out.
    """

    def __init__(self, folder: Path, kind: str) -> None:
        self.folder = folder / kind
        # Until saved, the outputs themselves (the bytes this build writes, not copies).
        self.pending: dict[str, tuple[str, list[Output]]] = {}

    def get(self, region: str, key: str) -> list[Output] | None:
        if not (self.folder / region / f"{key}.json").is_file():
            return None
        data = CacheFile(self.folder / region, f"{key}.json").data
        paths, files, digests = data.get("paths"), data.get("files"), data.get("digests")
        if data.get("key") != key or not isinstance(paths, list) or not isinstance(files, dict):
            return None
        try:
            outputs = [Output(str(path), base64.b64decode(files[path], validate=True)) for path in paths]
            whole = all(hashlib.sha256(o.data).hexdigest() == digests[o.path] for o in outputs)
        except Exception:  # noqa: BLE001 - any entry that cannot be read as written is a miss
            return None
        return outputs if whole else None

    def put(self, region: str, key: str, files: Iterable[Output]) -> None:
        self.pending[region] = (key, list(files))

    def save(self) -> None:
        """Write the files made by this build; a failed build writes nothing.

        Each file is read and encoded as it is written (write_json asks the mapping for one
        at a time): a region's search index encoded all at once would be tens of megabytes
        more. Save before the files that outputs are read from are removed.
        """
        for region, (key, files) in self.pending.items():
            CacheFile(self.folder / region, f"{key}.json", read=False).save({
                "key": key,
                "paths": [output.path for output in files],
                "files": _Base64Files({output.path: output for output in files}),
                # Checked when read: an entry changed after it was written is never published.
                "digests": {output.path: _digest(output) for output in files},
            })
            for old in (self.folder / region).glob("*.json"):
                if old.name != f"{key}.json":
                    old.unlink(missing_ok=True)  # made from other input: never asked for again


def _digest(output: Output) -> str:
    if output.digest:
        return output.digest
    return hashlib.sha256(Path(output.source).read_bytes() if output.source else output.data).hexdigest()


class _Base64Files(Mapping):
    """Outputs by path, each read as base64 text when asked for (JSON holds no bytes)."""

    def __init__(self, files: dict[str, Output]) -> None:
        self.files = files

    def __getitem__(self, path: str) -> Base64Text:
        output = self.files[path]
        return Base64Text(Path(output.source).read_bytes() if output.source else output.data)

    def __iter__(self) -> Iterator[str]:
        return iter(self.files)

    def __len__(self) -> int:
        return len(self.files)


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
    """The last build's fingerprint, summary, warnings and written files."""

    def __init__(self, folder: Path) -> None:
        self.file = CacheFile(folder, "build.json")
        self.data = self.file.data

    @property
    def files(self) -> dict[str, FileRecord]:
        files = self.data.get("files")
        return files if isinstance(files, dict) else {}

    def pages_in(self, output: Path) -> dict[str, Any]:
        """Return the last build's page keys (outputs/page_cache.py) if it wrote to `output`."""
        pages = self.data.get("pages")
        if self.data.get("output") != str(output.resolve()) or not isinstance(pages, dict):
            return {}
        return pages

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

    def save(self, fingerprint: str, output: Path, summary: dict[str, Any],
             files: dict[str, FileRecord], pages: dict[str, Any]) -> None:
        self.file.save({
            "fingerprint": fingerprint, "output": str(output.resolve()),
            "summary": summary, "files": files, "pages": pages,
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
