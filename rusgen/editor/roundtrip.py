"""Round trips that keep what people wrote: a save from the editor changes only what changed.

Decap CMS sends the whole file as its own YAML writer makes it: other quotes, other line
breaks, keys in its order, comments gone. Written as it is, every save would rewrite every
line of a page someone wrote by hand. So the file on disk is the base: the values Decap
sent are compared with the values the file holds, and only a key whose value changed has
its lines rewritten, in the style the file uses for it (quotes, folded text, `[a, b]` or
one item a line). Everything else keeps its bytes, order and comments:

- a key Decap did not send (a field the editor does not know) is kept;
- a key Decap sent empty ("", [], {}, null) is removed, and never added;
- an unchanged item of a list keeps its line, and a block mapping that changed is
  patched key by key (contacts.yaml: one person's phone is one line);
- the Markdown body is replaced only when its text changed, beyond blank lines at its ends;
- the file's line endings (Windows' CRLF) and byte order mark stay as they were.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

import yaml

from rusgen.yamlfile import YamlSyntaxError, read_yaml

WIDTH = 88  # the width folded text (>-) is wrapped at, as the repository's content is
PLAIN_UNSAFE = re.compile(r"^[\s\-?:,\[\]{}#&*!|>'\"%@`]|[\r\n\t]|: |\s#|\s$")
FLOW_UNSAFE = re.compile(r"[,\[\]{}]")


@dataclass
class _Edit:
    start: int  # first line replaced (0-based, in the front matter's lines)
    end: int  # the line after the last one replaced
    lines: list[str]


def merge(old: str, new: str, yaml_only: bool = False) -> str:
    """Return the text to save: `old` (the file on disk) with the changes `new` (Decap's whole
    file) makes to its values. `yaml_only`: the file is YAML (region.yaml), not a page."""
    newline = "\r\n" if "\r\n" in old else "\n"
    bom = "\ufeff" if old.startswith("\ufeff") else ""
    old_text = old.removeprefix("\ufeff").replace("\r\n", "\n")
    new_text = new.removeprefix("\ufeff").replace("\r\n", "\n")
    merged = _merge_yaml(old_text, new_text) if yaml_only else _merge_page(old_text, new_text)
    if merged is None:
        merged = new_text  # the file on disk could not be read as one: Decap's text is all there is
    return bom + merged.replace("\n", newline)


def _merge_page(old: str, new: str) -> str | None:
    old_parts, new_parts = split_page(old), split_page(new)
    if old_parts is None or new_parts is None:
        return None
    old_front, old_body = old_parts
    new_front, new_body = new_parts
    front = _merge_yaml(old_front, new_front)
    if front is None:
        return None
    body = old_body if old_body.strip() == new_body.strip() else _body_like(old_body, new_body)
    return f"---\n{front}---\n{body}"


def split_page(text: str) -> tuple[str, str] | None:
    """Return a page's front matter (with its final newline) and body, or None."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None
    closing = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), None)
    if closing is None:
        return None
    front = "".join(line + "\n" for line in lines[1:closing])
    return front, "\n".join(lines[closing + 1 :])


def _body_like(old: str, new: str) -> str:
    """Return the new body with the old one's blank line after the front matter and final newline."""
    lead = "\n" if old.startswith("\n") or not old.strip() else ""
    return lead + new.strip("\n") + "\n"


def _merge_yaml(old: str, new: str) -> str | None:
    """Return `old` YAML with the changed values of `new`; None if either is no mapping."""
    try:
        old_data, new_data = read_yaml(old).data, read_yaml(new).data
        node = yaml.compose(old, Loader=yaml.SafeLoader) if old.strip() else None
    except (YamlSyntaxError, yaml.YAMLError):
        return None
    old_data = old_data if old_data is not None else {}
    new_data = new_data if new_data is not None else {}
    if not isinstance(old_data, dict) or not isinstance(new_data, dict):
        return None
    lines = old.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if node is None or not isinstance(node, yaml.MappingNode) or node.flow_style:
        if old_data == new_data:
            return old
        return "".join(line + "\n" for line in _render_mapping(new_data, "", None))
    edits = _patch_mapping(lines, node, old_data, new_data, "", top=True)
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        lines[edit.start : edit.end] = edit.lines
    return "".join(line + "\n" for line in lines)


def is_empty(value: Any) -> bool:
    """Tell whether a value Decap sent means "no value": the key is left out of the file."""
    return value is None or value == "" or value == [] or value == {}


def same(old: Any, new: Any) -> bool:
    """Tell whether Decap's value says what the file says: a field it does not send, within a
    mapping, is no change, nor is a number or yes/no it sends as text ("20" for 20)."""
    if isinstance(old, dict) and isinstance(new, dict):
        return all(same(old[k], v) if k in old else is_empty(v) for k, v in new.items())
    if isinstance(old, list) and isinstance(new, list):
        return len(old) == len(new) and all(same(o, n) for o, n in zip(old, new, strict=True))
    if old == new:
        return True
    if isinstance(old, (bool, int, float)) and isinstance(new, str):
        return new.strip().lower() == (str(old).lower() if isinstance(old, bool) else str(old))
    return False


def overlay(old: Any, new: Any) -> Any:
    """Return Decap's value with what it did not send kept from the file: the keys of a
    mapping it does not know, and in a list of as many items, those of each item."""
    if isinstance(old, dict) and isinstance(new, dict):
        kept = {k: overlay(v, new[k]) if k in new else v for k, v in old.items()}
        kept.update((k, v) for k, v in new.items() if k not in old)
        return {k: v for k, v in kept.items() if not is_empty(v)}
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        return [overlay(o, n) for o, n in zip(old, new, strict=True)]
    return new


