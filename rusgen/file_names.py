"""File and folder names as addresses: advice to rename, and names that cannot be one.

Windows users name files as they name documents, `Hållbar energi.md`. The page is still
published, at its slug (`/hallbar-energi/`, see text.slug_path), and the build suggests the
rename that makes the file name and the address agree. Documents and images keep their
names on disk, so only a space, which makes every link to them awkward, gets advice.
"""

from __future__ import annotations

import posixpath

from rusgen.errors import Problems
from rusgen.model import Page, StaticFile
from rusgen.text import slug_path, slugify


def check_names(
    pages: tuple[Page, ...], files: tuple[StaticFile, ...], display: str, problems: Problems
) -> None:
    """Advise renaming pages, folders and files whose names are not their addresses."""
    folders: set[str] = set()
    for page in pages:
        *parts, name = page.source.split("/")
        for depth in range(1, len(parts) + 1):
            folders.add("/".join(parts[:depth]))
        _check_page_name(page, name, f"{display}/{page.source}", problems)
    for folder in sorted(folders):
        _check_folder_name(folder, f"{display}/{folder}", problems)
    for file in files:
        if " " in file.url:
            problems.say_warning(
                f"{display}/{file.url}", 0, "", "name.file_space", suggested=_suggested(file.url)
            )


def _check_page_name(page: Page, name: str, where: str, problems: Problems) -> None:
    stem = name.partition(".")[0]
    if not slugify(stem):
        problems.say(where, 0, "", "name.no_slug", name=name, example="om-oss.md")
    elif slugify(stem) != stem:
        problems.say_warning(
            where, 0, "", "name.page", url=page.url, suggested=posixpath.basename(slug_path(name))
        )


def _check_folder_name(folder: str, where: str, problems: Problems) -> None:
    name = posixpath.basename(folder)
    if not slugify(name):
        problems.say(where, 0, "", "name.no_slug", name=name, example="sidor")
    elif slugify(name) != name:
        url = posixpath.dirname(slug_path(folder + "/index.md")) + "/"
        problems.say_warning(where, 0, "", "name.folder", url=url, suggested=slugify(name))


def _suggested(rel: str) -> str:
    """Return the name to suggest for a file: just the name, or the path if a folder changes too."""
    better = slug_path(rel)
    if posixpath.dirname(better) == posixpath.dirname(rel):
        return posixpath.basename(better)
    return better
