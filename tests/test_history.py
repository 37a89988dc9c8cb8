"""Verdicts through time: every goal judged again on each date a document was issued."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from pathlib import Path

import jsonschema
import pytest

import targettrack as tt
from report_cases import parse
from targettrack import cli, report

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
UNTIL = dt.date(2026, 12, 31)


@pytest.fixture(scope="module")
def dataset() -> tt.Dataset:
    return tt.load_dataset(SEEDS)


@pytest.fixture(scope="module")
def history(dataset: tt.Dataset) -> tt.History:
    return tt.history_dataset(dataset, until=UNTIL)


def test_one_date_per_issue_date_and_every_goal_once(
    dataset: tt.Dataset, history: tt.History
) -> None:
    issued = sorted({d.issued for d in dataset if d.issued is not None})
    assert list(history.dates) == [*issued, UNTIL]
    goals = list(history)
    assert [g.goal for g in goals] == list(dataset.goals)
    dates = {d.name: d.issued for d in dataset}
    for goal in goals:
        assert [p.date for p in goal.points] == list(history.dates)
        for point in goal.points:
            # set from the day its plan is issued, and judged on what was published by then
            assert (point.verdict is None) is (point.date < dates[goal.goal.source.doc])
            if point.verdict is not None:
                for outcome in point.verdict.evidence:
                    assert dates[outcome.source.doc] <= point.date


def test_each_date_is_the_audit_as_of_that_date(dataset: tt.Dataset, history: tt.History) -> None:
    for result in history.audits:
        alone = tt.audit_dataset(dataset, result.as_of)
        assert alone.verdicts == result.verdicts


def test_a_share_target_is_provisional_after_three_quarters_and_decided_after_the_year(
    history: tt.History,
) -> None:
    # 001 (2022): 数字经济核心产业增加值占比达到15% by 2025; 000 (issued 2025-12-31):
    # 前三季度…占GDP比重13.6%
    goal = history.goal("001-zj-2025-digital-core-share")
    by_date = {p.date: p.verdict for p in goal.points}
    assert by_date[dt.date(2020, 12, 31)] is None
    assert by_date[dt.date(2024, 12, 31)] is not None
    assert not by_date[dt.date(2024, 12, 31)].evidence
    at_report = by_date[dt.date(2025, 12, 31)]
    assert at_report is not None
    assert at_report.status is tt.Status.UNREPORTED and at_report.not_yet_due
    assert at_report.provisional and at_report.coverage == pytest.approx(0.75)
    after = by_date[UNTIL]
    assert after is not None and after.status is tt.Status.MISSED and after.provisional
    assert [p.date for p in goal.changes] == [dt.date(2022, 8, 30), dt.date(2025, 12, 31), UNTIL]


def test_a_recurring_goal_is_met_once_its_first_year_is_reported(history: tt.History) -> None:
    # 每年培育“浙江制造精品”300项: 302项 for 2024 (003, 2024-12-31), 322项 for 2025 (000)
    goal = history.goal("001-zj-2025-premium-products")
    statuses = [None if p.verdict is None else p.verdict.status.value for p in goal.points]
    assert statuses == [None, "unreported", "unreported", "met", "met", "met"]


def test_the_history_is_deterministic(dataset: tt.Dataset) -> None:
    first = tt.history_dataset(dataset, until=UNTIL)
    again = tt.history_dataset(tt.load_dataset(SEEDS), until=UNTIL)
    for kind in report.HISTORY_FORMATS:
        assert report.render_history(first, kind) == report.render_history(again, kind), kind


def test_json_has_a_point_per_goal_and_date(history: tt.History) -> None:
    data = report.history_json(history)
    jsonschema.Draft202012Validator(report.history_schema()).validate(data)
    assert [d["date"] for d in data["dates"]] == [d.isoformat() for d in history.dates]
    assert data["dates"][0] == {
        "date": "2020-12-31",
        "documents_issued": ["002_4c208710029a6d90.txt"],
        "met": 0,
        "missed": 0,
        "unreported": 8,
        "not_set": 125,
    }
    assert data["dates"][-1]["documents_issued"] == []
    assert len(data["goals"]) == len(history.goals)
    for goal in data["goals"]:
        assert len(goal["timeline"]) == len(history.dates)
    share = next(g for g in data["goals"] if g["id"] == "001-zj-2025-digital-core-share")
    last = share["timeline"][-1]
    assert (last["status"], last["achieved"]["text"], last["coverage"]) == ("missed", "13.6%", 0.75)
    assert share["timeline"][0] == {"date": "2020-12-31", "goal_issued": False, "status": None}


def test_csv_is_long_one_row_per_goal_and_date(history: tt.History) -> None:
    text = report.history_csv(history)
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == len(history.goals) * len(history.dates)
    assert list(rows[0]) == list(report.HISTORY_COLUMNS)
    share = [r for r in rows if r["goal_id"] == "001-zj-2025-digital-core-share"]
    assert [r["status"] for r in share] == [
        "",
        "unreported",
        "unreported",
        "unreported",
        "unreported",
        "missed",
    ]
    assert [r["goal_issued"] for r in share][:2] == ["false", "true"]
    assert share[-1]["changed"] == "true" and share[-2]["coverage"] == "0.75"
    assert report.history_csv(history, bom=True) == "\ufeff" + text


def test_text_shows_every_goal(history: tt.History) -> None:
    text = report.history_text(history)
    for goal in history.goals:
        assert f"  {goal.id}  " in text
    assert "2026-12-31  10 met, 2 missed, 121 unreported, 0 not set yet  (issued: —)" in text


def test_html_is_one_page_with_a_chart_and_a_timeline_per_goal(history: tt.History) -> None:
    page = report.history_html(history)
    tree = parse(page)
    assert "<script" not in page and "http" not in page.split("<body>", 1)[1]
    [chart] = tree.find_all("svg", "history")
    assert len(chart.find_all("g", "date")) == len(history.dates)
    bodies = tree.find_all("tbody", "goal")
    assert len(bodies) == len(history.goals)
    assert all(len(b.find_all("td", "cell")) == len(history.dates) for b in bodies)


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_the_command(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, err = _run(capsys, "history")
    assert (status, err) == (0, "")
    assert out.startswith("History of 133 goals over 5 dates")
    status, out, err = _run(capsys, "history", "--as-of", "2026-12-31", "--format", "json")
    assert status == 0 and json.loads(out)["dates"][-1]["date"] == "2026-12-31"
    target = tmp_path / "history.csv"
    status, out, err = _run(capsys, "history", "-o", str(target))
    assert (status, err) == (0, "")
    assert out == f"history of 133 goals over 5 dates, 2020-12-31 to 2025-12-31 — {target}\n"
    assert target.read_text(encoding="utf-8").startswith("\ufeffdate,documents_issued,")
    status, out, err = _run(capsys, "history", "-o", str(tmp_path / "history.html"))
    assert status == 0 and (tmp_path / "history.html").read_text(encoding="utf-8").startswith(
        "<!DOCTYPE html>"
    )


def test_the_command_with_raw_documents(capsys: pytest.CaptureFixture[str]) -> None:
    plan, review = SEEDS / "001_e9ac55c77d2d7d2f.txt", SEEDS / "000_6faf6b9d7d4512a8.txt"
    status, out, err = _run(capsys, "history", str(plan), str(review))
    assert status == 0
    assert "warning: 000_6faf6b9d7d4512a8.txt: no issue date known" in err
    goals = len(cli.load_inputs([str(plan), str(review)]).goals)
    # only the plan's date is known: one date, the report drawn on provisionally
    assert out.startswith(f"History of {goals} goals over 1 date ")
    status, out, err = _run(
        capsys, "history", str(plan), str(review), f"--issued={review.name}=2025-12-31"
    )
    assert (status, err) == (0, "")
    assert "over 2 dates" in out.splitlines()[0]


def test_duplicate_goal_ids_are_refused(dataset: tt.Dataset) -> None:
    goal = dataset.goals[0]
    with pytest.raises(tt.ValidationError, match="goals with distinct ids"):
        tt.history([goal, goal], [], documents=[])


def test_the_lines_shown_in_the_docs_are_printed(capsys: pytest.CaptureFixture[str]) -> None:
    page = (SEEDS.parent / "docs" / "history.md").read_text(encoding="utf-8")
    block = page.split("```text\n", 2)[2].split("```", 1)[0]
    status, out, _ = _run(capsys, "history", "--as-of", "2026-12-31")
    assert status == 0
    printed = out.splitlines()
    for line in block.splitlines():
        assert line in printed
