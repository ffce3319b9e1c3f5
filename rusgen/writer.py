"""Write outputs to disk: the whole new tree or nothing, linking unchanged files.

The writer only ever deletes inside a folder it made itself (it leaves a marker file
there), so pointing --output at a folder of the user's never loses their files.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rusgen.errors import RusgenError
from rusgen.model import Output
from rusgen.swap import real_folder, staging_folder, swap_in

MARKER = ".rusgen-output"
MARKER_TEXT = b"This folder is written by rusgen build; do not edit it.\n"


# What the writer knows of a file it wrote: [size, mtime_ns, inode, sha256, settled].
# "settled": the file's time was already in the past when it was noted, so a later edit
# within the same tick of the file system's clock cannot hide behind an equal time.
FileRecord = list
SETTLE_NS = 50_000_000


@dataclass(frozen=True)
class WriteReport:
    written: int
    unchanged: int
    removed: int
    files: dict[str, FileRecord] = field(default_factory=dict)  # path below output -> record


def check_output_folder(output: Path, root: Path) -> None:
    """Refuse an output folder that holds the user's own files."""
    output, root = output.resolve(), root.resolve()
    if output == root or output in root.parents or (root / "content").resolve() in (
        output, *output.parents
    ) or (root / "themes").resolve() in (output, *output.parents):
        raise RusgenError("write.into_content", path=output)
    if output.exists() and not output.is_dir() or (
        output.is_dir() and any(output.iterdir()) and not (output / MARKER).exists()
    ):
        raise RusgenError("write.not_ours", path=output)  # the swap would remove it whole


def write_outputs(
    outputs: Iterable[Output],
    output: Path,
    prune_below: Iterable[str] = (),
    known: dict[str, FileRecord] | None = None,
) -> WriteReport:
    """Make `output` hold every output, and the files of the last build outside the
    `prune_below` folders; all at once or, when anything fails, not at all.

    The new tree is made beside the old one and swapped in (swap.py). A file the old tree
    holds with the same bytes is linked, not written again: its time and inode stay, so
    the next build still knows it by `known`, the last build's report, without reading it.
    """
    output = real_folder(output)
    staging = staging_folder(output)
    try:
        if output.is_dir() and not os.access(output, os.W_OK):
            # A folder made read-only is one its owner wants left alone, though a swap in
            # its parent would replace it.
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(output))
        report = _write_tree(outputs, output, staging, tuple(prune_below), known or {})
        swap_in(staging, output)
    except OSError as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise RusgenError("write.failed", folder=output, cause=_cause(exc, staging, output)) from exc
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    shutil.rmtree(staging, ignore_errors=True)  # the old tree, when there was one
    return report


def _write_tree(
    outputs: Iterable[Output], output: Path, staging: Path, below: tuple[str, ...],
    known: dict[str, FileRecord],
) -> WriteReport:
    """Write the new tree into `staging`; return what changed against the tree at `output`.

    Paths are strings and each folder is made once: for thousands of files the calls
    around a link cost more than the link (performance.md, "incremental").
    """
    shutil.rmtree(staging, ignore_errors=True)  # an earlier process with this pid left it
    staging.mkdir(parents=True)
    (staging / MARKER).write_bytes(MARKER_TEXT)
    old_root, new_root = str(output), str(staging)
    folders = _Folders(new_root)
    files: dict[str, FileRecord] = {}
    written = unchanged = 0
    for item in outputs:
        if item.path in files:
            raise RusgenError("write.twice", path=item.path)
        old = os.path.join(old_root, item.path)
        new = os.path.join(new_root, item.path)
        record = known.get(item.path)
        if item.digest and is_unchanged(old, record, item.digest) and folders.link(old, new):
            # The record says the old file holds these bytes: neither is read.
            digest = item.digest
            unchanged += 1
        else:
            data = Path(item.source).read_bytes() if item.source else item.data
            digest = item.digest or hashlib.sha256(data).hexdigest()
            if _holds(old, record, digest, data) and folders.link(old, new):
                unchanged += 1
            else:
                write_file(Path(new), data)
                written += 1
        files[item.path] = file_record(new, digest)
    removed = _carry_over(old_root, folders, below, set(files))
    if output.is_dir():
        shutil.copymode(output, staging)  # last: the mode may forbid writing
    return WriteReport(written=written, unchanged=unchanged, removed=removed, files=files)


