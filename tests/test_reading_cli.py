"""Documents as they come through the command: the audit of a PDF, Word and web-page pair is the
audit of the text pair; spans point into the text as read; reports say how each was read."""

from __future__ import annotations

import hashlib
import io
import json
import re
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pandas as pd
import pytest

import targettrack as tt
from targettrack import cli, report

pdfium = pytest.importorskip("pypdfium2")
pytest.importorskip("selectolax")

from pdf_pages import page_texts  # noqa: E402  (needs pypdfium2)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
DOCUMENTS = ROOT / "tests" / "fixtures" / "documents"
PLAN = "hebei_2025_gov_work_report"
REVIEW = "hebei_2026_gov_work_report"
AS_OF = "2026-06-01"
ERROR_LINE = re.compile(
    r"^(?P<type>[A-Za-z]+): (?P<where>[^:\n]+?)(?::(?P<line>\d+))?: (?P<what>.+)$"
)
SPAN = re.compile(r"[\w.-]+\.(?:txt|pdf|docx|html)\[\d+:\d+\]")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def audit_json(capsys: pytest.CaptureFixture[str], plan: Path, review: Path) -> dict[str, Any]:
    status, out, err = run(capsys, "audit", str(plan), str(review), "--as-of", AS_OF, "-f", "json")
    assert status == 0, err
    data: dict[str, Any] = json.loads(out)
    jsonschema.Draft202012Validator(report.schema()).validate(data)
    return data


