"""PDFs made for the tests with pikepdf: accessible, untagged, and a scan without text."""

from __future__ import annotations

import io

import pikepdf
from pikepdf import Array, Dictionary, Name, Pdf, Stream

TEXT = b"BT /F1 24 Tf 72 720 Td (Regional utvecklingsstrategi) Tj ET"


def _pdf(content: bytes, with_font: bool) -> Pdf:
    pdf = Pdf.new()
    resources = Dictionary()
    if with_font:
        font = Dictionary(Type=Name.Font, Subtype=Name.Type1, BaseFont=Name.Helvetica)
        resources.Font = Dictionary(F1=font)
    else:
        image = Stream(pdf, b"\x80" * 16, Type=Name.XObject, Subtype=Name.Image, Width=4, Height=4,
                       ColorSpace=Name.DeviceGray, BitsPerComponent=8)
        resources.XObject = Dictionary(Im1=image)
    page = Dictionary(Type=Name.Page, MediaBox=Array([0, 0, 612, 792]), Resources=resources,
                      Contents=Stream(pdf, content))
    pdf.pages.append(pikepdf.Page(page))
    return pdf


def _tag(pdf: Pdf, title: str, lang: str) -> None:
    pdf.Root.MarkInfo = Dictionary(Marked=True)
    pdf.Root.StructTreeRoot = pdf.make_indirect(Dictionary(Type=Name.StructTreeRoot, K=Array([])))
    pdf.Root.Lang = pikepdf.String(lang)
    pdf.Root.ViewerPreferences = Dictionary(DisplayDocTitle=True)
    pdf.docinfo[Name.Title] = title


def _bytes(pdf: Pdf) -> bytes:
    out = io.BytesIO()
    pdf.save(out, deterministic_id=True, compress_streams=False)
    return out.getvalue()


def accessible(title: str = "Regional utvecklingsstrategi", lang: str = "sv-SE", size: int = 0) -> bytes:
    """Tagged, with language and a title shown as the window title, and text.

    `size`: the file is made that large (within a few bytes) by an unused stream, as a
    document with photos is large.
    """
    pdf = _pdf(TEXT, with_font=True)
    _tag(pdf, title, lang)
    if size:
        filler = Stream(pdf, b"0" * (size - len(_bytes(pdf)) - 60))
        pdf.Root.Filler = pdf.make_indirect(filler)
    return _bytes(pdf)


def untagged() -> bytes:
    """Text, but no tags, no language and no title: Word's "Spara som PDF" with the box unticked."""
    return _bytes(_pdf(TEXT, with_font=True))


def scanned() -> bytes:
    """Tagged, with language and title, but the page is a picture: a scan without OCR."""
    pdf = _pdf(b"q 612 0 0 792 0 0 cm /Im1 Do Q", with_font=False)
    _tag(pdf, "Protokoll 2017", "sv-SE")
    return _bytes(pdf)
