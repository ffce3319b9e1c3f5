"""What the original pages said is on the generated sites (the seed texts, hard-coded here).

The facts come from the pages the content was written from; the tests read only the built
site, so they run where those seed texts are not available.
"""

from __future__ import annotations

import html as htmllib
import re
from pathlib import Path

import pytest

NBSP = "\u00a0"
# A document in another language than the page says which first: "(på engelska, pdf, 1,3 kB)".
SIZE = r"\((på engelska, )?pdf, \d+(,\d)?" + NBSP + r"kB\)"


def raw(site: Path, url: str) -> str:
    path = site / url / "index.html" if not url.endswith(".html") else site / url
    assert path.is_file(), f"{url}: no such page in the built site"
    return path.read_text(encoding="utf-8")


def main_text(site: Path, url: str) -> str:
    """Return the text of a page's <main>, as a reader sees it, spaces collapsed."""
    page = raw(site, url)
    main = page[page.index("<main"): page.index("</main>")]
    # Soft hyphens and <wbr> only show where a line breaks: a reader sees whole words.
    main = main.replace("<wbr>", "").replace("\u00ad", "")
    text = htmllib.unescape(re.sub(r"<[^>]+>", " ", main))
    return re.sub(r"\s+", " ", text)


def pdf_links(page: str) -> list[str]:
    """Return the text of every link to a PDF, as read aloud: tags gone, no-break spaces kept."""
    found = re.findall(r'<a href="[^"]+\.pdf"[^>]*>(.*?)</a>', page, flags=re.S)
    return [re.sub(r"[ \t\n]+", " ", htmllib.unescape(re.sub(r"<[^>]+>", "", t))).strip()
            for t in found]


def assert_says(text: str, *facts: str) -> None:
    missing = [fact for fact in facts if fact not in text]
    assert not missing, f"missing on the page: {missing}"


# --- Västra Götaland: kraftsamlingar --------------------------------------------------------

UPPSTARTER = {
    "uppstart-fullfoljda-studier": ("Uppstart: Kraftsamling fullföljda studier",
                                    "torsdag 27 maj 2021, kl. 13.30–16.00"),
    "uppstart-digitalisering": ("Uppstart: Kraftsamling digitalisering",
                                "onsdag 2 juni 2021, kl. 13.00–16.30"),
    "uppstart-cirkulara-affarsmodeller": ("Uppstart: Kraftsamling cirkulära affärsmodeller",
                                          "torsdag 3 juni 2021, kl. 9.00–11.00"),
    "uppstart-elektrifiering": ("Uppstart: Kraftsamling elektrifiering", "torsdag 17 juni 2021"),
}


def test_vg_kraftsamlingar_names_the_four_and_credits_the_photo(built_site: Path) -> None:
    text = main_text(built_site, "vg/kraftsamlingar")
    assert_says(
        text,
        "fyra tvärsektoriella kraftsamlingar",
        "elektrifiering, digitalisering, cirkulära affärsmodeller och fullföljda studier",
        "under fyra år, 2021–2024",
        "stärka innovationskraften, bygga kompetens, öka inkludering och knyta samman "
        "Västra Götaland",
        "länets 49 kommuner och fyra kommunalförbund",
        "På gång 2021",
        "Uppstart för kraftsamlingar",
        "Foto: Lindholmen Science Park",
        "Fotograf: Robin Aron",
        "Sidan uppdateras när mer information finns.",
        "Senast uppdaterad: 21 april 2021 kl. 15.51",
        *(title for title, _ in UPPSTARTER.values()),
    )
    page = raw(built_site, "vg/kraftsamlingar")
    image = re.search(r'<img [^>]*src="[^"]*lindholmen[^"]*"[^>]*>', page)
    assert image, "the Lindholmen photo is missing"
    alt = re.search(r'alt="([^"]*)"', image.group(0))
    assert alt and alt.group(1).strip(), "the Lindholmen photo needs an alt text"
    for slug in UPPSTARTER:
        assert f'href="../events/{slug}/"' in page, f"no link to the start-up {slug}"


@pytest.mark.parametrize("slug", sorted(UPPSTARTER))
def test_vg_start_up_event_says_when(built_site: Path, slug: str) -> None:
    title, when = UPPSTARTER[slug]
    assert_says(main_text(built_site, f"vg/events/{slug}"), title, when)


def test_vg_events_list_holds_the_four_start_ups(built_site: Path) -> None:
    text = main_text(built_site, "vg/events")
    assert_says(text, *(f"{title} {when}" for title, when in UPPSTARTER.values()))


# --- Västra Götaland: smart specialisering ----------------------------------------------------

