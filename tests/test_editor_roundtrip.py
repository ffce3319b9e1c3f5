"""Saves from the editor keep what people wrote: properties over the repository's own files.

Decap CMS sends a whole file as its YAML writer makes it; `merge` must give back the file's
own bytes when no value changed, and change only the lines of a field that did.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rusgen.editor.roundtrip import merge, split_page
from rusgen.yamlfile import read_yaml
from tests.conftest import ROOT

PAGES = sorted(p for p in (ROOT / "content").rglob("*.md"))
SETTINGS = sorted(p for p in (ROOT / "content").rglob("*.yaml"))
# Text as people type it, Word's quotes and all; no control characters (the loader refuses them).
TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=120).filter(str.strip)


def _plain(value: object) -> object:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    return [_plain(v) for v in value] if isinstance(value, list) else value


def decap_page(text: str, **changes: object) -> str:
    """The page as Decap would send it: other quotes and wrapping, keys sorted, body trimmed."""
    front, body = split_page(text)
    data = _plain(read_yaml(front).data or {})
    data.update(changes)
    return f"---\n{yaml.safe_dump(data, allow_unicode=True, sort_keys=True, width=50)}---\n{body.strip()}\n"


def _front_keys(text: str) -> list[str]:
    front, _ = split_page(text)
    return list(read_yaml(front).data)


@pytest.mark.parametrize("path", PAGES + SETTINGS, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_an_unchanged_file_keeps_its_bytes(path: Path) -> None:
    text = path.read_text("utf-8")
    if path.suffix == ".yaml":
        sent = yaml.safe_dump(_plain(read_yaml(text).data), allow_unicode=True, sort_keys=True, width=50)
        assert merge(text, sent, yaml_only=True) == text
    else:
        assert merge(text, decap_page(text)) == text


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(page=st.sampled_from(PAGES), data=st.data(), value=TEXT)
def test_one_changed_field_changes_only_its_lines(page: Path, data: st.DataObject, value: str) -> None:
    text = page.read_text("utf-8")
    key = data.draw(st.sampled_from([k for k in _front_keys(text) if k != "title"] + ["title"]))
    merged = merge(text, decap_page(text, **{key: value}))
    front, body = split_page(merged)
    old_front, old_body = split_page(text)
    expected = dict(read_yaml(old_front).data)
    expected[key] = value
    assert read_yaml(front).data == expected and body == old_body
    # Lines before the field and from the next field on are the file's own.
    first, after = _span(text, key)
    old_lines, new_lines = text.split("\n"), merged.split("\n")
    assert new_lines[:first] == old_lines[:first]
    assert new_lines[len(new_lines) - (len(old_lines) - after) :] == old_lines[after:]


def _span(text: str, key: str) -> tuple[int, int]:
    """Return the line of `key` in a page and the line of the field after it (or of the ---)."""
    front, _ = split_page(text)
    starts = [k.start_mark.line + 1 for k, _ in yaml.compose(front, Loader=yaml.SafeLoader).value]
    names = _front_keys(text)
    at = names.index(key)
    return starts[at], starts[at + 1] if at + 1 < len(starts) else front.count("\n") + 1


def test_windows_line_endings_a_byte_order_mark_and_comments_survive() -> None:
    windows = "\ufeff---\r\n# Vem äger sidan\r\ntitle: {}  # kort\r\nweight: 3\r\n---\r\n\r\nText.\r\n"
    sent = "---\ntitle: Ny titel\nweight: 3\n---\nText.\n"
    assert merge(windows.format("'Gammal titel'"), sent) == windows.format("'Ny titel'")


def test_a_field_the_editor_does_not_know_survives_within_a_mapping_and_a_list() -> None:
    text = (
        "---\ntitle: Möte\nregistration: {url: https://a.se/, note: ta med fika}\n"
        "documents:\n  - {file: files/a.pdf, title: A, lang: en}\n---\n"
    )
    sent = (
        "---\ntitle: Möte\nregistration:\n  url: https://b.se/\n"
        "documents:\n  - file: files/a.pdf\n    title: B\n---\n"
    )
    assert merge(text, sent) == (
        "---\ntitle: Möte\nregistration: {url: https://b.se/, note: ta med fika}\n"
        "documents:\n  - {file: files/a.pdf, title: B, lang: en}\n---\n"
    )


def test_a_field_emptied_in_the_form_is_removed_and_an_empty_one_never_added() -> None:
    text = "---\ntitle: Möte\nsummary: Kort.\nweight: 2\n---\nText.\n"
    sent = "---\ntitle: Möte\nsummary: ''\nweight: '2'\ntags: []\ndraft: false\nimage: null\n---\nText.\n"
    assert merge(text, sent) == "---\ntitle: Möte\nweight: 2\n---\nText.\n"


def test_a_changed_body_is_replaced_and_the_front_matter_kept() -> None:
    text = "---\ntitle: Möte  # rubriken\n---\n\nGammal text.\n"
    saved = merge(text, "---\ntitle: Möte\n---\nNy text.\n\nMer.")
    assert saved == "---\ntitle: Möte  # rubriken\n---\n\nNy text.\n\nMer.\n"


def _leaves(node: yaml.Node, path: tuple = ()) -> list[tuple[tuple, int, int]]:
    """Return (keys, first line, line after) of every text value in block mappings of a YAML file."""
    found = []
    if isinstance(node, yaml.MappingNode) and not node.flow_style:
        for key, value in node.value:
            if isinstance(value, yaml.ScalarNode) and value.tag.endswith(":str"):
                end = value.end_mark.line + (1 if value.style not in ("|", ">") else 0)
                found.append(((*path, key.value), key.start_mark.line, end))
            else:
                found.extend(_leaves(value, (*path, key.value)))
    return found


# The settings files with a text field in a block mapping (one writes each contact on one line).
BLOCK_SETTINGS = [p for p in SETTINGS if _leaves(yaml.compose(p.read_text("utf-8"), Loader=yaml.SafeLoader))]


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(path=st.sampled_from(BLOCK_SETTINGS), data=st.data(), value=TEXT)
def test_one_changed_setting_changes_only_its_lines(path: Path, data: st.DataObject, value: str) -> None:
    text = path.read_text("utf-8")
    keys, first, after = data.draw(st.sampled_from(_leaves(yaml.compose(text, Loader=yaml.SafeLoader))))
    sent = _plain(read_yaml(text).data)
    expected = _plain(read_yaml(text).data)
    for target in (sent, expected):
        holder = target
        for key in keys[:-1]:
            holder = holder[key]
        holder[keys[-1]] = value
    merged = merge(text, yaml.safe_dump(sent, allow_unicode=True, sort_keys=True, width=50), yaml_only=True)
    assert _plain(read_yaml(merged).data) == expected
    old_lines, new_lines = text.split("\n"), merged.split("\n")
    assert new_lines[:first] == old_lines[:first]
    assert new_lines[len(new_lines) - (len(old_lines) - after) :] == old_lines[after:]


def test_a_field_the_form_has_goes_when_left_out_and_one_it_lacks_stays() -> None:
    from rusgen.editor.known import known_fields

    text = (
        "---\ntitle: Möte\nsummary: Kort.\nintern: för redaktionen\n"
        "registration: {url: https://a.se/, deadline: 2026-01-01, kod: fika}\nkraftsamlingar: [a]\n---\n"
    )
    sent = "---\ntitle: Möte\nregistration:\n  url: https://a.se/\n---\n"
    known = known_fields(str(ROOT), "content/vastra-gotaland/events/x.md")
    assert merge(text, sent, known=known) == (
        "---\ntitle: Möte\nintern: för redaktionen\nregistration: {url: https://a.se/, kod: fika}\n---\n"
    )
    assert merge(text, sent) == text  # knowing no field, it takes nothing left out as emptied


def test_a_settings_file_without_a_final_newline_resaved_unchanged_keeps_its_bytes() -> None:
    text = "robin:\n  name: Robin Kalmendal\n  phone: \"010-441 00 00\""
    sent = yaml.safe_dump(_plain(read_yaml(text).data), allow_unicode=True)
    assert merge(text, sent, yaml_only=True) == text


def test_word_quote_marks_typed_in_the_form_stay_and_a_files_own_are_left_alone() -> None:
    # Typed in the form, ”…” is text: the build must show the marks (it reads a plain ”…”
    # in a file as Word's mistake for "…", so the value is written quoted).
    text = "---\ntitle: Möte\nsummary: Kort.\n---\nText.\n"
    merged = merge(text, "---\ntitle: Möte\nsummary: “Vår region”\n---\nText.\n")
    front, _ = split_page(merged)
    assert read_yaml(front).data["summary"] == "“Vår region”"
    # A file's own ”Hej” (Word's quotes, which the build reads as Hej) is not rewritten when
    # another field is saved: Decap sends back the marks it read.
    own = "---\ntitle: ”Hej”\nweight: 3\n---\nText.\n"
    assert merge(own, "---\ntitle: ”Hej”\nweight: 4\n---\nText.\n") == own.replace("3", "4")
