"""The Jinja environment of a theme, its UI strings, and the formatting filters.

Templates are strict (StrictUndefined) and autoescaped, so a typo in a theme fails the
build loudly instead of printing an empty string on a public page.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from types import CodeType
from typing import Any, ClassVar

import jinja2
import jinja2.runtime
from markupsafe import Markup

from rusgen import text, typography
from rusgen.errors import RusgenError
from rusgen.fields import parse_time
from rusgen.memo import Memo
from rusgen.model import Page
from rusgen.raw import THEMES_DIR
from rusgen.yamlfile import YamlSyntaxError, parse_yaml

# What of a Page holds or reads its Markdown text. A template that asks for any of these
# depends on text that a page's cache key leaves out (outputs/page_cache.py); so do
# underscored names, the way to reach an object's internals.
PAGE_TEXT = frozenset({"body", "body_line_holding"})


@dataclass(frozen=True)
class Theme:
    """A theme and the themes it extends, nearest first."""

    name: str
    folders: tuple[Path, ...]

    def static_files(self) -> dict[str, Path]:
        """Map each static file's relative path to the file that wins (child over parent)."""
        found: dict[str, Path] = {}
        for folder in reversed(self.folders):
            static = folder / "static"
            if static.is_dir():
                for path in sorted(static.rglob("*")):
                    if path.is_file() and not path.name.startswith("."):
                        found[path.relative_to(static).as_posix()] = path
        return dict(sorted(found.items()))

    def strings(self, lang: str, cache: Memo | None = None) -> UIStrings:
        """Return the UI strings of one language, the child's overriding the parent's."""
        merged: dict[str, str] = {}
        files = [folder / "i18n" / f"{lang}.yaml" for folder in self.folders]
        for path in reversed(files):
            if path.is_file():
                text = path.read_text(encoding="utf-8")
                merged.update(_read_strings(text, _shown(path), {} if cache is None else cache))
        found = [path for path in files if path.is_file()]
        # A missing string is best added to the nearest file that exists.
        return UIStrings(merged, _shown(found[0] if found else files[0]), bool(found))


class UIStrings(dict[str, str]):
    """A theme's UI strings of one language; a missing one is an error naming its file."""

    def __init__(self, strings: dict[str, str], file: str, found: bool) -> None:
        super().__init__(strings)
        self.file = file  # where to add a missing string: themes/default/i18n/sv.yaml
        self.found = found  # whether any theme in the chain has a file for the language

    def __missing__(self, key: str) -> str:
        raise RusgenError("theme.no_string", file=self.file, string=key)


def _shown(path: Path) -> str:
    """Return a theme file's path as the user finds it: themes/default/i18n/sv.yaml."""
    return "/".join(path.parts[-4:]) if path.parts[-2] == "i18n" else "/".join(path.parts[-3:])


def _read_strings(text: str, shown: str, cache: Memo) -> dict[str, str]:
    """Parse a strings file once per distinct text."""
    key = ("strings", text)
    if key not in cache:
        data = _read_yaml(text, shown)
        if not isinstance(data, dict):
            raise RusgenError("theme.not_a_map", path=shown)
        cache[key] = {str(k): str(v) for k, v in data.items()}
    return cache[key]


def _read_yaml(text: str, shown: str) -> object:
    """Parse a theme's YAML file; a mistake in it is an error naming the file and line."""
    try:
        return parse_yaml(text) or {}
    except YamlSyntaxError as exc:
        problem = RusgenError(exc.code, **exc.blanks)
        raise RusgenError("theme.yaml", path=shown, line=exc.line, problem=problem) from None


# The themes that come with rusgen. A project's themes/ is looked in first, so a project
# can override the default theme, or extend it (`extends: default`) from a theme of its own.
PACKAGED_THEMES = Path(__file__).resolve().parent / "themes"


def theme_places(root: Path) -> tuple[Path, ...]:
    """Return the folders that hold themes, in lookup order: the project's, then rusgen's."""
    return (root / THEMES_DIR, PACKAGED_THEMES)


