"""A Pagefind search index per region, made from the region's rendered HTML.

Pagefind reads files, so the region's HTML is written to a temporary folder, indexed
there, and the index comes back as Output objects: the writer stays the only one that
touches the real output, and prunes index files a new build no longer makes. Pagefind
indexes what is inside `data-pagefind-body` (the theme puts it on <main> of content
pages) and stems each page by its <html lang>, Swedish included.

Pagefind names its files by content hash and writes the same bytes for the same input,
except for the order of languages in pagefind-entry.json (a hash map), which is sorted
here; so two builds of the same content give the same index (a test holds it to that).

Only what the theme's search.js uses is published: Pagefind's search API (pagefind.js,
which searches in pagefind-worker.js), the entry, each language's metadata, WebAssembly
and index chunks. Pagefind also writes its own ready-made search interfaces and a
highlighter (about 420 kB) and a WebAssembly build for unknown languages; the theme
uses none of them, so they are left out.

Pagefind runs in the background (PendingIndex): the build starts it when a region's pages
are rendered and collects the index after the last region, in region order, so the
outputs are the same as if it had waited. PendingIndexes keeps at most one run a core.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from rusgen.errors import RusgenError
from rusgen.model import Output, Region
from rusgen.outputs.pagefind_page import pagefind_page
from rusgen.urls import SEARCH_SLUGS, language_prefix

INDEX_FOLDER = "pagefind/"
ENTRY_FILE = "pagefind-entry.json"
# Pagefind's own search interfaces and its highlighter: search.js builds its own interface.
UNUSED_BUNDLES = ("pagefind-ui.", "pagefind-modular-ui.", "pagefind-component-ui.",
                  "pagefind-highlight.")
# Inside a run's temporary folder: the pages Pagefind reads, and what it prints.
SITE_FOLDER = "site"
# Pagefind reads each page cut down to what it indexes (pagefind_page.py), and without the
# soft hyphens that headings carry for the reader's eye (typography.py): Pagefind would keep
# them inside its words and titles. The pages themselves are kept whole here, and the build
# writes them from there.
ORIGINALS_FOLDER = "originals"
SOFT_HYPHEN = "\u00ad".encode()
BESIDE_FOLDER = "beside"  # the outputs of PendingIndex.beside, once spilled
STDOUT_FILE = "pagefind-stdout.txt"
STDERR_FILE = "pagefind-stderr.txt"
SEARCH_PREFIX = "rusgen-search-"  # + pid: the temporary folders' names (swap.remove_leftovers)
# A folder for the runs' temporary folders, and their names' start (the pid follows). A build
# passes one on its output's file system (swap.scratch): writing and removing a region's
# thousand pages there costs a tenth of what it costs on a disk-backed /tmp when the output
# is on tmpfs, and a system temporary folder on another disk than the output is common.
Scratch = tuple[Path, str]


def search_url(lang: str, default_language: str) -> str:
    """Return the URL of a language's search page: "sok/" in Swedish, "en/search/"."""
    return language_prefix(lang, default_language) + SEARCH_SLUGS.get(lang, "search/")


def pagefind_binary() -> Path:
    """Return the Pagefind executable that the pagefind[extended] package ships."""
    try:
        import pagefind_bin_extended
    except ImportError:
        raise RusgenError("search.no_pagefind") from None
    return pagefind_bin_extended.get_executable()


class PendingIndex:
    """A region's Pagefind index while a Pagefind process makes it in the background.

    Pagefind takes seconds a region and keeps barely more than one core busy, so the build
    starts it and renders on meanwhile. The temporary folder holds the region's pages, the
    index Pagefind writes beside them and what Pagefind prints (into files: a pipe nobody
    reads while the build renders could fill up and stall it). `cancel` removes it; until
    then a build may write its pages from there (`spilled`) instead of holding them.
    """

    def __init__(self, region_id: str, prefix: str, folder: Path, process: subprocess.Popen) -> None:
        self.region_id = region_id
        self.prefix = prefix  # the region's folder in the output, "vg/"
        self.folder = folder
        self.process = process
        # Outputs made from the same pages and handed out with the index (the disk index,
        # about 7 MB a region of 1000 pages): spilled into the folder with the pages.
        self.beside: list[Output] = []

    @classmethod
    def start(cls, region: Region, pages: Sequence[Output], scratch: Scratch | None = None) -> PendingIndex:
        """Write the region's HTML pages to a temporary folder and start Pagefind on them.

        The folder is made in `scratch` when given (see Scratch), else in the system's
        temporary folder.
        """
        # The pid in the name: the next build removes what a killed one left (swap.py).
        where, name_start = scratch or (None, SEARCH_PREFIX)
        folder = Path(tempfile.mkdtemp(prefix=f"{name_start}{os.getpid()}-", dir=where))
        try:
            prefix = f"{region.output_folder}/"
            _write_pages(prefix, pages, folder / SITE_FOLDER)
            return cls(region.id, prefix, folder, _start_pagefind(folder))
        except BaseException:
            shutil.rmtree(folder, ignore_errors=True)
            raise

    def running(self) -> bool:
        return self.process.poll() is None

    def wait(self) -> None:
        self.process.wait()

    def result(self, in_folder: bool = False) -> list[Output]:
        """Wait for Pagefind and return the index files; raise RusgenError when it failed.

        `in_folder`: the outputs name the files in this folder instead of holding their
        bytes, for a build that writes them before the folder is removed.
        """
        try:
            if self.process.wait() != 0:
                raise RusgenError("search.failed", region=self.region_id, problem=self._message())
            index = self.folder / SITE_FOLDER / INDEX_FOLDER
            return list(_index_files(self.prefix, index, in_folder))
        except BaseException:
            self.cancel()
            raise

    def spilled(self, outputs: Sequence[Output]) -> list[Output]:
        """Return the outputs with the region's pages read from this folder when written,
        and write `beside` there to be read from it as well.

        The pages are there already, for Pagefind: a large site's pages then need not all
        be held in memory until the write, only one region's at a time. Only a build that
        removes the folder after writing may call this.
        """
        prefix = self.prefix
        site = self.folder / SITE_FOLDER
        originals = self.folder / ORIGINALS_FOLDER

        def written(rel: str) -> str:
            original = originals / rel
            return str(original if original.is_file() else site / rel)

        self.beside = [self._held(output) for output in self.beside]
        return [
            Output(output.path, source=written(output.path[len(prefix):]), digest=output.digest)
            if output.is_rendered_page(prefix) else output
            for output in outputs
        ]

    def _held(self, output: Output) -> Output:
        """Return the output read from a file in this folder when written."""
        if output.source:
            return output
        held = self.folder / BESIDE_FOLDER / output.path
        _write(held, output.data)
        return Output(output.path, source=str(held), digest=output.digest)

    def cancel(self) -> None:
        """Stop Pagefind if it still runs and remove the temporary folder."""
        if self.running():
            self.process.kill()
        self.process.wait()  # reaped, so no zombie outlives the build
        shutil.rmtree(self.folder, ignore_errors=True)

    def _message(self) -> str:
        """Return what Pagefind printed: its errors, or else its output."""
        for name in (STDERR_FILE, STDOUT_FILE):
            text = (self.folder / name).read_text("utf-8", "replace").strip()
            if text:
                return text
        return ""


