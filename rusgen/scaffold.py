"""`rusgen new`: start a region, a page, an event or a news item with the right front matter.

It only ever creates files: anything already there is left alone and reported. What it
writes for the user to replace is a fixed sentence (rusgen/placeholders.py), and the facts
only the region can state are left empty with a comment that explains them; the build
refuses both until they are filled in, so a fresh file never reaches the public.
"""

from __future__ import annotations

import errno
import json
import os
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

from rusgen.errors import RusgenError
from rusgen.fields import EMAIL_RE, parse_date, parse_datetime, parse_time
from rusgen.loader import configured_language
from rusgen.messages import say
from rusgen.placeholders import BODY, SUMMARY
from rusgen.raw import CONFIG_FILE, CONTENT_DIR
from rusgen.text import format_time, slugify
from rusgen.yamlerrors import YamlSyntaxError
from rusgen.yamlfile import YamlMap, parse_yaml

SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
PLAIN_YAML = re.compile(r"^[\w\s.,–—()/'’!?&%+@]*$")  # "#", ":", "-" at the start need quotes
# What YAML reads as its own at the start of a value, and words it reads as numbers or yes/no.
# Word's quote marks around a value are read as quotes (yamltraps), so they start nothing plain.
AMBIGUOUS = re.compile(r"^(\d|[-?@%&!',.’‘”“„]|(yes|no|on|off|true|false|null|~)$)", re.I)
TITLE_LIMIT = 150  # characters; longer is no title, and no file name either


@dataclass(frozen=True)
class Project:
    """The project `rusgen new` writes in: its folder, its language, the network's address."""

    root: Path
    lang: str
    base_url: str  # the network's base_url, "" when rusgen.yaml has none

    def word(self, code: str) -> str:
        """Return a word of the messages in the project's language."""
        return say(code, self.lang)


def open_project(root: Path) -> Project:
    """Read rusgen.yaml: refuse to write in a project whose settings cannot be read."""
    lang = configured_language(root)
    config = root / CONFIG_FILE
    if not config.is_file():
        raise RusgenError("cli.no_config", path=config, config=CONFIG_FILE)
    try:
        data = parse_yaml(config.read_text("utf-8"))
    except UnicodeDecodeError:
        raise RusgenError("new.config_not_text", path=CONFIG_FILE) from None
    except YamlSyntaxError as exc:
        problem = say(exc.code, lang, **exc.blanks)
        raise RusgenError("new.config_broken", path=CONFIG_FILE, line=exc.line, problem=problem) from None
    if data is not None and not isinstance(data, YamlMap):
        raise RusgenError("new.config_not_map", path=CONFIG_FILE)
    base = data.get("base_url") if data else None
    base = base.strip() if isinstance(base, str) else ""
    return Project(root, lang, base if not base or base.endswith("/") else base + "/")


def yaml_text(value: str) -> str:
    """Return text as a YAML value, in quotes only when YAML would misread it."""
    value = " ".join(value.split())
    if value and PLAIN_YAML.match(value) and not AMBIGUOUS.match(value):
        return value
    return json.dumps(value, ensure_ascii=False)  # JSON strings are YAML strings


def one_line(option: str, value: str, limit: int = TITLE_LIMIT) -> str:
    """Return an option's text, or refuse a line break, a control character or a text too long."""
    for at, char in enumerate(value):
        if char in "\n\r\u2028\u2029":
            raise RusgenError("new.one_line", option=option, before=value[:at].strip()[-40:])
        if char != "\t" and (unicodedata.category(char) in ("Cc", "Cs") or char in "\ufffe\uffff"):
            raise RusgenError(
                "new.control_char", option=option, char=f"U+{ord(char):04X}", before=value[:at].strip()[-40:]
            )
    if len(value.strip()) > limit:
        raise RusgenError("new.too_long", option=option, count=len(value.strip()), limit=limit)
    return value.strip()


def region_ids(root: Path) -> list[str]:
    """List the region folders of content/."""
    content = root / CONTENT_DIR
    if not content.is_dir():
        return []
    return sorted(p.name for p in content.iterdir() if (p / "region.yaml").is_file())


def pick_region(project: Project, wanted: str | None) -> str:
    """Return the region to write in: the one asked for, or the only one there is."""
    known = region_ids(project.root)
    if wanted:
        if wanted not in known:
            listed = ", ".join(known) or project.word("new.regions_none")
            raise RusgenError("new.region_unknown", got=wanted, known=listed)
        return wanted
    if len(known) == 1:
        return known[0]
    if not known:
        raise RusgenError("new.no_region")
    raise RusgenError("new.which_region", first=known[0], known=", ".join(known))


