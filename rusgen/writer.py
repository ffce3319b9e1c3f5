"""Write outputs to disk: atomically, skipping unchanged bytes, pruning stale files.

The writer only ever deletes inside a folder it made itself (it leaves a marker file
there), so pointing --output at a folder of the user's never loses their files.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rusgen.errors import RusgenError
from rusgen.model import Output

MARKER = ".rusgen-output"


@dataclass(frozen=True)
class WriteReport:
    written: int
    unchanged: int
    removed: int


def check_output_folder(output: Path, root: Path) -> None:
    """Refuse an output folder that holds the user's own files."""
    output, root = output.resolve(), root.resolve()
    if output == root or output in root.parents or (root / "content").resolve() in (
        output, *output.parents
    ) or (root / "themes").resolve() in (output, *output.parents):
        raise RusgenError(
            f"{output}: the output folder would overwrite your content; "
            "choose an empty folder, like public"
        )
    if output.is_dir() and any(output.iterdir()) and not (output / MARKER).exists():
        raise RusgenError(
            f"{output}: this folder holds files rusgen did not write; "
            "choose an empty or new folder for the output"
        )


def write_outputs(outputs: Iterable[Output], output: Path, prune_below: Iterable[str] = ()) -> WriteReport:
    """Write every output below `output`; remove stale files below the `prune_below` folders."""
    output.mkdir(parents=True, exist_ok=True)
    (output / MARKER).write_text("This folder is written by rusgen build; do not edit it.\n")
    seen: set[str] = set()
    written = unchanged = 0
    for item in outputs:
        if item.path in seen:
            raise RusgenError(f"two outputs write {item.path}; this is a bug in rusgen or a theme")
        seen.add(item.path)
        data = Path(item.source).read_bytes() if item.source else item.data
        if _write_if_changed(output / item.path, data):
            written += 1
        else:
            unchanged += 1
    removed = _prune(output, seen, tuple(prune_below))
    return WriteReport(written=written, unchanged=unchanged, removed=removed)


def _write_if_changed(path: Path, data: bytes) -> bool:
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.is_dir():
        raise RusgenError(f"{path}: a folder stands where a file must be written")
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
    removed = 0
    for top in below:
        folder = output / top if top else output
        if not folder.is_dir():
            continue
        for dirpath, dirnames, filenames in os.walk(folder, topdown=False):
            for name in filenames:
                path = Path(dirpath) / name
                rel = path.relative_to(output).as_posix()
                if rel not in keep and rel != MARKER:
                    path.unlink()
                    removed += 1
            for name in dirnames:
                sub = Path(dirpath) / name
                if not any(sub.iterdir()):
                    sub.rmdir()
    return removed
