"""Time the raw HTML cleaner on the benchmark corpus, as if every page held raw HTML.

    python benchmarks/sanitise_cost.py [--pages 4000]

A build cleans only the bodies that hold raw HTML, and the corpus holds none, so a whole
build does not show the cost. This renders every body of the corpus once, then cleans
every rendered body with the cleaner a build uses: the most it could add to a cold build.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate  # noqa: E402

from rusgen.markdown import make_markdown  # noqa: E402
from rusgen.sanitise import clean_html  # noqa: E402


def main() -> None:
    """Print the time to render the corpus's bodies and the time to clean them all."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=4000)
    pages = parser.parse_args().pages
    work = Path("/dev/shm") if Path("/dev/shm").is_dir() else None
    with tempfile.TemporaryDirectory(dir=work) as folder:
        root = generate(Path(folder) / "site", pages)
        bodies = [p.read_text("utf-8").split("---\n", 2)[2] for p in sorted(root.rglob("*.md"))]
    md = make_markdown()
    start = time.perf_counter()
    rendered = [md.render(body) for body in bodies]
    render = time.perf_counter() - start
    start = time.perf_counter()
    cleaned = [clean_html(html) for html in rendered]
    clean = time.perf_counter() - start
    size = sum(len(html) for html in rendered)
    print(f"{len(bodies)} bodies, {size / 1e6:.1f} MB of HTML: render {render:.2f} s, "
          f"clean {clean:.2f} s ({clean / render:.0%} of render, "
          f"{clean / len(bodies) * 1e6:.0f} µs a page); {sum(map(len, cleaned)) / 1e6:.1f} MB kept")


if __name__ == "__main__":
    main()
