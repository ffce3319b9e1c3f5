"""The address ledger: every address a region has published keeps working, moved (301) or
gone (410), and only a successful real build writes it."""

from __future__ import annotations

from pathlib import Path

from conftest import output_lines, run_rusgen
from sitekit import REGION, write_site
from test_scheduling import NOW

LEDGER = "content/test/published-addresses.txt"


def build(site: Path, *args: str):  # -> click's Result
    return run_rusgen("build", "--source", str(site), "--output", str(site / "public"), *args,
                      epoch=NOW)


def ledger_lines(site: Path) -> list[str]:
    return [line for line in (site / LEDGER).read_text(encoding="utf-8").splitlines()
            if not line.startswith("#")]


def test_the_first_build_writes_the_ledger_with_every_published_address(tmp_path: Path) -> None:
    site = write_site(tmp_path, {
        "utkast.md": "---\ntitle: Utkast\ndraft: true\n---\nText.\n",
        "snart.md": "---\ntitle: Snart\npublish: 2027-01-01\n---\nText.\n",
    })
    assert run_rusgen("check", "--source", str(site), epoch=NOW).exit_code == 0
    assert not (site / LEDGER).exists()  # check reads, never writes
    assert build(site, "--as-of", "2026-12-01").exit_code == 0
    assert not (site / LEDGER).exists()  # a build as of another moment publishes nothing
    assert build(site, "--drafts").exit_code == 0
    text = (site / LEDGER).read_text(encoding="utf-8")
    assert text.startswith("# Adresser som den här webbplatsen har publicerat. rusgen build")
    lines = ledger_lines(site)
    assert lines == sorted(lines)
    assert {"/", "/om/", "/events/", "/news/", "/sok/", "/tillganglighet/", "/en/"} <= set(lines)
    # Drafts and pages still to be published are not published, even when --drafts shows them.
    assert "/utkast/" not in lines and "/snart/" not in lines


def test_deleting_a_published_page_fails_until_an_alias_or_gone_keeps_its_address(
    tmp_path: Path,
) -> None:
    site = write_site(tmp_path)
    assert build(site).exit_code == 0
    ledger_before = (site / LEDGER).read_text(encoding="utf-8")
    old_page = (site / "public" / "test" / "om" / "index.html").read_bytes()

    (site / "content/test/om.md").rename(site / "content/test/vilka-vi-ar.md")
    (site / "content/test/index.md").write_text(
        "---\ntitle: Start\nsummary: Startsidan.\n---\n\nLäs [om oss](vilka-vi-ar.md).\n", "utf-8")
    (site / "content/test/region.yaml").write_text(REGION.replace("menu: [om,", "menu: [vilka-vi-ar,"))
    failed = build(site)
    assert failed.exit_code == 1
    assert output_lines(failed) == [
        "fel: content/test/published-addresses.txt: adressen /om/ har publicerats men skulle "
        "försvinna med det här bygget, och länkar till den från andra webbplatser skulle gå sönder; "
        "skriv den i `aliases: [/om/]` på sidan som ersätter den (flyttad, 301), eller i `gone:` i "
        "content/test/region.yaml (borttagen med avsikt, 410)",
        "Bygget misslyckades: 1 fel. Den tidigare publicerade versionen är orörd.",
    ]
    assert (site / "public" / "test" / "om" / "index.html").read_bytes() == old_page
    assert (site / LEDGER).read_text(encoding="utf-8") == ledger_before

    # Way out one: the page that took its place names it in aliases.
    moved = site / "content/test/vilka-vi-ar.md"
    moved.write_text(moved.read_text(encoding="utf-8").replace("---\n", "---\naliases: [/om/]\n", 1))
    assert build(site).exit_code == 0, "alias"
    assert "0; url=../vilka-vi-ar/" in (site / "public/test/om/index.html").read_text(encoding="utf-8")
    assert "/test/om/ /test/vilka-vi-ar/ 301!" in (site / "public/test/_redirects").read_text()
    assert {"/om/", "/vilka-vi-ar/"} <= set(ledger_lines(site))

    # Way out two: the address is gone on purpose, with a reason shown on its 410 page.
    moved.write_text(moved.read_text(encoding="utf-8").replace("aliases: [/om/]\n", ""))
    (site / "content/test/region.yaml").write_text(
        REGION.replace("menu: [om,", "menu: [vilka-vi-ar,")
        + "gone:\n  - {address: /om/, reason: Sidan ersattes av Vilka vi är.}\n")
    assert build(site).exit_code == 0, "gone"
    gone = (site / "public/test/om/index.html").read_text(encoding="utf-8")
    assert "Sidan är borttagen" in gone and "Sidan ersattes av Vilka vi är." in gone
    assert "/test/om/ /test/om/index.html 410!" in (site / "public/test/_redirects").read_text()
    assert "/om/" in ledger_lines(site)  # never lost: the ledger only grows


def test_a_gone_address_that_a_page_still_has_is_refused(tmp_path: Path) -> None:
    site = write_site(tmp_path, region=REGION + "gone:\n  - /om/\n")
    result = build(site)
    assert result.exit_code == 1
    assert output_lines(result)[0] == (
        "fel: content/test/region.yaml:12: gone: /om/ står i gone, men content/test/om.md har "
        "fortfarande den adressen; ta bort raden ur gone, eller ge sidan `unpublish:` om den ska "
        "försvinna en viss dag"
    )


