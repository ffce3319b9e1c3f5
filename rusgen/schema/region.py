"""rusgen.yaml and region.yaml -> Network and Region, with the region's pages."""

from __future__ import annotations

import posixpath
import re
from dataclasses import replace
from datetime import datetime
from urllib.parse import unquote
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from rusgen.colors import contrast_ratio, parse_hex
from rusgen.contentmodel import EVENT, NETWORK, NEWS, REGION
from rusgen.contentmodel import Field as ModelField
from rusgen.errors import ContentError, Problems
from rusgen.fields import Fields
from rusgen.file_names import check_names
from rusgen.memo import Memo
from rusgen.model import EditorSettings, Network, Page, Region, StaticFile, Taxonomy, Term
from rusgen.placeholders import check_placeholders
from rusgen.raw import CONFIG_FILE, RawRegion
from rusgen.schema.common import (
    EVENTS,
    LANG_RE,
    MIN_CONTRAST,
    NEWS_SECTION,
    SLUG_RE,
    TAXONOMY_FIELDS_NAMES,
    TAXONOMY_TITLE,
    TERM_FIELDS_NAMES,
    TERM_TITLE,
    THEME_NAME_RE,
    RegionContext,
)
from rusgen.schema.contacts import read_contacts
from rusgen.schema.pages import check_urls, page_once, resolve_alternatives
from rusgen.schema.publishing import check_gone, read_gone, read_ledger, read_review_every
from rusgen.schema.statement import read_accessibility
from rusgen.urls import generated_names, region_folder
from rusgen.yamlfile import YamlMap

# The Swedish (and other) words users write in a menu for the generated lists.
MENU_WORDS = {
    "evenemang": EVENTS, "kalender": EVENTS, "kalendarium": EVENTS, "event": EVENTS,
    "nyheter": NEWS_SECTION, "nyhet": NEWS_SECTION, "aktuellt": NEWS_SECTION,
    "pressmeddelanden": NEWS_SECTION,
}



# The zone of a region whose region.yaml names none: the content model's default.
DEFAULT_ZONE = REGION["timezone"].default


def zone_of(name: str) -> ZoneInfo | None:
    """Return the time zone a region.yaml names (the default when none), or None if unknown."""
    try:
        return ZoneInfo(name or DEFAULT_ZONE)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def read_network(config: YamlMap, problems: Problems) -> Network:
    fields = Fields(config, CONFIG_FILE, problems)
    fields.warn_unknown(NETWORK.names)
    return Network(
        name=fields.read(NETWORK["name"]),
        base_url=_base_url(fields, NETWORK["base_url"]),
        output=fields.read(NETWORK["output"]) or "public",
        language=fields.read(NETWORK["language"]),
        theme=_theme(fields, NETWORK["theme"]) or "default",
        editor=_editor(fields),
    )


def _editor(fields: Fields) -> EditorSettings | None:
    """Return `editor:`, or None when absent or when a field it needs is wrong (said)."""
    field = NETWORK["editor"]
    block = fields.section(field)
    if block is None:
        return None
    choice = field.child("backend")
    if block.has("backend"):
        backend = block.read(choice)
    else:  # a choice has no default here: say it is missing, on the block's line
        backend = block.text("backend", required=True, example=choice.example)
    settings = {child.name: block.read(child) for child in field.fields if child.name != "backend"}
    if not (backend and settings["repo"]):
        return None
    return EditorSettings(backend=backend, **settings)


def _theme(fields: Fields, field: ModelField) -> str:
    """Return a theme's name: a folder of themes/, never a path that leads elsewhere."""
    name = fields.read(field)
    if name and not THEME_NAME_RE.fullmatch(name):
        fields.say(field.name, "theme.name", got=f'"{name}"')
        return ""
    return name


def _base_url(fields: Fields, field: ModelField) -> str:
    url = fields.read(field)
    # The path names the region's folder in the output (urls.region_folder): "." and ".."
    # would name one elsewhere.
    if url and (not re.match(r"^https?://[^/\s]+", url) or re.search(r"/\.\.?(/|$)", unquote(url))):
        fields.say(field.name, "field.url", field=field.name, example=field.example, got=f'"{url}"')
        return ""
    return url if not url or url.endswith("/") else url + "/"


