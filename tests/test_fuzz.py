"""Hostile input, fuzzed: quantities, periods, extraction, record files, the command, and the
structure of Word documents and web pages.

The strategies are targettrack.testing's (hostile_texts, number_texts, record_files). The
properties: only the documented exceptions (docs/input.md), every span quotes the text, JSON
is strict (no NaN or Infinity), the extractor's work is bounded (no sentence read at once is
longer than the limit, and a bounded number of quantities is read per character), the command ends
with status 0 and its output, or status 1 and one error line, and a Word document or a web page
nested to any depth and width is read as text or refused with one DataError naming it.
"""

from __future__ import annotations

import contextlib
import io
import json
import math
import re
import tempfile
from pathlib import Path
from typing import Any
from unittest import mock

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import targettrack as tt
from targettrack import cli
from targettrack.dataset import load_document
from targettrack.extract import reader, scan, structure
from targettrack.testing import RECORD_SOURCE, hostile_texts, number_texts, record_files

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ERROR_LINE = re.compile(r"^[A-Za-z]+: \S.*$")


def strict_json(text: str) -> Any:
    def refuse(constant: str) -> None:
        raise AssertionError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


@FUZZ
@given(number_texts())
def test_a_quantity_is_finite_or_a_unit_error(text: str) -> None:
    try:
        value = tt.quantity(text)
    except tt.UnitError as error:
        assert len(str(error)) < 400  # one readable line, however long the text
        return
    assert math.isfinite(value.magnitude)
    assert abs(value.magnitude) <= 1e30 * 1e12  # a number within the limit, times 万亿 at most


@FUZZ
@given(number_texts())
def test_an_amount_is_within_the_limits_or_a_value_error(text: str) -> None:
    try:
        amount = tt.Amount.from_text(text)
    except (tt.UnitError, tt.ValidationError):
        return
    assert amount.value == 0 or 1e-30 <= abs(amount.value) <= 1e30


@FUZZ
@given(
    st.one_of(hostile_texts(60), number_texts().map(lambda t: t + "年"), st.text(max_size=30)),
    st.sampled_from((None, 0, 1, 2025, 9999, 10**6)),
)
def test_a_period_is_in_the_calendar_or_a_period_error(text: str, year: int | None) -> None:
    try:
        period = tt.Period.parse(text, year=year)
    except tt.PeriodError as error:
        assert len(str(error)) < 400
        return
    assert 1 <= period.start_year <= period.end_year <= 9999


def extract(text: str) -> tuple[list[tt.Statement], list[int], int]:
    """The statements of ``text``, the length of each sentence read, the quantities read."""
    lengths: list[int] = []
    reads = [0]
    sentence, read = reader._Reader.sentence, scan._read

    def recording(self: reader._Reader, item: structure.Sentence) -> list[tt.Statement]:
        lengths.append(item.end - item.start)
        return sentence(self, item)

    def counting(*args: Any) -> Any:
        reads[0] += 1
        return read(*args)

    with (
        mock.patch.object(reader._Reader, "sentence", recording),
        mock.patch.object(scan, "_read", counting),
    ):
        statements = tt.extract_statements(text, doc="fuzz.txt")
    return statements, lengths, reads[0]


@FUZZ
@given(hostile_texts())
def test_extraction_never_raises_and_its_work_is_bounded(text: str) -> None:
    statements, lengths, reads = extract(text)
    for statement in statements:
        source = statement.source
        assert 0 <= source.start <= source.end <= len(text)
        assert text[source.start : source.end] == source.quote
    json.dumps(tt.statements_to_json(statements), allow_nan=False)
    assert max(lengths, default=0) <= structure.MAX_SENTENCE
    # a sentence is scanned once; the rest of a clause once more when a count opens it (is it
    # the subject of another figure?); the 16 characters after a count glued to a digit once
    # more (12类45件: a count of kinds): at most 2 + 16 readings per character, never a number
    # growing with the length
    assert reads <= 18 * len(text) + 2


