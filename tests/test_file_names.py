"""File names as Windows users write them: `Hållbar energi.md` is published at
/hallbar-energi/ with advice to rename it; links by file name keep working; two files at one
address are refused, naming both; documents keep their names, spaces too."""

from __future__ import annotations

import re
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given
from hypothesis import strategies as st

from rusgen.cli import main
from rusgen.text import slug_path, slugify
from tests.conftest import BUILD_EPOCH
from tests.sitekit import REGION, write_site

ENV = {"SOURCE_DATE_EPOCH": BUILD_EPOCH, "RUSGEN_LANG": ""}
PAGE = "---\ntitle: {title}\nsummary: Om {title}.\n---\n\n{body}\n"
RENAME_PAGE = (
    "varning: content/test/{file}: sidan publiceras på adressen /{url}; byt gärna namn på filen "
    "till {better}, så stämmer filnamn och adress"
)


def rusgen(root: Path, *args: str, env: dict[str, str] = ENV) -> tuple[int, list[str]]:
    result = CliRunner(env=env).invoke(main, [*args, "--source", str(root)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output.strip().split("\n")


def page(title: str, body: str = "Text.") -> str:
    return PAGE.format(title=title, body=body)


def hrefs(html_file: Path) -> list[str]:
    return re.findall(r'<a href="([^"]+)"', html_file.read_text("utf-8"))


def test_a_file_name_with_spaces_and_swedish_letters_is_published_at_its_slug(tmp_path: Path) -> None:
    root = write_site(tmp_path, {
        "Hållbar energi.md": page("Hållbar energi"),
        "Hållbar energi.en.md": page("Sustainable energy"),
        "om.md": page("Om oss", "Läs om [energi](<Hållbar energi.md>) och [igen](Hållbar%20energi.md)."),
    })
    code, lines = rusgen(root, "build")
    assert code == 0, lines
    assert RENAME_PAGE.format(file="Hållbar energi.md", url="hallbar-energi/",
                              better="hallbar-energi.md") in lines
    assert RENAME_PAGE.format(file="Hållbar energi.en.md", url="en/hallbar-energi/",
                              better="hallbar-energi.en.md") in lines
    public = root / "public/test"
    assert "<h1>Hållbar energi</h1>" in (public / "hallbar-energi/index.html").read_text("utf-8")
    english = (public / "en/hallbar-energi/index.html").read_text("utf-8").replace("\u00ad", "")
    assert "<h1>Sustainable energy</h1>" in english  # soft hyphens aside
    assert not list(public.glob("H*"))
    # Links written with the file's own name lead to its address.
    links = hrefs(public / "om/index.html")
    assert links.count("../hallbar-energi/") == 2
    # The two languages of the page know each other.
    assert '<a href="../en/hallbar-energi/" hreflang="en" lang="en">English</a>' in (
        public / "hallbar-energi/index.html").read_text("utf-8")


def test_a_folder_with_capitals_is_published_at_its_slug(tmp_path: Path) -> None:
    root = write_site(tmp_path, {
        "Kraft Samlingar/index.md": page("Kraftsamlingar", "Se [el](Elektrifiering.md)."),
        "Kraft Samlingar/Elektrifiering.md": page("Elektrifiering"),
        "events/2026-12-01-Öppet möte.md": "---\ntitle: Öppet möte\nsummary: Möte.\n"
                                          "start: 2026-12-01 9.30\n---\n\nText.\n",
    })
    code, lines = rusgen(root, "build")
    assert code == 0, lines
    assert (
        "varning: content/test/Kraft Samlingar: sidorna i mappen publiceras under adressen "
        "/kraft-samlingar/; byt gärna namn på mappen till kraft-samlingar, så stämmer mappnamn "
        "och adress"
    ) in lines
    assert RENAME_PAGE.format(file="Kraft Samlingar/Elektrifiering.md",
                              url="kraft-samlingar/elektrifiering/", better="elektrifiering.md") in lines
    assert RENAME_PAGE.format(file="events/2026-12-01-Öppet möte.md", url="events/oppet-mote/",
                              better="2026-12-01-oppet-mote.md") in lines
    public = root / "public/test"
    section = (public / "kraft-samlingar/index.html").read_text("utf-8")
    assert 'href="elektrifiering/"' in section  # the link in the text, and the section's list
    assert (public / "kraft-samlingar/elektrifiering/index.html").is_file()
    assert (public / "events/oppet-mote/index.html").is_file()


def test_two_files_at_one_address_are_refused_naming_both(tmp_path: Path) -> None:
    root = write_site(tmp_path, {
        "Hållbar energi.md": page("Hållbar energi"),
        "hallbar-energi.md": page("Hållbar energi igen"),
    })
    code, lines = rusgen(root, "build")
    assert code == 1
    assert (
        "fel: content/test/hallbar-energi.md:1: adressen /hallbar-energi/ används redan av "
        "content/test/Hållbar energi.md; byt namn på en av filerna, eller ge sidan en egen adress "
        "med en rad som `slug: nytt-namn`"
    ) in lines
    assert not (root / "public").exists()


def test_a_name_without_letters_is_refused(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"§§.md": page("Paragrafer")})
    code, lines = rusgen(root, "check")
    assert code == 1
    assert lines[0] == (
        'content/test/§§.md: fel: namnet "§§.md" har inga bokstäver a–z eller siffror att göra en '
        "adress av; byt namn, till exempel till om-oss.md"
    )


def test_a_document_with_a_space_keeps_its_name_and_its_links(tmp_path: Path) -> None:
    root = write_site(tmp_path, {
        "files/Rapport 2021.pdf": b"%PDF-1.4 " + b"x" * 2000,
        "files/Foto Kim.png": bytes.fromhex(  # a real 1 x 1 image: the build resizes every PNG
            "89504e470d0a1a0a0000000d4948445200000001000000010802000000907753de0000000c4944"
            "4154789c63382127070002b6010534a675aa0000000049454e44ae426082"),
        "om.md": page("Om oss", "[Rapporten](<files/Rapport 2021.pdf>)\n\n"
                      "![Kim vid bordet](files/Foto%20Kim.png)"),
    })
    code, lines = rusgen(root, "build")
    assert code == 0, lines
    assert (
        "varning: content/test/files/Rapport 2021.pdf: filnamnet har mellanslag, som gör länkar "
        "till filen krångliga att skriva; byt gärna namn på filen till rapport-2021.pdf och ändra "
        "länkarna dit"
    ) in lines
    public = root / "public/test"
    assert (public / "files/Rapport 2021.pdf").read_bytes().startswith(b"%PDF")
    html = (public / "om/index.html").read_text("utf-8")
    # An address has no spaces: the name on disk is written %20 in the link.
    assert '<a href="../files/Rapport%202021.pdf">Rapporten (pdf, 2' in html
    assert '<img src="../files/Foto%20Kim.png" alt="Kim vid bordet" />' in html


def test_names_in_english(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"Hållbar energi.md": page("Hållbar energi")})
    code, lines = rusgen(root, "build", env={**ENV, "RUSGEN_LANG": "en"})
    assert code == 0
    assert (
        "warning: content/test/Hållbar energi.md: the page is published at the address "
        "/hallbar-energi/; consider renaming the file to hallbar-energi.md, so the file name and "
        "the address agree"
    ) in lines


NAME = st.text(st.characters(blacklist_characters="/.", blacklist_categories=("Cs",)), min_size=1)


@given(st.lists(NAME, min_size=1, max_size=3), st.sampled_from([".md", ".en.md"]))
def test_slug_path_makes_every_part_an_address(parts: list[str], suffix: str) -> None:
    rel = "/".join(parts) + suffix
    slugged = slug_path(rel)
    assert slugged.endswith(suffix)
    assert slug_path(slugged) == slugged
    for written, made in zip(parts, slugged.removesuffix(suffix).split("/"), strict=True):
        assert made == (slugify(written) or written)


def test_the_menu_may_name_a_page_by_its_address(tmp_path: Path) -> None:
    region = REGION.replace("menu: [om, events, news]", "menu: [om, hallbar-energi]")
    root = write_site(tmp_path, {"Hållbar energi.md": page("Hållbar energi")}, region=region)
    code, lines = rusgen(root, "build")
    assert code == 0, lines
    home = (root / "public" / "test" / "index.html").read_text("utf-8")
    assert '<li><a href="hallbar-energi/">Hållbar energi</a></li>' in home  # the menu
