"""The render cache in .rusgen-cache/: used when exact, ignored when it cannot be trusted."""

from __future__ import annotations

import hashlib
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest
from conftest import GOLDEN_EPOCH, copy_site, output_lines, run_rusgen
from test_golden import tree

import rusgen
import rusgen.cache
import rusgen.store
from rusgen.build import BuildOptions
from rusgen.build import build as run_build
from rusgen.model import Output
from rusgen.results import Built, Replayed
from rusgen.store import Kept, Store
from rusgen.text import format_size

CACHE = ".rusgen-cache"


def build(source: Path, output: Path) -> list[str]:
    result = run_rusgen("build", "--source", str(source), "--output", str(output))
    assert result.exit_code == 0, result.output
    return output_lines(result)


def poison_markdown(source: Path, marker: str) -> None:
    """Replace every stored page body with a marker, as if rusgen had stored it, and
    forget the last build's record.

    If a build then shows the marker, it served the body from the store.
    """
    store = Store(source / CACHE)
    input_keys = store.keys("markdown")
    assert input_keys
    for input_key in input_keys:
        found = store.get("markdown", input_key)
        assert found is not None
        store.put("markdown", input_key, [Kept("html", f"<p>{marker}</p>\n".encode())], found[1])
    store.save()
    (source / CACHE / "store" / "build.json").unlink()


def page(output: Path, path: str) -> str:
    return (output / path).read_text(encoding="utf-8")


