"""Publishing: a region served from a subfolder by a real nginx and Apache, with no broken link."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
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
FOLDER = "vg"  # its folder in the output: from region.yaml's base_url, not --base-url
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
        root {www};
{site}
    }}
}}
"""


def site_block(subfolder: str) -> str:
    """Return the `location /vg/` block of docs/publishing.md's nginx example, for `subfolder`."""
    docs = (ROOT / "docs" / "publishing.md").read_text(encoding="utf-8")
    server = docs.split("```nginx\n", 1)[1].split("```", 1)[0]
    block = server[server.index("    location /vg/ {"):server.index("\n    }\n") + len("\n    }\n")]
    return block.replace("/vg/", subfolder)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


APACHE = "/usr/sbin/apache2"
APACHE_MODULES = "/usr/lib/apache2/modules"
APACHE_CONF = """\
ServerRoot "{prefix}"
Listen 127.0.0.1:{port}
ServerName 127.0.0.1
PidFile "{prefix}/httpd.pid"
ErrorLog "{prefix}/error.log"
{user}
LoadModule mpm_event_module {modules}/mod_mpm_event.so
LoadModule authz_core_module {modules}/mod_authz_core.so
LoadModule dir_module {modules}/mod_dir.so
LoadModule mime_module {modules}/mod_mime.so
LoadModule headers_module {modules}/mod_headers.so
LoadModule alias_module {modules}/mod_alias.so
TypesConfig /etc/mime.types
DocumentRoot "{www}"
<Directory "{www}">
    AllowOverride FileInfo Indexes
    Require all granted
</Directory>
"""


def apache_htaccess(subfolder: str) -> str:
    """Return docs/publishing.md's .htaccess for Apache, for a region at `subfolder`."""
    docs = (ROOT / "docs" / "publishing.md").read_text(encoding="utf-8")
    block = docs.split("```apache\n", 1)[1].split("```", 1)[0]
    return block.replace("/vg/", subfolder)


def build_region(base: str, out: Path, target: Path) -> None:
    """Build the region for the address `base` into `out`; copy its folder to `target`."""
    result = CliRunner(env={"SOURCE_DATE_EPOCH": BUILD_EPOCH}).invoke(main, [
        "build", "--source", str(ROOT), "--output", str(out), "--region", REGION, "--base-url", base,
    ])
    assert result.exit_code == 0, result.output
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copytree(out / FOLDER, target)


def start_nginx(prefix: Path, www: Path, port: int) -> list[str]:
    """Write nginx.conf with docs/publishing.md's block; return the command that serves it."""
    if not os.path.exists(NGINX):
        pytest.fail(f"{NGINX} is missing: apt-get install nginx-light")
    (prefix / "tmp").mkdir()
    user = "user root;" if os.geteuid() == 0 else ""  # pytest's tmp folders are private
    rules = CliRunner().invoke(main, [
        "redirects", "--source", str(ROOT), "--region", REGION, "--format", "nginx",
        "--prefix", SUBFOLDER,
    ])
    assert rules.exit_code == 0, rules.output
    site = site_block(SUBFOLDER) + "".join(f"    {line}\n" for line in rules.output.splitlines())
    (prefix / "nginx.conf").write_text(NGINX_CONF.format(
        user=user, prefix=prefix, www=www, port=port, site=site
    ))
    return [NGINX, "-p", str(prefix), "-c", str(prefix / "nginx.conf"), "-g", "daemon off;"]


def start_apache(prefix: Path, www: Path, port: int) -> list[str]:
    """Write httpd.conf; return the command that serves the built .htaccess, which begins
    with docs/publishing.md's."""
    if not os.path.exists(APACHE):
        pytest.fail(f"{APACHE} is missing: apt-get install apache2-bin")
    built = (www / SUBFOLDER.strip("/") / ".htaccess").read_text(encoding="utf-8")
    assert built.startswith(apache_htaccess(SUBFOLDER))
    # Apache will not serve as root: its workers run as www-data (www is readable by all).
    user = "User www-data\nGroup www-data" if os.geteuid() == 0 else ""
    (prefix / "httpd.conf").write_text(APACHE_CONF.format(
        prefix=prefix, port=port, user=user, modules=APACHE_MODULES, www=www,
    ))
    return [APACHE, "-f", str(prefix / "httpd.conf"), "-DFOREGROUND"]


