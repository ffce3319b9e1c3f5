"""YAML's traps are caught before they reach the public page (issue 11, item 4).

Each test writes a small site the way a communicator would, runs the real CLI and asserts
the whole Swedish line the user sees, or the text that is published.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import output_lines, run_rusgen
from hypothesis import example, given, settings
from hypothesis import strategies as st
from sitekit import REGION, write_site

from rusgen.messages import LANGUAGES, say
from rusgen.yamlfile import YamlSyntaxError, parse_yaml, read_yaml

RED = '  color: "#7a1f5c"\n'


def page(front: str, body: str = "Text.\n") -> str:
    """Return a page with `front` as its front matter (summary added when missing)."""
    if "summary:" not in front:
        front += "summary: En sida.\n"
    return f"---\n{front}---\n\n{body}"


def build(tmp_path: Path, files: dict[str, str | bytes], region: str = REGION):
    """Build a one-region site with `files`; return (exit code, problem lines, output folder)."""
    (tmp_path / "site").mkdir()
    root = write_site(tmp_path / "site", files, region=region)
    output = tmp_path / "out"
    result = run_rusgen("build", "--source", str(root), "--output", str(output))
    assert "Traceback" not in result.output
    problems = [line for line in output_lines(result) if line.startswith(("fel:", "varning:"))]
    return result.exit_code, problems, output


def strict_check(tmp_path: Path) -> tuple[int, list[str]]:
    """Run `rusgen check --strict` on the site `build` wrote."""
    result = run_rusgen("check", "--strict", "--source", str(tmp_path / "site"))
    assert "Traceback" not in result.output
    return result.exit_code, output_lines(result)


def html(output: Path, rel: str) -> str:
    return (output / "test" / rel / "index.html").read_text("utf-8")


# --- a # inside an unquoted value -----------------------------------------------------------


def test_hash_in_a_title_warns_with_the_dropped_text_and_the_quoted_fix(tmp_path: Path) -> None:
    code, problems, _ = build(tmp_path, {"kraft.md": page("title: Kraftsamling #1 – energi\n")})
    message = (
        'content/test/kraft.md:2: title: texten efter # ("#1 – energi") räknas som en kommentar '
        "och kommer inte med; sätt hela värdet inom citattecken: "
        'title: "Kraftsamling #1 – energi" (är det en kommentar, skriv den på en egen rad)'
    )
    assert (code, problems) == (0, [f"varning: {message}"])
    strict_code, lines = strict_check(tmp_path)
    assert strict_code == 1
    assert any(line.endswith(message.split(": ", 1)[1]) for line in lines), lines


@pytest.mark.parametrize(
    ("rel", "text", "expected"),
    [
        (
            "events/2026-12-01-mote.md",
            page("title: Möte\nstart: 2026-12-01 10:00\nagenda:\n  - time: \"10:00\"\n"
                 "    title: Fika #2 i huset\n"),
            'content/test/events/2026-12-01-mote.md:6: agenda.title: texten efter # ("#2 i huset") '
            "räknas som en kommentar och kommer inte med; sätt hela värdet inom citattecken: "
            'title: "Fika #2 i huset" (är det en kommentar, skriv den på en egen rad)',
        ),
        (
            "contacts.yaml",
            "kim-svensson:\n  name: Kim Svensson\n  role: Samordnare #1\n",
            'content/test/contacts.yaml:3: kim-svensson.role: texten efter # ("#1") räknas som en '
            'kommentar och kommer inte med; sätt hela värdet inom citattecken: role: "Samordnare #1" '
            "(är det en kommentar, skriv den på en egen rad)",
        ),
        (
            "om.md",
            page("title: Om oss\nkeywords:\n  - Kraftsamling #3\n"),
            'content/test/om.md:4: keywords: texten efter # ("#3") räknas som en kommentar och '
            'kommer inte med; sätt hela värdet inom citattecken: - "Kraftsamling #3" (är det en '
            "kommentar, skriv den på en egen rad)",
        ),
    ],
    ids=["agenda", "contacts", "list"],
)
def test_hash_is_caught_at_any_depth(tmp_path: Path, rel: str, text: str, expected: str) -> None:
    _, problems, _ = build(tmp_path, {rel: text})
    assert f"varning: {expected}" in problems


def test_hash_in_region_yaml_is_caught(tmp_path: Path) -> None:
    region = REGION.replace("status: helt", "status: delvis").replace(
        "  feedback:", "  known_issues:\n    - Filmerna saknar text #2\n  feedback:"
    )
    _, problems, _ = build(tmp_path, {}, region=region)
    assert problems == [
        'varning: content/test/region.yaml:11: accessibility.known_issues: texten efter # ("#2") '
        "räknas som en kommentar och kommer inte med; sätt hela värdet inom citattecken: "
        '- "Filmerna saknar text #2" (är det en kommentar, skriv den på en egen rad)'
    ]


def test_a_comment_on_its_own_line_or_after_quotes_is_silent(tmp_path: Path) -> None:
    front = (
        '# en kommentar på egen rad\ntitle: "Kraftsamling #1 – energi" # kommentar\n'
        "weight: 2  # först i listan\ndraft: false # klar\n"
    )
    region = REGION.replace("languages:", "# egen rad\nlanguages:") + f"branding:\n{RED}"
    code, problems, output = build(tmp_path, {"kraft.md": page(front)}, region=region)
    assert (code, problems) == (0, [])
    assert "<h1>Kraftsamling #1 – energi</h1>" in html(output, "kraft").replace("\u00ad", "")
    assert "--accent: #7a1f5c" in (output / "test" / "index.html").read_text("utf-8")


# --- an unquoted colour and other emptied values -------------------------------------------


def test_an_unquoted_colour_is_an_error_that_shows_the_quotes(tmp_path: Path) -> None:
    code, problems, output = build(tmp_path, {}, region=REGION + "branding:\n  color: #7a1f5c\n")
    assert code == 1
    assert problems == [
        "fel: content/test/region.yaml:12: branding.color: färgen måste stå inom citattecken, "
        'annars läses # som början på en kommentar; skriv color: "#7a1f5c"'
    ]
    assert not output.exists()


def test_another_value_emptied_by_a_hash_warns(tmp_path: Path) -> None:
    code, problems, _ = build(tmp_path, {"om.md": page("title: Om oss\nsummary: #1 i Sverige\n")})
    assert (code, problems) == (0, [
        'varning: content/test/om.md:3: summary: värdet blir tomt, eftersom # läses som början på '
        'en kommentar ("#1 i Sverige"); är texten värdet, sätt den inom citattecken: '
        'summary: "#1 i Sverige"'
    ])


# --- times, phone numbers and other numbers YAML would change ------------------------------


def test_swedish_times_are_kept_as_written(tmp_path: Path) -> None:
    event = page(
        "title: Uppstart\nstart: 2026-12-01 9.30\nend: 2026-12-01 13.00\nagenda:\n"
        "  - time: 9.30\n    title: Kaffe\n  - time: 13.00\n    title: Lunch\n"
        "  - time: 7.05\n    title: Frukost\n"
    )
    code, problems, output = build(tmp_path, {"events/2026-12-01-uppstart.md": event})
    assert (code, problems) == (0, [])
    text = html(output, "events/uppstart")
    assert '<th scope="row">9.30</th>' in text
    assert '<th scope="row">13.00</th>' in text  # 13 and 13:00 alike, in the site's one style
    assert '<th scope="row">7.05</th>' in text
    assert "13.0<" not in text and "9.3<" not in text
    assert "kl. 9.30–13.00" in text


def test_a_phone_number_with_a_leading_zero_is_published_as_written(tmp_path: Path) -> None:
    contacts = "kim-svensson:\n  name: Kim Svensson\n  phone: 0104410000\n  mobile: +46703976884\n"
    om = page("title: Om oss\ncontacts: [kim-svensson]\n")
    code, problems, output = build(tmp_path, {"contacts.yaml": contacts, "om.md": om})
    assert (code, problems) == (0, [])
    text = html(output, "om")
    assert ">0104410000<" in text and "17960960" not in text
    assert "+46703976884" in text


def test_numbers_yaml_would_change_are_kept_as_written() -> None:
    data = parse_yaml(
        "phone: 0104410000\nhex: 0x1f\noctal: 0o17\ngrouped: 1_000\nclock: 1:30\n"
        "plus: +4610441\ntime: 13.00\nshort: 9.30\ndecimal: 1.10\nweight: 10\nminus: -5\nzero: 0\n"
    )
    assert data == {
        "phone": "0104410000", "hex": "0x1f", "octal": "0o17", "grouped": "1_000",
        "clock": "1:30", "plus": "+4610441", "time": "13.00", "short": "9.30",
        "decimal": "1.10", "weight": 10, "minus": -5, "zero": 0,
    }


# --- Word's quote marks ---------------------------------------------------------------------


def test_words_quotes_around_a_title_are_quotes(tmp_path: Path) -> None:
    front = "title: ”Om oss: så arbetar vi”\nsummary: ”Om oss”\n"
    code, problems, output = build(tmp_path, {"om.md": page(front)})
    assert (code, problems) == (0, [])
    text = html(output, "om")
    assert "<h1>Om oss: så arbetar vi</h1>" in text
    assert '<meta name="description" content="Om oss">' in text


@pytest.mark.parametrize(
    "written",
    ["”Om oss”", "“Om oss”", "„Om oss“", "„Om oss”", "»Om oss«", "»Om oss»", "’Om oss’", "‘Om oss’"],
)
def test_every_kind_of_word_quote_is_understood(written: str) -> None:
    parsed = read_yaml(f"title: {written}\nkeywords:\n  - {written}\n", first_line=2)
    assert parsed.data == {"title": "Om oss", "keywords": ["Om oss"]}
    assert parsed.data.line_of("keywords") == 3
    assert parsed.data["keywords"].item_lines == [4]


def test_word_quotes_keep_what_is_inside_them() -> None:
    data = parse_yaml(
        'title: ”Hon sa "ja" \\ och: gick #1”\nsummary: ”A” och ”B”\nbody: |\n  x: ”inne i text”\n'
    )
    assert data == {
        "title": 'Hon sa "ja" \\ och: gick #1',
        "summary": "”A” och ”B”",  # quotes inside the text, not around it
        "body": "x: ”inne i text”\n",  # a block of text is kept as written
    }


def test_word_quotes_that_still_cannot_be_read_are_named(tmp_path: Path) -> None:
    code, problems, _ = build(tmp_path, {"ord.md": page("title: ”Om oss: så” arbetar vi\n")})
    assert code == 1
    assert problems == [
        "fel: content/test/ord.md:2: raden går inte att läsa: citattecknen ” kommer från Word och "
        'räknas inte som citattecken här; skriv raka citattecken "..." runt hela värdet, som '
        'title: "Om oss: så arbetar vi"'
    ]


# --- YAML that cannot be read, in plain words -----------------------------------------------

UNREADABLE = "raden går inte att läsa: "
SYNTAX = [
    ("title: Uppstart: Digitalisering\n", 2,
     'ett kolon inne i ett värde; sätt värdet inom citattecken, som title: "Uppstart: Digitalisering"'),
    ("title: Om oss\nsummary: Kort.\n  weight: 2\n", 4,
     "den är indragen längre än raden ovanför, så weight blir en del av värdet där; låt raden "
     "börja lika långt in som raden ovanför"),
    ("title: Om oss\n\tsummary: Kort.\n", 3,
     "den har ett tabbtecken (från tangenten Tab); gör indraget med mellanslag i stället"),
    ("title: Om oss\nbara text\nsummary: Kort.\n", 3,
     "den är varken ett fält med kolon, som `title: Om oss`, eller en punkt i en lista, som "
     "`- robin-kalmendal`; lägg till det som fattas, eller dra in raden om den fortsätter värdet "
     "på raden ovanför"),
    ("title: Om oss\n- robin-kalmendal\n", 3,
     "här står en punkt i en lista (-) där ett fält väntades; skriv listans fält på raden ovanför, "
     "som `contacts:`, och dra in punkterna med två mellanslag"),
    ("title: Om oss\nimage:\n    src: files/bild.png\n  alt: Karta\n", 5,
     "indraget stämmer inte med raderna ovanför; fält på samma nivå ska börja lika långt in, och "
     "fälten inne i ett annat fält dras in två mellanslag"),
    ("title: 'Kim's bok'\n", 2,
     'det står text efter citattecknet som avslutar värdet; sätt citattecken runt hela värdet, '
     'som title: "Kim\'s bok"'),
    ('title: "Om oss\nsummary: Kort.\n', 2,
     'citattecknet " i början av värdet avslutas aldrig; sätt ett " sist i värdet också'),
    ("title: @regionen\n", 2,
     'ett värde kan inte börja med @; sätt värdet inom citattecken, som title: "@regionen"'),
    ("title: Om oss\nkeywords: [energi, vatten\n", 3,
     "det som börjar med [ avslutas inte med ] på samma rad; avsluta med ], och sätt värden med "
     "kolon eller kommatecken inom citattecken"),
    ('title: "C:\\mappar"\n', 2,
     "ett omvänt snedstreck \\ inom dubbla citattecken måste skrivas dubbelt, \\\\; eller sätt "
     "värdet inom enkla citattecken '...'"),
]


@pytest.mark.parametrize(("front", "line", "message"), SYNTAX, ids=lambda v: str(v)[:20])
def test_unreadable_yaml_names_the_line_and_what_to_write(
    tmp_path: Path, front: str, line: int, message: str
) -> None:
    code, problems, _ = build(tmp_path, {"trasig.md": f"---\n{front}---\n\nText.\n"})
    assert code == 1
    assert problems == [f"fel: content/test/trasig.md:{line}: {UNREADABLE}{message}"]


def test_a_field_written_twice_names_both_lines(tmp_path: Path) -> None:
    code, problems, _ = build(tmp_path, {"dubbel.md": page("title: Om oss\nsummary: A.\ntitle: Om\n")})
    assert (code, problems) == (1, [
        "fel: content/test/dubbel.md:4: title: fältet står två gånger (första gången på rad 2); ta "
        "bort den ena raden"
    ])


def test_region_yaml_split_in_two_and_an_invisible_character(tmp_path: Path) -> None:
    contacts = "kim-svensson:\n  name: Kim\x07 Svensson\n"
    code, problems, _ = build(tmp_path, {"contacts.yaml": contacts}, region=REGION + "---\ntheme: x\n")
    assert code == 1
    assert problems == [
        "fel: content/test/contacts.yaml:2: raden har ett osynligt tecken (U+0007) som inte får "
        "finnas i en text; skriv om raden utan det",
        "fel: content/test/region.yaml:11: raden --- delar filen i två delar; ta bort den, så att "
        "alla fält står i samma del",
    ]


# --- files that are not what a page or a settings file must be ----------------------------


def test_a_page_without_front_matter_and_one_with_a_list(tmp_path: Path) -> None:
    files = {"utan.md": "# Rubrik\n\nText.\n", "lista.md": "---\n- title\n- summary\n---\n\nText.\n"}
    code, problems, _ = build(tmp_path, files)
    assert code == 1
    assert problems == [
        "fel: content/test/lista.md:2: huvudet mellan raderna --- ska innehålla fält, ett per "
        "rad, som `title: Om oss`",
        "fel: content/test/utan.md:1: en sida börjar med ett huvud: en rad ---, sedan en rad som "
        "`title: Om oss`, sedan en rad ---; lägg till de raderna överst i filen",
    ]


def test_contacts_yaml_that_is_not_fields(tmp_path: Path) -> None:
    code, problems, _ = build(tmp_path, {"contacts.yaml": "- Kim Svensson\n- Robin\n"})
    assert code == 1
    assert problems == [
        "fel: content/test/contacts.yaml:1: filen ska innehålla fält, ett per rad, som "
        "`robin-kalmendal: {name: Robin Kalmendal}`"
    ]


def test_messages_are_in_english_when_asked(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RUSGEN_LANG", "en")
    files = {"om.md": page("title: Uppstart: Digitalisering\n"), "kraft.md": page("title: Nr #1\n")}
    root = write_site(tmp_path, files)
    result = run_rusgen("check", "--source", str(root))
    assert result.exit_code == 1
    text = result.output
    assert (
        'content/test/om.md:2: this line cannot be read: a colon inside a value; put the value in '
        'quotes, like title: "Uppstart: Digitalisering"' in text.replace(" error:", "")
    )
    assert 'the text after # ("#1") counts as a comment and is left out; put the whole value in ' \
        'quotes: title: "Nr #1" (if it is a comment, write it on a line of its own)' in text


# --- never a traceback, and every message can be said ---------------------------------------

PIECES = st.sampled_from([
    "title:", "color:", "time:", "- ", "  ", "\n", "\t", ":", " #", "#", "”", "“", "„", "»",
    "«", "’", "‘", '"', "'", "[", "]", "{", "}", "13.00", "0104", "x", "å", "|", "\\", "@",
    ": ", "''", "0",
])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(PIECES, max_size=30).map("".join)))
@example("''0: ")  # text after an empty quoted key, on a line with nothing after its colon
def test_every_problem_is_a_message_in_both_languages(text: str) -> None:
    try:
        parsed = read_yaml(text, first_line=2)
    except YamlSyntaxError as exc:
        assert exc.line >= 2
        for lang in LANGUAGES:
            assert say(exc.code, lang, **exc.blanks)
        return
    for note in parsed.notes:
        assert note.line >= 2
        for lang in LANGUAGES:
            assert say(note.code, lang, **dict(note.args))


def test_a_comment_set_apart_after_a_value_is_silent(tmp_path: Path) -> None:
    """The docs' own examples write `name: Robin Kalmendal   # required`: a comment, not text."""
    contacts = "robin:\n  name: Robin Kalmendal           # required\n  role: Regionutvecklare\t# roll\n"
    root = write_site(tmp_path, {"contacts.yaml": contacts})
    result = run_rusgen("check", "--strict", "--source", str(root))
    assert result.exit_code == 0, result.output
