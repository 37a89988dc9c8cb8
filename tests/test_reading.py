"""Reading documents as they come (``targettrack.read_document``): text in any encoding, Word.

The Word file is the Hebei corpus plan converted by tests/fixtures/make_fixtures.py; the
others are made here. PDF files and web pages: test_reading_formats.py.
"""

from __future__ import annotations

import hashlib
import io
import re
import zipfile
from pathlib import Path

import pytest

import targettrack as tt
from targettrack._files import read_text

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
DOCUMENTS = ROOT / "tests" / "fixtures" / "documents"
PLAN = "hebei_2025_gov_work_report"
REVIEW = "hebei_2026_gov_work_report"

#: A work report's opening: enough text for a detector, and a region and a year to read.
SAMPLE = "\n".join(read_text(CORPUS / f"{PLAN}.txt").splitlines()[:8]) + "\n"
#: Traditional Chinese, as Big5 carries it.
TRADITIONAL = (
    "香港特別行政區政府施政報告\n"
    "本港經濟去年增長百分之三點五，失業率維持在百分之三左右。政府將繼續推動創新科技發展，"
    "全年投資額達到一千億元，新增就業崗位兩萬個。我們會加強與內地的合作，推進北部都會區建設，"
    "提升市民的生活質素。\n"
)


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def no_space(text: str) -> str:
    return "".join(text.split())


# -- text files: encodings ------------------------------------------------------------------


def test_utf8_reads_as_before(tmp_path: Path) -> None:
    path = write(tmp_path, "plan.txt", SAMPLE.encode("utf-8"))
    document = tt.read_document(path)
    assert document.text == read_text(path) == SAMPLE
    assert (document.reader, document.encoding, document.tool) == ("text", "utf-8", "")
    assert document.sha256 == hashlib.sha256(SAMPLE.encode("utf-8")).hexdigest()
    assert document.pages == () and document.page_of(10) is None


def test_newlines_are_kept_as_they_are(tmp_path: Path) -> None:
    path = write(tmp_path, "plan.txt", SAMPLE.replace("\n", "\r\n").encode("gb18030"))
    assert tt.read_document(path).text == SAMPLE.replace("\n", "\r\n")


def test_a_byte_order_mark_is_not_text_and_the_region_is_read(tmp_path: Path) -> None:
    path = write(tmp_path, "plan.txt", SAMPLE.encode("utf-8-sig"))
    document = tt.read_document(path)
    assert document.text == SAMPLE
    assert document.encoding == "utf-8-sig"
    statements = tt.extract_statements(document.text, doc=path.name)
    goals = [s for s in statements if s.kind == "goal"]
    assert statements and {s.region for s in statements} == {"河北"}
    assert all(s.source.quote == document.text[s.source.start : s.source.end] for s in goals)


@pytest.mark.parametrize(
    ("codec", "text", "expected"),
    [
        ("gbk", SAMPLE, "gb18030"),
        ("gb2312", SAMPLE, "gb18030"),
        ("gb18030", SAMPLE + "䶮\n", "gb18030"),  # 䶮 is in GB18030, not in GBK
        ("big5", TRADITIONAL, "big5"),
        ("utf-16", SAMPLE, "utf-16"),  # with its byte-order mark
        ("utf-16-le", SAMPLE, "utf-16-le"),  # without
        ("utf-16-be", SAMPLE, "utf-16-be"),
        ("utf-32", SAMPLE, "utf-32"),
    ],
)
def test_encodings_are_detected_and_named(
    tmp_path: Path, codec: str, text: str, expected: str
) -> None:
    path = write(tmp_path, "doc.txt", text.encode(codec))
    document = tt.read_document(path)
    assert document.text == text
    assert document.encoding == expected


def test_a_short_gbk_text_is_not_taken_for_utf16(tmp_path: Path) -> None:
    path = write(tmp_path, "short.txt", "地区生产总值增长5%".encode("gbk"))
    document = tt.read_document(path)
    assert (document.text, document.encoding) == ("地区生产总值增长5%", "gb18030")


