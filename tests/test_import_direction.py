"""Imports point down the pipeline only (docs: DESIGN.md, "One pipeline, one direction").

model <- schema <- loader <- build; render <- outputs <- build; writer <- build; cli on top.
A module may import only modules of a lower layer; model, text and livesite import nothing
of rusgen at all, and the preview server only its live site.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "rusgen"

# Layer of each module; an import must point to a strictly lower layer.
LAYERS: dict[str, float] = {
    # The message catalogue and the content model are data that every stage reads.
    "messages.template": -3, "messages.cli": -2, "messages.content": -2, "messages.fields": -2,
    "messages.markdown": -2, "messages.checks": -2, "messages.site": -2, "messages.yaml_text": -2,
    "messages.publishing": -2, "messages.editor": -2, "schema.publishing": 1.75, "schedule": 1, "ledger": 2,
    "outputs.addresses": 4, "outputs.redirects": 4,
    "messages": -1,
    "contentmodel.spec": 0, "contentmodel.network": 0.5, "contentmodel.contacts": 0.5,
    "contentmodel.region": 0.5, "contentmodel.pages": 0.5, "contentmodel": 0.7,
    "contentmodel.jsonschema": 1, "contentmodel.reference": 1, "contentmodel.labels": 0.6,
    "yamltraps": -0.6, "yamlerrors": -0.5, "yamllimits": -0.4, "messages.input": -2,
    "contentwalk": 0.5,
    "errors": 0, "memo": 0, "text": 0, "typography": 0, "keys": 0, "colors": 0, "yamlfile": 0,
    "urls": -0.5, "model_parts": -0.2, "model": 0,
    "markdown_guards": 0.8, "sanitise": 0.9,
    "fields": 1, "markdown": 1, "raw": 1, "file_names": 1.2, "placeholders": 1.2,
    "schema.common": 1.5, "schema.contacts": 1.6, "schema.statement": 1.6, "schema.events": 1.7,
    "schema.pages": 1.8, "schema.region": 1.9, "schema": 2, "render": 2,
    "loader": 3, "outputs.region_view": 3, "writer": 2, "swap": 0, "collisions": 2, "buildlock": 1,
    "outputs.page_bodies": 4, "outputs.html": 5, "cache": 3, "parallel": 0, "outputs.images": 4,
    "outputs.files": 6, "outputs.network": 6,
    "outputs.calendar": 4, "outputs.feeds": 4, "outputs.sitemap": 4, "outputs.search": 2,
    "outputs.disk_search": 1, "outputs.pagefind_page": 1,
    "outputs.generated_pages": 2.8, "outputs.page_reads": 3.5, "outputs.page_context": 4.5,
    "outputs.structured_data": 1, "outputs.page_cache": 4, "outputs.brand": 1,
    "outputs.inaccessible": 1, "outputs.vtimezone": 0.5, "outputs.add_to_calendar": 1, "outputs.open_data": 5,
    "htmlscan": 0, "report": 1, "crash": 4, "external": 1, "checks.context": 1.5, "checks.links": 1.7,
    "checks.events": 1.7, "checks.pages": 1.7, "checks.publishing": 1.7, "checks.documents": 1.7, "checks": 2,
    "scaffold": 4,
    "outputs": 7,  # the package itself, imported as `from rusgen.outputs import html`
    "docfacts": 0.5, "documents": 4,  # a document's failures; the stage that notes them
    # The store keeps bytes and knows no renderer; its kinds are opened together below
    # every output module, and the build hands them what to keep.
    "store": 0.5, "stores": 3.5, "slow_outputs": 7.5, "results": 2.5, "build": 8, "buildsettings": 7.8,
    "shards": 1, "init_site": 1, "progress": 0.5,
    # The editor in the browser: its configuration from the content model, its /admin/ files
    # (built into the output by build, served by serve). The package itself holds nothing.
    "editor": 0, "editor.regions": 3.5, "editor.widgets": 3.6, "editor.config": 3.7, "editor.admin": 4.5,
    "cli_base": 10.8, "cli_new": 10.9, "cli_serve": 10.9, "cli": 11,
    "__main__": 12,
    "__init__": 0,
    "livesite": 0, "site_pieces": 9, "preview": 10,
    # The preview server's package: its modules point down to the live site and nothing else.
    "server.paths": 0.1, "server.channel": 0.1, "server.snapshot": 0.2, "server.reload": 0.3,
    "server.handler": 0.4, "server.watcher": 0.4, "server.app": 0.5, "server": 0.6,
    "server.routes": 0.05,
    # The editor's local backend: above the preview it asks, below the CLI that starts it.
    "messages.editor_backend": -2, "editor.guard": 10.2, "editor.files": 10.3,
    "editor.yamlstyle": 10.25, "editor.roundtrip": 10.3, "editor.known": 10.35,
    "editor.backend": 10.4, "editor.draft": 10.4, "editor.api": 10.5,
}
# The preview server gets a rebuild callable; it and its live site know nothing of rusgen.
IMPORTS_NOTHING_OF_RUSGEN = {
    "urls", "text", "typography", "livesite", "messages.template", "contentmodel.spec", "model_parts",
}
SERVER_MODULES = [name for name in LAYERS if name == "server" or name.startswith("server.")]
IMPORTS_ONLY = {name: {"livesite", *SERVER_MODULES} for name in SERVER_MODULES}
# The model knows nothing but its parts and its URL policy; the preview server, nothing but itself.
IMPORTS_ONLY["model"] = {"urls", "model_parts"}


def module_name(path: Path) -> str:
    rel = path.relative_to(PACKAGE).with_suffix("")
    parts = list(rel.parts)
    if parts[-1] == "__init__" and len(parts) > 1:
        parts.pop()
    return ".".join(parts)


def rusgen_imports(path: Path) -> list[tuple[int, str]]:
    """Return (line, module) of every rusgen module a file imports, at any depth."""
    found = []
    package = module_name(path).rsplit(".", 1)[0] if "." in module_name(path) else ""
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name == "rusgen" or alias.name.startswith("rusgen."):
                    found.append((node.lineno, alias.name.removeprefix("rusgen").lstrip(".")))
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: max(0, len(package.split(".")) - node.level + 1)]
                target = ".".join([p for p in base if p] + ([node.module] if node.module else []))
            elif node.module and (node.module == "rusgen" or node.module.startswith("rusgen.")):
                target = node.module.removeprefix("rusgen").lstrip(".")
            else:
                continue
            if target in ("", "outputs"):
                # `from rusgen import text` or `from rusgen.outputs import html` name modules
                for alias in node.names:
                    sub = f"{target}.{alias.name}".lstrip(".")
                    found.append((node.lineno, sub if sub in LAYERS else target or "__init__"))
            else:
                found.append((node.lineno, target))
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


def test_every_module_has_a_layer() -> None:
    unknown = [module_name(p) for p in MODULES if module_name(p) not in LAYERS]
    assert not unknown, f"add these modules to LAYERS in {Path(__file__).name}: {unknown}"


@pytest.mark.parametrize("path", MODULES, ids=module_name)
def test_imports_point_down_the_pipeline(path: Path) -> None:
    name = module_name(path)
    imports = rusgen_imports(path)
    if name in IMPORTS_NOTHING_OF_RUSGEN:
        assert not imports, f"rusgen/{path.relative_to(PACKAGE)} must import nothing of rusgen: {imports}"
    if name in IMPORTS_ONLY:
        others = [target for _, target in imports if target not in IMPORTS_ONLY[name]]
        assert not others, f"rusgen/{path.relative_to(PACKAGE)} imports what it must not: {others}"
    upward = [
        f"rusgen/{path.relative_to(PACKAGE)}:{line}: {name} (layer {LAYERS.get(name)}) imports "
        f"{target} (layer {LAYERS.get(target)})"
        for line, target in imports
        if target != "__init__" and LAYERS.get(target, 99) >= LAYERS.get(name, -1)
    ]
    assert not upward, "imports that point up the pipeline:\n" + "\n".join(upward)


def test_the_checker_sees_an_upward_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = tmp_path / "rusgen"
    fake.mkdir()
    (fake / "model.py").write_text("from rusgen.build import build\nfrom . import schema\n")
    monkeypatch.setattr(__import__(__name__), "PACKAGE", fake)
    assert rusgen_imports(fake / "model.py") == [(1, "build"), (2, "schema")]
