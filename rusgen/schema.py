"""Turn raw YAML and front matter into the immutable model, checking every field.

Every problem is recorded with its file, line and field, and what to write instead; the
build reports them all at once rather than stopping at the first.
"""

from __future__ import annotations

import posixpath
import re
from datetime import datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from rusgen.colors import contrast_ratio, parse_hex
from rusgen.errors import Problems
from rusgen.fields import Fields, describe
from rusgen.model import (
    ACCESSIBILITY_STATUSES,
    EVENT_STATUSES,
    NEWS_KINDS,
    Accessibility,
    AgendaItem,
    Contact,
    Document,
    EventInfo,
    FieldLines,
    Image,
    Network,
    NewsInfo,
    OnlineMeeting,
    Page,
    Region,
    Registration,
    Site,
    StaticFile,
    Taxonomy,
    Term,
    page_url,
)
from rusgen.raw import CONFIG_FILE, RawPage, RawProject, RawRegion
from rusgen.yamlfile import YamlList, YamlMap

MIN_CONTRAST = 4.5
SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
LANG_RE = re.compile(r"^[a-z]{2}$")
EVENTS, NEWS = "events", "news"

NETWORK_FIELDS = ("name", "base_url", "output", "language", "theme")
REGION_FIELDS = (
    "name", "organisation", "base_url", "languages", "timezone", "parent", "theme",
    "branding", "menu", "taxonomies", "contact", "accessibility",
)
CONTACT_FIELDS = ("name", "role", "organisation", "phone", "mobile", "email")
PAGE_FIELDS = (
    "title", "summary", "updated", "draft", "weight", "image", "contacts", "documents",
    "aliases", "slug",
)
EVENT_FIELDS = (
    "start", "end", "location", "online", "livestream", "registration", "status",
    "status_note", "agenda", "series", "uid",
)
NEWS_FIELDS = ("date", "kind", "author", "press_contacts")


def build_site(
    raw: RawProject, problems: Problems, build_time: datetime, drafts: bool = False,
    cache: dict | None = None,
) -> Site:
    """Validate the whole project into a Site; errors go to `problems`.

    `cache` keeps each validated page by its text and its region's facts between runs of
    the preview, so a save validates the saved page, not all of them.
    """
    cache = {} if cache is None else cache
    # A rusgen.yaml the loader could not read is reported once, not again as "name: required".
    unreadable = any(e.path == CONFIG_FILE for e in problems.errors)
    network = _network(raw.config, _Silenced(problems, CONFIG_FILE) if unreadable else problems)
    regions = tuple(_region(r, network, problems, drafts, cache) for r in raw.regions)
    for region in regions:
        if region.parent and region.parent not in {r.id for r in regions} and not raw_has(
            raw, region.parent
        ):
            problems.error(
                f"content/{region.id}/region.yaml", 0, "parent",
                f'no region "{region.parent}" in content/; write the folder name of the parent',
            )
    return Site(network=network, regions=regions, build_time=build_time, drafts=drafts)


def raw_has(raw: RawProject, region_id: str) -> bool:
    """Say whether content/ holds a region folder, also when --region left it out."""
    return (raw.root / "content" / region_id / "region.yaml").is_file()


def _network(config: YamlMap, problems: Problems) -> Network:
    fields = Fields(config, CONFIG_FILE, problems)
    fields.warn_unknown(NETWORK_FIELDS)
    return Network(
        name=fields.text("name", required=True, example="Regionala utvecklingsstrategier"),
        base_url=_base_url(fields, "base_url", required=False),
        output=fields.text("output") or "public",
        language=fields.text("language") or "sv",
        theme=fields.text("theme") or "default",
    )


def _base_url(fields: Fields, key: str, required: bool = True) -> str:
    url = fields.text(key, required=required, example="https://rus.example.se/vg/")
    if url and not re.match(r"^https?://[^/\s]+", url):
        fields.error(key, f"expected an absolute address like https://rus.example.se/vg/, got {url!r}")
        return ""
    return url if not url or url.endswith("/") else url + "/"


