"""No script and no other host reaches a reader's browser from a page body.

Each class of hostile or unlucky raw HTML is written into a real small site, built with
the CLI as a communicator would, and what they see is asserted whole: the Swedish
message, the exit code, and the published HTML of the page.
"""

from __future__ import annotations

import importlib.metadata
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rusgen import store
from rusgen.markdown import LinkTarget, make_markdown, render_markdown
from tests.sitekit import write_site
from tests.test_markdown_guards import FRONT, PNG, run

SCRIPT = "skript får inte finnas i texten, de skulle köras i läsarens webbläsare; ta bort det"
EVENT = ("det är ett skript som körs i läsarens webbläsare, och skript får inte finnas i texten; "
         "ta bort det")
STYLE = "texten kan inte ha en egen formgivning, sidans utseende kommer från temat; ta bort det"
EMBED = ("något som bäddas in i texten hämtas oftast från en annan webbplats, som då får veta vem "
         "som läser sidan, och kan köra skript; länka till det i stället")
SCHEME = ("skriv en webbadress (https://...), en e-postadress (mailto:...), ett telefonnummer "
          "(tel:...) eller en sida eller fil på webbplatsen")
LINK_TO = ("länka till en webbadress (https://...), en e-postadress (mailto:...), ett "
           "telefonnummer (tel:...) eller en sida eller fil på webbplatsen")
ELSEWHERE = "och då får den webbplatsen veta vem som läser sidan; spara bilden i mappen content/test/files/"
ALT = "Två personer vid ett bord"
FAILED = "Bygget misslyckades: {} fel. Den tidigare publicerade versionen är orörd."


def build(tmp_path: Path, body: str, files: dict[str, str | bytes] | None = None,
          lang: str = "") -> tuple[int, list[str], str | None]:
    """Build a site whose om.md has this body (from line 6); return exit code, lines, its <main>."""
    (tmp_path / "site").mkdir(exist_ok=True)
    root = write_site(tmp_path / "site", {"om.md": FRONT + body, **(files or {})})
    code, lines = run(root, "build", "--output", str(tmp_path / "out"), lang=lang)
    page = tmp_path / "out" / "test" / "om" / "index.html"
    main = None
    if page.exists():
        found = re.search(r"<main\b.*?</main>", page.read_text("utf-8"), re.DOTALL)
        assert found, "the page has no <main>"
        main = found.group(0)
    return code, lines, main


def published(tmp_path: Path, body: str, files: dict[str, str | bytes] | None = None,
              lang: str = "") -> tuple[list[str], str]:
    """Build as above; assert that the page was published inert; return its problems and <main>."""
    code, lines, main = build(tmp_path, body, files, lang)
    assert code == 0, lines
    assert main is not None
    assert_inert(main)
    return problems(lines), main


def refused(tmp_path: Path, body: str, errors: int) -> list[str]:
    """Build as above; assert that the build stopped with `errors` errors; return the problems."""
    code, lines, main = build(tmp_path, body, {"files/karta.png": PNG})
    assert code == 1, lines
    assert lines[-1] == FAILED.format(errors)
    assert main is None  # nothing of the site was written
    return problems(lines)


def problems(lines: list[str]) -> list[str]:
    """Return the problem lines about om.md."""
    return [line for line in lines if "content/test/om.md" in line]


def assert_inert(main: str) -> None:
    """Assert that nothing in the published text can run or load anything."""
    lowered = main.lower()
    for bad in ("<script", "<iframe", "<object", "<embed", "<style", "<svg", "<form", "<input",
                "javascript:", "vbscript:", "data:", "annan.se", "alert("):
        assert bad not in lowered, f"{bad} was published: {main}"
    assert not re.search(r"\son[a-z]+\s*=", lowered), main
    assert not re.search(r"""style\s*=\s*["'](?!text-align:(left|center|right)["'])""", lowered), main


# ----------------------------------------------------------------- removed, with a warning


