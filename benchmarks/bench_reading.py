"""Benchmark of reading documents: targettrack's readers against the bare library call.

    .venv/bin/python benchmarks/bench_reading.py [--copies 10] [--repeat 3]

On the documents of tests/fixtures/documents (the Hebei pair as PDF, Word and web page), each
repeated ``--copies`` times into one larger document (the PDF's pages imported again, the Word
body and the page's paragraphs repeated), and on the same text as GBK, it times in the same run:

* targettrack: ``targettrack.read_document`` (lines, running headers and re-joining for a
  PDF; paragraphs and tables for Word; the main content for a web page; detection for GBK);
* the floor: the least the library does to give any text at all — PDFium's text of every
  page (``get_text_range``), the ``w:t`` elements of the Word body (ElementTree), selectolax's
  text of the body, ``bytes.decode("gb18030")``.

It prints the best of ``--repeat`` runs of each, in milliseconds, and their ratio (how many
times the floor targettrack's reading takes). Needs the ``formats`` extra. Not collected by
pytest (run on demand).
"""

from __future__ import annotations

import argparse
import io
import re
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path
from xml.etree import ElementTree

import pypdfium2 as pdfium
from selectolax.lexbor import LexborHTMLParser

import targettrack as tt

DOCUMENTS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "documents"
PLAN = "hebei_2025_gov_work_report"
REVIEW = "hebei_2026_gov_work_report"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def best(work: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return min(times) * 1000


def bigger_pdf(folder: Path, copies: int) -> Path:
    source = pdfium.PdfDocument(DOCUMENTS / f"{PLAN}.pdf")
    merged = pdfium.PdfDocument.new()
    for _ in range(copies):
        merged.import_pages(source)
    path = folder / "plan.pdf"
    merged.save(path)
    merged.close()
    source.close()
    return path


def bigger_docx(folder: Path, copies: int) -> Path:
    data = (DOCUMENTS / f"{PLAN}.docx").read_bytes()
    source = zipfile.ZipFile(io.BytesIO(data))
    xml = source.read("word/document.xml").decode("utf-8")
    head, rest = xml.split("<w:body>", 1)
    body, tail = rest.rsplit("<w:sectPr", 1)
    xml = head + "<w:body>" + body * copies + "<w:sectPr" + tail
    path = folder / "plan.docx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = xml.encode("utf-8") if info.filename == "word/document.xml" else None
            target.writestr(info.filename, content or source.read(info.filename))
    return path


def bigger_html(folder: Path, copies: int) -> Path:
    page = (DOCUMENTS / f"{REVIEW}.html").read_bytes().decode("gbk")
    match = re.search(r'(<div class="content" id="zoom">)(.*?)(\n  </div>)', page, re.S)
    assert match is not None
    page = page[: match.start(2)] + match.group(2) * copies + page[match.end(2) :]
    path = folder / "review.html"
    path.write_bytes(page.encode("gbk"))
    return path


def pdf_floor(path: Path) -> None:
    pdf = pdfium.PdfDocument(path)
    for index in range(len(pdf)):
        pdf[index].get_textpage().get_text_range()
    pdf.close()


def docx_floor(path: Path) -> None:
    with zipfile.ZipFile(path) as archive:
        root = ElementTree.fromstring(archive.read("word/document.xml"))
    "".join(element.text or "" for element in root.iter(f"{W}t"))


def html_floor(path: Path) -> None:
    body = LexborHTMLParser(path.read_bytes().decode("gb18030")).body
    assert body is not None
    body.text()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--copies", type=int, default=10, help="copies of each document")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each, the best kept")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        text = (DOCUMENTS.parent.parent.parent / "corpus" / f"{PLAN}.txt").read_text("utf-8")
        gbk = folder / "plan.txt"
        gbk.write_bytes((text * args.copies).encode("gbk"))
        cases = [
            ("PDF", bigger_pdf(folder, args.copies), pdf_floor),
            ("Word", bigger_docx(folder, args.copies), docx_floor),
            ("web page", bigger_html(folder, args.copies), html_floor),
            ("GBK text", gbk, lambda path: path.read_bytes().decode("gb18030")),
        ]
        print(f"{'document':<10} {'characters':>10} {'targettrack ms':>15} {'floor ms':>9} ratio")
        for label, path, floor in cases:
            characters = len(tt.read_document(path).text)
            ours = best(lambda path=path: tt.read_document(path), args.repeat)
            bare = best(lambda path=path, floor=floor: floor(path), args.repeat)
            print(f"{label:<10} {characters:>10} {ours:>15.1f} {bare:>9.1f} {ours / bare:5.1f}")


if __name__ == "__main__":
    main()
