"""Photos made fit for a phone: each raster image resized at build, WebP beside its format.

Communicators upload photos straight from a camera, 4000 px and several MB. A phone
390 px wide at 3x needs about 1200 px; so every JPEG and PNG in a region's files/ is
written in a few widths (WIDTHS, never wider than the original), as WebP and in its own
format, and the theme's picture macro (partials/picture.html) offers them with srcset,
sizes, width and height. The original is still published as it is, for a page that links
it as a download. SVG is left alone.

Resizing takes a second a photo, so the results are kept in the store ("images") by the
hash of the image's bytes and the settings below; Pillow writes the same bytes for the
same input, so a build from the cache and one without give the same files. A file that
Pillow cannot read is an error naming it, in the region's language.
"""

from __future__ import annotations

import hashlib
import html
import io
import math
import posixpath
import re
import warnings
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from rusgen.cache import OutputStore
from rusgen.errors import Problems
from rusgen.keys import hash_text
from rusgen.model import Output, Region, StaticFile

# Widths in CSS pixels times density that phones, tablets and desktops ask for: 400 and
# 800 a phone at 1x and 2x, 1200 a phone at 3x, 1600 a wide screen at 2x.
WIDTHS = (400, 800, 1200, 1600)
FALLBACK_WIDTH = 800  # what a browser without srcset gets
# An 80-megapixel camera's photo is the largest a page needs; beyond it, a file would take
# gigabytes to decode (Pillow warns above 89 million and refuses twice that, as an attack).
MAX_PIXELS = 80_000_000
# How wide an image in a page's text shows: the text column (42rem) or the screen.
BODY_IMAGE_SIZES = "(min-width: 44rem) 42rem, 100vw"
# Format of each raster extension, and its encoder's settings: quality that a photo on a
# screen does not show, metadata (EXIF, with a camera's GPS position) left out.
FORMATS = {".jpg": "JPEG", ".jpeg": "JPEG", ".png": "PNG"}
SAVE: dict[str, dict[str, int | bool]] = {
    "JPEG": {"quality": 78, "optimize": True, "progressive": True},
    "PNG": {"optimize": True},
    "WEBP": {"quality": 72, "method": 4},
}
# Bump when WIDTHS, SAVE or the resizing change: cached images made otherwise are then
# made anew.
SETTINGS = f"1 {WIDTHS} {sorted((k, sorted(v.items())) for k, v in SAVE.items())}"


@dataclass(frozen=True)
class Variant:
    url: str  # region-relative: files/foto.800.webp
    width: int


@dataclass(frozen=True)
class ResponsiveImage:
    """What the picture macro needs to offer one image in several widths and formats."""

    src: str
    width: int  # of the widest variant; with height, the ratio that reserves its room
    height: int
    webp: tuple[Variant, ...]
    fallback: tuple[Variant, ...]  # in the original's format

    def srcset(self, kind: str, link: Callable[[str], str]) -> str:
        variants = self.webp if kind == "webp" else self.fallback
        return ", ".join(f"{link(v.url)} {v.width}w" for v in variants)

    @property
    def fallback_url(self) -> str:
        fitting = [v for v in self.fallback if v.width <= FALLBACK_WIDTH]
        return (fitting[-1] if fitting else self.fallback[0]).url


def is_raster(url: str) -> bool:
    return posixpath.splitext(url)[1].lower() in FORMATS


def prepare(
    region: Region, store: OutputStore | None, problems: Problems
) -> tuple[dict[str, ResponsiveImage], list[Output]]:
    """Return every raster image of the region by its address, and the files to publish."""
    from PIL import Image

    images: dict[str, ResponsiveImage] = {}
    outputs: list[Output] = []
    for file in region.files:
        if not is_raster(file.url):
            continue
        where = f"{region_folder(region)}/{file.url}"
        try:
            data = Path(file.source).read_bytes()
            width, height = _size_of(data)
            if width * height > MAX_PIXELS:
                problems.say(where, 0, "", "image.too_large", file=file.url,
                             pixels=round(width * height / 1e6), limit=round(MAX_PIXELS / 1e6))
                continue
            image = _describe(file, width, height)
            made = _stored_or_made(region, file, data, image, store)
        except (OSError, ValueError, SyntaxError, Image.DecompressionBombError):
            # Pillow's own words name its internals; the message says what to do.
            problems.say(where, 0, "", "image.broken", file=file.url)
            continue
        images[file.url] = image
        outputs.extend(made)
    return images, outputs


def region_folder(region: Region) -> str:
    return f"content/{region.id}"


