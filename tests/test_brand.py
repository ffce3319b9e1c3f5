"""A region's brand: its logo at the top left, a favicon and a touch icon on every page (from
the logo, else the region's initials on its accent colour), and the theme colour."""

from __future__ import annotations

import io
import re
from pathlib import Path

from PIL import Image

from tests.conftest import run_rusgen
from tests.sitekit import REGION, write_site

BRANDED = REGION.replace("menu:", 'branding: {color: "#8a1538", logo: files/logo.png}\nmenu:')


def logo_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (300, 100), "#8a1538").save(out, "PNG")
    return out.getvalue()


def build(root: Path, region: str, files: dict | None = None) -> Path:
    write_site(root, files, region=region)
    result = run_rusgen("build", "--source", str(root), "--output", str(root / "public"))
    assert result.exit_code == 0, result.output
    return root / "public" / "test"


def test_a_region_without_a_logo_gets_its_initials_as_icon_and_mark(tmp_path: Path) -> None:
    site = build(tmp_path, REGION.replace("name: Testlän", "name: Västra Testlän"))
    page = (site / "om" / "index.html").read_text(encoding="utf-8")
    assert '<link rel="icon" href="../icon.svg" type="image/svg+xml">' in page
    assert '<link rel="apple-touch-icon" href="../apple-touch-icon.png">' in page
    assert '<meta name="theme-color" content="#00609c">' in page  # the default accent
    assert re.search(r'<img class="site-header__logo" src="\.\./icon\.svg" alt=""', page)
    mark = (site / "icon.svg").read_text(encoding="utf-8")
    assert 'fill="#00609c"' in mark and ">VT</text>" in mark
    touch = Image.open(site / "apple-touch-icon.png")
    assert touch.size == (180, 180)
    assert touch.convert("RGB").getpixel((5, 5)) == (0, 96, 156)  # the accent colour


def test_a_logo_stands_at_the_top_left_and_is_the_favicon(tmp_path: Path) -> None:
    site = build(tmp_path, BRANDED, {"files/logo.png": logo_png()})
    page = (site / "index.html").read_text(encoding="utf-8")
    assert '<link rel="icon" href="files/logo.png" type="image/png">' in page
    assert '<meta name="theme-color" content="#8a1538">' in page
    header = page.split('<header class="site-header">')[1].split("</header>")[0]
    assert header.index('src="files/logo.png"') < header.index("Testlän")  # logo first
    touch = Image.open(site / "apple-touch-icon.png").convert("RGB")
    assert touch.size == (180, 180)
    assert touch.getpixel((2, 2)) == (255, 255, 255)  # the logo padded on white
    assert touch.getpixel((90, 90)) == (138, 21, 56)  # the logo itself in the middle


def test_no_page_makes_the_browser_ask_for_a_missing_icon(tmp_path: Path, browser, static_server) -> None:
    site = build(tmp_path, REGION)
    base = static_server(site)
    tab = browser.new_page()
    missing = []
    tab.on("response", lambda r: missing.append(r.url) if r.status >= 400 else None)
    for path in ("", "om/", "events/", "sok/"):
        tab.goto(base + path)
        tab.wait_for_load_state("networkidle")
    tab.close()
    assert missing == []


def test_a_logo_that_is_not_svg_or_png_is_refused_with_what_to_do(tmp_path: Path) -> None:
    region = BRANDED.replace("files/logo.png", "files/logo.jpg")
    write_site(tmp_path, {"files/logo.jpg": b"\xff\xd8\xff\xe0 not really a photo"}, region=region)
    result = run_rusgen("build", "--source", str(tmp_path), "--output", str(tmp_path / "public"))
    assert result.exit_code == 1
    assert (
        'fel: content/test/region.yaml:5: branding.logo: logotypen "files/logo.jpg" måste vara en '
        "SVG- eller PNG-fil; spara den som .svg eller .png i files/"
    ) in result.output.splitlines()
    assert "Traceback" not in result.output


def test_a_wide_logo_leaves_room_for_search_and_menu_on_a_small_phone(tmp_path: Path, browser) -> None:
    site = build(tmp_path, BRANDED, {"files/logo.png": logo_png()})
    tab = browser.new_page(viewport={"width": 320, "height": 640})
    tab.goto((site / "index.html").as_uri())
    assert tab.evaluate("document.documentElement.scrollWidth") <= 320
    # The name is hidden beside the logo on a phone, but still names the link home.
    assert tab.get_by_role("link", name="Testlän", exact=True).count() == 1
    logo, search = tab.locator(".site-header__logo").bounding_box(), tab.get_by_role("link", name="Sök")
    assert logo["x"] + logo["width"] <= search.bounding_box()["x"]  # side by side, not over
    tab.close()
