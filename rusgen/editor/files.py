"""Files of content/ as the editor reads and writes them: listed, digested, replaced at once."""

from __future__ import annotations

import base64
import contextlib
import hashlib
import os
import tempfile

from rusgen.editor.guard import Refused, content_path

TEMP_PREFIX = ".rusgen-editor-"  # hidden: the loader and the watcher pass it by
NEW_FILE_MODE = 0o644  # readable by all, as files a text editor makes (umask is per process, not per thread)


def digest(data: bytes) -> str:
    """Return the id Decap knows a file by: the SHA-256 of its bytes, as decap-server does."""
    return hashlib.sha256(data).hexdigest()


def list_files(project: str, folder: str, extension: str, depth: int) -> list[str]:
    """Return the files below `folder` (relative to the project) ending in `extension`, to
    `depth` levels, sorted; hidden files, backups and links leading out are left out."""
    try:
        top = content_path(project, folder)
    except Refused as refusal:
        if refusal.code == "backend.path_outside" and folder.strip("/") == "content":
            top = os.path.realpath(os.path.join(project, "content"))
        else:
            raise
    found: list[str] = []
    _walk(project, folder.strip("/"), top, extension, depth, found)
    return sorted(found)


def _walk(project: str, rel: str, real: str, extension: str, depth: int, found: list[str]) -> None:
    if depth <= 0 or not os.path.isdir(real):
        return
    with os.scandir(real) as listing:
        names = sorted(entry.name for entry in listing)
    for name in names:
        child = f"{rel}/{name}"
        try:
            path = content_path(project, child)
        except Refused:
            continue  # hidden, odd or leading out: the editor never sees it
        if os.path.isdir(path):
            _walk(project, child, path, extension, depth - 1, found)
        elif os.path.isfile(path) and name.endswith(extension):
            found.append(child)


def read_entry(project: str, rel: str) -> tuple[str | None, str | None, bytes | None]:
    """Return (text, digest, bytes) of a content file; Nones when it is not there.

    A file that is no UTF-8 text is refused, so a form never shows it garbled.
    """
    real = content_path(project, rel)
    if not os.path.isfile(real):
        return None, None, None
    with open(real, "rb") as handle:
        data = handle.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise Refused("backend.not_text", status=422, path=rel) from None
    return text, digest(data), data


def media_file(project: str, rel: str) -> dict[str, str]:
    """Return a media file as decap-server answers getMediaFile: base64, with its id."""
    real = content_path(project, rel, exists=True)
    with open(real, "rb") as handle:
        data = handle.read()
    return {
        "id": digest(data), "content": base64.b64encode(data).decode("ascii"), "encoding": "base64",
        "path": rel, "name": os.path.basename(rel),
    }


def write_atomically(real: str, data: bytes, rel: str) -> None:
    """Replace (or make) a file in one step: a reader, or a crash, sees the old bytes or the
    new ones, never half. The temp file is in the same folder, so os.replace is a rename."""
    folder = os.path.dirname(real)
    try:
        os.makedirs(folder, exist_ok=True)
        mode = os.stat(real).st_mode & 0o777 if os.path.exists(real) else NEW_FILE_MODE
        handle, temp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".tmp", dir=folder)
        try:
            with os.fdopen(handle, "wb") as out:
                out.write(data)
                out.flush()
                os.fsync(out.fileno())
            os.chmod(temp, mode)
            os.replace(temp, real)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
    except OSError as exc:
        raise Refused("backend.write_failed", status=500, path=rel, reason=exc.strerror or exc) from None