def _region(raw: RawRegion, network: Network, problems: Problems, drafts: bool, cache: dict) -> Region:
    path = f"{raw.display}/region.yaml"
    settings = raw.settings
    if settings is None:
        if not (raw.folder / "region.yaml").is_file():
            problems.error(
                path, 0, "", "missing; every region folder needs a region.yaml with at least "
                "name, organisation and base_url",
            )
        # Carry on with empty settings, so the pages' own errors are reported in this run too,
        # but without repeating "required" for every field of the missing or broken file.
        settings = YamlMap()
        settings.line, settings.key_lines = 1, {}
        problems = _Silenced(problems, path)
    f = Fields(settings, path, problems)
    f.warn_unknown(REGION_FIELDS)
    languages = tuple(lang for lang, _ in f.texts("languages")) or (network.language,)
    for lang in languages:
        if not LANG_RE.match(lang):
            f.error("languages", f'expected two-letter language codes like [sv, en], got "{lang}"')
    tz_name = f.text("timezone") or "Europe/Stockholm"
    try:
        tz = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        f.error("timezone", f'unknown time zone "{tz_name}"; write Europe/Stockholm')
        tz = ZoneInfo("Europe/Stockholm")
    branding = f.mapping("branding")
    color, logo = "#00609c", ""
    if branding is not None:
        branding.warn_unknown(("color", "logo"))
        color = _accent(branding) or color
        logo = branding.text("logo")
    files = tuple(
        StaticFile(url=file.rel, source=str(file.path), size=file.size) for file in raw.files
    )
    file_sizes = {file.url: file.size for file in files}
    if logo and logo not in file_sizes:
        branding.error("logo", _missing_file(logo, raw.display))  # type: ignore[union-attr]
    contacts = _contacts(raw, problems)
    taxonomies = _taxonomies(f)
    contact = f.mapping("contact")
    if contact is not None:
        contact.warn_unknown(("email", "phone"))
    region_context = _RegionContext(
        id=raw.id, display=raw.display, languages=languages, tz=tz,
        files=file_sizes, contacts={c.id for c in contacts}, taxonomies=taxonomies,
    )
    pages = tuple(
        page
        for page in (_page_once(p, region_context, problems, cache) for p in raw.pages)
        if page is not None and (drafts or not page.draft)
    )
    _check_urls(pages, raw.display, problems)
    menu = _menu(f, pages, taxonomies)
    return Region(
        id=raw.id,
        name=f.text("name", required=True, example="Västra Götaland"),
        organisation=f.text("organisation", required=True, example="Västra Götalandsregionen"),
        base_url=_base_url(f, "base_url"),
        languages=languages,
        timezone=tz_name,
        theme=f.text("theme") or network.theme,
        color=color,
        logo=logo,
        menu=menu,
        taxonomies=taxonomies,
        contact_email=contact.text("email") if contact else "",
        contact_phone=contact.text("phone") if contact else "",
        accessibility=_accessibility(f),
        contacts=contacts,
        pages=pages,
        files=files,
        parent=f.text("parent"),
    )


class _Silenced(Problems):
    """Drop the errors of one file already reported as missing or unreadable."""

    def __init__(self, inner: Problems, path: str) -> None:
        self.inner = inner
        self.path = path
        self.items = inner.items

    def error(self, path: str, line: int, field: str, message: str) -> None:
        if path != self.path:
            self.inner.error(path, line, field, message)

    def warn(self, path: str, line: int, field: str, message: str) -> None:
        if path != self.path:
            self.inner.warn(path, line, field, message)


def _accent(branding: Fields) -> str:
    color = branding.text("color")
    if not color:
        return ""
    if parse_hex(color) is None:
        branding.error("color", f'expected a colour like "#00609c" (in quotes), got "{color}"')
        return ""
    ratio = contrast_ratio(color)
    if ratio < MIN_CONTRAST:
        branding.error(
            "color",
            f"{color} has a contrast of {ratio:.2f}:1 on white; text needs at least "
            f"{MIN_CONTRAST}:1 (WCAG 2.1 AA); choose a darker colour",
        )
        return ""
    return color


def _missing_file(rel: str, display: str) -> str:
    return f'no file "{rel}" in {display}/; put the file there or correct the path'


