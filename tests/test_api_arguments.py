"""The public functions check their arguments where they come in: a wrong type is
``tt.ArgumentError`` naming the argument and what it must be, before any work — not an
AttributeError from deep inside, nor (for a text where a list was meant) a walk over its
characters. Each call here raised a builtin error, or was silently accepted, before."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import targettrack as tt
from targettrack import report
from targettrack.corpus import DocumentEntry, corpus_entries

DATASET = tt.load_dataset()
GOAL, OUTCOME = DATASET.goals[0], DATASET.outcomes[0]
DAY = dt.date(2026, 1, 1)
TEXT = "2025年江苏省政府工作报告\n地区生产总值增长5%左右。"

CALLS: list[tuple[str, Callable[[], Any], str]] = [
    ("audit goals text", lambda: tt.audit("x", [], DAY), "'goals' must be an iterable of goals"),
    ("audit goals None", lambda: tt.audit(None, [], DAY), "'goals' must be an iterable of"),
    ("audit outcomes", lambda: tt.audit([], None, DAY), "'outcomes' must be an iterable of"),
    ("audit goal None", lambda: tt.audit([None], [], DAY), "'goals[0]' must be a Goal (got None)"),
    ("audit swapped", lambda: tt.audit([OUTCOME], [GOAL], DAY), "'goals[0]' must be a Goal"),
    ("audit dict", lambda: tt.audit([{"id": "x"}], [], DAY), "'goals[0]' must be a Goal"),
    ("audit outcome", lambda: tt.audit([GOAL], [None], DAY), "'outcomes[0]' must be an Outcome"),
    (
        "audit as_of text",
        lambda: tt.audit(DATASET.goals, DATASET.outcomes, "2026-01-01"),  # type: ignore[arg-type]
        "'as_of' must be a date (datetime.date, without a time) (got '2026-01-01')",
    ),
    (
        "audit as_of datetime",
        lambda: tt.audit([], [], dt.datetime(2026, 1, 1, 12)),
        "'as_of' must be a date (datetime.date, without a time) (got datetime.datetime(",
    ),
    ("audit as_of int", lambda: tt.audit([], [], 20260101), "'as_of' must be a date"),
    ("audit catalog", lambda: tt.audit([], [], DAY, catalog="x"), "'catalog' must be a Catalog"),
    ("audit_dataset as_of", lambda: tt.audit_dataset(DATASET, "2026"), "'as_of' must be a date"),
    ("audit_dataset", lambda: tt.audit_dataset(None), "'dataset' must be a Dataset"),
    ("from_year None", lambda: tt.Period.from_year(None), "'year' must be a year (an int"),
    ("from_year text", lambda: tt.Period.from_year("2025"), "'year' must be a year (an int"),
    ("from_year True", lambda: tt.Period.from_year(True), "'year' must be a year (an int"),
    ("extract None", lambda: tt.extract_statements(None), "'text' must be a text (str)"),
    ("extract bytes", lambda: tt.extract_statements(b"x"), "'text' must be a text (str)"),
    ("extract year text", lambda: tt.extract_statements(TEXT, year="2025"), "'year' must be a"),
    ("extract year -5", lambda: tt.extract_statements(TEXT, year=-5), "'year' must be a year from"),
    ("extract year huge", lambda: tt.extract_statements(TEXT, year=10**30), "'year' must be a"),
    ("extract region", lambda: tt.extract_statements(TEXT, region=["江苏"]), "'region' must be"),
    ("extract catalog", lambda: tt.extract_statements(TEXT, catalog="x"), "'catalog' must be"),
    ("extract doc", lambda: tt.extract_statements(TEXT, doc=123), "'doc' must be the name"),
    ("load_document None", lambda: tt.load_document(None), "'path' must be a path"),
    ("load_document bytes", lambda: tt.load_document(b"x"), "'path' must be a path"),
    ("load_dataset int", lambda: tt.load_dataset(123), "'paths' must be a list of paths"),
    ("load_gold None", lambda: tt.load_gold(None), "'path' must be a path"),
    ("audit_corpus text", lambda: tt.audit_corpus("./corpus"), "'paths' must be a list of paths"),
    ("audit_corpus None", lambda: tt.audit_corpus([None]), "'paths[0]' must be a path"),
    (
        "audit_corpus as_of",
        lambda: tt.audit_corpus([], as_of="2026-01-01"),
        "'as_of' must be a date",
    ),
    ("audit_corpus jobs", lambda: tt.audit_corpus([], jobs="2"), "'jobs' must be a number of"),
    ("read_corpus jobs 0", lambda: list(tt.read_corpus([], jobs=0)), "'jobs' must be a number"),
    ("read_corpus jobs 1.5", lambda: list(tt.read_corpus([], jobs=1.5)), "'jobs' must be a"),
    ("read_corpus entries", lambda: list(tt.read_corpus(["a.txt"])), "'entries[0]' must be a"),
    ("read_corpus year", lambda: list(tt.read_corpus([], year="2025")), "'year' must be a"),
    ("pair_documents text", lambda: tt.pair_documents("x"), "'documents' must be an iterable"),
    ("pair_documents goal", lambda: tt.pair_documents([GOAL]), "'documents[0]' must be a Corpus"),
    ("audit_documents", lambda: tt.audit_documents([None]), "'documents[0]' must be a CorpusDoc"),
    ("format_quantity", lambda: tt.format_quantity("万元"), "'value' must be a quantity"),
    ("Catalog.from_files", lambda: tt.Catalog.from_files("x"), "'paths' must be a list of paths"),
    ("to_records None", lambda: tt.to_records(None), "'statements' must be an iterable"),
    ("to_records [1]", lambda: tt.to_records([1]), "'statements[0]' must be a Statement (got 1)"),
    ("statements_to_json", lambda: tt.statements_to_json([1]), "'statements[0]' must be a"),
    ("statements_to_yaml", lambda: tt.statements_to_yaml(None), "'statements' must be an"),
    ("history goals", lambda: tt.history(None, [], documents=[]), "'goals' must be an iterable"),
    ("history until", lambda: tt.history([], [], documents=[], until="x"), "'until' must be a"),
    ("history_dataset", lambda: tt.history_dataset(None), "'dataset' must be a Dataset"),
    ("evaluate None", lambda: tt.evaluate_extraction(None, {}), "'statements' must be an"),
    ("evaluate gold", lambda: tt.evaluate_extraction([], [1]), "'gold[0]' must be a GoldItem"),
    ("to_json", lambda: report.to_json(None), "'audit' must be an Audit (tt.audit) (got None)"),
    ("to_html", lambda: report.to_html(None, None), "'audit' must be an Audit"),
    ("to_csv", lambda: report.to_csv(None), "'audit' must be an Audit"),
    ("to_text", lambda: report.to_text("x"), "'audit' must be an Audit"),
    ("render", lambda: report.render(None, "json"), "'audit' must be an Audit"),
    (
        "render format",
        lambda: report.render(tt.audit([], [], DAY), "pdf", {}),
        "'format' must be one of text, html, md, json, csv (got 'pdf')",
    ),
]


@pytest.mark.parametrize(("call", "message"), [c[1:] for c in CALLS], ids=[c[0] for c in CALLS])
def test_a_wrong_argument_is_an_argument_error_naming_it(
    call: Callable[[], Any], message: str
) -> None:
    with pytest.raises(tt.ArgumentError, match="^" + re.escape(message)):
        call()


def test_an_argument_error_is_a_type_error_and_a_value_error() -> None:
    with pytest.raises(TypeError):
        tt.audit("x", [])
    with pytest.raises(ValueError):
        tt.audit("x", [])


def test_a_corpus_folder_given_as_a_text_is_not_walked(tmp_path: Path) -> None:
    # a text is one path, not a list of them: "./corpus" was read as ".", "/", "c", … and
    # "/" walked
    with pytest.raises(tt.ArgumentError, match=r"for one: \[path\]"):
        tt.audit_corpus(str(tmp_path))


def test_a_folder_is_no_record_file(tmp_path: Path) -> None:
    with pytest.raises(tt.DataError, match="a folder, not a record file"):
        tt.load_document(tmp_path)


def test_iterators_and_paths_are_still_taken(tmp_path: Path) -> None:
    # what the checks take: any iterable of the right items (read once), str or Path
    result = tt.audit(iter(DATASET.goals), iter(DATASET.outcomes), DAY)
    assert result == tt.audit(DATASET.goals, DATASET.outcomes, DAY)
    (tmp_path / "plan.txt").write_text(TEXT, encoding="utf-8")
    entries = corpus_entries([tmp_path])
    assert entries == [DocumentEntry(str(tmp_path / "plan.txt"), "plan.txt")]
    assert tt.Period.from_year(2025) == tt.Period.parse("2025年")
