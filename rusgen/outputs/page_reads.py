"""What a page read while it rendered, and what each of those inputs is now.

A page is rendered again only when something it read has changed (the way Lektor records
a build's dependencies). While a page renders, the theme environment (render.py) tells a
`Reads` what the templates touch:

- a page's field (`item.title`, any page of a list, menu or related pages): that page, as
  its front matter (its Markdown text is in the key of its own page only, as `content`);
- a field of a region (`region.name`, `region.taxonomies`) or of the site: that field;
- a template, include or macro file: that file, as the theme chain finds it;
- a name of the context (`menu`, `upcoming`, `breadcrumbs`): its value, with the pages
  in it by their front matter;
- a context function that reads the site in Python (`contacts(...)`, `term_of`,
  `site_link`) notes what it read itself (outputs/html.py).

Each input is a token (kind, then names, joined by NUL); the page cache keeps the tokens
with their digests, and the next build asks `SiteReads.digest` for each one again. What
cannot be recorded (a value of a type this module does not know reaching a template, a
page missing from the site) makes the page depend on the whole site and every template:
the coarse key, never a stale page.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from functools import cached_property
from pathlib import Path
from typing import Any

from markupsafe import Markup

from rusgen.model import Network, Page, Region, Site
from rusgen.store import blob_name, key

SEP = "\0"
WHOLE_SITE = f"site{SEP}*"  # the coarse key's two parts: all of the site (without
ALL_TEMPLATES = f"template{SEP}*"  # the pages' text) and every template of the theme
CLOCK = f"site{SEP}build_time"  # the time of the build, when a template reads it

# Names of the context that are objects: what a template reads of them is noted field by
# field (`page` also as a whole: filters get it), or callables that are pure functions of
# the page's address, the strings or the assets (in every page's key), or note what they
# read themselves.
OBJECTS = frozenset({"site", "network", "region", "parent_region", "view", "content", "page"})
CALLS = frozenset({
    "link", "asset", "t", "calendar_url", "moved_from", "state_of", "responsive",
    "site_link", "abs_url", "contacts", "term_of", "inaccessible_documents", "calendar_links",
})
# Methods a template may call on a region or the site, and the field each one reads.
REGION_METHODS = {"taxonomy": "taxonomies", "term": "taxonomies", "absolute_url": "base_url"}
SITE_METHODS = {"region": "region_ids", "in_place": "addresses", "local_path": "addresses",
                "link_from": "addresses"}
SITE_PARTS = ("region_ids", "addresses")
CONTEXT = f"ctx{SEP}"  # the inputs that are names of a page's context
SITE_ADDRESSES = f"site{SEP}addresses"  # what site.link_from reads: where the regions are
PLAIN = (str, int, float, bool, type(None), date, datetime, time)


class Unrecordable(Exception):
    """A value of a kind whose inputs cannot be named reached a template."""


def token(*parts: str) -> str:
    return SEP.join(parts)


def page_token(region_id: str, page: Page) -> str:
    return token("page", region_id, page.source, page.lang)


def front_matter_digest(page: Page) -> str:
    """Hash a page without its Markdown text: what other pages can show of it."""
    return key(repr(dataclasses.replace(page, body="")))


class Reads:
    """What one page's templates read while it rendered (render.ThemeEnvironment notes it)."""

    def __init__(self, page_tokens: Mapping[int, str], in_key: frozenset[int] = frozenset()) -> None:
        self.page_tokens = page_tokens  # id() of each Page of the site -> its token
        self.in_key = in_key  # id() of the pages the page's key holds already
        self.tokens: set[str] = set()
        self.names: set[str] = set()  # the context names the templates looked up
        self.unrecordable = False

    def saw(self, obj: Any, attribute: str) -> None:
        """Note a template reading `obj.attribute` (or `obj[attribute]`)."""
        if isinstance(obj, Page):
            self.page(obj)
        elif isinstance(obj, Region):
            field = REGION_METHODS.get(attribute, attribute)
            self.tokens.add(token("region", obj.id, field if _is_field(obj, field) else "*"))
        elif isinstance(obj, Site):
            field = SITE_METHODS.get(attribute, attribute)
            self.tokens.add(token("site", field if _is_field(obj, field) or field in SITE_PARTS
                                  else "*"))
        elif isinstance(obj, Network):
            self.tokens.add("network")

    def page(self, page: Page) -> None:
        if id(page) in self.in_key:
            return
        found = self.page_tokens.get(id(page))
        if found is None:
            self.unrecordable = True
        else:
            self.tokens.add(found)

    def template(self, name: str) -> None:
        self.tokens.add(token("template", name))

    def note(self, *tokens: str) -> None:
        """Note inputs that a context function read in Python."""
        self.tokens.update(tokens)

    def tokens_read(self, context: Mapping[str, Any]) -> tuple[str, ...]:
        """Return every input read, sorted; the coarse pair if any was not recordable."""
        if "page" in self.names and isinstance(context.get("page"), Page):
            self.page(context["page"])  # a filter given the page reads it in Python
        if self.unrecordable or self.names & {name for name in context if callable(context[name])} - CALLS:
            return self.coarse()  # a callable that notes nothing it reads
        tokens = set(self.tokens)
        for name in self.names - OBJECTS - CALLS:
            if name in context:
                tokens.add(token("ctx", name))
        return tuple(sorted(tokens))

    def coarse(self) -> tuple[str, ...]:
        """Return the inputs of a page whose reads cannot all be named: the whole site,
        every template, and the time when a template read it."""
        clock = (CLOCK,) if "now" in self.names or CLOCK in self.tokens else ()
        return (*clock, WHOLE_SITE, ALL_TEMPLATES)


