"""What DOS-lagen asks of a published document, read from its bytes.

A PDF must be tagged (a structure tree, MarkInfo /Marked true), name its language
(/Lang), have a title that the reader's window shows (a title in its metadata and
ViewerPreferences /DisplayDocTitle true) and carry text, not only pictures of it (a scan).
An Office file (docx, pptx) keeps its structure in the format itself; what it can
lack is a title and a language.

The answer is a tuple of failure codes, the same for the same bytes on every machine, so
the build keeps it in its cache by the file's hash (documents.py) and reads a file once.
"""

from __future__ import annotations

import io
import re
import zipfile
from typing import TYPE_CHECKING
from xml.etree import ElementTree

if TYPE_CHECKING:
    import pikepdf

CHECKED_KINDS = ("pdf", "docx", "pptx")
# Codes, in the order a fix is best made: the export settings first, the text last.
FAILURES = ("unreadable", "untagged", "no_language", "no_title", "title_hidden", "no_text")
# A text layer shows on the first pages of any document that has one; a long scan is
# not read to its end.
PAGES_FOR_TEXT = 10


def document_failures(kind: str, data: bytes) -> tuple[str, ...]:
    """Return what the document of this kind (its file extension) lacks; () when nothing."""
    if kind == "pdf":
        return _pdf_failures(data)
    if kind in ("docx", "pptx"):
        return _office_failures(data)
    return ()


def _pdf_failures(data: bytes) -> tuple[str, ...]:
    import pikepdf  # here: a build whose documents' answers are all in the cache never needs it

    try:
        with pikepdf.open(io.BytesIO(data)) as pdf:
            root = pdf.Root
            failures = set()
            mark_info = root.get("/MarkInfo")
            marked = mark_info is not None and bool(mark_info.get("/Marked", False))
            if "/StructTreeRoot" not in root or not marked:
                failures.add("untagged")
            if not str(root.get("/Lang", "")).strip():
                failures.add("no_language")
            if not _pdf_title(pdf):
                failures.add("no_title")
            else:
                preferences = root.get("/ViewerPreferences")
                if preferences is None or not bool(preferences.get("/DisplayDocTitle", False)):
                    failures.add("title_hidden")
            if not _pdf_has_text(pdf):
                failures.add("no_text")
    except Exception:  # noqa: BLE001 - pikepdf raises its own and qpdf's errors: any is "unreadable"
        return ("unreadable",)
    return tuple(code for code in FAILURES if code in failures)


def _pdf_title(pdf: pikepdf.Pdf) -> str:
    """Return the title in the document information or, as newer exports write it, in XMP."""
    info = pdf.docinfo
    title = str(info.get("/Title", "")).strip()
    if title:
        return title
    try:
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            return str(meta.get("dc:title", "")).strip()
    except Exception:  # noqa: BLE001 - broken XMP is no title
        return ""


def _pdf_has_text(pdf: pikepdf.Pdf) -> bool:
    """Tell whether any of the first pages can show text (also invisible text over a scan, OCR).

    Text is drawn with a font the page names in its resources (or a form it draws does);
    a scanned page names only images. Reading the resources, not the content streams,
    decodes nothing: a page's content can unpack to far more than the file's size.
    """
    for page in pdf.pages[:PAGES_FOR_TEXT]:
        resources = _inherited(page.obj, "/Resources")
        if _names_fonts(resources):
            return True
        xobjects = resources.get("/XObject") if resources is not None else None
        for _, xobject in (xobjects.items() if xobjects is not None else ()):
            if xobject.get("/Subtype") == "/Form" and _names_fonts(xobject.get("/Resources")):
                return True
    return False


def _inherited(node: pikepdf.Object | None, key: str) -> pikepdf.Object | None:
    """Return a page attribute, which a page may inherit from the page tree above it."""
    for _ in range(64):  # a page tree is shallow; a loop in a broken file must end
        if node is None:
            return None
        value = node.get(key)
        if value is not None:
            return value
        node = node.get("/Parent")
    return None


def _names_fonts(resources: pikepdf.Object | None) -> bool:
    fonts = resources.get("/Font") if resources is not None else None
    return fonts is not None and len(fonts.keys()) > 0


_DC = "{http://purl.org/dc/elements/1.1/}"
# The parts read of an Office file, and the most any of them may unpack to: a zip can
# claim gigabytes of XML in a few kilobytes.
OFFICE_PARTS = ("docProps/core.xml", "word/styles.xml", "ppt/slides/slide1.xml")
OFFICE_PART_LIMIT = 20_000_000
_LANG_ATTRIBUTE = re.compile(rb'\b(?:w:lang w:val|lang)="[A-Za-z]{2}')


def _office_failures(data: bytes) -> tuple[str, ...]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if any(info.file_size > OFFICE_PART_LIMIT for info in archive.infolist()
                   if info.filename in OFFICE_PARTS):
                return ("unreadable",)  # a part that unpacks to more than Word ever writes
            core = ElementTree.fromstring(archive.read("docProps/core.xml")) \
                if "docProps/core.xml" in names else None
            # Word writes the language of the text in its styles, PowerPoint on each run.
            styles = [archive.read(name) for name in OFFICE_PARTS[1:] if name in names]
    except (zipfile.BadZipFile, ElementTree.ParseError, KeyError, OSError):
        return ("unreadable",)
    failures = set()
    title = core.findtext(f"{_DC}title", "") if core is not None else ""
    language = core.findtext(f"{_DC}language", "") if core is not None else ""
    if not title.strip():
        failures.add("no_title")
    if not language.strip() and not any(_LANG_ATTRIBUTE.search(xml) for xml in styles):
        failures.add("no_language")
    return tuple(code for code in FAILURES if code in failures)
