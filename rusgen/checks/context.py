"""What every check of `rusgen check` reads: the Site, the rendered outputs, each page parsed once."""

from __future__ import annotations

import posixpath
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import NamedTuple
from urllib.parse import unquote, urlsplit

from rusgen.errors import ContentError
from rusgen.external import LinkStatus, fetch_status
from rusgen.htmlscan import ScannedPage, scan_html
from rusgen.messages import message_language, say
from rusgen.model import Output, Page, Region, Site
from rusgen.urls import output_path

DEFAULT_MAX_DOCUMENT_MB = 10.0
SKIPPED_SCHEMES = ("mailto:", "tel:", "javascript:", "data:", "sms:", "webcal:")


class Target(NamedTuple):
    """Where a link leads in this build."""

    path: str  # the output file, below the output folder
    fragment: str  # the part after #, "" for none


@dataclass(frozen=True)
class Source:
    """The content file an output was rendered from."""

    region: Region
    page: Page

    @property
    def display(self) -> str:
        return f"content/{self.region.id}/{self.page.source}"


@dataclass
class CheckContext:
    """Everything the checks read, each piece computed once."""

    site: Site
    outputs: list[Output]
    root: Path
    output_dir: str = "public"
    max_document_mb: float = DEFAULT_MAX_DOCUMENT_MB
    cache_dir: Path | None = None  # where --external remembers good answers
    fetch: Callable[[str], LinkStatus] = fetch_status

    @cached_property
    def lang(self) -> str:
        """Return the language of messages: RUSGEN_LANG, else rusgen.yaml's `language`."""
        return message_language(self.site.network.language)

    def text(self, code: str, /, **blanks: object) -> str:
        """Return the message `code` in the check's language."""
        return say(code, self.lang, **blanks)

    def error(self, path: str, line: int, field: str, code: str, /, **blanks: object) -> ContentError:
        """Make an error by its message code."""
        return ContentError(path, line, field, self.text(code, **blanks), code=code)

    def warning(self, path: str, line: int, field: str, code: str, /, **blanks: object) -> ContentError:
        """Make a warning by its message code."""
        return ContentError(path, line, field, self.text(code, **blanks), warning=True, code=code)

    @cached_property
    def paths(self) -> set[str]:
        return {o.path for o in self.outputs}

    @cached_property
    def html(self) -> dict[str, ScannedPage]:
        return {o.path: scan_html(o.data) for o in self.outputs if o.path.endswith(".html") and o.data}

    @cached_property
    def sources(self) -> dict[str, Source]:
        """Map an output path to the page it shows (aliases excluded)."""
        return {
            f"{region.output_folder}/{output_path(page.url)}": Source(region, page)
            for region in self.site.regions
            for page in region.pages
        }

    @cached_property
    def bases(self) -> list[tuple[str, str]]:
        """List (published address, output prefix), longest address first."""
        pairs = [(r.base_url, f"{r.output_folder}/") for r in self.site.regions if r.base_url]
        # With --region the network index is not rendered; its address is then outside.
        if self.site.network.base_url and "index.html" in self.paths:
            pairs.append((self.site.network.base_url, ""))
        return sorted(pairs, key=lambda p: len(p[0]), reverse=True)

    def where(self, path: str) -> str:
        """Return how messages name an output file: below the output folder."""
        return f"{self.output_dir}/{path}"

    def internal_target(self, from_path: str, url: str) -> Target | None:
        """Return where a URL leads in this build, or None if outside."""
        if url.startswith(SKIPPED_SCHEMES):
            return None
        if url.startswith(("http://", "https://", "//")):
            for base, prefix in self.bases:
                if url.startswith(base):
                    return self._target(prefix + url[len(base):])
            return None
        if ":" in url.split("/")[0]:
            return None
        if url.startswith("#"):
            return Target(from_path, unquote(url[1:]))
        if url.startswith("/"):
            # From the host's root, as the 404 page links: the path of an address above.
            for base, prefix in self.bases:
                path = urlsplit(base).path
                if url.startswith(path):
                    return self._target(prefix + url[len(path):])
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(from_path), url.split("#")[0]))
        fragment = url.partition("#")[2]
        keep_slash = url.split("#")[0].split("?")[0].endswith("/")
        if joined == ".":  # the output's own root: the network index
            joined, keep_slash = "", False
        target = self._target(joined + ("/" if keep_slash else "") + ("#" + fragment if fragment else ""))
        # A build of some regions (--region) holds neither the network index nor the other
        # regions: a link to them leads outside what is checked, as an address would.
        return target if self.exists(target.path) or self.built_here(target.path) else None

    def built_here(self, path: str) -> bool:
        """Say whether an output path belongs to what this build makes."""
        return "index.html" in self.paths or any(
            path.startswith(f"{region.output_folder}/") for region in self.site.regions
        )

    def _target(self, rel: str) -> Target:
        parts = urlsplit(rel)
        path = unquote(parts.path).lstrip("/")
        if path in (".", ""):
            path = ""
        return Target(output_path(path), unquote(parts.fragment))

    def exists(self, path: str) -> bool:
        """Say whether an output path is built, also as a folder without its slash."""
        return path in self.paths or f"{path}/index.html" in self.paths

    def pages(self) -> Iterator[Source]:
        """Yield every content page with its region."""
        for region in self.site.regions:
            for page in region.pages:
                yield Source(region, page)


Check = Callable[[CheckContext], Iterator[ContentError]]


def line_holding(page: Page, text: str) -> int:
    """Return the line of the page's source that holds `text`: front matter first, then body."""
    return page.field_lines.line_holding(text) or page.body_line_holding(text)
