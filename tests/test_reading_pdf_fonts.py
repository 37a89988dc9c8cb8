"""A PDF whose CJK font is not embedded reads the same whatever fonts the machine has.

The fixture PDFs name Adobe's STSong-Light and leave it to the reader, as many government
PDFs do with their fonts. PDFium draws such a font with whatever the machine has in its
place; with no CJK font at all, every glyph's outline is empty, and PDFium's own text leaves
out a text object holding one character — the ``。`` alone on the last line of a paragraph.
Each PDF here is read twice: in this process, with the machine's fonts (Noto CJK where
``.ci/run`` installs it), and in a child process where PDFium is shown no system font at all,
as on a machine without any; both must give back the text the PDF was made from, character
for character, and the same lines with the same boxes.
"""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import attrs
import pytest

import targettrack as tt
from targettrack._files import read_text

pdfium = pytest.importorskip("pypdfium2")

from targettrack.extract import pdf as reader  # noqa: E402  (needs pypdfium2)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
DOCUMENTS = ROOT / "tests" / "fixtures" / "documents"
PLAN = "hebei_2025_gov_work_report"
REVIEW = "hebei_2026_gov_work_report"

#: Reads each PDF named on the command line with PDFium shown no system font (an
#: FPDF_SYSFONTINFO that finds none), and prints what was read as JSON.
WITHOUT_FONTS = """
import ctypes, json, sys
import pypdfium2 as pdfium
import pypdfium2.raw as raw

fields = dict(raw.FPDF_SYSFONTINFO._fields_)
none = raw.FPDF_SYSFONTINFO(
    version=1,
    Release=fields["Release"](lambda info: None),
    EnumFonts=fields["EnumFonts"](lambda info, mapper: None),
    MapFont=fields["MapFont"](lambda *args: None),
    GetFont=fields["GetFont"](lambda info, face: None),
    GetFontData=fields["GetFontData"](lambda *args: 0),
    GetFaceName=fields["GetFaceName"](lambda *args: 0),
    GetFontCharset=fields["GetFontCharset"](lambda info, font: 0),
    DeleteFont=fields["DeleteFont"](lambda info, font: None),
)
raw.FPDF_SetSystemFontInfo(ctypes.byref(none))

sys.path.insert(0, sys.argv[1])
from test_reading_pdf_fonts import reading

print(json.dumps([reading(path) for path in sys.argv[2:]]))
"""


def reading(path: str) -> dict[str, Any]:
    """What the reader makes of the PDF at ``path``: its text and page offsets, the lines of
    each page with their boxes, and PDFium's own text of each page."""
    document = tt.read_document(path)
    pdf = pdfium.PdfDocument(path)
    try:
        lines, plain = [], []
        for index in range(len(pdf)):
            plain.append(pdf[index].get_textpage().get_text_range())
            lines.append([attrs.astuple(line) for line in reader._lines(pdf[index], pdfium)])
    finally:
        pdf.close()
    return {"text": document.text, "pages": list(document.pages), "lines": lines, "plain": plain}