class PendingIndexes:
    """The Pagefind runs of one build: at most `limit` at once, none left when it ends.

    Use it as a context manager: leaving it, by an error in a later region's rendering
    too, stops every run not yet collected and removes its folder. A build that writes
    pages from the folders (PendingIndex.spilled) leaves it after writing.
    """

    def __init__(self, limit: Callable[[], int], scratch: Scratch | None = None) -> None:
        self._limit = limit  # asked when a run starts: a build that starts none never counts cores
        self.scratch = scratch  # where the runs' folders go; None: the system's temporary folder
        self.started: list[PendingIndex] = []

    @property
    def limit(self) -> int:
        return max(1, self._limit())

    def start(self, region: Region, pages: Sequence[Output]) -> PendingIndex:
        """Start indexing the region, first waiting for the oldest run when `limit` run."""
        running = [pending for pending in self.started if pending.running()]
        if len(running) >= self.limit:
            running[0].wait()
        pending = PendingIndex.start(region, pages, self.scratch)
        self.started.append(pending)
        return pending

    def __enter__(self) -> PendingIndexes:
        return self

    def __exit__(self, *exc_info: object) -> None:
        for pending in self.started:
            pending.cancel()


def _write_pages(prefix: str, pages: Sequence[Output], site: Path) -> None:
    """Write below `site` what Pagefind reads of the region's rendered HTML pages, as the
    region's folder has them, and each page whole below ORIGINALS_FOLDER when that differs."""
    originals = site.parent / ORIGINALS_FOLDER
    for page in pages:
        if page.is_rendered_page(prefix):
            rel = page.path[len(prefix):]
            for_pagefind = pagefind_page(page.data.replace(SOFT_HYPHEN, b""))
            _write(site / rel, for_pagefind)
            if for_pagefind != page.data:
                _write(originals / rel, page.data)


def _write(path: Path, data: bytes) -> None:
    try:
        path.write_bytes(data)
    except FileNotFoundError:  # the first page of its folder
        path.parent.mkdir(parents=True)
        path.write_bytes(data)


def _start_pagefind(folder: Path) -> subprocess.Popen:
    """Start Pagefind on folder/site; what it prints goes to files beside the site."""
    command = [str(pagefind_binary()), "--site", str(folder / SITE_FOLDER),
               "--output-subdir", INDEX_FOLDER.rstrip("/"), "--silent"]
    with open(folder / STDOUT_FILE, "wb") as stdout, open(folder / STDERR_FILE, "wb") as stderr:
        return subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=stdout, stderr=stderr)


def _index_files(prefix: str, index: Path, in_folder: bool) -> Iterator[Output]:
    """Yield the published files of the index Pagefind wrote into `index`, below the
    region's folder `prefix`, read from there when written if `in_folder`."""
    wasm = _wasm_files((index / ENTRY_FILE).read_bytes())
    for path in sorted(index.rglob("*")):
        rel = path.relative_to(index).as_posix()
        if not path.is_file() or rel.startswith(UNUSED_BUNDLES):
            continue
        if rel.startswith("wasm.") and rel not in wasm:
            continue
        if rel == ENTRY_FILE:
            yield Output(f"{prefix}{INDEX_FOLDER}{rel}", _stable_entry(path.read_bytes()))
        elif in_folder:
            yield Output(f"{prefix}{INDEX_FOLDER}{rel}", source=str(path))
        else:
            yield Output(f"{prefix}{INDEX_FOLDER}{rel}", path.read_bytes())


def _wasm_files(entry: bytes) -> set[str]:
    """Return the WebAssembly files pagefind.js can load: one per indexed language.

    pagefind.js loads wasm.<language>.pagefind for the page's language, and
    wasm.unknown.pagefind only for a language Pagefind cannot stem (it then has no
    "wasm" in the entry).
    """
    languages = json.loads(entry).get("languages", {}).values()
    return {f"wasm.{language.get('wasm') or 'unknown'}.pagefind" for language in languages}


def _stable_entry(data: bytes) -> bytes:
    """Sort the languages of pagefind-entry.json: Pagefind writes them in hash-map order."""
    entry = json.loads(data)
    entry["languages"] = dict(sorted(entry.get("languages", {}).items()))
    return json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
