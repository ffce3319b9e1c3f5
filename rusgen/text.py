"""Format dates, times, numbers, sizes, slugs and sort keys the Swedish (and English) way.

Pure functions on the standard library. Languages are "sv" and "en"; a region tag such as
"sv-SE" or "en_GB" is accepted and reduced to its language. Decisions worth knowing:

- Times in Swedish drop ":00" minutes and the leading zero: 09:00 -> "9", 09:30 -> "9.30",
  00:00 -> "0". English uses the 24-hour "09:30". Seconds are never shown.
- Ranges use an en dash (U+2013): without spaces between times ("kl. 13.30–16"), with
  spaces between dates, whose parts contain spaces ("26 september – 27 september 2012").
- Sizes are SI: 1 kB = 1000 bytes, one decimal from kB on, rounded half up.
- Numbers round half up on their shortest decimal form, so 2.675 becomes "2,68".
  Swedish negatives use the minus sign U+2212, as Swedish typography (and CLDR) does.
"""

from __future__ import annotations

import functools
import posixpath
import re
import unicodedata
from collections.abc import Mapping
from datetime import date, datetime, time
from decimal import ROUND_HALF_UP, Context, Decimal
from types import MappingProxyType

__all__ = [
    "LANGUAGES",
    "MONTHS",
    "MONTHS_EN",
    "MONTHS_SV",
    "WEEKDAYS",
    "WEEKDAYS_EN",
    "WEEKDAYS_SV",
    "CollationKey",
    "collation_key",
    "file_kind",
    "format_date",
    "format_datetime",
    "format_event_when",
    "format_number",
    "format_size",
    "format_time",
    "format_time_range",
    "slug_path",
    "slugify",
    "tel_uri",
]

LANGUAGES: tuple[str, ...] = ("sv", "en")

# Indexed by month - 1 and by date.weekday() (Monday = 0).
MONTHS_SV: tuple[str, ...] = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip
MONTHS_EN: tuple[str, ...] = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
WEEKDAYS_SV: tuple[str, ...] = (
    "måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag",
)  # fmt: skip
WEEKDAYS_EN: tuple[str, ...] = (
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
)  # fmt: skip
MONTHS: Mapping[str, tuple[str, ...]] = MappingProxyType({"sv": MONTHS_SV, "en": MONTHS_EN})
WEEKDAYS: Mapping[str, tuple[str, ...]] = MappingProxyType({"sv": WEEKDAYS_SV, "en": WEEKDAYS_EN})

NBSP = "\u00a0"
EN_DASH = "\u2013"
MINUS = "\u2212"

CollationKey = tuple[tuple[int, ...], str, str, str]


def _lang(lang: str) -> str:
    """Return "sv" or "en" for a language tag, or raise ValueError."""
    primary = re.split(r"[-_]", lang, maxsplit=1)[0].lower()
    if primary not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}: expected one of {LANGUAGES}")
    return primary


def _is_mark(ch: str) -> bool:
    return unicodedata.category(ch).startswith("M")


# ---------------------------------------------------------------------------- slugs

# Letters NFKD leaves whole, spelled as a Swede would type them in ASCII.
_SLUG_LETTERS = MappingProxyType(
    {"æ": "ae", "ø": "o", "œ": "oe", "ß": "ss", "þ": "th", "ð": "d", "đ": "d", "ł": "l",
     "ı": "i"}
)  # fmt: skip
_NOT_SLUG = re.compile(r"[^a-z0-9]+")


# Kept between calls: the preview checks every file name of the site on each save.
@functools.lru_cache(maxsize=1 << 16)
def slugify(text: str) -> str:
    """Return a lower-case ASCII slug of text, or "" when nothing is left."""
    # NFKD first so compatibility forms ("ℌ", "ﬁ") reach lower() as plain letters.
    folded = unicodedata.normalize("NFKD", text).lower()
    folded = "".join(_SLUG_LETTERS.get(ch, ch) for ch in folded)
    # Accents go quietly ("é" -> "e"); anything else left over becomes a hyphen.
    folded = "".join(ch for ch in unicodedata.normalize("NFKD", folded) if not _is_mark(ch))
    return _NOT_SLUG.sub("-", folded).strip("-")


