"""Lighthouse (mobile, as it runs by default) gives 100 in performance, accessibility, best
practices and SEO on the home, event, news, accessibility-statement and search pages of a
region, served by a real web server. One Chromium runs the pages one after another."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from tests.conftest import CHROMIUM, ROOT

LIGHTHOUSE = ROOT / ".venv" / "lighthouse" / "node_modules"
RUNNER = ROOT / "tools" / "lighthouse_pages.mjs"
PAGES = (
    "vg/",
    "vg/events/uppstart-digitalisering/",
    "vg/news/digital-uppstart-for-kraftsamlingarna/",
    "vg/tillganglighet/",
    "vg/sok/",
)
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
# Performance is timed: `make test` runs this module alone, after the others.
pytestmark = pytest.mark.lighthouse


def lighthouse(urls: list[str]) -> dict[str, dict]:
    """Run Lighthouse on the pages with one Chromium; return each page's scores and failed audits."""
    env = {**os.environ, "NODE_PATH": str(LIGHTHOUSE), "CHROME_PATH": CHROMIUM}
    result = subprocess.run(
        ["node", str(RUNNER), *urls], capture_output=True, text=True, env=env, timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def below_100(reports: dict[str, dict]) -> dict[str, dict]:
    """Return, per page, the categories under 100 and the audits that cost the points."""
    return {
        url: {c: report[c] for c in CATEGORIES if report[c] < 100} | {"failed": report["failed"]}
        for url, report in reports.items()
        if any(report[c] < 100 for c in CATEGORIES) or report["runtimeError"]
    }


def test_lighthouse_scores_100_on_a_phone(built_site: Path, static_server) -> None:
    if not (LIGHTHOUSE / "lighthouse").is_dir():
        pytest.fail(f"{LIGHTHOUSE} is missing: run `make test`, which installs lighthouse@12.2.3")
    base = static_server(built_site)
    below = below_100(lighthouse([base + page for page in PAGES]))
    # Performance is timed on a CPU the machine shares with other work (two cores, a test
    # suite in parallel); a page that fell short only there is measured once more. Every
    # other category, and a second shortfall, fails.
    timed_only = [url for url, found in below.items() if set(found) == {"performance", "failed"}]
    if timed_only:
        below = {url: found for url, found in below.items() if url not in timed_only}
        below |= below_100(lighthouse(timed_only))
    assert below == {}
