"""YAML that remembers where each value was written, so errors can name the line.

The loader keeps dates, times and yes/no as the strings the user wrote: YAML 1.1 would
turn "09:30" into 570 and "no" into False, which no communicator means. The schema
parses dates itself and can then say exactly what it expected.
"""

from __future__ import annotations

from typing import Any

import yaml


class YamlMap(dict):
    """A mapping that knows the line of each of its keys and of itself."""

    line: int = 0
    key_lines: dict[str, int]

    def line_of(self, key: str) -> int:
        """Return the line a key was written on, or the mapping's own line."""
        return self.key_lines.get(key, self.line)


class YamlList(list):
    """A list that knows the line of each item."""

    line: int = 0
    item_lines: list[int]


class YamlSyntaxError(Exception):
    """YAML that cannot be parsed, with the 1-based line and a plain-language message."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


class _LineMarks:
    """Constructors that record lines and keep times and yes/no as written."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> YamlMap:
        result = YamlMap()
        result.line = node.start_mark.line + 1
        result.key_lines = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            if not isinstance(key, str):
                key = str(key)
            if key in result:
                raise yaml.constructor.ConstructorError(
                    None, None, f'the key "{key}" is written twice', key_node.start_mark
                )
            result[key] = self.construct_object(value_node, deep=True)
            result.key_lines[key] = key_node.start_mark.line + 1
        return result

    def construct_yaml_map(self, node: yaml.MappingNode):  # type: ignore[override]
        yield self.construct_mapping(node)

    def construct_yaml_seq(self, node: yaml.SequenceNode):  # type: ignore[override]
        result = YamlList()
        result.line = node.start_mark.line + 1
        result.item_lines = [child.start_mark.line + 1 for child in node.value]
        yield result
        result.extend(self.construct_object(child, deep=True) for child in node.value)

    def construct_as_written(self, node: yaml.ScalarNode) -> str:
        return str(self.construct_scalar(node))

    def construct_yaml_int(self, node: yaml.ScalarNode) -> int | str:  # type: ignore[override]
        if ":" in str(node.value):  # sexagesimal: "09:30" is a time, not 570
            return str(node.value)
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


for _loader in (_LineLoader, _FastLineLoader):
    _loader.add_constructor("tag:yaml.org,2002:map", _LineMarks.construct_yaml_map)
    _loader.add_constructor("tag:yaml.org,2002:seq", _LineMarks.construct_yaml_seq)
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _LineMarks.construct_as_written)
    _loader.add_constructor("tag:yaml.org,2002:int", _LineMarks.construct_yaml_int)
    _loader.add_constructor("tag:yaml.org,2002:bool", _LineMarks.construct_yaml_bool)


def parse_yaml(text: str, first_line: int = 1) -> Any:
    """Parse YAML text whose first line is line `first_line` of its file."""
    try:
        return _parse_fast(text, first_line)
    except yaml.YAMLError:
        pass  # parse again below, for the pure-Python parser's line and wording
    try:
        data = yaml.load(text, Loader=_LineLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = (mark.line + 1 if mark else 1) + first_line - 1
        problem = exc.problem or exc.context or "invalid YAML"
        raise YamlSyntaxError(line, _plain(problem)) from None
    except yaml.YAMLError as exc:
        raise YamlSyntaxError(first_line, _plain(str(exc))) from None
    if first_line != 1:
        _shift_lines(data, first_line - 1)
    return data


def _parse_fast(text: str, first_line: int) -> Any:
    data = yaml.load(text, Loader=_FastLineLoader)  # noqa: S506 - a SafeLoader subclass
    if first_line != 1:
        _shift_lines(data, first_line - 1)
    return data


def _plain(problem: str) -> str:
    hints = {
        "mapping values are not allowed here": (
            "a colon inside a value; put the value in quotes, like title: \"Uppstart: Digitalisering\""
        ),
        "found character '\\t' that cannot start any token": (
            "a tab character; indent with spaces"
        ),
    }
    for known, hint in hints.items():
        if known in problem:
            return f"invalid YAML: {hint}"
    return f"invalid YAML: {problem}; check indentation, colons and quotes on this line"


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
