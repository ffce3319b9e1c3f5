"""docs/guide.md: its screenshots exist, are small, and its commands exist."""

from __future__ import annotations

import re
import struct

from click.testing import CliRunner

from rusgen.cli import main
from tests.conftest import ROOT

GUIDE = ROOT / "docs" / "guide.md"


def test_screenshots_exist_and_are_small() -> None:
    images = re.findall(r"!\[[^\]]+\]\((img/[^)]+\.png)\)", GUIDE.read_text("utf-8"))
    assert len(images) >= 2
    for rel in images:
        data = (GUIDE.parent / rel).read_bytes()
        width = struct.unpack(">I", data[16:20])[0]
        assert data[:8] == b"\x89PNG\r\n\x1a\n" and width in (390, 800, 1280) and len(data) < 150_000, rel


def test_guide_commands_exist() -> None:
    for command in ("init", "build", "check", "serve", "new region", "new page", "new event", "new news"):
        result = CliRunner().invoke(main, [*command.split(), "--help"])
        assert result.exit_code == 0, command
