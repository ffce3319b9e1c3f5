"""Read rusgen.yaml and content/: the only module that reads the user's files.

It splits front matter from Markdown and parses YAML with line marks, and records every
problem it meets instead of stopping at the first, so one build reports them all.
"""

from __future__ import annotations

import os
import stat
import time
from collections.abc import Callable, Mapping
from functools import partial
from pathlib import Path
from typing import TypeVar

from rusgen.contentwalk import ContentWalker, Found, Stamp
from rusgen.errors import Problems, RusgenError
from rusgen.memo import Memo
from rusgen.messages import message_language
from rusgen.raw import CONFIG_FILE, CONTENT_DIR, LEDGER_FILE, RawFile, RawPage, RawProject, RawRegion
from rusgen.yamlfile import ParsedYaml, YamlMap, YamlSyntaxError, parse_yaml, read_yaml

PAGE_SUFFIX = ".md"
FILE_KEY = "file"  # cache keys of files read once: (FILE_KEY, absolute path, stamp, language)
# How long after a file's last change what was read from it is not trusted to stay (see
# _read_once): 2 s, the coarsest timestamps our users' disks keep (FAT, some shares).
RACY_NS = 2_000_000_000
T = TypeVar("T")
SETTINGS_FILES = ("region.yaml", "contacts.yaml")
# What a settings file holds, for the message when it holds something else.
FIELDS_EXAMPLE = {
    CONFIG_FILE: "name: Regionala utvecklingsstrategier",
    "region.yaml": "name: Västra Götaland",
    "contacts.yaml": "robin-kalmendal: {name: Robin Kalmendal}",
}


def configured_language(root: Path) -> str:
    """Return the language of messages for the project at `root`, before anything is checked.

    The messages of the files read before rusgen.yaml is validated need it too; a
    rusgen.yaml that cannot be read counts as Swedish, our users' language.
    """
    # Only a file of the project: a named pipe would block, a link out must not be read.
    walker = ContentWalker(str(root), Problems())
    try:
        entry = walker.entry(str(root / CONFIG_FILE), CONFIG_FILE)
        if entry is None or not stat.S_ISREG(entry.mode):
            raise OSError
        config = parse_yaml(Path(entry.real).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, YamlSyntaxError, RecursionError):
        config = None
    language = config.get("language") if isinstance(config, YamlMap) else None
    return message_language(language if isinstance(language, str) else None)


def load_project(
    root: Path, problems: Problems, only: tuple[str, ...] = (), cache: Memo | None = None,
    unsaved: Mapping[str, str] | None = None,
) -> RawProject:
    """Read the whole project below `root`; `only` limits it to some region ids.

    `cache` keeps parsed YAML by its text between runs of the preview, so an unchanged file
    is read but not parsed again. `unsaved`: texts by path ("content/vg/x.md") read in place
    of the file on disk, or as a new file (the editor's draft), a page or a settings file.
    """
    cache = {} if cache is None else cache
    walker = ContentWalker(str(root), problems)
    config_path = root / CONFIG_FILE
    if not config_path.is_file():
        raise RusgenError("cli.no_config", path=config_path, config=CONFIG_FILE)
    config_file = walker.entry(str(config_path), CONFIG_FILE)
    config = _read_yaml_file(config_file.real if config_file else None, CONFIG_FILE, problems, cache)
    content = root / CONTENT_DIR
    linked = os.path.islink(content)
    top = walker.entry(str(content), CONTENT_DIR) if linked else None
    if linked and top is None:
        problems.raise_if_errors()  # content/ leads out of the project, or nowhere: read nothing
    if not content.is_dir():
        raise RusgenError("cli.no_content", path=content, content=CONTENT_DIR)
    folders = [
        entry for entry in walker.entries(top.real if top else str(content), CONTENT_DIR)
        if stat.S_ISDIR(entry.mode)
    ]
    known = [entry.name for entry in folders]
    for wanted in only:
        if wanted not in known:
            raise RusgenError("cli.unknown_region", region=wanted, known=", ".join(known))
    regions = [
        _load_region(content / entry.name, walker, problems, cache, unsaved or {})
        for entry in folders if not only or entry.name in only
    ]
    return RawProject(root=root, config=config or YamlMap(), regions=regions)