def load_theme(root: Path, name: str) -> Theme:
    """Find a theme and its parents, nearest first, refusing loops and missing parents.

    A name is looked up in the project's themes/, then among rusgen's own themes, skipping
    a folder already in the chain: a project's themes/default that says `extends: default`
    overrides some files of the packaged default and inherits the rest.
    """
    folders: list[Path] = []
    current: str | None = name
    while current:
        candidates = [place / current for place in theme_places(root) if (place / current).is_dir()]
        shown = f"{THEMES_DIR}/{current}/theme.yaml"
        unused = [folder for folder in candidates if folder not in folders]
        if not unused and candidates:
            raise RusgenError("theme.loop", path=shown)
        if not unused:
            known = sorted({p.name for place in theme_places(root) if place.is_dir()
                            for p in place.iterdir() if p.is_dir()})
            raise RusgenError(
                "theme.missing", path=f"{THEMES_DIR}/{current}", theme=current, known=", ".join(known)
            )
        folder = unused[0]
        folders.append(folder)
        settings = folder / "theme.yaml"
        data = _read_yaml(settings.read_text(encoding="utf-8"), shown) if settings.is_file() else None
        parent = data.get("extends") if isinstance(data, dict) else None
        current = str(parent) if parent else None
    return Theme(name=name, folders=tuple(folders))


class CompiledTemplates(jinja2.BytecodeCache):
    """Keep compiled templates for the life of the process, by name and source.

    Compiling a theme costs more than rendering a small site's pages: in the test suite it
    was 45 % of the workers' CPU (8265 compiles in one run of the quick tier), and each
    preview rebuild, editor draft and CLI build in one process made fresh environments.
    The key is the template's name, its source's checksum and the environment's options
    (the compiled code depends on them), not its file: a project's copy of the default
    theme compiles to what the packaged one does. The file is in the code, though (Jinja
    takes a template's `filename`, which error messages name, from `co_filename`), so kept
    code is handed out relabelled with the file it is loaded from.
    """

    _kept: ClassVar[dict[tuple[str, str, tuple[object, ...]], CodeType]] = {}

    def __init__(self) -> None:
        self._asked: dict[str, tuple[str, str, tuple[object, ...]]] = {}  # Jinja's key -> ours

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None,
                   source: str) -> jinja2.bccache.Bucket:
        bucket = super().get_bucket(environment, name, filename, source)
        ours = (name, bucket.checksum, _options(environment))
        self._asked[bucket.key] = ours
        code = self._kept.get(ours)
        if code is not None:
            bucket.code = _relabelled(code, filename) if filename else code
        return bucket

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        """Nothing to load: get_bucket looks up kept code by this class's own key."""

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        ours = self._asked.pop(bucket.key, None)
        if ours is not None and bucket.code is not None:
            self._kept[ours] = bucket.code


def _relabelled(code: CodeType, filename: str) -> CodeType:
    """The same compiled template, naming `filename` (its functions' code too)."""
    if code.co_filename == filename:
        return code
    consts = tuple(_relabelled(c, filename) if isinstance(c, CodeType) else c for c in code.co_consts)
    return code.replace(co_filename=filename, co_consts=consts)


def _options(env: jinja2.Environment) -> tuple[object, ...]:
    """The environment's options that change what a template compiles to."""
    return (env.trim_blocks, env.lstrip_blocks, env.keep_trailing_newline, env.autoescape,
            env.block_start_string, env.variable_start_string, env.comment_start_string)


class ThemeEnvironment(jinja2.Environment):
    """A Jinja environment that notes when a template reads a page's Markdown text.

    Templates get a page's text rendered, as `content`; the page cache can then leave
    other pages' text out of a page's key. A template that reads `page.body` (or any
    page's) sets `read_page_text`, and its page is rendered every build.
    """

    read_page_text = False
    # While a page renders for the page cache: its record of what the templates read
    # (outputs/page_reads.Reads): fields of objects, context names, template files.
    reads: Any = None

    def getattr(self, obj: Any, attribute: str) -> Any:
        if isinstance(obj, Page) and (attribute in PAGE_TEXT or attribute.startswith("_")):
            self.read_page_text = True
        if self.reads is not None:
            self.reads.saw(obj, attribute)
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        if isinstance(obj, Page) and isinstance(argument, str) and (
            argument in PAGE_TEXT or argument.startswith("_")
        ):
            self.read_page_text = True
        if self.reads is not None and isinstance(argument, str):
            self.reads.saw(obj, argument)
        return super().getitem(obj, argument)

    def _load_template(self, name: str, globals: Any) -> jinja2.Template:
        # Every template, include and import of a render is loaded through here.
        if self.reads is not None:
            self.reads.template(name)
        return super()._load_template(name, globals)


