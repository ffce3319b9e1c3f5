"""Write outputs to disk: atomically, skipping unchanged bytes, pruning stale files.

The writer only ever deletes inside a folder it made itself (it leaves a marker file
there), so pointing --output at a folder of the user's never loses their files.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rusgen.errors import RusgenError
from rusgen.model import Output

MARKER = ".rusgen-output"


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
    if output.is_dir() and any(output.iterdir()) and not (output / MARKER).exists():
        raise RusgenError("write.not_ours", path=output)


def write_outputs(
    outputs: Iterable[Output],
    output: Path,
    prune_below: Iterable[str] = (),
    known: dict[str, FileRecord] | None = None,
) -> WriteReport:
    """Write every output below `output`; remove stale files below the `prune_below` folders.

    `known` is the report of the previous build: a file whose size, time and inode are as
    noted there, and whose noted hash is that of the new bytes, is unchanged without being
    read. Any doubt, and the file is read and compared.
    """
    output.mkdir(parents=True, exist_ok=True)
    marker = output / MARKER
    text = "This folder is written by rusgen build; do not edit it.\n"
    write_file_if_changed(marker, text.encode())
    known = known or {}
    files: dict[str, FileRecord] = {}
    written = unchanged = 0
    for item in outputs:
        if item.path in files:
            raise RusgenError("write.twice", path=item.path)
        data = Path(item.source).read_bytes() if item.source else item.data
        path = output / item.path
        digest = item.digest or hashlib.sha256(data).hexdigest()
        if is_unchanged(path, known.get(item.path), digest) or not write_file_if_changed(path, data):
            unchanged += 1
        else:
            written += 1
        files[item.path] = file_record(path, digest)
    removed = _prune(output, set(files), tuple(prune_below))
    return WriteReport(written=written, unchanged=unchanged, removed=removed, files=files)


def file_record(path: Path, digest: str) -> FileRecord:
    """Note a file's size, time, inode and hash, and whether its time had settled."""
    stat = path.stat()
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


def write_file_if_changed(path: Path, data: bytes) -> bool:
    """Write `data` atomically unless the file already holds it; return whether it wrote."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_dir():
        raise RusgenError("write.folder_in_way", path=path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def _prune(output: Path, keep: set[str], below: tuple[str, ...]) -> int:
    """Remove the files below the `below` folders that this build did not write."""
    removed = 0
    root = str(output)
    cut = len(root) + 1
    for top in below:
        folder = os.path.join(root, top) if top else root
        if not os.path.isdir(folder):
            continue
        # Paths as strings: pathlib costs more than the walk for thousands of files.
        for dirpath, dirnames, filenames in os.walk(folder, topdown=False):
            for name in filenames:
                path = os.path.join(dirpath, name)
                rel = path[cut:]
                if rel not in keep and rel != MARKER:
                    os.unlink(path)
                    removed += 1
            for name in dirnames:
                sub = os.path.join(dirpath, name)
                if not os.path.islink(sub) and not os.listdir(sub):
                    os.rmdir(sub)
    return removed