def test_a_script_element_in_any_spelling_is_removed_and_named(tmp_path: Path) -> None:
    body = ("Text <SCRIPT>alert(1)</SCRIPT> här.\n\n<script src=\"https://annan.se/x.js\"></script>\n\n"
            "<div>\n<ScRiPt>\nalert(2)\n</ScRiPt>\n</div>\n\nSlut.\n")
    found, main = published(tmp_path, body)
    assert found == [
        f"varning: content/test/om.md:6: html: <script> togs bort: {SCRIPT}",
        f"varning: content/test/om.md:8: html: <script> togs bort: {SCRIPT}",
        f"varning: content/test/om.md:11: html: <script> togs bort: {SCRIPT}",
    ]
    assert "<p>Text  här.</p>" in main and "<p>Slut.</p>" in main


def test_event_handlers_are_removed_from_any_element(tmp_path: Path) -> None:
    body = ('<img src="files/karta.png" alt="Karta över länet" onerror="alert(1)">\n\n'
            '<p ONCLICK="alert(2)">Klicka</p>\n\n'
            'Se <a href="https://www.regeringen.se/" onmouseover=alert(3)>regeringen</a>.\n\n'
            "<details open ontoggle=alert(4)><summary>Mer</summary>Text</details>\n")
    found, main = published(tmp_path, body, {"files/karta.png": PNG})
    assert found == [
        f"varning: content/test/om.md:6: html: attributet onerror på <img> togs bort: {EVENT}",
        f"varning: content/test/om.md:8: html: attributet onclick på <p> togs bort: {EVENT}",
        f"varning: content/test/om.md:10: html: attributet onmouseover på <a> togs bort: {EVENT}",
        f"varning: content/test/om.md:12: html: attributet ontoggle på <details> togs bort: {EVENT}",
    ]
    assert '<img src="files/karta.png" alt="Karta över länet">' in main
    assert '<a href="https://www.regeringen.se/">regeringen</a>' in main
    assert '<details open=""><summary>Mer</summary>Text</details>' in main


def test_script_addresses_in_raw_html_are_removed_however_they_are_written(tmp_path: Path) -> None:
    body = ('<a href="JaVaScRiPt:alert(1)">ett</a> <a href="jav&#x61;script:alert(2)">två</a>\n'
            '<a href="java&#9;script:alert(3)">tre</a> <a href=" vbscript:msgbox">fyra</a>\n\n'
            '<img src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" alt="Karta över länet">\n')
    found, main = published(tmp_path, body)
    assert found == [
        'varning: content/test/om.md:6: html: href="JaVaScRiPt:alert(1)" på <a> togs bort: en adress '
        f"som börjar med javascript: kan köra skript eller öppna något annat än en sida; {SCHEME}",
        'varning: content/test/om.md:6: html: href="javascript:alert(2)" på <a> togs bort: en adress '
        f"som börjar med javascript: kan köra skript eller öppna något annat än en sida; {SCHEME}",
        'varning: content/test/om.md:7: html: href=" vbscript:msgbox" på <a> togs bort: en adress som '
        f"börjar med vbscript: kan köra skript eller öppna något annat än en sida; {SCHEME}",
        'varning: content/test/om.md:7: html: href="java\tscript:alert(3)" på <a> togs bort: en adress '
        f"som börjar med javascript: kan köra skript eller öppna något annat än en sida; {SCHEME}",
        'varning: content/test/om.md:9: html: src="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=" på <img> '
        "togs bort: en adress som börjar med data: kan köra skript eller öppna något annat än en sida; "
        f"{SCHEME}",
    ]
    assert "<a>ett</a> <a>två</a>" in main and "<a>tre</a> <a>fyra</a>" in main


