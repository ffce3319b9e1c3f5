"""Generate a deterministic corpus of N pages over four regions, for benchmarks.

Pages have 600-900 Swedish words with headings, lists, tables and links; a tenth are
events and a tenth news items, as on a real regional site.
"""

from __future__ import annotations

import random
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REGIONS = ("alfa", "beta", "gamma", "delta")
WORDS = (
    "regional utveckling strategi kraftsamling näringsliv kompetens innovation hållbar "
    "omställning samverkan kommun region länsstyrelse akademi forskning företag arbete "
    "digitalisering elektrifiering cirkulär affärsmodell studier utbildning energi skog "
    "vatten jord upplevelser besöksnäring transport infrastruktur kultur livsmiljö "
    "tillväxt sysselsättning prioritering insats projekt finansiering medel program "
    "möte dialog uppföljning analys underlag vision mål genomförande ansvar resurser "
    "och att för med som är på av till det en ett vi de inom under mellan genom"
).split()


def paragraph(rng: random.Random, words: int) -> str:
    text = " ".join(rng.choice(WORDS) for _ in range(words))
    return text[0].upper() + text[1:] + "."


def body(rng: random.Random, index: int, region_pages: int) -> str:
    parts: list[str] = []
    target = rng.randint(600, 900)
    written = 0
    section = 0
    while written < target:
        if written and rng.random() < 0.25:
            section += 1
            parts.append(f"## Avsnitt {section} om {rng.choice(WORDS)}")
        n = rng.randint(40, 90)
        parts.append(paragraph(rng, n))
        written += n
        roll = rng.random()
        if roll < 0.1:
            parts.append("\n".join(f"- {paragraph(rng, 6)}" for _ in range(4)))
            written += 24
        elif roll < 0.15:
            rows = "\n".join(
                f"| {rng.choice(WORDS)} | {rng.randint(1, 9999)} | {rng.choice(WORDS)} |"
                for _ in range(5)
            )
            parts.append(f"| Område | Antal | Ansvar |\n|---|---:|---|\n{rows}")
            written += 15
        elif roll < 0.25:
            other = rng.randrange(region_pages // 10) * 10 + rng.randint(2, 9)
            other = min(other, region_pages - 1) if (region_pages - 1) % 10 >= 2 else other
            parts.append(f"Läs också [sidan {other}](sidor/sida-{other:05d}.md).")
            written += 3
    return "\n\n".join(parts) + "\n"


def write_region(folder: Path, name: str, pages: int, rng: random.Random) -> None:
    (folder / "sidor").mkdir(parents=True)
    (folder / "events").mkdir()
    (folder / "news").mkdir()
    (folder / "region.yaml").write_text(
        f"name: Region {name.title()}\norganisation: Region {name.title()}\n"
        f"base_url: https://rus.example.se/{name}/\nlanguages: [sv]\n"
        "menu: [sidor, events, news]\n"
        "accessibility:\n  status: delvis\n  method: Egen granskning\n  assessed: 2026-01-01\n"
        "  updated: 2026-01-01\n  known_issues: [Vissa PDF-dokument saknar taggar.]\n"
        "  feedback: {email: a@example.se}\n",
        encoding="utf-8",
    )
    (folder / "contacts.yaml").write_text("{}\n", encoding="utf-8")
    (folder / "index.md").write_text(f"---\ntitle: Region {name.title()}\n---\n\nVälkommen.\n")
    (folder / "sidor" / "index.md").write_text("---\ntitle: Sidor\n---\n\nAlla sidor.\n")
    for i in range(pages):
        kind = (i % 10) / 10  # a tenth events, a tenth news, the rest pages
        title = f"{paragraph(rng, 4)[:-1]} {i}"
        text = body(rng, i, pages)
        if kind < 0.1:
            day = 1 + i % 28
            path = folder / "events" / f"2026-03-{day:02d}-evenemang-{i:05d}.md"
            front = f"title: {title}\nstart: 2026-03-{day:02d} 09:30\nend: 2026-03-{day:02d} 12:00\n"
            front += "location: Regionens hus\n"
            text = text.replace("(sidor/", "(../sidor/")
        elif kind < 0.2:
            day = 1 + i % 28
            path = folder / "news" / f"2026-02-{day:02d}-nyhet-{i:05d}.md"
            front = f"title: {title}\ndate: 2026-02-{day:02d}\n"
            text = text.replace("(sidor/", "(../sidor/")
        else:
            path = folder / "sidor" / f"sida-{i:05d}.md"
            front = f"title: {title}\nsummary: {paragraph(rng, 12)}\n"
            text = text.replace("(sidor/", "(")
        path.write_text(f"---\n{front}---\n\n{text}", encoding="utf-8")


def generate(target: Path, pages: int, seed: int = 2026) -> Path:
    """Write a corpus of about `pages` pages into `target` (emptied first)."""
    if target.exists():
        shutil.rmtree(target)
    (target / "content").mkdir(parents=True)
    shutil.copytree(ROOT / "rusgen" / "themes", target / "themes")
    (target / "rusgen.yaml").write_text(
        "name: Benchmark\nbase_url: https://rus.example.se/\noutput: public\n"
        "language: sv\ntheme: default\n",
        encoding="utf-8",
    )
    rng = random.Random(seed)
    per_region = pages // len(REGIONS)
    for name in REGIONS:
        write_region(target / "content" / name, name, per_region, rng)
    return target


# A minimal Hugo layout: a page with its title and content, a list with links to its pages.
HUGO_CONFIG = """baseURL = "https://rus.example.se/"
languageCode = "sv"
title = "Benchmark"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT"]
"""
HUGO_SINGLE = """<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>{{ .Content }}</main></body></html>
"""
HUGO_LIST = """<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>{{ .Content }}
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>
</main></body></html>
"""


def write_hugo_site(source: Path, target: Path) -> Path:
    """Write the corpus's pages as a Hugo site: the same Markdown and front matter.

    Hugo reads index.md as a leaf bundle that swallows its folder, so the section pages
    become _index.md; the YAML files of a region mean nothing to Hugo and stay behind.
    """
    if target.exists():
        shutil.rmtree(target)
    for page in sorted((source / "content").rglob("*.md")):
        rel = page.relative_to(source / "content")
        if rel.name == "index.md":
            rel = rel.with_name("_index.md")
        (target / "content" / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(page, target / "content" / rel)
    layouts = target / "layouts" / "_default"
    layouts.mkdir(parents=True)
    (layouts / "single.html").write_text(HUGO_SINGLE, encoding="utf-8")
    (layouts / "list.html").write_text(HUGO_LIST, encoding="utf-8")
    (target / "hugo.toml").write_text(HUGO_CONFIG, encoding="utf-8")
    return target


if __name__ == "__main__":
    generate(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else 4000)
