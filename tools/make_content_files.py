"""Generate the documents and images that content/ links to, with the standard library only.

The regions' real PDFs and photos are not ours to copy, so each one is stood in for by a
small valid file: a one-page tagged PDF 1.4 that shows the document's title, or a PNG drawing of
what the photo shows. Where the site must show a size from the original (the invitation to
FOKUS Boråsregionen is 291,8 kB), the PDF is padded with a comment to that exact size.

Run from anywhere: `python tools/make_content_files.py`. The output is byte-identical on
every run, so regenerating never shows up as a change.
"""

from __future__ import annotations

import struct
import sys
import zlib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CONTENT = ROOT / "content"


# --- PDF ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pdf:
    path: str  # relative to content/
    title: str
    lines: tuple[str, ...]  # text under the title
    author: str
    lang: str = "sv-SE"
    size: int | None = None  # exact byte size, when the site must show the original's size


def _pdf_text(text: str) -> bytes:
    """Return a PDF literal string in WinAnsiEncoding (å, ä, ö and the en dash included)."""
    out = bytearray(b"(")
    for byte in text.encode("cp1252"):
        if byte in b"()\\":
            out += b"\\" + bytes([byte])
        elif 32 <= byte < 127:
            out.append(byte)
        else:
            out += b"\\%03o" % byte
    return bytes(out + b")")


