"""Measure `rusgen serve`'s reload latency: from saving a file to the new text in the browser.

Usage (from the repository root, after `make install`):

    .venv/bin/python benchmarks/serve_latency.py                # the repository's content
    .venv/bin/python benchmarks/serve_latency.py --pages 4000:5   # plus 4000 pages, 5 edits
    .venv/bin/python benchmarks/serve_latency.py --pages 0:10 --pages 4000:5 \
        --write docs/performance.md                             # what `make bench` runs

The project is copied into a temporary folder (the repository is never edited); with
--pages, that many extra pages are generated deterministically across the regions. A real
`rusgen serve` runs on a free loopback port and Debian's Chromium (through playwright)
watches the page while the script edits its source.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_bench import parse_sizes, write_section  # noqa: E402

SERVE_MARKS = ("<!-- serve-bench:start -->", "<!-- serve-bench:end -->")
CHROMIUM = "/usr/bin/chromium"
EDITED = "content/borasregionen/index.md"
PARAGRAPH = (
    "Regionen arbetar med kompetensförsörjning, innovation och hållbar tillväxt tillsammans "
    "med kommunerna, näringslivet, akademin och civilsamhället. Arbetet följs upp varje år.\n"
)


def make_project(target: Path, pages: int) -> None:
    """Copy the repository's project to `target` and add `pages` generated pages."""
    shutil.copy(ROOT / "rusgen.yaml", target / "rusgen.yaml")
    shutil.copytree(ROOT / "content", target / "content")
    shutil.copytree(ROOT / "rusgen" / "themes", target / "themes")
    regions = sorted(p.name for p in (target / "content").iterdir() if p.is_dir())
    for number in range(pages):
        region = regions[number % len(regions)]
        folder = target / "content" / region / "generated" / f"del-{number // 100:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        body = "\n".join(
            [f"## Avsnitt {i}\n\n{PARAGRAPH * 3}" for i in range(1, 4)]
            + ["- punkt ett\n- punkt två\n- punkt tre\n"]
        )
        (folder / f"sida-{number:05d}.md").write_text(
            f"---\ntitle: Genererad sida {number}\nsummary: Sida {number} för mätning.\n---\n\n{body}",
            encoding="utf-8",
        )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_until_up(url: str, timeout: float = 120.0) -> float:
    """Wait for the first answer; return the seconds it took."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return time.perf_counter() - started
        except OSError:
            time.sleep(0.05)
    raise SystemExit(f"rusgen serve did not answer at {url}")


def measure(project: Path, runs: int, verbose: bool = False) -> list[float]:
    """Edit the page `runs` times; return the seconds from each save to the text on screen."""
    from playwright.sync_api import sync_playwright

    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "rusgen", "serve", "--source", str(project), "--port", str(port)],
        stderr=None if verbose else subprocess.DEVNULL, stdout=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}/"
        print(f"first build and answer: {wait_until_up(base):.2f} s")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page()
            page.goto(base + "boras/")  # its folder: the path of its base_url
            page.wait_for_timeout(300)  # let the event stream connect
            source = project / EDITED
            original = source.read_text(encoding="utf-8")
            latencies = []
            for run in range(runs):
                token = f"Mätpunkt {run} klar."
                started = time.perf_counter()
                source.write_text(f"{original}\n{token}\n", encoding="utf-8")
                page.wait_for_function(
                    f"document.body && document.body.innerText.includes({token!r})",
                    polling=5, timeout=30_000,
                )
                latencies.append(time.perf_counter() - started)
                page.wait_for_timeout(200)  # separate the runs, as a writer's saves are
            browser.close()
        return latencies
    finally:
        server.terminate()
        server.wait()


def measure_size(pages: int, runs: int, verbose: bool) -> str:
    """Measure `runs` edits on the project with `pages` extra pages; return a table row."""
    with tempfile.TemporaryDirectory(prefix="rusgen-serve-bench-") as folder:
        project = Path(folder)
        make_project(project, pages)
        count = sum(1 for _ in (project / "content").rglob("*.md"))
        print(f"{count} Markdown pages in {project}")
        before = os.getloadavg()[0]
        latencies = measure(project, runs, verbose)
        after = os.getloadavg()[0]
    ms = sorted(x * 1000 for x in latencies)
    print(
        f"save -> visible over {len(ms)} edits: median {statistics.median(ms):.0f} ms, "
        f"min {ms[0]:.0f} ms, max {ms[-1]:.0f} ms "
        f"(1-minute load average {before:.1f} before, {after:.1f} after, on {os.cpu_count()} cores)"
    )
    site = "repository content" if not pages else f"repository + {pages} generated pages"
    return (f"| {site} ({count} sources) | {len(ms)} | {statistics.median(ms):.0f} / {ms[0]:.0f} / "
            f"{ms[-1]:.0f} ms | {before:.1f} → {after:.1f} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", action="append", metavar="N[:RUNS]",
                        help="extra pages to generate, and edits to time (default 0:10)")
    parser.add_argument("--runs", type=int, default=10, help="edits to time")
    parser.add_argument("--verbose", action="store_true", help="show the server's own log")
    parser.add_argument("--write", type=Path, help="record the table in this Markdown file")
    args = parser.parse_args()
    sizes = parse_sizes(args.pages or ["0"], args.runs)
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    rows = [measure_size(pages, runs, args.verbose) for pages, runs in sizes]
    command = "python benchmarks/serve_latency.py " + " ".join(f"--pages {p}:{r}" for p, r in sizes)
    report = (
        f"Measured {started} on {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}, Debian's Chromium.\n\nCommand: `{command}`\n\n"
        "| site | edits | save → visible (median / min / max) | 1-min load average |\n"
        "| --- | ---: | --- | --- |\n" + "\n".join(rows)
    )
    print(report)
    if args.write:
        write_section(args.write, report, SERVE_MARKS, heading="Live reload (rusgen serve)")


if __name__ == "__main__":
    main()
