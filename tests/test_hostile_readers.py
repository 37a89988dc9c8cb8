"""Hostile files at the reading layer, one test per finding of the third fuzz round (issue 19):
special files, files over the size limit, archive and markup bombs, nesting thousands of levels
deep, codecs that are not text encodings and text that is no Unicode.

Each test failed before the fix it stands for (a traceback, a hang, memory exhausted, minutes of
work, or a raw Python message naming no file). The small fuzz inputs are in
``tests/fixtures/hostile/``; the large and the special ones are built here, in ``tmp_path``.
"""

from __future__ import annotations

import errno
import io
import os
import socket
import threading
import zipfile
from collections.abc import Iterator
from pathlib import Path

import pytest

import targettrack as tt
from targettrack import _files, cli
from targettrack.extract import markup, pdf, webpage, word

ROOT = Path(__file__).resolve().parent.parent
HOSTILE = ROOT / "tests" / "fixtures" / "hostile"
DOCUMENTS = ROOT / "tests" / "fixtures" / "documents"
PLAN = ROOT / "corpus" / "hebei_2025_gov_work_report.txt"
SENTENCE = "全省地区生产总值增长5.2%，规模以上工业增加值增长6.1%，增速均高于全国。"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
RELS = (
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
    'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats'
    '.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
    "</Relationships>"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def one_error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


# -- special files and the size of every file read ---------------------------------------------


@pytest.fixture
def fifo_writer() -> Iterator[list[Path]]:
    """FIFOs to make; a thread writes a line into each as soon as someone opens it to read, so
    that a reader that opens one ends instead of blocking the suite for ever."""
    fifos: list[Path] = []
    stop = threading.Event()

    def write() -> None:
        while not stop.wait(0.05):
            for fifo in list(fifos):
                try:
                    handle = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
                except OSError as error:
                    assert error.errno in (errno.ENXIO, errno.ENOENT)
                    continue
                with os.fdopen(handle, "wb") as stream:
                    stream.write(b"- id: opened\n")

    thread = threading.Thread(target=write, daemon=True)
    thread.start()
    yield fifos
    stop.set()
    thread.join()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
@pytest.mark.parametrize(
    ("name", "argv"),
    [
        ("fifo.txt", ["text", "{}"]),
        ("fifo.txt", ["audit", "{}"]),
        ("fifo.yaml", ["audit", "{}"]),
        ("fifo.yaml", ["audit", str(PLAN), "--catalog", "{}"]),
    ],
)
def test_a_fifo_is_refused_before_it_is_opened(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    fifo_writer: list[Path],
    name: str,
    argv: list[str],
) -> None:
    fifo = tmp_path / name
    os.mkfifo(fifo)
    fifo_writer.append(fifo)
    status, out, err = run(capsys, *(arg.format(fifo) for arg in argv))
    assert (status, out) == (1, "")
    assert one_error_line(err) == (
        f"DataError: {fifo}: not a regular file (a FIFO, socket or device): not read"
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize(
    ("name", "argv"),
    [
        ("zero.txt", ["text", "{}"]),
        ("zero.yaml", ["audit", "{}"]),
        ("zero.yaml", ["audit", str(PLAN), "--catalog", "{}"]),
        ("zero.docx", ["extract", "{}"]),
    ],
)
def test_a_device_is_refused_not_read_until_memory_runs_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, argv: list[str]
) -> None:
    device = tmp_path / name
    device.symlink_to("/dev/zero")  # what `mknod zero.txt c 1 5` makes, without root
    status, out, err = run(capsys, *(arg.format(device) for arg in argv))
    assert (status, out) == (1, "")
    assert one_error_line(err).endswith(": not a regular file (a FIFO, socket or device): not read")


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="Unix sockets")
def test_a_socket_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "s.txt"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        with pytest.raises(tt.DataError, match="not a regular file"):
            tt.read_document(path)


