"""No spelling of an old address lets one file take over another page's or file's address."""

from __future__ import annotations

from pathlib import Path

import pytest
from sitekit import REGION, write_site

from rusgen.build import BuildOptions, render_site
from rusgen.errors import ContentErrors
from rusgen.urls import normalise_address


@pytest.mark.parametrize(
    ("written", "address"),
    [
        ("/gamla-adressen/", "gamla-adressen/"),
        ("gamla-adressen", "gamla-adressen/"),
        ("/./om/", "om/"),
        ("//om//", None),
        ("/a//om/", "a/om/"),
        ("/x/../om/", "om/"),
        ("/OM/", "om/"),
        ("/%6Fm/", "om/"),
        ("/om/index.html", "om/"),
        ("/om/INDEX.HTM", "om/"),
        ("/gammal.pdf", "gammal.pdf"),
        ("/../etc/passwd", None),
        ("https://annan.se/om/", None),
        ("/om\x00/", None),
        ("/" + "a" * 256 + "/", None),
        ("/", ""),
    ],
)
def test_an_old_address_is_read_as_a_server_reads_it(written: str, address: str | None) -> None:
    assert normalise_address(written) == address


def errors_of(root: Path) -> list[str]:
    with pytest.raises(ContentErrors) as caught:
        render_site(BuildOptions(source=root))
    return [str(e) for e in caught.value.errors]


@pytest.mark.parametrize("alias", ["/./om/", "/OM/", "/%6fm/", "/om/index.html", "/x/../om/"])
def test_an_alias_cannot_take_over_another_page(tmp_path: Path, alias: str) -> None:
    page = f"---\ntitle: Nytt\nsummary: S.\naliases: [{alias}]\n---\n\nText.\n"
    assert errors_of(write_site(tmp_path, {"nytt.md": page})) == [
        f"content/test/nytt.md:4: aliases: {alias} är samma adress som /om/, som redan används av "
        "content/test/om.md; ett alias får inte ta över en annan sidas eller fils adress; ta bort "
        "det ur aliases"
    ]


def test_an_alias_cannot_take_over_a_published_file(tmp_path: Path) -> None:
    page = "---\ntitle: Nytt\nsummary: S.\naliases:\n  - /files/Rapport.pdf\n---\n\nText.\n"
    root = write_site(tmp_path, {"nytt.md": page, "files/rapport.pdf": b"%PDF-1.4"})
    assert errors_of(root) == [
        "content/test/nytt.md:5: aliases: /files/Rapport.pdf är samma adress som /files/rapport.pdf, "
        "som redan används av content/test/files/rapport.pdf; ett alias får inte ta över en annan "
        "sidas eller fils adress; ta bort det ur aliases"
    ]


@pytest.mark.parametrize("alias", ["/../utanfor/", "https://annan.se/", "/"])
def test_an_alias_outside_the_site_is_refused(tmp_path: Path, alias: str) -> None:
    page = f"---\ntitle: Nytt\nsummary: S.\naliases: ['{alias}']\n---\n\nText.\n"
    assert errors_of(write_site(tmp_path, {"nytt.md": page})) == [
        f'content/test/nytt.md:4: aliases: ska vara en gammal adress på webbplatsen, som '
        f'/gamla-adressen/, men här står "{alias}"'
    ]


@pytest.mark.parametrize("theme", ["../../etc", "/tmp/tema", "default/../x", ".hidden"])
def test_a_theme_is_a_folder_of_themes_never_a_path(tmp_path: Path, theme: str) -> None:
    root = write_site(tmp_path, region=REGION + f"theme: '{theme}'\n")
    assert errors_of(root) == [
        f'content/test/region.yaml:11: theme: ett tema anges med namnet på en mapp i themes/, som '
        f'`theme: default`; "{theme}" går inte att använda'
    ]


@pytest.mark.parametrize("taxonomy", ["news", "events", "sok", "tillganglighet", "kakor", "files", "en"])
def test_a_taxonomy_cannot_take_the_address_of_a_generated_page(tmp_path: Path, taxonomy: str) -> None:
    region = REGION + f"taxonomies:\n  {taxonomy}:\n    title: Grupp\n"
    assert errors_of(write_site(tmp_path, region=region)) == [
        f"content/test/region.yaml:12: taxonomies.{taxonomy}: grupperingens sida skulle få adressen "
        f"/{taxonomy}/, som rusgen redan använder för en egen sida eller mapp; välj ett annat id, som "
        f"{taxonomy}-omraden"
    ]


def add_region(root: Path, region_id: str, base_url: str) -> None:
    """Add a second region to a site written by write_site, at `base_url`."""
    folder = root / "content" / region_id
    folder.mkdir()
    settings = REGION.replace("https://rus.example.se/test/", base_url).replace("Testlän", "Andra").replace(
        "menu: [om, events, news]", "menu: [events, news]"
    )
    (folder / "region.yaml").write_text(settings, "utf-8")
    (folder / "index.md").write_text("---\ntitle: Start\nsummary: Start.\n---\n\nText.\n", "utf-8")


@pytest.mark.parametrize(("base_url", "folder", "taken"), [
    ("https://rus.example.se/test/", "test", "test"),
    ("https://rus.example.se/test/andra/", "test/andra", "test"),
    ("https://annan.example.se/test/", "test", "test"),
])
def test_two_regions_cannot_share_a_folder_of_the_output(
    tmp_path: Path, base_url: str, folder: str, taken: str
) -> None:
    root = write_site(tmp_path)
    add_region(root, "zz-andra", base_url)
    assert errors_of(root) == [
        f"content/zz-andra/region.yaml:3: base_url: adressens sökväg ger mappen {folder}/ i utdata, "
        f"samma som eller inuti mappen {taken}/ som content/test/region.yaml har; ge regionerna olika "
        "sökvägar, som https://rus.example.se/vg/ och https://rus.example.se/jh/"
    ]


@pytest.mark.parametrize(("base_url", "folder"), [
    ("https://rus.example.se/halland/", "halland"),
    ("https://rus.example.se/sv/halland", "sv/halland"),
    ("https://halland.example.se/", "zz-andra"),  # a host of its own: no path, the id
    ("https://halland.example.se/rus/", "rus"),
])
def test_a_regions_folder_follows_the_path_of_its_address(
    tmp_path: Path, base_url: str, folder: str
) -> None:
    root = write_site(tmp_path)
    add_region(root, "zz-andra", base_url)
    site = render_site(BuildOptions(source=root)).site
    assert site.region("zz-andra").output_folder == folder
    # The network index links a region below its address as a folder of public/.
    address = site.region("zz-andra").base_url
    assert site.link_from(None, "", address) == (
        f"{folder}/" if base_url.startswith("https://rus.example.se/") else address
    )
