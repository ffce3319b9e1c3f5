"""Every class of content error is reported as one whole, exact line, without a traceback.

tests/sites/broken/base is a small valid site; tests/sites/broken/cases/<case> holds the
one bad file a case adds to (or replaces in) it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, SITES, output_lines, run_rusgen

CASES = SITES / "broken" / "cases"


def failed(count: int) -> str:
    return f"Bygget misslyckades: {count} fel. Den tidigare publicerade versionen är orörd."


EXPECTED: dict[str, list[str]] = {
    "yaml-syntax": [
        "fel: content/beta/kolon.md:2: raden går inte att läsa: ett kolon inne i ett värde; "
        'sätt värdet inom citattecken, som title: "Uppstart: Digitalisering"',
    ],
    "unclosed-front-matter": [
        "fel: content/beta/oavslutad.md:1: huvudet som börjar med --- på rad 1 avslutas aldrig; "
        "lägg till en rad --- efter det sista fältet",
    ],
    "missing-title": [
        "fel: content/beta/utan-titel.md:2: title: saknas; lägg till en rad som "
        "`title: Kraftsamlingar`",
    ],
    "title-is-a-list": [
        "fel: content/beta/lista.md:2: title: ska vara en text, som `title: Kraftsamlingar`, "
        "men här står en lista",
    ],
    "not-a-date": [
        "fel: content/beta/events/2020-10-15-mobilisering.md:3: start: ska vara datum och "
        'klockslag, som `start: 2020-10-15 09:30` (eller bara ett datum, 2020-10-15), men här '
        'står "15 okt"',
    ],
    "end-before-start": [
        "fel: content/beta/events/2020-10-15-baklanges.md:4: end: evenemanget slutar "
        "(2020-10-15 09:30) innan det börjar (2020-10-15 12:30); rätta en av dem",
    ],
    "unknown-contact": [
        'fel: content/beta/okand-kontakt.md:3: contacts: det finns ingen kontakt "anna-pettersson" '
        "i content/beta/contacts.yaml (de som finns: robin-kalmendal)",
    ],
    "unknown-term": [
        'fel: content/beta/okand-term.md:3: kraftsamlingar: det finns ingen term "vatten" i '
        "content/beta/region.yaml (de som finns: elektrifiering, digitalisering)",
    ],
    "missing-document": [
        'fel: content/beta/dokument.md:5: documents.file: det finns ingen fil "files/saknas.pdf" '
        "i content/beta/; lägg filen där eller rätta sökvägen",
    ],
    "image-without-alt": [
        "fel: content/beta/bild-utan-alt.md:4: image.alt: saknas: beskriv bilden för den som "
        'inte ser den, som alt: "Två personer vid ett bord", eller skriv alt: "" om den bara är '
        "dekoration",
    ],
    "image-file-missing": [
        'fel: content/beta/bild-saknas.md:3: image.src: det finns ingen fil "files/lindholmen.jpg" '
        "i content/beta/; lägg filen där eller rätta sökvägen",
    ],
    "not-utf8": [
        "fel: content/beta/latin1.md:2: filen är inte sparad som UTF-8; spara den som UTF-8 i "
        "din textredigerare (i Anteckningar: Arkiv, Spara som, Kodning: UTF-8)",
    ],
    "broken-link": [
        'fel: content/beta/trasig-lank.md:6: länk: det finns ingen sida eller fil '
        '"kraftsamlingar/index.md" i content/beta/; länka till en sida med dess fil '
        "(kraftsamlingar/index.md), med dess adress (/kraftsamlingar/) eller till en fil i files/ "
        "(files/rapport.pdf)",
    ],
    "slug-collision": [
        "fel: content/beta/om.md:1: adressen /om/ används redan av content/beta/om-oss.md; "
        "byt namn på en av filerna, eller ge sidan en egen adress med en rad som `slug: nytt-namn`",
    ],
    "low-contrast": [
        "fel: content/beta/region.yaml:5: branding.color: #7fb3d5 har kontrasten 2,26:1 "
        "mot vitt; text behöver minst 4,5:1 (WCAG 2.1 AA); välj en mörkare färg",
    ],
    "missing-region-yaml": [
        "fel: content/gamma/region.yaml: filen saknas; varje regionmapp behöver en region.yaml "
        "med minst name, organisation och base_url",
    ],
    "bad-rusgen-yaml": [
        "fel: rusgen.yaml:3: raden går inte att läsa: den är indragen längre än raden ovanför, "
        "så output blir en del av värdet där; låt raden börja lika långt in som raden ovanför",
    ],
}


def broken_site(tmp_path: Path, *cases: str) -> Path:
    """Copy the valid base site, the themes and the bad files of some cases."""
    site = tmp_path / "site"
    shutil.copytree(SITES / "broken" / "base", site)
    shutil.copytree(ROOT / "rusgen" / "themes", site / "themes")
    for case in cases:
        shutil.copytree(CASES / case, site, dirs_exist_ok=True)
    return site


def build(site: Path, output: Path):
    return run_rusgen("build", "--source", str(site), "--output", str(output))


def test_every_case_folder_has_an_expected_message() -> None:
    assert sorted(p.name for p in CASES.iterdir()) == sorted([*EXPECTED, "unknown-key"])


def test_the_base_site_is_valid(tmp_path: Path) -> None:
    result = build(broken_site(tmp_path), tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert not [line for line in output_lines(result) if line.startswith(("fel: ", "varning: "))]


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_one_error_is_reported_whole(case: str, tmp_path: Path) -> None:
    output = tmp_path / "out"
    result = build(broken_site(tmp_path, case), output)
    assert output_lines(result) == [*EXPECTED[case], failed(len(EXPECTED[case]))]
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert not output.exists()


def test_unknown_key_is_a_warning_naming_the_closest_key(tmp_path: Path) -> None:
    output = tmp_path / "out"
    result = build(broken_site(tmp_path, "unknown-key"), output)
    lines = output_lines(result)
    assert lines[0] == (
        "varning: content/beta/stavfel.md:3: sumary: okänt fält, så det används inte; menade du "
        "`summary`?"
    )
    assert lines[1].startswith("Byggde 1 region, 15 sidor till ")
    assert len(lines) == 2
    assert result.exit_code == 0
    assert (output / "beta" / "stavfel" / "index.html").is_file()


def test_every_error_of_one_run_is_reported(tmp_path: Path) -> None:
    cases = [
        "bad-rusgen-yaml", "broken-link", "low-contrast", "missing-region-yaml", "not-a-date",
        "not-utf8", "unknown-contact", "yaml-syntax", "unknown-key", "image-without-alt",
    ]
    output = tmp_path / "out"
    result = build(broken_site(tmp_path, *cases), output)
    errors = sorted(line for case in cases for line in EXPECTED.get(case, []))
    warning = (
        "varning: content/beta/stavfel.md:3: sumary: okänt fält, så det används inte; menade du "
        "`summary`?"
    )
    lines = output_lines(result)
    assert sorted(line for line in lines if line.startswith("fel: ")) == errors
    assert lines[-1] == failed(len(errors))
    assert set(lines) <= {*errors, warning, failed(len(errors))}
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert not output.exists()