VG_DOCUMENTS = (
    "Smart specialisering i Västra Götaland",
    "Smart Specialisation in Västra Götaland",
    "Regional utvecklingsstrategi 2021–2030",
    "Kartläggning av europeiska regioner med liknande smart specialisering",
)


def test_vg_smart_specialisering_lists_documents_with_type_and_size(built_site: Path) -> None:
    links = pdf_links(raw(built_site, "vg/smart-specialisering"))
    # A document in another language than the page says so, before its type and size.
    assert any(re.fullmatch(r"Smart Specialisation in Västra Götaland \(på engelska, pdf, [\d,]+\u00a0kB\)",
                            link) for link in links), links
    for title in VG_DOCUMENTS:
        assert any(re.fullmatch(re.escape(title) + " " + SIZE, link) for link in links), (
            f"no document link '{title} (pdf, ... kB)' among {links}"
        )
    assert_says(
        main_text(built_site, "vg/smart-specialisering"),
        "EU:s tioårsstrategi för tillväxt och sysselsättning",
        "Strategi för smart specialisering",
        "Utvecklingsområden",
        "Förutsättningar för en attraktiv och hållbar region",
        "Förutsättningar för kunskapsbaserad utveckling",
        "IKT", "Hållbar produktion",
        "Senast uppdaterad: 4 januari 2022 kl. 14.42",
    )


def test_vg_smart_specialisering_has_robin_kalmendals_contact_card(built_site: Path) -> None:
    page = raw(built_site, "vg/smart-specialisering")
    assert_says(main_text(built_site, "vg/smart-specialisering"),
                "Robin Kalmendal", "Regionutvecklare")
    assert '<a href="tel:+46104410000">010-441 00 00</a>' in page


def test_vg_smart_specialisering_has_an_english_version_with_hreflang(built_site: Path) -> None:
    sv = raw(built_site, "vg/smart-specialisering")
    en = raw(built_site, "vg/en/smart-specialisering")
    assert '<html lang="sv"' in sv
    assert '<html lang="en"' in en
    for page in (sv, en):
        assert re.search(r'<link rel="alternate" hreflang="en" href="[^"]*/en/smart-specialisering/"',
                         page)
        assert re.search(r'<link rel="alternate" hreflang="sv" href="[^"]*/vg/smart-specialisering/"',
                         page)
    assert "Smart Specialisation in Västra Götaland" in main_text(
        built_site, "vg/en/smart-specialisering"
    )


# --- Jämtland Härjedalen: twelve meetings -----------------------------------------------------

JH_MEETINGS = {
    "dialogmote-jord-skog-och-vatten": "tisdag 18 augusti 2020, kl. 10.00–12.00",
    "dialogmote-hallbar-energi": "onsdag 19 augusti 2020, kl. 13.00–15.00",
    "dialogmote-upplevelser": "fredag 21 augusti 2020, kl. 9.00–11.00",
    "dialogmote-digitala-losningar": "fredag 21 augusti 2020, kl. 13.00–15.00",
    "vision-jord-skog-och-vatten": "måndag 21 september 2020, kl. 9.30–12.30",
    "vision-upplevelser": "måndag 21 september 2020, kl. 13.15–16.30",
    "vision-digitala-losningar": "tisdag 22 september 2020, kl. 9.30–12.30",
    "vision-hallbar-energi": "tisdag 22 september 2020, kl. 13.15–16.30",
    "mobilisering-jord-skog-och-vatten": "torsdag 15 oktober 2020, kl. 9.30–12.30",
    "mobilisering-upplevelser": "torsdag 15 oktober 2020, kl. 13.15–16.30",
    "mobilisering-digitala-losningar": "fredag 16 oktober 2020, kl. 9.30–12.30",
    "mobilisering-hallbar-energi": "fredag 16 oktober 2020, kl. 13.15–16.30",
}
JH_CONFERENCE_IDS = {
    "mobilisering-jord-skog-och-vatten": "243 401 317#",
    "mobilisering-upplevelser": "678 029 206#",
    "mobilisering-digitala-losningar": "129 998 686#",
    "mobilisering-hallbar-energi": "565 586 322#",
}


def test_jh_events_list_holds_the_twelve_meetings(built_site: Path) -> None:
    page = raw(built_site, "jh/events")
    linked = set(re.findall(r'href="([a-z-]+)/"', page))
    assert linked >= set(JH_MEETINGS)
    text = main_text(built_site, "jh/events")
    for when in JH_MEETINGS.values():
        assert when in text
    # Every meeting is over at the tests' build time: a past event says so, not that it was full.
    assert text.count("Fullsatt") == 0


