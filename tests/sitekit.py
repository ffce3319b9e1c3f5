"""Write small sites in a temporary folder for the check and new tests."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

NETWORK = """\
name: Testnätet
base_url: https://rus.example.se/
output: public
language: sv
theme: default
"""

REGION = """\
name: Testlän
organisation: Region Test
base_url: https://rus.example.se/test/
languages: [sv, en]
menu: [om, events, news]
accessibility:
  status: helt
  method: Egen granskning
  assessed: 2026-01-01
  feedback: {email: tillganglighet@example.se}
"""

PAGES = {
    "index.md": "---\ntitle: Start\nsummary: Startsidan.\n---\n\nVälkommen. Läs [om oss](om.md).\n",
    "om.md": "---\ntitle: Om oss\nsummary: Vilka vi är.\n---\n\n## Vilka vi är\n\nText.\n",
}


def write_site(root: Path, files: dict[str, str | bytes] | None = None, region: str = REGION) -> Path:
    """Write a one-region site (region id "test") plus `files`, relative to content/test/."""
    (root / "rusgen.yaml").write_text(NETWORK, "utf-8")
    if not (root / "themes").exists():
        shutil.copytree(ROOT / "rusgen" / "themes", root / "themes")
    folder = root / "content" / "test"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "region.yaml").write_text(region, "utf-8")
    for rel, data in {**PAGES, **(files or {})}.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, bytes):
            path.write_bytes(data)
        else:
            path.write_text(textwrap.dedent(data), "utf-8")
    return root
