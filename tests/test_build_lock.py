"""One build of a project at a time: a second waits briefly, then says a build is running."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import BUILD_EPOCH, ROOT, output_lines, run_rusgen

sys.path.insert(0, str(ROOT))
from benchmarks.corpus import generate  # noqa: E402 - the benchmarks are no package

# A process that takes the build lock the way a build does and keeps it until told.
HOLDER = """
import sys
from pathlib import Path
from rusgen.buildlock import build_lock
with build_lock(Path(sys.argv[1])):
    print("held", flush=True)
    sys.stdin.read()
"""


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def test_a_build_while_another_runs_says_so_and_writes_nothing(site_copy, tmp_path: Path) -> None:
    site = site_copy("minimal")
    output = tmp_path / "public"
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(site / ".rusgen-cache")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline() == "held\n"
        result = run_rusgen("build", "--source", str(site), "--output", str(output))
    finally:
        holder.communicate("", timeout=30)

    assert output_lines(result) == [
        f"fel: {site}: ett annat bygge av samma projekt pågår redan; vänta tills det är klart och "
        "bygg sedan igen"
    ]
    assert result.exit_code == 1
    assert not output.exists()
    # Once the other build is done, the lock is free.
    assert run_rusgen("build", "--source", str(site), "--output", str(output)).exit_code == 0


@pytest.mark.slow
def test_two_builds_at_once_end_in_one_whole_output(tmp_path: Path) -> None:
    site = generate(tmp_path / "site", 80)
    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH}
    command = [sys.executable, "-m", "rusgen", "build", "--source", str(site)]
    builds = [
        subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        for _ in range(2)
    ]
    results = [(build.communicate(timeout=300)[0], build.returncode) for build in builds]
    together = tree(site / "public")

    running = (f"fel: {site}: ett annat bygge av samma projekt pågår redan; vänta tills det är "
               "klart och bygg sedan igen\n")
    for said, code in results:
        assert (code, said) == (1, running) or (code, said[:17]) == (0, "Byggde 4 regioner"), said
    assert 0 in [code for _, code in results]
    cold = tmp_path / "cold"
    shutil.copytree(site, cold, ignore=shutil.ignore_patterns(".rusgen-cache", "public"))
    build_cold = [sys.executable, "-m", "rusgen", "build", "--source", str(cold)]
    assert subprocess.run(build_cold, env=env, check=False).returncode == 0
    assert together == tree(cold / "public")