def slug_path(rel: str) -> str:
    """Return a source path as its address spells it: "Hållbar energi.en.md" -> "hallbar-energi.en.md".

    Every folder and the file's stem become slugs; what follows the stem's first dot (a
    language and the extension) is kept. A name with nothing to make a slug of is kept as
    it is, so it still has an address of its own (the build reports it).
    """
    *folders, name = rel.split("/")
    stem, dot, rest = name.partition(".")
    parts = [slugify(part) or part for part in folders] + [(slugify(stem) or stem) + dot + rest]
    return "/".join(parts)


# ------------------------------------------------------------------------ collation

# Swedish practice (SAOL, CLDR "sv"): these are variants of y, ä and ö, not of u, a, o.
_COLLATION_LETTERS = MappingProxyType(
    {"æ": "ä", "ø": "ö", "œ": "ö", "ß": "ss", "þ": "th", "ð": "d", "đ": "d", "ł": "l",
     "ı": "i"}
)  # fmt: skip
_COLLATION_MARKS = MappingProxyType(
    {("a", "\u030a"): "å", ("a", "\u0308"): "ä", ("o", "\u0308"): "ö", ("o", "\u030b"): "ö",
     ("u", "\u0308"): "y", ("u", "\u030b"): "y"}
)  # fmt: skip
_ALPHABET = "abcdefghijklmnopqrstuvwxyzåäö"
_SPACE_WEIGHT = 0x10
_SYMBOL_WEIGHT = 0x20
_DIGIT_WEIGHT = 0x100
_LETTER_WEIGHT = 0x200
_OTHER_WEIGHT = 0x1000  # scripts beyond the Swedish alphabet, in code point order


def _swedish_letters(base: str, marks: str) -> str:
    """Return the Swedish alphabet letters a base character with its marks sorts as."""
    if base in _COLLATION_LETTERS:
        return _COLLATION_LETTERS[base]
    for mark in marks:
        if (base, mark) in _COLLATION_MARKS:
            return _COLLATION_MARKS[base, mark]
    return base


def _weight(ch: str) -> int | None:
    """Return the primary weight of one letter, or None if it is ignorable."""
    index = _ALPHABET.find(ch)
    if index >= 0:
        return _LETTER_WEIGHT + index
    if ch.isspace():
        return _SPACE_WEIGHT
    digit = unicodedata.decimal(ch, None)
    if digit is not None:
        return _DIGIT_WEIGHT + digit
    if _is_mark(ch):
        return None
    if unicodedata.category(ch)[0] in "LN":
        return _OTHER_WEIGHT + ord(ch)
    return _SYMBOL_WEIGHT


def _primary(decomposed: str) -> tuple[int, ...]:
    weights: list[int] = []
    i = 0
    while i < len(decomposed):
        j = i + 1
        while j < len(decomposed) and _is_mark(decomposed[j]):
            j += 1
        for ch in _swedish_letters(decomposed[i], decomposed[i + 1 : j]):
            weight = _weight(ch)
            # Runs of white space count as one, so "a  b" sorts with "a b".
            if weight is None or (weight == _SPACE_WEIGHT and weights[-1:] == [weight]):
                continue
            weights.append(weight)
        i = j
    return tuple(weights)


def collation_key(text: str) -> CollationKey:
    """Return a sort key that orders text the Swedish way: a–z, å, ä, ö."""
    decomposed = unicodedata.normalize("NFKD", text.strip())
    folded = unicodedata.normalize("NFKD", decomposed.casefold())
    # Letters first, then accents ("e" before "é"), then case with lower case first
    # (swapcase makes it so), then the text itself: equal keys mean equal strings.
    return (_primary(folded), folded, decomposed.swapcase(), text)


# ---------------------------------------------------------------------- date & time


