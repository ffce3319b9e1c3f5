"""Two sources meant for one file stop the build before anything is written, named both."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import output_lines, run_rusgen


def tree(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.mark.parametrize("folder", ["sok", "Sok", "SOK"])
def test_a_static_file_on_the_search_page_names_both_and_writes_nothing(
    site_copy, tmp_path: Path, folder: str
) -> None:
    site = site_copy("minimal")
    output = tmp_path / "public"
    assert run_rusgen("build", "--source", str(site), "--output", str(output)).exit_code == 0
    before = tree(output)
    static = site / "content/alpha" / folder / "index.html"
    static.parent.mkdir()
    static.write_text("<p>Min egen söksida</p>\n")

    result = run_rusgen("build", "--source", str(site), "--output", str(output))

    assert output_lines(result) == [
        "fel: alpha/sok/index.html: två delar av webbplatsen skulle bli samma fil (stora och små "
        "bokstäver räknas som lika): sidan som rusgen gör till alpha/sok/index.html och filen "
        f"content/alpha/{folder}/index.html; byt namn eller adress på den ena. Inget är skrivet"
    ]
    assert result.exit_code == 1
    assert tree(output) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["public", "site"]


def test_a_file_where_another_output_needs_a_folder_is_refused_before_the_first_build(
    site_copy, tmp_path: Path
) -> None:
    site = site_copy("minimal")
    (site / "content/alpha/sok").write_text("en fil som heter som sökmappen\n")
    output = tmp_path / "public"

    result = run_rusgen("build", "--source", str(site), "--output", str(output))

    assert output_lines(result) == [
        "fel: alpha/sok/index.html: två delar av webbplatsen skulle bli samma fil (stora och små "
        "bokstäver räknas som lika): sidan som rusgen gör till alpha/sok/index.html och filen "
        "content/alpha/sok; byt namn eller adress på den ena. Inget är skrivet"
    ]
    assert result.exit_code == 1
    assert not output.exists()