def test_gbk_text_gives_the_statements_of_utf8(tmp_path: Path) -> None:
    text = read_text(CORPUS / f"{PLAN}.txt")
    gbk = tt.read_document(write(tmp_path, "plan.txt", text.encode("gbk")))
    assert gbk.text == text and gbk.encoding == "gb18030"
    assert gbk.sha256 == hashlib.sha256((CORPUS / f"{PLAN}.txt").read_bytes()).hexdigest()


def test_an_explicit_encoding_overrides_the_detection(tmp_path: Path) -> None:
    data = TRADITIONAL.encode("big5")
    path = write(tmp_path, "doc.txt", data)
    forced = tt.read_document(path, encoding="gb18030")
    assert forced.encoding == "gb18030" and forced.text == data.decode("gb18030")
    assert forced.text != TRADITIONAL
    assert tt.read_document(path, encoding="BIG5").text == TRADITIONAL


def test_an_explicit_encoding_that_does_not_fit_names_the_line(tmp_path: Path) -> None:
    path = write(tmp_path, "doc.txt", ("第一行\n第二行" + "地区").encode("gbk"))
    with pytest.raises(tt.DataError) as caught:
        tt.read_document(path, encoding="utf-8")
    assert caught.value.path == str(path)
    assert caught.value.line == 1
    assert "not utf-8 text as --encoding says" in caught.value.message


def test_an_unknown_encoding_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "doc.txt", b"abc")
    with pytest.raises(
        ValueError, match="--encoding: expected an encoding Python knows, got 'gbkk'"
    ):
        tt.read_document(path, encoding="gbkk")


@pytest.mark.parametrize(
    "data",
    [
        bytes(range(256)) * 8,
        hashlib.sha512(b"seed").digest() * 64,
        b"\x00\x01\x02\x03" * 500,
    ],
    ids=["all-bytes", "random", "binary"],
)
def test_an_undecodable_file_is_refused(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(tt.DataError, match="undecodable") as caught:
        tt.read_document(write(tmp_path, "blob.txt", data))
    assert caught.value.path.endswith("blob.txt")


def test_a_missing_file_and_a_folder(tmp_path: Path) -> None:
    with pytest.raises(tt.DataError, match="no such file"):
        tt.read_document(tmp_path / "none.pdf")
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(tt.DataError, match="a folder, not a document"):
        tt.read_document(folder)


@pytest.mark.parametrize(("suffix", "what"), [(".doc", "save it as .docx"), (".wps", ".docx")])
def test_formats_not_read_say_what_to_do(tmp_path: Path, suffix: str, what: str) -> None:
    with pytest.raises(tt.DataError, match=re.escape(what)):
        tt.read_document(write(tmp_path, f"plan{suffix}", b"\xd0\xcf\x11\xe0"))


# -- Word -----------------------------------------------------------------------------------


def test_docx_reads_the_paragraphs_in_order_without_header_and_footer() -> None:
    document = tt.read_document(DOCUMENTS / f"{PLAN}.docx")
    assert document.text == read_text(CORPUS / f"{PLAN}.txt")
    assert (document.reader, document.encoding) == ("docx", None)
    assert "河北省人民政府办公厅印发" not in document.text  # the page footer


W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def make_docx(body: str) -> bytes:
    """A minimal Word package around ``body`` (the XML inside ``<w:body>``)."""
    document = (
        f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W}" '
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
        'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
        'xmlns:v="urn:schemas-microsoft-com:vml">'
        f"<w:body>{body}<w:sectPr/></w:body></w:document>"
    )
    rels = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("_rels/.rels", rels)
        archive.writestr("word/document.xml", document)
    return out.getvalue()


def p(*runs: str) -> str:
    return (
        "<w:p><w:pPr><w:tabs><w:tab w:val='left' w:pos='720'/></w:tabs></w:pPr>"
        + "".join(runs)
        + "</w:p>"
    )


def r(text: str) -> str:
    return f'<w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>'