def _patch_mapping(
    lines: list[str], node: yaml.MappingNode, old: dict, new: dict, indent: str, top: bool = False,
) -> list[_Edit]:
    """Return the edits that make a block mapping's lines say `new`, key by key."""
    edits: list[_Edit] = []
    last_end = 0
    for key_node, value_node in node.value:
        key = key_node.value
        start, end = key_node.start_mark.line, _end_line(lines, value_node)
        last_end = max(last_end, end)
        if key not in new or (key in old and same(old[key], new[key])):
            continue  # unknown to the editor, or unchanged: its bytes stay
        if is_empty(new[key]):
            edits.append(_Edit(start, end, []))
            continue
        value = overlay(old.get(key), new[key])
        edits.extend(_patch_value(lines, key, value_node, old.get(key), value, indent, start, end))
    added = [
        line for key, value in new.items() if key not in old and not is_empty(value) and value is not False
        for line in _render_key(key, value, indent, None)
    ]
    if added:
        at = len(lines) if top else last_end
        edits.append(_Edit(at, at, added))
    return edits


def _patch_value(
    lines: list[str], key: str, value_node: yaml.Node, old: Any, new: Any,
    indent: str, start: int, end: int,
) -> list[_Edit]:
    """Return the edits for one changed key: patched within, or its lines written anew."""
    block = not getattr(value_node, "flow_style", True)
    if isinstance(value_node, yaml.MappingNode) and block and value_node.value and isinstance(new, dict):
        inner = " " * value_node.value[0][0].start_mark.column
        return _patch_mapping(lines, value_node, old if isinstance(old, dict) else {}, new, inner)
    if isinstance(value_node, yaml.SequenceNode) and block and value_node.value and isinstance(new, list):
        return [_Edit(start, end, [f"{indent}{key}:", *_patch_items(lines, value_node, old, new)])]
    rendered = _render_key(key, new, indent, value_node)
    if len(rendered) == 1 and end - start == 1:
        rendered[0] += _trailing_comment(lines[start], value_node)
    return [_Edit(start, end, rendered)]


def _patch_items(lines: list[str], node: yaml.SequenceNode, old: Any, new: list) -> list[str]:
    """Return a block list's lines: an unchanged item keeps its own, a new one the first's style."""
    old_items = list(old) if isinstance(old, list) else []
    spans = []
    for item in node.value:
        first = item.start_mark.line
        spans.append(lines[first : _end_line(lines, item)])
    used: set[int] = set()
    first = node.value[0].start_mark
    dash = lines[first.line][: lines[first.line].rfind("-", 0, first.column)]
    out: list[str] = []
    for value in new:
        unused = (i for i, o in enumerate(old_items[: len(spans)]) if i not in used and same(o, value))
        match = next(unused, None)
        if match is not None:
            used.add(match)
            out.extend(spans[match])
        else:
            out.extend(_render_item(value, dash, node.value[0]))
    return out


def _end_line(lines: list[str], node: yaml.Node) -> int:
    """Return the line after a value's last line, leaving out trailing blank and comment lines
    (YAML counts them to the value before the next key; they belong to what follows)."""
    mark = node.end_mark
    at_next = mark.line >= len(lines) or not lines[mark.line][: mark.column].strip()
    end = mark.line if at_next else mark.line + 1  # a mark before the next key's indent is that key's
    if isinstance(node, yaml.ScalarNode) and node.style in ("|", ">"):
        return end
    while end - 1 > node.start_mark.line and _blank_or_comment(lines[end - 1]):
        end -= 1
    return end


def _blank_or_comment(line: str) -> bool:
    return not line.strip() or line.lstrip().startswith("#")


def _trailing_comment(line: str, node: yaml.Node) -> str:
    """Return the ` # note` after a one-line value, to keep it beside the new value."""
    rest = line[node.end_mark.column :] if node.end_mark.line == node.start_mark.line else ""
    return rest.rstrip() if rest.strip().startswith("#") else ""


# --- writing a value in the file's style -------------------------------------------------------


def _render_key(key: str, value: Any, indent: str, hint: yaml.Node | None) -> list[str]:
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
        return [f"{indent}{key}:", *[line for item in value for line in _render_item(item, dash, item_hint)]]
    return [f"{indent}{key}:", *_render_mapping(value, inner, hint)]


def _indented_list(node: yaml.SequenceNode) -> bool:
    return bool(node.value) and node.value[0].start_mark.column >= 4


def _render_item(value: Any, dash: str, hint: yaml.Node | None) -> list[str]:
    """Return the lines of one list item `- value`, the dash at `dash`."""
    inline = _inline(value, hint, flow_default=isinstance(hint, yaml.MappingNode) and bool(hint.flow_style))
    if inline is not None:
        return [f"{dash}- {inline}"]
    if isinstance(value, dict):
        lines = _render_mapping(value, dash + "  ", hint)
        return [f"{dash}- {lines[0].lstrip()}", *lines[1:]] if lines else [f"{dash}- {{}}"]
    if isinstance(value, list):
        return [f"{dash}-", *[line for item in value for line in _render_item(item, dash + "  ", None)]]
    return [f"{dash}- {_block_scalar_head(value, hint)}", *_block_scalar(value, dash + "  ", hint)]


def _render_mapping(value: dict, indent: str, hint: yaml.Node | None) -> list[str]:
    hints = {k.value: v for k, v in hint.value} if isinstance(hint, yaml.MappingNode) else {}
    return [
        line for key, item in value.items() if not is_empty(item)
        for line in _render_key(str(key), item, indent, hints.get(key))
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
