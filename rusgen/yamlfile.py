"""YAML that remembers where each value was written, so errors can name the line.

The loader keeps what YAML 1.1 would turn into something else as the text the user
wrote: "09:30" would become 570, "13.00" the number 13.0 (shown "13.0"), "no" False and
the phone number 0104410000 the octal 17960960. The schema parses dates and times itself
and can then say exactly what it expected. Values that a `#` cut short come back as notes,
so the loader can warn before the cut value is published (rusgen/yamltraps.py). Aliases,
tags and nesting that would exhaust the machine are refused before any value is made
(rusgen/yamllimits.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

import yaml

from rusgen.yamlerrors import DuplicateKey, YamlSyntaxError, explain
from rusgen.yamllimits import check_nodes, too_deep
from rusgen.yamltraps import YamlNote, find_cut_values, unquote_word_quotes, yaml_lines

__all__ = ["ParsedYaml", "YamlList", "YamlMap", "YamlNote", "YamlSyntaxError", "parse_yaml", "read_yaml"]


class YamlMap(dict):
    """A mapping that knows the line of each of its keys and of itself."""

    line: int = 0
    key_lines: dict[str, int]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.key_lines = {}  # an empty file's mapping too: its fields are looked up by line

    def line_of(self, key: str) -> int:
        """Return the line a key was written on, or the mapping's own line."""
        return self.key_lines.get(key, self.line)


class YamlList(list):
    """A list that knows the line of each item."""

    line: int = 0
    item_lines: list[int]


@dataclass(frozen=True)
class ParsedYaml:
    """The values of one YAML text, and the notes on values it read differently than meant."""

    data: Any
    notes: tuple[YamlNote, ...] = ()


class _LineMarks(yaml.constructor.SafeConstructor):
    """Constructors that record lines and keep times and yes/no as written.

    A SafeConstructor so the type checker knows what `super()` and `self` offer; in the
    loaders below it comes before the loader's own constructor in the method order.
    """

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> YamlMap:
        result = YamlMap()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        marks: dict[str, yaml.Mark] = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            if key in result:
                raise DuplicateKey(key, marks[key], key_node.start_mark)
            result[key] = self.construct_object(value_node, deep=True)
            result.key_lines[key] = key_node.start_mark.line + 1
            marks[key] = key_node.start_mark
        return result

    def construct_yaml_map(self, node: yaml.MappingNode):
        yield self.construct_mapping(node)

    def construct_yaml_seq(self, node: yaml.SequenceNode):
        result = YamlList()
        result.line = node.start_mark.line + 1
        result.item_lines = [child.start_mark.line + 1 for child in node.value]
        yield result
        result.extend(self.construct_object(child, deep=True) for child in node.value)

    def construct_as_written(self, node: yaml.ScalarNode) -> str:
        return str(self.construct_scalar(node))

    # The stubs say a YAML int is an int and a bool a bool; these keep some as text.
    def construct_yaml_int(self, node: yaml.ScalarNode) -> int | str:  # type: ignore[override]
        written = str(node.value)
        digits = written.lstrip("-")
        # 09:30 (sexagesimal), 0104410000 (octal), 0x1f, 1_000 and +4610... are not
        # numbers anyone here means: times, phone numbers and codes, kept as written. Nor
        # are 19 digits and more, which Python refuses to read beyond 4300.
        if written.startswith("+") or ":" in written or "_" in written or len(digits) > 18 or (
            len(digits) > 1 and digits.startswith("0")
        ):
            return written
        return super().construct_yaml_int(node)

    def construct_yaml_bool(self, node: yaml.ScalarNode) -> bool | str:  # type: ignore[override]
        if str(node.value).lower() in ("true", "false"):
            return str(node.value).lower() == "true"
        return str(node.value)


class _LineLoader(_LineMarks, yaml.SafeLoader):
    """The pure-Python parser: its error messages are the ones rusgen explains."""


# libyaml's parser reads front matter about five times faster; when PyYAML was built
# without it, the pure-Python loader does both jobs.
class _FastLineLoader(_LineMarks, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The libyaml parser with the same constructors, for text that parses."""


_CONSTRUCTORS: dict[str, Callable[[Any, Any], Any]] = {
    "tag:yaml.org,2002:map": _LineMarks.construct_yaml_map,
    "tag:yaml.org,2002:seq": _LineMarks.construct_yaml_seq,
    "tag:yaml.org,2002:timestamp": _LineMarks.construct_as_written,
    "tag:yaml.org,2002:int": _LineMarks.construct_yaml_int,
    # 13.00 and 9.30 are times; no field of the content model is a decimal number.
    "tag:yaml.org,2002:float": _LineMarks.construct_as_written,
    "tag:yaml.org,2002:bool": _LineMarks.construct_yaml_bool,
    # YAML 1.1 reads a lone `=` and `<<` as instructions no loader here carries out: text.
    "tag:yaml.org,2002:value": _LineMarks.construct_as_written,
    "tag:yaml.org,2002:merge": _LineMarks.construct_as_written,
}
for _loader in (_LineLoader, _FastLineLoader):
    for _tag, _constructor in _CONSTRUCTORS.items():
        _loader.add_constructor(_tag, _constructor)


def parse_yaml(text: str, first_line: int = 1) -> Any:
    """Parse YAML text whose first line is line `first_line` of its file."""
    return read_yaml(text, first_line).data


def read_yaml(text: str, first_line: int = 1, word_quotes: bool = True) -> ParsedYaml:
    """Parse YAML text, with notes on values a `#` cut short; raise YamlSyntaxError.

    `word_quotes=False` reads Word's quote marks as the text they are: for YAML a program
    wrote (the editor's), where ”Hej” is what someone typed, not a mistake for "Hej".
    """
    source = unquote_word_quotes(text) if word_quotes else text
    try:
        parsed = _load(source, _FastLineLoader, first_line)
    except (yaml.YAMLError, RecursionError):
        # Parse again with the pure-Python parser: its errors name the problem and mark.
        # It calls itself once a level, so text nested too deep is refused before it.
        deep = too_deep(source, first_line)
        if deep is not None:
            raise deep from None
        try:
            parsed = _load(source, _LineLoader, first_line)
        except yaml.YAMLError as exc:
            raise explain(exc, yaml_lines(source), first_line) from None
    if first_line == 1:
        return parsed
    _shift_lines(parsed.data, first_line - 1)
    notes = tuple(replace(note, line=note.line + first_line - 1) for note in parsed.notes)
    return ParsedYaml(parsed.data, notes)


def _load(source: str, loader_class: type[yaml.SafeLoader], first_line: int) -> ParsedYaml:
    loader = loader_class(source)
    try:
        node = loader.get_single_node()
        if node is None:
            return ParsedYaml(None)
        check_nodes(node, loader, source, first_line)
        # Without a # nothing can be cut short, and most front matter has none.
        notes = find_cut_values(node, yaml_lines(source)) if "#" in source else []
        return ParsedYaml(loader.construct_document(node), tuple(notes))
    finally:
        loader.dispose()


def _shift_lines(value: Any, offset: int) -> None:
    if isinstance(value, YamlMap):
        value.line += offset
        value.key_lines = {k: v + offset for k, v in value.key_lines.items()}
        for child in value.values():
            _shift_lines(child, offset)
    elif isinstance(value, YamlList):
        value.line += offset
        value.item_lines = [line + offset for line in value.item_lines]
        for child in value:
            _shift_lines(child, offset)
