"""Owners and reviews: shown on the page, and `rusgen check` warns when a review is overdue."""

from __future__ import annotations

import json
import re
from pathlib import Path

from conftest import output_lines, run_rusgen
from sitekit import REGION, write_site
from test_scheduling import NOW

CONTACTS = """\
robin-kalmendal:
  name: Robin Kalmendal
  role: Regionutvecklare
  email: robin.kalmendal@example.se
"""

PAGES = {
    "contacts.yaml": CONTACTS,
    # Due by its own review_by, a day before the build (27 November 2026).
    "plan.md": "---\ntitle: Plan\nsummary: Planen.\nowner: robin-kalmendal\nreviewed: 2025-11-01\n"
               "review_by: 2026-11-26\n---\nText.\n",
    # Due by the region's review_every: 2025-10-31 + 12 months.
    "program.md": "---\ntitle: Program\nsummary: Programmet.\nreviewed: 2025-10-31\n---\nText.\n",
    # Reviewed recently: not due.
    "nytt.md": "---\ntitle: Nytt\nsummary: Nytt.\nowner: robin-kalmendal\nreviewed: 2026-06-01\n---\nText.\n",
}


def test_the_page_names_its_owner_and_last_review_apart_from_its_update(tmp_path: Path) -> None:
    site = write_site(tmp_path, {**PAGES, "plan.md": PAGES["plan.md"].replace(
        "review_by", "updated: 2026-11-02 10:15\nreview_by")})
    result = run_rusgen("build", "--source", str(site), "--output", str(site / "out"), epoch=NOW)
    assert result.exit_code == 0, result.output
    page = (site / "out/test/plan/index.html").read_text(encoding="utf-8")
    assert "<dt>Innehållsansvarig</dt><dd><a href=\"mailto:robin.kalmendal@example.se\">Robin " \
        "Kalmendal</a>, Regionutvecklare</dd>" in page
    assert '<dt>Senast granskad</dt><dd><time datetime="2025-11-01">1 november 2025</time>' in page
    assert "Senast uppdaterad: <time" in page
    # For search engines and tools too: schema.org's lastReviewed and maintainer.
    ld = [json.loads(text) for text in
          re.findall(r'<script type="application/ld\+json">(.*?)</script>', page)]
    web_page = next(item for item in ld if item["@type"] == "WebPage")
    assert web_page["lastReviewed"] == "2025-11-01"
    assert web_page["maintainer"]["name"] == "Robin Kalmendal"


def test_check_warns_about_overdue_reviews_naming_the_owner(tmp_path: Path) -> None:
    site = write_site(tmp_path, PAGES, region=REGION + "review_every: 12\n")
    result = run_rusgen("check", "--source", str(site), epoch=NOW)
    reviews = [line for line in output_lines(result) if "granskningen" in line]
    assert reviews == [
        "content/test/plan.md:6: varning: review_by: granskningen skulle ha gjorts senast "
        "26 november 2026; innehållsansvarig: Robin Kalmendal <robin.kalmendal@example.se>. Läs "
        "igenom sidan och skriv dagens datum i `reviewed:`",
        "content/test/program.md:4: varning: reviewed: granskningen skulle ha gjorts senast "
        "31 oktober 2026; innehållsansvarig: ingen (skriv `owner:` med ett id från contacts.yaml). "
        "Läs igenom sidan och skriv dagens datum i `reviewed:`",
    ]
    assert result.exit_code == 0  # warnings: the site works
    as_json = run_rusgen("check", "--source", str(site), "--format", "json", epoch=NOW)
    overdue = [p for p in json.loads(as_json.output)["problems"] if p["code"] == "review.overdue"]
    assert [(p["path"], p["level"]) for p in overdue] == [
        ("content/test/plan.md", "warning"), ("content/test/program.md", "warning")
    ]


def test_an_owner_who_is_not_a_contact_is_refused(tmp_path: Path) -> None:
    site = write_site(tmp_path, {**PAGES, "plan.md": "---\ntitle: Plan\nowner: kim\n---\nText.\n"})
    result = run_rusgen("check", "--source", str(site), epoch=NOW)
    assert result.exit_code == 1
    assert 'content/test/plan.md:3: fel: owner: det finns ingen kontakt "kim" i ' \
        "content/test/contacts.yaml (de som finns: robin-kalmendal)" in result.output