@pytest.mark.parametrize("suffix", [".txt", ".html", ".docx", ".pdf", ".yaml"])
def test_the_size_limit_holds_for_every_file_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, suffix: str
) -> None:
    monkeypatch.setattr(_files, "MAX_FILE_BYTES", 1000)
    path = tmp_path / f"big{suffix}"
    path.write_bytes(b"x" * 1001)
    message = f"{path}: 1001 bytes, more than the 1000 read (docs/input.md)"
    with pytest.raises(tt.DataError) as caught:
        tt.read_document(path) if suffix != ".yaml" else tt.load_document(path)
    assert str(caught.value) == message
    path.write_bytes(b"x" * 1000)  # at the limit: read (and refused, if at all, for its content)
    with pytest.raises(tt.DataError) as caught:
        tt.load_document(path)
    assert "more than the 1000 read" not in str(caught.value)


def test_a_raw_text_over_the_limit_is_refused_by_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_files, "MAX_FILE_BYTES", 4096)
    path = tmp_path / "plan.txt"
    path.write_bytes(PLAN.read_bytes())  # 90 KB: the 70 MB of the fuzz case, at scale
    for command in ("text", "audit", "extract"):
        status, out, err = run(capsys, command, str(path))
        assert (status, out) == (1, "")
        size = path.stat().st_size
        assert one_error_line(err) == (
            f"DataError: {path}: {size} bytes, more than the 4096 read (docs/input.md)"
        )


def test_a_file_that_grows_past_the_limit_while_read_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "growing.txt"
    path.write_bytes(b"x" * 2000)
    status = os.stat(path)
    monkeypatch.setattr(_files, "MAX_FILE_BYTES", 1000)
    # the size it had when it was looked at, before it grew
    small = os.stat_result((status.st_mode, *status[1:6], 10, *status[7:10]))
    real_stat = os.stat
    monkeypatch.setattr(
        _files.os, "stat", lambda p, *a, **k: small if Path(p) == path else real_stat(p, *a, **k)
    )
    with pytest.raises(tt.DataError, match=r"1001 or more bytes, more than the 1000 read"):
        tt.read_document(path)


# -- codecs that are not text encodings, text that is no Unicode --------------------------------


@pytest.mark.parametrize(
    "name", ["rot13", "base64", "zlib", "hex", "bz2", "uu", "quopri", "undefined"]
)
def test_an_encoding_option_naming_no_text_encoding_is_one_line(
    capsys: pytest.CaptureFixture[str], name: str
) -> None:
    for command in ("text", "audit"):
        status, out, err = run(capsys, command, str(PLAN), "--encoding", name)
        assert (status, out) == (1, "")
        assert one_error_line(err) == (
            f"ValueError: --encoding: expected an encoding of text, got {name!r}, a codec that "
            "decodes no text (such as rot13, base64 or undefined)"
        )


def test_an_encoding_that_makes_lone_surrogates_is_refused_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_bytes(b"2025\n\\ud800\n")
    with pytest.raises(tt.DataError) as caught:
        tt.read_document(path, encoding="unicode_escape")
    assert (caught.value.line, caught.value.message) == (
        2,
        "not text as --encoding says: read as unicode-escape it holds U+D800, half of a UTF-16 "
        "surrogate pair, which is no character",
    )


@pytest.mark.parametrize(
    "name",
    [
        "html_meta_charset_undefined.html",
        "html_meta_charset_unicode_escape.html",
        "html_meta_charset_utf16_lie.html",
    ],
)
def test_a_charset_no_browser_reads_is_passed_over(name: str) -> None:
    document = tt.read_document(HOSTILE / name)  # undefined: a UnicodeError; utf-16le: garbage
    assert document.encoding == "utf-8"
    assert "地区生产总值增长5%以上" in document.text


