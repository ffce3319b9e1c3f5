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
from rusgen.contentmodel import CONTACTS, EVENT, NETWORK, NEWS, PAGE, REGION, Kind
from rusgen.contentmodel import Field as ModelField
from rusgen.errors import ContentError, Problems
from rusgen.fields import Fields, describe
from rusgen.messages import plural
from rusgen.model import (
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
EVENTS, NEWS_SECTION = "events", "news"

ACCESSIBILITY = Kind("accessibility", "", "", "", REGION["accessibility"].fields)
IMAGE = Kind("image", "", "", "", PAGE["image"].fields)
DOCUMENT = Kind("document", "", "", "", PAGE["documents"].fields)
AGENDA = Kind("agenda", "", "", "", EVENT["agenda"].fields)
TAXONOMY_FIELDS_NAMES = REGION["taxonomies"].names
TAXONOMY_TITLE = REGION["taxonomies"].child("title")
TERM_FIELDS_NAMES = REGION["taxonomies"].child("terms").names
TERM_TITLE = REGION["taxonomies"].child("terms").child("title")
# The Swedish (and other) words users write in a menu for the generated lists.
MENU_WORDS = {
    "evenemang": EVENTS, "kalender": EVENTS, "kalendarium": EVENTS, "event": EVENTS,
    "nyheter": NEWS_SECTION, "nyhet": NEWS_SECTION, "aktuellt": NEWS_SECTION,
    "pressmeddelanden": NEWS_SECTION,
}


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
            problems.say(
                f"content/{region.id}/region.yaml", 0, "parent", "region.no_parent", parent=region.parent
            )
    return Site(network=network, regions=regions, build_time=build_time, drafts=drafts)


def raw_has(raw: RawProject, region_id: str) -> bool:
    """Say whether content/ holds a region folder, also when --region left it out."""
    return (raw.root / "content" / region_id / "region.yaml").is_file()


def _network(config: YamlMap, problems: Problems) -> Network:
    fields = Fields(config, CONFIG_FILE, problems)
    fields.warn_unknown(NETWORK.names)
    return Network(
        name=fields.read(NETWORK["name"]),
        base_url=_base_url(fields, NETWORK["base_url"]),
        output=fields.read(NETWORK["output"]) or "public",
        language=fields.read(NETWORK["language"]),
        theme=fields.read(NETWORK["theme"]) or "default",
    )


def _base_url(fields: Fields, field: ModelField) -> str:
    url = fields.read(field)
    if url and not re.match(r"^https?://[^/\s]+", url):
        fields.say(field.name, "field.url", field=field.name, example=field.example, got=f'"{url}"')
        return ""
    return url if not url or url.endswith("/") else url + "/"


def _region(raw: RawRegion, network: Network, problems: Problems, drafts: bool, cache: dict) -> Region:
    path = f"{raw.display}/region.yaml"
    settings = raw.settings
    if settings is None:
        if not (raw.folder / "region.yaml").is_file():
            problems.say(path, 0, "", "region.no_settings")
        # Carry on with empty settings, so the pages' own errors are reported in this run too,
        # but without repeating "required" for every field of the missing or broken file.
        settings = YamlMap()
        settings.line, settings.key_lines = 1, {}
        problems = _Silenced(problems, path)
    f = Fields(settings, path, problems)
    f.warn_unknown(REGION.names)
    languages = tuple(lang for lang, _ in f.texts("languages")) or (network.language,)
    for lang in languages:
        if not LANG_RE.match(lang):
            f.say("languages", "field.language", field="languages", got=f'"{lang}"')
    tz_name = f.text("timezone") or "Europe/Stockholm"
    try:
        tz = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        f.say("timezone", "region.timezone", zone=tz_name)
        tz = ZoneInfo("Europe/Stockholm")
    branding = f.section(REGION["branding"])
    color, logo = "#00609c", ""
    if branding is not None:
        color = _accent(branding) or color
        logo = branding.text("logo")
    files = tuple(
        StaticFile(url=file.rel, source=str(file.path), size=file.size) for file in raw.files
    )
    file_sizes = {file.url: file.size for file in files}
    if logo and logo not in file_sizes:
        branding.say("logo", "file.missing", file=logo, folder=raw.display)  # type: ignore[union-attr]
    contacts = _contacts(raw, problems)
    taxonomies = _taxonomies(f)
    contact = f.section(REGION["contact"])
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
        name=f.read(REGION["name"]),
        organisation=f.read(REGION["organisation"]),
        base_url=_base_url(f, REGION["base_url"]),
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

        self.lang = inner.lang

    def add(self, item: ContentError) -> None:
        if item.path != self.path:
            self.inner.add(item)


def _accent(branding: Fields) -> str:
    color = branding.text("color")
    if not color:
        return ""
    if parse_hex(color) is None:
        branding.say("color", "region.color_format", color=color)
        return ""
    ratio = contrast_ratio(color)
    if ratio < MIN_CONTRAST:
        decimal = "." if branding.problems.lang == "en" else ","
        branding.say(
            "color", "region.color_contrast", color=color,
            ratio=f"{ratio:.2f}".replace(".", decimal), needed=f"{MIN_CONTRAST}".replace(".", decimal),
        )
        return ""
    return color


def _contacts(raw: RawRegion, problems: Problems) -> tuple[Contact, ...]:
    if raw.contacts is None:
        return ()
    path = f"{raw.display}/contacts.yaml"
    result = []
    for contact_id, value in raw.contacts.items():
        line = raw.contacts.line_of(contact_id)
        if not SLUG_RE.match(contact_id):
            problems.say(path, line, contact_id, "contact.id")
        if not isinstance(value, YamlMap):
            problems.say(path, line, contact_id, "contact.fields", got=describe(value, problems))
            continue
        f = Fields(value, path, problems, prefix=f"{contact_id}.")
        f.warn_unknown(CONTACTS.names)
        result.append(
            Contact(
                id=contact_id,
                name=f.read(CONTACTS["name"]),
                role=f.read(CONTACTS["role"]),
                organisation=f.read(CONTACTS["organisation"]),
                phone=_phone(f, "phone"),
                mobile=_phone(f, "mobile"),
                email=f.read(CONTACTS["email"]),
            )
        )
    return tuple(result)


def _phone(f: Fields, key: str) -> str:
    phone = f.text(key)
    if phone and not any(c.isdigit() for c in phone):
        f.say(key, "field.phone", field=key, got=f'"{phone}"')
        return ""
    return phone


def _taxonomies(f: Fields) -> tuple[Taxonomy, ...]:
    block = f.mapping("taxonomies", example=f"`taxonomies: {REGION['taxonomies'].example}`")
    if block is None:
        return ()
    result = []
    for taxonomy_id in block.data:
        if not SLUG_RE.match(taxonomy_id) or taxonomy_id in EVENT.names + NEWS.names:
            block.say(taxonomy_id, "taxonomy.id")
            continue
        tax = block.mapping(taxonomy_id)
        if tax is None:
            continue
        tax.warn_unknown(TAXONOMY_FIELDS_NAMES)
        terms_block = tax.mapping("terms")
        terms = []
        for term_id in terms_block.data if terms_block else ():
            if not SLUG_RE.match(term_id):
                terms_block.say(term_id, "term.id")  # type: ignore[union-attr]
            term = terms_block.mapping(term_id)  # type: ignore[union-attr]
            if term is None:
                continue
            term.warn_unknown(TERM_FIELDS_NAMES)
            terms.append(
                Term(
                    taxonomy=taxonomy_id,
                    id=term_id,
                    title=term.read(TERM_TITLE),
                    period=term.text("period"),
                    summary=term.text("summary"),
                )
            )
        result.append(
            Taxonomy(
                id=taxonomy_id,
                title=tax.read(TAXONOMY_TITLE),
                terms=tuple(terms),
            )
        )
    return tuple(result)


ACCESSIBILITY_EXAMPLE = (
    "accessibility:\n  status: delvis\n  method: Egen granskning\n  assessed: 2021-03-01\n"
    "  known_issues:\n    - Vissa äldre PDF-dokument är inte tillgängliga.\n"
    "  feedback: {email: tillganglighet@example.se}"
)


def _accessibility(f: Fields) -> Accessibility | None:
    """Read the facts of the accessibility statement, which DOS-lagen requires of every site."""
    block = f.section(REGION["accessibility"])
    if block is None:
        if not f.has("accessibility"):
            f.problems.say(
                f.path, 1, "accessibility", "statement.required", example=ACCESSIBILITY_EXAMPLE
            )
        return None
    status_field = ACCESSIBILITY["status"]
    if not block.has("status"):
        block.say("status", "statement.status")
    method = block.read(ACCESSIBILITY["method"])
    assessed = block.read(ACCESSIBILITY["assessed"])
    feedback = block.section(ACCESSIBILITY["feedback"])
    routes = {key: feedback.text(key) if feedback else "" for key in ("email", "url", "phone")}
    if not any(routes.values()):
        block.problems.say(
            block.path, block.line("feedback") or 1, block.name("feedback"), "statement.feedback"
        )
    status = block.choice(status_field)
    known_issues = tuple(text for text, _ in block.texts("known_issues"))
    _statement_agrees(block, status, known_issues)
    return Accessibility(
        status=status or "delvis",
        method=method,
        assessed=assessed or datetime(1970, 1, 1).date(),
        updated=block.date("updated") or assessed or datetime(1970, 1, 1).date(),
        known_issues=known_issues,
        feedback_email=routes["email"],
        feedback_url=routes["url"],
        feedback_phone=routes["phone"],
    )


def _statement_agrees(block: Fields, status: str, known_issues: tuple[str, ...]) -> None:
    """Refuse a statement whose status and list of known issues contradict each other.

    The statement is a legal document: "delvis förenlig ... på grund av de brister som
    beskrivs nedan" followed by no brister is false, and so is "helt" with a list of them.
    """
    if status in ("delvis", "inte") and not known_issues:
        block.say("status", "statement.issues_missing", status=status)
    elif status == "helt" and known_issues:
        count = len(known_issues)
        english = block.problems.lang == "en"
        words = ("known issue", "known issues") if english else ("brist", "brister")
        block.say("known_issues", "statement.issues_but_full", issues=plural(count, *words))


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
    key = ("page", raw.display, raw.text, raw.body_line, region.key, problems.lang)
    hit = cache.get(key) if raw.text else None
    if hit is None:
        recorded = Problems(problems.lang)
        hit = (_page(raw, region, recorded), tuple(recorded.items))
        if raw.text:
            cache[key] = hit
    page, items = hit
    for item in items:
        problems.add(item)
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
    is_news = section == NEWS_SECTION and not raw.rel.split("/")[-1].startswith("index.")
    kind = EVENT if is_event else NEWS if is_news else PAGE
    f.warn_unknown(kind.names + tuple(t.id for t in region.taxonomies))

    lang = _language(raw, region, problems)
    slug = f.read(PAGE["slug"])
    if slug and not SLUG_RE.match(slug):
        f.say("slug", "field.slug", field="slug", example=PAGE["slug"].example, got=f.got("slug"))
        slug = ""
    title = f.read(PAGE["title"])
    updated = f.read(PAGE["updated"])
    return Page(
        source=raw.rel,
        lang=lang,
        url=page_url(raw.rel, lang, region.languages[0], slug or None),
        title=title,
        body=raw.body,
        body_line=raw.body_line,
        field_lines=field_lines(raw.front),
        summary=f.read(PAGE["summary"]),
        updated=updated[0].replace(tzinfo=region.tz) if updated else None,
        draft=f.read(PAGE["draft"]),
        weight=f.read(PAGE["weight"]),
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
            problems.say(
                raw.display, 1, "", "page.language", lang=lang, folder=region.display,
                languages=", ".join(region.languages),
            )
        return lang
    return region.languages[0]


def _image(f: Fields, region: _RegionContext) -> Image | None:
    block = f.section(PAGE["image"])
    if block is None:
        return None
    src = block.read(IMAGE["src"])
    if src and src not in region.files:
        block.say("src", "file.missing", file=src, folder=region.display)
    if "alt" not in block.data:
        block.say("alt", "image.alt")
    return Image(src=src, alt=block.text("alt"), credit=block.text("credit"))


def _contact_ids(f: Fields, key: str, region: _RegionContext) -> tuple[str, ...]:
    result = []
    for contact_id, line in f.texts(key):
        if contact_id not in region.contacts:
            known = ", ".join(sorted(region.contacts)) or f.problems.text("contact.none_yet")
            f.problems.say(
                f.path, line, key, "contact.unknown", about=f"{region.display}/contacts.yaml",
                contact=contact_id, folder=region.display, known=known,
            )
            continue
        result.append(contact_id)
    return tuple(result)


def _documents(f: Fields, region: _RegionContext) -> tuple[Document, ...]:
    result = []
    for doc in f.maps(PAGE["documents"]):
        rel = doc.read(DOCUMENT["file"])
        title = doc.read(DOCUMENT["title"])
        if rel and rel not in region.files:
            doc.say("file", "file.missing", file=rel, folder=region.display)
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
                f.problems.say(
                    f.path, line, taxonomy.id, "term.unknown", about=f"{region.display}/region.yaml",
                    term=term_id, folder=region.display, known=known,
                )
                continue
            result.append((taxonomy.id, term_id))
    return tuple(result)


def _aliases(f: Fields) -> tuple[str, ...]:
    result = []
    for alias, line in f.texts("aliases"):
        cleaned = alias.strip("/")
        if not cleaned or ".." in cleaned.split("/") or "://" in alias:
            f.problems.say(f.path, line, "aliases", "alias.invalid", alias=alias)
            continue
        result.append(cleaned if posixpath.splitext(cleaned)[1] else cleaned + "/")
    return tuple(result)


def _event(f: Fields, region: _RegionContext) -> EventInfo | None:
    start = f.read(EVENT["start"])
    end = f.read(EVENT["end"])
    if start is None:
        return None
    start_at, start_has_time = start
    all_day = not start_has_time
    end_at = None
    if end is not None:
        end_at, end_has_time = end
        if all_day and end_has_time:
            f.say("end", "event.all_day_end")
        elif not all_day and not end_has_time:
            end_at = end_at.replace(hour=23, minute=59)
        if end_at < start_at:
            f.say("end", "event.end_before_start", end=f.data["end"], start=f.data["start"])
    if all_day and end_at is not None:
        end_at = end_at.replace(hour=23, minute=59, second=59)
    online = f.section(EVENT["online"])
    registration = f.section(EVENT["registration"])
    agenda = [
        AgendaItem(
            time=entry.read(AGENDA["time"]),
            title=entry.read(AGENDA["title"]),
            who=entry.read(AGENDA["who"]),
        )
        for entry in f.maps(EVENT["agenda"])
    ]
    return EventInfo(
        start=start_at.replace(tzinfo=region.tz),
        end=end_at.replace(tzinfo=region.tz) if end_at else None,
        all_day=all_day,
        location=f.read(EVENT["location"]),
        online=_online(online),
        livestream=f.read(EVENT["livestream"]),
        registration=_registration(registration),
        status=f.read(EVENT["status"]),
        status_note=f.read(EVENT["status_note"]),
        agenda=tuple(agenda),
        series=f.read(EVENT["series"]),
        uid=f.read(EVENT["uid"]),
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
    day = f.read(NEWS["date"])
    if day is None:
        return None
    return NewsInfo(
        date=day,
        kind=f.read(NEWS["kind"]),
        author=f.read(NEWS["author"]),
        press_contacts=_contact_ids(f, "press_contacts", region),
    )


def _check_urls(pages: tuple[Page, ...], display: str, problems: Problems) -> None:
    """Refuse two sources that would be published at one address."""
    claimed: dict[str, str] = {}
    for page in sorted(pages, key=lambda p: p.source):
        for url in (page.url, *page.aliases):
            other = claimed.get(url)
            if other is not None and other != page.source:
                problems.say(
                    f"{display}/{page.source}", 1, "slug" if url == page.url else "aliases",
                    "url.claimed", url=url, other=f"{display}/{other}",
                )
            claimed.setdefault(url, page.source)


def _menu(f: Fields, pages: tuple[Page, ...], taxonomies: tuple[Taxonomy, ...]) -> tuple[str, ...]:
    targets = {posixpath.splitext(p.translation_key)[0] for p in pages}
    targets |= {t.removesuffix("/index") for t in targets}
    targets |= {EVENTS, NEWS_SECTION} | {t.id for t in taxonomies}
    result = []
    for entry, line in f.texts("menu"):
        entry = entry.strip("/").removesuffix(".md")
        if entry not in targets:
            word = MENU_WORDS.get(entry.lower())
            if word is not None:
                f.problems.say(f.path, line, "menu", "menu.word", entry=entry, word=word)
            else:
                f.problems.say(f.path, line, "menu", "menu.unknown", entry=entry)
            continue
        result.append(entry)
    return tuple(result)
