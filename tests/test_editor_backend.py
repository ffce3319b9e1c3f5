"""The editor's local backend as Decap CMS meets it: a real `rusgen serve`, real HTTP requests.

Each request has the shape decap-server's file-system proxy answers (Decap's local_backend
sends them so); what is refused must write nothing, and the messages must be Swedish.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import socket
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

from rusgen.editor.guard import Refused, check_request
from rusgen.editor.roundtrip import split_page
from rusgen.yamlfile import read_yaml
from tests.conftest import ROOT, copy_project, rusgen_serve

EVENT = "content/vastra-gotaland/events/2021-05-27-uppstart-fullfoljda-studier.md"
FILES = "content/vastra-gotaland/files"


class Served:
    """A running `rusgen serve` and a way to ask it as the editor's page would."""

    def __init__(self, project: Path, origin: str) -> None:
        self.project = project
        self.base = origin

    def post(self, path: str, body: object, headers: dict[str, str] | None = None) -> tuple[int, object]:
        sent = {"Content-Type": "application/json; charset=utf-8", "Origin": self.base, **(headers or {})}
        request = urllib.request.Request(self.base + path, data=json.dumps(body).encode(), headers=sent)
        return _answer(request)

    def action(self, action: str, **params: object) -> tuple[int, object]:
        return self.post("/api/v1", {"action": action, "params": {"branch": "main", **params}})

    def get(self, path: str) -> tuple[int, object]:
        return _answer(urllib.request.Request(self.base + path))


def _answer(request: urllib.request.Request) -> tuple[int, object]:
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            data, status, kind = response.read(), response.status, response.headers["Content-Type"]
    except urllib.error.HTTPError as error:
        data, status, kind = error.read(), error.code, error.headers["Content-Type"]
    return status, json.loads(data) if kind.startswith("application/json") else data.decode("utf-8")


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    top = tmp_path_factory.mktemp("editor")
    (top / "project").mkdir()
    project = copy_project(top / "project")
    (top / "outside").mkdir()
    (top / "outside" / "secret.md").write_text("---\ntitle: Hemligt\n---\n", "utf-8")
    with rusgen_serve(project) as origin:
        yield Served(project, origin)


@pytest.fixture
def link_out(served: Served) -> Iterator[None]:
    """A link in content/ to a folder outside the project, while the test runs (the build
    refuses it, so it is gone again before the tests that need a good build)."""
    link = served.project / "content" / "vastra-gotaland" / "out"
    link.symlink_to(served.project.parent / "outside")
    try:
        yield
    finally:
        link.unlink()


def _save(served: Served, rel: str, raw: str) -> tuple[int, object]:
    """Save a page as Decap's Save button does."""
    return served.action("persistEntry", dataFiles=[{"path": rel, "raw": raw}], assets=[], options={})