def test_a_pdf_glyph_mapped_to_a_lone_surrogate_is_a_located_data_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = HOSTILE / "pdf_lone_surrogate.pdf"
    with pytest.raises(tt.DataError) as caught:
        tt.read_document(path)
    assert caught.value.message == (
        "expected Unicode text, but character 47 (page 1) is U+D800, half of a UTF-16 surrogate "
        "pair and no character (the file maps a glyph or bytes to it)"
    )
    status, out, err = run(capsys, "audit", str(path))
    assert (status, out) == (1, "")
    assert one_error_line(err).startswith(f"DataError: {path}: expected Unicode text")


# -- PDF: the page count -----------------------------------------------------------------------


def test_a_pdf_page_tree_reusing_one_node_is_refused_by_its_page_count() -> None:
    # 1.9 KB: five levels of ten kids, each level the same object: 100 000 pages (32 s before)
    with pytest.raises(tt.DataError) as caught:
        tt.read_document(HOSTILE / "pdf_pagetree_dag_1e5.pdf")
    assert caught.value.message == "100000 pages, more than the 10000 read (docs/input.md)"


def test_the_page_limit_is_the_constant(monkeypatch: pytest.MonkeyPatch) -> None:
    path = DOCUMENTS / "hebei_2025_gov_work_report.pdf"
    monkeypatch.setattr(pdf, "MAX_PAGES", 8)
    assert len(tt.read_document(path).pages) == 8
    monkeypatch.setattr(pdf, "MAX_PAGES", 7)
    with pytest.raises(tt.DataError, match="8 pages, more than the 7 read"):
        tt.read_document(path)


# -- Word: archive members, encodings, nesting -------------------------------------------------


def docx(
    document: str | bytes,
    *,
    method: int = zipfile.ZIP_DEFLATED,
    extra: dict[str, bytes] | None = None,
) -> bytes:
    """A .docx holding ``document`` as its main part (and ``extra`` parts)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", method) as archive:
        archive.writestr("_rels/.rels", RELS)
        body = document.encode("utf-8") if isinstance(document, str) else document
        archive.writestr("word/document.xml", body)
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return buffer.getvalue()


def declare(data: bytes, member: str, size: int) -> bytes:
    """``data`` with the uncompressed size of ``member`` in the archive's directory changed."""
    archive = bytearray(data)
    name = member.encode()
    at = archive.find(b"PK\x01\x02")
    while at >= 0:
        length = int.from_bytes(archive[at + 28 : at + 30], "little")
        if archive[at + 46 : at + 46 + length] == name:
            archive[at + 24 : at + 28] = size.to_bytes(4, "little")
            return bytes(archive)
        at = archive.find(b"PK\x01\x02", at + 4)
    raise AssertionError(member)


def body(inner: str) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}"><w:body>{inner}</w:body></w:document>'


def paragraph(text: str) -> str:
    return f"<w:p><w:r><w:t>{text}</w:t></w:r></w:p>"


@pytest.mark.parametrize("name", ["docx_deep_sdt_500.docx", "docx_deep_tables_1500.docx"])
def test_a_docx_nested_thousands_of_levels_deep_is_read(name: str) -> None:
    document = tt.read_document(HOSTILE / name)  # a RecursionError before
    assert document.text.startswith("2025年河北省政府工作报告")


