"""A draft looks like a draft in the preview: a band at the top of the page says it is not
on the published site, in the page's language. A published build has no draft and no band."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from rusgen.build import BuildOptions
from rusgen.preview import SiteRebuilder
from tests.conftest import BUILD_EPOCH
from tests.sitekit import write_site
from tests.test_accessibility_browser import axe_context, axe_violations
from tests.test_preview import whole

ENV = {"SOURCE_DATE_EPOCH": BUILD_EPOCH, "RUSGEN_LANG": ""}
BAND_SV = (
    '<div class="draft-band" role="note"><p class="wrap">Utkast – visas inte på den publicerade '
    "webbplatsen</p></div>"
)
BAND_EN = (
    '<div class="draft-band" role="note"><p class="wrap">Draft – not shown on the published '
    "site</p></div>"
)
DRAFTS = {
    "plan.md": "---\ntitle: Ny plan\nsummary: Planen som kommer.\ndraft: true\n---\n\nText.\n",
    "plan.en.md": "---\ntitle: New plan\nsummary: The plan to come.\ndraft: true\n---\n\nText.\n",
    "events/2026-12-01-mote.md": "---\ntitle: Möte\nsummary: Ett möte.\ndraft: true\n"
                                 "start: 2026-12-01 9.30\n---\n\nText.\n",
}


def build(root: Path, *args: str) -> Path:
    from rusgen.cli import main

    result = CliRunner(env=ENV).invoke(main, ["build", "--source", str(root), *args])
    assert result.exit_code == 0, result.output
    return root / "public" / "test"


@pytest.fixture
def site(tmp_path: Path) -> Path:
    return write_site(tmp_path, DRAFTS)


def header_start(html: str) -> str:
    """Return the first lines of the page's header: where the band belongs."""
    return html[html.index('<header class="site-header">'):html.index('class="wrap site-header__inner"')]


def test_build_with_drafts_shows_the_band_in_the_pages_language(site: Path) -> None:
    public = build(site, "--drafts")
    swedish = (public / "plan/index.html").read_text("utf-8")
    assert '<html lang="sv">' in swedish
    assert BAND_SV in header_start(swedish)
    english = (public / "en/plan/index.html").read_text("utf-8")
    assert '<html lang="en">' in english
    assert BAND_EN in header_start(english)
    assert BAND_SV in (public / "events/mote/index.html").read_text("utf-8")
    # A page that is no draft has no band, in the same build.
    for published in ("index.html", "om/index.html", "events/index.html"):
        assert "draft-band" not in (public / published).read_text("utf-8"), published


def test_a_published_build_has_no_draft_and_no_band(site: Path) -> None:
    public = build(site)
    assert not (public / "plan").exists() and not (public / "en/plan").exists()
    assert not (public / "events/mote").exists()
    pages = list(public.rglob("*.html"))
    assert len(pages) > 10
    assert not [p for p in pages if "draft-band" in p.read_text("utf-8")]


def test_the_preview_shows_the_band(site: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    files = whole(SiteRebuilder(BuildOptions(source=site, drafts=True, preview=True))())
    assert BAND_SV in files["test/plan/index.html"].decode("utf-8")
    assert BAND_EN in files["test/en/plan/index.html"].decode("utf-8")
    assert b"draft-band" not in files["test/om/index.html"]


def _luminance(css_color: str) -> float:
    red, green, blue = (int(c) / 255 for c in re.findall(r"\d+", css_color)[:3])
    channels = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (red, green, blue)]
    return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2]


@pytest.mark.parametrize("width", [390, 1280])
def test_the_band_is_seen_first_and_readable(browser, site: Path, tmp_path: Path, width: int) -> None:
    context = axe_context(browser, build(site, "--drafts").parent, viewport={"width": width, "height": 800})
    tab = context.new_page()
    tab.goto("https://rus.example.se/test/plan/index.html")  # its published address
    assert axe_violations(tab, "plan/") == []
    band = tab.locator('[role="note"]')
    assert band.inner_text() == "Utkast – visas inte på den publicerade webbplatsen"
    box = band.bounding_box()
    # At the very top, below only the region's thin colour line, across the whole width.
    assert box is not None and box["y"] <= 10 and box["width"] == width
    heading = tab.locator("h1").bounding_box()
    assert heading is not None and heading["y"] > box["y"] + box["height"]
    style = band.evaluate("e => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]")
    lighter, darker = sorted((_luminance(c) for c in style), reverse=True)
    assert (lighter + 0.05) / (darker + 0.05) >= 4.5  # WCAG 2.1 AA for text
    tab.screenshot(path=str(tmp_path / f"draft-band-{width}.png"))
    context.close()