def identity(images: dict[str, ResponsiveImage]) -> str:
    """Return what pages show of the images: a part of every page's cache key."""
    return repr(sorted(images.items()))


def _size_of(data: bytes) -> tuple[int, int]:
    """Return an image's size as shown, from its header alone."""
    from PIL import Image

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)  # said as MAX_PIXELS
        with Image.open(io.BytesIO(data)) as opened:
            return _upright_size(opened)


def _upright_size(image: object) -> tuple[int, int]:
    """Return the size as shown: a camera's photo taken upright says so in EXIF."""
    width, height = image.size  # type: ignore[attr-defined]
    orientation = image.getexif().get(0x0112, 1)  # type: ignore[attr-defined]
    return (height, width) if orientation in (5, 6, 7, 8) else (width, height)


def _describe(file: StaticFile, width: int, height: int) -> ResponsiveImage:
    widest = min(width, WIDTHS[-1])
    widths = [w for w in WIDTHS if w < widest] + [widest]
    stem, ext = posixpath.splitext(file.url)

    def variants(suffix: str) -> tuple[Variant, ...]:
        return tuple(Variant(f"{stem}.{w}{suffix}", w) for w in widths)

    return ResponsiveImage(
        src=file.url, width=widths[-1], height=_height(width, height, widths[-1]),
        webp=variants(".webp"), fallback=variants(ext.lower()),
    )


def _height(width: int, height: int, new_width: int) -> int:
    return max(1, round(height * new_width / width))


def _stored_or_made(
    region: Region, file: StaticFile, data: bytes, image: ResponsiveImage, store: OutputStore | None
) -> list[Output]:
    from PIL import __version__ as pillow_version

    place = f"{region.id}/{file.url}"
    key = hash_text(SETTINGS, pillow_version, hashlib.sha256(data).hexdigest())
    stored = store.get(place, key) if store is not None else None
    if stored is not None:
        return [Output(f"{region.output_folder}/{output.path}", output.data) for output in stored]
    made = _resize(data, image)
    if store is not None:
        store.put(place, key, made)
    return [Output(f"{region.output_folder}/{output.path}", output.data) for output in made]


def _resize(data: bytes, image: ResponsiveImage) -> list[Output]:
    """Encode every variant of one image; the outputs' paths are region-relative."""
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(data)) as opened:
        # A JPEG can be decoded at a half or a quarter of its size at once, when that is
        # still as large as the widest variant: much faster for a camera's photo.
        scale = image.width / _upright_size(opened)[0]
        opened.draft(opened.mode, (math.ceil(opened.width * scale), math.ceil(opened.height * scale)))
        upright = ImageOps.exif_transpose(opened)
        upright.load()
    original_format = FORMATS[posixpath.splitext(image.src)[1].lower()]
    result = []
    for webp, fallback in zip(image.webp, image.fallback, strict=True):
        size = (webp.width, _height(upright.width, upright.height, webp.width))
        resized = (upright.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)
                   if size != upright.size else upright)
        result.append(Output(webp.url, _encode(resized, "WEBP")))
        result.append(Output(fallback.url, _encode(resized, original_format)))
    return result


def _encode(image: object, kind: str) -> bytes:
    from PIL import Image

    picture: Image.Image = image  # type: ignore[assignment]
    if kind == "JPEG" and picture.mode not in ("RGB", "L"):
        picture = picture.convert("RGB")
    elif kind == "WEBP" and picture.mode not in ("RGB", "RGBA"):
        picture = picture.convert("RGBA" if "A" in picture.mode or "transparency" in picture.info else "RGB")
    buffer = io.BytesIO()
    picture.save(buffer, kind, **SAVE[kind])
    return buffer.getvalue()


# An <img> as markdown-it writes it: src and alt first, then perhaps a title.
BODY_IMG = re.compile(r'<img src="([^"]*)" alt="([^"]*)"(?: title="[^"]*")?\s*/?>')


def pictures_in_body(
    body: str, page_url: str, images: dict[str, ResponsiveImage],
    picture: Callable[[str, str], str],
) -> str:
    """Replace each Markdown image of a page's body that has variants by the theme's picture."""
    if not images or "<img " not in body:
        return body

    def replace(match: re.Match) -> str:
        src = html.unescape(match.group(1))
        if re.match(r"^[a-zA-Z][\w+.-]*:|^/|^#", src):
            return match.group(0)
        address = posixpath.normpath(posixpath.join(page_url, src))
        if address not in images:
            return match.group(0)
        return picture(address, html.unescape(match.group(2)))

    return BODY_IMG.sub(replace, body)