def _wrap(text: str, width: int) -> list[str]:
    """Break text into lines of at most width characters, at spaces."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return lines


def _pdf_info_text(text: str) -> bytes:
    """Return a PDF text string in UTF-16BE with BOM, as hex, for the document info."""
    return b"<FEFF" + text.encode("utf-16-be").hex().upper().encode() + b">"


def _padding(n: int) -> bytes:
    """Return exactly n bytes of PDF comment lines."""
    note = b"% Utfyllnad till originaldokumentets storlek. "
    lines = bytearray()
    while n - len(lines) >= 80:
        body = (note * 2)[:79]
        lines += body + b"\n"
    rest = n - len(lines)
    if rest == 1:
        lines += b"\n"
    elif rest >= 2:
        lines += (b"%" + b"-" * (rest - 2)) + b"\n"
    return bytes(lines)


def pdf_bytes(doc: Pdf, pad: int = 0) -> bytes:
    """Return a one-page tagged PDF 1.4 that shows the title and lines, padded by `pad` bytes.

    Tagged as Word and InDesign export it with tags on (DOS-lagen asks it of every
    document): the title is a heading (H1) and each line a paragraph (P), each marked in
    the page's content by its MCID; the language is set and the title is the window's.
    """
    text = [b"BT", b"/F1 20 Tf", b"72 760 Td", b"24 TL", b"/H1 <</MCID 0>> BDC"]
    for i, line in enumerate(_wrap(doc.title, 40)):
        text.append((b"T* " if i else b"") + _pdf_text(line) + b" Tj")
    text += [b"EMC", b"/F2 12 Tf", b"18 TL", b"T*"]
    paragraphs = [_wrap(line, 75) for line in doc.lines]
    for mcid, parts in enumerate(paragraphs, start=1):
        text.append(b"/P <</MCID %d>> BDC" % mcid)
        text += [b"T* " + _pdf_text(part) + b" Tj" for part in parts]
        text.append(b"EMC")
    text.append(b"ET")
    stream = b"\n".join(text) + b"\n"

    # Objects 1-7 as before; 8 the structure tree, 9 its Document element, 10 the parent
    # tree's array, 11 on the H1 and one P for each line.
    elements = [b"/H1"] + [b"/P"] * len(paragraphs)
    element_refs = b" ".join(b"%d 0 R" % (11 + i) for i in range(len(elements)))
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R /Lang " + _pdf_text(doc.lang)
        + b" /MarkInfo << /Marked true >> /StructTreeRoot 8 0 R"
        + b" /ViewerPreferences << /DisplayDocTitle true >> >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> /Contents 4 0 R /StructParents 0 >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Title "
        + _pdf_info_text(doc.title)
        + b" /Author "
        + _pdf_info_text(doc.author)
        + b" /Producer (rusgen tools/make_content_files.py) >>",
        b"<< /Type /StructTreeRoot /K 9 0 R /ParentTree << /Nums [0 10 0 R] >> /ParentTreeNextKey 1 >>",
        b"<< /Type /StructElem /S /Document /P 8 0 R /K [" + element_refs + b"] >>",
        b"[" + element_refs + b"]",
        *(b"<< /Type /StructElem /S %s /P 9 0 R /Pg 3 0 R /K %d >>" % (kind, mcid)
          for mcid, kind in enumerate(elements)),
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    out += _padding(pad)
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R /Info 7 0 R >>\n" % (len(objects) + 1)
    out += b"startxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def make_pdf(doc: Pdf) -> bytes:
    """Return the PDF for doc, at its exact size when one is given."""
    if doc.size is None:
        return pdf_bytes(doc)
    pad = doc.size - len(pdf_bytes(doc))
    for _ in range(10):  # the startxref number may gain a digit; converges in a step or two
        data = pdf_bytes(doc, pad)
        if len(data) == doc.size:
            return data
        pad += doc.size - len(data)
    raise SystemExit(f"{doc.path}: could not reach {doc.size} bytes")


# --- PNG ------------------------------------------------------------------------------


def _chunk(kind: bytes, data: bytes) -> bytes:
    return (
        struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    )


def png_bytes(width: int, height: int, rows: list[bytes], text: dict[str, str]) -> bytes:
    """Return an 8-bit RGB PNG from raw rows of width*3 bytes, with tEXt metadata."""
    raw = b"".join(b"\x00" + row for row in rows)
    out = b"\x89PNG\r\n\x1a\n"
    out += _chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
    for key, value in text.items():
        out += _chunk(b"tEXt", key.encode("latin-1") + b"\x00" + value.encode("latin-1"))
    out += _chunk(b"IDAT", zlib.compress(raw, 9))
    out += _chunk(b"IEND", b"")
    return out


class Canvas:
    """A tiny RGB raster with the few shapes the two drawings need."""

    def __init__(self, width: int, height: int, color: tuple[int, int, int]) -> None:
        self.width, self.height = width, height
        self.rows = [bytearray(bytes(color) * width) for _ in range(height)]

    def rect(self, x0: int, y0: int, x1: int, y1: int, color: tuple[int, int, int]) -> None:
        x0, x1 = max(0, x0), min(self.width, x1)
        for y in range(max(0, y0), min(self.height, y1)):
            self.rows[y][x0 * 3 : x1 * 3] = bytes(color) * (x1 - x0)

    def vgradient(self, y0: int, y1: int, top: tuple, bottom: tuple) -> None:
        for y in range(y0, y1):
            t = (y - y0) / max(1, y1 - y0 - 1)
            color = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom, strict=True))
            self.rect(0, y, self.width, y + 1, color)

    def ellipse(self, cx: int, cy: int, rx: int, ry: int, color: tuple[int, int, int]) -> None:
        for y in range(max(0, cy - ry), min(self.height, cy + ry + 1)):
            dy = (y - cy) / ry
            if abs(dy) > 1:
                continue
            half = int(rx * (1 - dy * dy) ** 0.5)
            self.rect(cx - half, y, cx + half + 1, y + 1, color)

    def png(self, text: dict[str, str]) -> bytes:
        return png_bytes(self.width, self.height, [bytes(r) for r in self.rows], text)


def lindholmen() -> bytes:
    """Draw office buildings on the waterfront at Lindholmen, Göteborg, under a clear sky."""
    c = Canvas(960, 540, (0, 0, 0))
    c.vgradient(0, 340, (120, 170, 215), (214, 230, 240))
    buildings = [
        (40, 150, 170, (92, 98, 110)),
        (170, 90, 110, (160, 82, 60)),
        (290, 200, 150, (70, 90, 120)),
        (450, 130, 120, (190, 190, 185)),
        (580, 60, 160, (60, 70, 85)),
        (750, 170, 170, (140, 120, 100)),
    ]
    for x, top, width, color in buildings:
        c.rect(x, top, x + width, 340, color)
        window = tuple(min(255, v + 70) for v in color)
        for wy in range(top + 14, 330, 22):
            for wx in range(x + 10, x + width - 16, 20):
                c.rect(wx, wy, wx + 10, wy + 12, window)
    c.rect(0, 340, 960, 352, (70, 70, 72))  # the quay
    c.vgradient(352, 540, (58, 96, 128), (24, 52, 78))  # Göta älv
    for y in range(364, 540, 14):  # ripples
        for x in range((y * 7) % 60, 960, 90):
            c.rect(x, y, x + 40, y + 2, (96, 136, 168))
    return c.png(
        {
            "Title": "Lindholmen Science Park",
            "Copyright": "Foto: Lindholmen Science Park. Fotograf: Robin Aron",
        }
    )


def bi_puranen() -> bytes:
    """Draw a speaker at a lectern in front of a screen, as at FOKUS Boråsregionen."""
    c = Canvas(800, 533, (0, 0, 0))
    c.vgradient(0, 533, (62, 58, 82), (30, 28, 40))
    c.rect(430, 60, 760, 260, (200, 205, 215))  # the screen
    c.rect(450, 80, 740, 100, (120, 40, 60))
    for y in range(120, 240, 24):
        c.rect(450, y, 700, y + 8, (150, 155, 165))
    c.ellipse(250, 300, 120, 95, (70, 96, 140))  # shoulders
    c.ellipse(250, 190, 66, 84, (214, 200, 160))  # hair, behind the face
    c.ellipse(250, 195, 50, 62, (232, 196, 170))  # face
    c.rect(150, 330, 350, 533, (110, 78, 52))  # the lectern
    c.rect(140, 322, 360, 340, (140, 100, 70))
    return c.png({"Title": "Bi Puranen", "Copyright": "Foto: Boråsregionen"})


# --- What the content needs ------------------------------------------------------------

VGR = "Västra Götalandsregionen"
JH = "Region Jämtland Härjedalen"
BORAS = "Boråsregionen Sjuhärads kommunalförbund"

PDFS = [
    Pdf(
        "vastra-gotaland/files/smart-specialisering-i-vastra-gotaland.pdf",
        "Smart specialisering i Västra Götaland",
        ("Styrkeområden och utvecklingsområden för kunskapsbaserad utveckling.", VGR),
        VGR,
    ),
    Pdf(
        "vastra-gotaland/files/smart-specialisation-in-vastra-gotaland.pdf",
        "Smart Specialisation in Västra Götaland",
        ("Areas of strength and development areas for knowledge-based growth.", "Region Västra Götaland"),
        VGR,
        lang="en-GB",
    ),
    Pdf(
        "vastra-gotaland/files/regional-utvecklingsstrategi-2021-2030.pdf",
        "Regional utvecklingsstrategi för Västra Götaland 2021–2030",
        (
            "Stärka innovationskraften, bygga kompetens, öka inkludering",
            "och knyta samman Västra Götaland.",
            VGR,
        ),
        VGR,
    ),
    Pdf(
        "vastra-gotaland/files/kartlaggning-europeiska-regioner-smart-specialisering.pdf",
        "Kartläggning av europeiska regioner med liknande smart specialisering",
        (VGR,),
        VGR,
    ),
    Pdf(
        "jamtland-harjedalen/files/smart-specialisering-inbjudan-slutkorrektur.pdf",
        "Smart specialisering – Inbjudan att tycka till om slutkorrektur",
        ("Jord, skog och vatten · Upplevelser · Hållbar energi · Digitala lösningar", JH),
        JH,
    ),
    Pdf(
        "borasregionen/files/inbjudan-fokus-borasregionen.pdf",
        "Inbjudan: FOKUS Boråsregionen",
        (
            "Torsdag 5 november 2020.",
            "En dag för politiker, tjänstepersoner, näringsliv och andra aktörer",
            "om en hållbar regional utveckling i Boråsregionen.",
            BORAS,
        ),
        BORAS,
        size=291_800,
    ),
]

IMAGES = {
    "vastra-gotaland/files/lindholmen-science-park.png": lindholmen,
    "borasregionen/files/bi-puranen.png": bi_puranen,
}


def write(path: Path, data: bytes) -> None:
    """Write data unless the file already holds exactly these bytes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists() and path.read_bytes() == data:
        return
    path.write_bytes(data)
    print(f"wrote {path.relative_to(ROOT)} ({len(data)} bytes)")


def main() -> int:
    for doc in PDFS:
        write(CONTENT / doc.path, make_pdf(doc))
    for path, draw in IMAGES.items():
        write(CONTENT / path, draw())
    return 0


if __name__ == "__main__":
    sys.exit(main())
