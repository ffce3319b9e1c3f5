"""A region's icons: the favicon, the touch icon and the mark the header shows without a logo.

A browser asks for /favicon.ico when a page names no icon, so every page names one: the
region's logo when it has one, else a square in the accent colour with the region's
initials. Phones want a PNG for the home screen; Pillow draws it (or pads a PNG logo).
"""

from __future__ import annotations

import functools
import io
from collections.abc import Iterator
from dataclasses import dataclass
from xml.sax.saxutils import escape

from PIL import Image, ImageDraw, ImageFont

from rusgen.model import Output, Region

MARK = "icon.svg"  # the initials mark: favicon and header mark of a region without a logo
TOUCH_ICON = "apple-touch-icon.png"
TOUCH_SIZE = 180  # the size iOS asks for; others scale it


@dataclass(frozen=True)
class Icons:
    """The region-relative addresses the templates link to."""

    favicon: str
    favicon_type: str
    touch: str
    header: str  # the image at the top left: the logo, else the initials mark
    is_logo: bool


def initials(name: str) -> str:
    """Return up to two initials of a name's capitalised words: "Jämtland Härjedalen" -> "JH"."""
    letters = [word[0] for word in name.replace("-", " ").split() if word[:1].isupper()]
    return "".join(letters[:2]) or name[:1].upper()


def icons(region: Region) -> Icons:
    """Return where a region's icons are published."""
    if region.logo:
        kind = "image/svg+xml" if region.logo.lower().endswith(".svg") else "image/png"
        return Icons(region.logo, kind, TOUCH_ICON, region.logo, True)
    return Icons(MARK, "image/svg+xml", TOUCH_ICON, MARK, False)


def mark_svg(region: Region) -> bytes:
    """Return the initials mark: white letters on the accent colour (4.5:1 by the schema)."""
    text = escape(initials(region.name))
    size = 28 if len(text) > 1 else 36
    return (
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64">'
        f'<rect width="64" height="64" rx="10" fill="{escape(region.color)}"/>'
        f'<text x="32" y="{32 + size * 0.36:.0f}" fill="#fff" font-family="system-ui,sans-serif" '
        f'font-size="{size}" font-weight="700" text-anchor="middle">{text}</text></svg>\n'
    ).encode()


def touch_png(region: Region, logo: bytes | None) -> bytes:
    """Return the home-screen icon: a PNG logo on white, else the initials mark drawn."""
    return _touch_png(region.color, initials(region.name), logo)


# Drawing and compressing the PNG takes tens of milliseconds a region, and every build and
# every save in the preview asks again; the answer depends on these three values only.
@functools.lru_cache(maxsize=64)
def _touch_png(color: str, text: str, logo: bytes | None) -> bytes:
    if logo is not None:
        picture = Image.open(io.BytesIO(logo)).convert("RGBA")
        picture.thumbnail((TOUCH_SIZE - 20, TOUCH_SIZE - 20))
        image = Image.new("RGBA", (TOUCH_SIZE, TOUCH_SIZE), "#ffffff")
        image.alpha_composite(
            picture, ((TOUCH_SIZE - picture.width) // 2, (TOUCH_SIZE - picture.height) // 2)
        )
        image = image.convert("RGB")
    else:
        image = Image.new("RGB", (TOUCH_SIZE, TOUCH_SIZE), color)
        draw = ImageDraw.Draw(image)
        font = ImageFont.load_default(size=80 if len(text) > 1 else 100)
        draw.text((TOUCH_SIZE / 2, TOUCH_SIZE / 2), text, fill="#ffffff", font=font, anchor="mm")
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def render(region: Region) -> Iterator[Output]:
    """Yield the region's icon files: the initials mark and the touch icon."""
    yield Output(f"{region.output_folder}/{MARK}", mark_svg(region))
    logo = _png_logo(region)
    yield Output(f"{region.output_folder}/{TOUCH_ICON}", touch_png(region, logo))


def _png_logo(region: Region) -> bytes | None:
    """Return a PNG logo's bytes; an SVG logo cannot be drawn by Pillow (the mark stands in)."""
    if not region.logo.lower().endswith(".png"):
        return None
    for file in region.files:
        if file.url == region.logo:
            with open(file.source, "rb") as handle:
                return handle.read()
    return None
