"""Round trips that keep what people wrote: a save from the editor changes only what changed.

Decap CMS sends the whole file as its own YAML writer makes it: other quotes, other line
breaks, keys in its order, comments gone. Written as it is, every save would rewrite every
line of a page someone wrote by hand. So the file on disk is the base: the values Decap
sent are compared with the values the file holds, and only a key whose value changed has
its lines rewritten, in the style the file uses for it (quotes, folded text, `[a, b]` or
one item a line). Everything else keeps its bytes, order and comments:

- a key Decap did not send is kept if the editor does not know it (not in `known`, the
  content model's fields), and removed if it does: the form's field was emptied;
- a key Decap sent empty ("", [], {}, null) is removed, and never added;
- an unchanged item of a list keeps its line, and a block mapping that changed is
  patched key by key (contacts.yaml: one person's phone is one line);
- the Markdown body is replaced only when its text changed, beyond blank lines at its ends;
- the file's line endings (Windows' CRLF) and byte order mark stay as they were.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

from rusgen.editor.yamlstyle import is_empty, render_item, render_key, render_mapping
from rusgen.yamlfile import YamlSyntaxError, read_yaml

# The fields the editor knows, by name, each with those it knows beneath it; "*" stands for
# every key of a mapping of ids, "[]" for every item of a list. None: it knows none.
Known = dict[str, "Known"]
NOTHING: Known = {}


def _child(known: Known | None, key: str) -> Known | None:
    if known is None:
        return None
    return known[key] if key in known else known.get("*")


def _knows(known: Known | None, key: str) -> bool:
    return known is not None and (key in known or "*" in known)


@dataclass
class _Edit:
    start: int  # first line replaced (0-based, in the front matter's lines)
    end: int  # the line after the last one replaced
    lines: list[str]


def merge(old: str, new: str, yaml_only: bool = False, known: Known | None = None) -> str:
    """Return the text to save: `old` (the file on disk) with the changes `new` (Decap's whole
    file) makes to its values. `yaml_only`: the file is YAML (region.yaml), not a page;
    `known`: the fields the editor's form has, whose absence means they were emptied."""
    newline = "\r\n" if "\r\n" in old else "\n"
    bom = "\ufeff" if old.startswith("\ufeff") else ""
    old_text = old.removeprefix("\ufeff").replace("\r\n", "\n")
    new_text = new.removeprefix("\ufeff").replace("\r\n", "\n")
    merged = _merge_yaml(old_text, new_text, known) if yaml_only else _merge_page(old_text, new_text, known)
    if merged is None:
        merged = new_text  # the file on disk could not be read as one: Decap's text is all there is
    return bom + merged.replace("\n", newline)


def _merge_page(old: str, new: str, known: Known | None) -> str | None:
    old_parts, new_parts = split_page(old), split_page(new)
    if old_parts is None or new_parts is None:
        return None
    old_front, old_body = old_parts
    new_front, new_body = new_parts
    front = _merge_yaml(old_front, new_front, known)
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


def _merge_yaml(old: str, new: str, known: Known | None) -> str | None:
    """Return `old` YAML with the changed values of `new`; None if either is no mapping."""
    try:
        # Both as Decap reads them, Word's quote marks as text: a value nobody edited then
        # compares equal, and one typed with ”…” in the form keeps its marks.
        old_data, new_data = read_yaml(old, word_quotes=False).data, read_yaml(new, word_quotes=False).data
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
        if same(old_data, new_data, known):
            return old
        merged = overlay(old_data, new_data, known)
        return "".join(line + "\n" for line in render_mapping(merged, "", None))
    edits = _patch_mapping(lines, node, old_data, new_data, "", known, top=True)
    if not edits:
        return old  # to the byte, a missing final newline too
    for edit in sorted(edits, key=lambda e: e.start, reverse=True):
        lines[edit.start : edit.end] = edit.lines
    return "".join(line + "\n" for line in lines)


