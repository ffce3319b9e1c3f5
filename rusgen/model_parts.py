"""The parts a page of the model is made of: its contacts, images, documents, taxonomy
terms, event and news details, and where each front matter field was written.

Like model.py (which re-exports every name here), complete at construction, never
changed, no I/O.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, replace
from datetime import date, datetime


@dataclass(frozen=True)
class Contact:
    """A person readers can reach, from contacts.yaml."""

    id: str
    name: str
    role: str = ""
    organisation: str = ""
    phone: str = ""
    mobile: str = ""
    email: str = ""
    roles: Translations = ()  # the role per language, when written so

    def in_language(self, lang: str) -> Contact:
        """Return the contact as a page in `lang` shows it: its role in that language."""
        return replace(self, role=translated(self.roles, lang, self.role)) if self.roles else self


# A text written once per language, `{sv: Kraftsamlingar, en: Focus areas}`, as (language,
# text) pairs in the order written; () when it was written once, for every language.
Translations = tuple[tuple[str, str], ...]


def translated(translations: Translations, lang: str, default: str) -> str:
    """Return the text of `lang`, or `default` (the region's first language's) without one."""
    return next((text for written, text in translations if written == lang), default)


@dataclass(frozen=True)
class Image:
    """An image with its alt text ("" marks it decorative) and photo credit."""

    src: str
    alt: str
    credit: str = ""


@dataclass(frozen=True)
class Document:
    """A downloadable file listed on a page, with what its link must say."""

    file: str
    title: str
    size: int
    lang: str = ""
    # What the accessibility statement says of it when it is not accessible.
    exemption: str = ""  # "oskäligt betungande" or "omfattas inte" (contentmodel.EXEMPTIONS), else ""
    justification: str = ""
    alternative: str = ""  # the address of a page with the same content, region-relative
    published: date | None = None  # first published here; None: by this build

    @property
    def kind(self) -> str:
        return posixpath.splitext(self.file)[1].lstrip(".").lower()


# DOS-lagen asks documents published from this day on to be accessible themselves.
DOCUMENT_LAW_SINCE = date(2018, 9, 23)


@dataclass(frozen=True)
class DocumentCheck:
    """What the build found wrong in one published document (files/...), in its own words.

    `failures` are codes: "untagged", "no_language", "no_title", "title_hidden", "no_text",
    "unreadable"; none means the document passed.
    """

    url: str
    failures: tuple[str, ...]


@dataclass(frozen=True)
class Term:
    """One term of a region's taxonomy, e.g. the kraftsamling Elektrifiering."""

    taxonomy: str
    id: str
    title: str
    period: str = ""
    summary: str = ""
    titles: Translations = ()

    def in_language(self, lang: str) -> Term:
        return replace(self, title=translated(self.titles, lang, self.title)) if self.titles else self


@dataclass(frozen=True)
class Taxonomy:
    """A region's own way of grouping content."""

    id: str
    title: str
    terms: tuple[Term, ...]
    titles: Translations = ()

    def term(self, term_id: str) -> Term | None:
        """Return the term with this id, or None."""
        return next((t for t in self.terms if t.id == term_id), None)

    def in_language(self, lang: str) -> Taxonomy:
        """Return the taxonomy with its title and its terms' titles in `lang`."""
        return replace(self, title=translated(self.titles, lang, self.title),
                       terms=tuple(term.in_language(lang) for term in self.terms))


@dataclass(frozen=True)
class OnlineMeeting:
    url: str = ""
    platform: str = ""
    phone: str = ""
    conference_id: str = ""


@dataclass(frozen=True)
class Registration:
    url: str = ""
    email: str = ""
    deadline: date | None = None
    note: str = ""


@dataclass(frozen=True)
class AgendaItem:
    time: str
    title: str
    who: str = ""


@dataclass(frozen=True)
class EventInfo:
    """What makes a page an event: when, where, how to take part."""

    start: datetime
    end: datetime | None
    all_day: bool
    location: str = ""
    online: OnlineMeeting | None = None
    livestream: str = ""
    registration: Registration | None = None
    status: str = "scheduled"
    status_note: str = ""
    agenda: tuple[AgendaItem, ...] = ()
    series: str = ""
    uid: str = ""
    previous_start: datetime | None = None  # the event moved from this time

    @property
    def ends(self) -> datetime:
        """Return the moment the event is over, which decides upcoming versus past."""
        if self.end is not None:
            return self.end
        if self.all_day:
            return datetime.combine(self.start.date(), datetime.max.time(), self.start.tzinfo)
        return self.start


@dataclass(frozen=True)
class NewsInfo:
    """What makes a page a news item or press release."""

    date: date
    kind: str = "news"
    author: str = ""
    press_contacts: tuple[str, ...] = ()


@dataclass(frozen=True)
class FieldLines:
    """Where each front matter value was written, so later checks can name the line
    without reading the file again: ("registration.deadline", 12, "2020-10-10")."""

    entries: tuple[tuple[str, int, str], ...] = ()

    def line_of(self, field: str) -> int:
        """Return the line of a field given by its dotted path, or 0."""
        return next((line for name, line, _ in self.entries if name == field), 0)

    def line_holding(self, text: str) -> int:
        """Return the line of the value that is `text`, else of the first that contains it, or 0."""
        if not text:
            return 0
        exact = next((line for _, line, value in self.entries if value == text), 0)
        return exact or next((line for _, line, value in self.entries if text in value), 0)
