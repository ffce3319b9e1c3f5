"""What a build says while it works: -v, -q, a terminal, NO_COLOR."""

from __future__ import annotations

import os
import pty
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from sitekit import write_site

from rusgen.cli import main
from rusgen.progress import TerminalProgress

STAGE = re.compile(r"^(test: )?[a-zåäö ,]+ \(\d+,\d\d s\)$")


def build(root: Path, *args: str):
    return CliRunner(env={"SOURCE_DATE_EPOCH": "1622505600"}).invoke(
        main, ["build", "--source", str(root), *args]
    )


def test_verbose_names_every_stage_of_every_region_with_its_time(tmp_path: Path) -> None:
    result = build(write_site(tmp_path), "-v")
    assert result.exit_code == 0, result.output
    stages = [re.sub(r"\(\d+,\d\d s\)", "(t)", line) for line in result.stderr.splitlines()[:-1]]
    assert stages == [
        "läser innehållet (t)", "kontrollerar fälten (t)", "test: gör sidorna (t)",
        "test: gör kalendrar, flöden och webbkarta (t)", "gör nätverkets startsida (t)",
        "väntar på sökindexen (t)", "skriver till utdatamappen (t)",
    ]
    assert all(STAGE.match(line) for line in result.stderr.splitlines()[:-1])
    assert re.fullmatch(r"Tid per steg: läser innehållet \d+,\d\d s; .*\. Totalt \d+,\d\d s\.",
                        result.stderr.splitlines()[-1])
    assert result.stdout.startswith("Byggde 1 region, ")


def test_quiet_says_nothing_when_all_is_well_and_the_errors_when_not(tmp_path: Path) -> None:
    root = write_site(tmp_path)
    result = build(root, "-q")
    assert (result.exit_code, result.output) == (0, "")
    (root / "content/test/om.md").write_text("---\ntitle: Om\n---\n\nText.\n", encoding="utf-8")
    (root / "content/test/trasig.md").write_text("---\ntitle: [Trasig\n---\n", encoding="utf-8")
    failed = build(root, "-q")
    assert failed.exit_code == 1
    assert failed.stderr.startswith("fel: content/test/trasig.md:2: ")


def test_without_a_terminal_a_build_says_only_its_summary(tmp_path: Path) -> None:
    result = build(write_site(tmp_path))
    assert result.exit_code == 0
    assert result.stderr == "" and result.stdout.startswith("Byggde 1 region, ")


def test_at_a_terminal_the_stages_show_once_the_build_has_taken_two_seconds() -> None:
    seconds = iter([0.0, 0.5, 1.0, 2.5, 3.0, 3.2])
    said: list[str] = []
    progress = TerminalProgress("sv", said.append, clock=lambda: next(seconds))
    progress("load")  # 0.5 s
    progress("pages", "vg")  # 1.0 s
    progress("pages", "jh")  # 2.5 s
    progress("write")  # 3.0 s
    progress.done()
    assert said == ["jh: gör sidorna", "skriver till utdatamappen"]


@pytest.mark.parametrize(("no_color", "dim"), [("", True), ("1", False)])
def test_progress_is_dimmed_at_a_terminal_unless_no_color(tmp_path: Path, no_color: str, dim: bool) -> None:
    """A real pseudo-terminal: what a communicator's terminal gets, escape codes and all."""
    root = write_site(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env.update({"TERM": "xterm", **({"NO_COLOR": no_color} if no_color else {})})
    leader, follower = pty.openpty()
    with subprocess.Popen(
        [sys.executable, "-m", "rusgen", "build", "-v", "--source", str(root)],
        stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=follower, env=env,
    ) as proc:
        os.close(follower)
        said = b""
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:  # the terminal closed with the process
                break
            if not chunk:
                break
            said += chunk
        assert proc.wait() == 0
    os.close(leader)
    text = said.decode("utf-8")
    assert "test: gör sidorna (" in text
    assert ("\x1b[2m" in text) is dim