@FUZZ
@given(record_files())
def test_a_record_file_loads_or_is_a_data_error(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "doc.txt").write_text(RECORD_SOURCE, encoding="utf-8")
        path = Path(folder) / "doc.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        try:
            document = load_document(path)
        except tt.DataError as error:
            assert error.path == str(path)
            assert "\n" not in str(error) and len(str(error)) < 1000
            assert "__line__" not in str(error) or "'__line__'" in str(error)
            return
    for record in [*document.goals, *document.outcomes]:
        assert isinstance(record.note, str)
        assert math.isfinite(record.source.start)


def command(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = cli.main(argv)
    return status, out.getvalue(), err.getvalue()


def check_command(argv: list[str]) -> None:
    status, out, err = command(argv)
    if status == 0:
        data = strict_json(out)
        assert len(data["verdicts"]) == len({v["goal"]["id"] for v in data["verdicts"]})
        return
    assert status == 1
    lines = [line for line in err.splitlines() if not line.startswith("warning: ")]
    assert len(lines) == 1 and ERROR_LINE.match(lines[0]), err
    assert out == ""


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(record_files())
def test_the_command_on_a_record_file_is_a_report_or_one_line(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "doc.txt").write_text(RECORD_SOURCE, encoding="utf-8")
        path = Path(folder) / "doc.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        check_command(["audit", str(path), "-f", "json", "--as-of", "2026-01-01"])


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(hostile_texts(), st.sampled_from(("浙江", "")))
def test_the_command_on_a_raw_text_is_a_report_or_one_line(text: str, region: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.txt"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        argv = ["audit", str(path), "-f", "json", "--as-of", "2026-01-01"]
        check_command([*argv, "--region", region] if region else argv)


def loaded(path: Path, *, pure: bool) -> tuple[str, Any]:
    """What load_yaml makes of ``path``: the data with every mapping's lines, or the error's
    file and line."""
    from targettrack._files import YamlMapping, load_yaml

    def lines(value: Any) -> Any:
        if isinstance(value, YamlMapping):
            items = {str(k): lines(v) for k, v in value.items()}
            return ("mapping", value.line, sorted(map(str, value.key_lines.items())), items)
        if isinstance(value, list):
            return [lines(v) for v in value]
        return value

    try:
        return "data", lines(load_yaml(path, _pure=pure))
    except tt.DataError as error:
        return "error", (error.path, error.line)


def test_the_c_loader_is_used_where_pyyaml_has_it() -> None:
    import yaml

    from targettrack import _files

    if yaml.__with_libyaml__:
        assert issubclass(_files._LineLoader, yaml.CSafeLoader)


@FUZZ
@given(record_files())
def test_the_c_and_the_pure_loader_agree_on_data_and_lines(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.yaml"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        c_kind, c_result = loaded(path, pure=False)
        pure_kind, pure_result = loaded(path, pure=True)
    assert c_kind == pure_kind
    if c_kind == "data":
        assert c_result == pure_result
    else:
        # both refuse the file, each at a line of it; not always the same line: libyaml
        # places a syntax error at the end of a file cut short one line later, and of two
        # errors it may meet a parsing one (a bad escape) before a construction one (a key
        # given twice) that the pure loader meets first
        assert c_result[0] == pure_result[0]
        assert c_result[1] is not None and pure_result[1] is not None


def test_the_loaders_agree_on_the_shipped_files() -> None:
    root = Path(__file__).resolve().parent.parent
    files = [*root.glob("seeds/*.yaml"), root / "src/targettrack/data/catalog/common.yaml"]
    assert len(files) >= 6
    for path in files:
        assert loaded(path, pure=False) == loaded(path, pure=True)


# -- the structure of Word documents and web pages ------------------------------------------------

#: Elements a Word body nests: content controls, tables, hyperlinks, smart tags, tracked changes,
#: fields, text boxes (each with the element that must hold the next one).
WORD_NESTS = (
    ("<w:sdt><w:sdtContent>", "</w:sdtContent></w:sdt>"),
    ("<w:tbl><w:tr><w:tc>", "</w:tc></w:tr></w:tbl>"),
    ("<w:p><w:hyperlink>", "</w:hyperlink></w:p>"),
    ("<w:smartTag>", "</w:smartTag>"),
    ("<w:ins>", "</w:ins>"),
    ("<w:del>", "</w:del>"),
    ("<w:fldSimple>", "</w:fldSimple>"),
    ("<w:customXml>", "</w:customXml>"),
    ("<w:p><w:r><w:pict><w:txbxContent>", "</w:txbxContent></w:pict></w:r></w:p>"),
)
HTML_TAGS = (
    *("div", "p", "span", "b", "i", "a", "font", "table", "tr", "td", "li", "ul", "section"),
    *("h1", "form", "em", "strong", "blockquote", "center", "article", "header", "footer"),
    *("dl", "dd", "dt", "pre", "button", "select", "option", "svg", "math", "template"),
    *("noscript", "nav", "small", "sup", "caption", "object", "marquee", "label", "br"),
)
FUZZ_SENTENCE = "全省地区生产总值增长5.2%，规模以上工业增加值增长6.1%，增速均高于全国。"


def read_or_refuse(path: Path) -> None:
    """What the reading layer promises for any file: its text, or one DataError naming it."""
    try:
        document = tt.read_document(path)
    except tt.DataError as error:
        assert error.path == str(path)
        assert "\n" not in str(error) and len(str(error)) < 1000
        return
    assert isinstance(document.text, str)
    document.text.encode("utf-8")  # Unicode text: it can be written and hashed


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(WORD_NESTS), min_size=1, max_size=6),
    st.integers(0, 3000),
    st.integers(1, 40),
    st.booleans(),
    st.sampled_from(("zip", "stored")),
)
@example([WORD_NESTS[0]], 3000, 1, True, "zip")  # docx_deep_sdt_500.docx, and deeper
def test_a_word_document_of_any_nesting_reads_or_is_a_data_error(
    nests: list[tuple[str, str]], depth: int, width: int, with_text: bool, method: str
) -> None:
    import zipfile

    run = f"<w:r><w:t>{FUZZ_SENTENCE}</w:t></w:r>"
    text = f"<w:p>{run}</w:p>" if with_text else ""
    opened = [nests[level % len(nests)] for level in range(depth)]
    inner = "".join(start + text for start, _ in opened)
    inner += f"<w:p>{run}</w:p>" * width + "".join(end for _, end in reversed(opened))
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.'
        f'openxmlformats.org/wordprocessingml/2006/main"><w:body>{inner}</w:body></w:document>'
    )
    rels = (
        '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/'
        'officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
        "</Relationships>"
    )
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "nested.docx"
        compression = zipfile.ZIP_DEFLATED if method == "zip" else zipfile.ZIP_STORED
        with zipfile.ZipFile(path, "w", compression) as archive:
            archive.writestr("_rels/.rels", rels)
            archive.writestr("word/document.xml", xml)
        read_or_refuse(path)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.lists(st.sampled_from(HTML_TAGS), min_size=1, max_size=8),
    st.integers(0, 3000),
    st.integers(1, 40),
    st.booleans(),
    st.booleans(),
)
@example(["div"], 3000, 1, True, True)  # html_nested_div_text_1000.html, and deeper
@example(["p", "b"], 3000, 1, False, True)  # html_nested_b_1000.html, and deeper
@example(["form", "div"], 1000, 1, True, False)  # a tree twice as deep as the parser's stack
def test_a_web_page_of_any_nesting_reads_or_is_a_data_error(
    tags: list[str], depth: int, width: int, with_text: bool, closed: bool
) -> None:
    opened = [tags[level % len(tags)] for level in range(depth)]
    text = FUZZ_SENTENCE if with_text else ""
    inner = "".join(f"<{tag}>{text}" for tag in opened)
    inner += f"<p>{FUZZ_SENTENCE}</p>" * width
    if closed:
        inner += "".join(f"</{tag}>" for tag in reversed(opened))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "nested.html"
        path.write_text(f"<html><body>{inner}</body></html>", encoding="utf-8")
        read_or_refuse(path)
