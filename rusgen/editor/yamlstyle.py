"""Values written as YAML in the style of the file they go into.

A changed field is written the way the file writes it: quoted as it was quoted, folded text
(`>-`) folded again at the file's width, a list `[a, b]` on one line or one item a line as
it was. Whatever is written must read back, with rusgen's own YAML reader, as the value it
was made from; what would not is written as JSON (which YAML reads as it is).
"""

from __future__ import annotations

import json
import re
from typing import Any

import yaml

from rusgen.yamlfile import YamlSyntaxError, read_yaml

WIDTH = 88  # the width folded text (>-) is wrapped at, as the repository's content is
PLAIN_UNSAFE = re.compile(r"^[\s\-?:,\[\]{}#&*!|>'\"%@`]|[\r\n\t]|: |\s#|\s$")
FLOW_UNSAFE = re.compile(r"[,\[\]{}]")


def is_empty(value: Any) -> bool:
    """Tell whether a value Decap sent means "no value": the key is left out of the file."""
    return value is None or value == "" or value == [] or value == {}


def render_key(key: str, value: Any, indent: str, hint: yaml.Node | None) -> list[str]:
    """Return the lines of `key: value` at `indent`, styled like `hint` (the old value's node).

    What does not read back as the value it was made from is written as JSON, which YAML
    reads as it is: a save must never change a value nobody edited into another.
    """
    lines = _styled_key(key, value, indent, hint)
    if _reads_back_as("\n".join(line.removeprefix(indent) for line in lines), key, value):
        return lines
    # Any text reads back from JSON's escapes, also line and paragraph separators.
    readable = f"{indent}{key}: {json.dumps(value, ensure_ascii=False)}"
    return [readable if _reads_back_as(readable.removeprefix(indent), key, value) else
            f"{indent}{key}: {json.dumps(value)}"]


def _reads_back_as(line: str, key: str, value: Any) -> bool:
    try:
        return read_yaml(line + "\n").data == {key: value}
    except YamlSyntaxError:
        return False


def _styled_key(key: str, value: Any, indent: str, hint: yaml.Node | None) -> list[str]:
    inline = _inline(value, hint)
    if inline is not None:
        return [f"{indent}{key}: {inline}"]
    if isinstance(value, str):
        head = f"{indent}{key}: {_block_scalar_head(value, hint)}"
        return [head, *_block_scalar(value, indent + "  ", hint)]
    inner = indent + "  "
    if isinstance(value, list):
        item_hint = hint.value[0] if isinstance(hint, yaml.SequenceNode) and hint.value else None
        dash = inner if isinstance(hint, yaml.SequenceNode) and _indented_list(hint) else indent
        return [f"{indent}{key}:", *[line for item in value for line in render_item(item, dash, item_hint)]]
    return [f"{indent}{key}:", *render_mapping(value, inner, hint)]


def _indented_list(node: yaml.SequenceNode) -> bool:
    return bool(node.value) and node.value[0].start_mark.column >= 4


def render_item(value: Any, dash: str, hint: yaml.Node | None) -> list[str]:
    """Return the lines of one list item `- value`, the dash at `dash`."""
    inline = _inline(value, hint, flow_default=isinstance(hint, yaml.MappingNode) and bool(hint.flow_style))
    if inline is not None:
        return [f"{dash}- {inline}"]
    if isinstance(value, dict):
        lines = render_mapping(value, dash + "  ", hint)
        return [f"{dash}- {lines[0].lstrip()}", *lines[1:]] if lines else [f"{dash}- {{}}"]
    if isinstance(value, list):
        return [f"{dash}-", *[line for item in value for line in render_item(item, dash + "  ", None)]]
    return [f"{dash}- {_block_scalar_head(value, hint)}", *_block_scalar(value, dash + "  ", hint)]


def render_mapping(value: dict, indent: str, hint: yaml.Node | None) -> list[str]:
    hints = {k.value: v for k, v in hint.value} if isinstance(hint, yaml.MappingNode) else {}
    return [
        line for key, item in value.items() if not is_empty(item)
        for line in render_key(str(key), item, indent, hints.get(key))
    ]


def _inline(value: Any, hint: yaml.Node | None, flow_default: bool = False) -> str | None:
    """Return a value on one line, or None when it is written as a block."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if value is None:
        return "null"
    if isinstance(value, str):
        style = hint.style if isinstance(hint, yaml.ScalarNode) else None
        if style in ("|", ">") or (style is None and "\n" in value):
            return None
        return _scalar(value, style)
    flow = bool(getattr(hint, "flow_style", False)) if hint is not None else flow_default
    if isinstance(value, list):
        if hint is None and all(isinstance(i, (str, int, float)) and "\n" not in str(i) for i in value):
            flow = len(", ".join(map(str, value))) < WIDTH // 2
        if flow:
            return "[" + ", ".join(_flow_scalar(item) for item in value) + "]"
        return None
    if isinstance(value, dict) and flow:
        return "{" + ", ".join(f"{k}: {_flow_scalar(v)}" for k, v in value.items() if not is_empty(v)) + "}"
    return None


def _flow_scalar(value: Any) -> str:
    if isinstance(value, (dict, list)):
        return _inline(value, None, flow_default=True) or json.dumps(value, ensure_ascii=False)
    inline = _inline(value, None)
    if isinstance(value, str) and (FLOW_UNSAFE.search(value) or inline is None):
        return json.dumps(value, ensure_ascii=False)
    return inline if inline is not None else json.dumps(value, ensure_ascii=False)


def _scalar(text: str, style: str | None) -> str:
    """Return text as a one-line YAML scalar: quoted as the file quoted it, plain when it reads back
    the same, else in double quotes (any text can be written so)."""
    if style == "'" and "\n" not in text:
        return "'" + text.replace("'", "''") + "'"
    if style is None and _reads_back(text):
        return text
    return json.dumps(text, ensure_ascii=False)


def _reads_back(text: str) -> bool:
    """Tell whether `key: text` reads back as that text, with no note from rusgen's checks."""
    if not text or PLAIN_UNSAFE.search(text):
        return False
    try:
        parsed = read_yaml(f"k: {text}\n")
    except YamlSyntaxError:
        return False
    return not parsed.notes and parsed.data == {"k": text}


def _block_scalar_head(text: str, hint: yaml.Node | None) -> str:
    style = hint.style if isinstance(hint, yaml.ScalarNode) and hint.style in ("|", ">") else "|"
    if style == ">" and "\n" in text.rstrip("\n"):
        style = "|"  # folded text cannot keep its line breaks
    return style + ("" if text.endswith("\n") else "-")


def _block_scalar(text: str, indent: str, hint: yaml.Node | None) -> list[str]:
    """Return the lines of a block scalar's text: folded at WIDTH, or line for line."""
    if _block_scalar_head(text, hint).startswith(">"):
        words, lines, line = text.split(" "), [], ""
        for word in words:
            if line and len(indent) + len(line) + 1 + len(word) > WIDTH:
                lines.append(indent + line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        return [*lines, indent + line]
    return [indent + line if line else "" for line in text.rstrip("\n").split("\n")]
