"""Time rusgen (and Hugo, with --peers) on a generated corpus as whole processes.

    python benchmarks/build_bench.py [--pages 4000] [--pages 20000:1] [--runs 3] [--peers]
                                     [--write docs/performance.md]

--pages N:R measures N pages with R runs (default --runs). Every figure is the median of
its runs, each a whole process:

- cold: an empty output folder and no .rusgen-cache/;
- unchanged: the same build again, nothing changed;
- one page: after appending a sentence to one page;
- stylesheet: after changing the theme's stylesheet (every page links to its new name);
- Hugo cold (--peers): the same pages as a Hugo site with a minimal layout;
- Hugo + Pagefind (--peers): that build followed by Pagefind on Hugo's output, the same
  job as rusgen's (HTML and a search index), timed as the two processes together.

Peak memory is the largest resident set of the build process or any of its children
(os.wait4), in MB. Each row carries the load average (1 min) read before its runs: the
machine may be shared, and ratios against Hugo measured in the same run are what count.
The work folder is on /dev/shm (tmpfs) when there is one, as the issue's peer figures were.
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
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate, write_hugo_site  # noqa: E402

RUSGEN = [sys.executable, "-m", "rusgen"]
MARK_START, MARK_END = "<!-- build-bench:start -->", "<!-- build-bench:end -->"
EPOCH = "1795348800"
STYLESHEET = Path("themes/default/static/style.css")


@dataclass
class Figure:
    seconds: list[float]
    cpu: list[float]  # user + system seconds of the process and its children
    peak_mb: float
    load: float

    @property
    def median(self) -> float:
        return statistics.median(self.seconds)


def run(command: list[str]) -> tuple[float, float, float]:
    """Run one command as its own process; return (seconds, CPU seconds, peak MB).

    CPU time is the steadier figure on a shared machine: wall time grows with the load.
    """
    env = dict(os.environ, SOURCE_DATE_EPOCH=EPOCH)
    started = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if status != 0:
        raise SystemExit(f"{command[0]} failed: {process.stderr.read().decode()[-2000:]}")
    # On Linux wait4's ru_maxrss is the largest of the process and its waited-for children
    # (rusgen's workers, Pagefind): the peak of one process, not the sum of them.
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def rusgen_build(source: Path, output: Path) -> tuple[float, float, float]:
    return run([*RUSGEN, "build", "--source", str(source), "--output", str(output)])


def measure_rusgen(source: Path, work: Path, runs: int) -> dict[str, Figure]:
    page = sorted((source / "content" / "alfa" / "sidor").glob("sida-*.md"))[0]
    stylesheet = source / STYLESHEET
    kinds = ("cold", "unchanged", "one page", "stylesheet")
    samples: dict[str, list[tuple[float, float, float]]] = {k: [] for k in kinds}
    loads: dict[str, list[float]] = {k: [] for k in kinds}
    for number in range(runs):
        output = work / f"out-{number}"
        shutil.rmtree(output, ignore_errors=True)
        shutil.rmtree(source / ".rusgen-cache", ignore_errors=True)
        for kind in kinds:
            if kind == "one page":
                page.write_text(page.read_text(encoding="utf-8") + f"\nÄndring {number}.\n",
                                encoding="utf-8")
            elif kind == "stylesheet":
                stylesheet.write_text(stylesheet.read_text(encoding="utf-8")
                                      + f"\n/* ändring {number} */\n", encoding="utf-8")
            loads[kind].append(os.getloadavg()[0])
            samples[kind].append(rusgen_build(source, output))
    return {
        kind: Figure([s for s, _, _ in samples[kind]], [c for _, c, _ in samples[kind]],
                     max(m for _, _, m in samples[kind]), statistics.median(loads[kind]))
        for kind in kinds
    }


def measure_hugo(site: Path, work: Path, runs: int) -> tuple[Figure, Figure]:
    """Return Hugo's cold build and Hugo followed by Pagefind (the same binary rusgen runs)."""
    from rusgen.outputs.search import pagefind_binary

    hugo: list[tuple[float, float, float]] = []
    both: list[tuple[float, float, float]] = []
    loads = []
    for number in range(runs):
        output = work / f"hugo-out-{number}"
        shutil.rmtree(output, ignore_errors=True)
        shutil.rmtree(site / "resources", ignore_errors=True)
        loads.append(os.getloadavg()[0])
        built = run(["hugo", "--source", str(site), "--destination", str(output), "--quiet"])
        indexed = run([str(pagefind_binary()), "--site", str(output), "--silent"])
        hugo.append(built)
        both.append((built[0] + indexed[0], built[1] + indexed[1], max(built[2], indexed[2])))
    load = statistics.median(loads)
    return tuple(  # type: ignore[return-value]
        Figure([s for s, _, _ in samples], [c for _, c, _ in samples],
               max(m for _, _, m in samples), load)
        for samples in (hugo, both)
    )


