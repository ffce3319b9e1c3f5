"""Time a generated corpus built whole and in N shards (`rusgen build --shard I/N`), cold.

Each build starts without .rusgen-cache/, as a fresh CI runner does. The shards run one
after another here; on CI they run at once on separate runners, so the network's build
takes as long as its slowest shard. Writes the table into docs/publishing.md:

    python benchmarks/shard_bench.py --pages 20000 --shards 4 --write docs/publishing.md
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build_bench import RUSGEN, run, write_section  # noqa: E402
from corpus import generate  # noqa: E402

MARKS = ("<!-- shard-bench:start -->", "<!-- shard-bench:end -->")


def cold_build(source: Path, output: Path, *args: str) -> tuple[float, float, float]:
    """Build with no cache and no earlier output; return (seconds, CPU seconds, peak MB)."""
    shutil.rmtree(source / ".rusgen-cache", ignore_errors=True)
    shutil.rmtree(output, ignore_errors=True)
    return run([*RUSGEN, "build", "--source", str(source), "--output", str(output), *args])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pages", type=int, default=20000)
    parser.add_argument("--shards", type=int, default=4)
    parser.add_argument("--write", type=Path, help="the Markdown file to write the table into")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="rusgen-shards-") as work:
        source = generate(Path(work) / "corpus", args.pages)
        rows = [("whole", *cold_build(source, Path(work) / "whole"))]
        files = sum(1 for p in (Path(work) / "whole").rglob("*") if p.is_file())
        for index in range(1, args.shards + 1):
            shard = f"{index}/{args.shards}"
            rows.append((f"--shard {shard}", *cold_build(source, Path(work) / f"shard-{index}",
                                                         "--shard", shard)))
    slowest = max(seconds for name, seconds, _, _ in rows[1:])
    lines = [
        f"{args.pages} generated pages in 4 regions ({files} files written), each build cold "
        f"(no .rusgen-cache/), on {os.cpu_count()} cores shared with other work "
        f"({platform.python_implementation()} {platform.python_version()}, load average at the "
        f"end {os.getloadavg()[0]:.1f}). Measured by `benchmarks/shard_bench.py`.",
        "",
        "| build | seconds | CPU seconds | peak memory (MB) |",
        "| --- | ---: | ---: | ---: |",
        *(f"| {name} | {seconds:.1f} | {cpu:.1f} | {peak:.0f} |" for name, seconds, cpu, peak in rows),
        "",
        f"With the {args.shards} shards on {args.shards} runners at once, the network is built "
        f"in the time of the slowest shard: {slowest:.1f} s against {rows[0][1]:.1f} s whole, "
        "plus each runner's start and install and the assembling job.",
    ]
    report = "\n".join(lines)
    print(report)
    if args.write:
        write_section(args.write, report, MARKS, heading="Measured: a large network in shards")


if __name__ == "__main__":
    main()
