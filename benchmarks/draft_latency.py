"""Time the editor's draft preview (POST /api/rusgen/preview) once the preview has rendered
every page, as in a `rusgen serve` session: five drafts of one page, each with a sentence
appended; prints the median and the minimum.

Usage (from the repository root):

    .venv/bin/python benchmarks/corpus.py /dev/shm/corpus 4000
    .venv/bin/python benchmarks/draft_latency.py /dev/shm/corpus

For an A/B, run it alternately with PYTHONPATH at each version of rusgen, in one run.
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

from rusgen.build import BuildOptions
from rusgen.editor.draft import DraftPreview
from rusgen.preview import SiteRebuilder

DRAFTS = 5


def main(source: Path) -> None:
    options = BuildOptions(source=source, drafts=True, preview=True)
    rebuild = SiteRebuilder(options)
    snapshot = rebuild()
    if snapshot.later is None:
        sys.exit(f"the project does not build: {snapshot.problems}")
    while snapshot.later.next() is not None:  # the preview's caches as after a whole session
        pass
    draft = DraftPreview(options, "sv", rebuild.caches)
    page = sorted((source / "content").glob("*/**/*.md"))[5]
    rel, text = page.relative_to(source).as_posix(), page.read_text("utf-8")
    times = []
    for i in range(DRAFTS):
        started = time.perf_counter()
        _, html = draft(rel, f"{text}\nEn mening till {i}.\n", "http://127.0.0.1:8000")
        times.append(time.perf_counter() - started)
        if f"En mening till {i}." not in html:
            sys.exit(f"the draft did not render: {html[:300]}")
    print(f"{rel}: draft median {statistics.median(times):.3f} s, min {min(times):.3f} s")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
