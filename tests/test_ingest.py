"""One way in: the command line's single-file audit and the corpus read a document through the
same function and get the same goals, outcomes, dates and warnings; a headerless report is
judged; a review that does not name its government takes its plan's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from targettrack import cli
from targettrack.corpus import DocumentEntry, read_corpus_document
from targettrack.extract.ingest import ingest_documents
from targettrack.match import audit
from targettrack.testing import without_header

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.mark.parametrize("pair", ["shaanxi", "guangxi"])
def test_the_single_file_and_corpus_routes_agree_on_every_field(pair: str) -> None:
    files = [str(CORPUS / f"{pair}_{year}_gov_work_report.txt") for year in (2025, 2026)]
    single = cli.load_inputs(files)
    documents = [read_corpus_document(DocumentEntry(f, Path(f).name)) for f in files]
    assert single.goals == [g for d in documents for g in d.goals]
    assert single.outcomes == [o for d in documents for o in d.outcomes]
    assert single.unplaced == [u for d in documents for u in d.unplaced]
    assert [d.issued for d in single.documents] == [d.delivered for d in documents]
    assert [d.identity for d in single.documents] == [d.source.identity for d in documents]
    read = ingest_documents([Path(f) for f in files])
    assert [str(n) for r in read for n in r.notices] == [w for d in documents for w in d.warnings()]


def _judged(plan: str, review: str, tmp_path: Path) -> list[tuple[str, str]]:
    (tmp_path / "plan.txt").write_text(plan, encoding="utf-8")
    (tmp_path / "review.txt").write_text(review, encoding="utf-8")
    read = ingest_documents([tmp_path / "plan.txt", tmp_path / "review.txt"])
    goals = [g for r in read if r.name == "plan.txt" for g in r.goals]
    result = audit(goals, [o for r in read for o in r.outcomes], dt.date(2023, 12, 31))
    return sorted((v.goal.source.quote, v.status.value) for v in result.verdicts)


def test_a_headerless_national_pair_is_judged(tmp_path: Path) -> None:
    plan, review = (
        (CORPUS / f"national_{year}_gov_work_report.txt").read_text(encoding="utf-8")
        for year in (2022, 2023)
    )
    headerless = _judged(without_header(plan), without_header(review), tmp_path)
    assert sum(status != "unreported" for _, status in headerless) >= 5
    assert headerless == _judged(plan, review, tmp_path)


def test_a_review_that_does_not_name_its_government_takes_the_plans(tmp_path: Path) -> None:
    plan = "2025年某某省政府工作报告\n各位代表:\n二、2025年主要目标\n城镇新增就业120万人以上。\n"
    review = "各位代表:\n现在，我代表省人民政府向大会报告工作。\n一、2025年工作回顾\n城镇新增就业128万人。\n"
    (tmp_path / "plan.txt").write_text(plan, encoding="utf-8")
    (tmp_path / "review.txt").write_text(review, encoding="utf-8")
    plan_read, review_read = ingest_documents([tmp_path / "plan.txt", tmp_path / "review.txt"])
    assert review_read.identity.government == "某某"
    assert (
        str(review_read.identity.why("government"))
        == "government 某某 from the other document of the pair"
    )
    [verdict] = audit(plan_read.goals, review_read.outcomes, dt.date(2026, 12, 31)).verdicts
    assert verdict.status.value == "met"


def test_no_corpus_report_has_a_conflict_of_identity() -> None:
    from targettrack.extract import identify

    for path in sorted(CORPUS.glob("*.txt")):
        told = identify(path.read_text(encoding="utf-8"))
        assert told.conflicts == (), path.name
