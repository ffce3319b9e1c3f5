"""Regenerate the screenshots in docs/img/: the guide's three, and every kind of page on a
phone (390 pixels wide) and on a desktop screen (1280).

Builds the repository's content with a fixed clock into a temporary folder, opens the
pages in Debian's headless Chromium (through playwright) and saves the top of each as a
small PNG (reduced to a few colours by Pillow). Run: `make screenshots`, or
`.venv/bin/python tools/screenshots.py`.
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "img"
CHROMIUM = "/usr/bin/chromium"
BUILD_EPOCH = "1795348800"  # 2026-11-22, as the tests use
MAX_BYTES = 150_000
# The guide's pictures: (file, page, width, height).
GUIDE = (
    ("startsida.png", "vg/index.html", 800, 560),
    ("evenemang.png", "jh/events/mobilisering-jord-skog-och-vatten/index.html", 800, 560),
    ("nyhet.png", "vg/news/digital-uppstart-for-kraftsamlingarna/index.html", 800, 560),
)
# One page of every kind, each shot at both sizes as docs/img/<kind>-<width>.png.
KINDS = {
    "hem": "vg/index.html",
    "sida": "vg/smart-specialisering/index.html",
    "taxonomi": "vg/kraftsamlingar/index.html",
    "term": "vg/kraftsamlingar/digitalisering/index.html",
    "evenemangslista": "jh/events/index.html",
    "evenemang": "vg/events/uppstart-digitalisering/index.html",
    "evenemang-fullsatt": "jh/events/vision-hallbar-energi/index.html",
    "nyhetslista": "vg/news/index.html",
    "nyhet": "boras/news/fokus-borasregionen/index.html",
    "tillganglighet": "vg/tillganglighet/index.html",
    "sok": "vg/sok/index.html",
    "engelska": "vg/en/index.html",
    "natverket": "index.html",
}
SIZES = ((390, 844), (1280, 900))


def build(output: Path) -> None:
    """Build the sites with the project's own command line."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH}
    command = [sys.executable, "-m", "rusgen", "build", "--source", str(ROOT), "--output", str(output)]
    subprocess.run(command, check=True, env=env, cwd=ROOT)


def published(site: Path) -> dict[str, Path]:
    """Map each region's published address to its folder, so the network index's marks load."""
    found = {}
    for home in site.glob("*/index.html"):
        match = re.search(r'<link rel="canonical" href="([^"]+)"', home.read_text("utf-8"))
        if match:
            found[match.group(1)] = home.parent
    return found


def save_small(png: bytes, target: Path) -> int:
    """Write a screenshot with few colours: text and flat colours lose nothing to see."""
    image = Image.open(io.BytesIO(png)).convert("RGB").quantize(colors=48, dither=Image.Dither.NONE)
    image.save(target, "PNG", optimize=True)
    size = target.stat().st_size
    if size > MAX_BYTES:
        raise SystemExit(f"{target.relative_to(ROOT)} is {size} bytes; keep screenshots below {MAX_BYTES}")
    return size


def answer_from(address: str, folder: Path):
    """Return a route handler that answers requests below `address` from `folder`."""
    def answer(route) -> None:
        route.fulfill(path=str(folder / route.request.url.removeprefix(address)))
    return answer


def shoot(site: Path) -> None:
    """Save the guide's pictures and every kind of page at both sizes in docs/img/."""
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    shots = [(name, rel, w, h) for name, rel, w, h in GUIDE]
    shots += [(f"{kind}-{w}.png", rel, w, h) for kind, rel in KINDS.items() for w, h in SIZES]
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        context = browser.new_context()
        for address, folder in published(site).items():
            context.route(address + "**", answer_from(address, folder))
        page = context.new_page()
        for name, rel, width, height in shots:
            page.set_viewport_size({"width": width, "height": height})
            page.goto((site / rel).as_uri())
            size = save_small(page.screenshot(), OUT / name)
            print(f"docs/img/{name}: {size // 1000} kB")
        browser.close()


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        build(Path(folder))
        shoot(Path(folder))


if __name__ == "__main__":
    main()
