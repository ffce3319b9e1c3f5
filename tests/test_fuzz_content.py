"""Hypothesis edits the repository's real content as a hurried writer might; rusgen never crashes.

Each example changes one file of a copy of content/ (a value of another type, a line lost
or doubled, ` #`, a colon, a tab, Word's quotes, a huge number, a list where text goes, a
broken link...) and runs `rusgen build` in-process. Whatever the edit, the build exits 0 or
1, shows no traceback, never reports a bug (exit 70), and every error line names a file.

RUSGEN_FUZZ_EXAMPLES=2000 runs more examples than CI does.
"""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import ROOT, run_rusgen
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

EXAMPLES = int(os.environ.get("RUSGEN_FUZZ_EXAMPLES", "0"))
FUZZ = settings(
    deadline=None,
    # The failing edit is printed as it was made; shrinking it costs minutes a build.
    phases=[Phase.explicit, Phase.reuse, Phase.generate],
    derandomize=not EXAMPLES,  # CI tries the same examples each run; more examples explore
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
CONTENT = ROOT / "content"
YAML_FILES = ["rusgen.yaml", *sorted(p.relative_to(ROOT).as_posix() for p in CONTENT.rglob("*.yaml"))]
PAGES = sorted(p.relative_to(ROOT).as_posix() for p in CONTENT.rglob("*.md"))
# A line of output: an error or a warning naming a file, a summary, or an indented line (a
# folded note, a message's example block).
NAMED = re.compile(r"^(fel|varning): (content/|themes/|rusgen\.yaml)\S*?(:\d+)?: ")
SUMMARY = ("Byggde ", "Bygget misslyckades: ", "  ")

VALUES = st.sampled_from([
    "", "~", "null", "[]", "{}", "[a, b]", "{a: b}", "- a", "42", "-1", "0", "3.14", "1e400",
    "99999999999999999999999999999", "yes", "no", "true", "2021-13-45", "2021-02-30 25:61",
    "9.30", "13.00", "24:00", "#7a1f5c", '"#7a1f5c"', "”Om oss: så arbetar vi”", "“citat”",
    "‘enkla’", "Kraftsamling #1 – energi", "a: b", "'oavslutad", '"oavslutad', "&anchor", "*alias",
    "!!python/object:os.system", "|", ">", "@", "`kod`", "%", "\t", "files/Foto Kim.png",
    "../../../etc/passwd", "/events/", "https://", "mailto:", "ämne åäö", "\u200b", "\ufeff",
    "<script>alert(1)</script>", "{{ page.title }}", "{% raw %}", "a" * 500, "\x00", "\x1b[31m",
])
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r"), max_size=40
)
SNIPPETS = st.sampled_from([
    "[alla evenemang](/events/)", "[nyheter](/news/)", "[sök](/sok/)", "[x](saknas.md)",
    "[x](../../utanfor.md)", "[x](kraftsamlingar/index.md#mal)", "[x](#)", "[x]()", "[x](<>)",
    "![Kim vid bordet](files/Foto Kim.png)", "![](files/x.png)", "![bild](files/)", "[Rapport] (x.pdf)",
    "[a](files/x.pdf", "<img src=x>", '<a href="javascript:alert(1)">x</a>', "<div>", "</div>",
    "```", "~~~python", "| a | b |\n|---|", "[^1]", "[^1]: fotnot", "# Rubrik", "###### h6",
    "####### sju", "---", "***", "> citat", "1. punkt", "- [ ] uppgift", "{{ x }}", "{% if %}",
    "&nbsp;", "&#0;", "\\", "<!--", "http://example.com/ä ö", "[x](mailto:)", "[x](tel:)",
    "[x](//evil.example)", "[x](C:\\Users\\kim\\fil.docx)", "![x](https://example.com/a.png)",
])


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A copy of the real project, built once, so each example costs one incremental build.

    Pagefind is left out: it reads only the HTML rusgen wrote, never the content, and
    would cost half of each example's time.
    """
    root = tmp_path_factory.mktemp("fuzz")
    shutil.copy(ROOT / "rusgen.yaml", root / "rusgen.yaml")
    shutil.copytree(CONTENT, root / "content")
    shutil.copytree(ROOT / "rusgen" / "themes", root / "themes")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("rusgen.build.start_search_index", lambda *args, **kwargs: (None, None))
        assert build(root).exit_code == 0
        yield root


def build(root: Path, *regions: str):
    chosen = [arg for region in regions for arg in ("--region", region)]
    return run_rusgen("build", "--source", str(root), "--output", str(root / "public"), *chosen)


def assert_no_crash(result, edit: str) -> None:
    """Exit 0 or 1, no traceback, no bug report, and every problem line names its file."""
    report = ""
    if result.exit_code == 70:
        path = re.search(r"sparad i (\S+);", result.output)
        report = Path(path[1]).read_text(encoding="utf-8") if path else ""
    assert result.exit_code in (0, 1), f"{edit}\n{result.output}\n{report}"
    assert result.exception is None or isinstance(result.exception, SystemExit), edit
    assert "Traceback" not in result.output, f"{edit}\n{result.output}"
    for line in result.output.splitlines():
        assert NAMED.match(line) or line.startswith(SUMMARY), f"{edit}\n{line}"
    if result.exit_code == 1:
        assert any(line.startswith("fel: ") for line in result.output.splitlines()), edit


def edited(root: Path, rel: str, change: callable) -> Iterator[str]:
    """Apply `change` to a file's lines, yield a description, then put the file back."""
    path = root / rel
    original = path.read_text(encoding="utf-8")
    lines = original.split("\n")
    description = change(lines)
    path.write_text("\n".join(lines), encoding="utf-8")
    try:
        yield f"{rel}: {description}"
    finally:
        path.write_text(original, encoding="utf-8")


