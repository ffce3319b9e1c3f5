"""Publishing: a region served from a subfolder by a real nginx, with no broken link."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
import urllib.error
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit
from xml.etree import ElementTree as ET

import pytest
from click.testing import CliRunner
from conftest import BUILD_EPOCH, ROOT

from rusgen.cli import main

NGINX = "/usr/sbin/nginx"
REGION = "vastra-gotaland"
SUBFOLDER = f"/some/sub/{REGION}/"

NGINX_CONF = """\
{user}
worker_processes 1;
pid {prefix}/nginx.pid;
error_log {prefix}/error.log;
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {prefix}/tmp/body;
    proxy_temp_path {prefix}/tmp/proxy;
    fastcgi_temp_path {prefix}/tmp/fastcgi;
    uwsgi_temp_path {prefix}/tmp/uwsgi;
    scgi_temp_path {prefix}/tmp/scgi;
    server {{
        listen 127.0.0.1:{port};
        root {prefix}/www;
{site}
    }}
}}
"""


def site_block(subfolder: str) -> str:
    """Return the server block lines of docs/publishing.md's nginx example, for one region."""
    return (
        f"        location {subfolder} {{\n"
        f"            error_page 404 {subfolder}404.html;\n"
        f"            location ~* \"/assets/.+\\.[0-9a-f]{{8}}\\.(css|js)$\" {{\n"
        f"                add_header Cache-Control \"public, max-age=31536000, immutable\";\n"
        f"            }}\n"
        f"        }}\n"
    )


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def nginx_site(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    """Build one region for a subfolder address, serve it with nginx, stop nginx after."""
    if not os.path.exists(NGINX):
        pytest.fail(f"{NGINX} is missing: apt-get install nginx-light")
    prefix = tmp_path_factory.mktemp("nginx")
    port = free_port()
    base = f"http://127.0.0.1:{port}{SUBFOLDER}"
    out = prefix / "out"
    result = CliRunner(env={"SOURCE_DATE_EPOCH": BUILD_EPOCH}).invoke(main, [
        "build", "--source", str(ROOT), "--output", str(out), "--region", REGION, "--base-url", base,
    ])
    assert result.exit_code == 0, result.output
    target = prefix / "www" / SUBFOLDER.strip("/")
    target.parent.mkdir(parents=True)
    shutil.copytree(out / REGION, target)
    (prefix / "tmp").mkdir()
    user = "user root;" if os.geteuid() == 0 else ""  # pytest's tmp folders are private
    (prefix / "nginx.conf").write_text(NGINX_CONF.format(
        user=user, prefix=prefix, port=port, site=site_block(SUBFOLDER)
    ))
    process = subprocess.Popen(
        [NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"nginx did not start: {process.stderr.read().decode()}")
                time.sleep(0.05)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)


class Links(HTMLParser):
    """Collect the ids and the link targets of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"])
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"])
        for name in ("href", "src"):
            if values.get(name) and tag in ("a", "link", "script", "img"):
                self.links.append(values[name])
        if values.get("data-bundle"):
            self.links.append(values["data-bundle"] + "pagefind.js")


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get("Content-Type", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Content-Type", ""), error.read()


def test_every_internal_link_and_anchor_works_from_a_subfolder(nginx_site: str) -> None:
    base = nginx_site
    origin = f"{urlsplit(base).scheme}://{urlsplit(base).netloc}"
    sitemap = ET.fromstring(fetch(base + "sitemap.xml")[2])
    locs = [el.text for el in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert base in locs
    missing = base + "finns/inte/alls/"
    queue = [base, missing, *locs]
    pages: dict[str, Links] = {}
    broken: list[str] = []
    anchors: list[tuple[str, str, str]] = []
    while queue:
        url = queue.pop()
        if url in pages:
            continue
        status, kind, body = fetch(url)
        if url == missing:
            assert status == 404
            assert b"Sidan finns inte" in body
        elif status != 200:
            broken.append(f"{url}: HTTP {status}")
            continue
        if not kind.startswith("text/html"):
            pages[url] = Links()
            continue
        parser = Links()
        parser.feed(body.decode("utf-8"))
        pages[url] = parser
        for href in parser.links:
            target, fragment = urldefrag(urljoin(url, href))
            if not target.startswith(origin):
                continue  # mailto:, tel:, other sites
            assert target.startswith(base), f"{url} links outside its region: {href}"
            if fragment:
                anchors.append((url, target, fragment))
            if target not in pages:
                queue.append(target)
    for page, target, fragment in anchors:
        if fragment not in pages[target].ids:
            broken.append(f"{page}: #{fragment} not found in {target}")
    assert not broken, "\n".join(broken)
    html_pages = [u for u, p in pages.items() if p.ids or p.links]
    assert len(html_pages) >= len(locs)
    assert any(u.endswith(".ics") for u in pages) and any(u.endswith("atom.xml") for u in pages)
    assert any("/assets/style." in u for u in pages)


def test_hashed_assets_may_be_cached_forever(nginx_site: str) -> None:
    body = fetch(nginx_site)[2].decode()
    css = next(part.split('"')[0] for part in body.split('href="') if "assets/style." in part)
    with urllib.request.urlopen(urljoin(nginx_site, css)) as response:
        assert "immutable" in response.headers["Cache-Control"]


def test_robots_names_the_sitemap(nginx_site: str) -> None:
    robots = fetch(nginx_site + "robots.txt")[2].decode()
    assert f"Sitemap: {nginx_site}sitemap.xml" in robots


def test_nginx_example_in_the_docs_matches_the_test() -> None:
    docs = (ROOT / "docs" / "publishing.md").read_text(encoding="utf-8")
    assert site_block("/vg/").strip() in docs


def test_base_url_needs_one_region(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, [
        "build", "--source", str(ROOT), "--output", str(tmp_path / "o"), "--base-url", "https://x.se/",
    ])
    assert result.exit_code == 1
    assert "--base-url needs exactly one --region" in result.output