def read_region(
    raw: RawRegion, network: Network, problems: Problems, drafts: bool, cache: Memo, now: datetime
) -> Region:
    """Validate one region; its pages are those published at `now` (and, with drafts, those
    still to be published and drafts)."""
    path = f"{raw.display}/region.yaml"
    settings = raw.settings
    if settings is None:
        if not (raw.folder / "region.yaml").is_file():
            problems.say(path, 0, "", "region.no_settings")
        # Carry on with empty settings, so the pages' own errors are reported in this run too,
        # but without repeating "required" for every field of the missing or broken file.
        settings = YamlMap()
        settings.line, settings.key_lines = 1, {}
        problems = Silenced(problems, path)
    f = Fields(settings, path, problems)
    f.warn_unknown(REGION.names)
    languages = tuple(lang for lang, _ in f.texts("languages")) or (network.language,)
    for lang in languages:
        if not LANG_RE.match(lang):
            f.say("languages", "field.language", field="languages", got=f'"{lang}"')
    tz_name = f.text("timezone") or DEFAULT_ZONE
    tz = zone_of(tz_name)
    if tz is None:
        f.say("timezone", "region.timezone", zone=tz_name)
        tz = ZoneInfo(DEFAULT_ZONE)
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
    elif logo and not logo.lower().endswith((".svg", ".png")):
        # The logo is the favicon too, and browsers take SVG and PNG for that.
        branding.say("logo", "logo.kind", file=logo)  # type: ignore[union-attr]
    contacts = read_contacts(raw, problems, languages)
    taxonomies = read_taxonomies(f, languages)
    contact = f.section(REGION["contact"])
    region_context = RegionContext(
        id=raw.id, display=raw.display, languages=languages, tz=tz,
        files=file_sizes, contacts={c.id for c in contacts}, taxonomies=taxonomies,
    )
    every_page = tuple(
        page for page in (page_once(p, region_context, problems, cache) for p in raw.pages)
        if page is not None
    )
    pages = tuple(page for page in every_page if shown(page, now, drafts))
    check_urls(pages, tuple(file.rel for file in raw.files), raw.display, problems)
    gone = read_gone(f)
    check_gone(every_page, gone, raw.display, problems)
    pages = resolve_alternatives(pages, raw.display, problems)
    check_names(pages, files, raw.display, problems)
    check_placeholders(pages, raw.display, problems)
    # A page published later, or no longer, may stay in the menu: it shows while published.
    scheduled = tuple(p for p in every_page if not p.draft and (p.publish or p.unpublish))
    menu = read_menu(f, pages + scheduled, taxonomies)
    base_url = _base_url(f, REGION["base_url"])
    return Region(
        id=raw.id,
        name=f.read(REGION["name"]),
        organisation=f.read(REGION["organisation"]),
        base_url=base_url,
        languages=languages,
        timezone=tz_name,
        theme=_theme(f, REGION["theme"]) or network.theme,
        color=color,
        logo=logo,
        menu=menu,
        taxonomies=taxonomies,
        contact_email=contact.read(REGION["contact"].child("email")) if contact else "",
        contact_phone=contact.text("phone") if contact else "",
        accessibility=read_accessibility(f),
        contacts=contacts,
        pages=pages,
        files=files,
        parent=f.text("parent"),
        folder=region_folder(base_url, network.base_url, raw.id),
        review_every=read_review_every(f),
        gone=gone,
        published=read_ledger(raw, problems),
        coming=tuple(p for p in every_page if not p.draft and p.not_yet_published(now)),
        ended=tuple(p for p in every_page if not p.draft and p.unpublished_by(now)),
    )


def shown(page: Page, now: datetime, drafts: bool) -> bool:
    """Tell whether a page is built: published now, or a draft or still to come with drafts."""
    if page.draft and not drafts:
        return False
    return page.is_live(now) or (drafts and page.not_yet_published(now))


class Silenced(Problems):
    """Drop the errors of one file already reported as missing or unreadable."""

    def __init__(self, inner: Problems, path: str) -> None:
        self.inner = inner
        self.path = path
        self.items = inner.items

        self.lang = inner.lang

    def add(self, item: ContentError) -> None:
        if item.path == self.path:
            return
        if item.code in DEPENDS_ON_SETTINGS and not item.about:
            item = replace(item, about=self.path)  # shown under region.yaml's own error
        self.inner.add(item)


# What pages say that region.yaml decides: a page's language, a field that may be one of
# the region's taxonomies, the languages a text may be written in. While region.yaml
# cannot be read, these follow from it.
DEPENDS_ON_SETTINGS = frozenset({
    "page.language", "field.unknown", "field.unknown_close", "field.translation_lang",
    "field.translation_default",
})


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


def read_taxonomies(f: Fields, languages: tuple[str, ...]) -> tuple[Taxonomy, ...]:
    block = f.mapping("taxonomies", example=f"`taxonomies: {REGION['taxonomies'].example}`")
    if block is None:
        return ()
    result = []
    for taxonomy_id in block.data:
        if not SLUG_RE.match(taxonomy_id) or taxonomy_id in EVENT.names + NEWS.names:
            block.say(taxonomy_id, "taxonomy.id")
            continue
        if taxonomy_id in generated_names() | {"files"} or LANG_RE.match(taxonomy_id):
            # Its list page would take the address of a page rusgen makes (news/, sok/, en/).
            block.say(taxonomy_id, "taxonomy.reserved", id=taxonomy_id)
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
            title, titles = term.translated(TERM_TITLE, languages)
            terms.append(
                Term(
                    taxonomy=taxonomy_id,
                    id=term_id,
                    title=title,
                    titles=titles,
                    period=term.text("period"),
                    summary=term.text("summary"),
                )
            )
        title, titles = tax.translated(TAXONOMY_TITLE, languages)
        result.append(
            Taxonomy(
                id=taxonomy_id,
                title=title,
                titles=titles,
                terms=tuple(terms),
            )
        )
    return tuple(result)


def read_menu(f: Fields, pages: tuple[Page, ...], taxonomies: tuple[Taxonomy, ...]) -> tuple[str, ...]:
    targets = {posixpath.splitext(p.translation_key)[0] for p in pages}
    targets |= {t.removesuffix("/index") for t in targets}
    targets |= {EVENTS, NEWS_SECTION} | {t.id for t in taxonomies}
    # A page may also be named by its address: `hallbar-energi` for `Hållbar energi.md`.
    by_address = {p.url.strip("/"): posixpath.splitext(p.translation_key)[0] for p in pages}
    result = []
    for entry, line in f.texts("menu"):
        entry = entry.strip("/").removesuffix(".md")
        entry = entry if entry in targets else by_address.get(entry, entry)
        if entry not in targets:
            word = MENU_WORDS.get(entry.lower())
            if word is not None:
                f.problems.say(f.path, line, "menu", "menu.word", entry=entry, word=word)
            else:
                f.problems.say(f.path, line, "menu", "menu.unknown", entry=entry)
            continue
        result.append(entry)
    return tuple(result)
