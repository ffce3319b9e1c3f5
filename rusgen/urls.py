"""The URL policy: where a page's source puts it, where an address is served from, and how
one page links to another.

URLs are region-relative paths without a leading slash: "" is the home page,
"kraftsamlingar/" a page, "events/uppstart.ics" a file. A region's folder in the output
follows the path of its base_url.
"""

from __future__ import annotations

import functools
import posixpath
from urllib.parse import unquote, urlsplit


def language_prefix(lang: str, default_language: str) -> str:
    """Return the URL prefix of a language: "" for the default, "en/" for English."""
    return "" if lang == default_language else f"{lang}/"


def page_url(source: str, lang: str, default_language: str, slug: str | None = None) -> str:
    """Map a page's source path to its URL: "a/b.md" -> "a/b/", "a/index.md" -> "a/"."""
    folder, name = posixpath.split(source)
    stem = name.split(".")[0]
    if stem == "index":
        parts = folder.split("/") if folder else []
        if slug and parts:
            parts[-1] = slug
    else:
        parts = (folder.split("/") if folder else []) + [slug or strip_date_prefix(stem)]
    path = "/".join(parts)
    return language_prefix(lang, default_language) + (path + "/" if path else "")


def strip_date_prefix(stem: str) -> str:
    """Drop a leading YYYY-MM-DD- from an event or news file name."""
    head = stem[:11]
    if len(stem) > 11 and head[4] == "-" and head[7] == "-" and head[10] == "-":
        if head[:4].isdigit() and head[5:7].isdigit() and head[8:10].isdigit():
            return stem[11:]
    return stem


def region_folder(base_url: str, network_url: str, region_id: str) -> str:
    """Map a region's address to its folder in the output: its base_url's path below the
    network's base_url (or below the host's root, when the region lives elsewhere).

    public/ uploaded where the network's base_url points then answers every address as
    published: with the network at https://rus.example.se/, https://rus.example.se/vg/ is
    public/vg/; with it at https://kommun.github.io/rus/, https://kommun.github.io/rus/vg/
    is public/vg/ too. A region at the root of a host of its own (https://vg.example.se/)
    has no path to follow and keeps its id as the folder's name.
    """
    if network_url and base_url.startswith(network_url):
        path = base_url[len(network_url):]
    else:
        path = urlsplit(base_url).path
    return unquote(path).strip("/") or region_id


def output_path(url: str) -> str:
    """Map a URL to the file that serves it: "a/" -> "a/index.html", "" -> "index.html"."""
    if url == "" or url.endswith("/"):
        return url + "index.html"
    return url


# Every page links to the same menu, assets and footer from the same few folders, so a
# build asks the same questions tens of thousands of times; relpath is the costly part.
@functools.lru_cache(maxsize=65536)
def relative_url(from_url: str, to_url: str) -> str:
    """Return a link from one page to another URL that works from any folder and host."""
    from_dir = from_url if from_url.endswith("/") or from_url == "" else posixpath.dirname(from_url)
    to_path, _, fragment = to_url.partition("#")
    base = posixpath.relpath("/" + to_path, "/" + from_dir)
    if base == ".":
        base = "./"
    elif (to_path == "" or to_path.endswith("/")) and not base.endswith("/"):
        base += "/"
    # Documents keep their names, spaces too ("files/Foto Kim.png"); an address has none.
    return base.replace(" ", "%20") + (f"#{fragment}" if fragment else "")


def normalise_address(written: str) -> str | None:
    """Return the region-relative address an old address means, or None if it is not one.

    Servers read `/./a/`, `//a/`, `/A/`, `/%61/` and `/a/index.html` as `/a/`: an alias is
    compared in this form, so no spelling of it can stand in for another page's address.
    """
    text = unquote(written.strip())
    if not text or "://" in text or text.startswith("//") or any(ord(c) < 32 for c in text):
        return None
    parts: list[str] = []
    for part in text.split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if not parts:
                return None  # above the region's root
            parts.pop()
            continue
        if len(part.encode("utf-8", "surrogatepass")) > MAX_NAME_BYTES:
            return None
        parts.append(part)
    if parts and parts[-1].lower() in ("index.html", "index.htm"):
        parts.pop()
    path = "/".join(parts).lower()
    if not path:
        return ""
    return path if posixpath.splitext(parts[-1])[1] else path + "/"


# The longest file or folder name most file systems take.
MAX_NAME_BYTES = 255


# The pages rusgen makes in every region, by language: part of the URL policy, so a
# taxonomy or a page can be refused the address of one.
SEARCH_SLUGS = {"sv": "sok/", "en": "search/"}
LEGAL_SLUGS = {
    "accessibility": {"sv": "tillganglighet", "en": "accessibility"},
    "personal-data": {"sv": "personuppgifter", "en": "personal-data"},
    "cookies": {"sv": "kakor", "en": "cookies"},
}
# Folders of a region's output that rusgen fills itself.
GENERATED_FOLDERS = ("events", "news", "assets", "pagefind")


def generated_names() -> frozenset[str]:
    """Return the first parts of the addresses of the pages and folders rusgen makes."""
    names = {slug.strip("/") for slug in SEARCH_SLUGS.values()}
    names.update(slug for slugs in LEGAL_SLUGS.values() for slug in slugs.values())
    return frozenset(names | set(GENERATED_FOLDERS))
