"""Find the files of content/ without ever leaving the project or opening what is no file.

A link (symlink) is followed only when it leads to a file or folder inside the project
folder, and what it leads to is read at its real path, so nothing outside the project is
ever read or published. A named pipe would block the first read for good, and a device
may never end: both are skipped unopened. A name that is not UTF-8, or that holds an
invisible character, is said with the file's other characters, and the file left out.
"""

from __future__ import annotations

import os
import re
import stat
from dataclasses import dataclass

from rusgen.errors import Problems

# What a name may not hold: ASCII and Latin-1 control characters, and the bytes of a name
# that was not UTF-8, which arrive as lone surrogates (os.fsdecode's surrogateescape).
ODD = re.compile("[\x00-\x1f\x7f-\x9f\udc80-\udcff]")
NOT_UTF8 = re.compile("[\udc80-\udcff]")
SHOWN_INSTEAD = "\ufffd"


# What says a file is as it was, taken from the walk's stat so that no file is asked twice:
# size, modification and change times (ns), inode. The change time (ctime) cannot be set
# back by a program, so a file written and "touched back" to its old time still differs.
Stamp = tuple[int, int, int, int]


def stamp_of(info: os.stat_result) -> Stamp:
    """Return a file's stamp from its stat."""
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


@dataclass(frozen=True)
class Found:
    """A file below a folder: its path there, with forward slashes, and the real path to read."""

    rel: str
    real: str
    size: int
    stamp: Stamp


@dataclass(frozen=True)
class Entry:
    """One entry of a folder, its link resolved: the real path, what is there and its size."""

    name: str
    real: str
    mode: int
    size: int
    linked: bool
    stamp: Stamp


class ContentWalker:
    """Walk folders of one project, saying each link, special file and odd name it refuses."""

    def __init__(self, project: str, problems: Problems) -> None:
        self.project = os.path.realpath(project)
        self.problems = problems

    def entries(self, real_folder: str, display: str) -> list[Entry]:
        """Return the entries of a folder that may be read, by name; say the ones that may not.

        `real_folder` is where the folder really is, `display` how messages name it.
        """
        found: list[Entry] = []
        with os.scandir(real_folder) as listing:
            items = sorted(listing, key=lambda item: item.name)
        for item in items:
            if item.name.startswith((".", "~")):
                continue  # editors' backups and the system's hidden files
            entry = self._entry(item.name, item.path, item.stat(follow_symlinks=False), display)
            if entry is not None:
                found.append(entry)
        return found

    def entry(self, path: str, display: str) -> Entry | None:
        """Return what `path` is, following a link that stays in the project, or None."""
        folder, name = os.path.split(path)
        real = os.path.join(os.path.realpath(folder), name)
        return self._entry(name, real, os.lstat(real), os.path.dirname(display))

    def _entry(self, name: str, real: str, info: os.stat_result, folder: str) -> Entry | None:
        """Return an entry of `folder` (as messages name it) that may be read, or None."""
        odd = ODD.search(name)
        if odd:
            code = "file.name_not_utf8" if NOT_UTF8.match(odd[0]) else "file.name_control"
            self.problems.say(f"{folder}/{shown(name)}".lstrip("/"), 0, "", code, char=f"U+{ord(odd[0]):04X}")
            return None
        linked = stat.S_ISLNK(info.st_mode)
        if linked:
            resolved = self._link_target(real, f"{folder}/{name}".lstrip("/"))
            if resolved is None:
                return None
            real, info = resolved, os.stat(resolved)
        if not (stat.S_ISREG(info.st_mode) or stat.S_ISDIR(info.st_mode)):
            self.problems.say_warning(f"{folder}/{name}".lstrip("/"), 0, "", "file.special")
            return None
        return Entry(
            name=name, real=real, mode=info.st_mode, size=info.st_size, linked=linked,
            stamp=stamp_of(info),
        )

    def files(self, folder: str, display: str) -> list[Found]:
        """Return every file that may be read below a folder, in a stable order.

        A link to a folder is followed once, and only to a folder outside this one: a link
        within it would publish the same files twice, or round in a circle for ever.
        """
        found: list[Found] = []
        top = os.path.realpath(folder)
        walked = {top}
        todo: list[tuple[str, str]] = [(top, "")]  # a folder's real path, its rel path with a final /
        while todo:
            real, prefix = todo.pop()
            for entry in self.entries(real, f"{display}/{prefix}".rstrip("/")):
                rel = prefix + entry.name
                if stat.S_ISREG(entry.mode):
                    found.append(Found(rel, entry.real, entry.size, entry.stamp))
                elif entry.linked and (entry.real in walked or entry.real.startswith(top + os.sep)):
                    target = shown(os.readlink(os.path.join(real, entry.name)))
                    self.problems.say(f"{display}/{rel}", 0, "", "file.link_loop", target=target)
                else:
                    walked.add(entry.real)
                    todo.append((entry.real, rel + "/"))
        # Folder by folder, as paths compare: "a/b.md" before "a-b.md".
        return sorted(found, key=lambda file: file.rel.split("/"))

    def _link_target(self, path: str, display: str) -> str | None:
        """Return the real path a link leads to, if it is in the project; say why not."""
        target = shown(os.readlink(path))
        try:
            real = os.path.realpath(path, strict=True)
        except OSError:  # nothing there, or a chain of links that leads back to itself
            self.problems.say(display, 0, "", "file.link_broken", target=target)
            return None
        if real != self.project and not real.startswith(self.project + os.sep):
            self.problems.say(display, 0, "", "file.link_outside", target=shown(real))
            return None
        if any(part.startswith(".") for part in os.path.relpath(real, self.project).split(os.sep)):
            self.problems.say(display, 0, "", "file.link_hidden", target=shown(real))
            return None
        return real


def shown(name: str) -> str:
    """Return a name as a message can show it: unreadable and invisible characters as �."""
    return ODD.sub(SHOWN_INSTEAD, name)
