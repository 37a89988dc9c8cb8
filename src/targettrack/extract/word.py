"""Reading a Word document (.docx): the body's paragraphs in order, tables row by row.

A ``.docx`` is a zip archive of XML parts; the main part (found through the package's
relationships) holds the body. Each paragraph is one line: its runs' text, tabs and line
breaks, the text of hyperlinks, fields' results, content controls and tracked insertions (a
tracked deletion is not text). A table is one line per row, its cells separated by tab
characters (a cell's paragraphs joined by spaces, a table inside a cell read into it). A text
box is read after the paragraph that anchors it, once (Word also stores a fallback copy for
older readers, which is skipped). Page headers and footers, footnotes, endnotes and comments
are other parts and are not read.

The standard library reads it all (:mod:`zipfile`, :mod:`xml.etree.ElementTree`): nothing to
install.
"""

from __future__ import annotations

import codecs
import io
import lzma
import posixpath
import re
import zipfile
import zlib
from xml.etree import ElementTree

from .._errors import DataError
from .document import DocumentText, Walk, run_nested

__all__ = ["MAX_EXPANDED_BYTES", "MAX_EXPANSION", "MAX_PART_BYTES", "read_docx"]

_NAMESPACES = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",
)
_OFFICE_DOCUMENT = (
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
)
_PACKAGE_RELS = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
#: The compound-file signature: a Word 97–2003 file, or a password-protected .docx.
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

#: The largest part read (the main document, the package's relationships), uncompressed:
#: far beyond the text of any real document, short of a zip bomb. Checked on the archive's
#: directory before the part is decompressed.
MAX_PART_BYTES = 64 * 1024 * 1024
#: All the members of the archive together, uncompressed, as its directory declares them.
MAX_EXPANDED_BYTES = 256 * 1024 * 1024
#: The most a part larger than :data:`_GRACE_BYTES` may expand (its size uncompressed over its
#: size in the archive): Word's XML expands 3 to 30 times, a zip bomb hundreds of times (the
#: ratio Apache POI refuses as well).
MAX_EXPANSION = 100
_GRACE_BYTES = 1024 * 1024
#: The compression methods zipfile decompresses: stored, deflate, bzip2, LZMA.
_METHODS = frozenset(
    (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED, zipfile.ZIP_BZIP2, zipfile.ZIP_LZMA)
)
#: The encodings a part may be in (ECMA-376: UTF-8 or UTF-16; ASCII is UTF-8).
_XML_ENCODINGS = frozenset(("utf-8", "utf-16", "utf-16-le", "utf-16-be", "ascii"))
_DECLARATION = re.compile(r"""<\?xml\s[^>]*?\bencoding\s*=\s*(["'])(.*?)\1""", re.DOTALL)


def read_docx(path: str, data: bytes) -> DocumentText:
    """The text of the Word document ``data`` (read from ``path``), as described above."""
    if data.startswith(_OLE):
        raise DataError(
            path,
            None,
            "not a .docx (a zip archive): an encrypted Word document or a Word 97–2003 .doc; "
            "save an unprotected copy as .docx",
        )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile:
        raise DataError(path, None, "not a Word document (.docx): not a zip archive") from None
    with archive:
        part = _main_part(path, archive)
        root = _xml(path, archive, part)
    namespace = root.tag[1 : root.tag.index("}")] if root.tag.startswith("{") else ""
    if namespace not in _NAMESPACES or root.find(f"{{{namespace}}}body") is None:
        raise DataError(path, None, f"not a Word document: {part} has no document body")
    body = root.find(f"{{{namespace}}}body")
    assert body is not None
    lines: list[str] = []
    run_nested(_Reader(namespace).blocks(body, lines))
    return DocumentText(path, "\n".join(lines), "docx", None, "")


def _xml(path: str, archive: zipfile.ZipFile, part: str) -> ElementTree.Element:
    """The part ``part`` of the archive, parsed; :class:`DataError` for a part that is
    missing, encrypted, compressed in a way zipfile cannot undo, too large, in an archive that
    expands too much, or not UTF-8 or UTF-16 XML — each checked before the part is
    decompressed or parsed."""
    try:
        info = archive.getinfo(part)
    except KeyError:
        if part == "_rels/.rels":
            raise DataError(
                path, None, "not a Word document (.docx): no _rels/.rels in it"
            ) from None
        raise DataError(path, None, f"a broken .docx: no {part} in it") from None
    if info.flag_bits & 0x1:
        raise DataError(
            path,
            None,
            f"{part} is encrypted in the zip archive: it opens only with a password; save an "
            "unprotected copy as .docx",
        )
    if info.compress_type not in _METHODS:
        raise DataError(
            path,
            None,
            f"{part} is compressed with method {info.compress_type}, which cannot be read "
            "(expected stored, deflate, bzip2 or LZMA); save it again as .docx",
        )
    if info.file_size > MAX_PART_BYTES:
        raise DataError(
            path,
            None,
            f"{part} is {info.file_size} bytes uncompressed, more than the {MAX_PART_BYTES} "
            "read (docs/input.md)",
        )
    expansion = info.file_size / max(info.compress_size, 1)
    if info.file_size > _GRACE_BYTES and expansion > MAX_EXPANSION:
        raise DataError(
            path,
            None,
            f"a zip bomb? {part} expands {expansion:.0f} times ({info.compress_size} bytes to "
            f"{info.file_size}), more than the {MAX_EXPANSION} of any real document "
            "(docs/input.md)",
        )
    expanded = sum(member.file_size for member in archive.infolist())
    if expanded > MAX_EXPANDED_BYTES:
        raise DataError(
            path,
            None,
            f"a zip bomb? its parts expand to {expanded} bytes, more than the "
            f"{MAX_EXPANDED_BYTES} read (docs/input.md)",
        )
    try:
        with archive.open(info) as stream:  # it gives no more than the size checked above
            xml = stream.read()
    except (zipfile.BadZipFile, OSError, EOFError, zlib.error, lzma.LZMAError) as error:
        raise DataError(path, None, f"a broken .docx: {part} cannot be read ({error})") from None
    declared = _declared_encoding(xml)
    if declared is not None and _codec(declared) not in _XML_ENCODINGS:
        raise DataError(
            path,
            None,
            f"{part} declares the encoding {declared[:40]!r}: "
            "expected UTF-8 or UTF-16, the encodings of a .docx; save it again from Word",
        )
    try:
        return ElementTree.fromstring(xml)
    except ElementTree.ParseError as error:
        if part == "_rels/.rels":
            raise DataError(path, None, f"a broken .docx: _rels/.rels ({error})") from None
        raise DataError(path, None, f"a broken .docx: {part}: malformed XML ({error})") from None


