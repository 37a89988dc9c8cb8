"""Reading documents as they come: plain text in any Chinese encoding, Word, PDF and web pages.

>>> import targettrack as tt
>>> import pathlib, tempfile
>>> path = pathlib.Path(tempfile.mkdtemp()) / "plan.txt"
>>> _ = path.write_bytes("2025年河北省政府工作报告\\n地区生产总值增长5.5%左右。\\n".encode("gb18030"))
>>> document = tt.read_document(path)
>>> (document.reader, document.encoding, document.text.splitlines()[1])
('text', 'gb18030', '地区生产总值增长5.5%左右。')

:func:`read_document` turns a file into the text targettrack reads — the text every span of
a statement points into — and says how it was read: the reader, the encoding of a text file
or web page, a SHA-256 of the text (so that anyone can check they read the same text), and,
for a PDF, the offset where each page starts (so that a statement can cite its page).

- ``.txt`` (and any suffix not listed below): UTF-8 with or without a byte-order mark, UTF-16
  and UTF-32 with theirs, else the encoding the detector (charset-normalizer) finds —
  GB18030/GBK/GB2312 (read as GB18030, which contains the others), Big5 and the rest; an
  explicit ``encoding`` overrides all of that. Line breaks are kept as they are.
- ``.docx``: the body's paragraphs in order, tables row by row (cells separated by tabs),
  text boxes after the paragraph that holds them (:mod:`~targettrack.extract.word`).
- ``.pdf``: the text layer, lines re-joined where a sentence runs on, running headers,
  footers and page numbers left out (:mod:`~targettrack.extract.pdf`, needs pypdfium2).
- ``.html``/``.htm``: the page's main content, without navigation, share buttons or
  【字号：大中小】 chrome (:mod:`~targettrack.extract.webpage`, needs selectolax).

What cannot be read is a :class:`~targettrack.DataError` naming the file and what was wrong:
``plan.pdf: no text layer: OCR it first``. docs/reading.md says what each reader does and
does not handle.
"""

from __future__ import annotations

from pathlib import Path

from .._errors import DataError
from .._files import read_bytes
from .document import DocumentText
from .encoding import checked_encoding, decode

__all__ = ["READERS", "UNREAD", "DocumentText", "read_document"]

#: File suffixes and the reader each goes to; any other suffix is read as text.
READERS = {
    ".txt": "text",
    ".text": "text",
    ".docx": "docx",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
}

#: Suffixes of formats that are not read, with what to do instead.
UNREAD = {
    ".doc": "a Word 97–2003 document (.doc); save it as .docx",
    ".wps": "a WPS document (.wps); save it as .docx",
    ".rtf": "an RTF document; save it as .docx or .txt",
    ".odt": "an OpenDocument text (.odt); save it as .docx",
    ".ofd": "an OFD document; export it as PDF",
}


def read_document(path: str | Path, encoding: str | None = None) -> DocumentText:
    """Read the document at ``path`` by its suffix (:data:`READERS`).

    ``encoding`` overrides the detection for text files and web pages (a PDF or a Word file
    says its own; it must name an encoding of text, else a :class:`ValueError` says so).
    Raises :class:`~targettrack.DataError` naming the file when it cannot be read — a FIFO,
    socket or device, refused before it is opened, a file larger than the limit
    (docs/input.md), and the problems of each reader — and
    :class:`~targettrack.ReaderMissing` (an :class:`ImportError`) naming the extra to install
    when a reader needs a package that is not installed.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in UNREAD:
        raise DataError(str(path), None, f"cannot read {UNREAD[suffix]}")
    if encoding is not None:
        encoding = checked_encoding(encoding)
    data = read_bytes(path, "a document")
    reader = READERS.get(suffix, "text")
    if reader == "pdf":
        from .pdf import read_pdf

        return read_pdf(str(path), data)
    if reader == "docx":
        from .word import read_docx

        return read_docx(str(path), data)
    if reader == "html":
        from .webpage import read_html

        return read_html(str(path), data, encoding)
    text, used, tool = decode(str(path), data, encoding)
    return DocumentText(str(path), text, "text", used, tool)
