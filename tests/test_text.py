"""Tests for rusgen.text: Swedish and English formatting, slugs and collation."""

import re
import unicodedata
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from rusgen.text import (
    MONTHS,
    MONTHS_EN,
    MONTHS_SV,
    WEEKDAYS,
    WEEKDAYS_EN,
    WEEKDAYS_SV,
    collation_key,
    file_kind,
    format_date,
    format_datetime,
    format_event_when,
    format_number,
    format_size,
    format_time,
    format_time_range,
    slugify,
    tel_uri,
)

NBSP = "\u00a0"


# ---------------------------------------------------------------------------- slugify


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Hållbar energi", "hallbar-energi"),
        ("Jord, skog & vatten", "jord-skog-vatten"),
        ("Örebro län", "orebro-lan"),
        ("ÅÄÖ åäö", "aao-aao"),
        ("Café Ümlaut Crème brûlée", "cafe-umlaut-creme-brulee"),
        ("Smørrebrød og Æbleskiver", "smorrebrod-og-aebleskiver"),
        ("Straße", "strasse"),
        ("Łódź", "lodz"),
        ("  --Hej!--  ", "hej"),
        ("2021 års plan", "2021-ars-plan"),
        ("ﬁnans ²", "finans-2"),
        ("a---b", "a-b"),
        ("", ""),
        ("!!!", ""),
        ("日本語", ""),
    ],
)
def test_slugify_examples(text: str, slug: str) -> None:
    assert slugify(text) == slug


@given(st.text())
def test_slugify_is_a_clean_idempotent_slug(text: str) -> None:
    slug = slugify(text)
    assert re.fullmatch(r"[a-z0-9-]*", slug)
    assert "--" not in slug
    assert not slug.startswith("-")
    assert not slug.endswith("-")
    assert slugify(slug) == slug


# -------------------------------------------------------------------------- collation


def swedish_sorted(words: list[str]) -> list[str]:
    return sorted(words, key=collation_key)


def test_collation_puts_a_ring_a_umlaut_o_umlaut_after_z() -> None:
    words = ["Örebro", "Ärla", "Zebra", "Åre", "Öland", "apa", "Borås"]
    assert swedish_sorted(words) == ["apa", "Borås", "Zebra", "Åre", "Ärla", "Öland", "Örebro"]


def test_collation_differs_from_plain_sort() -> None:
    # Code points put ä (U+00E4) before å (U+00E5); Swedish wants å first.
    assert sorted(["ä", "å"]) == ["ä", "å"]
    assert swedish_sorted(["ä", "å"]) == ["å", "ä"]


def test_collation_is_case_insensitive_first() -> None:
    assert swedish_sorted(["banan", "Apelsin", "citron", "Björn"]) == [
        "Apelsin",
        "banan",
        "Björn",
        "citron",
    ]


def test_collation_breaks_case_ties_with_lower_case_first() -> None:
    assert swedish_sorted(["Apa", "APA", "apa"]) == ["apa", "Apa", "APA"]


def test_collation_puts_digits_before_letters() -> None:
    assert swedish_sorted(["b", "Ö", "2 b", "10", "a"]) == ["10", "2 b", "a", "b", "Ö"]


def test_collation_sorts_accents_as_swedish_practice() -> None:
    # é as e, ü as y, æ as ä, ø as ö.
    assert swedish_sorted(["f", "é", "d"]) == ["d", "é", "f"]
    assert swedish_sorted(["z", "ü", "x"]) == ["x", "ü", "z"]
    assert swedish_sorted(["ö", "æ", "å"]) == ["å", "æ", "ö"]
    assert swedish_sorted(["å", "ø", "ä", "z"]) == ["z", "å", "ä", "ø"]
    assert collation_key("Müller")[0] == collation_key("Myller")[0]
    assert collation_key("Ærø")[0] == collation_key("Ärö")[0]


def test_collation_puts_plain_letter_before_accented() -> None:
    assert swedish_sorted(["é", "e", "ë"]) == ["e", "é", "ë"]
    assert swedish_sorted(["resume", "résumé", "resumé"])[0] == "resume"


def test_collation_treats_decomposed_and_composed_alike_first() -> None:
    composed, decomposed = "Åre", unicodedata.normalize("NFD", "Åre")
    assert collation_key(composed)[0] == collation_key(decomposed)[0]
    assert collation_key(composed) != collation_key(decomposed)
    assert swedish_sorted(["Ärla", decomposed, "Zebra"]) == ["Zebra", decomposed, "Ärla"]


