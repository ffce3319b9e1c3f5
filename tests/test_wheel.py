"""rusgen installs like any Python tool: the wheel, in a fresh virtual environment outside
the repository, starts and builds a site with no themes/ of its own."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

# A wheel built and installed into a fresh virtualenv: tens of seconds, for make test only.
pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parent.parent
# Setuptools' words for a configuration it will stop accepting, or data it would leave out.
INSTALL_WARNINGS = ("deprecat", "package would be ignored", "is absent from the `packages`")


def run(command: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    assert result.returncode == 0, f"{command}:\n{result.stdout}\n{result.stderr}"
    return result


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    """Build the wheel and install it alone into a new venv; return its bin/ and an env.

    The libraries rusgen needs come from the test's own environment (a .pth file names
    its site-packages), so the test needs no network for them; rusgen itself, its theme
    and its starter files come only from the wheel.
    """
    where = tmp_path_factory.mktemp("wheel")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    # What a release is built from, and nothing an earlier build left in the checkout.
    source = where / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, source / name)
    shutil.copytree(ROOT / "rusgen", source / "rusgen", ignore=shutil.ignore_patterns("__pycache__"))
    built = run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-v", "-w", str(where / "dist"),
                 str(source)], where, env)
    said = (built.stdout + built.stderr).lower()
    assert not [w for w in INSTALL_WARNINGS if w in said], built.stdout + built.stderr
    (wheel,) = (where / "dist").glob("rusgen-*.whl")
    venv.create(where / "venv", with_pip=False)
    bin_dir = where / "venv" / ("Scripts" if os.name == "nt" else "bin")
    python = bin_dir / "python"
    purelib = run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                  where, env).stdout.strip()
    (Path(purelib) / "libraries.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", "utf-8")
    run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
         "--no-index", str(wheel)], where, env)
    return bin_dir, env


def test_the_wheel_starts_and_builds_a_site_outside_the_repository(installed, tmp_path: Path) -> None:
    bin_dir, env = installed
    where = run([str(bin_dir / "python"), "-c", "import rusgen; print(rusgen.__file__)"], tmp_path, env)
    assert not where.stdout.startswith(str(ROOT)), where.stdout  # the wheel's, not the checkout's
    run([str(bin_dir / "rusgen"), "init", "site"], tmp_path, env)
    site = tmp_path / "site"
    assert not (site / "themes").exists()
    built = run([str(bin_dir / "rusgen"), "build"], site, env)
    assert built.stdout.startswith("Byggde 1 region, 12 sidor till public/"), built.stdout
    home = (site / "public" / "exempel" / "index.html").read_text("utf-8")
    assert "Exempelregionen" in home and 'rel="stylesheet"' in home
    assert list((site / "public" / "exempel" / "assets").glob("style.*.css"))  # the packaged theme's
    checked = run([str(bin_dir / "python"), "-m", "rusgen", "check", "--strict"], site, env)
    assert checked.stdout == "0 fel, 0 varningar\n"
    typed = Path(where.stdout.strip()).parent / "py.typed"
    assert typed.is_file()


def test_the_wheel_holds_the_editor_with_every_file_of_decap(installed, tmp_path: Path) -> None:
    """pip users have no npm: Decap CMS, its chunks, licences and rusgen's script come along."""
    bin_dir, env = installed
    where = run([str(bin_dir / "python"), "-c", "import rusgen.editor.admin as a; print(a.STATIC)"],
                tmp_path, env).stdout.strip()
    shipped = sorted(p.name for p in Path(where).iterdir())
    wanted = sorted(p.name for p in (ROOT / "rusgen" / "editor" / "static").iterdir())
    assert shipped == wanted
    needed = {"decap-cms.js", "DECAP-LICENSE.txt", "decap-cms.js.LICENSE.txt", "rusgen-admin.js"}
    assert needed <= set(shipped)