def test_a_valid_cache_is_used_and_another_renderer_version_ignores_it(
    site_copy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    source, output = site_copy("minimal"), tmp_path / "out"
    build(source, output)
    poison_markdown(source, "FROM-THE-CACHE")
    build(source, output)
    assert "FROM-THE-CACHE" in page(output, "alpha/om/index.html")

    poison_markdown(source, "FROM-THE-CACHE")
    monkeypatch.setattr(rusgen.store, "code_version", lambda: "another renderer")
    build(source, output)
    assert "FROM-THE-CACHE" not in page(output, "alpha/om/index.html")
    assert "Välkommen till Alfas strategi" in page(output, "alpha/index.html")


@pytest.mark.parametrize("damage", [b"", b"{\"format\": 1, \"code\"", b"\x00\xffgarbage", b"[1, 2]"])
def test_an_unreadable_cache_is_ignored(site_copy, tmp_path: Path, damage: bytes) -> None:
    source = site_copy("minimal")
    build(source, tmp_path / "first")
    found = list((source / CACHE).rglob("*.json"))
    assert len(found) > 3
    for path in found:
        path.write_bytes(damage)
    lines = build(source, tmp_path / "second")
    assert lines[-1].startswith("Byggde 1 region, ")
    assert tree(tmp_path / "second") == tree(tmp_path / "first")


def test_a_moved_link_target_renders_the_linking_page_again(site_copy, tmp_path: Path) -> None:
    source, output = site_copy("minimal"), tmp_path / "out"
    files = source / "content" / "alpha" / "files"
    files.mkdir()
    (files / "plan.pdf").write_bytes(b"%PDF-1.4\n" + b"x" * 2000)
    home = source / "content" / "alpha" / "index.md"
    home.write_text(home.read_text(encoding="utf-8") + "\nLäs [planen](files/plan.pdf).\n",
                    encoding="utf-8")
    build(source, output)
    assert '<a href="om/">om strategin</a>' in page(output, "alpha/index.html")
    assert f"planen (pdf, {format_size(2009, 'sv')})" in page(output, "alpha/index.html")

    # Only the targets change, never the text of the page that links to them.
    om = source / "content" / "alpha" / "om.md"
    # The alias keeps the published address working (the ledger asks for it).
    moved = "---\nslug: strategin\naliases: [/om/]\n"
    om.write_text(om.read_text(encoding="utf-8").replace("---\n", moved, 1), encoding="utf-8")
    (files / "plan.pdf").write_bytes(b"%PDF-1.4\n" + b"x" * 9000)
    build(source, output)
    assert '<a href="strategin/">om strategin</a>' in page(output, "alpha/index.html")
    assert f"planen (pdf, {format_size(9009, 'sv')})" in page(output, "alpha/index.html")


def test_the_cache_lives_only_in_its_folder(site_copy, tmp_path: Path) -> None:
    source, output = site_copy("minimal"), tmp_path / "out"
    before = {p for p in source.rglob("*")}
    build(source, output)
    build(source, output)
    added = {p for p in source.rglob("*")} - before
    # Besides the cache, only the region's address ledger, which is kept with the content.
    ledger = source / "content" / "alpha" / "published-addresses.txt"
    assert ledger in added
    assert all(p.relative_to(source).parts[0] == CACHE for p in added - {ledger})
    assert set(tmp_path.iterdir()) == {source, output}


def test_a_rebuild_with_nothing_changed_repairs_an_edited_output(site_copy, tmp_path: Path) -> None:
    source, output = site_copy("minimal"), tmp_path / "out"
    build(source, output)
    expected = tree(output)
    (output / "alpha" / "index.html").write_text("edited by hand", encoding="utf-8")
    (output / "alpha" / "stray.html").write_text("left behind", encoding="utf-8")
    lines = build(source, output)
    assert tree(output) == expected
    assert "(skrivna filer: 1," in lines[-1] and "borttagna: 1)" in lines[-1]


def test_a_rebuild_with_nothing_changed_repeats_the_warnings(site_copy, tmp_path: Path) -> None:
    source, output = site_copy("minimal"), tmp_path / "out"
    om = source / "content" / "alpha" / "om.md"
    om.write_text(om.read_text(encoding="utf-8") + "\n# En rubrik på nivå 1\n", encoding="utf-8")
    first = build(source, output)
    second = build(source, output)
    assert any("en rubrik på nivå 1" in line for line in first)
    assert second[:-1] == first[:-1]
    assert "(skrivna filer: 0," in second[-1]


def test_a_manifest_is_replaced_whole_and_only_when_it_changes(tmp_path: Path) -> None:
    store = Store(tmp_path)
    store.put("kind", "k", [Kept("a", "å".encode())], read=["x"])
    store.save()
    manifest = tmp_path / "store" / "kind.json"
    first = manifest.stat().st_ino
    again = Store(tmp_path)
    assert again.get("kind", "k") == ([("a", "å".encode())], ["x"])
    again.save()
    assert manifest.stat().st_ino == first  # what was used is what was there: not written
    again.put("kind", "k", [Kept("a", "ä".encode())])
    again.save()
    assert manifest.stat().st_ino != first
    assert Store(tmp_path).get("kind", "k") == ([("a", "ä".encode())], None)
    assert not list(tmp_path.rglob(".tmp-*"))  # no temporary file left


def test_a_rebuild_the_same_day_reuses_the_output_until_an_event_ends(
    site_copy, tmp_path: Path
) -> None:
    source, output = site_copy("minimal"), tmp_path / "out"
    (source / "content" / "alpha" / "events").mkdir()
    (source / "content" / "alpha" / "events" / "2026-11-22-samrad.md").write_text(
        "---\ntitle: Samråd\nstart: 2026-11-22 10:00\nend: 2026-11-22 11:00\n---\n\nMöte.\n",
        encoding="utf-8",
    )

    def build_at(utc: str) -> str:
        epoch = str(int(datetime.fromisoformat(utc).replace(tzinfo=UTC).timestamp()))
        result = run_rusgen("build", "--source", str(source), "--output", str(output), epoch=epoch)
        assert result.exit_code == 0, result.output
        return output_lines(result)[-1]

    event, ics = "alpha/events/samrad/index.html", "alpha/events/samrad.ics"
    assert "(skrivna filer: 0," not in build_at("2026-11-22 08:00")
    assert "DTSTAMP:20261122T000000Z" in page(output, ics)
    # An hour later, nothing changed and the meeting (10-11 in Stockholm, 9-10 UTC) is ahead.
    assert "(skrivna filer: 0," in build_at("2026-11-22 08:59")
    # Once it has ended, the build must move it to the past: nothing may be reused.
    assert "Evenemanget har redan ägt rum." not in page(output, event)
    assert "(skrivna filer: 0," not in build_at("2026-11-22 10:30")
    assert "Evenemanget har redan ägt rum." in page(output, event)
    assert "(skrivna filer: 0," in build_at("2026-11-22 11:30")
    # A new day stamps the calendars anew.
    assert "(skrivna filer: 0," not in build_at("2026-11-23 09:00")
    assert "DTSTAMP:20261123T000000Z" in page(output, ics)


def test_a_theme_that_prints_the_clock_is_rendered_every_time(site_copy, tmp_path: Path) -> None:
    source, output = site_copy("minimal"), tmp_path / "out"
    custom = source / "themes"
    if custom.is_symlink():
        target = custom.resolve()
        custom.unlink()
        shutil.copytree(target, custom)
    base = custom / "default" / "templates" / "base.html"
    base.write_text(base.read_text("utf-8").replace("</footer>", "<p>{{ now }}</p></footer>", 1), "utf-8")

    def build_at(epoch: str) -> str:
        result = run_rusgen("build", "--source", str(source), "--output", str(output), epoch=epoch)
        assert result.exit_code == 0, result.output
        return output_lines(result)[-1]

    build_at("1795334400")
    assert "(skrivna filer: 0," not in build_at("1795334401")
    assert "2026-11-22 08:00:01" in page(output, "alpha/index.html")


def test_a_copy_of_the_default_theme_is_replayed_a_second_later(
    site_copy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The default theme names `now=` as a message's blank (moved_notice.html): a project that
    copied the theme to change it reads no clock, and its unchanged builds are replayed."""
    source = site_copy("minimal")
    custom = source / "themes" / "default"
    if (source / "themes").is_symlink():
        (source / "themes").unlink()
    shutil.rmtree(custom, ignore_errors=True)
    shutil.copytree(Path(rusgen.__file__).parent / "themes" / "default", custom)
    assert "now=" in (custom / "templates" / "partials" / "moved_notice.html").read_text("utf-8")
    options = BuildOptions(source=source, output=tmp_path / "out")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795334400")
    assert isinstance(run_build(options), Built)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795334401")
    assert isinstance(run_build(options), Replayed)


def test_a_template_error_names_the_file_of_the_project_that_has_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Compiled templates are kept for the process by name and source, not by file: two
    projects with the same broken copy of the theme, built in one process, each hear of
    their own file."""
    monkeypatch.chdir(tmp_path)
    said = []
    for name in ("forsta", "andra"):
        source = copy_site("minimal", tmp_path / name)
        base = source / "themes" / "default" / "templates" / "base.html"
        base.write_text(base.read_text("utf-8").replace(
            "</footer>", "{{ region.no_such_field }}</footer>", 1), "utf-8")
        result = run_rusgen("build", "--source", str(source), "--output", str(tmp_path / f"{name}-ut"))
        assert result.exit_code == 1
        said.append(result.output)
    assert "forsta/themes/default/templates/base.html:" in said[0], said[0]
    assert "andra/themes/default/templates/base.html:" in said[1], said[1]
    assert "forsta" not in said[1]


def test_stored_files_come_back_in_their_order_and_bytes(tmp_path: Path) -> None:
    on_disk = tmp_path / "a.json"
    on_disk.write_bytes("å".encode())
    files = [Output("r/pagefind/z.pf", b"\x00\xff binary"), Output("r/pagefind/a.json", source=str(on_disk))]
    store = rusgen.cache.OutputStore(tmp_path, "search")
    store.put("r", "key-1", files)
    store.store.save()
    again = rusgen.cache.OutputStore(tmp_path, "search")
    expected = [Output("r/pagefind/z.pf", b"\x00\xff binary"), Output("r/pagefind/a.json", "å".encode())]
    assert again.get("r", "key-1") == expected
    assert again.get("r", "key-2") is None


def test_the_store_keeps_only_what_the_last_build_used(tmp_path: Path) -> None:
    store = rusgen.cache.OutputStore(tmp_path, "search")
    store.put("r", "key-1", [Output("r/a", b"one")])
    store.store.save()
    store = rusgen.cache.OutputStore(tmp_path, "search")
    store.put("r", "key-2", [Output("r/a", b"two")])
    store.store.save()
    store.store.collect_garbage()
    assert [p.read_bytes() for p in (tmp_path / "store" / "blobs").glob("*/*")] == [b"two"]
    assert rusgen.cache.OutputStore(tmp_path, "search").get("r", "key-1") is None
    assert rusgen.cache.OutputStore(tmp_path, "search").get("r", "key-2") == [Output("r/a", b"two")]


def test_an_edit_writes_one_new_body_and_removes_the_old(site_copy, tmp_path: Path) -> None:
    source, output = site_copy("full"), tmp_path / "out"
    build(source, output)

    def bodies() -> dict[str, bytes]:
        store = Store(source / CACHE)
        return {k: found[0][0][1] for k in store.keys("markdown") if (found := store.get("markdown", k))}

    before = bodies()
    topic = source / "content" / "vast" / "kraftsamlingar" / "elektrifiering.md"
    topic.write_text(topic.read_text("utf-8") + "\nEn mening till.\n", "utf-8")
    build(source, output)
    after = bodies()
    assert len(after) == len(before) > 10  # one a content page
    [new] = set(after) - set(before)
    assert "En mening till." in after[new].decode("utf-8")
    # The old body's blob went with its entry: the folder does not grow with every edit.
    named = {hashlib.sha256(data).hexdigest() for data in after.values()}
    on_disk = {p.name for p in (source / CACHE / "store" / "blobs").glob("*/*")}
    assert hashlib.sha256(before[next(iter(set(before) - set(after)))]).hexdigest() not in on_disk
    assert named <= on_disk


@pytest.mark.parametrize("size", [0, 1, 2_000_001])
def test_large_stored_files_come_back_whole(tmp_path: Path, size: int) -> None:
    data = bytes(range(256)) * (size // 256) + bytes(size % 256)
    store = rusgen.cache.OutputStore(tmp_path, "search")
    store.put("r", "key", [Output("r/search-index.js", data)])
    store.store.save()
    assert rusgen.cache.OutputStore(tmp_path, "search").get("r", "key") == [Output("r/search-index.js", data)]


def test_a_manifest_naming_a_file_outside_the_store_is_a_miss(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_bytes(b"not for the site")
    store = Store(tmp_path / CACHE)
    store.put("search", "k", [Kept("r/a", b"one")])
    store.save()
    # As if rusgen had written it (the hash line matches): a blob name that is a path.
    manifest = tmp_path / CACHE / "store" / "search.json"
    entries = {"k": {"outputs": [["r/a", "../../../secret.txt"]], "read": None}}
    manifest.write_bytes(rusgen.store._manifest_bytes(entries))
    assert Store(tmp_path / CACHE).entry("search", "k") is not None
    assert Store(tmp_path / CACHE).get("search", "k") is None


def test_a_build_with_nothing_changed_is_replayed(
    site_copy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", GOLDEN_EPOCH)
    options = BuildOptions(source=site_copy("minimal"), output=tmp_path / "out")
    first, second = run_build(options), run_build(options)
    assert isinstance(first, Built) and first.rendered.site.regions[0].id == "alpha"
    assert isinstance(second, Replayed)  # nothing rendered: there is no Site to hand back
    assert second.summary == first.summary
    assert (second.report.written, second.report.unchanged) == (0, first.report.written)
