"""Hostile PDFs, generated on the fly (nothing downloaded): each one attacks a different limit.

The files are written as raw PDF objects so that each attack is exact and cheap to produce:
a 2,000-page document takes milliseconds, a compression bomb inflating to gigabytes weighs a few
megabytes and is built without compressing gigabytes (identical deflate blocks are repeated).
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Sequence
from pathlib import Path

from fpdf import FPDF
from PIL import Image

CORPUS_PDF = Path(__file__).resolve().parents[2] / "corpus" / "pdf"
REAL_PDF = CORPUS_PDF / "accord-2019-12-19-formation-professionnelle.pdf"

_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
_TEXT = b"BT /F1 11 Tf 72 770 Td (Article 1 | Objet de l'accord de formation professionnelle) Tj ET"


def raw_pdf(objects: Sequence[bytes], root: int = 1) -> bytes:
    """A syntactically valid PDF whose objects are numbered 1..n in order, with a correct xref."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%EOF\n" % (len(objects) + 1, root, xref)
    return bytes(out)


def stream(data: bytes, extra: bytes = b"") -> bytes:
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


def text_pdf(page_count: int = 1, content: bytes = _TEXT, stream_extra: bytes = b"") -> bytes:
    """`page_count` pages sharing one content stream (objects: catalog, pages, font, content, pages…)."""
    first_page = 5
    kids = b" ".join(b"%d 0 R" % (first_page + i) for i in range(page_count))
    page = (
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 3 0 R >> >> >>"
    )
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [%s] /Count %d >>" % (kids, page_count),
            _FONT,
            stream(content, stream_extra),
            *[page] * page_count,
        ]
    )


def deflate_bomb(inflated_bytes: int, block: int = 1 << 20) -> bytes:
    """A valid zlib stream of `inflated_bytes` zero bytes, built in well under a second.

    After a full flush, deflate restarts from an empty window, so compressing the same block
    again gives the same bytes: the stream is the first block, that repeated block, an empty
    final block and the Adler-32 of the whole, computed without reading gigabytes.
    """
    count = max(2, inflated_bytes // block)
    compressor = zlib.compressobj(9)
    zeros = bytes(block)
    first = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    size = count * block
    adler = (size % 65521) << 16 | 1  # Adler-32 of `size` zeros: sum A stays 1, sum B grows by 1 a byte
    return first + again * (count - 1) + b"\x03\x00" + struct.pack(">I", adler)


def bomb_pdf(inflated_bytes: int = 3 * 1024**3) -> bytes:
    """One page whose content stream inflates from a few MB to `inflated_bytes` (default 3 GiB)."""
    return text_pdf(1, deflate_bomb(inflated_bytes), b"/Filter /FlateDecode")


def nested_pdf(depth: int = 100_000) -> bytes:
    """A page whose /Contents and /Annots are arrays nested `depth` levels deep."""
    nested = b"[" * depth + b"]" * depth
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
            _FONT,
            stream(_TEXT),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [4 0 R %s] /Annots %s "
            b"/Resources << /Font << /F1 3 0 R >> >> >>" % (nested, nested),
        ]
    )


def interleaved_nested_pdf(depth: int = 100_000) -> bytes:
    """Arrays nested `depth` deep but never two "[" in a row (`[0 [0 [0 …`): no raw-byte scan sees it."""
    nested = b"[0 " * depth + b"]" * depth
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
            _FONT,
            stream(_TEXT),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Annots %s "
            b"/Resources << /Font << /F1 3 0 R >> >> >>" % nested,
        ]
    )


def encrypted_pdf(path: Path, user_password: str = "secret") -> Path:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.multi_cell(0, 8, "Article 1 | Objet. Le présent accord s'applique aux organismes. " * 10)
    pdf.set_encryption(owner_password="proprietaire", user_password=user_password)
    pdf.output(str(path))
    return path


def image_only_pdf(path: Path) -> Path:
    """A 'scanned' page: one picture of text-like stripes, no text layer."""
    image = Image.new("RGB", (620, 877), "white")
    for y in range(80, 800, 24):
        image.paste((40, 40, 40), (60, y, 560, y + 8))
    image.save(path, "PDF", resolution=75)
    return path


def write_hostile_pdfs(directory: Path) -> dict[str, Path]:
    """Write every hostile file into `directory`; returns them by kind."""
    directory.mkdir(parents=True, exist_ok=True)
    real = REAL_PDF.read_bytes()
    files = {
        "chiffre": encrypted_pdf(directory / "chiffre.pdf"),
        "image": image_only_pdf(directory / "scan.pdf"),
    }
    raw = {
        "vide": b"",
        "tronque": real[: len(real) // 2],
        "pas_un_pdf": b"PK\x03\x04 ceci est une archive zip renommee en .pdf" * 20,
        "deux_mille_pages": text_pdf(2000),
        "bombe": bomb_pdf(),
        "imbrique": nested_pdf(),
    }
    for kind, data in raw.items():
        files[kind] = directory / f"{kind}.pdf"
        files[kind].write_bytes(data)
    return files


def font_bomb_pdf(inflated_bytes: int = 3 * 1024**3) -> bytes:
    """Text whose embedded Type 1 font file is the bomb: pdfminer inflates it to read the encoding.

    The page's own streams are small, so only the child's memory limit stops this one.
    """
    return raw_pdf(
        [
            b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [5 0 R] /Count 1 >>",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Piege /FontDescriptor 6 0 R >>",
            stream(_TEXT),
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
            b"/Resources << /Font << /F1 3 0 R >> >> >>",
            b"<< /Type /FontDescriptor /FontName /Piege /Flags 32 /FontBBox [0 0 1000 1000] /ItalicAngle 0 "
            b"/Ascent 800 /Descent -200 /CapHeight 700 /StemV 80 /FontFile 7 0 R >>",
            stream(deflate_bomb(inflated_bytes), b"/Filter /FlateDecode /Length1 100 /Length2 0 /Length3 0"),
        ]
    )