def create(project: Project, rel: str, text: str) -> Path:
    """Write a new file below the project; refuse to touch one that exists or to leave it."""
    _refuse_shortcuts(project.root, rel)
    path = project.root / rel
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as handle:
            handle.write(text)
    except FileExistsError:
        raise RusgenError("new.exists", path=rel) from None
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise RusgenError("new.name_too_long", path=rel) from None
        raise  # the CLI says why the system refused it
    return path


def _refuse_shortcuts(root: Path, rel: str) -> None:
    """Refuse to write through a symbolic link: the file would land outside the project."""
    folder = root
    for part in rel.split("/")[:-1]:
        folder = folder / part
        if folder.is_symlink():
            shown = folder.relative_to(root).as_posix()
            raise RusgenError("new.symlink", path=shown, target=os.readlink(folder))


REGION_YAML = """\
# Inställningar för regionen {name}. docs/guide.md förklarar varje rad.
name: {name_yaml}
# Vem som publicerar webbplatsen, som "Region Halland". Tillgänglighetsredogörelsen
# nämner den.
organisation:{organisation}
# Adressen där webbplatsen ska publiceras, med https:// först och / sist. Vanligast är
# nätverkets adress följd av mappens namn: {suggested_url}
base_url:
languages: [sv]
timezone: Europe/Stockholm
branding:
  color: "#00609c"
menu: [events, news]
contact:
  email: {email}

# Tillgänglighetsredogörelsen, som lagen om tillgänglighet till digital offentlig service
# kräver. Bygget stoppar tills status, method och assessed är ifyllda. Avsnittet om
# tillgänglighetsredogörelsen i docs/guide.md visar hur.
accessibility:
  # Hur väl webbplatsen uppfyller lagen: helt, delvis eller inte.
  status:
  # Hur webbplatsen granskades, till exempel:
  # Egen granskning med automatiska verktyg och manuell kontroll
  method:
  # Dagen granskningen gjordes, skriven år-månad-dag, till exempel 2026-03-01.
  assessed:
  # Dagen redogörelsen senast ändrades. Utan raden gäller dagen för granskningen.
  # updated: 2026-04-21
  # Kända brister, en per rad med bindestreck först. Krävs när status är delvis eller inte.
  # known_issues:
  #   - Vissa äldre PDF-dokument är inte tillgängliga.
  # Hur läsare rapporterar brister: e-post (email), webbformulär (url) eller telefon (phone).
  feedback:
    email: {email}
"""

CONTACTS_YAML = """\
# Regionens kontaktpersoner, var och en med ett id. Sidor visar dem med contacts: [id].
# fornamn-efternamn:
#   name: Förnamn Efternamn
#   role: Regionutvecklare
#   email: fornamn.efternamn@example.se
#   phone: "010-000 00 00"
"""


def new_region(
    project: Project, region_id: str, name: str, organisation: str, email: str
) -> list[Path]:
    """Create content/ID/ with region.yaml, contacts.yaml and index.md."""
    if not SLUG_RE.match(region_id):
        raise RusgenError("new.region_id", got=region_id, example=slugify(region_id) or "halland")
    name = one_line("--name", name) or region_id.replace("-", " ").capitalize()
    organisation = one_line("--organisation", organisation)
    email = one_line("--email", email)
    if not email:
        raise RusgenError("new.email_missing")
    if not EMAIL_RE.match(email):
        raise RusgenError("new.email_invalid", got=email)
    folder = f"{CONTENT_DIR}/{region_id}"
    _refuse_shortcuts(project.root, f"{folder}/region.yaml")
    if (project.root / folder).exists():
        raise RusgenError("new.region_exists", path=folder)
    settings = REGION_YAML.format(
        name=name, name_yaml=yaml_text(name), email=yaml_text(email),
        organisation=f" {yaml_text(organisation)}" if organisation else "",
        suggested_url=f"{project.base_url or 'https://rus.example.se/'}{region_id}/",
    )
    return [
        create(project, f"{folder}/region.yaml", settings),
        create(project, f"{folder}/contacts.yaml", CONTACTS_YAML),
        create(project, f"{folder}/index.md", page_text(name)),
    ]


def page_text(title: str, extra: str = "") -> str:
    """Return a page's front matter and the placeholders for its summary and text."""
    return f"---\ntitle: {yaml_text(title)}\nsummary: {SUMMARY}\n{extra}---\n\n{BODY}\n"