def test_a_docx_of_a_hundred_thousand_nested_hyperlinks_is_read(tmp_path: Path) -> None:
    depth = 100_000
    inner = (
        "<w:hyperlink>" * depth
        + "<w:r><w:t>地区生产总值增长5%</w:t></w:r>"
        + "</w:hyperlink>" * depth
    )
    path = tmp_path / "deep.docx"
    path.write_bytes(docx(body(f"<w:p>{inner}</w:p>"), method=zipfile.ZIP_STORED))
    assert tt.read_document(path).text == "地区生产总值增长5%"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        (
            "docx_zip_encrypted_entry.docx",
            "word/document.xml is encrypted in the zip archive: it opens only with a password; "
            "save an unprotected copy as .docx",
        ),
        (
            "docx_zip_encrypted_rels.docx",
            "_rels/.rels is encrypted in the zip archive: it opens only with a password; save an "
            "unprotected copy as .docx",
        ),
        (
            "docx_zip_method98_ppmd.docx",
            "word/document.xml is compressed with method 98, which cannot be read (expected "
            "stored, deflate, bzip2 or LZMA); save it again as .docx",
        ),
        (
            "docx_zip_method99.docx",
            "word/document.xml is compressed with method 99, which cannot be read (expected "
            "stored, deflate, bzip2 or LZMA); save it again as .docx",
        ),
        (
            "docx_xml_encoding_gbk.docx",
            "word/document.xml declares the encoding 'GBK': expected UTF-8 or UTF-16, the "
            "encodings of a .docx; save it again from Word",
        ),
        (
            "docx_xml_encoding_rot13.docx",
            "word/document.xml declares the encoding 'rot13': expected UTF-8 or UTF-16, the "
            "encodings of a .docx; save it again from Word",
        ),
        (
            "docx_xml_encoding_unknown.docx",
            "word/document.xml declares the encoding 'no-such-enc': expected UTF-8 or UTF-16, the "
            "encodings of a .docx; save it again from Word",
        ),
    ],
)
def test_a_docx_part_that_cannot_be_read_is_a_data_error(
    capsys: pytest.CaptureFixture[str], name: str, message: str
) -> None:
    # RuntimeError, NotImplementedError, LookupError and ValueError before
    path = HOSTILE / name
    with pytest.raises(tt.DataError) as caught:
        tt.read_document(path)
    assert caught.value.message == message
    status, out, err = run(capsys, "text", str(path))
    assert (status, out) == (1, "")
    assert one_error_line(err) == f"DataError: {path}: {message}"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_docx_part_in_utf16_is_read(tmp_path: Path, encoding: str) -> None:
    xml = body(paragraph("地区生产总值增长5%")).replace("UTF-8", "UTF-16")
    path = tmp_path / "utf16.docx"
    path.write_bytes(docx(xml.encode(encoding)))
    assert tt.read_document(path).text == "地区生产总值增长5%"


def test_a_docx_part_larger_than_the_limit_is_refused_before_it_is_decompressed(
    tmp_path: Path,
) -> None:
    # the directory says 3 GB; decompressing would find 298 bytes and a bad CRC instead
    path = tmp_path / "rels.docx"
    path.write_bytes(declare(docx(body(paragraph("x"))), "_rels/.rels", 3_221_225_770))
    with pytest.raises(tt.DataError) as caught:
        tt.read_document(path)
    assert caught.value.message == (
        "_rels/.rels is 3221225770 bytes uncompressed, more than the 67108864 read (docs/input.md)"
    )


def test_a_docx_whose_parts_expand_beyond_the_total_is_refused(tmp_path: Path) -> None:
    # a picture is never decompressed, but what the archive declares is bounded as a whole
    data = docx(body(paragraph("x")), extra={"word/media/image1.png": b"png"})
    path = tmp_path / "total.docx"
    path.write_bytes(declare(data, "word/media/image1.png", 300 * 1024 * 1024))
    with pytest.raises(tt.DataError) as caught:
        tt.read_document(path)
    assert caught.value.message.startswith("a zip bomb? its parts expand to 31457")
    assert caught.value.message.endswith("bytes, more than the 268435456 read (docs/input.md)")


def test_a_docx_part_that_expands_like_a_zip_bomb_is_refused(tmp_path: Path) -> None:
    # 2 MiB of empty paragraphs deflate to a few KB: the 383 KB file of 250 MB of the fuzz case
    path = tmp_path / "bomb.docx"
    path.write_bytes(docx(body("<w:p/>" * 350_000)))
    with pytest.raises(tt.DataError, match=r"a zip bomb\? word/document.xml expands \d+ times"):
        tt.read_document(path)


