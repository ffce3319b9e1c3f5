"""Redirect rules for real hosts: 301 for a moved address (an alias), 410 for a gone one.

Each region's folder gets `_redirects` (Netlify, Cloudflare Pages) and `.htaccess`
(Apache); `rusgen redirects` prints the same rules for nginx too. The meta-refresh pages
at the old addresses stay, for hosts that read no rules (GitHub Pages, a folder on disk).
Rules name addresses from the host's root: the path of base_url ("/vg/"), or --prefix.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from urllib.parse import urlsplit

from rusgen.model import Output, Region
from rusgen.outputs.region_view import RegionView

FORMATS = ("nginx", "apache", "netlify")

# The rest of .htaccess: docs/publishing.md shows it, and the suite serves it with Apache.
APACHE_BASE = """\
ErrorDocument 404 /vg/404.html
DirectoryIndex index.html
AddType "text/calendar; charset=utf-8" .ics
<Files "atom.xml">
    ForceType application/atom+xml
</Files>
<IfModule mod_headers.c>
    <FilesMatch "\\.[0-9a-f]{8}\\.(css|js)$">
        Header set Cache-Control "public, max-age=31536000, immutable"
    </FilesMatch>
</IfModule>
"""


@dataclass(frozen=True)
class Rules:
    """What a host must answer beyond its files: moved (old, new) and gone addresses."""

    moved: tuple[tuple[str, str], ...]
    gone: tuple[str, ...]


def region_rules(region: Region) -> Rules:
    """Return the region's redirects: each alias to its page; each gone address no page has."""
    moved = sorted((alias, page.url) for page in region.pages for alias in page.aliases)
    pages = {page.url for page in region.pages}
    gone = sorted(entry.address for entry in region.gone if entry.address not in pages)
    return Rules(tuple(moved), tuple(gone))


def base_path(region: Region) -> str:
    """Return the path of the region's address on its host: "/vg/" for https://x.se/vg/."""
    path = urlsplit(region.base_url).path or "/"
    return path if path.endswith("/") else path + "/"


def render(view: RegionView) -> Iterator[Output]:
    """Yield the region's _redirects and .htaccess."""
    region = view.region
    rules, prefix = region_rules(region), base_path(region)
    yield Output(f"{region.output_folder}/_redirects", netlify(rules, prefix).encode("utf-8"))
    yield Output(f"{region.output_folder}/.htaccess", apache(rules, prefix).encode("utf-8"))


def rules_text(rules: Rules, prefix: str, fmt: str) -> str:
    """Return the rules in one host's format."""
    return {"nginx": nginx, "apache": apache, "netlify": netlify}[fmt](rules, prefix)


def netlify(rules: Rules, prefix: str) -> str:
    lines = [f"{prefix}{old} {prefix}{new} 301!" for old, new in rules.moved]
    # A forced rewrite to the address's own page, with its status: the page says why.
    lines += [f"{prefix}{address} {prefix}{address}index.html 410!" for address in rules.gone]
    return "".join(line + "\n" for line in lines)


def apache(rules: Rules, prefix: str) -> str:
    """Return .htaccess: the base block, then mod_alias rules matched exactly (a Redirect
    would also move every address below the old one)."""
    lines = [APACHE_BASE.replace("/vg/", prefix).rstrip("\n")]
    for old, new in rules.moved:
        lines.append(f'RedirectMatch 301 "^{_regex(prefix + old)}(index\\.html)?$" "{prefix}{new}"')
    for address in rules.gone:
        # The page at the address says why it is gone; the 410 itself matches the address
        # alone, so that the error document is served from index.html with that status.
        lines.append(f"<If \"%{{REQUEST_URI}} == '{prefix}{address}'\">")
        lines.append(f"    ErrorDocument 410 {prefix}{address}index.html")
        lines.append("</If>")
        lines.append(f'RedirectMatch 410 "^{_regex(prefix + address)}$"')
    return "\n".join(lines) + "\n"


def nginx(rules: Rules, prefix: str) -> str:
    """Return location blocks to put in the server block, beside the region's own."""
    lines = [f"location = {prefix}{old} {{ return 301 {prefix}{new}; }}" for old, new in rules.moved]
    lines += [
        f"location = {prefix}{address} {{ error_page 410 {prefix}{address}index.html; return 410; }}"
        for address in rules.gone
    ]
    return "".join(line + "\n" for line in lines)


def _regex(path: str) -> str:
    """Escape a path for a regular expression: its dots and other signs mean themselves."""
    return "".join("\\" + c if c in ".+*?()[]{}|^$\\" else c for c in path)