def table(pages: int, runs: int, figures: dict[str, Figure],
          peers: tuple[Figure, Figure] | None) -> str:
    lines = [
        "| pages | build | median s (min–max) | pages/s | × Hugo cold | × Hugo+Pagefind | "
        "CPU s | CPU × Hugo+Pagefind | peak MB | peak × Hugo | load avg |",
        "|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    hugo, both = peers or (None, None)
    rows = list(figures.items())
    if hugo and both:
        rows += [("Hugo cold", hugo), ("Hugo + Pagefind", both)]
    for kind, figure in rows:
        cpu = statistics.median(figure.cpu)
        spread = f"{figure.median:.2f} ({min(figure.seconds):.2f}–{max(figure.seconds):.2f})"
        ratios = ["–"] * 4
        if hugo and both:
            ratios = [f"{figure.median / hugo.median:.2f}", f"{figure.median / both.median:.2f}",
                      f"{cpu / statistics.median(both.cpu):.2f}",
                      f"{figure.peak_mb / hugo.peak_mb:.2f}"]
        lines.append(
            f"| {pages} | {kind} | {spread} | {pages / figure.median:.0f} | {ratios[0]} | "
            f"{ratios[1]} | {cpu:.2f} | {ratios[2]} | {figure.peak_mb:.0f} | {ratios[3]} | "
            f"{figure.load:.1f} |"
        )
    return f"{pages} pages, {runs} run(s) each:\n\n" + "\n".join(lines)


def parse_sizes(values: list[str] | None, runs: int) -> list[tuple[int, int]]:
    sizes = []
    for value in values or ["4000"]:
        pages, _, count = value.partition(":")
        sizes.append((int(pages), int(count) if count else runs))
    return sizes


def hugo_version() -> str:
    done = subprocess.run(["hugo", "version"], capture_output=True, text=True, check=False)
    return done.stdout.split()[1] if done.returncode == 0 and done.stdout else "?"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", action="append", metavar="N[:RUNS]")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--peers", action="store_true", help="also time Hugo on the same pages")
    parser.add_argument("--write", type=Path)
    args = parser.parse_args()
    if args.peers and shutil.which("hugo") is None:
        raise SystemExit("--peers needs hugo on PATH: make bench-peers installs Debian's package")
    sizes = parse_sizes(args.pages, args.runs)
    tmpfs = Path("/dev/shm")
    started = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    load_before = os.getloadavg()
    tables = []
    with tempfile.TemporaryDirectory(prefix="rusgen-bench-",
                                     dir=tmpfs if tmpfs.is_dir() else None) as tmp:
        work = Path(tmp)
        for pages, runs in sizes:
            source = generate(work / f"corpus-{pages}", pages)
            peers = None
            if args.peers:
                peers = measure_hugo(write_hugo_site(source, work / f"hugo-{pages}"), work, runs)
            tables.append(table(pages, runs, measure_rusgen(source, work / str(pages), runs), peers))
            shutil.rmtree(work, ignore_errors=True)
            work.mkdir()
    load_after = os.getloadavg()
    machine = (
        f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        + (f", Hugo {hugo_version()} (Debian)" if args.peers else "")
        + f"; output on {'tmpfs (/dev/shm)' if tmpfs.is_dir() else 'the temporary folder'}"
    )
    loads = f"load average (1, 5, 15 min) {_loads(load_before)} at the start, " \
            f"{_loads(load_after)} at the end"
    command = "python benchmarks/build_bench.py " + " ".join(
        f"--pages {p}:{r}" for p, r in sizes
    ) + (" --peers" if args.peers else "")
    report = (f"Measured {started} on {machine}; {loads}.\n\nCommand: `{command}`\n\n"
              + "\n\n".join(tables))
    print(report)
    if args.write:
        write_section(args.write, report)


def _loads(values: tuple[float, float, float]) -> str:
    return " / ".join(f"{v:.1f}" for v in values)


def write_section(path: Path, report: str, marks: tuple[str, str] = (MARK_START, MARK_END),
                  heading: str = "Builds") -> None:
    """Replace one measured section of docs/performance.md, keeping everything else."""
    start, end = marks
    text = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n"
    block = f"{start}\n{report}\n{end}"
    if start in text and end in text:
        head, rest = text.split(start, 1)
        text = head + block + rest.split(end, 1)[1]
    else:
        text = text.rstrip() + f"\n\n## {heading}\n\n" + block + "\n"
    path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