def verdicts(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    """What a verdict says, without where its quotes stand (the documents' offsets differ)."""
    out = []
    for verdict in data["verdicts"]:
        goal = verdict["goal"]
        out.append(
            (
                verdict["status"],
                goal["region"],
                goal["metric"],
                goal["period"],
                json.dumps(goal["target"], sort_keys=True),
                "".join(goal["source"]["quote"].split()),
                json.dumps(verdict["achieved"], sort_keys=True),
                SPAN.sub("SPAN", verdict["reason"]),
                tuple("".join(e["source"]["quote"].split()) for e in verdict["evidence"]),
            )
        )
    return out


@pytest.fixture(scope="module")
def text_pair() -> tuple[Path, Path]:
    return CORPUS / f"{PLAN}.txt", CORPUS / f"{REVIEW}.txt"


@pytest.mark.parametrize(
    ("plan", "review"),
    [(f"{PLAN}.pdf", f"{REVIEW}.html"), (f"{PLAN}.docx", f"{REVIEW}.pdf")],
    ids=["pdf-html", "docx-pdf"],
)
def test_the_audit_of_the_converted_pair_is_the_audit_of_the_text_pair(
    capsys: pytest.CaptureFixture[str], text_pair: tuple[Path, Path], plan: str, review: str
) -> None:
    expected = verdicts(audit_json(capsys, *text_pair))
    data = audit_json(capsys, DOCUMENTS / plan, DOCUMENTS / review)
    got = verdicts(data)
    # a real audit: goals of both documents, some of them judged
    assert len(expected) >= 40 and sum(1 for v in expected if v[0] == "met") >= 3
    assert got == expected
    assert len(data["unplaced"]) == len(audit_json(capsys, *text_pair)["unplaced"])


def test_spans_point_into_the_text_as_read_and_pdf_quotes_cite_their_page(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    plan, review = DOCUMENTS / f"{PLAN}.pdf", DOCUMENTS / f"{REVIEW}.html"
    data = audit_json(capsys, plan, review)
    texts = {}
    for path in (plan, review):
        target = tmp_path / f"{path.name}.txt"
        status, _, err = run(capsys, "text", str(path), "-o", str(target))
        assert status == 0, err
        texts[path.name] = target.read_bytes().decode("utf-8")
    sources = {s["doc"]: s for s in data["sources"]}
    for name, text in texts.items():
        assert sources[name]["sha256"] == hashlib.sha256(text.encode("utf-8")).hexdigest()
    assert sources[plan.name]["reader"] == "pdf" and sources[plan.name]["encoding"] is None
    assert sources[review.name]["reader"] == "html"
    assert sources[review.name]["encoding"] == "gb18030"
    assert sources[review.name]["pages"] == [] and len(sources[plan.name]["pages"]) == 8
    pages = page_texts(plan)
    quoted = [v["goal"]["source"] for v in data["verdicts"]]
    quoted += [e["source"] for v in data["verdicts"] for e in v["evidence"]]
    quoted += [u["source"] for u in data["unplaced"]]
    cited = set()
    for source in quoted:
        assert texts[source["doc"]][source["start"] : source["end"]] == source["quote"]
        if source["doc"] == plan.name:
            assert "".join(source["quote"].split())[:4] in pages[source["page"] - 1]
            cited.add(source["page"])
        else:
            assert "page" not in source
    assert len(cited) >= 3


def test_the_reports_record_reader_encoding_and_hash(capsys: pytest.CaptureFixture[str]) -> None:
    plan, review = DOCUMENTS / f"{PLAN}.pdf", DOCUMENTS / f"{REVIEW}.html"
    plan_hash = tt.read_document(plan).sha256
    review_hash = tt.read_document(review).sha256
    args = ["audit", str(plan), str(review), "--as-of", AS_OF]
    status, text, _ = run(capsys, *args)
    assert status == 0
    lines = text.splitlines()
    assert f"  {plan.name}: read as pdf, 8 pages, sha256 {plan_hash}" in lines
    assert f"  {review.name}: read as html, gb18030, sha256 {review_hash}" in lines
    # and who wrote each, with the span every decision rests on
    after = lines[lines.index(f"  {plan.name}: read as pdf, 8 pages, sha256 {plan_hash}") + 1]
    assert re.fullmatch(r"    government 河北 from the congress 河北省 \[\d+:\d+\]", after)
    status, markdown, _ = run(capsys, *args, "-f", "md")
    assert f"| pdf, 8 pages | {plan_hash} | government 河北 from the congress" in markdown
    assert f"| html, gb18030 | {review_hash} | government 河北 from the congress" in markdown
    assert re.search(rf"— {plan.name} p\. \d+ \\\[\d+:\d+\\\]", markdown)
    status, page, _ = run(capsys, *args, "-f", "html")
    assert plan_hash in page and review_hash in page
    assert "year 2026 from the date line" in page
    assert re.search(rf"{plan.name} p\. \d+ \[\d+:\d+\]", page)
    status, csv, _ = run(capsys, *args, "-f", "csv")
    table = pd.read_csv(io.StringIO(csv), keep_default_na=False, na_values=[""])
    from_plan = table[table["source_doc"] == plan.name]
    from_review = table[table["source_doc"] == review.name]
    assert len(from_plan) and len(from_review) and len(from_plan) + len(from_review) == len(table)
    assert set(from_plan["source_sha256"]) == {plan_hash}
    assert set(from_review["source_sha256"]) == {review_hash}
    assert from_plan["source_page"].between(1, 8).all()
    assert from_review["source_page"].isna().all()


def test_a_curated_audit_is_as_before(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "audit", "--as-of", "2026-01-15", "-f", "json")
    assert status == 0
    data = json.loads(out)
    assert all(set(s) == {"doc", "title", "issued", "left_out"} for s in data["sources"])
    assert all("page" not in v["goal"]["source"] for v in data["verdicts"])


# -- targettrack text ---------------------------------------------------------------------------


def test_text_prints_the_text_exactly(capsys: pytest.CaptureFixture[str]) -> None:
    path = DOCUMENTS / f"{PLAN}.pdf"
    document = tt.read_document(path)
    status, out, err = run(capsys, "text", str(path))
    assert status == 0
    assert out == document.text
    assert err.strip() == document.describe()
    assert err.startswith(f"{path.name}: pdf (pypdfium2 ")
    assert f", 8 pages, {len(document.text)} characters, sha256 {document.sha256[:16]}…" in err


def test_text_with_an_encoding(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes("臺灣省政府工作報告\n本年度經濟增長百分之三。\n".encode("big5"))
    status, out, err = run(capsys, "text", str(path), "--encoding", "big5")
    assert (status, out) == (0, "臺灣省政府工作報告\n本年度經濟增長百分之三。\n")
    assert err.startswith("report.txt: text, big5, ")
    status, out, err = run(capsys, "text", str(path), "--encoding", "no-such-codec")
    assert status == 1 and out == ""
    assert err == "ValueError: --encoding: expected an encoding Python knows, got 'no-such-codec'\n"


def test_extract_cites_pages_and_names_the_documents(capsys: pytest.CaptureFixture[str]) -> None:
    path = DOCUMENTS / f"{PLAN}.pdf"
    status, out, _ = run(capsys, "extract", str(path))
    assert status == 0
    data = json.loads(out)
    document = tt.read_document(path)
    identity = tt.extract.identity.identity_to_dict(tt.extract.ingest(path).identity)
    assert data["documents"] == [{**document.to_dict(), "identity": identity}]
    assert (identity["government"], identity["year"], identity["genre"]) == (
        "河北",
        2025,
        "work_report",
    )
    assert data["documents"][0]["pages"] == list(document.pages)
    for statement in data["statements"]:
        source = statement["source"]
        assert document.text[source["start"] : source["end"]] == source["quote"]
        assert source["page"] == document.page_of(source["start"])
    assert tt.extract.statements_from_json(data)[0].source.doc == path.name


def test_a_gbk_file_through_extract_and_audit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, text_pair: tuple[Path, Path]
) -> None:
    plan = tmp_path / "plan.txt"
    plan.write_bytes((CORPUS / f"{PLAN}.txt").read_text(encoding="utf-8").encode("gbk"))
    review = tmp_path / "review.txt"
    review.write_bytes((CORPUS / f"{REVIEW}.txt").read_text(encoding="utf-8").encode("utf-16"))
    data = audit_json(capsys, plan, review)
    assert {s["doc"]: s["encoding"] for s in data["sources"]} == {
        "plan.txt": "gb18030",
        "review.txt": "utf-16",
    }
    assert verdicts(data) == verdicts(audit_json(capsys, *text_pair))


# -- bad input: one line, exit 1, nothing written -------------------------------------------


def mixed_pdf(tmp_path: Path) -> Path:
    merged = pdfium.PdfDocument.new()
    plan = pdfium.PdfDocument(DOCUMENTS / f"{PLAN}.pdf")
    scan = pdfium.PdfDocument(DOCUMENTS / "no_text_layer.pdf")
    merged.import_pages(scan, [0])
    merged.import_pages(plan, [0, 1])
    path = tmp_path / "mixed.pdf"
    merged.save(path)
    for pdf in (merged, plan, scan):
        pdf.close()
    return path


BAD: list[tuple[str, bytes | None, str]] = [
    ("scan.pdf", (DOCUMENTS / "no_text_layer.pdf").read_bytes(), "no text layer: OCR it first"),
    ("locked.pdf", (DOCUMENTS / "encrypted.pdf").read_bytes(), "an encrypted PDF"),
    ("cut.pdf", (DOCUMENTS / f"{PLAN}.pdf").read_bytes()[:9000], "not a readable PDF"),
    ("cut.docx", (DOCUMENTS / f"{PLAN}.docx").read_bytes()[:9000], "not a zip archive"),
    ("menu.html", b"<html><body><nav><a href='/'>home</a></nav></body></html>", "no main text"),
    ("blob.txt", bytes(range(256)) * 16, "undecodable"),
    ("old.doc", b"\xd0\xcf\x11\xe0" + b"\x00" * 100, "cannot read a Word 97–2003 document"),
    ("report.odt", b"PK", "cannot read an OpenDocument text (.odt); save it as .docx"),
    ("notes.md", b"# notes", "expected a curated dataset (.yaml), a folder of them, or a raw"),
]


@pytest.mark.parametrize(("name", "data", "message"), BAD, ids=[b[0] for b in BAD])
@pytest.mark.parametrize("command", ["audit", "extract", "text"])
def test_bad_documents_are_one_line(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    command: str,
    name: str,
    data: bytes,
    message: str,
) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    output = tmp_path / "out.json"
    status, out, err = run(capsys, command, str(path), "-o", str(output))
    if command != "audit" and name == "notes.md":
        # extract and text read a file of any other suffix as text; extract says it found
        # no figure in it
        quiet = "" if command == "text" else f"warning: {path}: no quantified statement found\n"
        assert (status, err) == (0, quiet) and output.exists()
        return
    assert (status, out) == (1, "")
    lines = err.splitlines()
    assert len(lines) == 1, err
    match = ERROR_LINE.match(lines[0])
    assert match is not None and match["type"] == "DataError", lines[0]
    assert match["where"] == str(path)
    assert message in match["what"]
    assert not output.exists()
    assert "Traceback" not in err


def test_pages_without_text_are_named_on_stderr(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = mixed_pdf(tmp_path)
    status, out, err = run(capsys, "text", str(path))
    assert status == 0 and out
    assert err.splitlines()[0] == (
        f"warning: {path}: no text layer on page 1: not read (OCR it first)"
    )


def test_the_core_install_reads_text_and_names_the_extra_for_the_rest(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    text_pair: tuple[Path, Path],
) -> None:
    monkeypatch.setitem(sys.modules, "pypdfium2", None)
    monkeypatch.setitem(sys.modules, "selectolax", None)
    monkeypatch.setitem(sys.modules, "selectolax.lexbor", None)
    assert audit_json(capsys, *text_pair)["summary"]["met"] >= 3
    status, _, err = run(capsys, "audit", str(DOCUMENTS / f"{PLAN}.docx"), str(text_pair[1]))
    assert status == 0, err
    for name in (f"{PLAN}.pdf", f"{REVIEW}.html"):
        path = DOCUMENTS / name
        status, out, err = run(capsys, "audit", str(path))
        assert (status, out) == (1, "")
        assert err.startswith(f"ReaderMissing: {path}: reading it needs ")
        assert err.rstrip().endswith("pip install 'targettrack[formats]'")
        assert len(err.splitlines()) == 1


def test_text_never_writes_over_the_document_it_reads(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    pdf = tmp_path / "plan.pdf"
    pdf.write_bytes((DOCUMENTS / "hebei_2025_gov_work_report.pdf").read_bytes())
    before = pdf.read_bytes()
    status, out, err = run(capsys, "text", str(pdf), "-o", str(pdf))
    assert (status, out) == (1, "")
    assert err == f"OSError: {pdf}: an input of this command; the report would replace it\n"
    assert pdf.read_bytes() == before
