"""Every UI string of a theme exists in Swedish and in English, with the same blanks."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
import yaml

THEMES = Path(__file__).resolve().parent.parent / "rusgen" / "themes"
STRING_FILES = sorted({path.parent for path in THEMES.glob("*/i18n/*.yaml")})


def strings(path: Path) -> dict[str, str]:
    return yaml.safe_load(path.read_text(encoding="utf-8")) or {}


def blanks(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("folder", STRING_FILES, ids=lambda folder: folder.parent.name)
def test_swedish_and_english_have_the_same_strings(folder: Path) -> None:
    sv, en = strings(folder / "sv.yaml"), strings(folder / "en.yaml")
    assert sorted(set(sv) - set(en)) == [], "missing in en.yaml"
    assert sorted(set(en) - set(sv)) == [], "missing in sv.yaml"
    differing = {key: (sv[key], en[key]) for key in sv if blanks(str(sv[key])) != blanks(str(en[key]))}
    assert differing == {}


def test_the_default_theme_has_string_files() -> None:
    assert THEMES / "default" / "i18n" in STRING_FILES
