"""`rusgen init`: a new network in one command, that builds with no themes/ of its own
and carries CI files GitHub and GitLab accept."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import output_lines, run_rusgen

from rusgen import __version__

CHECK_JSONSCHEMA = shutil.which("check-jsonschema") or str(
    Path(__file__).resolve().parent.parent / ".venv" / "bin" / "check-jsonschema"
)


def test_init_starts_a_network_that_builds_and_checks_clean(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = run_rusgen("init", str(site))
    assert result.exit_code == 0, result.output
    assert output_lines(result) == [
        f"Skapade en ny webbplats i {site} (11 filer). Nästa steg: `cd {site}` och "
        "`rusgen serve --open` för att se den; README.md där berättar hur ni publicerar."
    ]
    assert not (site / "themes").exists()
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()) == [
        ".github/workflows/publish.yml", ".gitignore", ".gitlab-ci.yml", "README.md",
        "content/exempel/contacts.yaml", "content/exempel/events/2027-03-10-uppstartsmote.md",
        "content/exempel/index.md",
        "content/exempel/news/2027-01-15-arbetet-med-strategin-borjar.md",
        "content/exempel/om-strategin.md", "content/exempel/region.yaml", "rusgen.yaml",
    ]
    built = run_rusgen("build", "--source", str(site))
    assert built.exit_code == 0, built.output
    home = (site / "public" / "exempel" / "index.html").read_text("utf-8")
    assert "Regional utvecklingsstrategi för Exempelregionen" in home
    assert 'href="../"' in home  # the footer's link to the network index, inside public/
    assert "Exempelregionen" in (site / "public" / "index.html").read_text("utf-8")
    checked = run_rusgen("check", "--strict", "--source", str(site))
    assert (checked.exit_code, output_lines(checked)) == (0, ["0 fel, 0 varningar"])


@pytest.mark.parametrize("present", [".gitignore", "anteckningar/utkast.md"])
def test_init_refuses_a_folder_that_is_not_empty_and_writes_nothing(
    tmp_path: Path, present: str
) -> None:
    site = tmp_path / "site"
    (site / present).parent.mkdir(parents=True)
    (site / present).write_text("mitt\n", encoding="utf-8")
    result = run_rusgen("init", str(site))
    assert (result.exit_code, output_lines(result)) == (1, [
        f"fel: {site}: mappen är inte tom; rusgen init skriver bara i en tom eller ny mapp, "
        "som `rusgen init rus-webbplatser`"
    ])
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()) == [present]
    assert (site / present).read_text("utf-8") == "mitt\n"


def test_init_refuses_a_file_in_the_folders_place(tmp_path: Path) -> None:
    (tmp_path / "site").write_text("", encoding="utf-8")
    result = run_rusgen("init", str(tmp_path / "site"))
    assert (result.exit_code, output_lines(result)) == (1, [
        f"fel: {tmp_path / 'site'}: här ligger en fil; ge rusgen init namnet på en ny mapp"
    ])


@pytest.mark.parametrize(("path", "schema"), [
    (".github/workflows/publish.yml", "vendor.github-workflows"),
    (".gitlab-ci.yml", "vendor.gitlab-ci"),
])
def test_the_ci_files_validate_against_the_official_schemas(
    tmp_path: Path, path: str, schema: str
) -> None:
    assert run_rusgen("init", str(tmp_path / "site")).exit_code == 0
    ci_file = tmp_path / "site" / path
    text = ci_file.read_text("utf-8")
    # What the jobs run: the check, the shards, the version of rusgen that wrote the file.
    assert "rusgen check --strict" in text and "rusgen build --shard" in text
    assert f"rusgen=={__version__}" in text and "17 3 * * *" in text
    result = subprocess.run(
        [CHECK_JSONSCHEMA, "--builtin-schema", schema, str(ci_file)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_a_ci_file_that_breaks_the_schema_is_refused(tmp_path: Path) -> None:
    """The schema check can fail: a job without a script is no GitLab job."""
    broken = tmp_path / ".gitlab-ci.yml"
    broken.write_text("check:\n  stage: check\n  scripts: [rusgen check]\n", encoding="utf-8")
    result = subprocess.run(
        [CHECK_JSONSCHEMA, "--builtin-schema", "vendor.gitlab-ci", str(broken)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 1


def test_a_network_at_a_project_sites_address_builds_and_checks_clean(tmp_path: Path) -> None:
    """A GitHub or GitLab project site lives below a path (https://kommun.github.io/rus/):
    the folders follow the path below it, and the 404 page's links from the host's root
    are found by rusgen check."""
    site = tmp_path / "site"
    assert run_rusgen("init", str(site)).exit_code == 0
    for path, old, new in [
        ("rusgen.yaml", "base_url: https://rus.example.se/", "base_url: https://kommun.github.io/rus/"),
        ("content/exempel/region.yaml", "base_url: https://rus.example.se/exempel/",
         "base_url: https://kommun.github.io/rus/halland/"),
    ]:
        text = (site / path).read_text("utf-8")
        assert old in text
        (site / path).write_text(text.replace(old, new), "utf-8")
    assert run_rusgen("build", "--source", str(site)).exit_code == 0
    folders = sorted(p.name for p in (site / "public").iterdir())
    assert folders == [".rusgen-output", "assets", "halland", "index.html"]
    not_found = (site / "public" / "halland" / "404.html").read_text("utf-8")
    assert 'href="/rus/halland/assets/style.' in not_found
    checked = run_rusgen("check", "--strict", "--source", str(site))
    assert (checked.exit_code, output_lines(checked)) == (0, ["0 fel, 0 varningar"])
