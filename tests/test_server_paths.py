"""The preview server's path handling: only outputs are served, nothing else can be reached."""

from __future__ import annotations

import pytest

from rusgen.server import (
    BadPath,
    changed_paths,
    content_type,
    inject,
    lookup,
    not_found_page,
    site_path,
)

FILES = {
    "index.html": b"<html><body>network</body></html>",
    "vasterbotten/index.html": b"<html><body>home</body></html>",
    "vasterbotten/events/index.html": b"<html><body>events</body></html>",
    "vasterbotten/404.html": b"<html><body>saknas</body></html>",
    "vasterbotten/assets/style.css": b"body{}",
    "vasterbotten/files/inbjudan.pdf": b"%PDF",
    "vasterbotten/calendar.ics": b"BEGIN:VCALENDAR",
}


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("/", ""),
        ("/vasterbotten/", "vasterbotten/"),
        ("/vasterbotten/events/?q=1#x", "vasterbotten/events/"),
        ("/vasterbotten/files/inbjudan.pdf", "vasterbotten/files/inbjudan.pdf"),
        ("/j%C3%A4mtland/", "jämtland/"),
        ("/vasterbotten/assets/style.css?rusgen=123", "vasterbotten/assets/style.css"),
    ],
)
def test_site_path_accepts_the_site(raw: str, expected: str) -> None:
    assert site_path(raw) == expected


@pytest.mark.parametrize(
    "raw",
    [
        "/../rusgen.yaml",
        "/vasterbotten/../../etc/passwd",
        "/%2e%2e/rusgen.yaml",
        "/%2E%2E/%2e%2E/etc/passwd",
        "/vasterbotten/%2e%2e%2f%2e%2e%2fetc/passwd",
        "/%252e%252e/rusgen.yaml",  # double-encoded
        "/vasterbotten/%255c..%255cetc",  # double-encoded backslash
        "/..%5c..%5cetc/passwd",
        "/vasterbotten\\..\\rusgen.yaml",
        "/vasterbotten/%5c..%5crusgen.yaml",
        "/vasterbotten/index.html%00.css",
        "/vasterbotten/\x00",
        "//etc/passwd",
        "/vasterbotten//etc/passwd",
        "/./vasterbotten/",
        "etc/passwd",
        "/%ff%fe",
    ],
)
def test_site_path_refuses_traversal(raw: str) -> None:
    with pytest.raises((BadPath, UnicodeDecodeError)):
        site_path(raw)


def test_absolute_form_request_target_keeps_only_the_path() -> None:
    assert site_path("http://evil.example/etc/passwd") == "etc/passwd"
    assert lookup("etc/passwd", FILES) == (None, None)


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("", ("index.html", None)),
        ("vasterbotten/", ("vasterbotten/index.html", None)),
        ("vasterbotten/events/", ("vasterbotten/events/index.html", None)),
        ("vasterbotten/events", (None, "/vasterbotten/events/")),
        ("vasterbotten/events/index.html", ("vasterbotten/events/index.html", None)),
        ("vasterbotten/files/inbjudan.pdf", ("vasterbotten/files/inbjudan.pdf", None)),
        ("vasterbotten/nope/", (None, None)),
        ("vasterbotten/files/", (None, None)),
        ("rusgen.yaml", (None, None)),
        ("content/vasterbotten/index.md", (None, None)),
    ],
)
def test_lookup_serves_only_outputs(path: str, expected: tuple[str | None, str | None]) -> None:
    assert lookup(path, FILES) == expected


def test_not_found_uses_the_regions_own_page() -> None:
    assert not_found_page("vasterbotten/nope/", FILES) == "vasterbotten/404.html"
    assert not_found_page("borasregionen/nope/", FILES) is None
    assert not_found_page("nope", {**FILES, "404.html": b""}) == "404.html"


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("a/index.html", "text/html; charset=utf-8"),
        ("a/assets/style.css", "text/css; charset=utf-8"),
        ("a/calendar.ics", "text/calendar; charset=utf-8"),
        ("a/feed.xml", "application/xml; charset=utf-8"),
        ("a/files/x.pdf", "application/pdf"),
        ("a/files/x.PNG", "image/png"),
        ("a/unknown.zzz", "application/octet-stream"),
    ],
)
def test_content_types(path: str, expected: str) -> None:
    assert content_type(path) == expected


def test_inject_goes_before_the_last_body_end() -> None:
    page = b"<html><body><pre></body></pre></BODY></html>"
    assert inject(page, "x") == b"<html><body><pre></body></pre><script>x</script></BODY></html>"
    assert inject(b"<p>no body", "x") == b"<p>no body<script>x</script>"


def test_changed_paths() -> None:
    new = {**FILES, "vasterbotten/assets/style.css": b"body{color:red}", "x.html": b""}
    del new["vasterbotten/calendar.ics"]
    assert changed_paths(FILES, new) == {
        "vasterbotten/assets/style.css", "x.html", "vasterbotten/calendar.ics"
    }
    assert changed_paths(None, FILES) == set(FILES)