@pytest.mark.parametrize(("html", "tag", "example"), [
    ('<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ?si=ab" '
     'allowfullscreen></iframe>', "iframe", "[Se filmen på YouTube](https://www.youtube.com/watch?v=dQw4w9WgXcQ)"),
    ('<iframe src="https://player.vimeo.com/video/76979871">Din webbläsare visar inte ramar</iframe>',
     "iframe", "[Se filmen på Vimeo](https://vimeo.com/76979871)"),
    ('<object data="https://annan.se/karta.swf"><embed src="https://annan.se/karta.swf"></object>',
     "object", "[Beskriv vad länken leder till](https://annan.se/karta.swf)"),
    ('<embed src="https://annan.se/karta.swf">', "embed",
     "[Beskriv vad länken leder till](https://annan.se/karta.swf)"),
])
def test_an_embed_is_removed_with_the_advice_to_link_to_it(
    tmp_path: Path, html: str, tag: str, example: str
) -> None:
    found, main = published(tmp_path, f"Filmen:\n\n{html}\n\nSlut.\n")
    assert found == [f"varning: content/test/om.md:8: html: <{tag}> togs bort: {EMBED}: {example}"]
    assert "ramar" not in main  # the fallback text of a frame is not the page's text
    assert "<p>Filmen:</p>" in main and "<p>Slut.</p>" in main


def test_styles_are_removed_but_a_table_keeps_its_alignment(tmp_path: Path) -> None:
    body = ('<style>body { display: none }</style>\n\n<p style="color:red">Röd text</p>\n\n'
            '<span style="text-align:center">Mitten</span>\n\n'
            "| Kommun | Invånare |\n| :-- | --: |\n| Borås | 113 000 |\n")
    found, main = published(tmp_path, body)
    assert found == [
        f"varning: content/test/om.md:6: html: <style> togs bort: {STYLE}",
        f"varning: content/test/om.md:8: html: attributet style på <p> togs bort: {STYLE}",
        f"varning: content/test/om.md:10: html: attributet style på <span> togs bort: {STYLE}",
    ]
    assert "display" not in main and "<p>Röd text</p>" in main and "<span>Mitten</span>" in main
    assert '<th style="text-align:right">Invånare</th>' in main
    assert '<td style="text-align:left">Borås</td>' in main


def test_an_svg_with_a_script_is_removed_whole_and_named_once(tmp_path: Path) -> None:
    body = ('<svg width="10" height="10" onload="alert(1)"><script>alert(2)</script>'
            '<circle r="4"/><text>Hemligt</text></svg>\n\nEfter.\n')
    found, main = published(tmp_path, body)
    assert found == [
        "varning: content/test/om.md:6: html: <svg> togs bort: en bild som ritas direkt i texten kan "
        "innehålla skript; spara bilden som en fil i mappen files/ och visa den med "
        "![Beskrivning av bilden](files/bild.svg)",
    ]
    assert "Hemligt" not in main and "circle" not in main and "<p>Efter.</p>" in main


def test_a_form_is_removed_and_named_once_with_its_fields(tmp_path: Path) -> None:
    body = ('<form action="https://annan.se/svar" method="post">\n<label>Namn <input name="namn">'
            '</label>\n<textarea name="t">Skriv här</textarea>\n<button>Skicka</button>\n</form>\n\n'
            'Sök: <input type="text" name="q">\n')
    found, main = published(tmp_path, body)
    advice = ("ett formulär i texten kan inte skicka svaren någonstans, eftersom webbplatsen inte har "
              "något som tar emot dem; länka i stället till formuläret där det finns")
    assert found == [
        f"varning: content/test/om.md:6: html: <form> togs bort: {advice}",
        "varning: content/test/om.md:7: html: <label> togs bort, men texten i den står kvar: det hör "
        "inte till det som texten på en sida kan innehålla; skriv texten med Markdown i stället",
        f"varning: content/test/om.md:12: html: <input> togs bort: {advice}",
    ]
    assert "<textarea" not in main and "<button" not in main and "Skicka" in main