def _load_region(
    folder: Path, walker: ContentWalker, problems: Problems, cache: Memo, unsaved: Mapping[str, str]
) -> RawRegion:
    display = f"{CONTENT_DIR}/{folder.name}"
    found = walker.files(str(folder), display)
    # This region's unsaved texts by their path in it; a new page goes in among the others.
    texts = {path.removeprefix(display + "/"): text for path, text in unsaved.items()
             if path.startswith(display + "/")}
    new = [Found(rel, "", 0, (0, 0, 0, 0)) for rel in texts if rel.endswith(PAGE_SUFFIX)
           and rel not in {file.rel for file in found}]
    found = sorted([*found, *new], key=lambda file: file.rel.split("/")) if new else found
    settings = {file.rel: file.real for file in found if file.rel in SETTINGS_FILES}

    def read_settings(name: str) -> YamlMap | None:
        if name in texts:
            return settings_from_text(texts[name], f"{display}/{name}", problems, cache)
        return _read_yaml_file(settings.get(name), f"{display}/{name}", problems, cache)

    region = RawRegion(
        id=folder.name,
        folder=folder,
        display=display,
        settings=read_settings("region.yaml"),
        contacts=read_settings("contacts.yaml"),
    )
    base = os.path.abspath(folder)
    for file in found:
        if file.rel in SETTINGS_FILES:
            continue
        if file.rel == LEDGER_FILE:
            region.published = _read_ledger(Path(file.real), f"{display}/{file.rel}", problems)
            continue
        if file.rel in texts and file.rel.endswith(PAGE_SUFFIX):
            page = page_from_text(texts[file.rel], file.rel, f"{display}/{file.rel}", problems, cache)
            if page is not None:
                region.pages.append(page)
        elif file.rel.endswith(PAGE_SUFFIX):
            page = _read_once(
                f"{base}/{file.rel}", file.stamp, problems, cache,
                partial(_read_page, file.real, file.rel, f"{display}/{file.rel}", cache=cache),
            )
            if page is not None:
                region.pages.append(page)
        else:
            region.files.append(RawFile(rel=file.rel, path=Path(file.real), size=file.size))
    return region


def _read_ledger(path: Path, display: str, problems: Problems) -> tuple[tuple[str, int], ...]:
    """Return the addresses of a region's ledger with their lines; comments are left out."""
    text = _read_text(path, display, problems) or ""
    return tuple(
        (line.strip(), number) for number, line in enumerate(text.split("\n"), start=1)
        if line.strip() and not line.lstrip().startswith("#")
    )


def _read_text(path: Path, display: str, problems: Problems) -> str | None:
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        problems.say(display, line, "", "file.not_utf8")
        return None
    return text.lstrip("\ufeff").replace("\r\n", "\n")


def _read_yaml_file(real: str | None, display: str, problems: Problems, cache: Memo) -> YamlMap | None:
    """Read a settings file at its real path (None: there is none to read)."""
    if real is None or not os.path.isfile(real):
        return None
    text = _read_text(Path(real), display, problems)
    if text is None:
        return None
    return settings_from_text(text, display, problems, cache)


def settings_from_text(text: str, display: str, problems: Problems, cache: Memo) -> YamlMap | None:
    """Return the fields of a settings file's text (region.yaml, contacts.yaml), or None."""
    data = _parse_recorded(text, 1, display, problems, cache)
    if data is None:
        return None
    if data.data is None:
        return YamlMap()
    if not isinstance(data.data, YamlMap):
        example = FIELDS_EXAMPLE.get(display.rsplit("/", 1)[-1], FIELDS_EXAMPLE["region.yaml"])
        problems.say(display, 1, "", "file.not_fields", example=example)
        return None
    return data.data


