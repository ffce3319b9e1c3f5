"""Swedish typography of visible text: where long words and addresses may break.

A phone is 390 px wide; "Tillgänglighetsredogörelse" in a heading is wider. Browsers
hyphenate Swedish unevenly (Chromium on Linux not at all), so the build inserts soft
hyphens itself, from pyphen's Swedish dictionary, into visible headings only: titles in
<title>, meta tags, JSON-LD, feeds and the search index stay as written.

E-mail addresses and web addresses shown as text get <wbr> after "@" and "/" and before
dots, so a narrow column breaks "anna.pettersson@<wbr>regionvasterbotten<wbr>.se" there
and not in the middle of a name.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable

import pyphen
from markupsafe import Markup, escape

SOFT_HYPHEN = "\u00ad"
# Shorter words fit a phone's line in a heading anyway; breaking them looks fussy.
MIN_WORD = 10
# A word of letters only: acronyms (ALL CAPS) and words with digits are left whole.
WORD_RE = re.compile(rf"[^\W\d_]{{{MIN_WORD},}}")
DICTIONARIES = {"sv": "sv_SE", "en": "en_GB"}


@functools.cache
def _dictionary(lang: str) -> pyphen.Pyphen:
    # Swedish typesetting keeps at least two letters before a break and three after it.
    return pyphen.Pyphen(lang=DICTIONARIES.get(lang, "sv_SE"), left=2, right=3)


def load_dictionaries(languages: Iterable[str]) -> None:
    """Load the hyphenation dictionaries of these languages now (about 0.15 s each)."""
    for lang in languages:
        _dictionary(lang)


@functools.lru_cache(maxsize=65536)
def hyphenate_word(word: str, lang: str) -> str:
    """Return word with soft hyphens at its break points; no part is a single letter.

    pyphen's Swedish patterns split some compounds letter by letter ("kraft-s-am-lingar");
    a break that would leave one letter alone is dropped ("kraft-sam-lingar").
    """
    if word.isupper():
        return word
    points: list[int] = []
    for point in _dictionary(lang).positions(word):
        if point - (points[-1] if points else 0) >= 2:
            points.append(point)
    pieces = [word[start:end] for start, end in zip([0, *points], [*points, len(word)], strict=True)]
    return SOFT_HYPHEN.join(pieces)


def hyphenate(text: str, lang: str) -> str:
    """Insert soft hyphens into the long words of a visible heading."""
    return WORD_RE.sub(lambda match: hyphenate_word(match.group(0), lang), str(text))


# After "@", after a "/" of the path (not inside "https://"), and before a dot that is
# followed by more of the address.
ADDRESS_BREAK_RE = re.compile(r"(?<=@)(?=.)|(?<=[^/:]/)(?=.)|(?<=.)(?=\.[^.])")


def breakable_address(address: str) -> Markup:
    """Return an e-mail or web address, escaped, with <wbr> where a line may break."""
    parts = ADDRESS_BREAK_RE.split(str(address))
    return Markup("<wbr>").join(escape(part) for part in parts)


def in_sentence(title: str) -> str:
    """Return a title as it reads inside a sentence: "Om digitalisering", "Alla kraftsamlingar".

    Only the first letter is lowered, and not in an acronym ("EU-samarbete" stays) or a
    word written with capitals inside it ("RUS-arbetet", "eTjänster").
    """
    first_word = title.split(" ", 1)[0]
    if not title[:1].isupper() or any(ch.isupper() for ch in first_word[1:]):
        return title
    return title[0].lower() + title[1:]