SERVERS = {"nginx": start_nginx, "apache": start_apache}


@pytest.fixture(scope="module", params=sorted(SERVERS))
def served_site(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    """Build one region for a subfolder address, serve it with nginx or Apache, stop it after."""
    prefix = tmp_path_factory.mktemp(request.param)
    # The published files, outside pytest's private tmp folders, as on a real host where
    # the server's own user reads them.
    www = Path(tempfile.mkdtemp(prefix="rusgen-www-"))
    www.chmod(0o755)
    port = free_port()
    base = f"http://127.0.0.1:{port}{SUBFOLDER}"
    build_region(base, prefix / "out", www / SUBFOLDER.strip("/"))
    command = SERVERS[request.param](prefix, www, port)
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
                break
            except OSError:
                if process.poll() is not None:
                    pytest.fail(f"{request.param} did not start: {process.stderr.read().decode()}")
                time.sleep(0.05)
        yield base
    finally:
        process.terminate()
        process.wait(timeout=10)
        shutil.rmtree(www)


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


def test_every_internal_link_and_anchor_works_from_a_subfolder(served_site: str) -> None:
    base = served_site
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


def test_hashed_assets_may_be_cached_forever(served_site: str) -> None:
    body = fetch(served_site)[2].decode()
    css = next(part.split('"')[0] for part in body.split('href="') if "assets/style." in part)
    with urllib.request.urlopen(urljoin(served_site, css)) as response:
        assert "immutable" in response.headers["Cache-Control"]


def test_robots_names_the_sitemap(served_site: str) -> None:
    robots = fetch(served_site + "robots.txt")[2].decode()
    assert f"Sitemap: {served_site}sitemap.xml" in robots


def test_server_examples_in_the_docs_are_the_tested_ones() -> None:
    assert site_block("/vg/").startswith("    location /vg/ {\n        error_page 404 /vg/404.html;")
    assert site_block("/vg/").endswith("    }\n")
    assert apache_htaccess("/vg/").startswith("ErrorDocument 404 /vg/404.html\n")


def status_and_location(url: str) -> tuple[int, str, bytes]:
    """Fetch without following a redirect: its status, Location and body."""
    request = urllib.request.Request(url, method="GET")
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(request, timeout=10) as response:
            return response.status, response.headers.get("Location", ""), response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers.get("Location", ""), error.read()


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


def test_a_moved_address_answers_301_with_its_new_location(served_site: str) -> None:
    status, location, _ = status_and_location(served_site + "smart-spec/")
    assert status == 301
    assert urljoin(served_site, location) == served_site + "smart-specialisering/"


def test_a_gone_address_answers_410_with_its_reason(served_site: str) -> None:
    status, _, body = status_and_location(served_site + "handlingsplan-2019/")
    assert status == 410
    text = body.decode("utf-8")
    assert "Sidan är borttagen" in text
    assert "Handlingsplanen gällde 2019–2020 och har ersatts av kraftsamlingarna." in text
    assert fetch(served_site + "handlingsplan-2019/finns-inte/")[0] == 404  # the address alone


def test_calendars_and_feeds_are_served_with_their_types(served_site: str) -> None:
    """A calendar app opens .ics only as text/calendar; a feed and the sitemap are XML."""
    for calendar in ("events.ics", "events/uppstart-digitalisering.ics", "en/events.ics"):
        kind = fetch(served_site + calendar)[1].replace(" ", "").lower()
        assert kind == "text/calendar;charset=utf-8", calendar
    assert fetch(served_site + "news/atom.xml")[1].split(";")[0] in ("application/atom+xml", "text/xml")
    assert fetch(served_site + "sitemap.xml")[1].split(";")[0] in ("application/xml", "text/xml")


def test_open_data_is_served_with_its_types(served_site: str) -> None:
    """Sveriges dataportal reads the catalogue as JSON-LD; spreadsheets open CSV."""
    assert fetch(served_site + "data/dcat.jsonld")[1].split(";")[0] == "application/ld+json"
    assert fetch(served_site + "data/events.csv")[1].split(";")[0] == "text/csv"
    assert fetch(served_site + "data/events.json")[1].split(";")[0] == "application/json"
