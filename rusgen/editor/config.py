"""The Decap CMS configuration (admin/config.yml), made from the content model.

One collection per region and kind: the region's pages, the pages of each of its folders,
its events and its news (folders of Markdown files with front matter), and its settings
and contacts (region.yaml and contacts.yaml). Every field's widget, label and hint comes
from the content model (widgets.py); the choices of contacts and taxonomy terms come from
the region's files, read each time the configuration is asked for.

Pages in the region's other languages (`smart-specialisering.en.md`) get collections of
their own, over the files ending in `.en.md`. Decap's i18n structure `multiple_files`
would name the first language's file `page.sv.md` too, so it could neither list the
`page.md` files there are nor write them where rusgen, and a reader's address, expect.
"""

from __future__ import annotations

from typing import Any

from rusgen.contentmodel import CONTACTS, EVENT, NEWS, PAGE, REGION, Kind
from rusgen.contentmodel.network import LANGUAGE_CHOICES
from rusgen.editor.regions import RegionFacts
from rusgen.editor.widgets import Widget, Widgets
from rusgen.messages import say
from rusgen.model import EditorSettings

Config = dict[str, Any]

# Where a page's form starts: what every page has, then what its kind adds, then the text.
FIRST = ("title", "summary")
BESIDE_TEXT = ("contacts", "documents", "image")
# What Decap's slugs are made of: a-z, digits and hyphens, as rusgen's addresses are.
SLUGS = {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"}


def web_backend(settings: EditorSettings) -> Config:
    """Return Decap's `backend:` for `editor:` of rusgen.yaml.

    GitLab and Gitea log in with PKCE: the browser alone, with the id of an application
    registered on the service, no server of our own. GitHub logs in only through an OAuth
    server (base_url) that holds the application's secret."""
    backend: Config = {"name": settings.backend, "repo": settings.repo, "branch": settings.branch or "main"}
    if settings.backend in ("gitlab", "gitea"):
        backend["auth_type"] = "pkce"
        if settings.app_id:
            backend["app_id"] = settings.app_id
    if settings.base_url:
        backend["base_url"] = settings.base_url.rstrip("/")
        if settings.backend in API_PATHS:
            backend["api_root"] = backend["base_url"] + API_PATHS[settings.backend]
    return backend


# Where the API of a service on a server of its own is, below its address.
API_PATHS = {"gitlab": "/api/v4", "gitea": "/api/v1"}
# `rusgen serve` saves through its own local backend, which Decap asks first; Decap still
# wants a backend named for when that one does not answer.
LOCAL_ONLY: Config = {"name": "git-gateway", "branch": "main"}


def decap_config(
    regions: list[RegionFacts], lang: str, web: EditorSettings | None = None, local_url: str = "",
) -> Config:
    """Return the whole configuration: saving through the service `web` names, or through
    the local backend at `local_url`."""
    config: Config = {"locale": lang}
    config["backend"] = web_backend(web) if web else dict(LOCAL_ONLY)
    if local_url:
        config["local_backend"] = {"url": local_url}
    first = regions[0].path if regions else "content"
    config["media_folder"] = f"{first}/files"
    config["public_folder"] = "files"
    config["slug"] = dict(SLUGS)
    config["collections"] = [c for region in regions for c in _collections(region, lang)]
    return config


def _collections(region: RegionFacts, lang: str) -> list[Config]:
    widgets = Widgets(region, lang)
    found = []
    for page_lang in region.languages:
        other = page_lang != region.languages[0]
        suffix = f" ({_language_name(page_lang, lang)})" if other else ""
        kinds: list[tuple[str, str, Kind, str]] = [
            ("pages", "", PAGE, say("editor.pages", lang, region=region.name)),
            *(("pages-" + folder.replace("/", "-"), folder, PAGE,
               say("editor.pages_in", lang, region=region.name, folder=folder))
              for folder in region.folders),
            ("events", "events", EVENT, say("editor.events", lang, region=region.name)),
            ("news", "news", NEWS, say("editor.news", lang, region=region.name)),
        ]
        for name, folder, kind, label in kinds:
            found.append({
                "name": f"{region.id}-{name}" + (f"-{page_lang}" if other else ""),
                "label": label + suffix,
                "folder": f"{region.path}/{folder}".rstrip("/"),
                "extension": f"{page_lang}.md" if other else "md",
                "format": "frontmatter",
                "create": True,
                "slug": "{{slug}}",
                "media_folder": f"/{region.path}/files",
                "public_folder": "files",
                "fields": _page_fields(kind, widgets, region, lang),
            })
    found.append(_settings(region, widgets, lang))
    return found


def _page_fields(kind: Kind, widgets: Widgets, region: RegionFacts, lang: str) -> list[Widget]:
    own = [f for f in kind.fields if f.name not in PAGE.names]
    first = [kind[name] for name in FIRST]
    beside = [kind[name] for name in BESIDE_TEXT]
    rest = [f for f in PAGE.fields if f.name not in FIRST + BESIDE_TEXT]
    body = {"name": "body", "label": say("editor.body", lang), "widget": "markdown",
            "required": False, "hint": say("editor.body_hint", lang)}
    terms = [
        {**widgets.choose(grouping.terms, multiple=True), "name": grouping.id,
         "label": grouping.title, "required": False,
         "hint": say("editor.terms_hint", lang, title=grouping.title)}
        for grouping in region.taxonomies if grouping.terms
    ]
    return [*widgets.fields(tuple(first + own)), body, *widgets.fields(tuple(beside)), *terms,
            *widgets.fields(tuple(rest))]


def _settings(region: RegionFacts, widgets: Widgets, lang: str) -> Config:
    files = [{
        "name": "region",
        "label": say("editor.region_file", lang),
        "file": f"{region.path}/region.yaml",
        "media_folder": f"/{region.path}/files",
        "public_folder": "files",
        "fields": widgets.fields(REGION.fields),
    }]
    if region.contacts:  # Decap wants fields: a contact is one, named by its id
        files.append({
            "name": "contacts",
            "label": say("editor.contacts_file", lang),
            "file": f"{region.path}/contacts.yaml",
            "fields": [
                {"name": contact.id, "label": say("editor.contact", lang, name=contact.title, id=contact.id),
                 "widget": "object", "collapsed": False, "required": False,
                 "fields": widgets.fields(CONTACTS.fields)}
                for contact in region.contacts
            ],
        })
    return {
        "name": f"{region.id}-settings",
        "label": say("editor.settings", lang, region=region.name),
        "description": say("editor.contacts_hint", lang),
        "format": "yaml",
        "editor": {"preview": False},
        "files": files,
    }


def _language_name(code: str, lang: str) -> str:
    choice = next((c for c in LANGUAGE_CHOICES if c.value == code), None)
    if choice is None:
        return code
    return choice.label_sv if lang == "sv" else choice.label_en