def test_other_elements_and_attributes_are_named_and_their_text_kept(tmp_path: Path) -> None:
    body = ('<marquee>Välkommen!</marquee>\n\n<meta http-equiv="refresh" content="0;url=https://annan.se/">\n\n'
            '<p class="dold" align="center">Mitt</p>\n')
    found, main = published(tmp_path, body)
    assert found == [
        "varning: content/test/om.md:6: html: <marquee> togs bort, men texten i den står kvar: det hör "
        "inte till det som texten på en sida kan innehålla; skriv texten med Markdown i stället",
        "varning: content/test/om.md:8: html: <meta> togs bort: det hör inte till det som texten på en "
        "sida kan innehålla; ta bort det",
        "varning: content/test/om.md:10: html: attributet align på <p> togs bort: det hör inte till det "
        "som texten på en sida kan innehålla; ta bort det",
        "varning: content/test/om.md:10: html: attributet class på <p> togs bort: det hör inte till det "
        "som texten på en sida kan innehålla; ta bort det",
    ]
    assert "Välkommen!" in main and "<p>Mitt</p>" in main and "refresh" not in main


# --------------------------------------------------------- errors: never published at all


@pytest.mark.parametrize(("body", "message"), [
    pytest.param(
        "Läs [mer](javascript:alert(1)).\n",
        'fel: content/test/om.md:6: länk: länken "javascript:alert(1)" publiceras inte: en adress som '
        f"börjar med javascript: kan köra skript i läsarens webbläsare; {LINK_TO}",
        id="javascript",
    ),
    pytest.param(
        "Läs [mer](JaVaScRiPt:alert(1)).\n",
        'fel: content/test/om.md:6: länk: länken "JaVaScRiPt:alert(1)" publiceras inte: en adress som '
        f"börjar med javascript: kan köra skript i läsarens webbläsare; {LINK_TO}",
        id="mixed-case",
    ),
    pytest.param(
        "Läs [mer](jav&#x61;script:alert(1)).\n",
        'fel: content/test/om.md:6: länk: länken "javascript:alert(1)" publiceras inte: en adress som '
        f"börjar med javascript: kan köra skript i läsarens webbläsare; {LINK_TO}",
        id="entity-encoded",
    ),
    pytest.param(
        "Läs mer: <javascript:alert(1)>\n",
        'fel: content/test/om.md:6: länk: länken "javascript:alert(1)" publiceras inte: en adress som '
        f"börjar med javascript: kan köra skript i läsarens webbläsare; {LINK_TO}",
        id="autolink",
    ),
    pytest.param(
        "Läs [mer][x].\n\n[x]: vbscript:msgbox\n",
        'fel: content/test/om.md:6: länk: länken "vbscript:msgbox" publiceras inte: en adress som '
        f"börjar med vbscript: kan köra skript i läsarens webbläsare; {LINK_TO}",
        id="reference",
    ),
    pytest.param(
        "Läs [mer](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==).\n",
        'fel: content/test/om.md:6: länk: länken "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2Ny'
        'aXB0Pg==" publiceras inte: en adress som börjar med data: kan köra skript i läsarens '
        f"webbläsare; {LINK_TO}",
        id="data-link",
    ),
    pytest.param(
        "Hämta [filen](ftp://ftp.example.se/rapport.pdf).\n",
        'fel: content/test/om.md:6: länk: länken "ftp://ftp.example.se/rapport.pdf" börjar med ftp:, '
        f"och en sådan adress kan läsarens webbläsare inte öppna som en sida; {LINK_TO}",
        id="other-scheme",
    ),
    pytest.param(
        "![Karta över länet](data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAA)\n",
        'fel: content/test/om.md:6: bild: bilden "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAA'
        'BCAYAA…" publiceras inte: en bild ska vara en fil på webbplatsen, inte en adress som börjar '
        "med data:; spara bilden i mappen content/test/files/ och skriv "
        "![Karta över länet](files/bild.png)",
        id="data-image",
    ),
    pytest.param(
        "![Karta över länet](https://annan.se/bilder/Karta.PNG)\n",
        'fel: content/test/om.md:6: bild: bilden "https://annan.se/bilder/Karta.PNG" hämtas från en '
        f"annan webbplats, annan.se, {ELSEWHERE} och skriv ![Karta över länet](files/karta.png)",
        id="markdown-image-elsewhere",
    ),
    pytest.param(
        "![Karta över länet](//annan.se/karta.png)\n",
        'fel: content/test/om.md:6: bild: bilden "//annan.se/karta.png" hämtas från en annan '
        f"webbplats, annan.se, {ELSEWHERE} och skriv ![Karta över länet](files/karta.png)",
        id="markdown-image-without-scheme",
    ),
    pytest.param(
        '<img src="https://annan.se/karta.png" alt="Karta över länet">\n',
        'fel: content/test/om.md:6: html: bilden "https://annan.se/karta.png" hämtas från en annan '
        f'webbplats, annan.se, {ELSEWHERE} och skriv <img src="files/karta.png" alt="{ALT}">',
        id="raw-image-elsewhere",
    ),
    pytest.param(
        '<img src="\\\\annan.se\\karta.png" alt="Karta över länet">\n',
        'fel: content/test/om.md:6: html: bilden "\\\\annan.se\\karta.png" hämtas från en annan '
        f'webbplats, annan.se, {ELSEWHERE} och skriv <img src="files/karta.png" alt="{ALT}">',
        id="raw-image-with-backslashes",
    ),
    pytest.param(
        '<img src="files/karta.png" srcset="https://annan.se/karta-2x.png 2x" alt="Karta över länet">\n',
        'fel: content/test/om.md:6: html: bilden "https://annan.se/karta-2x.png" hämtas från en annan '
        f'webbplats, annan.se, {ELSEWHERE} och skriv <img src="files/karta-2x.png" alt="{ALT}">',
        id="srcset-elsewhere",
    ),
    pytest.param(
        "<p style=\"background: URL( 'https://annan.se/bakgrund.jpg' )\">Text</p>\n",
        'fel: content/test/om.md:6: html: <p> hämtar "https://annan.se/bakgrund.jpg" från en annan '
        f"webbplats, annan.se, {ELSEWHERE} och visa den med ![{ALT}](files/bakgrund.jpg)",
        id="url-in-a-style-attribute",
    ),
])
def test_an_address_that_runs_script_or_loads_another_host_stops_the_build(
    tmp_path: Path, body: str, message: str
) -> None:
    assert refused(tmp_path, body, errors=1) == [message]