def _contacts(raw: RawRegion, problems: Problems) -> tuple[Contact, ...]:
    if raw.contacts is None:
        return ()
    path = f"{raw.display}/contacts.yaml"
    result = []
    for contact_id, value in raw.contacts.items():
        line = raw.contacts.line_of(contact_id)
        if not SLUG_RE.match(contact_id):
            problems.error(
                path, line, contact_id,
                "a contact id is written in lower case with hyphens, like robin-kalmendal",
            )
        if not isinstance(value, YamlMap):
            problems.error(
                path, line, contact_id,
                f"expected the person's fields beneath it (name: ...), got {describe(value)}",
            )
            continue
        f = Fields(value, path, problems, prefix=f"{contact_id}.")
        f.warn_unknown(CONTACT_FIELDS)
        result.append(
            Contact(
                id=contact_id,
                name=f.text("name", required=True, example="Robin Kalmendal"),
                role=f.text("role"),
                organisation=f.text("organisation"),
                phone=_phone(f, "phone"),
                mobile=_phone(f, "mobile"),
                email=f.text("email"),
            )
        )
    return tuple(result)


def _phone(f: Fields, key: str) -> str:
    phone = f.text(key)
    if phone and not any(c.isdigit() for c in phone):
        f.error(key, f'expected a phone number like "010-441 00 00" (in quotes), got "{phone}"')
        return ""
    return phone


def _taxonomies(f: Fields) -> tuple[Taxonomy, ...]:
    block = f.mapping("taxonomies")
    if block is None:
        return ()
    result = []
    for taxonomy_id in block.data:
        if not SLUG_RE.match(taxonomy_id) or taxonomy_id in PAGE_FIELDS + EVENT_FIELDS + NEWS_FIELDS:
            block.error(
                taxonomy_id,
                "a taxonomy id is a lower-case word with hyphens that is not a page field, "
                "like kraftsamlingar",
            )
            continue
        tax = block.mapping(taxonomy_id)
        if tax is None:
            continue
        tax.warn_unknown(("title", "terms"))
        terms_block = tax.mapping("terms")
        terms = []
        for term_id in terms_block.data if terms_block else ():
            if not SLUG_RE.match(term_id):
                terms_block.error(  # type: ignore[union-attr]
                    term_id, "a term id is written in lower case with hyphens, like elektrifiering"
                )
            term = terms_block.mapping(term_id)  # type: ignore[union-attr]
            if term is None:
                continue
            term.warn_unknown(("title", "period", "summary"))
            terms.append(
                Term(
                    taxonomy=taxonomy_id,
                    id=term_id,
                    title=term.text("title", required=True, example="Elektrifiering"),
                    period=term.text("period"),
                    summary=term.text("summary"),
                )
            )
        result.append(
            Taxonomy(
                id=taxonomy_id,
                title=tax.text("title", required=True, example="Kraftsamlingar"),
                terms=tuple(terms),
            )
        )
    return tuple(result)


ACCESSIBILITY_EXAMPLE = (
    "accessibility:\n  status: delvis\n  method: Egen granskning\n  assessed: 2021-03-01\n"
    "  feedback: {email: tillganglighet@example.se}"
)


def _accessibility(f: Fields) -> Accessibility | None:
    """Read the facts of the accessibility statement, which DOS-lagen requires of every site."""
    block = f.mapping("accessibility")
    if block is None:
        if not f.has("accessibility"):
            f.problems.error(
                f.path, 1, "accessibility",
                "required: every public site must publish an accessibility statement "
                "(tillgänglighetsredogörelse); add a block like\n" + ACCESSIBILITY_EXAMPLE,
            )
        return None
    block.warn_unknown(("status", "method", "assessed", "updated", "known_issues", "feedback"))
    if not block.has("status"):
        block.error("status", "required; write `status: helt`, `delvis` or `inte` (förenlig med lagen)")
    method = block.text(
        "method", required=True, example="Egen granskning med automatiska verktyg och manuell kontroll"
    )
    assessed = block.date("assessed", required=True)
    feedback = block.mapping("feedback")
    if feedback is not None:
        feedback.warn_unknown(("email", "url", "phone"))
    routes = {key: feedback.text(key) if feedback else "" for key in ("email", "url", "phone")}
    if not any(routes.values()):
        block.problems.error(
            block.path, block.line("feedback") or 1, block.name("feedback"),
            "required: how readers report inaccessible content; add a line like "
            "`feedback: {email: tillganglighet@example.se}` (email, url or phone)",
        )
    return Accessibility(
        status=block.choice("status", ACCESSIBILITY_STATUSES, "delvis"),
        method=method,
        assessed=assessed or datetime(1970, 1, 1).date(),
        updated=block.date("updated") or assessed or datetime(1970, 1, 1).date(),
        known_issues=tuple(text for text, _ in block.texts("known_issues")),
        feedback_email=routes["email"],
        feedback_url=routes["url"],
        feedback_phone=routes["phone"],
    )