class _Folders:
    """The new tree's folders, each made once, and links into them."""

    def __init__(self, root: str) -> None:
        self.root = root
        self.made: set[str] = {root}

    def link(self, old: str, new: str) -> bool:
        """Link the old file at `new`; False when it cannot be (no old file, a folder in
        its place, or no links on this file system)."""
        try:
            self.link_or_raise(old, new)
        except OSError:
            return False
        return True

    def link_or_raise(self, old: str, new: str) -> None:
        folder = os.path.dirname(new)
        if folder not in self.made:
            os.makedirs(folder, exist_ok=True)
            self.made.add(folder)
        os.link(old, new, follow_symlinks=False)


def _holds(old: str, record: FileRecord | None, digest: str, data: bytes) -> bool:
    """Tell whether the old file holds `data`: by its record, else by reading it."""
    if is_unchanged(old, record, digest):
        return True
    try:
        return os.stat(old).st_size == len(data) and Path(old).read_bytes() == data
    except OSError:
        return False


def _carry_over(root: str, folders: _Folders, below: tuple[str, ...], written: set[str]) -> int:
    """Link the old tree's files outside the `below` folders into the new tree; return how
    many old files the new tree leaves out."""
    removed = 0
    cut = len(root) + 1
    # Paths as strings: pathlib costs more than the walk for thousands of files.
    for dirpath, _dirnames, filenames in os.walk(root):
        for name in filenames:
            path = os.path.join(dirpath, name)
            rel = path[cut:]
            if rel == MARKER or name.startswith(".tmp-"):
                continue  # the marker is new; a .tmp- file is a write an older rusgen left
            if rel in written:
                continue
            if any(rel.startswith(top) for top in below):
                removed += 1
                continue
            folders.link_or_raise(path, os.path.join(folders.root, rel))
    return removed


def _cause(exc: OSError, staging: Path, output: Path) -> RusgenError:
    """Say in a few words why the system refused, naming the file as in the output folder
    (the folder it was written in was never seen, and is gone)."""
    name = str(exc.filename or output)
    if name.startswith(str(staging)):
        name = str(output) + name.removeprefix(str(staging))
    code = WRITE_CAUSES.get(exc.errno or 0)
    if code is None:
        return RusgenError("cause.other", path=name, reason=exc.strerror or exc)
    return RusgenError(code, path=name)


# The system's reasons a communicator meets, said in the build's language.
WRITE_CAUSES = {
    errno.EACCES: "cause.denied", errno.EPERM: "cause.denied", errno.EROFS: "cause.read_only",
    errno.ENOSPC: "cause.full", errno.EDQUOT: "cause.full", errno.EFBIG: "cause.too_large",
}


def file_record(path: Path | str, digest: str) -> FileRecord:
    """Note a file's size, time, inode and hash, and whether its time had settled."""
    stat = os.stat(path)
    settled = time.time_ns() - stat.st_mtime_ns > SETTLE_NS
    return [stat.st_size, stat.st_mtime_ns, stat.st_ino, digest, settled]


def is_unchanged(path: Path | str, record: FileRecord | None, digest: str) -> bool:
    """Tell from the record alone that a file holds bytes with this hash; False if unsure."""
    if not isinstance(record, list) or len(record) != 5 or record[3] != digest or not record[4]:
        return False
    try:
        stat = os.stat(path)
    except OSError:
        return False
    return [stat.st_size, stat.st_mtime_ns, stat.st_ino] == record[:3]


def write_file(path: Path, data: bytes) -> None:
    """Write a file of the new tree: the tree is unseen until swapped in, so no temp file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_dir():
        raise RusgenError("write.folder_in_way", path=path)
    try:
        with open(path, "wb") as handle:
            handle.write(data)
    except OSError as exc:
        if exc.filename is not None:
            raise
        raise OSError(exc.errno, exc.strerror, str(path)) from exc  # a full disk names no file
    os.chmod(path, 0o644)