def test_url_in_a_style_element_stops_the_build(tmp_path: Path) -> None:
    body = "<style>\np { color: red }\nmain { background: url(//annan.se/bakgrund.png) }\n</style>\n"
    assert refused(tmp_path, body, errors=1) == [
        f"varning: content/test/om.md:6: html: <style> togs bort: {STYLE}",
        'fel: content/test/om.md:8: html: <style> hämtar "//annan.se/bakgrund.png" från en annan '
        f"webbplats, annan.se, {ELSEWHERE} och visa den med ![{ALT}](files/bakgrund.png)",
    ]


def test_a_picture_source_from_another_host_stops_the_build(tmp_path: Path) -> None:
    body = ('<picture>\n<source srcset="https://annan.se/karta.webp 1x, https://annan.se/karta-2x.webp 2x">\n'
            '<img src="files/karta.png" alt="Karta över länet">\n</picture>\n')
    assert refused(tmp_path, body, errors=2) == [
        "varning: content/test/om.md:6: html: <picture> togs bort, men texten i den står kvar: det hör "
        "inte till det som texten på en sida kan innehålla; skriv texten med Markdown i stället",
        'fel: content/test/om.md:7: html: bilden "https://annan.se/karta-2x.webp" hämtas från en annan '
        f'webbplats, annan.se, {ELSEWHERE} och skriv <img src="files/karta-2x.webp" alt="{ALT}">',
        'fel: content/test/om.md:7: html: bilden "https://annan.se/karta.webp" hämtas från en annan '
        f'webbplats, annan.se, {ELSEWHERE} och skriv <img src="files/karta.webp" alt="{ALT}">',
    ]


# ------------------------------------------------------------------------ what is kept