class _RegionContext:
    """What validating one page needs to know about its region."""

    def __init__(self, id, display, languages, tz, files, contacts, taxonomies) -> None:  # noqa: A002
        self.id = id
        self.display = display
        self.languages = languages
        self.tz = tz
        self.files = files
        self.contacts = contacts
        self.taxonomies = taxonomies
        # Everything a page's validation reads of its region, as a cache key.
        self.key = _Key((id, display, languages, tz.key, tuple(sorted(files.items())),
                         tuple(sorted(contacts)), taxonomies))


class _Key:
    """A tuple that computes its hash once: a region's key is looked up for every page."""

    __slots__ = ("value", "_hash")

    def __init__(self, value: tuple) -> None:
        self.value = value
        self._hash = hash(value)

    def __hash__(self) -> int:
        return self._hash

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Key) and self._hash == other._hash and self.value == other.value


def _page_once(raw: RawPage, region: _RegionContext, problems: Problems, cache: dict) -> Page | None:
    """Validate a page once per text and region; replay its problems on later runs."""
    key = ("page", raw.display, raw.text, raw.body_line, region.key)
    hit = cache.get(key) if raw.text else None
    if hit is None:
        recorded = Problems()
        hit = (_page(raw, region, recorded), tuple(recorded.items))
        if raw.text:
            cache[key] = hit
    page, items = hit
    for item in items:
        report = problems.warn if item.warning else problems.error
        report(item.path, item.line, item.field, item.message)
    return page


def field_lines(front: YamlMap) -> FieldLines:
    """Flatten front matter into (dotted path, line, value as text) for later checks."""
    entries: list[tuple[str, int, str]] = []

    def walk(value: object, path: str, line: int) -> None:
        if isinstance(value, YamlMap):
            entries.append((path, line, ""))
            for key, item in value.items():
                walk(item, f"{path}.{key}" if path else key, value.line_of(key))
        elif isinstance(value, YamlList):
            entries.append((path, line, ""))
            for index, item in enumerate(value):
                walk(item, f"{path}.{index}", value.item_lines[index])
        else:
            entries.append((path, line, "" if value is None else str(value)))

    for key, value in front.items():
        walk(value, key, front.line_of(key))
    return FieldLines(tuple(entries))


def _page(raw: RawPage, region: _RegionContext, problems: Problems) -> Page | None:
    f = Fields(raw.front, raw.display, problems)
    section = raw.rel.split("/")[0] if "/" in raw.rel else ""
    is_event = section == EVENTS and not raw.rel.split("/")[-1].startswith("index.")
    is_news = section == NEWS and not raw.rel.split("/")[-1].startswith("index.")
    known = PAGE_FIELDS + tuple(t.id for t in region.taxonomies)
    known += EVENT_FIELDS if is_event else NEWS_FIELDS if is_news else ()
    f.warn_unknown(known)

    lang = _language(raw, region, problems)
    slug = f.text("slug")
    if slug and not SLUG_RE.match(slug):
        f.error("slug", f'expected lower-case letters, digits and hyphens like "ny-rus", got "{slug}"')
        slug = ""
    title = f.text("title", required=True, example="Kraftsamlingar")
    updated = f.date_or_datetime("updated")
    return Page(
        source=raw.rel,
        lang=lang,
        url=page_url(raw.rel, lang, region.languages[0], slug or None),
        title=title,
        body=raw.body,
        body_line=raw.body_line,
        field_lines=field_lines(raw.front),
        summary=f.text("summary"),
        updated=updated[0].replace(tzinfo=region.tz) if updated else None,
        draft=f.boolean("draft"),
        weight=f.integer("weight"),
        image=_image(f, region),
        contacts=_contact_ids(f, "contacts", region),
        documents=_documents(f, region),
        terms=_terms(f, region),
        aliases=_aliases(f),
        event=_event(f, region) if is_event else None,
        news=_news(f, region) if is_news else None,
    )