def format_date(d: date, lang: str, style: str = "long") -> str:
    """Return d as "torsdag 27 maj 2021" (long), "27 maj 2021" (short) or "2021-05-27"."""
    lang = _lang(lang)
    if isinstance(d, datetime):
        d = d.date()
    if style == "numeric":
        return d.isoformat()
    short = f"{d.day} {MONTHS[lang][d.month - 1]} {d.year}"
    if style == "short":
        return short
    if style == "long":
        return f"{WEEKDAYS[lang][d.weekday()]} {short}"
    raise ValueError(f"unknown date style {style!r}: expected 'long', 'short' or 'numeric'")


def format_time(t: time, lang: str) -> str:
    """Return t as "9.00", "13.30" (sv) or "09:00", "13:30" (en), on the 24-hour clock.

    Swedish keeps the minutes even on the hour: one style everywhere, so an agenda reads
    "9.30, 10.00, 10.10" and a range "kl. 13.00–16.30", as communicators write in body text.
    """
    if _lang(lang) == "en":
        return f"{t.hour:02d}:{t.minute:02d}"
    return f"{t.hour}.{t.minute:02d}"


def _clock(text: str, lang: str) -> str:
    return f"kl. {text}" if lang == "sv" else text


def format_time_range(start: time, end: time | None, lang: str) -> str:
    """Return "kl. 13.30–16.00" (sv) or "13:30–16:00" (en); only the start if end is None."""
    lang = _lang(lang)
    text = format_time(start, lang)
    # An end equal to the start says nothing more, and "kl. 13–13" reads as a typo.
    if end is not None and (end.hour, end.minute) != (start.hour, start.minute):
        text += EN_DASH + format_time(end, lang)
    return _clock(text, lang)


def format_datetime(dt: datetime, lang: str) -> str:
    """Return dt as "21 april 2021 kl. 15.51" (sv) or "21 April 2021, 15:51" (en)."""
    lang = _lang(lang)
    separator = " " if lang == "sv" else ", "
    return format_date(dt, lang, "short") + separator + _clock(format_time(dt.time(), lang), lang)


def _date_and_time(value: date, lang: str, with_year: bool = True) -> str:
    """Return the long date of value, with its time of day if it is a datetime."""
    text = format_date(value, lang, "long")
    if not with_year:
        text = text.rsplit(" ", 1)[0]
    if isinstance(value, datetime):
        text += (" " if lang == "sv" else ", ") + _clock(format_time(value.time(), lang), lang)
    return text


def format_event_when(
    start: date | datetime, end: date | datetime | None, all_day: bool, lang: str
) -> str:
    """Return a line saying when an event happens, always with the year.

    The end is inclusive (the last day of an all-day event). A start without a time of day
    is all-day. Shapes, in Swedish and English alike:
    "torsdag 27 maj 2021, kl. 13.30–16" (same day), "torsdag 17 juni 2021" (all day),
    "onsdag 26 september – torsdag 27 september 2012" (days; both years if they differ),
    "onsdag 26 september 2012 kl. 9 – torsdag 27 september 2012 kl. 16" (timed, days).
    """
    lang = _lang(lang)
    if all_day or not isinstance(start, datetime):
        first = start.date() if isinstance(start, datetime) else start
        last = end.date() if isinstance(end, datetime) else end
        if last is None or last == first:
            return format_date(first, lang, "long")
        with_year = first.year != last.year
        return f"{_date_and_time(first, lang, with_year)} {EN_DASH} {format_date(last, lang)}"
    end_day = end.date() if isinstance(end, datetime) else end
    if end is None or end_day == start.date():
        end_time = end.time() if isinstance(end, datetime) else None
        times = format_time_range(start.time(), end_time, lang)
        return f"{format_date(start, lang, 'long')}, {times}"
    return f"{_date_and_time(start, lang)} {EN_DASH} {_date_and_time(end, lang)}"


# --------------------------------------------------------------- numbers and sizes