def test_a_communicators_html_and_markdown_its_own_output_are_published_as_meant(tmp_path: Path) -> None:
    body = """\
## På gång 2021

Läs [strategin](files/strategi.pdf) eller [regeringens sida](https://www.regeringen.se/),
mejla <a href="mailto:rus@example.se">oss</a>, ring <a href="tel:+46104410000">010-441 00 00</a>.
Stöd från <abbr title="Europeiska regionala utvecklingsfonden">ERUF</abbr>, CO<sub>2</sub>, 10<sup>3</sup>.

<details>
<summary>Så räknade vi</summary>

Med **Markdown** inuti.[^1]

</details>

<figure>
<img src="files/karta.png" alt="Karta över länet" width="300" height="200" title="Länet">
<figcaption>Länet i dag</figcaption>
</figure>

<table>
<caption>Invånare</caption>
<tr><th scope="col">Kommun</th><th scope="col" colspan="2">År</th></tr>
</table>

<p lang="en" dir="ltr">In English.<br>Two lines.</p>
<div class="notis"><span class="viktigt" id="viktigt">Viktigt</span></div>

[^1]: En fotnot.
"""
    found, main = published(tmp_path, body, {"files/karta.png": PNG, "files/strategi.pdf": b"%PDF-1.4"})
    assert found == []
    for kept in (
        '<h2 id="pa-gang-2021">På gång 2021</h2>',
        '<a href="../files/strategi.pdf">strategin (pdf, 8&nbsp;byte)</a>',
        '<a href="https://www.regeringen.se/">regeringens sida</a>',
        '<a href="mailto:rus@example.se">oss</a>', '<a href="tel:+46104410000">010-441 00 00</a>',
        '<abbr title="Europeiska regionala utvecklingsfonden">ERUF</abbr>', "CO<sub>2</sub>",
        "10<sup>3</sup>", "<details>\n<summary>Så räknade vi</summary>",
        "<p>Med <strong>Markdown</strong> inuti.<sup class=\"footnote-ref\"><a href=\"#fn1\" "
        'id="fnref1">[1]</a></sup></p>',
        '<img src="files/karta.png" alt="Karta över länet" width="300" height="200" title="Länet">',
        "<figcaption>Länet i dag</figcaption>", "<caption>Invånare</caption>",
        '<th scope="col">Kommun</th><th scope="col" colspan="2">År</th>',
        '<p lang="en" dir="ltr">In English.<br>Two lines.</p>',
        '<div class="notis"><span class="viktigt" id="viktigt">Viktigt</span></div>',
        '<li id="fn1" class="footnote-item"><p>En fotnot. <a href="#fnref1" class="footnote-backref">',
    ):
        assert kept in main, f"{kept!r} is missing from:\n{main}"


def test_html_with_marked_sections_is_read_to_the_end_as_a_browser_reads_it(tmp_path: Path) -> None:
    # "<![Karta]" made the standard library's HTML parser raise, and rusgen with it; a
    # browser reads every "<![" up to the next ">" as a comment.
    body = ("<div>\n<![if !supportLists]>·<![endif]>Första punkten\n</div>\n\n"
            "<div>\nSe kartan: <![Karta](files/karta.png)\n</div>\n\nEfter.\n")
    found, main = published(tmp_path, body, {"files/karta.png": PNG})
    assert found == []
    assert "<div>\n·Första punkten\n</div>\n<div>\nSe kartan: \n<p>Efter.</p>\n</div>" in main


def test_a_body_without_raw_html_is_published_exactly_as_markdown_it_writes_it(tmp_path: Path) -> None:
    found, main = published(tmp_path, 'Rad ett  \nrad två och "citat".\n\n---\n')
    assert found == []
    # Not rewritten by the cleaner, which would write <br>, <hr> and a bare quote.
    assert "<p>Rad ett<br />\nrad två och &quot;citat&quot;.</p>\n<hr />" in main


