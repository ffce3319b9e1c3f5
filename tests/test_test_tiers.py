"""The quick tier (`pytest -m "not browser"`) starts no browser, Java, web server or node.

tests/conftest.py marks the tests that use a fixture starting one, and fails a test
without the marker that starts one itself. This runs a small suite with a copy of that
conftest in a separate pytest process (the guard patches the process it runs in).
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

CONFTEST = Path(__file__).with_name("conftest.py")
TESTS = '''
import subprocess

import pytest


def test_unmarked_starts_node():
    subprocess.run(["/nowhere/node", "--version"])


@pytest.mark.browser
def test_marked_may_start_node():
    subprocess.run(["/nowhere/node", "--version"])


def test_starts_python_only():
    import sys
    subprocess.run([sys.executable, "-c", "pass"], check=True)


def test_uses_the_browser(browser):
    pass


def test_uses_a_web_server(served_site):
    pass
'''


def test_the_quick_tier_leaves_out_marked_tests_and_fails_one_that_starts_node_unmarked(
    pytester: pytest.Pytester,
) -> None:
    pytester.makeconftest(CONFTEST.read_text(encoding="utf-8"))
    pytester.makeini("[pytest]\nmarkers =\n    browser: needs a browser\n    lighthouse: Lighthouse\n")
    pytester.makepyfile(test_tiers=TESTS)
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-m", "not browser")
    # The marked test and the two that use the browser or a web server are not run.
    result.assert_outcomes(passed=1, failed=1, deselected=3)
    result.stdout.fnmatch_lines([
        "*test_unmarked_starts_node starts node: mark it @pytest.mark.browser*",
    ])