def _group(digits: str, separator: str) -> str:
    head = len(digits) % 3 or 3
    groups = [digits[:head]] + [digits[i : i + 3] for i in range(head, len(digits), 3)]
    return separator.join(groups)


def _format_decimal(value: Decimal, lang: str) -> str:
    """Return a finite decimal with the language's separators, as written."""
    if value.is_zero():
        value = abs(value)  # no "-0"
    text = format(value, "f")
    negative = text.startswith("-")
    whole, _, fraction = text.lstrip("-").partition(".")
    thousands, point, minus = (NBSP, ",", MINUS) if lang == "sv" else (",", ".", "-")
    result = _group(whole, thousands) + (point + fraction if fraction else "")
    return minus + result if negative else result


def _context(value: Decimal) -> Context:
    # Enough precision that quantize never fails on a huge number.
    return Context(prec=max(28, len(value.as_tuple().digits) + 30), rounding=ROUND_HALF_UP)


def format_number(n: int | float, lang: str, decimals: int | None = None) -> str:
    """Return n as "1 234" or "291,8" (sv) or "1,234" or "291.8" (en)."""
    lang = _lang(lang)
    if decimals is not None and decimals < 0:
        raise ValueError(f"decimals must be 0 or more, got {decimals}")
    # repr gives the shortest decimal that is the float, which is what a reader expects.
    value = Decimal(n) if isinstance(n, int) else Decimal(repr(float(n)))
    if not value.is_finite():
        raise ValueError(f"cannot format {n!r} as a number")
    if decimals is not None:
        value = value.quantize(Decimal(1).scaleb(-decimals), context=_context(value))
    return _format_decimal(value, lang)


_SIZE_UNITS = ("kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB")


def format_size(n_bytes: int, lang: str) -> str:
    """Return a file size in SI units: "850 byte", "291,8 kB", "1,2 MB" (sv)."""
    lang = _lang(lang)
    if n_bytes < 0:
        raise ValueError(f"a size cannot be negative, got {n_bytes}")
    if n_bytes < 1000:
        unit = "bytes" if lang == "en" and n_bytes != 1 else "byte"
        return f"{n_bytes}{NBSP}{unit}"
    context = _context(Decimal(n_bytes))
    for power, unit in enumerate(_SIZE_UNITS, start=1):
        value = context.divide(Decimal(n_bytes), Decimal(1000) ** power)
        value = value.quantize(Decimal("0.1"), context=context)
        # Check after rounding: 999 950 bytes is "1,0 MB", not "1000,0 kB".
        if value < 1000 or unit == _SIZE_UNITS[-1]:
            return f"{_format_decimal(value, lang)}{NBSP}{unit}"
    raise AssertionError("unreachable")  # the last unit always returns


# ------------------------------------------------------------------ files and phones


def file_kind(path: str) -> str:
    """Return the lower-case extension of path without its dot, or "" if it has none."""
    if "://" in path:  # a URL: its query and fragment are not part of the name
        path = re.split(r"[?#]", path, maxsplit=1)[0]
    extension = posixpath.splitext(posixpath.basename(path))[1]
    return extension[1:].lower()


def tel_uri(phone: str, country_code: str = "46") -> str:
    """Return a tel: URI in international form, e.g. "010-441 00 00" -> "tel:+46104410000"."""
    country = re.sub(r"[^0-9]", "", country_code)
    text = phone.strip()
    international = text.startswith("+")
    if international:
        # "+46 (0)8 ..." keeps the trunk zero for local readers; it is not dialled.
        text = re.sub(r"^\s*([0-9]+)\s*\(0\)", r"\1", text[1:])
    digits = re.sub(r"[^0-9]", "", text)
    if not international and digits.startswith("00"):
        international, digits = True, digits[2:]
    if not digits:
        raise ValueError(f"not a phone number: {phone!r}")
    if international:
        return f"tel:+{digits}"
    # A national number's leading 0 is the trunk prefix, dropped after the country code.
    return f"tel:+{country}{digits.removeprefix('0')}"
