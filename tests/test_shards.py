"""`rusgen build --shard I/N`: the shards' outputs copied together are the full build."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import ROOT, output_lines, run_rusgen


def tree(folder: Path) -> dict[str, bytes]:
    """Return every file below a folder by relative path, without the writer's marker."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*")) if p.is_file() and p.name != ".rusgen-output"
    }


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's four regions, in a folder of their own (no themes/: the packaged)."""
    target = tmp_path_factory.mktemp("project")
    shutil.copy(ROOT / "rusgen.yaml", target / "rusgen.yaml")
    shutil.copytree(ROOT / "content", target / "content")
    return target


@pytest.fixture(scope="module")
def full(project: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    output = tmp_path_factory.mktemp("full")
    assert run_rusgen("build", "--source", str(project), "--output", str(output)).exit_code == 0
    return tree(output)


# Two shards in the quick tier (make test-quick); three, four more builds, with the whole suite.
@pytest.mark.parametrize("count", [2, pytest.param(3, marks=pytest.mark.slow)])
def test_the_shards_together_are_the_full_build(
    project: Path, full: dict[str, bytes], tmp_path: Path, count: int
) -> None:
    union: dict[str, bytes] = {}
    regions: list[set[str]] = []
    for index in range(1, count + 1):
        output = tmp_path / f"shard-{index}"
        result = run_rusgen("build", "--source", str(project), "--output", str(output),
                            "--shard", f"{index}/{count}")
        assert result.exit_code == 0, result.output
        files = tree(output)
        # Every shard writes the same network index, and files no other shard writes.
        assert files["index.html"] == full["index.html"]
        regions.append({path.split("/")[0] for path in files if "/" in path} - {"assets"})
        for path, data in files.items():
            assert union.setdefault(path, data) == data, path
        union.update(files)
    assert union == full
    assert sorted(r for shard in regions for r in shard) == ["boras", "jh", "vb", "vg"]
    assert all(regions), regions  # four regions in two or three shards: none is empty


def test_the_shards_are_balanced_by_pages(project: Path, tmp_path: Path) -> None:
    """Jämtland Härjedalen (14 pages) and Västra Götaland (10) start the two shards;
    Västerbotten (3) joins the lighter, Västra Götaland's, and Borås (2) the one then
    lighter, Jämtland Härjedalen's: 16 pages against 13, not 24 against 5 in folder order."""
    pages = {region.name: sum(1 for _ in region.rglob("*.md")) for region in (project / "content").iterdir()}
    assert pages == {"jamtland-harjedalen": 14, "vastra-gotaland": 10, "vasterbotten": 3, "borasregionen": 2}
    folders = []
    for shard in ("1/2", "2/2"):
        output = tmp_path / shard.replace("/", "-")
        result = run_rusgen("build", "--source", str(project), "--output", str(output), "--shard", shard)
        assert result.exit_code == 0, result.output
        assert output_lines(result)[0].startswith("Byggde 2 regioner, ")
        folders.append(sorted(p.name for p in output.iterdir() if p.is_dir()))
    assert folders == [["assets", "boras", "jh"], ["assets", "vb", "vg"]]


@pytest.mark.parametrize(("shard", "message"), [
    ("2", "fel: --shard 2: skriv vilken del av hur många, som --shard 1/4"),
    ("0/3", "fel: --shard 0/3: delen ska vara ett tal från 1 till 3, som --shard 1/3"),
    ("5/4", "fel: --shard 5/4: delen ska vara ett tal från 1 till 4, som --shard 1/4"),
])
def test_a_shard_written_wrong_is_a_message(project: Path, tmp_path: Path, shard: str, message: str) -> None:
    result = run_rusgen("build", "--source", str(project), "--output", str(tmp_path / "out"),
                        "--shard", shard)
    assert (result.exit_code, output_lines(result)) == (1, [message])
    assert not (tmp_path / "out").exists()
