"""The glue between build and preview server: snapshots, problems, symlinks, the cache."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from rusgen.build import BuildOptions, render_site
from rusgen.errors import ContentErrors
from rusgen.livesite import LiveSite
from rusgen.preview import SiteRebuilder, _from_message, preview_words
from rusgen.server import PreviewServer, Problem, Snapshot, SourceFile
from rusgen.site_pieces import UsedCache
from tests.conftest import BUILD_EPOCH, ROOT


def _project(tmp_path: Path) -> Path:
    tmp_path.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "rusgen.yaml", tmp_path / "rusgen.yaml")
    shutil.copytree(ROOT / "content", tmp_path / "content")
    shutil.copytree(ROOT / "rusgen" / "themes", tmp_path / "themes")
    return tmp_path


def whole(snapshot: Snapshot) -> dict[str, bytes]:
    """Render every piece of a rebuild, as the preview does after the open pages; read copied files."""
    assert snapshot.files is not None, snapshot.problems
    site = LiveSite(snapshot.files, snapshot.later)
    while site.step():
        pass
    return {path: _bytes(value) for path, value in site.files().items()}


def full_render(project: Path) -> dict[str, bytes]:
    """What `rusgen build` would make of the project for the preview, from scratch."""
    result = render_site(BuildOptions(source=project, drafts=True, preview=True))
    return {o.path: Path(o.source).read_bytes() if o.source else o.data for o in result.outputs}


def _bytes(value: object) -> bytes:
    return value.path.read_bytes() if isinstance(value, SourceFile) else value  # type: ignore[return-value]


def test_rebuild_reports_problems_then_recovers(tmp_path: Path, monkeypatch) -> None:
    # A fixed clock: the recovered build must equal the first one byte for byte (DTSTAMP).
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795348800")
    project = _project(tmp_path)
    rebuild = SiteRebuilder(BuildOptions(source=project))
    good = whole(rebuild())
    assert "boras/index.html" in good
    page = project / "content/borasregionen/index.md"
    original = page.read_text(encoding="utf-8")
    page.write_text("---\ntitle: [trasig\n---\n", encoding="utf-8")
    broken = rebuild()
    assert broken.files is None
    assert [(p.file, p.line) for p in broken.problems] == [("content/borasregionen/index.md", 2)]
    page.write_text(original, encoding="utf-8")
    assert whole(rebuild()) == good


def test_a_symlink_out_of_the_project_stops_the_preview_as_it_stops_the_build(tmp_path: Path) -> None:
    project = _project(tmp_path / "p")
    secret = tmp_path / "secret.pdf"
    secret.write_bytes(b"%PDF secret")
    os.symlink(secret, project / "content/borasregionen/files/leak.pdf")
    snapshot = SiteRebuilder(BuildOptions(source=project))()
    assert snapshot.files is None
    assert [(p.file, p.message) for p in snapshot.problems] == [(
        "content/borasregionen/files/leak.pdf",
        f"är en länk till {secret.resolve()}, som ligger utanför projektmappen; rusgen läser och "
        "publicerar bara filer i projektet, så kopiera in filen eller mappen i stället för att "
        "länka till den",
    )]


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


@pytest.mark.slow
def test_after_each_edit_the_preview_equals_a_fresh_full_render(tmp_path: Path, monkeypatch) -> None:
    """Only the saved files are read again and only the pages asked for are rendered first,
    yet every served file must be what a full build makes of the same sources."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", BUILD_EPOCH)
    project = _project(tmp_path)
    content = project / "content/borasregionen"
    rebuild = SiteRebuilder(BuildOptions(source=project, drafts=True, preview=True))
    assert whole(rebuild()) == full_render(project)

    def edit(path: Path, text: str | None, report: bool = True, fails: bool = False) -> None:
        if text is None:
            path.unlink()
        else:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        snapshot = rebuild(frozenset({str(path)}) if report else frozenset())
        if fails:
            assert snapshot.files is None
            with pytest.raises(ContentErrors):
                full_render(project)
            return
        first = sorted(snapshot.later.paths)[:3]  # the server renders the open pages first
        site = LiveSite(snapshot.files, snapshot.later)
        site.render_first(first)
        while site.step():
            pass
        served = {p: _bytes(v) for p, v in site.files().items()}
        assert served == full_render(project), f"after editing {path.relative_to(project)}"

    index = content / "index.md"
    text = index.read_text(encoding="utf-8")
    edit(index, text + "\nEn ny mening.\n")
    # The same size and maybe the same time: the watcher's report alone says it changed.
    edit(index, text + "\nEn ny ordning.\n")
    edit(index, text + "\nEn ny meninG.\n", report=False)  # unreported: size and time tell
    new_page = content / "nytt/sida.md"
    edit(new_page, "---\ntitle: Alldeles ny\n---\n\nSe [startsidan](../index.md).\n")
    edit(index, text + "\nLänk till [den nya sidan](nytt/sida.md).\n")
    edit(new_page, None, fails=True)  # the start page's link now leads nowhere
    edit(index, text)
    region = content / "region.yaml"
    edit(region, region.read_text(encoding="utf-8").replace("name:", "name: Nya", 1))
    style = project / "themes/default/static/style.css"
    edit(style, style.read_text(encoding="utf-8") + "\nmain { color: #111; }\n")
    template = project / "themes/default/templates/page.html"
    edit(template, template.read_text(encoding="utf-8") + "{# a designer's note #}\n")


def test_the_overlay_gets_the_root_cause_first_with_its_follow_ons_as_a_note(tmp_path: Path) -> None:
    project = _project(tmp_path)
    page = project / "content/vastra-gotaland/kraftsamlingar/index.md"
    page.write_text(page.read_text(encoding="utf-8").replace(
        "title: Kraftsamlingar\n", "title: Kraftsamlingar: energi\n", 1), encoding="utf-8")
    broken = SiteRebuilder(BuildOptions(source=project))()
    assert broken.files is None
    message = ("raden går inte att läsa: ett kolon inne i ett värde; sätt värdet inom citattecken, "
               'som title: "Kraftsamlingar: energi"')
    assert broken.problems == (Problem(
        file="content/vastra-gotaland/kraftsamlingar/index.md", line=2, message=message,
        text=f"content/vastra-gotaland/kraftsamlingar/index.md:2: {message}",
        note="8 sidor länkar hit; de länkarna fungerar igen när felet ovan är rättat", followers=8,
    ),)


def test_the_preview_server_speaks_swedish_in_the_terminal(tmp_path: Path) -> None:
    problem = Problem("content/a/b.md", 2, "fel här", "content/a/b.md:2: fel här", "2 sidor länkar hit", 2)
    lines: list[str] = []
    server = PreviewServer(
        ("127.0.0.1", 0), lambda changed: Snapshot(files=None, problems=(problem,)), lines.append,
        preview_words("sv"),
    )
    try:
        server.refresh()
    finally:
        server.server_close()
    assert lines == [
        "fel: content/a/b.md:2: fel här",
        "  2 sidor länkar hit",
        "Bygget misslyckades: 1 fel och 2 följdfel. Förhandsvisningen visar de senaste fungerande "
        "sidorna.",
    ]
