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

import io
import posixpath
import zipfile
from xml.etree import ElementTree

from .._errors import DataError
from .document import DocumentText

__all__ = ["read_docx"]

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
#: The largest main part read (uncompressed): far beyond any real document, short of a bomb.
_LIMIT = 256 * 1024 * 1024


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
        try:
            info = archive.getinfo(part)
            if info.file_size > _LIMIT:
                raise DataError(path, None, f"{part} is {info.file_size} bytes uncompressed")
            xml = archive.read(part)
        except KeyError:
            raise DataError(path, None, f"a broken .docx: no {part} in it") from None
        except (zipfile.BadZipFile, OSError, EOFError) as error:
            raise DataError(
                path, None, f"a broken .docx: {part} cannot be read ({error})"
            ) from None
    try:
        root = ElementTree.fromstring(xml)
    except ElementTree.ParseError as error:
        raise DataError(path, None, f"a broken .docx: {part}: malformed XML ({error})") from None
    namespace = root.tag[1 : root.tag.index("}")] if root.tag.startswith("{") else ""
    if namespace not in _NAMESPACES or root.find(f"{{{namespace}}}body") is None:
        raise DataError(path, None, f"not a Word document: {part} has no document body")
    body = root.find(f"{{{namespace}}}body")
    assert body is not None
    lines: list[str] = []
    _Reader(namespace).blocks(body, lines)
    return DocumentText(path, "\n".join(lines), "docx", None, "")


def _main_part(path: str, archive: zipfile.ZipFile) -> str:
    try:
        rels = ElementTree.fromstring(archive.read("_rels/.rels"))
    except KeyError:
        raise DataError(path, None, "not a Word document (.docx): no _rels/.rels in it") from None
    except (ElementTree.ParseError, zipfile.BadZipFile, OSError, EOFError) as error:
        raise DataError(path, None, f"a broken .docx: _rels/.rels ({error})") from None
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

    def blocks(self, element: ElementTree.Element, lines: list[str]) -> None:
        """Paragraphs and tables, in order (content controls and the like are looked into)."""
        for child in element:
            if child.tag == self.p:
                self.paragraph(child, lines)
            elif child.tag == self.tbl:
                self.table(child, lines)
            elif child.tag not in self.skip:
                self.blocks(child, lines)

    def paragraph(self, element: ElementTree.Element, lines: list[str]) -> None:
        parts: list[str] = []
        boxes: list[ElementTree.Element] = []
        self.runs(element, parts, boxes)
        lines.append("".join(parts))
        for box in boxes:
            self.blocks(box, lines)

    def runs(
        self, element: ElementTree.Element, parts: list[str], boxes: list[ElementTree.Element]
    ) -> None:
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
                self.runs(child, parts, boxes)

    def table(self, element: ElementTree.Element, lines: list[str]) -> None:
        for row in _rows(element, self.tbl, self.tr):
            cells = []
            for cell in row.findall(self.tc):
                inner: list[str] = []
                self.blocks(cell, inner)
                cells.append(" ".join(" ".join(line.split()) for line in inner if line.strip()))
            lines.append("\t".join(cells))


def _rows(element: ElementTree.Element, tbl: str, tr: str) -> list[ElementTree.Element]:
    """The rows of a table, not those of tables nested in its cells."""
    rows = []
    for child in element:
        if child.tag == tr:
            rows.append(child)
        elif child.tag != tbl:
            rows.extend(_rows(child, tbl, tr))
    return rows
