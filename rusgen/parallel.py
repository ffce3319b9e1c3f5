"""Spread independent chunks of work over the machine's cores, or run them here.

The workers are forked, so they start with the parent's memory (the Site, the theme's
compiled templates, the caches) and nothing needs to be pickled on the way in; only each
chunk's result comes back. A site too small to repay the forks (MIN_ITEMS), a machine
with one core, or a platform without fork runs the chunks in this process instead.
Results come back in the order of the chunks either way, so output does not depend on it.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from typing import Any

MIN_ITEMS = 200  # below this, forking and sending pages back costs more than it saves
CHUNKS_PER_WORKER = 4  # several chunks a worker, so one slow chunk does not idle the rest

# The task and chunks of the pool being started. A forked worker finds them here; this is
# the one module-level variable of rusgen, set and cleared around each pool.
_work: tuple[Callable[[Any], Any], Sequence[Any]] | None = None


def workers() -> int:
    """Return how many worker processes to use: one per core, none without fork."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return 0
    # The cores this process may run on: in a container or under taskset that can be far
    # fewer than the machine has, and a worker per absent core only adds forks.
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def run_chunked(
    task: Callable[[list], Any], items: list, allowed: bool = True,
    prepare: Callable[[], object] | None = None,
) -> list:
    """Return [task(chunk) for chunk of items], in workers when there is enough work.

    `prepare` runs here first when workers are forked: what it loads (compiled templates,
    dictionaries) every worker then shares, instead of each loading its own and losing it
    when it ends.
    """
    count = workers() if allowed and len(items) >= MIN_ITEMS else 0
    if count < 2:
        return [task(items)]
    if prepare is not None:
        prepare()
    size = -(-len(items) // (count * CHUNKS_PER_WORKER))
    chunks = [items[i : i + size] for i in range(0, len(items), size)]
    global _work
    _work = (task, chunks)
    try:
        with multiprocessing.get_context("fork").Pool(count) as pool:
            return pool.map(_run_chunk, range(len(chunks)), chunksize=1)
    finally:
        _work = None


def _run_chunk(index: int) -> Any:
    assert _work is not None, "a worker must be forked by run_chunked"
    task, chunks = _work
    return task(chunks[index])
