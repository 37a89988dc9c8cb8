"""The characters on each page of a PDF, for tests to find a page's text in.

PDFium's own text of a page leaves out a text object whose glyphs have no outline on this
machine (a lone ``。`` in a CJK font the file does not embed, where no CJK font is installed);
the reader keeps it, and so does this reference: it is the text page the reader reads.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium

from targettrack.extract.pdf import _textpage


def page_texts(path: Path) -> list[str]:
    """Each page's characters, white space removed."""
    pdf = pdfium.PdfDocument(path)
    try:
        texts = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = _textpage(page, pdfium.raw)
            texts.append("".join(textpage.get_text_range().split()))
            textpage.close()
            page.close()
        return texts
    finally:
        pdf.close()
