"""What could be known on a date: an audit as of D draws only on documents issued by D.

For each seed document, the day before its issue date, the day itself and the day after: the
document is left out exactly when it was not yet issued, and no verdict cites anything of a
document issued later — not as the goal, not as evidence, not in its reason.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import targettrack as tt
from targettrack import cli
from targettrack.extract import issue_date

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def dataset() -> tt.Dataset:
    return tt.load_dataset(SEEDS)


def _dates() -> dict[str, dt.date]:
    dates = {}
    for document in tt.load_dataset(SEEDS):
        assert document.issued is not None, document.name
        dates[document.name] = document.issued
    return dates


BOUNDARIES = [
    pytest.param(name, date + dt.timedelta(days=shift), id=f"{name[:3]}{shift:+d}")
    for name, date in sorted(_dates().items())
    for shift in (-1, 0, 1)
]


@pytest.mark.parametrize(("name", "as_of"), BOUNDARIES)
def test_an_audit_cites_nothing_issued_after_its_date(
    dataset: tt.Dataset, name: str, as_of: dt.date
) -> None:
    dates = {d.name: d.issued for d in dataset}
    later = {doc for doc, date in dates.items() if date is not None and date > as_of}
    assert (name in later) is (as_of < dates[name])
    result = tt.audit_dataset(dataset, as_of)
    assert {d.name for d in result.left_out} == later
    assert result.undated == ()
    judged = [v.goal for v in result.verdicts]
    assert judged == [g for g in dataset.goals if g.source.doc not in later]
    assert list(result.left_out_goals) == [g for g in dataset.goals if g.source.doc in later]
    assert all(o.source.doc not in later for o in result.outcomes)
    assert len(result.outcomes) + len(result.left_out_outcomes) == len(dataset.outcomes)
    for verdict in result.verdicts:
        cited = {verdict.goal.source.doc, *(o.source.doc for o in verdict.evidence)}
        for year in verdict.years:
            cited |= {o.source.doc for o in year.evidence}
        assert not cited & later, (verdict.goal.id, verdict.reason)
        assert not any(doc in verdict.reason for doc in later), verdict.reason


def test_an_audit_before_every_document_judges_nothing(dataset: tt.Dataset) -> None:
    result = tt.audit_dataset(dataset, dt.date(1, 1, 1))
    assert result.verdicts == ()
    assert len(result.left_out) == len(dataset.documents)
    assert len(result.left_out_goals) == len(dataset.goals)


def test_outcomes_reported_later_do_not_decide_an_earlier_audit(dataset: tt.Dataset) -> None:
    # 001 (2022-08-30) sets 每年…“浙江制造精品”300项; 003 (2024-12-31) reports 302项 for
    # 2024 and 000 (2025-12-31) 322项 for 2025. As of 2025-06-30 only 2024 is known.
    goal = next(g for g in dataset.goals if g.metric == "zhejiang_made_premium_products_new")
    before = tt.audit_dataset(dataset, dt.date(2025, 6, 30)).verdict(goal.id)
    after = tt.audit_dataset(dataset, dt.date(2026, 1, 1)).verdict(goal.id)
    assert {o.source.doc for o in before.evidence} == {"003_6bc1b6faa40d64d0.txt"}
    assert "322" not in before.reason and "322" in after.reason


def test_a_document_of_unknown_date_is_named_and_makes_its_verdicts_provisional(
    dataset: tt.Dataset,
) -> None:
    documents = [
        tt.SourceDocument(d.name, d.title, None if d.name.startswith("000_") else d.issued)
        for d in dataset
    ]
    result = tt.audit(dataset.goals, dataset.outcomes, dt.date(2026, 11, 22), documents=documents)
    assert result.undated == ("000_6faf6b9d7d4512a8.txt",)
    citing = [
        v
        for v in result.verdicts
        if any(o.source.doc == "000_6faf6b9d7d4512a8.txt" for o in v.evidence)
    ]
    assert citing and all(v.provisional for v in citing)
    dated = tt.audit_dataset(dataset, dt.date(2026, 11, 22))
    assert any(not dated.verdict(v.goal.id).provisional for v in citing)
    # a record whose document is not among the documents described has no date either
    partial = tt.audit(
        dataset.goals, dataset.outcomes, dt.date(2026, 11, 22), documents=documents[1:]
    )
    assert partial.undated == ("000_6faf6b9d7d4512a8.txt",)


def test_without_documents_every_record_is_taken_as_published(dataset: tt.Dataset) -> None:
    result = tt.audit(dataset.goals, dataset.outcomes, dt.date(2000, 1, 1))
    assert len(result.verdicts) == len(dataset.goals)
    assert (result.left_out, result.undated) == ((), ())


# -- the date a raw document gives -----------------------------------------------------------


def test_the_date_line_of_a_signed_document() -> None:
    text = (SEEDS / "001_e9ac55c77d2d7d2f.txt").read_text(encoding="utf-8")
    # ２０２２ 年 ８ 月 ３０ 日 under the signature; …２０２２ 年 ８ 月 ３１ 日印发 is the printing
    assert issue_date(text) == dt.date(2022, 8, 30)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("某某规划\n（二〇二三年十二月三十一日）\n正文2025年达到15%。", dt.date(2023, 12, 31)),
        ("正文。\n某省人民政府\n2021年1月5日\n", dt.date(2021, 1, 5)),
        (
            "2025年江苏省政府工作报告\n2025年1月19日在江苏省第十四届人民代表大会第三次会议上\n各位代表:",
            dt.date(2025, 1, 19),
        ),
        ("正文提到2021年1月5日召开会议。\n", None),
        ("某省人民政府办公厅 2022年8月31日印发\n", None),
        ("2021年13月5日\n", None),
    ],
)
def test_a_date_is_read_from_a_header_or_a_date_line(text: str, date: dt.date | None) -> None:
    assert issue_date(text) == date


#: The corpus's reports copied without their header: no date anywhere in the text
_UNDATED = {"national_2011_gov_work_report.txt", "national_2016_gov_work_report.txt"}


def test_work_reports_of_the_corpus_are_dated() -> None:
    corpus = Path(__file__).resolve().parents[1] / "corpus"
    for path in sorted(corpus.glob("*_gov_work_report.txt")):
        date = issue_date(path.read_text(encoding="utf-8"))
        if path.name in _UNDATED:
            assert date is None, path.name
            continue
        assert date is not None, path.name
        assert str(date.year) in path.name, path.name


# -- the command --------------------------------------------------------------------------------


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_the_command_says_what_it_left_out(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = _run(capsys, "audit", "--as-of", "2023-01-01")
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].startswith("61 goals as of 2023-01-01")
    assert lines[1].startswith("5 documents (3 left out)")
    assert lines[2].startswith("left out, issued after 2023-01-01: 000_6faf6b9d7d4512a8.txt")
    status, out, err = _run(capsys, "audit", "--as-of", "2023-01-01", "--format", "json")
    data = json.loads(out)
    assert data["left_out"] == [
        "000_6faf6b9d7d4512a8.txt",
        "003_6bc1b6faa40d64d0.txt",
        "004_071ef4cc225e6f34.txt",
    ]
    assert all(v["goal"]["source"]["doc"] not in data["left_out"] for v in data["verdicts"])


def test_a_raw_document_without_a_date_is_named_and_issued_gives_it_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    plan, review = SEEDS / "001_e9ac55c77d2d7d2f.txt", SEEDS / "000_6faf6b9d7d4512a8.txt"
    argv = ["audit", str(plan), str(review), "--as-of", "2026-01-15", "--format", "json"]
    status, out, err = _run(capsys, *argv)
    assert status == 0
    assert err.splitlines() == [
        "warning: 000_6faf6b9d7d4512a8.txt: no issue date known (no header or date line, no "
        "'issued'); pass --issued 000_6faf6b9d7d4512a8.txt=YYYY-MM-DD — verdicts citing it "
        "are provisional"
    ]
    data = json.loads(out)
    assert data["undated"] == ["000_6faf6b9d7d4512a8.txt"]
    assert [s["issued"] for s in data["sources"]] == ["2022-08-30", None]
    citing = [
        v for v in data["verdicts"] if any(e["source"]["doc"] == review.name for e in v["evidence"])
    ]
    assert citing and all(v["provisional"] for v in citing)
    # dated on the command line, the report is left out before its date
    status, out, err = _run(capsys, *argv, f"--issued={review.name}=2026-01-20")
    assert (status, err) == (0, "")
    data = json.loads(out)
    assert data["left_out"] == [review.name]
    assert all(not v["evidence"] for v in data["verdicts"])


def test_issued_must_name_a_document(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = _run(capsys, "audit", "--issued", "nothing.txt=2025-01-01")
    assert status == 1
    assert err.startswith("DataError: nothing.txt: --issued names no document of the audit")
    status, _, err = _run(capsys, "audit", "--issued", "2025-01-01")
    assert status == 1
    assert err.startswith("UsageError: targettrack audit: argument --issued: expected ")
    assert "FILE=YYYY-MM-DD, got '2025-01-01'" in err
