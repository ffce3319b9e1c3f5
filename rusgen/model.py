"""The immutable model of a network of regional microsites (its URL policy: urls.py).

Everything here is complete at construction and never changes; no I/O happens here.
URLs are region-relative paths without a leading slash: "" is the home page,
"kraftsamlingar/" a page, "events/uppstart.ics" a file.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import cached_property

from rusgen.model_parts import (
    DOCUMENT_LAW_SINCE,
    AgendaItem,
    Contact,
    Document,
    DocumentCheck,
    EventInfo,
    FieldLines,
    Image,
    NewsInfo,
    OnlineMeeting,
    Registration,
    Taxonomy,
    Term,
    Translations,
    translated,
)
from rusgen.urls import region_folder, relative_url

# The model's names; those of its parts (model_parts.py) are imported from here too.
__all__ = [
    "Accessibility", "AgendaItem", "Contact", "DOCUMENT_LAW_SINCE", "Document", "DocumentCheck",
    "EditorSettings", "EventInfo", "FieldLines", "GoneAddress", "Image", "MenuItem", "Network",
    "NewsInfo", "OnlineMeeting", "Output", "Page", "Region", "Registration", "Site", "StaticFile",
    "Taxonomy", "Term", "Translations", "translated",
]


@dataclass(frozen=True)
class Page:
    """One Markdown source: a page, a section, an event or a news item."""

    source: str  # path within the region folder, e.g. "kraftsamlingar/index.md"
    lang: str
    url: str
    title: str
    body: str
    body_line: int  # the line of the source file where the Markdown body starts
    summary: str = ""
    updated: datetime | None = None
    draft: bool = False
    weight: int = 0
    image: Image | None = None
    contacts: tuple[str, ...] = ()
    documents: tuple[Document, ...] = ()
    terms: tuple[tuple[str, str], ...] = ()  # (taxonomy id, term id)
    aliases: tuple[str, ...] = ()
    event: EventInfo | None = None
    news: NewsInfo | None = None
    field_lines: FieldLines = FieldLines()
    # Publishing over time and ownership (contentmodel PUBLISHING_FIELDS).
    publish: datetime | None = None  # not built before this moment
    unpublish: datetime | None = None  # not built from this moment on
    owner: str = ""  # a contact id
    reviewed: date | None = None
    review_by: date | None = None

    def is_live(self, moment: datetime) -> bool:
        """Tell whether the page is published at this moment (drafts aside)."""
        if self.publish is not None and moment < self.publish:
            return False
        return self.unpublish is None or moment < self.unpublish

    def not_yet_published(self, moment: datetime) -> bool:
        return self.publish is not None and moment < self.publish

    def unpublished_by(self, moment: datetime) -> bool:
        return self.unpublish is not None and moment >= self.unpublish

    def body_line_holding(self, text: str) -> int:
        """Return the source line of the first body line that contains `text`, or 0."""
        if text:
            for offset, line in enumerate(self.body.split("\n")):
                if text in line:
                    return self.body_line + offset
        return 0

    @property
    def is_section(self) -> bool:
        return posixpath.basename(self.source).split(".")[0] == "index"

    @cached_property  # asked for every page by menus, views and language versions
    def translation_key(self) -> str:
        """Return what the language versions of one page share: the source without .en."""
        stem, ext = posixpath.splitext(self.source)
        if stem.endswith(f".{self.lang}"):
            stem = stem[: -len(self.lang) - 1]
        return stem + ext


@dataclass(frozen=True)
class StaticFile:
    """A file copied to the output as it is: a document, an image or a theme asset."""

    url: str
    source: str  # absolute path on disk
    size: int


@dataclass(frozen=True)
class Accessibility:
    """The facts the accessibility statement (tillgänglighetsredogörelse) is made from."""

    status: str
    method: str
    assessed: date
    updated: date
    known_issues: tuple[str, ...] = ()
    feedback_email: str = ""
    feedback_url: str = ""
    feedback_phone: str = ""


@dataclass(frozen=True)
class GoneAddress:
    """An address removed on purpose: it answers 410 Gone, with the reason if given."""

    address: str  # region-relative, like "gammal-sida/"
    reason: str = ""
    line: int = field(default=0, compare=False)  # in region.yaml, for messages


@dataclass(frozen=True)
class MenuItem:
    title_key: str  # an i18n key for events and news, else ""
    target: str  # a page's translation key, "events" or "news"


@dataclass(frozen=True)
class Region:
    """One region: one microsite, deployable on its own."""

    id: str
    name: str
    organisation: str
    base_url: str
    languages: tuple[str, ...]
    timezone: str
    theme: str
    color: str
    logo: str
    menu: tuple[str, ...]
    taxonomies: tuple[Taxonomy, ...]
    contact_email: str
    contact_phone: str
    accessibility: Accessibility | None
    contacts: tuple[Contact, ...]
    pages: tuple[Page, ...]
    files: tuple[StaticFile, ...]
    parent: str = ""
    folder: str = ""  # its folder in the output, from base_url (region_folder); "" -> the id
    review_every: int = 0  # months; 0: pages are due for review only by their review_by
    gone: tuple[GoneAddress, ...] = ()
    # The addresses the region has published (its ledger), None when it has none yet.
    published: tuple[str, ...] | None = None
    # Pages (not drafts) whose publish moment is still to come: not built, but scheduled.
    coming: tuple[Page, ...] = ()
    # Pages (not drafts) whose unpublish moment has passed: not built; named when linked.
    ended: tuple[Page, ...] = ()
    # The documents of files/ that fail DOS-lagen's checks, set by documents.check_documents.
    document_checks: tuple[DocumentCheck, ...] = ()

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def in_language(self, lang: str) -> Region:
        """Return the region as its pages in `lang` show it: taxonomy titles and contact
        roles in that language, where region.yaml and contacts.yaml give them."""
        return replace(self, taxonomies=tuple(t.in_language(lang) for t in self.taxonomies),
                       contacts=tuple(c.in_language(lang) for c in self.contacts))

    @cached_property
    def contacts_by_id(self) -> dict[str, Contact]:
        return {c.id: c for c in self.contacts}

    def taxonomy(self, taxonomy_id: str) -> Taxonomy | None:
        """Return the taxonomy with this id, or None."""
        return next((t for t in self.taxonomies if t.id == taxonomy_id), None)

    def term(self, taxonomy_id: str, term_id: str) -> Term | None:
        """Return a term of one of the region's taxonomies, or None."""
        taxonomy = self.taxonomy(taxonomy_id)
        return taxonomy.term(term_id) if taxonomy else None

    def absolute_url(self, url: str) -> str:
        """Return the published address of a region-relative URL."""
        return self.base_url + url

    @property
    def output_folder(self) -> str:
        """Return the region's folder in the output: "vg" for https://rus.example.se/vg/."""
        return self.folder or self.id