def test_collation_orders_prefix_and_word_boundary() -> None:
    assert swedish_sorted(["Jordbruk", "Jord", "Jord och skog"]) == [
        "Jord",
        "Jord och skog",
        "Jordbruk",
    ]


def test_collation_sorts_empty_first() -> None:
    assert swedish_sorted(["a", "", " "]) == ["", " ", "a"]


@given(st.lists(st.text()))
def test_collation_sort_is_total_and_deterministic(words: list[str]) -> None:
    once = swedish_sorted(words)
    assert swedish_sorted(list(reversed(words))) == once
    assert swedish_sorted(once) == once
    keys = [collation_key(w) for w in once]
    assert all(a <= b for a, b in zip(keys, keys[1:], strict=False))


@given(st.text(), st.text())
def test_collation_keys_are_equal_only_for_equal_text(a: str, b: str) -> None:
    assert (collation_key(a) == collation_key(b)) == (a == b)


LATIN = "abcdefghijklmnopqrstuvwxyz"


def word_starting_with(letters: str) -> st.SearchStrategy[str]:
    @st.composite
    def build(draw: st.DrawFn) -> str:
        first = draw(st.sampled_from(letters + letters.upper()))
        rest = draw(st.text())
        word = first + rest
        # A combining mark after the first letter would make it another letter ("a" + ring).
        assume(not (rest and unicodedata.category(rest[0]).startswith("M")))
        assume(unicodedata.normalize("NFC", word)[0] == first)
        return word

    return build()


@given(
    word_starting_with(LATIN),
    word_starting_with("å"),
    word_starting_with("ä"),
    word_starting_with("ö"),
)
def test_collation_orders_latin_then_a_ring_then_a_umlaut_then_o_umlaut(
    latin: str, a_ring: str, a_umlaut: str, o_umlaut: str
) -> None:
    keys = [collation_key(w) for w in (latin, a_ring, a_umlaut, o_umlaut)]
    assert keys == sorted(keys)
    assert len(set(keys)) == 4


# ------------------------------------------------------------------------------ dates


def test_month_and_weekday_names_are_tuples() -> None:
    for names in (MONTHS_SV, MONTHS_EN, WEEKDAYS_SV, WEEKDAYS_EN):
        assert isinstance(names, tuple)
    assert MONTHS["sv"][4] == "maj"
    assert MONTHS["en"][11] == "December"
    assert WEEKDAYS["sv"][0] == "måndag"
    assert WEEKDAYS["en"][6] == "Sunday"
    assert len(MONTHS["sv"]) == 12
    assert len(WEEKDAYS["en"]) == 7
    with pytest.raises(TypeError):
        MONTHS["de"] = MONTHS_EN  # type: ignore[index]


@pytest.mark.parametrize(
    ("lang", "style", "expected"),
    [
        ("sv", "long", "torsdag 27 maj 2021"),
        ("en", "long", "Thursday 27 May 2021"),
        ("sv", "short", "27 maj 2021"),
        ("en", "short", "27 May 2021"),
        ("sv", "numeric", "2021-05-27"),
        ("en", "numeric", "2021-05-27"),
    ],
)
def test_format_date(lang: str, style: str, expected: str) -> None:
    assert format_date(date(2021, 5, 27), lang, style) == expected


def test_format_date_defaults_to_long_and_accepts_datetime() -> None:
    assert format_date(datetime(2021, 5, 27, 23, 59), "sv") == "torsdag 27 maj 2021"
    assert format_date(date(2020, 1, 1), "sv") == "onsdag 1 januari 2020"
    assert format_date(date(2021, 12, 5), "en", "short") == "5 December 2021"


def test_format_date_accepts_region_tags() -> None:
    assert format_date(date(2021, 5, 27), "sv-SE") == "torsdag 27 maj 2021"
    assert format_date(date(2021, 5, 27), "en_GB") == "Thursday 27 May 2021"


def test_format_date_rejects_unknown_language_and_style() -> None:
    with pytest.raises(ValueError, match="unsupported language 'de'"):
        format_date(date(2021, 5, 27), "de")
    with pytest.raises(ValueError, match="unknown date style 'medium'"):
        format_date(date(2021, 5, 27), "sv", "medium")


