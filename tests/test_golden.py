"""The sample site tests/sites/full builds to exactly the reviewed tree tests/golden/full.

Regenerate the tree with `make golden` and review its diff like code.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest
from conftest import GOLDEN_EPOCH, ROOT, copy_site, once_per_run, output_lines, run_rusgen

GOLDEN = ROOT / "tests" / "golden" / "full"
MARKER = ".rusgen-output"


def tree(folder: Path) -> dict[str, bytes]:
    """Return every file below a folder, by relative path, without the writer's marker."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != MARKER
    }


def first_difference(expected: dict[str, bytes], actual: dict[str, bytes]) -> str:
    """Describe the first file that differs, with a unified diff excerpt for text."""
    missing = sorted(set(expected) - set(actual))
    extra = sorted(set(actual) - set(expected))
    if missing or extra:
        return f"files missing from the build: {missing}; files not in the golden tree: {extra}"
    for path in sorted(expected):
        if expected[path] != actual[path]:
            try:
                old = expected[path].decode("utf-8").splitlines()
                new = actual[path].decode("utf-8").splitlines()
            except UnicodeDecodeError:
                return f"{path}: binary content differs"
            diff = difflib.unified_diff(
                old, new, f"golden/{path}", f"built/{path}", n=2, lineterm=""
            )
            return f"{path} differs (run `make golden` if the change is intended):\n" + "\n".join(
                list(diff)[:60]
            )
    return ""


def build_full(tmp_path: Path, name: str = "out") -> tuple[Path, list[str], Path]:
    source = copy_site("full", tmp_path / "site")
    output = tmp_path / name
    result = run_rusgen("build", "--source", str(source), "--output", str(output),
                        epoch=GOLDEN_EPOCH)
    assert result.exit_code == 0, result.output
    return output, output_lines(result), source


@pytest.fixture
def full_build(tmp_path: Path) -> tuple[Path, list[str], Path]:
    return build_full(tmp_path)


def build_full_once(folder: Path) -> None:
    _, lines, _ = build_full(folder)
    (folder / "said.txt").write_text("\n".join(lines), "utf-8")


@pytest.fixture
def shared_full_build(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], Path]:
    """The full sample site built once per run, for the tests that only read the build."""
    folder = once_per_run(tmp_path_factory, "full-built", build_full_once)
    return folder / "out", (folder / "said.txt").read_text("utf-8").splitlines(), folder / "site"


def test_full_site_matches_the_golden_tree(shared_full_build) -> None:
    output, _, _ = shared_full_build
    assert GOLDEN.is_dir(), "tests/golden/full is missing: run `make golden`"
    difference = first_difference(tree(GOLDEN), tree(output))
    assert not difference, difference


def test_golden_tree_leaves_out_drafts_and_holds_real_files(shared_full_build) -> None:
    output, lines, source = shared_full_build
    built = tree(output)
    assert not any("utkast" in path for path in built)
    pdf = "vast/files/smart-spec.pdf"
    assert built[pdf] == (source / "content" / pdf).read_bytes()
    golden_files = [p for p in GOLDEN.rglob("*") if p.is_file()]
    pages = sum(1 for p in golden_files if p.suffix == ".html")
    assert lines == [f"Byggde 2 regioner, {pages} sidor till " + str(output) + "/ "
                     f"(skrivna filer: {len(golden_files)}, oförändrade: 0, borttagna: 0)."]


def test_two_builds_give_byte_identical_trees(shared_full_build, tmp_path: Path) -> None:
    first, _, _ = shared_full_build
    second, _, _ = build_full(tmp_path / "b")
    assert tree(first) == tree(second)


def test_second_build_with_nothing_changed_writes_nothing(full_build) -> None:
    output, _, source = full_build
    before = {p: p.stat().st_mtime_ns for p in output.rglob("*") if p.is_file()}
    result = run_rusgen("build", "--source", str(source), "--output", str(output))
    assert result.exit_code == 0, result.output
    files = sum(1 for p in GOLDEN.rglob("*") if p.is_file())
    assert output_lines(result)[-1].endswith(f"(skrivna filer: 0, oförändrade: {files}, borttagna: 0).")
    after = {p: p.stat().st_mtime_ns for p in output.rglob("*") if p.is_file() and p.name != MARKER}
    assert after == {p: t for p, t in before.items() if p.name != MARKER}