def front_matter_span(lines: list[str], rel: str) -> tuple[int, int]:
    """Return the first and last index of the lines holding YAML."""
    if rel.endswith(".yaml"):
        return 0, max(0, len(lines) - 1)
    closing = next((i for i in range(1, len(lines)) if lines[i].strip() == "---"), len(lines))
    return 1, max(1, closing - 1)


@st.composite
def line_edit(draw: st.DrawFn, lines: list[str], first: int, last: int) -> str:
    """Change one line the way a writer in a hurry might; return what was done."""
    at = draw(st.integers(first, last))
    if at >= len(lines):  # an earlier edit of this example made the file shorter
        lines.append("")
        at = len(lines) - 1
    line = lines[at]
    key, colon, value = line.partition(":")
    how = draw(st.sampled_from([
        "value", "value", "value", "delete", "duplicate", "insert", "insert", "indent", "key", "text",
        "wipe",
    ]))
    if how == "value" and colon:
        new = draw(VALUES)
        lines[at] = f"{key}: {new}"
        return f"line {at + 1}: value -> {new!r}"
    if how == "delete":
        del lines[at]
        return f"line {at + 1} deleted"
    if how == "duplicate":
        lines.insert(at, line)
        return f"line {at + 1} doubled"
    if how == "indent":
        lines[at] = draw(st.sampled_from(["  ", "\t", "    ", " "])) + line
        return f"line {at + 1} indented"
    if how == "key" and colon:
        new_key = draw(st.sampled_from(["titel", "title", "start", "menu", "languages", "- x", "", " "]))
        lines[at] = f"{new_key}:{value}"
        return f"line {at + 1}: key -> {new_key!r}"
    if how == "wipe":
        del lines[first : last + 1]
        return "every field deleted"
    if how == "text":
        lines.insert(at, draw(TEXT))
        return f"line {at + 1}: text inserted"
    where = draw(st.integers(0, len(line)))
    piece = draw(st.sampled_from([" #", ":", "\t", "”", "“", "'", '"', "[", "{", "- ", "ä", "\u00a0"]))
    lines[at] = line[:where] + piece + line[where:]
    return f"line {at + 1}: {piece!r} at {where}"


@pytest.mark.slow
@given(data=st.data())
@settings(FUZZ, max_examples=EXAMPLES or 50)
def test_an_edited_field_never_crashes_the_build(project: Path, data: st.DataObject) -> None:
    rel = data.draw(st.sampled_from(YAML_FILES + PAGES + PAGES), label="file")

    def change(lines: list[str]) -> str:
        first, last = front_matter_span(lines, rel)
        edits = data.draw(st.integers(1, 3), label="edits")
        return "; ".join(data.draw(line_edit(lines, first, last)) for _ in range(edits))

    # Only the file's region, but all of them when region.yaml changes: a sub-region reads
    # its parent's.
    regions = () if rel.endswith(("region.yaml", "rusgen.yaml")) else (rel.split("/")[1],)
    for edit in edited(project, rel, change):
        assert_no_crash(build(project, *regions), edit)


@pytest.mark.slow
@given(data=st.data())
@settings(FUZZ, max_examples=EXAMPLES or 35)
def test_edited_markdown_never_crashes_the_build(project: Path, data: st.DataObject) -> None:
    rel = data.draw(st.sampled_from(PAGES), label="file")

    def change(lines: list[str]) -> str:
        _, last = front_matter_span(lines, rel)
        at = data.draw(st.integers(last + 2, max(last + 2, len(lines))), label="line")
        piece = data.draw(st.one_of(SNIPPETS, TEXT, st.lists(SNIPPETS, max_size=4).map(" ".join)))
        lines.insert(at, piece)
        return f"line {at + 1}: {piece!r} inserted"

    # Only the page's region: Markdown is rendered within it, and an example takes half the time.
    for edit in edited(project, rel, change):
        assert_no_crash(build(project, rel.split("/")[1]), edit)
