"""`editor:` in rusgen.yaml: `rusgen build` writes /admin/ into each region's output, saving
through GitLab, GitHub or Gitea, byte for byte the same from any cache state."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from rusgen.editor.admin import STATIC
from tests.conftest import BUILD_EPOCH, copy_project, output_lines, run_rusgen
from tests.test_html_valid import vnu_errors

GITLAB = """
editor:
  backend: gitlab
  repo: region-vg/rus-webbplatser
  app_id: 8a6f3c0e2b
"""


def _project(tmp_path: Path, editor: str) -> Path:
    project = copy_project(tmp_path)
    config = project / "rusgen.yaml"
    config.write_text(config.read_text("utf-8") + editor, "utf-8")
    return project


def _build(project: Path, output: Path, *regions: str):
    chosen = [arg for region in regions for arg in ("--region", region)]
    return run_rusgen("build", "--source", str(project), "--output", str(output), *chosen,
                      epoch=BUILD_EPOCH)


def _admin_files(output: Path) -> dict[str, bytes]:
    return {str(p.relative_to(output)): p.read_bytes() for p in sorted(output.glob("*/admin/*"))}


@pytest.mark.browser  # the Nu HTML Checker runs on Java
def test_build_writes_the_editor_of_each_region_for_gitlab(tmp_path: Path) -> None:
    project = _project(tmp_path, GITLAB)
    result = _build(project, tmp_path / "public")
    assert result.exit_code == 0, result.output
    admin = tmp_path / "public" / "vg" / "admin"
    config = yaml.safe_load((admin / "config.yml").read_text("utf-8"))
    assert config["backend"] == {"name": "gitlab", "repo": "region-vg/rus-webbplatser",
                                 "branch": "main", "auth_type": "pkce", "app_id": "8a6f3c0e2b"}
    assert "local_backend" not in config
    # Only the region's own collections: Västra Götaland's writers edit Västra Götaland.
    assert {c["name"].split("-")[0] for c in config["collections"]} == {"vastra"}
    page = (admin / "index.html").read_text("utf-8")
    assert '"local": false' in page and '<script src="decap-cms.js"></script>' in page
    assert (admin / "decap-cms.js").read_bytes() == (STATIC / "decap-cms.js").read_bytes()
    for region in ("boras", "jh", "vb"):
        assert (tmp_path / "public" / region / "admin" / "config.yml").is_file()
    assert vnu_errors(admin) == []  # the Nu HTML Checker


@pytest.mark.slow
def test_the_editor_is_the_same_from_any_cache_state(tmp_path: Path) -> None:
    project = _project(tmp_path, GITLAB)
    assert _build(project, tmp_path / "first").exit_code == 0
    assert _build(project, tmp_path / "again").exit_code == 0  # with the cache of the first
    shutil.rmtree(project / ".rusgen-cache")
    assert _build(project, tmp_path / "fresh").exit_code == 0
    first = _admin_files(tmp_path / "first")
    assert len(first) > 4 * 4
    assert first == _admin_files(tmp_path / "again") == _admin_files(tmp_path / "fresh")


def test_github_and_gitea_say_where_they_log_in(tmp_path: Path) -> None:
    for backend, extra, wanted in (
        ("github", "  base_url: https://oauth.example.se/\n",
         {"name": "github", "repo": "a/b", "branch": "main", "base_url": "https://oauth.example.se"}),
        ("gitea", "  app_id: abc\n  base_url: https://git.example.se\n",
         {"name": "gitea", "repo": "a/b", "branch": "main", "auth_type": "pkce", "app_id": "abc",
          "base_url": "https://git.example.se", "api_root": "https://git.example.se/api/v1"}),
    ):
        where = tmp_path / backend
        where.mkdir()
        project = _project(where, f"editor:\n  backend: {backend}\n  repo: a/b\n{extra}")
        # One region is enough to read its editor's settings (the others: the test above).
        assert _build(project, where / "public", "vasterbotten").exit_code == 0
        config = yaml.safe_load((where / "public" / "vb" / "admin" / "config.yml").read_text("utf-8"))
        assert config["backend"] == wanted


def test_a_wrong_editor_setting_is_said_in_swedish_and_nothing_is_written(tmp_path: Path) -> None:
    project = _project(tmp_path, "editor:\n  backend: gitlabb\n  branch: main\n")
    result = _build(project, tmp_path / "public")
    assert result.exit_code == 1
    lines = output_lines(result)
    assert any(line.startswith("fel: rusgen.yaml:7: editor.backend:") and "gitlab (GitLab)" in line
               for line in lines), lines
    assert any("editor.repo: saknas; lägg till en rad som `repo: region-vg/rus-webbplatser`" in line
               for line in lines), lines
    assert "Traceback" not in result.output
    assert not (tmp_path / "public").exists()


def test_without_editor_there_is_no_admin(built_site: Path) -> None:
    assert not list(built_site.glob("*/admin"))