@dataclass(frozen=True)
class EditorSettings:
    """`editor:` of rusgen.yaml: where the editor on the web saves."""

    backend: str  # gitlab, github or gitea
    repo: str
    branch: str
    app_id: str = ""
    base_url: str = ""


@dataclass(frozen=True)
class Network:
    """The network of regions, from rusgen.yaml."""

    name: str
    base_url: str
    output: str
    language: str
    theme: str
    editor: EditorSettings | None = None  # None: no /admin/ in the output


@dataclass(frozen=True)
class Site:
    """Everything the render stage needs: the network, its regions and the build time."""

    network: Network
    regions: tuple[Region, ...]
    build_time: datetime
    drafts: bool = False

    def region(self, region_id: str) -> Region | None:
        """Return the region with this id, or None."""
        return next((r for r in self.regions if r.id == region_id), None)

    def in_place(self, region: Region) -> bool:
        """Say whether a region's folder in the output is where its address puts it: not so
        for one built for a staging address (--base-url), which keeps its folder."""
        return region_folder(region.base_url, self.network.base_url, region.id) == region.output_folder

    def local_path(self, url: str) -> str | None:
        """Return where in the output an address of the network is ("vg/om/" for
        https://rus.example.se/vg/om/), or None when no site of this build is there."""
        for region in sorted(self.regions, key=lambda r: len(r.base_url), reverse=True):
            # A region published elsewhere than below the network's address is not where
            # public/ is uploaded: it is linked by its address.
            below = region.base_url.startswith(self.network.base_url)
            if region.base_url and url.startswith(region.base_url) and below and self.in_place(region):
                return f"{region.output_folder}/{url[len(region.base_url):]}"
        if self.network.base_url and url.startswith(self.network.base_url):
            return url[len(self.network.base_url):]
        return None

    def link_from(self, region: Region | None, from_path: str, url: str) -> str:
        """Return a link from a file of the output (of `region`, or the network's) to an
        address of the network: relative when the output holds it, so the network's links
        work in the preview, from disk and wherever public/ is uploaded; else the address
        as written."""
        local = self.local_path(url)
        if local is None or (region is not None and not self.in_place(region)):
            return url
        return relative_url(from_path, local)


@dataclass(frozen=True)
class Output:
    """One file of the built site: its path below the output folder and its bytes."""

    path: str
    data: bytes = b""
    source: str = ""  # a file on disk to copy instead of data, for documents and images
    # The SHA-256 of the bytes, where the build has it already (a page it noted or read
    # back): the writer and the search store's key then need not hash them again.
    digest: str = field(default="", compare=False)

    def is_rendered_page(self, prefix: str = "") -> bool:
        """Tell whether this is an HTML page held as bytes (not a file to copy) below `prefix`:
        what the search indexes read."""
        return self.path.endswith(".html") and self.path.startswith(prefix) and not self.source