# ------------------------------------------------------------------------------ times


@pytest.mark.parametrize(
    ("t", "sv", "en"),
    [
        (time(13, 30), "13.30", "13:30"),
        (time(9, 0), "9.00", "09:00"),
        (time(9, 30), "9.30", "09:30"),
        (time(9, 5), "9.05", "09:05"),
        (time(13, 0), "13.00", "13:00"),
        (time(0, 0), "0.00", "00:00"),  # midnight: the same rule, no exception
        (time(0, 30), "0.30", "00:30"),
        (time(23, 59, 59), "23.59", "23:59"),  # seconds are never shown
    ],
)
def test_format_time(t: time, sv: str, en: str) -> None:
    assert format_time(t, "sv") == sv
    assert format_time(t, "en") == en


@pytest.mark.parametrize(
    ("start", "end", "sv", "en"),
    [
        (time(13, 30), time(16), "kl. 13.30–16.00", "13:30–16:00"),
        (time(9), time(11), "kl. 9.00–11.00", "09:00–11:00"),
        (time(13), time(16, 30), "kl. 13.00–16.30", "13:00–16:30"),
        (time(13, 30), None, "kl. 13.30", "13:30"),
        (time(0), time(1), "kl. 0.00–1.00", "00:00–01:00"),
        (time(22), time(2), "kl. 22.00–2.00", "22:00–02:00"),
        (time(10), time(10), "kl. 10.00", "10:00"),
    ],
)
def test_format_time_range(start: time, end: time | None, sv: str, en: str) -> None:
    assert format_time_range(start, end, "sv") == sv
    assert format_time_range(start, end, "en") == en


def test_format_time_range_uses_an_unspaced_en_dash() -> None:
    text = format_time_range(time(9), time(11), "sv")
    assert "\u2013" in text
    assert " \u2013" not in text and "\u2013 " not in text


@given(st.times(), st.none() | st.times(), st.sampled_from(["sv", "en"]))
def test_format_time_range_never_raises(start: time, end: time | None, lang: str) -> None:
    text = format_time_range(start, end, lang)
    assert format_time(start, lang) in text
    if lang == "sv":
        assert text.startswith("kl. ")
        assert ":" not in text


def test_format_datetime() -> None:
    dt = datetime(2021, 4, 21, 15, 51, 12)
    assert format_datetime(dt, "sv") == "21 april 2021 kl. 15.51"
    assert format_datetime(dt, "en") == "21 April 2021, 15:51"
    assert format_datetime(datetime(2021, 4, 21, 9), "sv") == "21 april 2021 kl. 9.00"


def test_format_datetime_uses_the_clock_time_it_is_given() -> None:
    # Converting to Europe/Stockholm is the caller's business.
    dt = datetime(2021, 4, 21, 15, 51, tzinfo=timezone(timedelta(hours=2)))
    assert format_datetime(dt, "sv") == "21 april 2021 kl. 15.51"


# ----------------------------------------------------------------------------- events


def test_event_same_day() -> None:
    start, end = datetime(2021, 5, 27, 13, 30), datetime(2021, 5, 27, 16)
    assert format_event_when(start, end, False, "sv") == "torsdag 27 maj 2021, kl. 13.30–16.00"
    assert format_event_when(start, end, False, "en") == "Thursday 27 May 2021, 13:30–16:00"


def test_event_without_end() -> None:
    start = datetime(2021, 5, 27, 9)
    assert format_event_when(start, None, False, "sv") == "torsdag 27 maj 2021, kl. 9.00"
    assert format_event_when(start, None, False, "en") == "Thursday 27 May 2021, 09:00"


def test_event_with_end_date_on_the_start_day() -> None:
    start = datetime(2021, 5, 27, 9)
    assert format_event_when(start, date(2021, 5, 27), False, "sv") == (
        "torsdag 27 maj 2021, kl. 9.00"
    )


def test_event_all_day_single_date() -> None:
    for start in (date(2021, 6, 17), datetime(2021, 6, 17, 10)):
        assert format_event_when(start, None, True, "sv") == "torsdag 17 juni 2021"
        assert format_event_when(start, start, True, "en") == "Thursday 17 June 2021"


def test_event_with_a_date_start_is_all_day() -> None:
    assert format_event_when(date(2021, 6, 17), None, False, "sv") == "torsdag 17 juni 2021"