@pytest.mark.parametrize("slug", sorted(JH_MEETINGS))
def test_jh_meeting_page(built_site: Path, slug: str) -> None:
    text = main_text(built_site, f"jh/events/{slug}")
    assert JH_MEETINGS[slug] in text
    if slug in JH_CONFERENCE_IDS:
        # The meeting is over: its service is named, but no way to dial in is offered.
        page = raw(built_site, f"jh/events/{slug}")
        assert "Microsoft Teams" in text
        assert JH_CONFERENCE_IDS[slug] not in text
        assert "tel:+46850521869" not in page
    if slug.startswith("vision-"):
        assert "Hus U, campus Östersund" in text
    own = text.split("Fler tillfällen i samma serie")[0]
    # Past, whatever its status was: said once, with no "Fullsatt" from its status or its note.
    assert own.count("Evenemanget har redan ägt rum.") == 1
    assert "Fullsatt" not in own


def test_jh_smart_specialisering_names_the_areas_and_the_invitation(built_site: Path) -> None:
    text = main_text(built_site, "jh/smart-specialisering")
    assert_says(
        text, "Jord, skog och vatten", "Upplevelser", "Hållbar energi", "Digitala lösningar",
        "regionalutveckling@regionjh.se",
    )
    links = pdf_links(raw(built_site, "jh/smart-specialisering"))
    title = "Smart specialisering – Inbjudan att tycka till om slutkorrektur"
    assert any(re.fullmatch(re.escape(title) + " " + SIZE, link) for link in links), links


# --- Boråsregionen ---------------------------------------------------------------------------------


def test_boras_fokus_news_links_the_invitation_with_its_size(built_site: Path) -> None:
    url = "boras/news/fokus-borasregionen"
    page = raw(built_site, url)
    assert f"Se inbjudan (pdf, 291,8{NBSP}kB)" in pdf_links(page)
    assert_says(
        main_text(built_site, url),
        "FOKUS Boråsregionen",
        "torsdag 5 november 2020",
        "nästan 100 deltagare",
        "Helena L Nilsson och Maria Jakobsson",
        "Erik Presky från Science Park Borås",
        "Bi Puranen",
        "Sven-Martin",
        "Moderator för dagen var Åsa Lindell.",
        "EvaLotta Petersson",
    )
    image = re.search(r'<img [^>]*bi-puranen[^>]*>', page)
    assert image and 'alt="Bi Puranen' in image.group(0)


# --- Västerbotten ------------------------------------------------------------------------------

VB_NEWS = "vb/news/region-vasterbotten-leder-arbetet-for-ny-rus"
VB_AGENDA = (
    ("9.30", "Fika"),
    ("10.00", "Inledning"),
    ("10.10", "Den regionala utvecklingsstrategin i ett nationellt och europeiskt sammanhang"),
    ("10.20", "Förväntningar på arbetsgrupperna"),
    ("10.30", "Regionens nuläge"),
    ("10.50", "Viktigt i gruppernas arbete – Europa 2020 och Västerbottens läns utvecklingsstrategi"),
    ("11.50", "Behovet av att mäta resultat"),
    ("12.00", "Lunch"),
    ("13.00", "Arbete i grupperna"),
    ("15.00", "Summering av dagen"),
    ("15.30", "Fika och avslutning"),
)


def test_vb_press_release(built_site: Path) -> None:
    text = main_text(built_site, VB_NEWS)
    assert_says(
        text,
        "Region Västerbotten leder arbetet för en ny regional utvecklingsstrategi",
        "Pressmeddelande",
        "fredag 21 september 2012",
        "Jörgen Boström",
        "vi har ett stort visionsarbete framför oss",
        "Anna Pettersson, regiondirektör för Region Västerbotten",
        "åtta arbetsgrupper",
        "förbundsfullmäktige i november 2013",
        "Pressinformation",
        "Ingela Hjulfors Berg",
        "ingela.hjulforsberg@regionvasterbotten.se",
    )
    assert '<a href="tel:+46702319322">070-231 93 22</a>' in raw(built_site, VB_NEWS)
    assert "Pressmeddelande" in main_text(built_site, "vb/news")


def test_vb_contacts(built_site: Path) -> None:
    page = raw(built_site, VB_NEWS)
    text = main_text(built_site, VB_NEWS)
    assert_says(text, "Anna Pettersson", "Regiondirektör", "anna.pettersson@regionvasterbotten.se",
                "Thomas Westerberg", "thomas.westerberg@regionvasterbotten.se")
    for number, uri in (("090-16 57 11", "+4690165711"), ("070-397 68 84", "+46703976884"),
                        ("090-16 57 49", "+4690165749"), ("070-536 57 49", "+46705365749")):
        assert f'<a href="tel:{uri}">{number}</a>' in page


