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
"""

from __future__ import annotations

import json
import subprocess
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path

from rusgen.errors import RusgenError
from rusgen.model import Output, Region, language_prefix
from rusgen.outputs import disk_search

INDEX_FOLDER = "pagefind/"
ENTRY_FILE = "pagefind-entry.json"
# Pagefind's own search interfaces and its highlighter: search.js builds its own interface.
UNUSED_BUNDLES = ("pagefind-ui.", "pagefind-modular-ui.", "pagefind-component-ui.",
                  "pagefind-highlight.")
SEARCH_SLUGS = {"sv": "sok/", "en": "search/"}


def search_url(lang: str, default_language: str) -> str:
    """Return the URL of a language's search page: "sok/" in Swedish, "en/search/"."""
    return language_prefix(lang, default_language) + SEARCH_SLUGS.get(lang, "search/")


def pagefind_binary() -> Path:
    """Return the Pagefind executable that the pagefind[extended] package ships."""
    try:
        import pagefind_bin_extended
    except ImportError:
        raise RusgenError(
            "the search index needs Pagefind: pip install 'pagefind[extended]'"
        ) from None
    return pagefind_bin_extended.get_executable()


def render(region: Region, pages: Sequence[Output]) -> Iterator[Output]:
    """Yield the region's Pagefind index, and the plain index for pages opened from disk."""
    yield from _pagefind_index(region, pages)
    yield from disk_search.render(region.id, pages)


def _pagefind_index(region: Region, pages: Sequence[Output]) -> Iterator[Output]:
    """Yield the files of the region's Pagefind index, indexed from its HTML pages."""
    prefix = f"{region.id}/"
    with tempfile.TemporaryDirectory(prefix="rusgen-search-") as tmp:
        site = Path(tmp)
        for page in pages:
            if page.path.endswith(".html") and page.path.startswith(prefix) and not page.source:
                target = site / page.path[len(prefix):]
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(page.data)
        command = [str(pagefind_binary()), "--site", str(site),
                   "--output-subdir", INDEX_FOLDER.rstrip("/"), "--silent"]
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            raise RusgenError(
                f"{region.id}: Pagefind could not index the site: "
                f"{(done.stderr or done.stdout).strip()}"
            )
        index = site / INDEX_FOLDER
        wasm = _wasm_files((index / ENTRY_FILE).read_bytes())
        for path in sorted(index.rglob("*")):
            rel = path.relative_to(index).as_posix()
            if not path.is_file() or rel.startswith(UNUSED_BUNDLES):
                continue
            if rel.startswith("wasm.") and rel not in wasm:
                continue
            data = path.read_bytes()
            if rel == ENTRY_FILE:
                data = _stable_entry(data)
            yield Output(f"{prefix}{INDEX_FOLDER}{rel}", data)


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
