"""YAML that reads differently from what a communicator meant: Word's quotes and a `#`.

Word writes ”…” where YAML wants "…", and YAML reads ` #` as the start of a comment, so
`title: Kraftsamling #1` silently becomes "Kraftsamling" and `color: #7a1f5c` nothing at
all. Word's quotes are turned into YAML's before parsing, line for line; the cut values
are found in the parser's nodes, whose marks say where each value ended on its line.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

import yaml

# Word's opening quote marks, each with the marks that may close it (Swedish »…» too).
CLOSING = {"”": "”", "“": "”", "„": "“”", "»": "«»", "’": "’", "‘": "’"}
WORD_QUOTE_MARKS = "”“„»«’‘"
# A whole value in Word's quotes, after `key: ` or `- `, perhaps with a comment after it.
WHOLE_VALUE = re.compile(
    r"^(?P<lead> *(?:- +)*(?:[\w.-]+: +)?)(?P<open>[”“„»’‘])(?P<inner>.*)(?P<close>[”“«»’])"
    r"(?P<rest>[ \t]+#.*)?[ \t]*$"
)
# A line that starts a block of text (`summary: |`), whose lines are text, not YAML.
BLOCK_START = re.compile(r"^(?P<indent> *)(?:- +)*(?:[\w.-]+: +)?[|>][-+0-9]*[ \t]*(?:#.*)?$")
COMMENT_AFTER_VALUE = re.compile(r"^[ \t]+(#.*?)[ \t]*$")
# A comment written on purpose stands apart: two spaces or a tab before `#`, a space after
# it (`name: Kim   # required`). `Kraftsamling #1` and `Möte # 2` are text that YAML cut.
MEANT_AS_COMMENT = re.compile(r"^(?: {2,}|\t)[ \t]*# ")
COMMENT_AFTER_KEY = re.compile(r"^[ \t]*:[ \t]+(#.*?)[ \t]*$")
HEX_COLOUR = re.compile(r"#[0-9a-fA-F]{3,8}")
PLAIN_KEY = re.compile(r"^ *(?:- +)*(?:(?P<key>[\w.-]+): +|- +)(?P<value>.*?)[ \t]*$")
# The line breaks YAML counts, so a mark's line is an index into the list of lines.
LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


@dataclass(frozen=True)
class YamlNote:
    """A value the parser read, but not as it was meant: a message code and its blanks."""

    line: int
    field: str
    code: str
    args: tuple[tuple[str, str], ...]
    warning: bool = True


def yaml_lines(text: str) -> list[str]:
    """Split text into lines where YAML does, so the parser's marks index them."""
    return LINE_BREAK.split(text)


def quoted(value: str) -> str:
    """Return a value as the user should write it in quotes: "…", or '…' around a "."""
    if '"' in value and "'" not in value:
        return f"'{value}'"
    return json.dumps(value, ensure_ascii=False)


def suggest(line: str, value: str | None = None) -> str:
    """Return the line as it should be written, `key: "value"`, or "" when it is no field."""
    match = PLAIN_KEY.match(line)
    if not match or not (value if value is not None else match["value"]):
        return ""
    written = quoted(match["value"] if value is None else value)
    return f"{match['key']}: {written}" if match["key"] else f"- {written}"


def unquote_word_quotes(text: str) -> str:
    """Turn Word's quotes around a whole value into YAML's double quotes, on the same lines."""
    if not any(mark in text for mark in WORD_QUOTE_MARKS):
        return text
    lines = text.split("\n")
    block_indent = -1  # the indentation of the line that opened a block of text, if any
    for number, line in enumerate(lines):
        indent = len(line) - len(line.lstrip(" "))
        if block_indent >= 0 and (not line.strip() or indent > block_indent):
            continue
        block = BLOCK_START.match(line)
        block_indent = len(block["indent"]) if block else -1
        lines[number] = _unquote_line(line)
    return "\n".join(lines)


def _unquote_line(line: str) -> str:
    match = WHOLE_VALUE.match(line)
    if not match or match["close"] not in CLOSING[match["open"]]:
        return line
    inner = match["inner"]
    if match["open"] in inner or match["close"] in inner:
        return line  # ”A” och ”B”: quotes inside the text, not around it
    escaped = inner.replace("\\", "\\\\").replace('"', '\\"')
    return f'{match["lead"]}"{escaped}"{match["rest"] or ""}'


def find_cut_values(root: yaml.Node, lines: list[str]) -> list[YamlNote]:
    """Return a note for every value that a `#` on its line cut short or emptied."""
    notes: list[YamlNote] = []
    seen: set[int] = set()
    # (node, the field's dotted name, how its line starts: "title:", "-" or "" in [ ])
    todo: list[tuple[yaml.Node, str, str]] = [(root, "", "")]
    while todo:
        node, field, lead = todo.pop()
        if id(node) in seen:  # an alias points at a node already looked at
            continue
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                name = str(key.value) if isinstance(key, yaml.ScalarNode) else ""
                child = f"{field}.{name}" if field else name
                note = _emptied(key, value, lines, child, name)
                if note is not None:
                    notes.append(note)
                else:
                    todo.append((value, child, f"{name}:"))
        elif isinstance(node, yaml.SequenceNode):
            todo.extend((item, field, "" if node.flow_style else "-") for item in node.value)
        elif isinstance(node, yaml.ScalarNode) and not node.style and node.tag.endswith(":str"):
            # Only text can be cut short: after `draft: true` or `weight: 2` a # is a comment.
            note = _cut(node, lines, field, lead)
            if note is not None:
                notes.append(note)
    return sorted(notes, key=lambda note: note.line)


def _rest_of_line(mark: yaml.Mark, lines: list[str]) -> str:
    return lines[mark.line][mark.column :] if 0 <= mark.line < len(lines) else ""


def _cut(node: yaml.ScalarNode, lines: list[str], field: str, lead: str) -> YamlNote | None:
    """Note a plain value whose line goes on with ` #…`, which YAML dropped as a comment."""
    rest = _rest_of_line(node.end_mark, lines)
    comment = COMMENT_AFTER_VALUE.match(rest)
    if not comment or MEANT_AS_COMMENT.match(rest):
        return None
    dropped = comment[1]
    written = quoted(f"{node.value} {dropped}")
    example = f"{lead} {written}" if lead else written
    args = (("dropped", dropped), ("example", example))
    return YamlNote(node.end_mark.line + 1, field, "yaml.comment_in_value", args)


def _emptied(
    key: yaml.Node, value: yaml.Node, lines: list[str], field: str, name: str
) -> YamlNote | None:
    """Note `key: #…`: YAML reads an empty value and a comment."""
    if not (isinstance(value, yaml.ScalarNode) and value.tag.endswith(":null") and not value.value):
        return None
    comment = COMMENT_AFTER_KEY.match(_rest_of_line(key.end_mark, lines))
    if not comment:
        return None
    dropped = comment[1]
    example = f"{name}: {quoted(dropped)}"
    line = key.end_mark.line + 1
    if name == "color" and HEX_COLOUR.fullmatch(dropped):
        return YamlNote(line, field, "yaml.color_comment", (("example", example),), warning=False)
    return YamlNote(line, field, "yaml.empty_comment", (("dropped", dropped), ("example", example)))
