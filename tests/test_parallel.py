"""Rendering in forked workers gives the same files and the same messages as in one process."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, output_lines, run_rusgen
from test_golden import tree

import rusgen.parallel

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import generate  # noqa: E402

IN_WORKERS, IN_ONE_PROCESS = 10, 10**9  # MIN_ITEMS that force each path on a small corpus


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return generate(tmp_path / "site", 80)


def build(source: Path, output: Path, min_items: int, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(rusgen.parallel, "MIN_ITEMS", min_items)
    # No cache: both builds must render every page themselves.
    return run_rusgen("build", "--source", str(source), "--output", str(output), epoch="1795348800")


def test_workers_and_one_process_write_identical_trees(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert rusgen.parallel.workers() >= 2, "this test needs a machine with two cores"
    serial = build(corpus, tmp_path / "serial", IN_ONE_PROCESS, monkeypatch)
    (corpus / ".rusgen-cache").rename(tmp_path / "cache-of-serial")
    pooled = build(corpus, tmp_path / "pooled", IN_WORKERS, monkeypatch)
    assert serial.exit_code == pooled.exit_code == 0, serial.output + pooled.output
    expected = tree(tmp_path / "serial")
    assert len(expected) > 80
    assert tree(tmp_path / "pooled") == expected


def test_workers_report_every_broken_link_as_one_process_does(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pages = sorted((corpus / "content").rglob("sida-*.md"))
    for page in pages[::7]:  # pages spread over every region and chunk
        page.write_text(page.read_text(encoding="utf-8") + "\n[Borta](finns-inte.md)\n",
                        encoding="utf-8")
    results = {}
    for name, min_items in (("serial", IN_ONE_PROCESS), ("pooled", IN_WORKERS)):
        result = build(corpus, tmp_path / name, min_items, monkeypatch)
        assert result.exit_code == 1
        results[name] = output_lines(result)
    broken = [line for line in results["serial"]
              if 'det finns ingen sida eller fil "finns-inte.md"' in line]
    assert len(broken) == len(pages[::7])
    assert results["pooled"] == results["serial"]


def test_workers_stop_at_a_theme_error_as_one_process_does(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    template = corpus / "themes" / "default" / "templates" / "page.html"
    template.write_text('{% extends "base.html" %}\n'
                        "{% block body %}{{ page.no_such_field }}{% endblock %}\n", encoding="utf-8")
    results = {}
    for name, min_items in (("serial", IN_ONE_PROCESS), ("pooled", IN_WORKERS)):
        result = build(corpus, tmp_path / name, min_items, monkeypatch)
        assert result.exit_code == 1
        results[name] = output_lines(result)
    assert "page.html" in results["serial"][-1] and "no_such_field" in results["serial"][-1]
    assert results["pooled"] == results["serial"]


def test_workers_compile_no_template_and_load_no_dictionary_themselves(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The build process compiles the theme and loads the hyphenation dictionary before it
    forks (render.warm_up): a worker that did so itself lost it when it ended."""
    import os

    import jinja2
    import pyphen

    from rusgen import typography
    from rusgen.render import CompiledTemplates

    # As in a new process: earlier tests in this one loaded the dictionary and compiled
    # the templates already.
    typography._dictionary.cache_clear()
    typography.hyphenate_word.cache_clear()
    CompiledTemplates._kept.clear()
    log = tmp_path / "loaded-in.txt"

    def noted(what: str, real: Callable[..., object]) -> Callable[..., object]:
        def wrapper(*args: object, **kwargs: object) -> object:
            with open(log, "a", encoding="utf-8") as file:
                file.write(f"{what} {os.getpid()}\n")
            return real(*args, **kwargs)
        return wrapper

    monkeypatch.setattr(jinja2.Environment, "compile", noted("template", jinja2.Environment.compile))
    monkeypatch.setattr(pyphen.Pyphen, "__init__", noted("dictionary", pyphen.Pyphen.__init__))
    result = build(corpus, tmp_path / "pooled", IN_WORKERS, monkeypatch)
    assert result.exit_code == 0, result.output
    loads = [line.split() for line in log.read_text(encoding="utf-8").splitlines()]
    assert {"template", "dictionary"} <= {what for what, _ in loads}
    assert {pid for _, pid in loads} == {str(os.getpid())}