def test_vb_kick_off_event_and_its_agenda(built_site: Path) -> None:
    url = "vb/events/kick-off-rus"
    text = main_text(built_site, url)
    assert_says(
        text,
        "Kick-off för RUS-arbetsprocess 2014–2020",
        "onsdag 26 september 2012, kl. 9.30–16.00",
        "Hotell Lappland, Lycksele",
        "www.regionvasterbotten.se/direkt",
        "Anna Pettersson",
    )
    rows = re.findall(r'<tr><th scope="row">([^<]*)</th><td>(.*?)</td></tr>', raw(built_site, url))
    assert len(rows) == len(VB_AGENDA)
    for (time, cell), (want_time, want_title) in zip(rows, VB_AGENDA, strict=True):
        assert time == want_time
        assert htmllib.unescape(cell).startswith(want_title), (time, cell)


# --- hreflang: a page and its translation, generated or written, are paired both ways ----------

VG = "https://rus.example.se/vg/"


def head_alternates(site: Path, url: str) -> dict[str, str]:
    """Return a page's <link rel="alternate" hreflang> tags as {hreflang: href}."""
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">',
                           raw(site, url)))


def sitemap_alternates(site: Path, region: str) -> dict[str, dict[str, str]]:
    """Return each sitemap entry's xhtml:link alternates: loc -> {hreflang: href}."""
    from xml.etree import ElementTree as ET

    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    root = ET.parse(site / region / "sitemap.xml").getroot()
    return {u.find("s:loc", ns).text: {a.get("hreflang"): a.get("href") for a in u.findall("x:link", ns)}
            for u in root.findall("s:url", ns)}


@pytest.mark.parametrize(("sv", "en"), [
    ("kraftsamlingar/", "en/kraftsamlingar/"),  # a written Swedish page over a generated list
    ("kraftsamlingar/digitalisering/", "en/kraftsamlingar/digitalisering/"),  # a term page
    ("events/", "en/events/"),
    ("news/", "en/news/"),
    ("sok/", "en/search/"),
    ("tillganglighet/", "en/accessibility/"),
    ("smart-specialisering/", "en/smart-specialisering/"),  # a page and its .en.md
])
def test_vg_language_versions_are_paired_in_head_and_sitemap(built_site: Path, sv: str,
                                                             en: str) -> None:
    expected = {"sv": VG + sv, "en": VG + en, "x-default": VG + sv}
    sitemap = sitemap_alternates(built_site, "vg")
    for url in (sv, en):
        assert head_alternates(built_site, f"vg/{url}") == expected, url
        assert sitemap[VG + url] == expected, url


def test_vg_hreflang_only_between_versions_that_exist(built_site: Path) -> None:
    sitemap = sitemap_alternates(built_site, "vg")
    # The events have no English text, so no English version is claimed for them.
    event = "events/uppstart-digitalisering/"
    assert head_alternates(built_site, f"vg/{event}") == {}
    assert sitemap[VG + event] == {}
    for loc, alternates in sitemap.items():
        for href in alternates.values():
            assert href in sitemap, f"{loc} names {href}, which is not a page of the site"
            assert sitemap[href] == alternates, f"{href} does not name {loc} back"


def test_network_index_links_every_regions_feeds(built_site: Path) -> None:
    """Each region's news feed and calendar, linked from the network index, are built."""
    folders = {}
    for robots in built_site.glob("*/robots.txt"):
        sitemap = robots.read_text(encoding="utf-8").split("Sitemap: ")[1].strip()
        folders[sitemap.removesuffix("sitemap.xml")] = robots.parent
    assert len(folders) == 4
    page = (built_site / "index.html").read_text(encoding="utf-8")
    # The links readers click lead into public/, so they work in the preview and from disk.
    links = re.findall(r'<a href="([^"]+(?:atom\.xml|events\.ics))">', page)
    # Boråsregionen has no events and Jämtland Härjedalen no news: no empty feed is offered.
    assert "boras/events.ics" not in links
    assert "jh/news/atom.xml" not in links
    assert len(links) == 2 * len(folders) - 2
    for link in links:
        assert (built_site / link).is_file(), link
    # Feed readers discover the feeds by their published addresses: the same files.
    autodiscovered = re.findall(r'<link rel="alternate" type="application/atom\+xml"[^>]+href="([^"]+)"',
                                page)
    found = []
    for address in autodiscovered:
        base = next(b for b in folders if address.startswith(b))
        found.append((folders[base] / address.removeprefix(base)).relative_to(built_site).as_posix())
    assert sorted(found) == sorted(link for link in links if link.endswith("atom.xml"))
