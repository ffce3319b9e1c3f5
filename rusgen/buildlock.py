"""One build of a project at a time: a lock on a file in its .rusgen-cache/.

The system releases the lock when the process ends, however it ends, so a killed build
never leaves a project locked. A second build waits a few seconds (the first may be
about done), then says that a build is running.
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from rusgen.errors import RusgenError

LOCK_FILE = "build.lock"
WAIT_SECONDS = 3.0


@contextmanager
def build_lock(cache_folder: Path, wait: float = WAIT_SECONDS) -> Iterator[None]:
    """Hold the project's build lock, waiting up to `wait` seconds for another build.

    The lock file is removed on release, so a build leaves nothing it did not mean to
    (a refused build, nothing at all); a build that waited on a file removed meanwhile
    takes the lock anew on the file now there.
    """
    made = not cache_folder.is_dir()
    try:
        _make_folder(cache_folder)
    except OSError:
        # A project folder rusgen may not write to (a read-only checkout) keeps no cache
        # either: the build goes on unlocked rather than not at all.
        yield
        return
    path = cache_folder / LOCK_FILE
    fd = _take(path, time.monotonic() + wait)
    try:
        yield
    finally:
        _release(fd, path)
        if made:
            with contextlib.suppress(OSError):
                cache_folder.rmdir()  # only when the build kept nothing there


def _take(path: Path, deadline: float) -> int:
    """Return an open descriptor of the lock file, locked; raise when the wait is over."""
    while True:
        _make_folder(path.parent)  # a build that made it and failed may have removed it
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        if _try_lock(fd) and _same_file(fd, path):
            return fd
        os.close(fd)
        if time.monotonic() >= deadline:
            raise RusgenError("build.running", path=path.parent.parent)
        time.sleep(0.1)


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.path.samestat(os.fstat(fd), os.stat(path))
    except OSError:
        return False  # removed by the build that held it


def _release(fd: int, path: Path) -> None:
    if os.name != "nt":
        path.unlink(missing_ok=True)  # while locked: a waiting build then sees a new file
    _unlock(fd)
    os.close(fd)
    if os.name == "nt":
        with contextlib.suppress(OSError):
            path.unlink()  # Windows removes no open file


def _make_folder(folder: Path) -> None:
    """Make the cache folder; a plain file of its name is no cache of ours, and is replaced."""
    if folder.exists() and not folder.is_dir():
        folder.unlink()
    folder.mkdir(parents=True, exist_ok=True)


if sys.platform == "win32":  # os.name == "nt", in the form the type checker reads
    import msvcrt

    def _try_lock(fd: int) -> bool:
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True

    def _unlock(fd: int) -> None:
        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        return True

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
