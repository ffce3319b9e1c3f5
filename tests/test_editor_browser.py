"""The editor in a real Chromium: Decap CMS accepts rusgen's configuration of every region
(its own schema check shows an error page otherwise), and loads nothing from elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import BUILD_EPOCH, copy_project, run_rusgen

TIMEOUT_MS = 30_000
EDITOR = "\neditor:\n  backend: gitlab\n  repo: region-vg/rus-webbplatser\n  app_id: 8a6f3c0e2b\n"


@pytest.fixture(scope="module")
def built_with_editor(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = copy_project(tmp_path_factory.mktemp("editor-project"))
    config = project / "rusgen.yaml"
    config.write_text(config.read_text("utf-8") + EDITOR, "utf-8")
    output = tmp_path_factory.mktemp("editor-public")
    result = run_rusgen("build", "--source", str(project), "--output", str(output), epoch=BUILD_EPOCH)
    assert result.exit_code == 0, result.output
    return output


def open_admin(browser, url: str, origin: str):
    """Open an admin page; return it, its console's errors and the requests to elsewhere."""
    page = browser.new_page()
    errors: list[str] = []
    elsewhere: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: None if r.url.startswith(origin) else elsewhere.append(r.url))
    page.goto(url)
    return page, errors, elsewhere


@pytest.mark.parametrize("folder", ["boras", "jh", "vb", "vg"])
def test_decap_accepts_each_regions_configuration(browser, static_server, built_with_editor, folder) -> None:
    origin = static_server(built_with_editor)
    page, errors, elsewhere = open_admin(browser, f"{origin}{folder}/admin/", origin)
    try:
        page.get_by_role("button", name="Logga in med GitLab").wait_for(timeout=TIMEOUT_MS)
        assert page.title() == "Redigera webbplatsen"
        assert not errors
        assert not elsewhere
    finally:
        page.close()