def test_event_all_day_several_days() -> None:
    start, end = date(2012, 9, 26), date(2012, 9, 27)
    assert format_event_when(start, end, True, "sv") == (
        "onsdag 26 september – torsdag 27 september 2012"
    )
    assert format_event_when(start, end, True, "en") == (
        "Wednesday 26 September – Thursday 27 September 2012"
    )


def test_event_all_day_across_new_year_shows_both_years() -> None:
    start, end = date(2020, 12, 31), date(2021, 1, 1)
    assert format_event_when(start, end, True, "sv") == (
        "torsdag 31 december 2020 – fredag 1 januari 2021"
    )


def test_event_timed_over_several_days() -> None:
    start, end = datetime(2012, 9, 26, 9), datetime(2012, 9, 27, 16, 30)
    assert format_event_when(start, end, False, "sv") == (
        "onsdag 26 september 2012 kl. 9.00 – torsdag 27 september 2012 kl. 16.30"
    )
    assert format_event_when(start, end, False, "en") == (
        "Wednesday 26 September 2012, 09:00 – Thursday 27 September 2012, 16:30"
    )


@given(
    st.datetimes(),
    st.none() | st.datetimes() | st.dates(),
    st.booleans(),
    st.sampled_from(["sv", "en"]),
)
def test_format_event_when_never_raises(
    start: datetime, end: date | None, all_day: bool, lang: str
) -> None:
    text = format_event_when(start, end, all_day, lang)
    assert str(start.year) in text


# ---------------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("n", "decimals", "sv", "en"),
    [
        (1234, None, f"1{NBSP}234", "1,234"),
        (291.8, None, "291,8", "291.8"),
        (0, None, "0", "0"),
        (999, None, "999", "999"),
        (1000, None, f"1{NBSP}000", "1,000"),
        (1234567, None, f"1{NBSP}234{NBSP}567", "1,234,567"),
        (1234567.891, None, f"1{NBSP}234{NBSP}567,891", "1,234,567.891"),
        (291.8, 2, "291,80", "291.80"),
        (2.675, 2, "2,68", "2.68"),  # half up on the written decimal, not the binary float
        (0.5, 0, "1", "1"),
        (1.25, 1, "1,3", "1.3"),
        (7, 1, "7,0", "7.0"),
        (1e20, None, f"100{NBSP}000{NBSP}000{NBSP}000{NBSP}000{NBSP}000{NBSP}000", None),
        (1.5e-7, None, "0,00000015", "0.00000015"),
        (-1234.5, None, f"\u22121{NBSP}234,5", "-1,234.5"),
        (-0.0, None, "0,0", "0.0"),
        (-0.04, 1, "0,0", "0.0"),
    ],
)
def test_format_number(n: float, decimals: int | None, sv: str, en: str | None) -> None:
    assert format_number(n, "sv", decimals) == sv
    if en is not None:
        assert format_number(n, "en", decimals) == en


@pytest.mark.parametrize("bad", [float("nan"), float("inf"), float("-inf")])
def test_format_number_rejects_non_finite(bad: float) -> None:
    with pytest.raises(ValueError, match="cannot format"):
        format_number(bad, "sv")


def test_format_number_rejects_negative_decimals() -> None:
    with pytest.raises(ValueError, match="decimals"):
        format_number(1.5, "sv", -1)


@given(st.integers(min_value=0), st.sampled_from(["sv", "en"]))
def test_format_number_round_trips_the_digits(n: int, lang: str) -> None:
    text = format_number(n, lang)
    separator = NBSP if lang == "sv" else ","
    assert text.replace(separator, "") == str(n)
    assert all(len(group) == 3 for group in text.split(separator)[1:])


@given(st.floats(allow_nan=False, allow_infinity=False), st.sampled_from(["sv", "en"]))
def test_format_number_round_trips_floats(x: float, lang: str) -> None:
    text = format_number(x, lang)
    if lang == "sv":
        plain = text.replace(NBSP, "").replace(",", ".").replace("\u2212", "-")
    else:
        plain = text.replace(",", "")
    assert float(plain) == x


# ------------------------------------------------------------------------------ sizes