def cell(*paragraphs: str) -> str:
    return "<w:tc><w:tcPr/>" + "".join(paragraphs) + "</w:tc>"


def test_docx_reads_what_word_shows(tmp_path: Path) -> None:
    box = "<w:txbxContent>" + p(r("框中文字")) + "</w:txbxContent>"
    body = "".join(
        [
            p(r("标题")),
            # a hyperlink, a field's result (not its instruction), a tab and a line break
            p(
                r("工业增加值"),
                "<w:hyperlink><w:r><w:t>增长</w:t></w:r></w:hyperlink>",
                "<w:r><w:fldChar w:fldCharType='begin'/></w:r>",
                "<w:r><w:instrText>PAGE</w:instrText></w:r>",
                "<w:r><w:fldChar w:fldCharType='separate'/></w:r>",
                r("6%"),
                "<w:r><w:fldChar w:fldCharType='end'/></w:r>",
                "<w:r><w:tab/><w:t>左右</w:t><w:br/><w:t>下一行</w:t></w:r>",
            ),
            # tracked changes: the insertion is text, the deletion is not
            p(
                r("投资增长"),
                "<w:ins w:id='1' w:author='a'><w:r><w:t>5.5%</w:t></w:r></w:ins>",
                "<w:del w:id='2' w:author='a'><w:r><w:delText>5%</w:delText></w:r></w:del>",
            ),
            # a text box, with the fallback copy Word writes for older readers
            p(
                r("正文"),
                "<w:r><mc:AlternateContent><mc:Choice Requires='wps'><w:drawing><wps:txbx>"
                + box
                + "</wps:txbx></w:drawing></mc:Choice><mc:Fallback><w:pict><v:textbox>"
                + box
                + "</v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r>",
            ),
            # a content control around a paragraph
            "<w:sdt><w:sdtPr/><w:sdtContent>" + p(r("控件中的段落")) + "</w:sdtContent></w:sdt>",
            # a table: a header row, a row with a cell of two paragraphs and a nested table
            "<w:tbl><w:tblPr/>"
            "<w:tr>" + cell(p(r("指标"))) + cell(p(r("目标"))) + "</w:tr>"
            "<w:tr>"
            + cell(p(r("地区生产")), p(r("总值")))
            + cell(
                "<w:tbl><w:tr>" + cell(p(r("5%"))) + cell(p(r("以上"))) + "</w:tr></w:tbl>",
                p(),
            )
            + "</w:tr></w:tbl>",
            p(r("结尾")),
        ]
    )
    document = tt.read_document(write(tmp_path, "doc.docx", make_docx(body)))
    assert document.text.split("\n") == [
        "标题",
        "工业增加值增长6%\t左右",
        "下一行",
        "投资增长5.5%",
        "正文",
        "框中文字",
        "控件中的段落",
        "指标\t目标",
        "地区生产 总值\t5% 以上",
        "结尾",
    ]


def plan_docx() -> bytes:
    return (DOCUMENTS / f"{PLAN}.docx").read_bytes()


def broken_xml() -> bytes:
    return make_docx("<w:p><w:r><w:t>未闭合</w:r></w:p>")


def without_document() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("readme.txt", "not word")
    return out.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (lambda: plan_docx()[: len(plan_docx()) // 2], "not a Word document (.docx): not a zip"),
        (lambda: b"PK\x03\x04" + b"\x00" * 100, "not a zip archive"),
        (lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 500, "an encrypted Word"),
        (broken_xml, "malformed XML"),
        (without_document, "no _rels/.rels"),
    ],
    ids=["cut-short", "zip-header-only", "encrypted-or-doc", "malformed-xml", "not-word"],
)
def test_a_corrupt_docx_is_refused(tmp_path: Path, data: object, message: str) -> None:
    assert callable(data)
    path = write(tmp_path, "plan.docx", data())
    with pytest.raises(tt.DataError, match=re.escape(message)) as caught:
        tt.read_document(path)
    assert caught.value.path == str(path)
