"""`rusgen init [DIR]`: start a new network in an empty folder.

It copies rusgen/starter/: rusgen.yaml, an example region written to the content format
(complete, so that the first `rusgen build` works), a .gitignore, a README for the
communicators and the CI files that publish to GitHub Pages and GitLab Pages. The files
carry dotless names inside the package (a wheel's data globs skip dot files); NAMES says
where each one goes. It refuses a folder that holds anything, and never overwrites.
"""

from __future__ import annotations

from pathlib import Path

from rusgen import __version__
from rusgen.errors import RusgenError

STARTER = Path(__file__).resolve().parent / "starter"
# Files of the starter whose names in the new project start with a dot.
NAMES = {
    "gitignore": ".gitignore",
    "gitlab-ci.yml": ".gitlab-ci.yml",
    "github/workflows/publish.yml": ".github/workflows/publish.yml",
}
# The CI files install the rusgen that wrote them, so a new release changes nothing
# until someone changes this line.
VERSION_MARK = "@VERSION@"


def starter_files() -> dict[str, Path]:
    """Map each file of a new project (its path there) to its source in the package."""
    return {
        NAMES.get(rel, rel): path
        for path in sorted(STARTER.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
        for rel in [path.relative_to(STARTER).as_posix()]
    }


def init_project(folder: Path) -> list[Path]:
    """Write a new project into `folder` (made when missing); return the files written."""
    if folder.exists() and not folder.is_dir():
        raise RusgenError("init.not_a_folder", path=folder)
    if folder.is_dir() and any(folder.iterdir()):
        raise RusgenError("init.not_empty", path=folder)
    written = []
    for rel, source in starter_files().items():
        target = folder / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        text = source.read_text(encoding="utf-8").replace(VERSION_MARK, __version__)
        # "x": a file that appeared meanwhile is left alone. newline="\n": the same bytes
        # on Windows, where git and the CI would otherwise see every line changed.
        with target.open("x", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        written.append(target)
    return written
