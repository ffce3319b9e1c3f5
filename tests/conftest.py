"""Shared fixtures: the repository's content built once, a real browser, a real web server."""

from __future__ import annotations

import contextlib
import fcntl
import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
# 2026-11-22 12:00 UTC: a fixed build time, so the past and upcoming lists are stable.
BUILD_EPOCH = "1795348800"
# 2021-06-01 00:00 UTC: the build time of the golden tree (the Makefile's `golden` target).
GOLDEN_EPOCH = "1622505600"
SITES = Path(__file__).resolve().parent / "sites"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


# Test tiers. A test that starts Chromium, Java (the Nu checker), nginx, Apache or node
# (Lighthouse, ical.js) is marked `browser`; `pytest -m "not browser"` (make test-quick)
# runs the rest in about a minute. The fixtures below start such a program, so a test that
# uses one, directly or through another fixture, is marked by pytest_collection_modifyitems;
# a test that starts one itself says so with @pytest.mark.browser. A test that starts one
# without the marker fails (refuse_tools_unless_marked), so none is forgotten.
BROWSER_FIXTURES = frozenset({"browser", "served_site"})
# The programs of that tier, by the name of the file run (the Nu checker is run by java;
# playwright's driver is a node).
BROWSER_TOOLS = frozenset({"chromium", "chrome", "java", "node", "nginx", "apache2", "npm", "npx"})


@pytest.hookimpl(tryfirst=True)  # before -m deselects by marker
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        needs = BROWSER_FIXTURES.intersection(getattr(item, "fixturenames", ()))
        if needs or item.get_closest_marker("lighthouse"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(autouse=True)
def refuse_tools_unless_marked(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail a test without the `browser` marker that starts a program of that tier."""
    if request.node.get_closest_marker("browser"):
        yield
        return
    start = subprocess.Popen._execute_child  # type: ignore[attr-defined]  # what every start goes through

    def refusing(self: subprocess.Popen, args: object, executable: object, *rest: object) -> None:
        if executable:
            first = os.fsdecode(executable)
        elif isinstance(args, (str, bytes, os.PathLike)):
            first = os.fsdecode(args).split()[0]  # a command line for a shell
        else:
            first = os.fsdecode(list(args)[0])  # type: ignore[call-overload]
        program = os.path.basename(first)
        if program in BROWSER_TOOLS:
            pytest.fail(f"{request.node.nodeid} starts {program}: mark it @pytest.mark.browser "
                        "(or use a fixture of BROWSER_FIXTURES), so `make test-quick` leaves it out")
        start(self, args, executable, *rest)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(subprocess.Popen, "_execute_child", refusing)
        yield


def copy_site(name: str, target: Path) -> Path:
    """Copy tests/sites/<name> and the repository's themes/ into `target`; return it."""
    shutil.copytree(SITES / name, target, dirs_exist_ok=True)
    shutil.copytree(ROOT / "rusgen" / "themes", target / "themes", dirs_exist_ok=True)
    return target


def run_rusgen(*args: str, epoch: str | None = GOLDEN_EPOCH):
    """Run the CLI in-process, like a user would in a shell; return click's Result."""
    from click.testing import CliRunner

    from rusgen.cli import main

    env = {"SOURCE_DATE_EPOCH": epoch} if epoch else {}
    return CliRunner(env=env).invoke(main, list(args), catch_exceptions=True)


def output_lines(result) -> list[str]:
    """Return what the user saw on the terminal, stdout and stderr, line by line."""
    return result.output.splitlines()


@pytest.fixture
def site_copy(tmp_path: Path):
    """Return copy(name) -> a fresh, writable copy of a sample site with themes/ beside it."""

    def copy(name: str) -> Path:
        return copy_site(name, tmp_path / "site")

    return copy


def copy_project(target: Path) -> Path:
    """Copy the repository's rusgen.yaml, content/ and themes/ into target; return it."""
    shutil.copy(ROOT / "rusgen.yaml", target / "rusgen.yaml")
    shutil.copytree(ROOT / "content", target / "content")
    shutil.copytree(ROOT / "rusgen" / "themes", target / "themes")
    return target


@contextlib.contextmanager
def rusgen_serve(project: Path, host: str = "127.0.0.1", ready: str = "/") -> Iterator[str]:
    """Run `rusgen serve` on a project at a free port until the block ends; yield its origin
    as `host` names it ("localhost" for the editor, which uses its local backend only there)
    once `ready` answers (/admin/ answers also when the content does not build)."""
    from tests.test_serve_browser import _free_port, _wait_until_up

    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "rusgen", "serve", "--source", str(project), "--port", str(port)],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    origin = f"http://{host}:{port}"
    try:
        _wait_until_up(origin + ready, process, timeout=60)
        yield origin
    finally:
        process.kill()
        process.wait()


@pytest.fixture(scope="session")
def project_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Return a copy of the repository's rusgen.yaml, content/ and themes/."""
    return copy_project(tmp_path_factory.mktemp("project"))


def once_per_run(tmp_path_factory: pytest.TempPathFactory, name: str,
                 make: Callable[[Path], None]) -> Path:
    """Return the folder `name`, filled by make(folder) once per test run.

    Under xdist the workers share it: the first to get here makes it, the others wait for
    that and read it. Read-only for the tests, like every session fixture's folder (a test
    that edits builds its own copy)."""
    shared = tmp_path_factory.getbasetemp()
    if "PYTEST_XDIST_WORKER" in os.environ:
        # The workers' temporary folders are popen-gw0, popen-gw1... in the run's own folder.
        shared = shared.parent
    folder, done = shared / name, shared / f"{name}.done"
    with open(shared / f"{name}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if not done.exists():
            shutil.rmtree(folder, ignore_errors=True)  # what a failed attempt left
            folder.mkdir()
            make(folder)
            done.touch()
    return folder


def build_project(folder: Path) -> None:
    """Build a copy of the repository's real content into folder/public with the CLI."""
    from click.testing import CliRunner

    from rusgen.cli import main

    # From a copy: a build writes its cache and the address ledgers beside the content, and
    # the repository is no place for a test to write.
    (folder / "project").mkdir()
    source = copy_project(folder / "project")
    result = CliRunner(env={"SOURCE_DATE_EPOCH": BUILD_EPOCH}).invoke(
        main, ["build", "--source", str(source), "--output", str(folder / "public")]
    )
    assert result.exit_code == 0, result.output


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the repository's real content once per run, with the CLI, and return the output
    folder (one build for all test workers: it is the same for each)."""
    return once_per_run(tmp_path_factory, "real-content", build_project) / "public"


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002
        pass


@pytest.fixture
def static_server() -> Iterator[callable]:
    """Serve a folder over HTTP on a loopback port; return start(folder) -> base URL."""
    servers: list[http.server.ThreadingHTTPServer] = []

    def start(folder: Path) -> str:
        handler = functools.partial(QuietHandler, directory=str(folder))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
        return f"http://127.0.0.1:{server.server_address[1]}/"

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Start Debian's Chromium once per session through playwright."""
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: run `make test` as root, or apt-get install chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