def read_without_fonts(*paths: Path) -> list[dict[str, Any]]:
    result = subprocess.run(
        [sys.executable, "-c", WITHOUT_FONTS, str(Path(__file__).parent), *map(str, paths)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    read: list[dict[str, Any]] = json.loads(result.stdout)
    return read


def fonts(path: Path) -> set[tuple[str, bool]]:
    """The fonts of the PDF's text objects: each one's name and whether the file embeds it."""
    raw = pdfium.raw
    found = set()
    pdf = pdfium.PdfDocument(path)
    try:
        for index in range(len(pdf)):
            for obj in pdf[index].get_objects(filter=[raw.FPDF_PAGEOBJ_TEXT]):
                font = obj.get_font()
                found.add((font.get_base_name(), bool(raw.FPDFFont_GetIsEmbedded(font))))
    finally:
        pdf.close()
    return found


def same(a: list[list[list[Any]]], b: list[list[tuple[Any, ...]]]) -> bool:
    """The same lines, with boxes equal to a millionth of a point (JSON rounds floats)."""
    return len(a) == len(b) and all(
        len(x) == len(y)
        and all(
            u == v if isinstance(u, str) else math.isclose(u, v, abs_tol=1e-6)
            for one, other in zip(x, y, strict=True)
            for u, v in zip(one, other, strict=True)
        )
        for x, y in zip(a, b, strict=True)
    )


# -- a PDF made here: one character alone on a line, in its own text object ------------------

#: What the PDF reads as: a paragraph per line.
TEXT = [
    "某省2025年政府工作报告",
    "过去一年，全省地区生产总值增长5.4%，规模以上工业增加值增长7.1%，城镇新增就业86万人，全面"
    "完成了年初确定的主要目标任务，经济社会发展的质量和效益都得到了明显的提高和改善。",
    "二、2025年工作安排",
    "今年的主要预期目标是：地区生产总值要增长5%左右，一般公共预算收入要增长2%左右，城镇调查失"
    "业率要控制在5.5%左右。",
    "【字号：加大还原减小】",
]
#: A full line: 30 characters of 11 pt (the PDF's widths make every character an em wide),
#: from the left margin at 72 pt; a paragraph's first line is indented by two.
FULL, SIZE, LEFT = 30, 11, 72


def layout() -> list[list[tuple[int, int, str]]]:
    """The lines of each page, (x, y, text): the paragraphs broken where the line is full, so
    that each of the two long ones ends with its 。 alone on a line, the second across the
    page break."""
    rows = [(LEFT, TEXT[0])]
    for paragraph in TEXT[1:]:
        if paragraph.startswith("二、"):
            rows.append((LEFT, paragraph))
            continue
        rows.append((LEFT + 2 * SIZE, paragraph[: FULL - 2]))
        rest = paragraph[FULL - 2 :]
        while rest:
            rows.append((LEFT, rest[:FULL]))
            rest = rest[FULL:]
    assert [text for _, text in rows].count("。") == 2
    at = rows.index((LEFT, "。"), rows.index((LEFT, "。")) + 1)  # the second 。 starts page 2
    return [
        [(x, 770 - 19 * row, text) for row, (x, text) in enumerate(part)]
        for part in (rows[:at], rows[at:])
    ]


def cjk(text: str) -> str:
    return "<" + text.encode("utf-16-be").hex().upper() + ">"


def handmade() -> bytes:
    """Two A4 pages in STSong-Light, not embedded: the lines of ``layout``, each a text object
    (the bracket that ends the last one set alone after the rest), and a page number at the
    foot of each page."""
    pages = []
    for number, rows in enumerate(layout(), 1):
        shows = []
        for x, y, text in rows:
            if text.endswith("】"):
                shows.append(f"BT /F1 {SIZE} Tf {x} {y} Td {cjk(text[:-1])} Tj ET")
                x, text = x + SIZE * (len(text) - 1), "】"
            shows.append(f"BT /F1 {SIZE} Tf {x} {y} Td {cjk(text)} Tj ET")
        shows.append(f"BT /F1 9 Tf 284 40 Td {cjk(f'— {number} —')} Tj ET")
        pages.append(" ".join(shows))
    return pdf_of(pages)


def pdf_of(pages: list[str]) -> bytes:
    """A PDF of A4 pages with these content streams: ``/F1`` is STSong-Light set horizontally,
    ``/F2`` the same set vertically, neither embedded; a text string is UTF-16 (``cjk``)."""
    font = (
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-%s"
        b" /DescendantFonts [5 0 R] >>"
    )
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [%s] /Count %d >>"
        % (b" ".join(b"%d 0 R" % (7 + 2 * i) for i in range(len(pages))), len(pages)),
        font % b"H",
        font % b"V",
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo"
        b" << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 6 0 R"
        b" /DW 1000 >>",
        b"<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6"
        b" /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120"
        b" /CapHeight 880 /StemV 93 >>",
    ]
    for content in pages:
        stream = content.encode("ascii")
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources"
            b" << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents %d 0 R >>" % (len(objects) + 2)
        )
        objects.append(b"<< /Length %d >>\nstream\n%s\nendstream" % (len(stream), stream))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