def _tree(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file below a folder with its size and time, to see that nothing was written."""
    return {
        str(path): (path.lstat().st_size, path.lstat().st_mtime_ns)
        for path in folder.rglob("*") if not path.is_dir() or path.is_symlink()
    }


def _decap_raw(text: str, yaml_file: bool, **changes: object) -> str:
    """Write a file as Decap would send it back: its own YAML writer, keys sorted, the body
    without the blank line after the front matter; `changes` set fields first."""

    def plain(value: object) -> object:
        if isinstance(value, dict):
            return {k: plain(v) for k, v in value.items()}
        return [plain(v) for v in value] if isinstance(value, list) else value

    if yaml_file:
        data = plain(read_yaml(text).data)
        data.update(changes)
        return yaml.safe_dump(data, allow_unicode=True, sort_keys=True, width=60)
    front, body = split_page(text)
    data = plain(read_yaml(front).data or {})
    data.update(changes)
    dumped = yaml.safe_dump(data, allow_unicode=True, sort_keys=True, width=60)
    return f"---\n{dumped}---\n{body.strip()}\n"


# --- the protocol ---------------------------------------------------------------------------


def test_info_and_listing_answer_as_decap_server_does(served: Served) -> None:
    status, info = served.action("info")
    assert status == 200 and info == {"repo": "project", "publish_modes": ["simple"], "type": "local_fs"}
    status, entries = served.action(
        "entriesByFolder", folder="content/vastra-gotaland/events", extension="md", depth=1
    )
    assert status == 200
    paths = [entry["file"]["path"] for entry in entries]
    assert EVENT in paths and all(p.startswith("content/vastra-gotaland/events/") for p in paths)
    event = next(entry for entry in entries if entry["file"]["path"] == EVENT)
    on_disk = (served.project / EVENT).read_bytes()
    assert event["data"] == on_disk.decode("utf-8")
    assert event["file"]["id"] == hashlib.sha256(on_disk).hexdigest()
    status, some = served.action("entriesByFiles", files=[{"path": EVENT, "label": "Uppstart"}])
    assert status == 200 and some == [{"data": event["data"], "file": {**event["file"], "label": "Uppstart"}}]
    status, one = served.action("getEntry", path=EVENT)
    assert status == 200 and one == {"data": event["data"], "file": event["file"]}
    status, missing = served.action("getEntry", path="content/vastra-gotaland/events/inget.md")
    assert status == 200 and missing["data"] is None and missing["file"]["id"] is None


def test_a_link_leading_out_of_content_is_not_listed(served: Served, link_out: None) -> None:
    status, entries = served.action(
        "entriesByFolder", folder="content/vastra-gotaland", extension="md", depth=3
    )
    assert status == 200
    paths = {entry["file"]["path"] for entry in entries}
    assert "content/vastra-gotaland/smart-specialisering.md" in paths
    assert not any("/out/" in path for path in paths)


def test_media_are_listed_read_uploaded_and_deleted(served: Served) -> None:
    status, media = served.action("getMedia", mediaFolder=FILES)
    assert status == 200 and media
    first = media[0]
    on_disk = (served.project / first["path"]).read_bytes()
    assert base64.b64decode(first["content"]) == on_disk and first["encoding"] == "base64"
    assert first["name"] == Path(first["path"]).name and first["path"].startswith(FILES + "/")
    assert served.action("getMediaFile", path=first["path"]) == (200, first)

    photo = b"\x89PNG\r\n\x1a\n" + b"rusgen" * 10
    asset = {"path": f"{FILES}/ny-bild.png", "content": base64.b64encode(photo).decode(),
             "encoding": "base64"}
    status, saved = served.action("persistMedia", asset=asset, options={"commitMessage": "Ny bild"})
    assert status == 200 and saved["path"] == asset["path"] and saved["name"] == "ny-bild.png"
    assert (served.project / asset["path"]).read_bytes() == photo
    status, answer = served.action("deleteFiles", paths=[asset["path"]], options={"commitMessage": "Bort"})
    assert status == 200 and not (served.project / asset["path"]).exists()


def test_a_new_event_is_written_and_an_existing_one_never_replaced(served: Served) -> None:
    rel = "content/vasterbotten/events/2026-12-01-fika.md"
    raw = "---\ntitle: Fika med strategin\nstart: 2026-12-01 09:30\nstatus: full\n---\nVälkommen!\n"
    data_file = {"path": rel, "raw": raw, "slug": "fika"}
    status, answer = served.action("persistEntry", dataFiles=[data_file], assets=[], options={})
    assert (status, answer) == (200, {"message": "entry persisted"})
    assert (served.project / rel).read_text("utf-8") == raw

    # A "new" entry at the path of a file the editor never loaded (no test before this one
    # loads Boråsregionen's pages) is refused: it would replace that file.
    other = "content/borasregionen/index.md"
    before = (served.project / other).read_bytes()
    status, answer = served.action(
        "persistEntry", dataFiles=[{"path": other, "raw": raw, "slug": "index"}], assets=[], options={}
    )
    assert status == 409 and "finns redan en fil" in answer["error"]
    assert (served.project / other).read_bytes() == before


def test_a_file_changed_on_disk_since_it_was_loaded_is_not_overwritten(served: Served) -> None:
    rel = "content/jamtland-harjedalen/smart-specialisering.md"
    status, entry = served.action("getEntry", path=rel)
    assert status == 200
    edited_elsewhere = entry["data"].replace("title:", "title: Ändrad i Anteckningar", 1)
    (served.project / rel).write_text(edited_elsewhere, "utf-8")
    raw = _decap_raw(entry["data"], False, title="Från redigeraren")
    status, answer = _save(served, rel, raw)
    assert status == 409
    assert "har ändrats på disken" in answer["error"] and "ladda om sidan" in answer["error"]
    assert (served.project / rel).read_text("utf-8") == edited_elsewhere


# --- what is refused ------------------------------------------------------------------------

REFUSED_PATHS = [
    "content/../rusgen.yaml",
    "../outside/secret.md",
    "/etc/passwd",
    "C:/Users/anna/secret.md",
    "content\\vastra-gotaland\\index.md",
    "content/vastra-gotaland/\x00.md",
    "rusgen.yaml",
    "content/vastra-gotaland/.hidden.md",
    "content/vastra-gotaland/out/secret.md",  # a link leading out of content/
]


@pytest.mark.parametrize("path", REFUSED_PATHS)
def test_paths_outside_content_are_refused_and_nothing_is_written(
    served: Served, link_out: None, path: str
) -> None:
    top = served.project.parent
    before = _tree(top)
    raw = "---\ntitle: Intrång\n---\n"
    asset = {"path": path, "content": base64.b64encode(b"x").decode(), "encoding": "base64"}
    answers = [
        served.action("persistEntry", dataFiles=[{"path": path, "raw": raw}], assets=[], options={}),
        served.action("persistMedia", asset=asset, options={}),
        served.action("getEntry", path=path),
        served.action("getMediaFile", path=path),
        served.action("deleteFile", path=path, options={}),
        served.action("deleteFiles", paths=[path], options={}),
        served.action("entriesByFolder", folder=path, extension="md", depth=1),
    ]
    for status, answer in answers:
        assert status == 403, answer
        assert "content/" in answer["error"] and "Ingenting sparades" in answer["error"]
    assert _tree(top) == before


def test_a_page_elsewhere_a_rebound_name_and_a_simple_form_post_are_refused(served: Served) -> None:
    before = _tree(served.project.parent)
    save = {"action": "persistEntry", "params": {"dataFiles": [{"path": EVENT, "raw": "x"}], "assets": []}}
    status, answer = served.post("/api/v1", save, {"Origin": "https://elak.example"})
    assert status == 403 and "elak.example" in answer["error"]
    status, answer = served.post("/api/v1", save, {"Host": "elak.example:80", "Origin": "http://elak.example:80"})
    assert status == 403 and "localhost" in answer["error"]
    status, answer = served.post("/api/v1", save, {"Content-Type": "text/plain"})
    assert status == 415 and "application/json" in answer["error"]
    assert _tree(served.project.parent) == before


def test_only_this_computer_is_answered() -> None:
    headers = {"host": "127.0.0.1:8000", "content-type": "application/json"}
    check_request("POST", headers, "127.0.0.1", 8000)
    check_request("POST", {**headers, "host": "[::1]:8000"}, "::ffff:127.0.0.1", 8000)
    with pytest.raises(Refused) as refused:
        check_request("POST", headers, "192.168.1.20", 8000)
    assert "192.168.1.20" in refused.value.text("sv") and "den här datorn" in refused.value.text("sv")


# --- round trips ----------------------------------------------------------------------------

ALL_FILES = sorted(
    str(path.relative_to(ROOT).as_posix())
    for path in (ROOT / "content").rglob("*") if path.suffix in (".md", ".yaml")
)


def test_every_file_of_the_four_regions_resaved_unchanged_keeps_its_bytes(served: Served) -> None:
    changed = []
    for rel in ALL_FILES:
        status, entry = served.action("getEntry", path=rel)
        assert status == 200
        before = (served.project / rel).read_bytes()
        raw = _decap_raw(entry["data"], rel.endswith(".yaml"))
        status, answer = _save(served, rel, raw)
        assert status == 200, answer
        if (served.project / rel).read_bytes() != before:
            changed.append(rel)
    assert len(ALL_FILES) > 30 and not changed


def test_an_edited_field_changes_its_line_only_and_an_emptied_one_goes(served: Served) -> None:
    rel = "content/vastra-gotaland/smart-specialisering.md"
    status, entry = served.action("getEntry", path=rel)
    assert status == 200
    raw = _decap_raw(entry["data"], False, weight=25)
    # The form's `reviewed` was emptied: the editor leaves an empty field out of what it sends.
    raw = "\n".join(line for line in raw.split("\n") if not line.startswith("reviewed:"))
    status, _ = _save(served, rel, raw)
    assert status == 200
    before, after = entry["data"].split("\n"), (served.project / rel).read_text("utf-8").split("\n")
    assert [line for line in before if line not in after] == ["weight: 20", "reviewed: 2026-11-20"]
    assert [line for line in after if line not in before] == ["weight: 25"]


# --- after a save: messages and the preview -------------------------------------------------


def test_messages_of_a_broken_save_name_line_and_field_in_swedish(served: Served) -> None:
    rel = next(p for p in ALL_FILES if p.startswith("content/vasterbotten/events/"))
    status, entry = served.action("getEntry", path=rel)
    broken = entry["data"].replace("\nstart: ", "\nstart: 31 februari ", 1)
    assert broken != entry["data"]
    status, _ = _save(served, rel, broken)
    assert status == 200
    status, report = served.get(f"/api/rusgen/messages?path={rel}")
    assert status == 200
    start_line = next(i for i, line in enumerate(broken.split("\n"), start=1) if line.startswith("start:"))
    assert {"line": start_line, "field": "start", "level": "error"}.items() <= report["messages"][0].items()
    assert "ska vara datum och klockslag" in report["messages"][0]["text"]
    assert report["page"].startswith("/") and report["page"].endswith("/")

    status, _ = _save(served, rel, entry["data"])
    status, report = served.get(f"/api/rusgen/messages?path={rel}")
    assert status == 200 and report["messages"] == []
    assert served.get(report["page"])[0] == 200


def test_after_a_save_the_messages_name_the_file_it_wrote_new_or_renamed(served: Served) -> None:
    """The editor's page asks without a path: Decap does not tell it a new entry's."""
    rel, renamed = "content/vasterbotten/namnbyte.md", "content/vasterbotten/nytt-namn.md"
    raw = "---\ntitle: Namnbyte\nsummary: En sida som byter namn.\n---\nText.\n"
    status, _ = _save(served, rel, raw)
    status, report = served.get("/api/rusgen/messages")
    assert status == 200 and report["path"] == rel and report["messages"] == []
    assert report["page"] == "/vb/namnbyte/" and served.get(report["page"])[0] == 200

    moved = {"path": rel, "raw": raw.replace("Namnbyte", "Nytt namn"), "newPath": renamed}
    status, _ = served.action("persistEntry", dataFiles=[moved], assets=[], options={})
    assert status == 200 and not (served.project / rel).exists()
    status, report = served.get("/api/rusgen/messages")
    assert report["path"] == renamed and report["page"] == "/vb/nytt-namn/"
    served.action("deleteFiles", paths=[renamed], options={"commitMessage": "Bort"})


def test_the_preview_renders_a_draft_with_the_real_theme_and_writes_nothing(served: Served) -> None:
    rel = "content/vastra-gotaland/smart-specialisering.md"
    status, entry = served.action("getEntry", path=rel)
    before = _tree(served.project.parent)
    draft = entry["data"].replace("title: Smart specialisering", "title: Smart specialisering i utkast", 1)
    status, page = served.post("/api/rusgen/preview", {"path": rel, "raw": draft})
    assert status == 200
    assert "<title>Smart specialisering i utkast" in page
    base = page.split('<base href="', 1)[1].split('"', 1)[0]
    assert base == f"{served.base}/vg/smart-specialisering/"
    stylesheet = page.split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
    status, css = served.get(urllib.parse.urljoin(base, stylesheet).removeprefix(served.base))
    assert status == 200 and "{" in css
    assert _tree(served.project.parent) == before

    wrong = re.sub(r"(?m)^weight: .*$", "weight: tjugo", draft)
    status, box = served.post("/api/rusgen/preview", {"path": rel, "raw": wrong})
    assert status == 200 and "Förhandsvisningen kunde inte visas" in box and "weight" in box


def test_a_draft_of_the_region_settings_shows_on_the_home_page(served: Served) -> None:
    rel = "content/vasterbotten/region.yaml"
    status, entry = served.action("getEntry", path=rel)
    name = read_yaml(entry["data"]).data["name"]
    draft = entry["data"].replace(f"name: {name}", f"name: {name} i utkast", 1)
    status, page = served.post("/api/rusgen/preview", {"path": rel, "raw": draft})
    assert status == 200 and f"<title>{name} i utkast" in page


def test_deleting_a_page_tells_which_pages_link_to_it(served: Served) -> None:
    rel = "content/vastra-gotaland/smart-specialisering.md"
    status, entry = served.action("getEntry", path=rel)
    status, answer = served.action("deleteFile", path=rel, options={"commitMessage": "Bort"})
    assert status == 200 and not (served.project / rel).exists()
    status, report = served.get(f"/api/rusgen/messages?path={rel}")
    linking = [m for m in report["messages"] if m["path"] == "content/vastra-gotaland/index.md"]
    assert linking and linking[0]["line"] > 0 and "smart-specialisering.md" in linking[0]["text"]
    assert _save(served, rel, entry["data"])[0] == 200  # a new file again: allowed
    status, report = served.get(f"/api/rusgen/messages?path={rel}")
    assert report["messages"] == [] and report["page"] == "/vg/smart-specialisering/"


def test_an_upload_replaces_only_the_file_the_media_library_showed(served: Served) -> None:
    rel = f"{FILES}/karta.png"
    (served.project / rel).write_bytes(b"\x89PNG gammal")
    asset = {"path": rel, "content": base64.b64encode(b"\x89PNG ny").decode(), "encoding": "base64"}
    status, answer = served.action("persistMedia", asset=asset, options={})
    assert status == 409 and "finns redan en fil" in answer["error"]
    served.action("getMedia", mediaFolder=FILES)
    (served.project / rel).write_bytes(b"\x89PNG andrad")
    status, answer = served.action("persistMedia", asset=asset, options={})
    assert status == 409 and "har ändrats på disken" in answer["error"]
    assert (served.project / rel).read_bytes() == b"\x89PNG andrad"
    served.action("getMediaFile", path=rel)
    assert served.action("persistMedia", asset=asset, options={})[0] == 200
    assert (served.project / rel).read_bytes() == b"\x89PNG ny"
    assert served.action("deleteFiles", paths=[rel], options={})[0] == 200


def test_a_request_too_large_or_of_no_length_is_refused_whole(served: Served) -> None:
    host, port = served.base.removeprefix("http://").split(":")
    for length in ("tolv", str(65 * 1024 * 1024)):
        with socket.create_connection((host, int(port)), timeout=10) as connection:
            connection.sendall(
                f"POST /api/v1 HTTP/1.1\r\nHost: {host}:{port}\r\nContent-Type: application/json\r\n"
                f"Content-Length: {length}\r\n\r\n".encode()
            )
            assert connection.recv(200).startswith(b"HTTP/1.1 413")


def test_a_save_rebuilds_the_preview_where_no_watcher_sees_files(tmp_path: Path) -> None:
    """On a network drive the watcher may see nothing: the save itself asks for the rebuild
    whose messages the editor shows (else they would be those from before the save)."""
    from rusgen.build import BuildOptions
    from rusgen.editor.api import EditorApi
    from rusgen.preview import SiteRebuilder
    from rusgen.server.app import PreviewServer
    from rusgen.server.watcher import Rebuilder

    project = copy_project(tmp_path)
    rebuild = SiteRebuilder(BuildOptions(source=project, drafts=True, preview=True))
    api = EditorApi(project, "sv", reports=rebuild)
    server = PreviewServer(("127.0.0.1", 0), rebuild, log=lambda line: None, routes=api.routes())
    server.refresh()
    server.rebuilder = Rebuilder(server)  # as `serve` starts it, but with no file watcher
    server.rebuilder.start()
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        served = Served(project, f"http://127.0.0.1:{server.server_address[1]}")
        status, entry = served.action("getEntry", path=EVENT)
        assert _save(served, EVENT, entry["data"].replace("\nstart: ", "\nstart: 30 februari ", 1))[0] == 200
        status, report = served.get(f"/api/rusgen/messages?path={EVENT}")
        assert [m["field"] for m in report["messages"]] == ["start"]
    finally:
        server.shutdown()
        server.rebuilder.stop()
        server.server_close()


def test_a_rename_onto_another_page_is_refused_and_writes_nothing(served: Served) -> None:
    rel, other = "content/vasterbotten/index.md", "content/vastra-gotaland/index.md"
    status, entry = served.action("getEntry", path=rel)
    before = _tree(served.project.parent)
    renamed = {"path": rel, "raw": entry["data"].replace("title:", "title: Ny", 1), "newPath": other}
    status, answer = served.action("persistEntry", dataFiles=[renamed], assets=[], options={})
    assert status == 409 and other in answer["error"] and "finns redan en fil" in answer["error"]
    assert _tree(served.project.parent) == before


def test_a_draft_unchanged_renders_as_the_preview_serves_the_page(served: Served) -> None:
    rel = "content/vastra-gotaland/smart-specialisering.md"
    status, entry = served.action("getEntry", path=rel)
    status, report = served.get(f"/api/rusgen/messages?path={rel}")
    status, draft = served.post("/api/rusgen/preview", {"path": rel, "raw": entry["data"]})
    status, page = served.get(report["page"])

    def main(html: str) -> str:
        return html[html.index("<main") : html.index("</main>")]

    assert main(draft) == main(page) and len(main(page)) > 1000