def test_a_page_that_unpublishes_itself_may_name_its_address_in_gone(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"kampanj.md": "---\ntitle: Kampanj\nunpublish: 2026-12-24\n---\nText.\n"},
                      region=REGION + "gone: [/kampanj/]\n")
    assert build(site).exit_code == 0
    assert "Kampanj" in (site / "public/test/kampanj/index.html").read_text(encoding="utf-8")
    assert build(site, "--as-of", "2026-12-24").exit_code == 0
    assert "Sidan är borttagen" in (site / "public/test/kampanj/index.html").read_text(encoding="utf-8")


def test_an_expired_page_without_gone_fails_the_build_that_would_drop_it(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"kampanj.md": "---\ntitle: Kampanj\nunpublish: 2026-12-24\n---\nText.\n"})
    assert build(site).exit_code == 0
    later = build(site, "--as-of", "2026-12-24 00:00")
    assert later.exit_code == 1
    assert "adressen /kampanj/ har publicerats men skulle försvinna" in later.output


def test_an_alias_that_is_a_page_address_is_refused(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"ny.md": "---\ntitle: Ny\naliases: [/om/]\n---\nText.\n"})
    result = build(site)
    assert result.exit_code == 1
    assert "fel: content/test/ny.md:3: aliases: /om/ är samma adress som /om/, som redan används av " \
        "content/test/om.md" in result.output


def test_a_line_that_is_no_address_is_named(tmp_path: Path) -> None:
    site = write_site(tmp_path)
    (site / LEDGER).write_text("# kommentar\n/om/\nhttps://example.se/x/\n", encoding="utf-8")
    result = build(site)
    assert result.exit_code == 1
    assert output_lines(result)[0] == (
        'fel: content/test/published-addresses.txt:3: ska vara en adress per rad som börjar med /, '
        'som /kraftsamlingar/, men här står "https://example.se/x/"; filen skrivs av rusgen build: '
        "ta bara bort rader ur den"
    )


def test_redirects_prints_the_rules_for_each_host(tmp_path: Path) -> None:
    site = write_site(tmp_path, {"ny.md": "---\ntitle: Ny\naliases: [/gammal/]\n---\nText.\n"},
                      region=REGION + "gone: [/borta/]\n")

    def rules(*args: str) -> list[str]:
        result = run_rusgen("redirects", "--source", str(site), "--region", "test", *args, epoch=NOW)
        assert result.exit_code == 0, result.output
        return result.output.splitlines()

    assert rules("--format", "nginx", "--prefix", "/rus/test") == [
        "location = /rus/test/gammal/ { return 301 /rus/test/ny/; }",
        "location = /rus/test/borta/ { error_page 410 /rus/test/borta/index.html; return 410; }",
    ]
    assert rules("--format", "netlify") == [  # the path of base_url by default
        "/test/gammal/ /test/ny/ 301!",
        "/test/borta/ /test/borta/index.html 410!",
    ]
    apache = rules("--format", "apache")
    assert apache[0] == "ErrorDocument 404 /test/404.html"
    assert apache[-5:] == [
        'RedirectMatch 301 "^/test/gammal/(index\\.html)?$" "/test/ny/"',
        "<If \"%{REQUEST_URI} == '/test/borta/'\">",
        "    ErrorDocument 410 /test/borta/index.html",
        "</If>",
        'RedirectMatch 410 "^/test/borta/$"',
    ]


def test_check_warns_ahead_of_an_unpublish_that_would_drop_an_address(tmp_path: Path) -> None:
    page = "---\ntitle: Kampanj\nsummary: Kampanjen.\nunpublish: 2026-12-24 12:00\n---\nText.\n"
    site = write_site(tmp_path, {"kampanj.md": page})
    result = run_rusgen("check", "--source", str(site), epoch=NOW)
    assert (
        "content/test/kampanj.md:4: varning: unpublish: sidan avpubliceras 24 december 2026 kl. 12.00, "
        "och då försvinner adressen /kampanj/; skriv den i `gone:` i content/test/region.yaml "
        "(borttagen, 410) eller i aliases på sidan som ersätter den (flyttad, 301), annars stoppas "
        "bygget efter den tiden"
    ) in output_lines(result)
    (site / "content/test/region.yaml").write_text(REGION + "gone: [/kampanj/]\n", "utf-8")
    again = run_rusgen("check", "--source", str(site), epoch=NOW)
    assert "avpubliceras" not in again.output


def test_the_preview_says_at_once_that_a_renamed_page_drops_its_address(tmp_path: Path) -> None:
    from rusgen.build import BuildOptions
    from rusgen.preview import SiteRebuilder

    site = write_site(tmp_path, {"kampanj.md": "---\ntitle: Kampanj\n---\nText.\n"})
    assert build(site).exit_code == 0
    (site / "content/test/kampanj.md").rename(site / "content/test/kampanjen.md")
    snapshot = SiteRebuilder(BuildOptions(source=site, drafts=True, preview=True))()
    assert snapshot.files is None
    assert [(p.file, p.message.split(";")[0]) for p in snapshot.problems] == [
        ("content/test/published-addresses.txt", "adressen /kampanj/ har publicerats men skulle "
         "försvinna med det här bygget, och länkar till den från andra webbplatser skulle gå sönder")
    ]


def test_review_every_is_a_number_of_months(tmp_path: Path) -> None:
    site = write_site(tmp_path, region=REGION + "review_every: 0\n")
    result = build(site)
    assert output_lines(result)[0] == (
        "fel: content/test/region.yaml:11: review_every: skriv hur många månader det får gå mellan "
        "granskningar, minst 1, som `review_every: 12`, men här står 0"
    )
