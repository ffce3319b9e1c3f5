"""A pytest plugin that measures what compiling Jinja templates costs the test processes.

    PYTHONPATH=.:benchmarks .venv/bin/pytest -p template_compiles -n 2 -m "not browser ..."

Each test process (each xdist worker) writes how many templates it compiled and the CPU
that took, beside its whole CPU time, to template-compiles-<worker>.txt in the folder
TEMPLATE_COMPILES_DIR names (the current folder if unset). With TEMPLATE_COMPILES=keep the
compiled code is kept for the whole process, keyed by template name and source: the A/B
for a per-process cache in the package. Measuring only: never load it in make test, as
with keep the tests would no longer compile templates the way a user's build does.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Any

import jinja2
import pytest

KEEP = os.environ.get("TEMPLATE_COMPILES") == "keep"
compiles, compile_cpu = 0, 0.0
kept: dict[tuple[type, str | None, str], Any] = {}
jinja_compile = jinja2.Environment.compile


def timed_compile(self: jinja2.Environment, source: Any, name: str | None = None,
                  filename: str | None = None, raw: bool = False, defer_init: bool = False) -> Any:
    global compiles, compile_cpu
    key = (type(self), name, source)
    if KEEP and not raw and not defer_init and isinstance(source, str) and key in kept:
        return kept[key]
    started = time.process_time()
    code = jinja_compile(self, source, name, filename, raw, defer_init)
    compiles, compile_cpu = compiles + 1, compile_cpu + time.process_time() - started
    if KEEP and not raw and not defer_init and isinstance(source, str):
        kept[key] = code
    return code


jinja2.Environment.compile = timed_compile  # type: ignore[method-assign]


def pytest_sessionfinish(session: pytest.Session) -> None:
    worker = os.environ.get("PYTEST_XDIST_WORKER", "main")
    folder = Path(os.environ.get("TEMPLATE_COMPILES_DIR", "."))
    (folder / f"template-compiles-{worker}.txt").write_text(
        f"{worker}: {compiles} compiles, {compile_cpu:.1f} s CPU compiling, "
        f"{time.process_time():.1f} s CPU in all\n", encoding="utf-8")
