"""A failed build leaves the previous output as it was; the writer never deletes user files."""

from __future__ import annotations

from pathlib import Path

from conftest import output_lines, run_rusgen


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Return every file below a folder with its bytes and modification time."""
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def build(site: Path, output: Path):
    return run_rusgen("build", "--source", str(site), "--output", str(output))


def test_failed_build_leaves_the_previous_output_untouched(site_copy, tmp_path: Path) -> None:
    site = site_copy("minimal")
    output = tmp_path / "public"
    assert build(site, output).exit_code == 0
    before = snapshot(output)
    assert "alpha/om/index.html" in before

    page = site / "content" / "alpha" / "om.md"
    page.write_text("---\ntitle: Om strategin\nupdated: 15 okt\n---\nÄndrad text.\n")
    result = build(site, output)

    assert result.exit_code == 1
    assert output_lines(result) == [
        "fel: content/alpha/om.md:3: updated: ska vara datum och klockslag, som "
        '`updated: 2020-10-15 09:30` (eller bara ett datum, 2020-10-15), men här står "15 okt"',
        "Bygget misslyckades: 1 fel. Den tidigare publicerade versionen är orörd.",
    ]
    assert snapshot(output) == before


def test_successful_rebuild_prunes_the_pages_of_deleted_sources(site_copy, tmp_path: Path) -> None:
    site = site_copy("minimal")
    output = tmp_path / "public"
    assert build(site, output).exit_code == 0
    assert (output / "alpha" / "om" / "index.html").is_file()

    (site / "content" / "alpha" / "om.md").unlink()
    # Pruning, not the ledger, is tested here: without one, nothing holds the address
    # (tests/test_ledger.py shows that the ledger does).
    (site / "content" / "alpha" / "published-addresses.txt").unlink()
    region = site / "content" / "alpha" / "region.yaml"
    region.write_text(region.read_text().replace("menu: [om]", "menu: [events]"))
    index = site / "content" / "alpha" / "index.md"
    index.write_text(index.read_text().replace("Läs [om strategin](om.md).", ""))
    result = build(site, output)

    assert result.exit_code == 0, result.output
    # The page, and the search index files named by the hash of what they held.
    assert output_lines(result) == [
        f"Byggde 1 region, 9 sidor till {output}/ (skrivna filer: 14, oförändrade: 30, borttagna: 5)."
    ]
    assert not (output / "alpha" / "om").exists()
    assert not (output / "alpha" / "om").exists()
    assert (output / "alpha" / "index.html").is_file()


def test_refuses_to_write_into_content(site_copy) -> None:
    site = site_copy("minimal")
    before = snapshot(site)
    result = build(site, site / "content")

    assert result.exit_code == 1
    assert output_lines(result) == [
        f"fel: {(site / 'content').resolve()}: att bygga hit skulle skriva över ditt innehåll; "
        "välj en tom mapp, som public"
    ]
    assert "Traceback" not in result.output
    assert snapshot(site) == before


def test_refuses_a_folder_that_holds_the_users_files(site_copy, tmp_path: Path) -> None:
    site = site_copy("minimal")
    output = tmp_path / "mina-filer"
    output.mkdir()
    (output / "anteckningar.txt").write_text("Mina anteckningar\n")
    before = snapshot(output)
    result = build(site, output)

    assert result.exit_code == 1
    assert output_lines(result) == [
        f"fel: {output.resolve()}: mappen innehåller filer som rusgen inte har skrivit; välj en "
        "tom eller ny mapp att bygga till"
    ]
    assert "Traceback" not in result.output
    assert snapshot(output) == before