def _declared_encoding(xml: bytes) -> str | None:
    """The encoding the XML declaration at the start of ``xml`` names, if any."""
    head = xml[:1024]
    if head.startswith((codecs.BOM_UTF16_LE, b"<\x00?\x00")):
        text = head.decode("utf-16-le", "replace")
    elif head.startswith((codecs.BOM_UTF16_BE, b"\x00<\x00?")):
        text = head.decode("utf-16-be", "replace")
    else:
        text = head.decode("latin-1")
    text = text.lstrip("\ufeff").removeprefix("\xef\xbb\xbf")
    if not text.startswith("<?xml"):
        return None
    match = _DECLARATION.match(text[: text.find("?>") + 2] if "?>" in text else text)
    return None if match is None else match.group(2)


def _codec(name: str) -> str | None:
    try:
        return codecs.lookup(name).name
    except (LookupError, ValueError):
        return None


def _main_part(path: str, archive: zipfile.ZipFile) -> str:
    rels = _xml(path, archive, "_rels/.rels")
    for relation in rels.iter(_PACKAGE_RELS):
        if relation.get("Type") in _OFFICE_DOCUMENT:
            target = relation.get("Target", "")
            return posixpath.normpath(target.lstrip("/"))
    raise DataError(path, None, "not a Word document (.docx): the package names no main document")


class _Reader:
    """Walks the body of one namespace (transitional or strict OOXML)."""

    def __init__(self, namespace: str) -> None:
        w = f"{{{namespace}}}"
        self.p, self.tbl, self.tr, self.tc = w + "p", w + "tbl", w + "tr", w + "tc"
        self.t, self.tab, self.txbx = w + "t", w + "tab", w + "txbxContent"
        self.breaks = {w + "br", w + "cr"}
        self.hyphen = w + "noBreakHyphen"
        # properties, deleted and moved-away text, field instructions: not the text
        self.skip = {
            w + "pPr",
            w + "rPr",
            w + "tblPr",
            w + "trPr",
            w + "tcPr",
            w + "sectPr",
            w + "del",
            w + "moveFrom",
            w + "instrText",
            w + "delText",
            _MC + "Fallback",
        }

    # Each walk is a generator that yields the walks of what it holds (run_nested runs them
    # in order, without recursion): a document nested thousands of levels deep reads as any.

    def blocks(self, element: ElementTree.Element, lines: list[str]) -> Walk:
        """Paragraphs and tables, in order (content controls and the like are looked into)."""
        for child in element:
            if child.tag == self.p:
                yield self.paragraph(child, lines)
            elif child.tag == self.tbl:
                yield self.table(child, lines)
            elif child.tag not in self.skip:
                yield self.blocks(child, lines)

    def paragraph(self, element: ElementTree.Element, lines: list[str]) -> Walk:
        parts: list[str] = []
        boxes: list[ElementTree.Element] = []
        yield self.runs(element, parts, boxes)
        lines.append("".join(parts))
        for box in boxes:
            yield self.blocks(box, lines)

    def runs(
        self, element: ElementTree.Element, parts: list[str], boxes: list[ElementTree.Element]
    ) -> Walk:
        for child in element:
            tag = child.tag
            if tag == self.t:
                parts.append(child.text or "")
            elif tag == self.tab:
                parts.append("\t")
            elif tag in self.breaks:
                parts.append("\n")
            elif tag == self.hyphen:
                parts.append("-")
            elif tag == self.txbx:
                boxes.append(child)
            elif tag not in self.skip:
                yield self.runs(child, parts, boxes)

    def table(self, element: ElementTree.Element, lines: list[str]) -> Walk:
        rows: list[ElementTree.Element] = []
        yield _rows(element, self.tbl, self.tr, rows)
        for row in rows:
            cells = []
            for cell in row.findall(self.tc):
                inner: list[str] = []
                yield self.blocks(cell, inner)
                cells.append(" ".join(" ".join(line.split()) for line in inner if line.strip()))
            lines.append("\t".join(cells))


def _rows(element: ElementTree.Element, tbl: str, tr: str, rows: list[ElementTree.Element]) -> Walk:
    """The rows of a table, not those of tables nested in its cells."""
    for child in element:
        if child.tag == tr:
            rows.append(child)
        elif child.tag != tbl:
            yield _rows(child, tbl, tr, rows)
