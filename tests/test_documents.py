"""Documents checked against DOS-lagen: findings, the statement's list, `check`, the cache."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import pytest
import sample_pdfs
from click.testing import CliRunner

from rusgen.cli import main
from rusgen.docfacts import document_failures
from tests.conftest import BUILD_EPOCH
from tests.sitekit import REGION, write_site

ENV = {"SOURCE_DATE_EPOCH": BUILD_EPOCH}
STATEMENT = "public/test/tillganglighet/index.html"
# A region that says "delvis" and lists the documents on one page.
DELVIS = REGION.replace("status: helt", "status: delvis\n  known_issues:\n    - Kartan saknar textversion.")


def om_page(extra: str = "") -> str:
    return (
        "---\ntitle: Om oss\nsummary: Vilka vi är.\ndocuments:\n"
        "  - {file: files/strategi.pdf, title: Regional utvecklingsstrategi}\n"
        f"  - {{file: files/gammal.pdf, title: Gammal handlingsplan{extra}}}\n"
        "  - {file: files/protokoll.pdf, title: Protokoll 2017, exemption: oskäligt betungande,\n"
        "     justification: Protokollen finns bara på papper och ersätts av nya i mars.}\n"
        "---\n\nLäs [strategin](strategi.md).\n"
    )


def site(root: Path, extra: str = "", pages: dict | None = None) -> Path:
    return write_site(root, {
        "om.md": om_page(extra),
        "strategi.md": "---\ntitle: Strategin som webbsida\nsummary: S.\n---\n\nText.\n",
        "files/strategi.pdf": sample_pdfs.accessible(),
        "files/gammal.pdf": sample_pdfs.untagged(),
        "files/protokoll.pdf": sample_pdfs.scanned(),
        **(pages or {}),
    }, region=DELVIS)


def cli(root: Path, *args: str) -> tuple[int, str]:
    result = CliRunner(env=ENV).invoke(main, [*args, "--source", str(root)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result.exit_code, result.output


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip()


def test_findings_of_the_sample_pdfs() -> None:
    assert document_failures("pdf", sample_pdfs.accessible()) == ()
    assert document_failures("pdf", sample_pdfs.untagged()) == ("untagged", "no_language", "no_title")
    assert document_failures("pdf", sample_pdfs.scanned()) == ("no_text",)
    assert document_failures("pdf", b"%PDF-1.7 trasig") == ("unreadable",)


def _docx(core: str, styles: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("docProps/core.xml", core)
        archive.writestr("word/styles.xml", styles)
    return out.getvalue()


def test_word_files_need_a_title_and_a_language() -> None:
    dc = 'xmlns:dc="http://purl.org/dc/elements/1.1/"'
    good = _docx(f"<cp {dc}><dc:title>Rapport</dc:title></cp>",
                 '<w:styles xmlns:w="x"><w:lang w:val="sv-SE"/></w:styles>')
    bare = _docx(f"<cp {dc}><dc:title></dc:title></cp>", "<w:styles xmlns:w='x'/>")
    assert document_failures("docx", good) == ()
    assert document_failures("docx", bare) == ("no_language", "no_title")


def test_statement_lists_every_failing_document_with_what_fails_and_why(tmp_path: Path) -> None:
    root = site(tmp_path)
    code, output = cli(root, "build")
    assert code == 0, output
    html = (root / STATEMENT).read_text("utf-8")
    known = html[html.index('id="known-issues"'):html.index('id="feedback"')]
    text = text_of(known)
    assert "Kartan saknar textversion." in text  # the region's own list stays
    assert ("Bristande förenlighet med lagkraven Gammal handlingsplan (pdf). Brister: saknar taggar "
            "(rubriker och läsordning för skärmläsare), saknar angivet språk, saknar titel.") in text
    assert ("Oskäligt betungande anpassning Protokoll 2017 (pdf). Brister: saknar text, bara bilder "
            "av text (skannat). Protokollen finns bara på papper och ersätts av nya i mars.") in text
    assert "Regional utvecklingsstrategi" not in text  # it passes
    assert 'href="../files/gammal.pdf"' in known
    # Digg's parts are all still there.
    for part in ('id="compliance"', 'id="feedback"', 'id="enforcement"', 'id="method"',
                 "https://www.digg.se/tdosanmalan"):
        assert part in html


def test_check_names_the_document_where_it_is_listed_with_the_fix(tmp_path: Path) -> None:
    root = site(tmp_path)
    code, output = cli(root, "check")
    assert code == 0, output
    found = [line for line in output.splitlines() if "gammal.pdf" in line]
    assert len(found) == 1
    assert found[0].startswith("content/test/om.md:6: varning: documents: files/gammal.pdf är inte "
                               "tillgängligt: saknar taggar, saknar angivet språk, saknar titel.")
    assert "Dokumentstrukturtaggar för tillgänglighet" in found[0]
    assert "Arkiv > Information > Egenskaper" in found[0]
    assert "protokoll.pdf" not in output  # exempt, with its justification
    code, output = cli(root, "check", "--strict")
    assert code == 1
    assert "om.md:6: fel: documents: files/gammal.pdf" in output


@pytest.mark.parametrize("extra", [", alternative: strategi.md", ", published: 2017-05-10"])
def test_an_alternative_or_an_old_date_lets_strict_pass(tmp_path: Path, extra: str) -> None:
    root = site(tmp_path, extra)
    code, output = cli(root, "check", "--strict")
    assert (code, output) == (0, "0 fel, 0 varningar\n"), output
    assert cli(root, "build")[0] == 0
    text = text_of((root / STATEMENT).read_text("utf-8"))
    if "alternative" in extra:
        assert "Samma innehåll finns i tillgänglig form: webbsidan med innehållet." in text
        assert 'href="../strategi/"' in (root / STATEMENT).read_text("utf-8")
    else:
        assert ("Innehåll som inte omfattas av lagstiftningen Gammal handlingsplan (pdf). Brister: "
                "saknar taggar") in text
        assert "Publicerat 10 maj 2017, före den 23 september 2018." in text


def test_a_document_nobody_lists_is_checked_too(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"files/skannad.pdf": sample_pdfs.scanned()}, region=DELVIS)
    code, output = cli(root, "check")
    assert "content/test/files/skannad.pdf: varning: files/skannad.pdf är inte tillgängligt: saknar " \
           "text (skannade bilder)." in output
    cli(root, "build")
    assert "skannad.pdf (pdf). Brister: saknar text" in text_of((root / STATEMENT).read_text("utf-8"))


def test_exemption_without_justification_and_unknown_alternative_are_errors(tmp_path: Path) -> None:
    page = ("---\ntitle: Om oss\nsummary: S.\ndocuments:\n"
            "  - {file: files/gammal.pdf, title: Gammal, exemption: oskäligt betungande}\n"
            "  - {file: files/skannad.pdf, title: Skannad, alternative: finns-inte.md}\n---\n\nText.\n")
    root = write_site(tmp_path, {"om.md": page, "files/gammal.pdf": sample_pdfs.untagged(),
                                 "files/skannad.pdf": sample_pdfs.scanned()}, region=DELVIS)
    code, output = cli(root, "build")
    assert code == 1
    assert ("fel: content/test/om.md:5: documents.exemption: ett undantag för files/gammal.pdf behöver "
            "en motivering") in output
    assert ('fel: content/test/om.md:6: alternative: det finns ingen sida "finns-inte.md" i '
            "content/test/") in output


def test_a_document_is_read_once_and_output_is_the_same_from_any_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = site(tmp_path)
    assert cli(root, "build")[0] == 0
    first = (root / STATEMENT).read_bytes()
    assert (root / ".rusgen-cache/store/documents.json").is_file()

    def read_again(kind: str, data: bytes) -> tuple[str, ...]:
        raise AssertionError("a document was read again")

    # A change elsewhere rebuilds the site; the documents come from the cache.
    (root / "content/test/index.md").write_text("---\ntitle: Start\nsummary: Ny.\n---\n\nNy text.\n")
    with monkeypatch.context() as patch:
        patch.setattr("rusgen.documents.document_failures", read_again)
        assert cli(root, "build")[0] == 0
    assert (root / STATEMENT).read_bytes() == first
    # Without the cache, and with a cache whose entries were tampered with, the same bytes.
    cache = root / ".rusgen-cache/store/documents.json"
    tampered = re.sub(r'"read":\[[^\]]*\]', '"read":[]', cache.read_text())
    assert tampered != cache.read_text()
    cache.write_text(tampered)
    (root / "content/test/index.md").write_text("---\ntitle: Start\nsummary: Igen.\n---\n\nNy text.\n")
    assert cli(root, "build")[0] == 0
    assert (root / STATEMENT).read_bytes() == first


def test_a_statement_that_says_helt_is_contradicted_by_a_failing_document(tmp_path: Path) -> None:
    root = write_site(tmp_path, {"files/skannad.pdf": sample_pdfs.scanned()})  # status: helt
    code, output = cli(root, "check")
    assert ("content/test/region.yaml: varning: accessibility.status: tillgänglighetsredogörelsen "
            "säger att webbplatsen är helt förenlig med lagen, men 1 dokument är inte tillgängliga "
            "och listas i den; skriv `status: delvis`") in output


def test_a_document_exported_again_with_tags_leaves_the_statement(tmp_path: Path) -> None:
    root = site(tmp_path)
    assert cli(root, "build")[0] == 0
    assert "Gammal handlingsplan" in text_of((root / STATEMENT).read_text("utf-8"))
    (root / "content/test/files/gammal.pdf").write_bytes(sample_pdfs.accessible("Gammal handlingsplan"))
    assert cli(root, "build")[0] == 0  # the page cache must not give back the old statement
    text = text_of((root / STATEMENT).read_text("utf-8"))
    assert "Gammal handlingsplan" not in text
    assert "Protokoll 2017" in text


def test_an_office_file_that_unpacks_to_gigabytes_is_not_unpacked() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("docProps/core.xml", "<cp/>")
        archive.writestr("word/styles.xml", b" " * 30_000_000)  # 30 MB of nothing, 30 kB packed
    assert len(out.getvalue()) < 100_000
    assert document_failures("docx", out.getvalue()) == ("unreadable",)


def test_text_is_found_through_resources_the_page_tree_passes_down() -> None:
    import pikepdf

    pdf = pikepdf.open(io.BytesIO(sample_pdfs.accessible()))
    page = pdf.pages[0].obj
    pdf.Root.Pages.Resources = page.Resources  # as some exporters write it: once, for all pages
    del page["/Resources"]
    out = io.BytesIO()
    pdf.save(out)
    assert document_failures("pdf", out.getvalue()) == ()