def same(old: Any, new: Any, known: Known | None = NOTHING) -> bool:
    """Tell whether Decap's value says what the file says: a field it does not know and did not
    send is no change, nor is a number or yes/no it sends as text ("20" for 20)."""
    if isinstance(old, dict) and isinstance(new, dict):
        emptied = any(k not in new and _knows(known, k) for k in old)
        return not emptied and all(
            same(old[k], v, _child(known, k)) if k in old else is_empty(v) for k, v in new.items()
        )
    if isinstance(old, list) and isinstance(new, list):
        item = _child(known, "[]")
        return len(old) == len(new) and all(same(o, n, item) for o, n in zip(old, new, strict=True))
    if old == new:
        return True
    if isinstance(old, (bool, int, float)) and isinstance(new, str):
        return new.strip().lower() == (str(old).lower() if isinstance(old, bool) else str(old))
    return False


def overlay(old: Any, new: Any, known: Known | None = NOTHING) -> Any:
    """Return Decap's value with what it did not send kept from the file: the keys of a
    mapping it does not know, and in a list of as many items, those of each item."""
    if isinstance(old, dict) and isinstance(new, dict):
        kept = {
            k: overlay(v, new[k], _child(known, k)) if k in new else v
            for k, v in old.items() if k in new or not _knows(known, k)
        }
        kept.update((k, v) for k, v in new.items() if k not in old)
        return {k: v for k, v in kept.items() if not is_empty(v)}
    if isinstance(old, list) and isinstance(new, list) and len(old) == len(new):
        item = _child(known, "[]")
        return [overlay(o, n, item) for o, n in zip(old, new, strict=True)]
    return new


def _patch_mapping(
    lines: list[str], node: yaml.MappingNode, old: dict, new: dict, indent: str, known: Known | None,
    top: bool = False,
) -> list[_Edit]:
    """Return the edits that make a block mapping's lines say `new`, key by key."""
    edits: list[_Edit] = []
    last_end = 0
    for key_node, value_node in node.value:
        key = key_node.value
        start, end = key_node.start_mark.line, _end_line(lines, value_node)
        last_end = max(last_end, end)
        below = _child(known, key)
        if key not in new and not _knows(known, key):
            continue  # a field the editor does not know: its bytes stay
        if key in new and key in old and same(old[key], new[key], below):
            continue  # unchanged
        if key not in new or is_empty(new[key]):
            edits.append(_Edit(start, end, []))  # emptied in the form
            continue
        value = overlay(old.get(key), new[key], below)
        edits.extend(_patch_value(lines, key, value_node, old.get(key), value, indent, start, end, below))
    added = [
        line for key, value in new.items() if key not in old and not is_empty(value) and value is not False
        for line in render_key(key, value, indent, None)
    ]
    if added:
        at = len(lines) if top else last_end
        edits.append(_Edit(at, at, added))
    return edits


def _patch_value(
    lines: list[str], key: str, value_node: yaml.Node, old: Any, new: Any,
    indent: str, start: int, end: int, known: Known | None,
) -> list[_Edit]:
    """Return the edits for one changed key: patched within, or its lines written anew."""
    block = not getattr(value_node, "flow_style", True)
    if isinstance(value_node, yaml.MappingNode) and block and value_node.value and isinstance(new, dict):
        inner = " " * value_node.value[0][0].start_mark.column
        return _patch_mapping(lines, value_node, old if isinstance(old, dict) else {}, new, inner, known)
    if isinstance(value_node, yaml.SequenceNode) and block and value_node.value and isinstance(new, list):
        items = _patch_items(lines, value_node, old, new, _child(known, "[]"))
        return [_Edit(start, end, [f"{indent}{key}:", *items])]
    rendered = render_key(key, new, indent, value_node)
    if len(rendered) == 1 and end - start == 1:
        rendered[0] += _trailing_comment(lines[start], value_node)
    return [_Edit(start, end, rendered)]


def _patch_items(
    lines: list[str], node: yaml.SequenceNode, old: Any, new: list, known: Known | None,
) -> list[str]:
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
        unused = (i for i, o in enumerate(old_items[: len(spans)]) if i not in used and same(o, value, known))
        match = next(unused, None)
        if match is not None:
            used.add(match)
            out.extend(spans[match])
        else:
            out.extend(render_item(value, dash, node.value[0]))
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