def _is_field(obj: Any, name: str) -> bool:
    """Tell whether a name is a value of an object rather than a method or unknown."""
    value = getattr(obj, name, None)
    return not name.startswith("_") and hasattr(obj, name) and not callable(value)


class SiteReads:
    """The digests of the inputs a page can read, in one build, for one region's theme."""

    def __init__(self, site: Site, template_folders: tuple[Path, ...]) -> None:
        self.site = site
        self.template_folders = template_folders
        self._digests: dict[str, str] = {}
        self._pages: dict[str, str] = {}
        self._combined: dict[tuple[str, ...], str] = {}
        self._tuples: dict[int, tuple[tuple[Any, ...], str]] = {}  # id -> (the tuple, its hash)

    @cached_property
    def _pages_by_token(self) -> dict[str, Page]:
        """Every page of the site by its name: its region, source and language."""
        return {page_token(region.id, page): page
                for region in self.site.regions for page in region.pages}

    @cached_property
    def page_tokens(self) -> dict[int, str]:
        """The name of every page of the site, by the page's id()."""
        return {id(page): name for name, page in self._pages_by_token.items()}

    def page_digest(self, page: Page) -> str:
        """The front matter digest of a page, kept for the rest of the build."""
        name = self.page_tokens.get(id(page)) or f"?{id(page)}"
        if name not in self._pages:
            self._pages[name] = front_matter_digest(page)
        return self._pages[name]

    def combined(self, tokens: tuple[str, ...], context: Callable[[], Mapping[str, Any]]) -> str:
        """Hash the digests of a page's inputs in this build. A set without names of the
        context is hashed once a build: most pages of a region share a few sets."""
        if any(name.startswith(CONTEXT) for name in tokens):
            return key(*(self.digest(name, context) for name in tokens))
        if tokens not in self._combined:
            self._combined[tokens] = key(*(self.digest(name) for name in tokens))
        return self._combined[tokens]

    def digest(self, name: str, context: Callable[[], Mapping[str, Any]] | None = None) -> str:
        """Return what an input is in this build; `context` gives the page's context for
        the inputs that are names of it."""
        if name.startswith(CONTEXT):
            if context is None:
                raise Unrecordable(name)
            return self.fingerprint(context().get(name.split(SEP, 1)[1]))
        if name not in self._digests:
            self._digests[name] = self._digest(name)
        return self._digests[name]

    def _digest(self, name: str) -> str:
        kind, *parts = name.split(SEP)
        site = self.site
        if kind == "page":
            page = self._pages_by_token.get(name)
            return self.page_digest(page) if page is not None else "gone"
        if kind == "region":
            region = site.region(parts[0])
            return "gone" if region is None else self._region_part(region, parts[1])
        if kind == "contact":
            region = site.region(parts[0])
            contact = region.contacts_by_id.get(parts[1]) if region is not None else None
            return key(repr(contact))
        if kind == "template":
            return self._template(parts[0])
        if kind == "network":
            return key(repr(site.network))
        if kind == "site":
            return self._site_part(parts[0])
        raise Unrecordable(name)

    def _region_part(self, region: Region, field: str) -> str:
        if field == "*":
            without_pages = dataclasses.replace(region, pages=(), published=None, coming=(), ended=())
            return key(repr(without_pages), *(self.page_digest(p) for p in region.pages))
        if field == "pages":
            return key(*(self.page_digest(p) for p in region.pages))
        if field in ("coming", "ended", "published"):
            return self._region_part(region, "*")
        return key(repr(getattr(region, field)))

    def _site_part(self, field: str) -> str:
        site = self.site
        if field == "*":
            return key(repr(site.network), repr(site.drafts),
                       *(self._region_part(region, "*") for region in site.regions))
        if field == "regions":
            return key(*(self._region_part(region, "*") for region in site.regions))
        if field == "region_ids":
            return key(*(region.id for region in site.regions))
        if field == "addresses":  # what site.local_path and link_from read
            return key(site.network.base_url, *(
                f"{region.id} {region.base_url} {region.output_folder}" for region in site.regions
            ))
        if field == "build_time":
            return site.build_time.isoformat()
        return key(repr(getattr(site, field)))

    def _template(self, name: str) -> str:
        """Hash a template as the theme chain finds it (the nearest folder first)."""
        if name == "*":
            return key(*(
                f"{path}\0{blob_name(path.read_bytes())}"
                for folder in self.template_folders
                for path in sorted((folder / "templates").rglob("*")) if path.is_file()
            ))
        for folder in self.template_folders:
            path = folder / "templates" / name
            if path.is_file():
                return key(str(path), blob_name(path.read_bytes()))
        return "missing"

    def fingerprint(self, value: Any) -> str:
        """Hash a value of the context, a page in it by its front matter.

        The menu, the legal links and the lists of events and news are one tuple for all
        of a region's pages in a language: hashed once (the tuple is kept with its hash,
        so that its id is not another object's later in the build).
        """
        if isinstance(value, tuple):
            found = self._tuples.get(id(value))
            if found is None:
                found = self._tuples[id(value)] = (value, key(*self._parts(value)))
            return found[1]
        return key(*self._parts(value))

    def _parts(self, value: Any) -> list[str]:
        if isinstance(value, Markup):
            return [f"M{str(value)}"]
        if isinstance(value, PLAIN):
            return [repr(value)]
        if isinstance(value, Page):
            return [f"P{self.page_digest(value)}"]
        if isinstance(value, tuple | list):
            return ["(", *(part for item in value for part in self._parts(item)), ")"]
        if isinstance(value, dict):
            return ["{", *(part for pair in value.items() for item in pair
                           for part in self._parts(item)), "}"]
        if dataclasses.is_dataclass(value) and not isinstance(value, type | Region | Site):
            return [type(value).__name__, *(part for f in dataclasses.fields(value)
                                            for part in self._parts(getattr(value, f.name)))]
        raise Unrecordable(type(value).__name__)