def test_a_cached_page_tells_its_removals_in_the_language_of_a_later_build(tmp_path: Path) -> None:
    body = '<p onclick="alert(1)">Text</p>\n'
    found, _ = published(tmp_path, body)
    assert found == [f"varning: content/test/om.md:6: html: attributet onclick på <p> togs bort: {EVENT}"]
    assert (tmp_path / "site" / ".rusgen-cache" / "store" / "markdown.json").is_file()  # kept there
    found, _ = published(tmp_path, body, lang="en")
    assert found == [
        "warning: content/test/om.md:6: html: the attribute onclick on <p> was removed: it is a "
        "script that runs in the reader's browser, and the text may not hold scripts; remove it",
    ]


def test_the_cleaners_version_is_part_of_every_stored_bodys_key(monkeypatch: pytest.MonkeyPatch) -> None:
    """A body stored by an older cleaner is never used again: its key is another."""
    real = importlib.metadata.version
    before = store.code_version.__wrapped__()
    monkeypatch.setattr(importlib.metadata, "version",
                        lambda name: "0.0.1-older" if name == "nh3" else real(name))
    assert store.code_version.__wrapped__() != before


# ------------------------------------------------------------------- any mix, any order

FRAGMENTS = [
    "<script>alert(1)</script>", "<SCRIPT SRC=//annan.se/x.js></SCRIPT>", '<img src=x onerror="alert(1)">',
    '<a href="jav&#x61;script:alert(1)">a</a>', "<a href='java\tscript:alert(1)'>b</a>",
    '<iframe src="https://annan.se/"></iframe>', "<object data=x></object>", "<embed src=x>",
    '<p style="background:url(x)">', "<style>p{}</style>", "<svg><script>alert(1)</script></svg>",
    "<form><input></form>", "<details open ontoggle=alert(1)>", "</details>", "<scr", "ipt>",
    "<!--", "-->", "<![CDATA[", "]]>", "<math><mi xlink:href=javascript:alert(1)>x</mi></math>",
    "[a](javascript:alert(1))", "![b](data:image/png;base64,AA)", "<javascript:alert(1)>",
    "<a href=' data:text/html,x'>c</a>", "*em*", "\n\n", "\n", "text", "| a |\n|---|\n| b |\n",
    "<div>", "</div>", "<table><tr><td onclick=x>", '"', "'", "<", ">", "&", "&#x3c;script&#x3e;",
    '<img src="https://annan.se/x.png" alt="a">', "<img src=\\\\annan.se\\x.png alt=b>",
    "![c](//annan.se/y.png)", '<img srcset="//annan.se/z.png 2x" src=files/z.png alt=d>',
]


class LiveMarkup(HTMLParser):
    """Collect what in a piece of HTML a browser would run or fetch: read as markup, not as text."""

    RUNS = {"script", "iframe", "frame", "object", "embed", "applet", "style", "svg", "math", "form",
            "input", "button", "base", "meta", "link"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.RUNS:
            self.found.append(f"<{tag}>")
        for name, value in attrs:
            bare = re.sub(r"[\x00-\x20]", "", value or "").lower()
            if name.startswith("on") or (name == "style" and not ALIGNED.fullmatch(bare)):
                self.found.append(f"{tag} {name}")
            if bare.startswith(("javascript:", "vbscript:", "data:")):
                self.found.append(f"{tag} {name}={value}")
            if tag == "img" and name in ("src", "srcset") and "//" in bare.replace("\\", "/"):
                self.found.append(f"{tag} {name}={value}")


ALIGNED = re.compile(r"text-align:(left|center|right)")


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=12))
def test_no_mix_of_fragments_publishes_anything_that_runs(fragments: list[str]) -> None:
    """Not even the HTML of a page with errors, as the preview would show it."""
    md = make_markdown()
    html, _, _ = render_markdown(md, "".join(fragments), resolve=lambda href: LinkTarget(url="x/"),
                                 link_to=lambda url: url, file_label=lambda kind, size: "")
    live = LiveMarkup()
    live.feed(html)
    live.close()
    assert live.found == [], html
