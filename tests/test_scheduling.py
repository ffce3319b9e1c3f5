"""Scheduled items: before `publish` and after `unpublish` they are in no output, --as-of
shows the site as it will be, and `rusgen schedule` lists the moments the site changes."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import output_lines, run_rusgen
from sitekit import write_site
from test_accessibility_browser import axe_context, axe_violations
from test_preview import whole

from rusgen.build import BuildOptions
from rusgen.preview import SiteRebuilder

# The build's clock: 27 November 2026, 13.00 in Stockholm.
NOW = str(int(datetime(2026, 11, 27, 12, 0, tzinfo=UTC).timestamp()))

ITEMS = {
    "julkalendern.md": """\
        ---
        title: Julkalendern
        summary: En lucka om dagen.
        publish: 2026-12-01 8.00
        ---

        Första luckan.
        """,
    "events/2026-12-10-vintertraffen.md": """\
        ---
        title: Vintertraffen
        summary: Vi träffas i december.
        publish: 2026-12-01 08:00
        start: 2026-12-10 09:00
        end: 2026-12-10 12:00
        registration: {email: anmalan@example.se, deadline: 2026-12-05}
        ---

        Välkommen.
        """,
    "news/2026-10-01-hostinbjudan.md": """\
        ---
        title: Hostinbjudan
        summary: Inbjudan till höstens träff.
        date: 2026-10-01
        unpublish: 2026-11-20
        ---

        Anmäl dig.
        """,
    "news/2026-11-25-lagesbild.md": """\
        ---
        title: Lagesbild
        summary: Läget i november.
        date: 2026-11-25
        ---

        Läget.
        """,
}


def build(site: Path, output: Path, *args: str) -> list[str]:
    result = run_rusgen("build", "--source", str(site), "--output", str(output), *args, epoch=NOW)
    assert result.exit_code == 0, result.output
    return output_lines(result)


def texts_holding(output: Path, word: str) -> set[str]:
    """Return the output files (Pagefind's compressed ones aside) whose text holds `word`,
    also where a heading carries soft hyphens for the browser ("Vin\xadter\xadtraf\xadfen")."""
    return {
        path.relative_to(output / "test").as_posix()
        for path in (output / "test").rglob("*")
        if path.is_file() and "pagefind" not in path.parts
        and word in path.read_bytes().decode("utf-8", "replace").replace("\u00ad", "")
    }


# Where an item shows up once published: its page, lists, search, sitemap, feeds, calendars.
EVERY_KIND = {"index.html", "sitemap.xml", "search-index.js"}


def test_items_outside_their_moments_are_in_no_output_and_appear_with_as_of(tmp_path: Path) -> None:
    site = write_site(tmp_path, ITEMS)
    now, later = tmp_path / "now", tmp_path / "later"
    build(site, now)
    for word in ("Julkalendern", "julkalendern/", "Vintertraffen", "vintertraffen", "Hostinbjudan",
                 "hostinbjudan"):
        assert texts_holding(now, word) == set(), word
    assert "news/index.html" in texts_holding(now, "Lagesbild")  # the rest is there

    build(site, later, "--as-of", "2026-12-01 08:00")
    assert {"julkalendern/index.html", "search-index.js"} <= texts_holding(later, "Julkalendern")
    assert "sitemap.xml" in texts_holding(later, "/julkalendern/")
    event = texts_holding(later, "Vintertraffen")
    assert {
        "events/vintertraffen/index.html", "events/index.html", "index.html",
        "events/atom.xml", "events.ics", "events/vintertraffen.ics", "search-index.js",
    } <= event
    assert "sitemap.xml" in texts_holding(later, "/events/vintertraffen/")
    assert texts_holding(later, "Hostinbjudan") == set()

    one_minute_early = tmp_path / "early"
    build(site, one_minute_early, "--as-of", "2026-12-01 7.59")
    assert texts_holding(one_minute_early, "Julkalendern") == set()


def test_an_unpublished_item_is_there_before_its_moment(tmp_path: Path) -> None:
    site = write_site(tmp_path, ITEMS)
    output = tmp_path / "out"
    build(site, output, "--as-of", "2026-11-19")
    assert {"news/hostinbjudan/index.html", "news/index.html", "news/atom.xml"} <= (
        texts_holding(output, "Hostinbjudan")
    )
    assert "sitemap.xml" in texts_holding(output, "/news/hostinbjudan/")


def test_drafts_and_the_preview_show_a_coming_page_with_its_moment(tmp_path: Path) -> None:
    site = write_site(tmp_path, ITEMS)
    output = tmp_path / "out"
    build(site, output, "--drafts")
    page = (output / "test" / "julkalendern" / "index.html").read_text(encoding="utf-8")
    assert 'class="scheduled-band"' in page
    assert "Publiceras 1 december 2026 kl. 8.00 – visas bara i förhandsvisningen tills dess" in page


def test_schedule_lists_every_coming_moment(tmp_path: Path) -> None:
    site = write_site(tmp_path, ITEMS)
    text = run_rusgen("schedule", "--source", str(site), epoch=NOW)
    assert text.exit_code == 0, text.output
    assert output_lines(text) == [
        "1 december 2026 kl. 8.00  test  publiceras: Vintertraffen "
        "(content/test/events/2026-12-10-vintertraffen.md)",
        "1 december 2026 kl. 8.00  test  publiceras: Julkalendern (content/test/julkalendern.md)",
    ]
    # Once published, the event's deadline and end follow.
    later = run_rusgen("schedule", "--source", str(site), "--format", "json",
                       "--as-of", "2026-12-02", epoch=NOW)
    moments = [(m["when"], m["kind"], m["url"]) for m in json.loads(later.output)]
    assert moments == [
        ("2026-12-06T00:00:00+01:00", "deadline", "events/vintertraffen/"),
        ("2026-12-10T12:00:00+01:00", "event_ends", "events/vintertraffen/"),
    ]
    cron = run_rusgen("schedule", "--source", str(site), "--format", "cron", epoch=NOW)
    assert output_lines(cron) == ["0 7 1 12 *"]  # 8.00 in Stockholm is 7.00 UTC in winter


def test_nothing_coming_is_said(tmp_path: Path) -> None:
    site = write_site(tmp_path)
    result = run_rusgen("schedule", "--source", str(site), epoch=NOW)
    assert output_lines(result) == [
        "Inga kommande ändringar: webbplatsen ser likadan ut vid varje bygge tills innehållet ändras."
    ]


def test_unpublish_before_publish_and_an_unreadable_as_of_are_explained(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"kort.md": """\
        ---
        title: Kort
        summary: Kort.
        publish: 2026-12-01
        unpublish: 2026-11-01
        ---
        Text.
        """})
    result = run_rusgen("build", "--source", str(site), epoch=NOW)
    assert result.exit_code == 1
    assert output_lines(result)[0] == (
        "fel: content/test/kort.md:5: unpublish: unpublish (2026-11-01) kommer före eller samtidigt "
        "som publish (2026-12-01), så sidan skulle aldrig synas; skriv en senare tid i unpublish "
        "eller en tidigare i publish"
    )
    wrong = run_rusgen("build", "--source", str(site), "--as-of", "1 december", epoch=NOW)
    assert wrong.exit_code == 1
    assert output_lines(wrong) == [
        'fel: --as-of: förstår inte "1 december"; skriv ett datum och klockslag, som '
        '"2027-01-01 08:00" eller "2027-01-01 8.00", eller bara ett datum'
    ]


def test_a_rebuild_after_the_moment_the_same_day_shows_the_page(tmp_path: Path) -> None:
    """A build with nothing changed reuses the last output only until the next moment."""
    site = write_site(tmp_path, ITEMS)
    output = tmp_path / "out"
    seven = str(int(datetime(2026, 12, 1, 6, 0, tzinfo=UTC).timestamp()))  # 7.00 in Stockholm
    half_past_eight = str(int(datetime(2026, 12, 1, 7, 30, tzinfo=UTC).timestamp()))
    for epoch in (seven, seven):
        result = run_rusgen("build", "--source", str(site), "--output", str(output), epoch=epoch)
        assert result.exit_code == 0, result.output
    assert texts_holding(output, "Julkalendern") == set()
    result = run_rusgen("build", "--source", str(site), "--output", str(output), epoch=half_past_eight)
    assert result.exit_code == 0, result.output
    assert "julkalendern/index.html" in texts_holding(output, "Julkalendern")


BAND = "Publiceras 1 december 2026 kl. 8.00 – visas bara i förhandsvisningen tills dess"


def test_the_preview_shows_the_band_and_as_of_shows_the_page_published(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", NOW)
    site = write_site(tmp_path, ITEMS)
    files = whole(SiteRebuilder(BuildOptions(source=site, drafts=True, preview=True))())
    assert BAND in files["test/julkalendern/index.html"].decode("utf-8")
    assert b"scheduled-band" not in files["test/om/index.html"]
    later = whole(SiteRebuilder(BuildOptions(
        source=site, drafts=True, preview=True, as_of="2026-12-01 08:00"))())
    assert b"scheduled-band" not in later["test/julkalendern/index.html"]
    assert "test/news/hostinbjudan/index.html" not in later


def test_the_band_and_the_owner_are_accessible_on_a_phone(browser, tmp_path: Path) -> None:
    contacts = "robin-kalmendal: {name: Robin Kalmendal, email: robin@example.se}\n"
    page = ITEMS["julkalendern.md"].replace("publish:", "owner: robin-kalmendal\n        "
                                            "reviewed: 2026-11-20\n        publish:")
    site = write_site(tmp_path, {**ITEMS, "julkalendern.md": page, "contacts.yaml": contacts})
    build(site, tmp_path / "public", "--drafts")
    context = axe_context(browser, tmp_path / "public", viewport={"width": 390, "height": 800})
    tab = context.new_page()
    tab.goto("https://rus.example.se/test/julkalendern/index.html")
    assert axe_violations(tab, "julkalendern/") == []
    assert tab.locator(".scheduled-band").inner_text() == BAND
    assert tab.locator(".ownership").inner_text().split("\n") == [
        "Innehållsansvarig", "Robin Kalmendal", "Senast granskad", "20 november 2026"
    ]
    context.close()


def test_a_page_in_the_menu_joins_it_when_published(tmp_path: Path) -> None:
    from sitekit import REGION

    site = write_site(tmp_path, ITEMS, region=REGION.replace("menu: [om,", "menu: [julkalendern, om,"))
    now, later = tmp_path / "now", tmp_path / "later"
    build(site, now)
    assert "julkalendern/" not in (now / "test/index.html").read_text(encoding="utf-8")
    build(site, later, "--as-of", "2026-12-01 08:00")
    assert '<a href="julkalendern/">Julkalendern</a>' in (later / "test/index.html").read_text(
        encoding="utf-8")


def test_a_link_to_a_page_still_to_come_says_when_it_comes(tmp_path: Path) -> None:
    home = "---\ntitle: Start\nsummary: Start.\n---\n\nLäs [julkalendern](julkalendern.md).\n"
    site = write_site(tmp_path, {**ITEMS, "index.md": home})
    result = run_rusgen("build", "--source", str(site), epoch=NOW)
    assert result.exit_code == 1
    assert output_lines(result)[0] == (
        'fel: content/test/index.md:6: länk: "julkalendern.md" publiceras först 1 december 2026 '
        "kl. 8.00, så länken leder ingenstans förrän då; ge den här sidan samma eller en senare "
        "`publish:`, eller lägg till länken när sidan är publicerad"
    )
    later = run_rusgen("build", "--source", str(site), "--as-of", "2026-12-01 8.00", epoch=NOW)
    assert later.exit_code == 0, later.output


def test_a_link_to_an_unpublished_page_says_when_it_went(tmp_path: Path) -> None:
    # The news item was unpublished on 20 November; a page that still links to it is told
    # so, not that the file does not exist (it does: the communicator can see it).
    home = ("---\ntitle: Start\nsummary: Start.\n---\n\n"
            "Läs [inbjudan](news/2026-10-01-hostinbjudan.md).\n")
    site = write_site(tmp_path, {**ITEMS, "index.md": home})
    result = run_rusgen("build", "--source", str(site), epoch=NOW)
    assert result.exit_code == 1
    assert output_lines(result)[0] == (
        'fel: content/test/index.md:6: länk: "news/2026-10-01-hostinbjudan.md" avpublicerades '
        "20 november 2026 kl. 0.00 (dess `unpublish:`), så länken leder ingenstans; ta bort "
        "länken, eller ändra eller ta bort `unpublish:` på den sidan"
    )
    earlier = run_rusgen("build", "--source", str(site), "--as-of", "2026-11-19", epoch=NOW)
    assert earlier.exit_code == 0, earlier.output