#: A page whose lines are set otherwise: a character per text object (as Chromium and some
#: office suites set text), the same turned a quarter up the margin, and two columns of
#: vertical writing (a text object each), right to left; and what the page reads as (the
#: columns in the order PDFium gives them).
SETTINGS = (
    " ".join(
        [
            *(
                f"BT /F1 11 Tf {72 + 11 * i} 700 Td {cjk(char)} Tj ET"
                for i, char in enumerate("经济运行总体平稳、稳中有进。")
            ),
            *(
                f"q 0 1 -1 0 40 {300 + 11 * i} cm BT /F1 11 Tf 0 0 Td {cjk(char)} Tj ET Q"
                for i, char in enumerate("内部资料注意保存")
            ),
            f"BT /F2 11 Tf 500 600 Td {cjk('过去一年全省上下')} Tj ET",
            f"BT /F2 11 Tf 481 600 Td {cjk('坚持稳中求进。')} Tj ET",
        ]
    ),
    ["经济运行总体平稳、稳中有进。", "内部资料注意保存", "坚持稳中求进。", "过去一年全省上下"],
)


# -- the tests --------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def made(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fonts") / "lone.pdf"
    path.write_bytes(handmade())
    return path


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("fonts") / "settings.pdf"
    path.write_bytes(pdf_of([SETTINGS[0]]))
    return path


@pytest.fixture(scope="module")
def without_fonts(made: Path, settings: Path) -> dict[str, dict[str, Any]]:
    paths = [DOCUMENTS / f"{PLAN}.pdf", DOCUMENTS / f"{REVIEW}.pdf", made, settings]
    return {path.name: read for path, read in zip(paths, read_without_fonts(*paths), strict=True)}


def test_the_pdfs_name_a_cjk_font_they_do_not_embed(made: Path, settings: Path) -> None:
    for path in (DOCUMENTS / f"{PLAN}.pdf", DOCUMENTS / f"{REVIEW}.pdf", made, settings):
        assert fonts(path) == {("STSong-Light", False)}, path


def test_without_fonts_pdfium_leaves_characters_out(
    without_fonts: dict[str, dict[str, Any]],
) -> None:
    # what the child process reads is what a machine without CJK fonts reads: PDFium's own
    # text of the page has lost the lone 。 (if this fails, the child sees fonts after all,
    # and the tests below would not read without them)
    plain = "".join("".join(without_fonts[f"{PLAN}.pdf"]["plain"]).split())
    assert plain.count("。") < read_text(CORPUS / f"{PLAN}.txt").count("。")
    made = without_fonts["lone.pdf"]["plain"]
    assert "。" not in made[1] and "】" not in made[1]


@pytest.mark.parametrize("stem", [PLAN, REVIEW])
def test_a_fixture_reads_as_its_text_with_and_without_fonts(
    stem: str, without_fonts: dict[str, dict[str, Any]]
) -> None:
    path = DOCUMENTS / f"{stem}.pdf"
    text = read_text(CORPUS / f"{stem}.txt")
    here = reading(str(path))
    bare = without_fonts[path.name]
    assert here["text"] == text
    assert bare["text"] == text  # not a character lost
    assert bare["pages"] == here["pages"]
    assert same(bare["lines"], here["lines"])  # the same lines, with the same boxes


def test_a_character_alone_in_its_text_object_is_kept_with_and_without_fonts(
    made: Path, without_fonts: dict[str, dict[str, Any]]
) -> None:
    here = reading(str(made))
    bare = without_fonts["lone.pdf"]
    for read in (here, bare):
        # the 。 alone on the last line of a paragraph, and across the page break; the 】 set
        # after the rest of its line; the running page numbers left out
        assert read["text"].split("\n") == TEXT
        assert read["pages"] == [0, read["text"].index("。\n【")]
    assert same(bare["lines"], here["lines"])


def test_lines_set_a_character_per_object_turned_or_vertical_read_as_lines(
    settings: Path, without_fonts: dict[str, dict[str, Any]]
) -> None:
    here = reading(str(settings))
    bare = without_fonts["settings.pdf"]
    for read in (here, bare):
        assert read["text"].split("\n") == SETTINGS[1]
    assert same(bare["lines"], here["lines"])
    # PDFium's own text of the page, without fonts, has none of it: every text object has
    # a box of no width (upright, a character each; turned; set down a column)
    assert not bare["plain"][0].strip()
