"""The previous output is never lost or mixed: a failed or killed build leaves it whole."""

from __future__ import annotations

import os
import random
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import BUILD_EPOCH, ROOT, run_rusgen

sys.path.insert(0, str(ROOT))
from benchmarks.corpus import generate  # noqa: E402 - the benchmarks are no package

# The share of a build's time over which the kill test's moments are spread: past the end
# too, so some builds finish.
SPREAD = 1.2


def tree(folder: Path) -> dict[str, bytes]:
    """Return every file below a folder with its bytes."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


def start_build(
    site: Path, temp: Path, *args: str, file_size_limit: int | None = None
) -> subprocess.Popen:
    """Start `rusgen build` as a user would, in its own process group (Pagefind included)."""

    def limit() -> None:
        if file_size_limit is not None:  # a disk that takes no file larger than this
            resource.setrlimit(resource.RLIMIT_FSIZE, (file_size_limit, file_size_limit))

    env = {**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH, "TMPDIR": str(temp)}
    return subprocess.Popen(
        [sys.executable, "-m", "rusgen", "build", "--source", str(site), *args],
        env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True, preexec_fn=limit,
    )


def test_a_full_disk_leaves_the_previous_output_and_says_so(site_copy, tmp_path: Path) -> None:
    site = site_copy("minimal")
    output = tmp_path / "public"
    assert run_rusgen("build", "--source", str(site), "--output", str(output)).exit_code == 0
    before = tree(output)
    (site / "content/alpha/om.md").write_text("---\ntitle: Om strategin\n---\nNy text.\n")
    files = site / "content/alpha/files"
    files.mkdir()
    (files / "stor.pdf").write_bytes(b"%PDF-1.4\n" + b"0" * 2_000_000)
    temp = tmp_path / "temp"
    temp.mkdir()

    process = start_build(site, temp, "--output", str(output), file_size_limit=1_000_000)
    said, _ = process.communicate(timeout=120)

    assert said.splitlines() == [
        f"fel: {output}: rusgen kunde inte skriva den nya versionen ({output}/alpha/files/stor.pdf: "
        "filen är större än disken eller systemet tillåter); den tidigare versionen ligger kvar "
        "orörd. Gör plats på disken eller ge rusgen rätt att skriva i mappen och mappen bredvid den, "
        "och bygg igen"
    ]
    assert process.returncode == 1
    assert tree(output) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public", "site", "temp"]
    assert list(temp.iterdir()) == []


def test_a_read_only_output_folder_is_left_as_it_was(site_copy, tmp_path: Path) -> None:
    """A folder its owner made read-only is never replaced, though a swap in its parent could.

    The suite runs as root, who may write anywhere; setpriv drops that right for the build,
    so it meets the folder as any other user would.
    """
    site = site_copy("minimal")
    output = tmp_path / "public"
    assert run_rusgen("build", "--source", str(site), "--output", str(output)).exit_code == 0
    (site / "content/alpha/om.md").write_text("---\ntitle: Om strategin\n---\nNy text.\n")
    before = tree(output)
    output.chmod(0o555)
    try:
        done = subprocess.run(
            ["setpriv", "--bounding-set=-dac_override,-dac_read_search",
             sys.executable, "-m", "rusgen", "build", "--source", str(site), "--output", str(output)],
            env={**os.environ, "SOURCE_DATE_EPOCH": BUILD_EPOCH},
            capture_output=True, text=True, timeout=120,
        )
    finally:
        output.chmod(0o755)
    assert done.stdout.splitlines() + done.stderr.splitlines() == [
        f"fel: {output}: rusgen kunde inte skriva den nya versionen ({output}: rusgen får inte skriva "
        "där); "
        "den tidigare versionen ligger kvar orörd. Gör plats på disken eller ge rusgen rätt att "
        "skriva i mappen och mappen bredvid den, och bygg igen"
    ]
    assert done.returncode == 1
    assert tree(output) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public", "site"]


def test_where_the_system_cannot_swap_two_folders_two_renames_do(
    site_copy, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setattr("rusgen.swap._exchange", lambda first, second: False)  # macOS, Windows
    site = site_copy("minimal")
    output = tmp_path / "public"
    assert run_rusgen("build", "--source", str(site), "--output", str(output)).exit_code == 0
    (site / "content/alpha/om.md").write_text("---\ntitle: Om strategin\n---\nNy text.\n")
    assert run_rusgen("build", "--source", str(site), "--output", str(output)).exit_code == 0

    assert "Ny text." in (output / "alpha/om/index.html").read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public", "site"]


def test_a_file_where_the_output_folder_should_be_is_left_alone(site_copy) -> None:
    site = site_copy("minimal")
    (site / "public").write_text("Mina anteckningar\n")  # rusgen.yaml says output: public

    result = run_rusgen("build", "--source", str(site))

    assert result.output.splitlines() == [
        f"fel: {(site / 'public').resolve()}: mappen innehåller filer som rusgen inte har skrivit; "
        "välj en tom eller ny mapp att bygga till"
    ]
    assert result.exit_code == 1
    assert (site / "public").read_text() == "Mina anteckningar\n"
    assert sorted(p.name for p in site.iterdir()) == ["content", "public", "rusgen.yaml", "themes"]


def test_an_output_folder_reached_by_a_link_stays_a_link(site_copy, tmp_path: Path) -> None:
    site = site_copy("minimal")
    real = tmp_path / "www"
    (tmp_path / "public").symlink_to(real)
    assert run_rusgen("build", "--source", str(site), "--output", str(tmp_path / "public")).exit_code == 0
    (site / "content/alpha/om.md").write_text("---\ntitle: Om strategin\n---\nNy text.\n")
    assert run_rusgen("build", "--source", str(site), "--output", str(tmp_path / "public")).exit_code == 0

    assert (tmp_path / "public").readlink() == real
    assert "Ny text." in (real / "alpha/om/index.html").read_text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public", "site", "www"]


# CI kills builds of 200 pages; RUSGEN_KILL_PAGES=3000 runs the same test at the size of a
# large network (minutes, not seconds).
KILL_PAGES = int(os.environ.get("RUSGEN_KILL_PAGES", "200"))


@pytest.mark.slow
def test_a_build_killed_at_any_moment_leaves_the_old_output_or_the_new(tmp_path: Path) -> None:
    site = generate(tmp_path / "site", KILL_PAGES)
    temp = tmp_path / "temp"
    temp.mkdir()
    output = site / "public"
    assert start_build(site, temp).wait(timeout=300) == 0
    old = tree(output)
    config = site / "rusgen.yaml"
    config.write_text(config.read_text().replace("name: Benchmark", "name: Benchmark två"))
    restore(output, old)
    writing = run_to_the_end(start_build(site, temp), output)
    new = tree(output)
    assert len(new) == len(old) and sum(new[path] != old[path] for path in new) >= KILL_PAGES

    # Most of a build is rendering, which touches nothing: the moments are spread over the
    # writing, from when the first new file or folder shows until the build would end.
    rng = random.Random(12)
    for _ in range(10):
        restore(output, old)
        process = start_build(site, temp)
        wait_until_writing(process, output)
        time.sleep(rng.uniform(0, writing * SPREAD))
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
        assert tree(output) in (old, new)

    restore(output, old)
    assert start_build(site, temp).wait(timeout=300) == 0
    assert tree(output) == new
    beside = sorted(p.name for p in site.iterdir())
    assert beside == [".rusgen-cache", "content", "public", "rusgen.yaml", "themes"]
    assert list((site / ".rusgen-cache").rglob(".tmp-*")) == []
    assert list(temp.iterdir()) == []


def run_to_the_end(process: subprocess.Popen, output: Path) -> float:
    """Let a build finish; return how long it wrote (from its first new file to its end)."""
    wait_until_writing(process, output)
    started = time.monotonic()
    assert process.wait(timeout=300) == 0
    return time.monotonic() - started


def wait_until_writing(process: subprocess.Popen, output: Path) -> None:
    """Return once the build shows a file in or beside `output` newer than this call."""
    since = time.time_ns()
    while process.poll() is None:
        beside = [str(path) for path in output.parent.iterdir() if path != output]
        inside = [os.path.join(folder, name) for folder, _, names in os.walk(output) for name in names]
        if any(_newer(path, since) for path in beside + inside):
            return
        time.sleep(0.005)


def _newer(path: str, since: int) -> bool:
    try:
        return os.stat(path).st_mtime_ns > since
    except OSError:
        return False  # removed while looked at


def restore(output: Path, files: dict[str, bytes]) -> None:
    """Make `output` hold exactly these files again, as a user's last good build."""
    for path in sorted(output.rglob("*"), reverse=True):
        if path.is_dir() and not path.is_symlink():
            path.rmdir()
        else:
            path.unlink()
    for rel, data in files.items():
        (output / rel).parent.mkdir(parents=True, exist_ok=True)
        (output / rel).write_bytes(data)
