"""`rusgen new`: start a region, a page, an event or a news item with the right front matter.

It only ever creates files: anything already there is left alone and reported.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from pathlib import Path

import yaml

from rusgen.errors import RusgenError
from rusgen.loader import CONFIG_FILE, CONTENT_DIR
from rusgen.text import slugify

SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
PLAIN_YAML = re.compile(r"^[\w\s.,–—()/'’!?&%+]*$")  # "#", ":", "-" at the start need quotes
AMBIGUOUS = re.compile(r"^(\d|[-?]|(yes|no|on|off|true|false|null|~)$)", re.I)
DATE_FORMATS = ("%Y-%m-%d %H:%M", "%Y-%m-%d")


def yaml_text(value: str) -> str:
    """Return text as a YAML value, in quotes only when YAML would misread it."""
    value = " ".join(value.split())
    if value and PLAIN_YAML.match(value) and not AMBIGUOUS.match(value):
        return value
    return json.dumps(value, ensure_ascii=False)  # JSON strings are YAML strings


def parse_when(value: str, option: str) -> tuple[datetime, bool]:
    """Parse "2026-12-01 13:00" or "2026-12-01"; return it and whether it has a time."""
    for fmt in DATE_FORMATS:
        try:
            return datetime.strptime(value.strip(), fmt), "%H" in fmt
        except ValueError:
            continue
    raise RusgenError(
        f'{option} "{value}": expected a date and time like 2026-12-01 13:00, or a date like '
        "2026-12-01 for an all-day event"
    )


def region_ids(root: Path) -> list[str]:
    """List the region folders of content/."""
    content = root / CONTENT_DIR
    if not content.is_dir():
        return []
    return sorted(p.name for p in content.iterdir() if (p / "region.yaml").is_file())


def pick_region(root: Path, wanted: str | None) -> str:
    """Return the region to write in: the one asked for, or the only one there is."""
    known = region_ids(root)
    if wanted:
        if wanted not in known:
            listed = ", ".join(known) or "none yet; start one with `rusgen new region ID`"
            raise RusgenError(f"--region {wanted}: no such region in {CONTENT_DIR}/ (regions: {listed})")
        return wanted
    if len(known) == 1:
        return known[0]
    if not known:
        raise RusgenError(f"no region in {CONTENT_DIR}/ yet; start one with `rusgen new region ID`")
    raise RusgenError(f"there are several regions; say which with --region ID ({', '.join(known)})")


def create(root: Path, rel: str, text: str) -> Path:
    """Write a new file below root; refuse to touch one that exists."""
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise RusgenError(
            f"{rel} already exists; rusgen new never overwrites a file: choose another name, "
            "or open that file and edit it"
        ) from None
    return path


def _network_base_url(root: Path) -> str:
    config = root / CONFIG_FILE
    if not config.is_file():
        raise RusgenError(
            f"{config}: not found. Run rusgen in the folder that holds {CONFIG_FILE}, "
            "or name it with --source DIR."
        )
    data = yaml.safe_load(config.read_text("utf-8")) or {}
    base = str(data.get("base_url") or "https://rus.example.se/") if isinstance(data, dict) else ""
    return base if base.endswith("/") else base + "/"


REGION_YAML = """\
# The settings of the region {name}. docs/guide.md explains each line.
name: {name_yaml}
organisation: {organisation}
base_url: {base_url}
languages: [sv]
timezone: Europe/Stockholm
branding:
  color: "#00609c"
menu: [events, news]
contact: {{email: {email}}}
accessibility:
  status: delvis
  method: Egen granskning med automatiska verktyg och manuell kontroll
  assessed: {today}
  updated: {today}
  known_issues: []
  feedback: {{email: {email}}}