def test_a_docx_part_whose_directory_understates_it_is_broken(tmp_path: Path) -> None:
    path = tmp_path / "short.docx"
    path.write_bytes(declare(docx(body(paragraph("地区生产总值增长5%"))), "word/document.xml", 40))
    with pytest.raises(tt.DataError, match=r"a broken \.docx: word/document\.xml cannot be read"):
        tt.read_document(path)


def test_real_word_documents_expand_far_less_than_the_limit() -> None:
    with zipfile.ZipFile(DOCUMENTS / "hebei_2025_gov_work_report.docx") as archive:
        expansions = [i.file_size / i.compress_size for i in archive.infolist() if i.compress_size]
    assert max(expansions) * 3 < word.MAX_EXPANSION


# -- web pages: nesting and elements re-opened -------------------------------------------------


def page(inner: str) -> bytes:
    return f"<html><head><title>报告</title></head><body>{inner}</body></html>".encode()


def test_html_nested_deeper_than_the_limit_is_refused_before_it_is_parsed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = HOSTILE / "html_nested_b_1000.html"  # a RecursionError before
    status, out, err = run(capsys, "text", str(path))
    assert (status, out) == (1, "")
    assert one_error_line(err) == (
        f"DataError: {path}:1: elements nested deeper than 512 levels, as a browser parses them "
        "(docs/input.md)"
    )
    # 100 000 nested <div> (minutes to parse, quadratic): the tags after the limit are not read
    text = "<div>" * 100_000
    found = markup.shape(text, webpage.MAX_DEPTH, webpage.MAX_REOPENED)
    assert (found.limit, found.tags) == ("depth", webpage.MAX_DEPTH + 1)
    path = tmp_path / "deep.html"
    path.write_bytes(page("<div>" * 100_000))
    with pytest.raises(tt.DataError, match="nested deeper than 512 levels"):
        tt.read_document(path)


def test_html_nested_to_the_limit_with_text_at_each_level_is_read(tmp_path: Path) -> None:
    depth = webpage.MAX_DEPTH - 2
    inner = "".join(f"<div>第{n}段：{SENTENCE}" for n in range(depth)) + "</div>" * depth
    path = tmp_path / "deep.html"
    path.write_bytes(page(inner))
    lines = tt.read_document(path).text.splitlines()
    assert lines[-depth:] == [f"第{n}段：{SENTENCE}" for n in range(depth)]


def test_html_whose_tree_is_deeper_than_its_parser_stack_is_read(tmp_path: Path) -> None:
    # a form closed inside a block leaves the block open below it: the tree nests twice as deep
    # as the parser's stack, 1 000 levels here (a RecursionError in the writer before)
    inner = f"<form><div>{SENTENCE}</form>" * 500
    path = tmp_path / "forms.html"
    path.write_bytes(page(inner))
    assert tt.read_document(path).text.splitlines() == ["报告"] + [SENTENCE] * 500


def test_html_whose_formatting_tags_would_be_reopened_in_every_paragraph_is_refused(
    tmp_path: Path,
) -> None:
    # 400 different <b> left open in a paragraph, then paragraphs: the parser would make 400
    # elements in each (2 000 000 elements from 300 KB; a thousand made 5 000 000 in 13 s)
    opened = "".join(f"<b class=c{n}>" for n in range(400))
    path = tmp_path / "bomb.html"
    path.write_bytes(page(f"<p>{opened}</p>" + f"<p>{SENTENCE}</p>" * 5000))
    with pytest.raises(
        tt.DataError,
        match=r"formatting tags left open are opened again \d+ times, more than 16 per tag",
    ):
        tt.read_document(path)