def _language(raw: RawPage, region: _RegionContext, problems: Problems) -> str:
    parts = posixpath.basename(raw.rel).split(".")
    if len(parts) >= 3:
        lang = parts[-2]
        if lang not in region.languages:
            problems.error(
                raw.display, 1, "",
                f'the file name says language "{lang}", but {region.display}/region.yaml '
                f"lists languages: [{', '.join(region.languages)}]; add it there or rename the file",
            )
        return lang
    return region.languages[0]


def _image(f: Fields, region: _RegionContext) -> Image | None:
    block = f.mapping("image")
    if block is None:
        if f.has("image"):
            return None
        return None
    block.warn_unknown(("src", "alt", "credit"))
    src = block.text("src", required=True, example="files/bild.jpg")
    if src and src not in region.files:
        block.error("src", _missing_file(src, region.display))
    if "alt" not in block.data:
        block.error(
            "alt",
            'required: describe the image for readers who cannot see it, like alt: "Två personer '
            'vid ett bord", or write alt: "" if it is only decoration',
        )
    return Image(src=src, alt=block.text("alt"), credit=block.text("credit"))


def _contact_ids(f: Fields, key: str, region: _RegionContext) -> tuple[str, ...]:
    result = []
    for contact_id, line in f.texts(key):
        if contact_id not in region.contacts:
            known = ", ".join(sorted(region.contacts)) or "none yet"
            f.problems.error(
                f.path, line, key,
                f'no contact "{contact_id}" in {region.display}/contacts.yaml (known: {known})',
            )
            continue
        result.append(contact_id)
    return tuple(result)


def _documents(f: Fields, region: _RegionContext) -> tuple[Document, ...]:
    result = []
    for item, line in f.list_of("documents"):
        if not isinstance(item, YamlMap):
            f.problems.error(
                f.path, line, "documents",
                "each document is written as {file: files/x.pdf, title: Title of the document}",
            )
            continue
        doc = Fields(item, f.path, f.problems, prefix="documents.")
        doc.warn_unknown(("file", "title", "lang"))
        rel = doc.text("file", required=True, example="files/rapport.pdf")
        title = doc.text("title", required=True, example="Rapport 2021")
        if rel and rel not in region.files:
            doc.error("file", _missing_file(rel, region.display))
            continue
        if rel:
            result.append(
                Document(file=rel, title=title, size=region.files[rel], lang=doc.text("lang"))
            )
    return tuple(result)


def _terms(f: Fields, region: _RegionContext) -> tuple[tuple[str, str], ...]:
    result = []
    for taxonomy in region.taxonomies:
        for term_id, line in f.texts(taxonomy.id):
            if taxonomy.term(term_id) is None:
                known = ", ".join(t.id for t in taxonomy.terms)
                f.problems.error(
                    f.path, line, taxonomy.id,
                    f'no term "{term_id}" in {region.display}/region.yaml (known: {known})',
                )
                continue
            result.append((taxonomy.id, term_id))
    return tuple(result)


def _aliases(f: Fields) -> tuple[str, ...]:
    result = []
    for alias, line in f.texts("aliases"):
        cleaned = alias.strip("/")
        if not cleaned or ".." in cleaned.split("/") or "://" in alias:
            f.problems.error(
                f.path, line, "aliases",
                f'expected an old address within the site like /gamla-adressen/, got "{alias}"',
            )
            continue
        result.append(cleaned if posixpath.splitext(cleaned)[1] else cleaned + "/")
    return tuple(result)


