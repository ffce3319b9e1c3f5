"""Refuse YAML that would exhaust the machine or reach rusgen as something other than text.

Communicators write fields, lists and text. YAML can also say "repeat that value here"
(`*name`, an alias): nine lines of aliases make a billion values and take every byte of
memory, so an alias is refused before anything is built from it. Values nested hundreds
deep exhaust Python's stack; tags (`!!int x`, `!!binary ...`, `!mytag`) ask for values
no field holds; an escape like "\\ud800" or "\\0" makes a character no page can hold.
Each is said on its line, read from the parser's nodes before any value is made.
"""

from __future__ import annotations

import re

import yaml

from rusgen.yamlerrors import COLON_EXAMPLE, YamlSyntaxError
from rusgen.yamltraps import suggest, yaml_lines

# No field lies deeper than 7 (taxonomies.<id>.terms.<id>.title.<lang> in region.yaml).
MAX_DEPTH = 20
# What the YAML reader refuses in a file, and an escape in double quotes can still make.
NOT_TEXT = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
SURROGATE = re.compile("[\ud800-\udfff]")
COLLECTION_TAGS: dict[type[yaml.Node], str] = {
    yaml.MappingNode: "tag:yaml.org,2002:map", yaml.SequenceNode: "tag:yaml.org,2002:seq",
}
OPENS = (yaml.BlockMappingStartToken, yaml.BlockSequenceStartToken, yaml.FlowMappingStartToken,
         yaml.FlowSequenceStartToken)
CLOSES = (yaml.BlockEndToken, yaml.FlowMappingEndToken, yaml.FlowSequenceEndToken)


def check_nodes(root: yaml.Node, loader: yaml.SafeLoader, source: str, first_line: int) -> None:
    """Raise YamlSyntaxError for the first alias, too deep value, tag or non-text character.

    Each node is looked at once, in the order written: an alias makes the parser give one
    node twice, so it is found without ever counting the values it would repeat. An alias
    needs a *, a tag a ! and an escape a backslash: text without them is only measured for depth.
    """
    aliases, tags, escapes = "*" in source, "!" in source, "\\" in source
    seen: set[int] = set()
    todo: list[tuple[yaml.Node, int]] = [(root, 1)]
    while todo:
        node, depth = todo.pop()
        if aliases:
            if id(node) in seen:
                raise _alias(source, type(loader), first_line)
            seen.add(id(node))
        if tags and _has_tag(node, loader):
            raise _tag(node.start_mark.line, source, first_line)
        if isinstance(node, yaml.ScalarNode):
            if escapes:
                _check_text(node, first_line)
            continue
        if depth > MAX_DEPTH:
            raise YamlSyntaxError(node.start_mark.line + first_line, "yaml.too_deep", limit=str(MAX_DEPTH))
        if isinstance(node, yaml.MappingNode):
            todo.extend((child, depth + 1) for pair in reversed(node.value) for child in reversed(pair))
        else:
            todo.extend((child, depth + 1) for child in reversed(node.value))


def too_deep(source: str, first_line: int) -> YamlSyntaxError | None:
    """Return the error for text nested deeper than MAX_DEPTH, found without recursion.

    The pure-Python parser, which explains syntax errors, builds nested values by calling
    itself, and text nested a thousand deep would exhaust Python's stack first.
    """
    depth = 0
    try:
        for token in yaml.scan(source, Loader=yaml.SafeLoader):
            depth += isinstance(token, OPENS) - isinstance(token, CLOSES)
            if depth > MAX_DEPTH:
                line = token.start_mark.line + first_line
                return YamlSyntaxError(line, "yaml.too_deep", limit=str(MAX_DEPTH))
    except yaml.YAMLError:
        pass  # the parser says what is wrong; the nesting before it was not too deep
    return None


def _has_tag(node: yaml.Node, loader: yaml.SafeLoader) -> bool:
    """Say whether a node was written with a tag: its tag is not the one YAML would pick."""
    if isinstance(node, yaml.ScalarNode):
        implicit = (True, False) if not node.style else (False, True)
        return node.tag != loader.resolve(yaml.ScalarNode, node.value, implicit)
    return node.tag != COLLECTION_TAGS[type(node)]


def _tag(at: int, source: str, first_line: int) -> YamlSyntaxError:
    """Return the error for a tag on line `at` of the text, with the value quoted as the fix."""
    lines = yaml_lines(source)
    example = suggest(lines[at] if 0 <= at < len(lines) else "") or COLON_EXAMPLE
    return YamlSyntaxError(at + first_line, "yaml.special_start", char="!", example=example)


def _check_text(node: yaml.ScalarNode, first_line: int) -> None:
    # The reader has refused these characters where they were typed; only an escape in
    # double quotes ("\0", "\ud800") can make them.
    wrong = NOT_TEXT.search(node.value) if node.style == '"' else None
    if wrong:
        code = "yaml.surrogate" if SURROGATE.match(wrong[0]) else "yaml.control_char"
        raise YamlSyntaxError(node.start_mark.line + first_line, code, char=f"U+{ord(wrong[0]):04X}")


def _alias(source: str, loader_class: type[yaml.SafeLoader], first_line: int) -> YamlSyntaxError:
    """Return the error for the first alias written, on its own line."""
    for event in yaml.parse(source, Loader=loader_class):
        if isinstance(event, yaml.AliasEvent) and event.start_mark and event.anchor:  # both always set
            return YamlSyntaxError(event.start_mark.line + first_line, "yaml.alias", name=event.anchor)
    raise AssertionError("a node was given twice without an alias")  # never: only aliases share