@pytest.mark.parametrize(
    ("n", "sv", "en"),
    [
        (0, "0 byte", "0 bytes"),
        (1, "1 byte", "1 byte"),
        (850, "850 byte", "850 bytes"),
        (999, "999 byte", "999 bytes"),
        (1000, "1,0 kB", "1.0 kB"),
        (291_800, "291,8 kB", "291.8 kB"),
        (291_849, "291,8 kB", "291.8 kB"),
        (291_850, "291,9 kB", "291.9 kB"),  # half up
        (999_949, "999,9 kB", "999.9 kB"),
        (999_950, "1,0 MB", "1.0 MB"),  # rounding up crosses into the next unit
        (1_234_567, "1,2 MB", "1.2 MB"),
        (15_000_000, "15,0 MB", "15.0 MB"),
        (2_500_000_000, "2,5 GB", "2.5 GB"),
        (10**27, "1 000,0 YB", "1,000.0 YB"),
    ],
)
def test_format_size(n: int, sv: str, en: str) -> None:
    assert format_size(n, "sv") == sv.replace(" ", NBSP)
    assert format_size(n, "en") == en.replace(" ", NBSP)


def test_format_size_rejects_negative() -> None:
    with pytest.raises(ValueError, match="negative"):
        format_size(-1, "sv")


UNIT_POWERS = {"byte": 0, "bytes": 0, "kB": 1, "MB": 2, "GB": 3, "TB": 4, "PB": 5, "EB": 6}
UNIT_POWERS |= {"ZB": 7, "YB": 8}


@given(st.integers(min_value=0), st.sampled_from(["sv", "en"]))
def test_format_size_round_trips_the_digits(n: int, lang: str) -> None:
    text = format_size(n, lang)
    number, unit = text.split(NBSP)[:-1], text.split(NBSP)[-1]
    if lang == "sv":
        plain = "".join(number).replace(",", ".")
    else:
        plain = "".join(number).replace(",", "")
    power = UNIT_POWERS[unit]
    if power == 0:
        assert plain == str(n)
        return
    assert re.fullmatch(r"[0-9]+\.[0-9]", plain)
    value = Decimal(plain)
    scale = Decimal(1000) ** power
    # Rounded half up to one decimal: within half a tenth of the unit, never below 1.
    assert abs(value * scale - n) <= scale / 20
    assert value >= 1
    assert value < 1000 or unit == "YB"


# -------------------------------------------------------------------------- file kind


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("Inbjudan.pdf", "pdf"),
        ("docs/Rapport 2021.DOCX", "docx"),
        ("/files/budget.xlsx", "xlsx"),
        ("archive.tar.gz", "gz"),
        ("README", ""),
        (".gitignore", ""),
        ("file.", ""),
        ("folder.d/", ""),
        ("folder.d/file", ""),
        ("https://example.se/a/inbjudan.pdf?download=1#page=2", "pdf"),
        ("", ""),
    ],
)
def test_file_kind(path: str, kind: str) -> None:
    assert file_kind(path) == kind


# ------------------------------------------------------------------------------ phone


@pytest.mark.parametrize(
    ("phone", "uri"),
    [
        ("010-441 00 00", "tel:+46104410000"),
        ("+46 8 505 218 69", "tel:+46850521869"),
        ("090-16 57 11", "tel:+4690165711"),
        ("08-505 218 69", "tel:+46850521869"),
        ("0046 8 505 218 69", "tel:+46850521869"),
        ("+46 (0)8-505 218 69", "tel:+46850521869"),
        ("+46(0)10-441 00 00", "tel:+46104410000"),
        ("  +47 22 00 00 00 ", "tel:+4722000000"),
        ("(08) 505 218 69", "tel:+46850521869"),
    ],
)
def test_tel_uri(phone: str, uri: str) -> None:
    assert tel_uri(phone) == uri


def test_tel_uri_with_another_country_code() -> None:
    assert tel_uri("022 00 00 00", "47") == "tel:+4722000000"
    assert tel_uri("022 00 00 00", "+358") == "tel:+35822000000"


@pytest.mark.parametrize("bad", ["", "   ", "ring oss", "+", "00"])
def test_tel_uri_rejects_text_without_digits(bad: str) -> None:
    with pytest.raises(ValueError, match="not a phone number"):
        tel_uri(bad)


@given(st.text())
def test_tel_uri_gives_plus_and_digits_or_value_error(phone: str) -> None:
    try:
        uri = tel_uri(phone)
    except ValueError:
        return
    assert re.fullmatch(r"tel:\+[0-9]+", uri)
