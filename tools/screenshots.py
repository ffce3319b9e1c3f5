"""Regenerate the screenshots in docs/img/ that docs/guide.md shows.

Builds the repository's content with a fixed clock into a temporary folder, opens three
pages in Debian's headless Chromium (through playwright) and saves the top of each,
800 pixels wide, as a small PNG. Run: `.venv/bin/python tools/screenshots.py`.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "img"
CHROMIUM = "/usr/bin/chromium"
BUILD_EPOCH = "1795348800"  # 2026-11-22, as the tests use
WIDTH, HEIGHT = 800, 560
MAX_BYTES = 150_000
SHOTS = {
    "startsida.png": "vastra-gotaland/index.html",
    "evenemang.png": "jamtland-harjedalen/events/mobilisering-jord-skog-och-vatten/index.html",
    "nyhet.png": "vastra-gotaland/news/digital-uppstart-for-kraftsamlingarna/index.html",
}


def build(output: Path) -> None:
    """Build the sites with the project's own command line."""
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH}
    command = [sys.executable, "-m", "rusgen", "build", "--source", str(ROOT), "--output", str(output)]
    subprocess.run(command, check=True, env=env, cwd=ROOT)


def shoot(site: Path) -> None:
    """Save each page's top as a PNG in docs/img/."""
    from playwright.sync_api import sync_playwright

    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        page = browser.new_page(viewport={"width": WIDTH, "height": HEIGHT})
        for name, rel in SHOTS.items():
            page.goto((site / rel).as_uri())
            page.screenshot(path=str(OUT / name), clip={"x": 0, "y": 0, "width": WIDTH, "height": HEIGHT})
            size = (OUT / name).stat().st_size
            print(f"docs/img/{name}: {size // 1000} kB")
            if size > MAX_BYTES:
                raise SystemExit(f"docs/img/{name} is {size} bytes; keep screenshots below {MAX_BYTES}")
        browser.close()


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        build(Path(folder))
        shoot(Path(folder))


if __name__ == "__main__":
    main()
