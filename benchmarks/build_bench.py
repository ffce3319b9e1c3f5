"""Time rusgen builds of a generated corpus as whole processes; print a Markdown table.

    python benchmarks/build_bench.py [--pages 4000] [--runs 3] [--write docs/performance.md]

Each figure is the median of --runs runs: a cold build into an empty folder, a rebuild
with nothing changed, and a rebuild after one page changed. Peak memory is the largest
resident set of the build process (os.wait4), in MB.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate  # noqa: E402

RUSGEN = [sys.executable, "-m", "rusgen"]
MARK_START, MARK_END = "<!-- build-bench:start -->", "<!-- build-bench:end -->"


def timed_build(source: Path, output: Path) -> tuple[float, float]:
    """Run one build as its own process; return (seconds, peak MB)."""
    env = dict(os.environ, SOURCE_DATE_EPOCH="1795348800")
    started = time.perf_counter()
    process = subprocess.Popen(
        [*RUSGEN, "build", "--source", str(source), "--output", str(output)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env,
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"build failed: {process.stderr.read().decode()[-2000:]}")
    return elapsed, usage.ru_maxrss / 1024


def measure(pages: int, runs: int, work: Path) -> dict[str, tuple[float, float]]:
    source = generate(work / f"corpus-{pages}", pages)
    page = sorted((source / "content" / "alfa" / "sidor").glob("sida-*.md"))[0]
    results: dict[str, list[tuple[float, float]]] = {"cold": [], "unchanged": [], "one page": []}
    for run in range(runs):
        output = work / f"out-{pages}-{run}"
        shutil.rmtree(output, ignore_errors=True)
        results["cold"].append(timed_build(source, output))
        results["unchanged"].append(timed_build(source, output))
        page.write_text(page.read_text(encoding="utf-8") + f"\nÄndring {run}.\n", encoding="utf-8")
        results["one page"].append(timed_build(source, output))
    return {
        kind: (statistics.median(t for t, _ in values), max(m for _, m in values))
        for kind, values in results.items()
    }


def table(pages: int, figures: dict[str, tuple[float, float]]) -> str:
    lines = ["| pages | build | median s | pages/s | peak MB |", "|---:|---|---:|---:|---:|"]
    for kind, (seconds, peak) in figures.items():
        lines.append(f"| {pages} | {kind} | {seconds:.2f} | {pages / seconds:.0f} | {peak:.0f} |")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, action="append")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--write", type=Path)
    args = parser.parse_args()
    sizes = args.pages or [4000]
    with tempfile.TemporaryDirectory(prefix="rusgen-bench-") as tmp:
        tables = [table(n, measure(n, args.runs, Path(tmp))) for n in sizes]
    machine = f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
    command = "make bench  # python benchmarks/build_bench.py " + " ".join(
        f"--pages {n}" for n in sizes
    ) + f" --runs {args.runs}"
    report = f"Machine: {machine}.\n\nCommand: `{command}`\n\n" + "\n\n".join(tables)
    print(report)
    if args.write:
        write_section(args.write, report)


def write_section(path: Path, report: str) -> None:
    """Replace the build section of docs/performance.md, keeping everything else."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n"
    block = f"{MARK_START}\n{report}\n{MARK_END}"
    if MARK_START in text and MARK_END in text:
        head, rest = text.split(MARK_START, 1)
        text = head + block + rest.split(MARK_END, 1)[1]
    else:
        text = text.rstrip() + "\n\n## Builds\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