def _read_page(path: str, rel: str, display: str, problems: Problems, cache: Memo) -> RawPage | None:
    text = _read_text(Path(path), display, problems)
    if text is None:
        return None
    return page_from_text(text, rel, display, problems, cache)


def page_from_text(text: str, rel: str, display: str, problems: Problems, cache: Memo) -> RawPage | None:
    """Return a page of a region from its text (`rel` its path in the region), or None."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        problems.say(display, 1, "", "page.no_front_matter")
        return None
    closing = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if closing is None:
        problems.say(display, 1, "", "page.unclosed_front_matter")
        return None
    parsed = _parse_recorded("\n".join(lines[1:closing]), 2, display, problems, cache)
    if parsed is None:
        return None
    front = parsed.data
    if front is None:
        front = YamlMap()
        front.line, front.key_lines = 1, {}
    if not isinstance(front, YamlMap):
        problems.say(display, 2, "", "page.front_not_fields")
        return None
    body = "\n".join(lines[closing + 1 :])
    return RawPage(display=display, rel=rel, front=front, body=body, body_line=closing + 2, text=text)


def _read_once(
    path: str, stamp: Stamp, problems: Problems, cache: Memo, read: Callable[[Problems], T]
) -> T:
    """Return read(problems) for a file (an absolute path), reading it again only when it has changed.

    The preview keeps `cache` between rebuilds, so a save reads the saved files, not all of
    them. `stamp` is the walk's stat of the file (so no file is asked twice): a changed file
    has a new size, time, change time or inode. Two cases the stamp alone would miss:
    - a file changed twice within the file system's timestamp granularity (a jiffy on
      Linux, 2 s on FAT), keeping its size: like git's "racily clean" rule, what was read
      less than RACY_NS after the file last changed keeps the file's bytes, and is used
      again only while the file holds the same bytes (no parse, the same RawPage);
    - on Windows the ctime is the creation time: a file written and touched back to its old
      time keeps its stamp there. The preview forgets the files its watcher reported (FILE_KEY).
    """
    key = (FILE_KEY, path, stamp, problems.lang)
    hit = cache.get(key)
    if hit is not None and hit[2] is not None:  # racily kept: the same bytes still?
        if _bytes(path) != hit[2]:
            hit = None
        elif not _racy(stamp):  # and settled now: no need to look again
            hit = cache[key] = (hit[0], hit[1], None)
    if hit is None:
        recorded = Problems(problems.lang)
        # What was read that soon keeps the bytes, to be compared on the next hit; taken
        # before the read, so a change in between makes them differ, never agree wrongly.
        kept = _bytes(path) if _racy(stamp) else None
        hit = (read(recorded), tuple(recorded.items), kept)
        cache[key] = hit
    value, items, _ = hit
    problems.items.extend(items)
    return value


def _racy(stamp: Stamp) -> bool:
    """Whether the file changed so recently that a same-size change may keep its stamp."""
    return time.time_ns() - max(stamp[1], stamp[2]) < RACY_NS


def _bytes(path: str) -> bytes | None:
    try:
        with open(path, "rb") as file:
            return file.read()
    except OSError:
        return None


def _parse_recorded(
    text: str, first_line: int, display: str, problems: Problems, cache: Memo
) -> ParsedYaml | None:
    """Parse YAML once per distinct text, recording its notes, or its error and None."""
    key = ("yaml", first_line, text)
    try:
        parsed = cache[key] if key in cache else read_yaml(text, first_line=first_line)
    except YamlSyntaxError as exc:
        problems.say(display, exc.line, exc.field, exc.code, **exc.blanks)
        return None
    cache[key] = parsed  # the parsed values are never changed afterwards
    for note in parsed.notes:
        record = problems.say_warning if note.warning else problems.say
        record(display, note.line, note.field, note.code, **dict(note.args))
    return parsed
