"""Decap CMS's local backend: the actions of decap-server's file-system proxy, over content/.

Requests and answers have the shapes decap-server gives them (`{action, params}` in, JSON
out, `{"error": text}` with a 4xx or 5xx status when refused), so Decap's `local_backend`
works unchanged. Beyond decap-server it never overwrites silently: it remembers the digest
of each file it served in this session, and refuses to save over a file whose bytes on disk
are no longer those (changed in a text editor, or by another tab). A save of an existing
page changes only what was edited (roundtrip.py).
"""

from __future__ import annotations

import base64
import binascii
import os
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from rusgen.editor.files import digest, list_files, media_file, read_entry, write_atomically
from rusgen.editor.guard import Refused, content_path
from rusgen.editor.known import known_fields
from rusgen.editor.roundtrip import merge

Params = dict[str, Any]


class LocalBackend:
    """Answer Decap's actions for one project; remember what each file was when served."""

    def __init__(self, project: Path, saved: Callable[[str], None] = lambda rel: None) -> None:
        self.project = str(project.resolve())
        self.saved = saved  # told the path of every file written or removed, once it is
        self.served: dict[str, str] = {}  # path -> digest of the bytes the editor was given
        # The path the last persistEntry saved its entry at (a renamed entry's new one): the
        # editor's page asks for it after a save, as Decap tells no new entry's path.
        self.last_entry: str | None = None
        self._lock = threading.Lock()  # one change at a time: a check and its write are one step
        self.actions: dict[str, Callable[[Params], object]] = {
            "info": self.info, "entriesByFolder": self.entries_by_folder,
            "entriesByFiles": self.entries_by_files, "getEntry": self.get_entry,
            "persistEntry": self.persist_entry, "getMedia": self.get_media,
            "getMediaFile": self.get_media_file, "persistMedia": self.persist_media,
            "deleteFile": self.delete_file, "deleteFiles": self.delete_files,
            "getDeployPreview": lambda params: None,
        }

    def answer(self, action: object, params: object) -> object:
        """Return the answer to one action; raise Refused."""
        if not isinstance(action, str) or action not in self.actions:
            raise Refused("backend.unknown_action", status=422, action=str(action)[:80])
        if not isinstance(params, dict):
            raise Refused("backend.bad_request", status=422, problem="params")
        return self.actions[action](params)

    def info(self, params: Params) -> object:
        return {"repo": os.path.basename(self.project), "publish_modes": ["simple"], "type": "local_fs"}

    def _entry(self, rel: str, label: object = None) -> dict[str, object]:
        text, sha, _ = read_entry(self.project, rel)
        if sha is not None:
            self.served[rel] = sha
        file: dict[str, object] = {"path": rel, "id": sha}
        if label is not None:
            file["label"] = label
        return {"data": text, "file": file}

    def entries_by_folder(self, params: Params) -> object:
        folder, extension = _text(params, "folder"), params.get("extension") or ""
        depth = params.get("depth", 1)
        if not isinstance(extension, str) or not isinstance(depth, int):
            raise Refused("backend.bad_request", status=422, problem="extension, depth")
        return [self._entry(rel) for rel in list_files(self.project, folder, extension, depth)]

    def entries_by_files(self, params: Params) -> object:
        files = params.get("files")
        if not isinstance(files, list) or not all(isinstance(f, dict) for f in files):
            raise Refused("backend.bad_request", status=422, problem="files")
        return [self._entry(_text(f, "path"), f.get("label")) for f in files]

    def get_entry(self, params: Params) -> object:
        return self._entry(_text(params, "path"))

    def persist_entry(self, params: Params) -> object:
        entry = params.get("entry")
        data_files = params.get("dataFiles") or ([entry] if isinstance(entry, dict) else [])
        assets = params.get("assets") or []
        if not isinstance(data_files, list) or not data_files or not isinstance(assets, list):
            raise Refused("backend.bad_request", status=422, problem="dataFiles")
        with self._lock:
            # Every check first, then every write: a refused file leaves the others unwritten.
            writes = [self._planned_entry(f) for f in data_files]
            writes += [self._planned_asset(a) for a in assets]
            for data_file in data_files:
                if data_file.get("newPath"):  # a rename never lands on another file
                    content_path(self.project, _text(data_file, "newPath"), exists=False)
            for real, data, rel in writes:
                write_atomically(real, data, rel)
                self.served[rel] = digest(data)
            for data_file in data_files:
                if data_file.get("newPath"):
                    self._move(_text(data_file, "path"), _text(data_file, "newPath"))
            first = data_files[0]
            self.last_entry = _text(first, "newPath") if first.get("newPath") else _text(first, "path")
        for _, _, rel in writes:
            self.saved(rel)
        return {"message": "entry persisted"}

    def _planned_entry(self, data_file: object) -> tuple[str, bytes, str]:
        """Return (real path, bytes, path) to write for one of Decap's data files."""
        if not isinstance(data_file, dict):
            raise Refused("backend.bad_request", status=422, problem="dataFiles")
        rel, raw = _text(data_file, "path"), data_file.get("raw")
        if not isinstance(raw, str):
            raise Refused("backend.bad_request", status=422, problem="raw")
        real = content_path(self.project, rel)
        if not os.path.exists(real):
            return real, raw.encode("utf-8"), rel
        old = self._unchanged_since_served(real, rel)
        try:
            text = old.decode("utf-8")
        except UnicodeDecodeError:
            raise Refused("backend.not_text", status=422, path=rel) from None
        known = known_fields(self.project, rel)
        return real, merge(text, raw, yaml_only=not rel.endswith(".md"), known=known).encode("utf-8"), rel

    def _unchanged_since_served(self, real: str, rel: str) -> bytes:
        """Return the bytes on disk if they are those the editor was given; refuse otherwise.

        A file the editor never loaded is refused too: a new page must not replace one.
        """
        with open(real, "rb") as handle:
            data = handle.read()
        if rel not in self.served:
            raise Refused("backend.path_taken", status=409, path=rel)
        if self.served[rel] != digest(data):
            raise Refused("backend.changed_on_disk", status=409, path=rel)
        return data

    def _planned_asset(self, asset: object) -> tuple[str, bytes, str]:
        """Return (real path, bytes, path) of an upload; one replaces only the file the media
        library showed (Decap asks the user first), as it is now."""
        if not isinstance(asset, dict):
            raise Refused("backend.bad_request", status=422, problem="assets")
        rel = _text(asset, "path")
        try:
            data = base64.b64decode(_text(asset, "content"), validate=True)
        except (binascii.Error, ValueError):
            raise Refused("backend.bad_request", status=422, problem="base64") from None
        real = content_path(self.project, rel)
        if os.path.exists(real):
            self._unchanged_since_served(real, rel)
        return real, data, rel

    def _move(self, rel: str, new_rel: str) -> None:
        """Rename a saved entry (Decap's newPath), never onto another file."""
        real = content_path(self.project, rel, exists=True)
        target = content_path(self.project, new_rel, exists=False)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        os.rename(real, target)
        self.served[new_rel] = self.served.pop(rel, "")
        self.saved(new_rel)

    def get_media(self, params: Params) -> object:
        folder = _text(params, "mediaFolder")
        return [self._media(rel) for rel in list_files(self.project, folder, "", 1)]

    def get_media_file(self, params: Params) -> object:
        return self._media(_text(params, "path"))

    def _media(self, rel: str) -> dict[str, str]:
        file = media_file(self.project, rel)
        self.served[rel] = file["id"]
        return file

    def persist_media(self, params: Params) -> object:
        with self._lock:
            real, data, rel = self._planned_asset(params.get("asset"))
            write_atomically(real, data, rel)
            self.served[rel] = digest(data)
        self.saved(rel)
        return self._media(rel)

    def delete_file(self, params: Params) -> object:
        rel = _text(params, "path")
        self._delete([rel])
        return {"message": f"deleted file {rel}"}

    def delete_files(self, params: Params) -> object:
        paths = params.get("paths")
        if not isinstance(paths, list):
            raise Refused("backend.bad_request", status=422, problem="paths")
        rels = [_checked_text(p, "paths") for p in paths]
        self._delete(rels)
        return {"message": f"deleted files {', '.join(rels)}"}

    def _delete(self, rels: list[str]) -> None:
        """Remove files; one changed on disk since it was served is kept, and so are the rest."""
        with self._lock:
            reals = [content_path(self.project, rel) for rel in rels]
            for real, rel in zip(reals, rels, strict=True):
                if os.path.isfile(real) and rel in self.served:
                    self._unchanged_since_served(real, rel)
            for real, rel in zip(reals, rels, strict=True):
                if os.path.isfile(real):
                    os.unlink(real)
                self.served.pop(rel, None)
        for rel in rels:
            self.saved(rel)


def _text(params: Params, name: str) -> str:
    return _checked_text(params.get(name), name)


def _checked_text(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise Refused("backend.bad_request", status=422, problem=name)
    return value