def _event(f: Fields, region: _RegionContext) -> EventInfo | None:
    start = f.date_or_datetime("start", required=True)
    end = f.date_or_datetime("end")
    if start is None:
        return None
    start_at, start_has_time = start
    all_day = not start_has_time
    end_at = None
    if end is not None:
        end_at, end_has_time = end
        if all_day and end_has_time:
            f.error("end", "the start is a date alone (all day), so the end must be a date too")
        elif not all_day and not end_has_time:
            end_at = end_at.replace(hour=23, minute=59)
        if end_at < start_at:
            f.error(
                "end",
                f"the event ends ({f.data['end']}) before it starts ({f.data['start']}); "
                "correct one of them",
            )
    if all_day and end_at is not None:
        end_at = end_at.replace(hour=23, minute=59, second=59)
    online = f.mapping("online")
    if online is not None:
        online.warn_unknown(("url", "platform", "phone", "conference_id"))
    registration = f.mapping("registration")
    if registration is not None:
        registration.warn_unknown(("url", "email", "deadline", "note"))
    agenda = []
    for item, line in f.list_of("agenda"):
        if not isinstance(item, YamlMap):
            f.problems.error(
                f.path, line, "agenda", 'each item is written as {time: "09:30", title: Fika}'
            )
            continue
        entry = Fields(item, f.path, f.problems, prefix="agenda.")
        entry.warn_unknown(("time", "title", "who"))
        agenda.append(
            AgendaItem(
                time=entry.text("time"),
                title=entry.text("title", required=True, example="Fika"),
                who=entry.text("who"),
            )
        )
    return EventInfo(
        start=start_at.replace(tzinfo=region.tz),
        end=end_at.replace(tzinfo=region.tz) if end_at else None,
        all_day=all_day,
        location=f.text("location"),
        online=_online(online),
        livestream=f.text("livestream"),
        registration=_registration(registration),
        status=f.choice("status", EVENT_STATUSES, "scheduled"),
        status_note=f.text("status_note"),
        agenda=tuple(agenda),
        series=f.text("series"),
        uid=f.text("uid"),
    )


def _online(block: Fields | None) -> OnlineMeeting | None:
    if block is None:
        return None
    return OnlineMeeting(
        url=block.text("url"),
        platform=block.text("platform"),
        phone=block.text("phone"),
        conference_id=block.text("conference_id"),
    )


def _registration(block: Fields | None) -> Registration | None:
    if block is None:
        return None
    return Registration(
        url=block.text("url"),
        email=block.text("email"),
        deadline=block.date("deadline"),
        note=block.text("note"),
    )


def _news(f: Fields, region: _RegionContext) -> NewsInfo | None:
    day = f.date("date", required=True)
    if day is None:
        return None
    return NewsInfo(
        date=day,
        kind=f.choice("kind", NEWS_KINDS, "news"),
        author=f.text("author"),
        press_contacts=_contact_ids(f, "press_contacts", region),
    )


def _check_urls(pages: tuple[Page, ...], display: str, problems: Problems) -> None:
    """Refuse two sources that would be published at one address."""
    claimed: dict[str, str] = {}
    for page in sorted(pages, key=lambda p: p.source):
        for url in (page.url, *page.aliases):
            other = claimed.get(url)
            if other is not None and other != page.source:
                problems.error(
                    f"{display}/{page.source}", 1, "slug" if url == page.url else "aliases",
                    f'the address /{url} is also claimed by {display}/{other}; '
                    "rename one file or give it another slug",
                )
            claimed.setdefault(url, page.source)


def _menu(f: Fields, pages: tuple[Page, ...], taxonomies: tuple[Taxonomy, ...]) -> tuple[str, ...]:
    targets = {posixpath.splitext(p.translation_key)[0] for p in pages}
    targets |= {t.removesuffix("/index") for t in targets}
    targets |= {EVENTS, NEWS} | {t.id for t in taxonomies}
    result = []
    for entry, line in f.texts("menu"):
        entry = entry.strip("/").removesuffix(".md")
        if entry not in targets:
            f.problems.error(
                f.path, line, "menu",
                f'no page "{entry}"; write a page path without .md (like kraftsamlingar), '
                "or events or news",
            )
            continue
        result.append(entry)
    return tuple(result)
