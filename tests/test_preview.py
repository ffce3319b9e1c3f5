"""The glue between build and preview server: snapshots, problems, symlinks, the cache."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from rusgen.build import BuildOptions
from rusgen.preview import SiteRebuilder, UsedCache, _from_message
from rusgen.server import SourceFile
from tests.conftest import ROOT


def _project(tmp_path: Path) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "rusgen.yaml", tmp_path / "rusgen.yaml")
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "themes", tmp_path / "themes")
    return tmp_path


def test_rebuild_reports_problems_then_recovers(tmp_path: Path, monkeypatch) -> None:
    # A fixed clock: the recovered build must equal the first one byte for byte (DTSTAMP).
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795348800")
    project = _project(tmp_path)
    rebuild = SiteRebuilder(BuildOptions(source=project))
    good = rebuild()
    assert good.files is not None and "borasregionen/index.html" in good.files
    page = project / "content/borasregionen/index.md"
    original = page.read_text(encoding="utf-8")
    page.write_text("---\ntitle: [trasig\n---\n", encoding="utf-8")
    broken = rebuild()
    assert broken.files is None
    assert [(p.file, p.line) for p in broken.problems] == [("content/borasregionen/index.md", 2)]
    page.write_text(original, encoding="utf-8")
    assert rebuild().files == good.files


def test_a_symlink_out_of_the_project_is_left_out(tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(b"%PDF secret")
    os.symlink(secret, project / "content/borasregionen/files/leak.pdf")
    snapshot = SiteRebuilder(BuildOptions(source=project))()
    assert snapshot.files is not None
    assert "borasregionen/files/leak.pdf" not in snapshot.files
    assert any("leak.pdf" in w and "outside" in w for w in snapshot.warnings)
    served = [v.path for v in snapshot.files.values() if isinstance(v, SourceFile)]
    assert all(path.is_relative_to(project.resolve()) for path in served)


def test_template_message_becomes_file_line_message() -> None:
    problem = _from_message("themes/default/templates/page.html:12: template error: 'x' is undefined")
    assert (problem.file, problem.line) == ("themes/default/templates/page.html", 12)
    assert problem.message == "template error: 'x' is undefined"
    assert _from_message("no place").file == ""


def test_used_cache_forgets_what_a_run_did_not_use() -> None:
    cache = UsedCache()
    cache["old"] = 1
    cache.start_run()
    cache["new"] = 2
    assert "kept" not in cache
    cache.forget_unused()
    assert dict(cache) == {"new": 2}
