"""One page's front matter -> Page, validated once per text and region."""

from __future__ import annotations

import posixpath
from dataclasses import replace

from rusgen.contentmodel import EVENT, NEWS, PAGE
from rusgen.errors import Problems
from rusgen.fields import Fields
from rusgen.memo import Memo
from rusgen.model import Document, FieldLines, Image, Page
from rusgen.raw import RawPage
from rusgen.schema.common import DOCUMENT, EVENTS, IMAGE, NEWS_SECTION, SLUG_RE, RegionContext
from rusgen.schema.contacts import contact_ids
from rusgen.schema.events import read_event, read_news
from rusgen.schema.publishing import read_publishing
from rusgen.text import slug_path
from rusgen.urls import MAX_NAME_BYTES, normalise_address, page_url
from rusgen.yamlfile import YamlList, YamlMap


def page_once(raw: RawPage, region: RegionContext, problems: Problems, cache: Memo) -> Page | None:
    """Validate a page once per text and region; replay its problems on later runs."""
    key = ("page", raw.display, raw.text, raw.body_line, region.key, problems.lang)
    hit = cache.get(key) if raw.text else None
    if hit is None:
        recorded = Problems(problems.lang)
        hit = (read_page(raw, region, recorded), tuple(recorded.items))
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


def read_page(raw: RawPage, region: RegionContext, problems: Problems) -> Page | None:
    f = Fields(raw.front, raw.display, problems)
    section = raw.rel.split("/")[0] if "/" in raw.rel else ""
    is_event = section == EVENTS and not raw.rel.split("/")[-1].startswith("index.")
    is_news = section == NEWS_SECTION and not raw.rel.split("/")[-1].startswith("index.")
    kind = EVENT if is_event else NEWS if is_news else PAGE
    f.warn_unknown(kind.names + tuple(t.id for t in region.taxonomies))

    lang = _language(raw, region, problems)
    if lang not in region.languages:
        return None  # said above; nothing can be written in a language the site lacks
    slug = f.read(PAGE["slug"])
    if slug and not SLUG_RE.match(slug):
        f.say("slug", "field.slug", field="slug", example=PAGE["slug"].example, got=f.got("slug"))
        slug = ""
    elif len(slug) > MAX_NAME_BYTES:  # a slug is ASCII: one byte a letter
        f.say("slug", "field.slug_long", length=len(slug), limit=MAX_NAME_BYTES)
        slug = ""
    title = f.read(PAGE["title"])
    updated = f.read(PAGE["updated"])
    publishing = read_publishing(f, region)
    return Page(
        source=raw.rel,
        lang=lang,
        url=page_url(slug_path(raw.rel), lang, region.languages[0], slug or None),
        title=title,
        body=raw.body,
        body_line=raw.body_line,
        field_lines=field_lines(raw.front),
        summary=f.read(PAGE["summary"]),
        updated=updated.at.replace(tzinfo=region.tz) if updated else None,
        draft=f.read(PAGE["draft"]),
        weight=f.read(PAGE["weight"]),
        image=_image(f, region),
        contacts=contact_ids(f, "contacts", region),
        documents=_documents(f, region),
        terms=_terms(f, region),
        aliases=_aliases(f),
        event=read_event(f, region) if is_event else None,
        news=read_news(f, region) if is_news else None,
        publish=publishing.publish,
        unpublish=publishing.unpublish,
        owner=publishing.owner,
        reviewed=publishing.reviewed,
        review_by=publishing.review_by,
    )


def _language(raw: RawPage, region: RegionContext, problems: Problems) -> str:
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


def _image(f: Fields, region: RegionContext) -> Image | None:
    block = f.section(PAGE["image"])
    if block is None:
        return None
    src = block.read(IMAGE["src"])
    if src and src not in region.files:
        block.say("src", "file.missing", file=src, folder=region.display)
    if "alt" not in block.data:
        block.say("alt", "image.alt")
    return Image(src=src, alt=block.text("alt"), credit=block.text("credit"))


