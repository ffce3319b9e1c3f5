"""Swap a new output tree in for the old one, so a reader never sees a tree half done.

The writer builds the whole new tree in a folder beside the output (same parent, so the
same file system) and swaps the two in one step: renameat2(RENAME_EXCHANGE) on Linux.
Where that call is missing, two renames leave the output absent for an instant, never
mixed. The old tree then sits where the new one was built and is removed; whatever a
killed build leaves beside the output is removed by the next one (`remove_leftovers`).
"""

from __future__ import annotations

import ctypes
import errno
import os
import shutil
import sys
import tempfile
from pathlib import Path

STAGING = ".rusgen-new-"  # <output's name>.rusgen-new-<pid>, beside the output
SEARCH_PREFIX = "rusgen-search-"  # Pagefind's folders in the temp folder: rusgen-search-<pid>-*

_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


def real_folder(output: Path) -> Path:
    """Return the folder a linked output stands for: the swap replaces it, not the link."""
    return output.resolve() if output.is_symlink() else output


def staging_folder(output: Path) -> Path:
    """Return the folder beside `output` where this process builds the new tree."""
    return output.parent / f".{output.name}{STAGING}{os.getpid()}"


def scratch(output: Path) -> tuple[Path, str]:
    """Return a folder and a name prefix for a build's temporary folders beside `output`.

    On the output's file system, and named like the new tree (".public.rusgen-new-", to
    which the folder's maker adds its pid), so `remove_leftovers` removes what a killed
    build left.
    """
    staging = staging_folder(real_folder(output))
    return staging.parent, staging.name.removesuffix(str(os.getpid()))


def swap_in(staging: Path, output: Path) -> None:
    """Put the tree in `staging` at `output`; leave the old tree at `staging`, if any."""
    if not output.exists():
        os.rename(staging, output)
        return
    if _exchange(staging, output):
        return
    aside = staging.with_name(staging.name + "-old")
    os.rename(output, aside)
    try:
        os.rename(staging, output)
    except OSError:
        os.rename(aside, output)  # the old tree back where it was
        raise
    os.rename(aside, staging)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two paths atomically; False where the system cannot (then nothing happened)."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        renameat2 = ctypes.CDLL(None, use_errno=True).renameat2
    except (AttributeError, OSError):
        return False  # a C library older than glibc 2.28
    result = renameat2(
        _AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE
    )
    if result == 0:
        return True
    error = ctypes.get_errno()
    if error in (errno.EINVAL, errno.ENOSYS, errno.EOPNOTSUPP):  # this file system cannot swap
        return False
    raise OSError(error, os.strerror(error), str(second))


def remove_leftovers(output: Path) -> None:
    """Remove what killed builds left: new or old trees beside the output, Pagefind's folders."""
    output = real_folder(output)
    if output.parent.is_dir():
        for path in output.parent.glob(f".{output.name}{STAGING}*"):
            if not _alive(path.name.removeprefix(f".{output.name}{STAGING}").split("-")[0]):
                shutil.rmtree(path, ignore_errors=True)
    for path in Path(tempfile.gettempdir()).glob(f"{SEARCH_PREFIX}*"):
        if path.is_dir() and not _alive(path.name.removeprefix(SEARCH_PREFIX).split("-")[0]):
            shutil.rmtree(path, ignore_errors=True)


def _alive(pid_text: str) -> bool:
    """Tell whether the process that made a leftover may still be working on it."""
    if not pid_text.isdigit():
        return False  # no pid: a folder of an older rusgen, long finished
    pid = int(pid_text)
    if pid == os.getpid():
        return True  # this build's own Pagefind folders; its new tree it clears itself
    if os.name != "posix":
        return True  # no safe probe here; a later build removes it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
