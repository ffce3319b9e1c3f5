"""Pages reused from the last build's output: only where nothing they are made of changed.

Each test edits a project the way a communicator or a theme author would, rebuilds, and
holds the result to a build of the same project from scratch (no cache, empty output):
the two must be byte for byte the same, and the rebuild must have rendered only the
pages the edit could change.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from conftest import GOLDEN_EPOCH, run_rusgen
from test_golden import first_difference, tree

from rusgen.build import BuildOptions, render_site
from rusgen.outputs import html
from rusgen.slow_outputs import pending_indexes
from rusgen.stores import Stores

CACHE = ".rusgen-cache"
NEWS = "content/vast/news/2021-04-21-digital-uppstart.md"
TOPIC = "content/vast/kraftsamlingar/elektrifiering.md"


@pytest.fixture
def rendered(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Record the URL of every page whose template is rendered (the build runs in-process)."""
    urls: list[str] = []
    render_page = html.RegionRenderer._page

    def counting(self, view, content, alternates):
        urls.append(f"{self.region.id}/{view.url}")
        return render_page(self, view, content, alternates)

    monkeypatch.setattr(html.RegionRenderer, "_page", counting)
    return urls


@pytest.fixture
def built(site_copy, tmp_path: Path, rendered: list[str]) -> tuple[Path, Path, int]:
    """Build the full sample site once; return its source, output and how many pages
    were rendered, and start counting afresh."""
    source, output = site_copy("full"), tmp_path / "out"
    build(source, output)
    count = len(rendered)
    rendered.clear()
    return source, output, count


def build(source: Path, output: Path) -> None:
    result = run_rusgen("build", "--source", str(source), "--output", str(output))
    assert result.exit_code == 0, result.output


def edit(source: Path, rel: str, old: str, new: str) -> None:
    path = source / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{rel} no longer holds {old!r}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def assert_same_as_from_scratch(source: Path, output: Path, tmp_path: Path) -> None:
    fresh = tmp_path / "fresh"
    shutil.copytree(source, fresh, ignore=shutil.ignore_patterns(CACHE))
    build(fresh, tmp_path / "fresh-out")
    expected, actual = tree(tmp_path / "fresh-out"), tree(output)
    assert actual == expected, first_difference(expected, actual)


def test_an_edited_text_renders_only_its_own_page(built, tmp_path: Path, rendered: list[str]) -> None:
    source, output, everything = built
    edit(source, TOPIC, "Elektrifiera transporterna.", "Elektrifiera transporterna, nu snabbare.")
    build(source, output)
    # Only its own page: the lists show its title and summary, not its text.
    assert rendered == ["vast/kraftsamlingar/elektrifiering/"]
    assert everything > 30
    assert_same_as_from_scratch(source, output, tmp_path)


def test_a_new_title_reaches_every_page_that_shows_it(built, tmp_path: Path) -> None:
    source, output, _ = built
    edit(source, NEWS, "title: Digital uppstart för kraftsamlingarna", "title: Kraftsamlingarna startar")
    build(source, output)
    assert_same_as_from_scratch(source, output, tmp_path)
    shown = (output / "vast/news/index.html").read_text("utf-8").replace("\u00ad", "")  # soft hyphens
    assert "Kraftsamlingarna startar" in shown


@pytest.mark.parametrize(
    ("rel", "old", "new"),
    [
        # The quick tier (make test-quick) tries the template; the other three, three
        # builds of the full sample site each, run with the whole suite (marked slow).
        pytest.param("themes/default/templates/base.html", "</footer>", "<p>Ny sidfot</p></footer>",
                     id="template"),
        pytest.param("themes/default/i18n/sv.yaml", "news_title:", "unused_in_test: x\nnews_title:",
                     id="strings", marks=pytest.mark.slow),
        pytest.param("themes/default/static/style.css", "", "/* a new rule */\n",
                     id="stylesheet", marks=pytest.mark.slow),
        pytest.param("content/vast/region.yaml", "name:", "name: Västra regionen\nold_name:",
                     id="region", marks=pytest.mark.slow),
    ],
)
def test_a_change_every_page_shares_renders_every_page(
    built, tmp_path: Path, rendered: list[str], rel: str, old: str, new: str
) -> None:
    source, output, before = built
    if rel.endswith(".css"):
        path = source / rel
        path.write_text(new + path.read_text("utf-8"), encoding="utf-8")
    elif rel.endswith("region.yaml"):
        text = (source / rel).read_text("utf-8")
        lines = [line for line in text.splitlines() if not line.startswith("name:")]
        (source / rel).write_text("name: Västra regionen\n" + "\n".join(lines) + "\n", "utf-8")
    else:
        edit(source, rel, old, new)
    build(source, output)
    # Templates may show anything of the site (another region's name, say): all render.
    assert len(rendered) == before
    assert_same_as_from_scratch(source, output, tmp_path)