def _documents(f: Fields, region: RegionContext) -> tuple[Document, ...]:
    result = []
    for doc in f.maps(PAGE["documents"]):
        rel = doc.read(DOCUMENT["file"])
        title = doc.read(DOCUMENT["title"])
        if rel and rel not in region.files:
            doc.say("file", "file.missing", file=rel, folder=region.display)
            continue
        if rel:
            exemption = doc.read(DOCUMENT["exemption"])
            justification = doc.read(DOCUMENT["justification"])
            if exemption and not justification.strip():
                doc.say("exemption", "document.justification", file=rel)
            result.append(Document(
                file=rel, title=title, size=region.files[rel], lang=doc.text("lang"),
                exemption=exemption, justification=justification,
                alternative=doc.read(DOCUMENT["alternative"]), published=doc.read(DOCUMENT["published"]),
            ))
    return tuple(result)


def _terms(f: Fields, region: RegionContext) -> tuple[tuple[str, str], ...]:
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
        address = normalise_address(alias)
        if not address:  # None, or the home page: never an old address to redirect
            f.problems.say(f.path, line, "aliases", "alias.invalid", alias=alias)
            continue
        result.append(address)
    return tuple(result)


def check_urls(
    pages: tuple[Page, ...], files: tuple[str, ...], display: str, problems: Problems
) -> None:
    """Refuse two sources that would be published at one address, however it is spelled.

    A page, an alias and a file in files/ each claim an address; addresses are compared in
    lower case, as a server on Windows or macOS would serve them.
    """
    claimed: dict[str, str] = {rel.lower(): rel for rel in files}
    ordered = sorted(pages, key=lambda p: p.source)
    # Pages claim their own addresses first: an alias is what gives way.
    claims = [(page, page.url) for page in ordered] + [
        (page, alias) for page in ordered for alias in page.aliases
    ]
    for page, url in claims:
        other = claimed.get(url.lower())
        if other is not None and other != page.source:
            _say_claimed(page, url, f"{display}/{other}", display, problems)
        claimed.setdefault(url.lower(), page.source)


def resolve_alternatives(
    pages: tuple[Page, ...], display: str, problems: Problems
) -> tuple[Page, ...]:
    """Turn each document's `alternative` (a page's file, as in links) into that page's address.

    An address as the reader sees it (/strategin/) is understood too.
    """
    by_source = {page.source: page for page in pages}

    def address(page: Page, written: str) -> str:
        rel = written.strip().lstrip("/")
        target = by_source.get(rel) or by_source.get(f"{rel}.md") or by_source.get(f"{rel}/index.md")
        if target is None:
            wanted = normalise_address(written)
            target = next((p for p in pages if wanted is not None and p.url == wanted), None)
        if target is None:
            line = page.field_lines.line_holding(written) or 1
            problems.say(f"{display}/{page.source}", line, "alternative", "document.alternative",
                         alternative=written, folder=display)
            return ""
        return target.url

    result = []
    for page in pages:
        if any(doc.alternative for doc in page.documents):
            documents = tuple(
                replace(doc, alternative=address(page, doc.alternative)) if doc.alternative else doc
                for doc in page.documents
            )
            page = replace(page, documents=documents)
        result.append(page)
    return tuple(result)


def _say_claimed(page: Page, url: str, other: str, display: str, problems: Problems) -> None:
    path = f"{display}/{page.source}"
    if url == page.url:
        line = page.field_lines.line_of("slug")
        problems.say(path, line or 1, "slug" if line else "", "url.claimed", url=url, other=other)
        return
    # Name the alias as the user wrote it, on its own line.
    line, written = next(
        ((line, value) for key, line, value in page.field_lines.entries
         if key.startswith("aliases") and value and normalise_address(value) == url),
        (1, url),
    )
    problems.say(path, line, "aliases", "alias.claimed", alias=written, url=url, other=other)