@pytest.mark.parametrize(
    "inner",
    [
        f"<p><font color=red>{SENTENCE}</p>" * 3000,  # a font left open in each paragraph
        f"<b><p>{SENTENCE}</b></p>" * 3000,  # misnested
        f"<font>{SENTENCE}<p>" * 3000,  # fonts never closed: three alike are kept
        f"<p>{SENTENCE}" * 3000,  # paragraphs never closed
        "<ul>" + f"<li>{SENTENCE}" * 3000 + "</ul>",
        "<table>" + f"<tr><td>{SENTENCE}<td>{SENTENCE}" * 3000 + "</table>",
        f"<div><span>{SENTENCE}</div>" * 3000,
    ],
)
def test_sloppy_html_is_read_not_refused(tmp_path: Path, inner: str) -> None:
    path = tmp_path / "sloppy.html"
    path.write_bytes(page(inner))
    found = markup.shape(path.read_text(encoding="utf-8"), webpage.MAX_DEPTH, webpage.MAX_REOPENED)
    assert found.limit == "" and found.deepest < 10
    assert SENTENCE in tt.read_document(path).text


@pytest.mark.parametrize(
    "tags",
    [
        ["div"],
        ["span"],
        ["b", "div"],
        ["h1", "b"],
        ["ul", "li"],
        ["section", "font", "em"],
        ["blockquote", "em", "span"],
        ["blockquote", "a", "span"],
        ["div", "table", "td"],
        ["button", "div"],
    ],
)
def test_the_nesting_told_before_parsing_is_the_parser_s(tags: list[str]) -> None:
    from selectolax.lexbor import LexborHTMLParser

    text = "".join(f"<{tag}>" for tag in tags) * 300
    tree = LexborHTMLParser(text)
    depth, node = 0, tree.body
    while node is not None:
        last = None
        child = node.child
        while child is not None:
            if not child.tag.startswith("-"):
                last = child
            child = child.next
        node = last
        depth += node is not None
    assert markup.shape(text, 10**6, 10**6).deepest == depth


# -- catalogs ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "message"),
    [
        ("id: [1, 2]", "'id' must be a text (got [1, 2])"),
        ("zh: [测试]", "'zh' must be a text (got ['测试'])"),
        ("aliases: 增加值", "'aliases' must be a list of texts (got '增加值')"),
        ("aliases: [1, 2]", "'aliases' must be a list of texts (got [1, 2])"),
        ("theme: [x]", "'theme' must be a text (got ['x'])"),
        ("recognition: {a: 1}", "'recognition' must be a text (got {'a': 1})"),
        ("1: x", "'metric' must be a record whose fields are names (got 1)"),
        ("id: ' '", "'id' must be a text that is not empty (got ' ')"),
    ],
)
def test_a_catalog_field_of_the_wrong_type_is_a_data_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], field: str, message: str
) -> None:
    fields = {"id": "test_x", "zh": "测试指标", "en": "x", "kind": "level", "unit": "亿元"}
    key = field.split(":")[0]
    lines = [f"{k}: {v}" for k, v in fields.items() if k != key] + [field]
    path = tmp_path / "catalog.yaml"
    path.write_text("- " + "\n  ".join(lines) + "\n", encoding="utf-8")
    status, out, err = run(capsys, "audit", str(PLAN), "--catalog", str(path))
    assert (status, out) == (1, "")
    # located at the field's own line (the last), or at the record for a key that is no name
    line = 1 if key == "1" else len(lines)
    assert one_error_line(err) == f"DataError: {path}:{line}: {message}"


def test_the_fuzz_catalog_with_a_list_id(capsys: pytest.CaptureFixture[str]) -> None:
    path = HOSTILE / "catalog_list_id.yaml"  # a TypeError: unhashable type: 'list' before
    status, out, err = run(capsys, "audit", str(PLAN), "--catalog", str(path))
    assert (status, out) == (1, "")
    assert one_error_line(err) == f"DataError: {path}:1: 'id' must be a text (got [1, 2])"
