"""Photos load fast on a phone: resized at build, WebP beside the original, cached by content.

Built with the CLI and looked at in headless Chromium as a phone (390 px wide, 3x).
"""

from __future__ import annotations

import hashlib
import io
import re
from pathlib import Path

import pytest
from click.testing import CliRunner
from conftest import BUILD_EPOCH
from PIL import Image
from sitekit import write_site

from rusgen.cli import main
from rusgen.outputs import images

PHONE_LIMIT = 200_000  # bytes: no image file a phone gets may be larger


def camera_photo(width: int = 4000, height: int = 3000) -> bytes:
    """Return a JPEG as a camera writes it: 4000 px, grain in every pixel, several MB."""
    grain = Image.effect_noise((width, height), 40)
    light = Image.radial_gradient("L").resize((width, height))
    sky = Image.linear_gradient("L").resize((width, height))
    photo = Image.merge("RGB", (Image.blend(light, grain, 0.35), Image.blend(sky, grain, 0.35), light))
    buffer = io.BytesIO()
    photo.save(buffer, "JPEG", quality=95)
    return buffer.getvalue()


def drawing(width: int = 2000, height: int = 1000) -> bytes:
    buffer = io.BytesIO()
    Image.linear_gradient("L").resize((width, height)).convert("RGB").save(buffer, "PNG")
    return buffer.getvalue()


SVG = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>'
PAGE = """\
---
title: Bilder
summary: En sida med foton.
image: {src: files/foto.jpg, alt: "Solnedgång över kajen", credit: "Foto: Kim Andersson"}
---

Text överst.

![Karta över regionen](files/karta.png)

![Regionens symbol](files/symbol.svg)

Originalet: [ladda ner fotot](files/foto.jpg).
"""


@pytest.fixture(scope="module")
def photo() -> bytes:
    return camera_photo()


def site_with_photos(root: Path, photo: bytes) -> Path:
    return write_site(root, {
        "bilder.md": PAGE, "files/foto.jpg": photo, "files/karta.png": drawing(),
        "files/symbol.svg": SVG,
    })


def build(root: Path, output: Path) -> tuple[int, str]:
    result = CliRunner(env={"SOURCE_DATE_EPOCH": BUILD_EPOCH}).invoke(
        main, ["build", "--source", str(root), "--output", str(output)]
    )
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, photo: bytes) -> Path:
    root = site_with_photos(tmp_path_factory.mktemp("photos"), photo)
    code, output = build(root, root / "public")
    assert code == 0, output
    return root


def tree(folder: Path) -> dict[str, str]:
    return {
        path.relative_to(folder).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(folder.rglob("*")) if path.is_file() and path.name != ".rusgen-output"
    }


def test_a_phone_gets_no_image_file_over_200_kb(browser, static_server, built: Path, photo: bytes) -> None:
    assert len(photo) > 2_000_000  # the camera's original is several MB
    base = static_server(built / "public") + "test/"
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=3)
    page = context.new_page()
    fetched: dict[str, int] = {}

    def note(response) -> None:
        if response.request.resource_type == "image":
            fetched[response.url.removeprefix(base)] = len(response.body())

    page.on("response", note)
    page.goto(base + "bilder/", wait_until="networkidle")
    page.mouse.wheel(0, 5000)  # the images below the fold load as they come near
    page.wait_for_function("[...document.images].every(img => img.complete && img.naturalWidth > 0)")
    page.wait_for_load_state("networkidle")
    context.close()
    assert "files/foto.jpg" not in fetched  # the original is only a download
    assert any(url.startswith("files/foto.") and url.endswith(".webp") for url in fetched), fetched
    assert any(url.startswith("files/karta.") and url.endswith(".webp") for url in fetched), fetched
    assert "files/symbol.svg" in fetched
    too_large = {url: size for url, size in fetched.items() if size > PHONE_LIMIT}
    assert too_large == {}, fetched


def test_pictures_say_their_size_and_only_the_lead_image_loads_at_once(built: Path) -> None:
    html = (built / "public" / "test" / "bilder" / "index.html").read_text()
    lead, body = re.findall(r"<picture>.*?</picture>", html)
    assert 'width="1600" height="1200"' in lead and "loading=" not in lead
    assert '<source type="image/webp" srcset="../files/foto.400.webp 400w,' in lead
    assert 'alt="Karta över regionen"' in body and 'loading="lazy"' in body
    assert 'width="1600" height="800"' in body
    # The SVG passes untouched; the link to the original still leads to it.
    assert '<img src="../files/symbol.svg" alt="Regionens symbol" />' in html
    assert '<a href="../files/foto.jpg">ladda ner fotot (jpg, ' in html
    published = built / "public" / "test" / "files"
    assert (published / "foto.jpg").read_bytes() == (built / "content/test/files/foto.jpg").read_bytes()
    assert (published / "symbol.svg").read_bytes() == SVG


def test_a_rebuild_resizes_nothing_and_gives_the_same_bytes(
    built: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = tree(built / "public")

    def no_resizing(*args: object) -> None:
        raise AssertionError("resized again although the cache holds the image")

    with monkeypatch.context() as patch:
        patch.setattr(images, "_resize", no_resizing)
        code, output = build(built, tmp_path / "again")
    assert code == 0, output
    assert tree(tmp_path / "again") == first


def test_a_build_without_cache_gives_the_same_bytes(built: Path, tmp_path: Path, photo: bytes) -> None:
    (tmp_path / "fresh").mkdir()
    fresh = site_with_photos(tmp_path / "fresh", photo)
    code, output = build(fresh, fresh / "public")
    assert code == 0, output
    assert tree(fresh / "public") == tree(built / "public")


def test_a_broken_image_is_named_in_swedish(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"files/trasig.jpg": b"\xff\xd8\xff\xe0 not really a photo"})
    code, output = build(root, root / "public")
    assert code == 1
    assert "content/test/files/trasig.jpg" in output
    assert "bilden files/trasig.jpg går inte att läsa" in output
    assert "spara den igen som JPEG eller PNG" in output
    assert "Traceback" not in output
    assert not (root / "public").exists()