class _RecordingContext(jinja2.runtime.Context):
    """A template's context that notes each name a template looks up in it."""

    def resolve_or_missing(self, key: str) -> Any:
        reads = getattr(self.environment, "reads", None)
        if reads is not None:
            reads.names.add(key)
        return super().resolve_or_missing(key)


ThemeEnvironment.context_class = _RecordingContext


def make_environment(theme: Theme) -> ThemeEnvironment:
    """Create a strict, autoescaping Jinja environment over a theme chain."""
    env = ThemeEnvironment(
        bytecode_cache=CompiledTemplates(),
        loader=jinja2.FileSystemLoader([str(f / "templates") for f in theme.folders]),
        undefined=jinja2.StrictUndefined,
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        date=_date,
        datetime=_datetime,
        filesize=text.format_size,
        number=text.format_number,
        tel=text.tel_uri,
        time_range=text.format_time_range,
        event_when=_event_when,
        json_ld=json_ld,
        clock=_clock,
        by_month=_by_month,
        month_abbr=_month_abbr,
        headings=_headings,
        hyphenate=typography.hyphenate,
        address=typography.breakable_address,
        in_sentence=typography.in_sentence,
    )
    return env


def warm_up(env: ThemeEnvironment, languages: Iterable[str]) -> None:
    """Compile every template of the theme and load the languages' hyphenation
    dictionaries, before parallel.py forks its workers.

    A worker starts with what the build process holds; what it compiles or loads itself
    is lost with it, and each region's two workers did so again (about 0.2–0.5 s of CPU
    each, measured). A template that does not compile is left to the page that uses it,
    which reports it as the build always has.
    """
    for name in env.list_templates(extensions=("html",)):
        try:
            env.get_template(name)
        except (jinja2.TemplateError, UnicodeDecodeError):
            continue
    typography.load_dictionaries(languages)


def _by_month(pages: Any, lang: str) -> list[tuple[str, list[Any]]]:
    """Group events by the month they start in, keeping their order: [("juni 2021", [...])]."""
    groups: list[tuple[str, list[Any]]] = []
    for page in pages:
        start = page.event.start
        label = f"{text.MONTHS[lang][start.month - 1]} {start.year}"
        if not groups or groups[-1][0] != label:
            groups.append((label, []))
        groups[-1][1].append(page)
    return groups


def _month_abbr(value: Any, lang: str) -> str:
    """Return a month's first three letters, as a date block shows it: "maj", "okt"."""
    return text.MONTHS[lang][value.month - 1][:3]


_H2 = re.compile(r'<h2 id="([^"]+)"[^>]*>(.*?)</h2>', re.S)
_TAG = re.compile(r"<[^>]+>")


def _headings(html: str) -> list[tuple[str, Markup]]:
    """Return (id, text) of a rendered page's second-level headings, for "On this page"."""
    return [(anchor, Markup(_TAG.sub("", inner))) for anchor, inner in _H2.findall(str(html))]


def _date(value: Any, lang: str, style: str = "long") -> str:
    return text.format_date(value, lang, style)


def _datetime(value: Any, lang: str) -> str:
    if value.hour == 0 and value.minute == 0:
        return text.format_date(value, lang, "short")
    return text.format_datetime(value, lang)


def _clock(value: str, lang: str) -> str:
    """Write an agenda time the way the language does ("09:30" -> "9.30"), else as written."""
    parsed = parse_time(value)
    return text.format_time(parsed, lang) if parsed else value


def _event_when(event: Any, lang: str) -> str:
    return text.format_event_when(event.start, event.end, event.all_day, lang)


def json_ld(data: dict) -> Markup:
    """Serialise JSON-LD so that no content can close its script element."""
    import json

    raw = json.dumps(data, ensure_ascii=False, sort_keys=True, indent=None)
    safe = raw.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(safe)


class Translator:
    """Look up a theme's UI string, failing loudly on a missing key."""

    def __init__(self, strings: dict[str, str], lang: str, theme: str) -> None:
        self.strings = strings
        self.lang = lang
        self.theme = theme

    def __call__(self, key: str, **values: Any) -> str:
        try:
            template = self.strings[key]
        except KeyError:  # strings given as a plain dict
            raise RusgenError(
                "theme.no_string", file=f"{THEMES_DIR}/{self.theme}/i18n/{self.lang}.yaml", string=key
            ) from None
        return template.format(**values) if values else template
