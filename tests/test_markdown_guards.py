"""Markdown that cannot go wrong in public: what a communicator writes, and what they see.

Each mistake is written as a communicator would write it, and the whole Swedish message
of `rusgen check` is asserted; what passes is built and its published HTML is read.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from rusgen.cli import main
from rusgen.loader import load_project
from rusgen.markdown import LinkTarget, make_markdown, render_markdown
from rusgen.outputs.region_view import RegionView
from rusgen.schema import build_site
from tests.conftest import BUILD_EPOCH
from tests.sitekit import REGION, write_site

PNG = bytes.fromhex(  # a real 1 x 1 image: the build resizes every PNG
    "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de"
    "0000000c49444154789c63382127070002b6010534a675aa0000000049454e44ae426082"
)
FRONT = "---\ntitle: Om oss\nsummary: Vilka vi är.\n---\n\n"
TAXONOMY = """\
taxonomies:
  kraftsamlingar:
    title: Kraftsamlingar
    terms:
      elektrifiering: {title: Elektrifiering}
"""


def run(root: Path, *args: str, lang: str = "") -> tuple[int, list[str]]:
    env = {"SOURCE_DATE_EPOCH": BUILD_EPOCH, **({"RUSGEN_LANG": lang} if lang else {})}
    result = CliRunner(env=env).invoke(main, [*args, "--source", str(root)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output.strip().split("\n")


def check_body(tmp_path: Path, body: str, files: dict[str, str | bytes] | None = None,
               lang: str = "") -> tuple[int, list[str]]:
    """Check a site whose page om.md has this body (on line 6); return the problem lines."""
    root = write_site(tmp_path, {"om.md": FRONT + body, **(files or {})})
    code, lines = run(root, "check", lang=lang)
    return code, lines[:-1]


def built_page(tmp_path: Path, body: str, files: dict[str, str | bytes] | None = None,
               region: str = REGION) -> str:
    """Build a site whose page om.md has this body; return om/index.html."""
    root = write_site(tmp_path, {"om.md": FRONT + body, **(files or {})}, region=region)
    code, lines = run(root, "build", "--output", str(tmp_path / "out"))
    assert code == 0, lines
    return (tmp_path / "out" / "test" / "om" / "index.html").read_text("utf-8")


# ------------------------------------------------------------ links left as plain text


def test_a_space_in_an_image_file_name_is_an_error_that_suggests_the_new_name(tmp_path: Path) -> None:
    code, lines = check_body(tmp_path, "![Kim vid bordet](files/Foto Kim.png)\n",
                             {"files/Foto Kim.png": PNG})
    assert code == 1
    # The file itself gets a warning of its own name (file_names.py); this is the link's error.
    assert [line for line in lines if line.startswith("content/test/om.md")] == [
        'content/test/om.md:6: fel: bild: filnamnet "files/Foto Kim.png" har mellanslag, och en '
        "länk kan inte ha mellanslag i adressen, så den visas som vanlig text på sidan; byt namn "
        "på filen till files/foto-kim.png och skriv ![Kim vid bordet](files/foto-kim.png)",
    ]


def test_the_renamed_image_is_published_with_its_description(tmp_path: Path) -> None:
    html = built_page(tmp_path, "![Kim vid bordet](files/foto-kim.png)\n", {"files/foto-kim.png": PNG})
    # Shown through the theme's picture, in the sizes the build made of it.
    assert 'srcset="../files/foto-kim.1.png 1w"' in html
    assert 'alt="Kim vid bordet"' in html
    assert "![" not in html


ADVICE = ("länka till en sida med dess fil (kraftsamlingar/index.md), med dess adress "
          "(/kraftsamlingar/) eller till en fil i files/ (files/rapport.pdf)")
SECTION = {"kraftsamlingar/index.md": "---\ntitle: Kraftsamlingar\nsummary: S.\n---\n\nText.\n"}
# (what the page body says, the files beside it, the whole message of each line of `check`)
MISTAKES = [
    pytest.param(
        'Läs först.\nSe [Inbjudan](files/Inbjudan Möte 2021.PDF "Inbjudan")\n', {},
        'content/test/om.md:7: fel: länk: filnamnet "files/Inbjudan Möte 2021.PDF" har mellanslag, '
        "och en länk kan inte ha mellanslag i adressen, så den visas som vanlig text på sidan; byt "
        "namn på filen till files/inbjudan-mote-2021.pdf och skriv "
        '[Inbjudan](files/inbjudan-mote-2021.pdf "Inbjudan")',
        id="space-in-a-file-name-keeps-the-title",
    ),
    pytest.param(
        "[Rapporten](https://example.se/rapport 2021.pdf)\n", {},
        'content/test/om.md:6: fel: länk: adressen "https://example.se/rapport 2021.pdf" har '
        "mellanslag, så länken visas som vanlig text på sidan; skriv %20 i stället för varje "
        "mellanslag: [Rapporten](https://example.se/rapport%202021.pdf)",
        id="space-in-a-web-address",
    ),
    pytest.param(
        "[Strategin] (files/strategi.pdf) finns [här] (på svenska).\n\n"
        "Skriv `[text](en adress)` och \\[så här](inte en länk).\n",
        {"files/strategi.pdf": b"%PDF-1.4"},
        'content/test/om.md:6: fel: länk: "[Strategin] (files/strategi.pdf)" visas som vanlig text '
        "på sidan, eftersom det står ett mellanslag mellan ] och (; ta bort mellanslaget: "
        "[Strategin](files/strategi.pdf)",
        id="space-between-the-brackets-but-not-prose-code-or-escapes",
    ),
    pytest.param(
        "Läs [strategin](files/strategi.pdf\n", {"files/strategi.pdf": b"%PDF-1.4"},
        'content/test/om.md:6: fel: länk: "[strategin](files/strategi.pdf" visas som vanlig text '
        "på sidan, eftersom länken saknar ) på slutet; skriv den som [text](adress), med ) efter "
        "adressen",
        id="no-closing-parenthesis",
    ),
    pytest.param(
        "Se [rapporten](files/rapport(2.pdf).\n", {},
        'content/test/om.md:6: fel: länk: adressen "files/rapport(2.pdf" innehåller "(", som en '
        "länk inte kan ha, så länken visas som vanlig text på sidan; byt namn på filen till "
        "files/rapport-2.pdf och skriv [rapporten](files/rapport-2.pdf)",
        id="parenthesis-in-a-file-name",
    ),
    pytest.param(
        "Se [den](<files/Rapport.pdf>).\n", {},
        'content/test/om.md:6: fel: länk: det finns ingen sida eller fil "files/Rapport.pdf" i '
        f"content/test/; {ADVICE}",
        id="missing-file-in-angle-brackets",
    ),
    pytest.param(
        "Se [alla evenemang](events/).\n", {},
        'content/test/om.md:6: fel: länk: "events/" är en adress på webbplatsen, och en sådan '
        "börjar med /; skriv [alla evenemang](/events/)",
        id="address-without-its-slash",
    ),
    pytest.param(
        "Se [kraftsamlingarna](kraftsamligar/index.md).\n", SECTION,
        'content/test/om.md:6: fel: länk: det finns ingen sida eller fil "kraftsamligar/index.md" '
        "i content/test/; menar du kraftsamlingar/index.md? Skriv "
        "[kraftsamlingarna](kraftsamlingar/index.md)",
        id="mistyped-page-gets-the-closest",
    ),
    pytest.param(
        "Se [evenemangen](/evenemang/).\n", {},
        f'content/test/om.md:6: fel: länk: det finns ingen sida eller fil "/evenemang/" i '
        f"content/test/; {ADVICE}",
        id="unknown-address",
    ),
    pytest.param(
        "![Karta över länet](karta.png)\n", {},
        'content/test/om.md:6: fel: bild: det finns ingen bild "karta.png" i content/test/; lägg '
        "bildfilen i mappen content/test/files/ och skriv ![Karta över länet](files/karta.png)",
        id="missing-image",
    ),
    pytest.param(
        "![](files/karta.png)\n", {"files/karta.png": PNG},
        'content/test/om.md:6: fel: bild: bilden "files/karta.png" har ingen beskrivning; skriv '
        "vad bilden visar för den som inte ser den, som ![Två personer vid ett bord](files/karta.png), "
        'eller ![](files/karta.png "dekor") om bilden bara är dekoration',
        id="image-without-a-description",
    ),
    pytest.param(
        '<img src="files/karta.png">\n', {"files/karta.png": PNG},
        'content/test/om.md:6: fel: bild: bilden "files/karta.png" har ingen beskrivning; skriv '
        'vad bilden visar för den som inte ser den, som alt="Två personer vid ett bord", eller '
        'alt="" om bilden bara är dekoration',
        id="raw-html-image-without-alt",
    ),
]


@pytest.mark.parametrize(("body", "files", "expected"), MISTAKES)
def test_a_mistake_is_an_error_saying_what_to_write(
    tmp_path: Path, body: str, files: dict[str, str | bytes], expected: str
) -> None:
    assert check_body(tmp_path, body, files) == (1, [expected])


# ------------------------------------------------------------------------ descriptions


def test_a_decorative_image_is_published_with_an_empty_alt_and_no_title(tmp_path: Path) -> None:
    html = built_page(tmp_path, '![](files/linje.png "dekor")\n', {"files/linje.png": PNG})
    picture = html.split("<picture>", 1)[1].split("</picture>", 1)[0]
    assert 'src="../files/linje.1.png"' in picture and 'alt=""' in picture
    assert "title=" not in picture


@pytest.mark.parametrize("alt", ["bild", "Foto.", "logga", "Image"])
def test_a_description_that_only_says_image_warns(tmp_path: Path, alt: str) -> None:
    code, lines = check_body(tmp_path, f"![{alt}](files/karta.png)\n", {"files/karta.png": PNG})
    assert code == 0
    assert lines == [
        f'content/test/om.md:6: varning: bild: bildens beskrivning "{alt}" säger bara att det är '
        "en bild, inte vad den visar; skriv vad man ser, som ![Två personer vid ett "
        'bord](files/karta.png), eller ![](files/karta.png "dekor") om bilden bara är dekoration',
    ]


@pytest.mark.parametrize("alt", ["IMG_1234.jpg", "foto-kim", "DSC0042"])
def test_a_file_name_as_description_warns(tmp_path: Path, alt: str) -> None:
    code, lines = check_body(tmp_path, f"![{alt}](files/foto-kim.png)\n", {"files/foto-kim.png": PNG})
    assert lines == [
        f'content/test/om.md:6: varning: bild: bildens beskrivning "{alt}" är ett filnamn, som '
        "skärmläsare läser upp; skriv vad bilden visar, som ![Två personer vid ett "
        'bord](files/foto-kim.png), eller ![](files/foto-kim.png "dekor") om bilden bara är '
        "dekoration",
    ]


def test_a_vague_front_matter_alt_warns_on_its_line(tmp_path: Path) -> None:
    page = ("---\ntitle: Om oss\nsummary: S.\nimage:\n  src: files/karta.png\n  alt: Bild\n---\n\n"
            "Text.\n")
    root = write_site(tmp_path, {"om.md": page, "files/karta.png": PNG})
    assert run(root, "check")[1][:-1] == [
        'content/test/om.md:6: varning: image.alt: bildens beskrivning "Bild" säger bara att det '
        'är en bild, inte vad den visar; skriv vad man ser, som alt: "Två personer vid ett bord", '
        'eller alt: "" om bilden bara är dekoration',
    ]


# ------------------------------------------------------------ links to generated pages


ADDRESSES = {
    "/events/": "../events/", "/news": "../news/", "/sok/": "../sok/",
    "/en/search/": "../en/search/", "/tillganglighet/": "../tillganglighet/",
    "/en/accessibility/": "../en/accessibility/", "/personuppgifter/index.html": "../personuppgifter/",
    "/kakor/": "../kakor/", "/en/personal-data/": "../en/personal-data/",
    "/en/cookies": "../en/cookies/", "/kraftsamlingar/": "../kraftsamlingar/",
    "/kraftsamlingar/elektrifiering/": "../kraftsamlingar/elektrifiering/",
    "/": "../", "/index.html": "../", "/en/": "../en/", "/en/events/": "../en/events/",
    "/events/#kommande": "../events/#kommande",
}


def test_generated_pages_are_linked_by_their_address(tmp_path: Path) -> None:
    body = "\n".join(f"- [sida {n}]({href})" for n, href in enumerate(ADDRESSES)) + "\n"
    html = built_page(tmp_path, body, region=REGION + TAXONOMY)
    for n, url in enumerate(ADDRESSES.values()):
        assert f'<a href="{url}">sida {n}</a>' in html


def test_messages_are_english_with_rusgen_lang_en(tmp_path: Path) -> None:
    code, lines = check_body(tmp_path, "![Kim](files/Foto Kim.png) ![](files/a.png)\n",
                             {"files/a.png": PNG}, lang="en")
    assert lines == [
        'content/test/om.md:6: error: image: the file name "files/Foto Kim.png" has a space, and a '
        "link cannot have a space in its address, so it is shown as plain text on the page; "
        "rename the file files/foto-kim.png and write ![Kim](files/foto-kim.png)",
        'content/test/om.md:6: error: image: the image "files/a.png" has no description; write '
        "what it shows for readers who cannot see it, like ![Två personer vid ett "
        'bord](files/a.png), or ![](files/a.png "dekor") if it is only decoration',
    ]


def test_the_addresses_links_may_use_are_the_generated_pages(tmp_path: Path) -> None:
    from rusgen.errors import Problems

    root = write_site(tmp_path, region=REGION + TAXONOMY)
    problems = Problems()
    site = build_site(load_project(root, problems), problems, datetime(2026, 11, 22, tzinfo=UTC),
                      False)
    region = site.regions[0]
    blank_titles: dict[str, dict[str, str]] = defaultdict(lambda: defaultdict(str))
    view = RegionView(region, site.build_time, blank_titles)
    made = {v.url for lang in region.languages for v in view._generated(lang)}
    assert view.generated_urls() == made


def test_links_to_a_page_that_cannot_be_read_name_it_as_their_cause(tmp_path: Path) -> None:
    from rusgen.build import BuildOptions, check
    from rusgen.errors import ContentErrors

    body = "[a](kraftsamlingar/index.md) [b](/kraftsamlingar/) [c](saknas.md) [d](/saknas/)\n"
    root = write_site(tmp_path, {
        "om.md": FRONT + body,
        "kraftsamlingar/index.md": "---\ntitle: Uppstart: el\nsummary: S.\n---\n\nText.\n",
    })
    with pytest.raises(ContentErrors) as raised:
        check(BuildOptions(source=root))
    links = {(e.code, e.message.split('"')[1], e.about) for e in raised.value.errors
             if e.path == "content/test/om.md"}
    assert links == {
        ("link.missing", "kraftsamlingar/index.md", "content/test/kraftsamlingar/index.md"),
        ("link.missing", "/kraftsamlingar/", "content/test/kraftsamlingar/index.md"),
        ("link.missing", "saknas.md", "content/test/saknas.md"),
        ("link.missing", "/saknas/", ""),
    }


# ------------------------------------------------------------------- never a traceback

MARKDOWN_BITS = st.sampled_from(
    ["[", "]", "(", ")", "!", " ", "\n", "\n\n", '"', "<", ">", "`", "\\", "*", "#", "Foto Kim",
     "files/a.png", ".md", "dekor", "https://x.se/", "<img src=a>", "IMG_1.jpg", "å"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(MARKDOWN_BITS, max_size=30).map("".join))
def test_any_markdown_renders_without_a_traceback(body: str) -> None:
    html, broken, notes = render_markdown(
        make_markdown(), body, lambda href: LinkTarget(url="om/") if href == "om.md" else None,
        link_to=lambda url: url, file_label=lambda kind, size: "",
    )
    assert isinstance(html, str)
    assert all(note.code for note in notes)