@pytest.mark.parametrize(
    "words",
    [
        # The quick tier tries the first; the others run with the whole suite (slow).
        pytest.param('{{ region.pages | map(attribute="body") | join | wordcount }} ord', id="body"),
        # Printed whole, a page shows its text too: no attribute names it.
        pytest.param("{{ region.pages | length }} sidor: {{ region.pages }}", id="printed",
                     marks=pytest.mark.slow),
        pytest.param("{{ (region.pages | first) | string | wordcount }} ord", id="string",
                     marks=pytest.mark.slow),
    ],
)
def test_a_theme_that_reads_page_text_is_rendered_every_time(
    site_copy, tmp_path: Path, rendered: list[str], words: str
) -> None:
    source, output = site_copy("full"), tmp_path / "out"
    base = source / "themes/default/templates/base.html"
    base.write_text(base.read_text("utf-8").replace("</footer>", f"<p>{words}</p></footer>", 1), "utf-8")
    build(source, output)
    edit(source, TOPIC, "Elektrifiera transporterna.", "Elektrifiera alla transporter i hela regionen.")
    rendered.clear()
    build(source, output)
    assert len(rendered) > 30
    assert_same_as_from_scratch(source, output, tmp_path)


def test_an_output_page_edited_by_hand_is_rendered_again(
    built, tmp_path: Path, rendered: list[str]
) -> None:
    source, output, _ = built
    page = output / "vast/kraftsamlingar/elektrifiering/index.html"
    page.write_text(page.read_text("utf-8").replace("Elektrifiera", "HANDEDITED"), "utf-8")
    edit(source, NEWS, "Nu startar arbetet.", "Nu startar arbetet på riktigt.")
    build(source, output)
    assert "vast/kraftsamlingar/elektrifiering/" in rendered
    assert_same_as_from_scratch(source, output, tmp_path)


def test_a_build_into_another_folder_reuses_nothing(
    built, tmp_path: Path, rendered: list[str]
) -> None:
    source, _, before = built
    build(source, tmp_path / "elsewhere")
    assert len(rendered) == before
    assert tree(tmp_path / "elsewhere") == tree(tmp_path / "out")


def test_a_page_read_back_still_reports_its_warnings(built, tmp_path: Path, rendered: list[str]) -> None:
    source, output, _ = built
    edit(source, TOPIC, "## Mål", "# Mål på fel nivå")
    first = run_rusgen("build", "--source", str(source), "--output", str(output))
    edit(source, NEWS, "Nu startar arbetet.", "Nu startar arbetet i dag.")
    rendered.clear()
    second = run_rusgen("build", "--source", str(source), "--output", str(output))
    assert "vast/kraftsamlingar/elektrifiering/" not in rendered  # read back, not rendered
    warning = [line for line in first.output.splitlines() if "elektrifiering.md" in line]
    assert warning and "en rubrik på nivå 1" in warning[0]
    assert [line for line in second.output.splitlines() if "elektrifiering.md" in line] == warning


def test_every_hash_a_page_carries_is_the_hash_of_its_bytes(
    built, rendered: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The writer and the search store trust the hash an Output carries instead of hashing
    it again: it must be the hash of the bytes that will be written, for a page read back
    as for one rendered."""
    source, output, _ = built
    monkeypatch.setenv("SOURCE_DATE_EPOCH", GOLDEN_EPOCH)  # as the first build, so pages match
    edit(source, TOPIC, "Elektrifiera transporterna.", "Elektrifiera transporterna i dag.")
    stores = Stores.open(source)
    with pending_indexes() as indexes:  # the pages wait in Pagefind's folders until read
        outputs = render_site(BuildOptions(source=source, output=output), stores=stores,
                              indexes=indexes).outputs
        carried = {
            o.path: (Path(o.source).read_bytes() if o.source else o.data, o.digest)
            for o in outputs if o.digest
        }
    assert rendered == ["vast/kraftsamlingar/elektrifiering/"]  # the rest were read back
    assert len(carried) > 30  # read back or rendered, every page carries one
    assert {path: hashlib.sha256(data).hexdigest() for path, (data, _) in carried.items()} == {
        path: digest for path, (_, digest) in carried.items()
    }
