"""A small sample site written by the tests: events on both sides of the DST changes."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REGION = "provregion"
BASE_URL = "https://prov.example.se/region/"
FOLDER = "region"  # its folder in the output: the path of BASE_URL

REGION_YAML = f"""\
name: Provregionen
organisation: Region Prov
base_url: {BASE_URL}
languages: [sv, en]
timezone: Europe/Stockholm
branding:
  color: "#00609c"
menu: [events, news]
contact: {{email: prov@example.se}}
accessibility:
  status: helt
  method: Egen granskning med axe-core
  assessed: 2021-03-01
  feedback: {{email: tillganglighet@example.se}}
"""

PAGES = {
    "index.md": "---\ntitle: Provregionen\n---\n\nVälkommen till [evenemangen](#evenemang).\n\n"
                "## Evenemang\n\nSe listan.\n",
    "index.en.md": "---\ntitle: Test region\n---\n\nWelcome.\n",
    "laddning.md": "---\ntitle: Laddinfrastruktur\nsummary: Om laddning.\nupdated: 2021-04-21 15:51\n"
                   "aliases: [/gamla-laddning/]\n---\n\n"
                   "Vi bygger laddstationer för elbilar i hela länet.\n",
    "events/2021-03-27-fore-sommartid.md": (
        "---\ntitle: Före sommartid\nstart: 2021-03-27 10:00\nend: 2021-03-27 11:30\n"
        "location: Stadshuset, Borås\n---\n\nMöte.\n"
    ),
    "events/2021-03-29-efter-sommartid.md": (
        "---\ntitle: Efter sommartid\nstart: 2021-03-29 10:00\nend: 2021-03-29 11:30\n"
        "uid: prov-efter-sommartid-2021\nupdated: 2021-03-01 08:00\n---\n\nMöte.\n"
    ),
    "events/2021-10-30-fore-vintertid.md": (
        "---\ntitle: Före vintertid\nstart: 2021-10-30 09:00\nend: 2021-10-30 10:00\n---\n\nMöte.\n"
    ),
    "events/2021-11-01-efter-vintertid.md": (
        "---\ntitle: Efter vintertid\nstart: 2021-11-01 09:00\nend: 2021-11-01 10:00\n"
        "status: cancelled\nstatus_note: Inställt på grund av sjukdom.\n"
        "online:\n  url: https://meet.example.se/j/123\n  platform: Microsoft Teams\n"
        "  phone: \"+46 8 505 218 69\"\n  conference_id: \"243 401 317#\"\n---\n\nMöte.\n"
    ),
    "events/2021-06-05-heldag.md": (
        "---\ntitle: Heldag i juni\nstart: 2021-06-05\nend: 2021-06-06\n---\n\nTvå hela dagar.\n"
    ),
    "news/2021-04-21-nyhet.md": "---\ntitle: En nyhet\ndate: 2021-04-21\nsummary: Kort.\n---\n\nText.\n",
}


def write_site(folder: Path, pages: dict[str, str] | None = None) -> Path:
    """Write rusgen.yaml, the region and its pages below `folder`; link the real themes."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "rusgen.yaml").write_text(
        "name: Provnätverket\nbase_url: https://prov.example.se/\noutput: public\n"
        "language: sv\ntheme: default\n", encoding="utf-8"
    )
    if not (folder / "themes").exists():
        os.symlink(ROOT / "rusgen" / "themes", folder / "themes")
    region = folder / "content" / REGION
    region.mkdir(parents=True, exist_ok=True)
    (region / "region.yaml").write_text(REGION_YAML, encoding="utf-8")
    for path, text in (PAGES if pages is None else pages).items():
        (region / path).parent.mkdir(parents=True, exist_ok=True)
        (region / path).write_text(text, encoding="utf-8")
    return folder


def render(folder: Path, **options: object) -> dict[str, bytes]:
    """Render the sample site in memory, as the build does; return path -> bytes."""
    import os
    from unittest import mock

    from rusgen.build import BuildOptions, render_site

    # A fixed clock (DTSTAMP, "now"), as a reproducible build has: two renders a second
    # apart must give the same bytes.
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "1795348800")
    with mock.patch.dict(os.environ, {"SOURCE_DATE_EPOCH": epoch}):
        result = render_site(BuildOptions(source=folder, **options))
    return {o.path: (Path(o.source).read_bytes() if o.source else o.data) for o in result.outputs}