"""

CONTACTS_YAML = """\
# The region's people, by id. Pages name them with contacts: [id].
# fornamn-efternamn:
#   name: Förnamn Efternamn
#   role: Regionutvecklare
#   email: fornamn.efternamn@example.se
#   phone: "010-000 00 00"
"""


def new_region(
    root: Path, region_id: str, name: str, organisation: str, email: str, today: date
) -> list[Path]:
    """Create content/ID/ with region.yaml, contacts.yaml and index.md."""
    if not SLUG_RE.match(region_id):
        raise RusgenError(
            f'"{region_id}" cannot be a region id: use lower case, digits and hyphens, '
            f"like {slugify(region_id) or 'halland'}"
        )
    if not email or "@" not in email:
        raise RusgenError(
            "--email: required; readers need an address for questions and for reporting "
            "accessibility problems, like --email regionalutveckling@example.se"
        )
    folder = f"{CONTENT_DIR}/{region_id}"
    if (root / folder).exists():
        raise RusgenError(f"{folder} already exists; rusgen new never overwrites: choose another id")
    name = name or region_id.replace("-", " ").capitalize()
    settings = REGION_YAML.format(
        name=name, name_yaml=yaml_text(name), email=email, today=today.isoformat(),
        organisation=yaml_text(organisation or f"Region {name}"),
        base_url=f"{_network_base_url(root)}{region_id}/",
    )
    index = page_text(name, f"Regional utvecklingsstrategi för {name}.")
    return [
        create(root, f"{folder}/region.yaml", settings),
        create(root, f"{folder}/contacts.yaml", CONTACTS_YAML),
        create(root, f"{folder}/index.md", index),
    ]


def page_text(title: str, summary: str = "", extra: str = "") -> str:
    """Return a page's front matter and an opening line of body."""
    summary_line = f"summary: {yaml_text(summary)}\n" if summary else (
        "summary: \"\"  # one or two sentences; lists and search engines show them\n"
    )
    return f"---\ntitle: {yaml_text(title)}\n{summary_line}{extra}---\n\nSkriv texten här.\n"


def page_path(path: str) -> str:
    """Return the source path of a new page: slugs for every part, .md at the end."""
    parts = [p for p in path.strip().strip("/").removesuffix(".md").split("/") if p]
    slugs = [slugify(p) for p in parts]
    if not slugs or not all(slugs):
        raise RusgenError(f'"{path}" cannot be a page path: write one like om-oss or kraftsamlingar/index')
    return "/".join(slugs) + ".md"


def new_page(root: Path, region_id: str, path: str, title: str) -> Path:
    """Create a page at PATH within a region; a folder's own page is PATH/index."""
    rel = page_path(path)
    other = rel.removesuffix("/index.md") + ".md" if rel.endswith("/index.md") else (
        rel.removesuffix(".md") + "/index.md"
    )
    folder = f"{CONTENT_DIR}/{region_id}"
    if (root / folder / other).exists():
        raise RusgenError(f"{folder}/{other} already has that address; edit it instead")
    stem = rel.removesuffix(".md").removesuffix("/index").rsplit("/", 1)[-1]
    title = title or stem.replace("-", " ").capitalize()
    return create(root, f"{folder}/{rel}", page_text(title))


def dated_name(day: date, title: str) -> str:
    """Return "2026-12-01-hallbar-energi.md" for an event or news item."""
    slug = slugify(title)
    if not slug:
        raise RusgenError(f'"{title}": the title needs letters or digits to make a file name from')
    return f"{day.isoformat()}-{slug}.md"


def new_event(root: Path, region_id: str, title: str, start: str, end: str | None) -> Path:
    """Create events/YYYY-MM-DD-slug.md with start, end and a place for location."""
    start_at, timed = parse_when(start, "--start")
    lines = f"start: {_when(start_at, timed)}\n"
    if end:
        end_at, end_timed = parse_when(end, "--end")
        if timed and not end_timed and end_at.date() == start_at.date():
            raise RusgenError('--end: the event starts at a time of day; give the end time, like "16:00"')
        if end_at < start_at:
            raise RusgenError(f"--end {end} is before --start {start}; correct one of them")
        lines += f"end: {_when(end_at, end_timed)}\n"
    lines += "# location: Hus U, campus Östersund   (leave it out for online-only)\n"
    rel = f"{CONTENT_DIR}/{region_id}/events/{dated_name(start_at.date(), title)}"
    return create(root, rel, page_text(title, extra=lines))


def _when(value: datetime, timed: bool) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if timed else value.strftime("%Y-%m-%d")


def new_news(root: Path, region_id: str, title: str, day: date) -> Path:
    """Create news/YYYY-MM-DD-slug.md dated `day`."""
    rel = f"{CONTENT_DIR}/{region_id}/news/{dated_name(day, title)}"
    return create(root, rel, page_text(title, extra=f"date: {day.isoformat()}\nkind: news\n"))