def page_path(path: str) -> str:
    """Return the source path of a new page: slugs for every part, .md at the end."""
    parts = [p for p in path.strip().replace("\\", "/").strip("/").removesuffix(".md").split("/") if p]
    slugs = [slugify(p) for p in parts]
    if not slugs or not all(slugs):
        raise RusgenError("new.page_path", got=path)
    return "/".join(slugs) + ".md"


def new_page(project: Project, region_id: str, path: str, title: str) -> Path:
    """Create a page at PATH within a region; a folder's own page is PATH/index."""
    rel = page_path(one_line(project.word("new.the_path"), path))
    other = rel.removesuffix("/index.md") + ".md" if rel.endswith("/index.md") else (
        rel.removesuffix(".md") + "/index.md"
    )
    folder = f"{CONTENT_DIR}/{region_id}"
    if (project.root / folder / other).exists():
        raise RusgenError("new.page_address", path=f"{folder}/{other}")
    stem = rel.removesuffix(".md").removesuffix("/index").rsplit("/", 1)[-1]
    title = one_line("--title", title) or stem.replace("-", " ").capitalize()
    return create(project, f"{folder}/{rel}", page_text(title))


def dated_name(day: date, title: str) -> str:
    """Return "2026-12-01-hallbar-energi.md" for an event or news item."""
    slug = slugify(title)
    if not slug:
        raise RusgenError("new.no_letters", got=title)
    return f"{day.isoformat()}-{slug}.md"


def parse_when(value: str) -> tuple[datetime, bool] | None:
    """Parse "2026-12-01 9.30", "2026-12-01 13:00" or "2026-12-01": the moment and whether it has a time.

    The same words as front matter accepts (fields.parse_datetime), so a time written the
    Swedish way works on the command line too.
    """
    moment = parse_datetime(value)
    if moment is not None:
        return moment, True
    day = parse_date(value)
    return (datetime.combine(day, time()), False) if day is not None else None


def new_event(project: Project, region_id: str, title: str, start: str, end: str | None) -> Path:
    """Create events/YYYY-MM-DD-slug.md with start, end and a place for location."""
    title = one_line(project.word("new.the_title"), title)
    if not start:
        raise RusgenError("new.start_missing")
    when = parse_when(start)
    if when is None:
        raise RusgenError("new.start", got=start)
    start_at, timed = when
    lines = f"start: {_when(start_at, timed)}\n"
    if end:
        lines += f"end: {_end(project, end, start, start_at, timed)}\n"
    lines += "# location: Hus U, campus Östersund   (utelämna raden om mötet bara är digitalt)\n"
    rel = f"{CONTENT_DIR}/{region_id}/events/{dated_name(start_at.date(), title)}"
    return create(project, rel, page_text(title, extra=lines))


def _end(project: Project, end: str, start: str, start_at: datetime, timed: bool) -> str:
    """Return the end as front matter writes it; a time alone ends on the day it starts."""
    day = start_at.date().isoformat()
    clock = parse_time(end)
    when = (datetime.combine(start_at.date(), clock), True) if clock else parse_when(end)
    if when is None:
        raise RusgenError("new.end", got=end, day=day)
    end_at, end_timed = when
    if timed and not end_timed and end_at.date() == start_at.date():
        raise RusgenError(
            "new.end_needs_time", got=end, day=day, start=format_time(start_at.time(), project.lang)
        )
    if end_timed and not timed:
        raise RusgenError("new.end_all_day", got=end, day=end_at.date().isoformat())
    if end_at < start_at:
        raise RusgenError("new.end_before_start", end=end, start=start)
    return _when(end_at, end_timed)


def _when(value: datetime, timed: bool) -> str:
    return value.strftime("%Y-%m-%d %H:%M") if timed else value.strftime("%Y-%m-%d")


def news_date(value: str) -> date:
    """Return the day of --date, or refuse it."""
    day = parse_date(value)
    if day is None:
        raise RusgenError("new.date", got=value)
    return day


def new_news(project: Project, region_id: str, title: str, day: date) -> Path:
    """Create news/YYYY-MM-DD-slug.md dated `day`."""
    title = one_line(project.word("new.the_title"), title)
    rel = f"{CONTENT_DIR}/{region_id}/news/{dated_name(day, title)}"
    return create(project, rel, page_text(title, extra=f"date: {day.isoformat()}\nkind: news\n"))
