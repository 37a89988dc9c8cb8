"""More than two documents per government: each goal judged on the most final figure — a
bulletin's or a budget report's before a work report's preliminary one — and the reason says
which it used and whether the others differ."""

from __future__ import annotations

from pathlib import Path

import pytest

from targettrack import cli
from targettrack.corpus_eval import corpus_dir

PLAN = "2025年某某市政府工作报告\n各位代表:\n二、2025年主要目标\n地区生产总值增长5%左右。\n"
REVIEW = "2026年某某市政府工作报告\n各位代表:\n一、2025年工作回顾\n预计地区生产总值增长5.2%。\n"
BULLETIN = (
    "2025年某某市国民经济和社会发展统计公报\n某某市统计局\n2026年4月1日\n一、综合\n"
    "全年地区生产总值1234.5亿元，比上年增长5.3%。\n"
)


def test_a_bulletins_final_figure_is_preferred_and_the_work_reports_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = []
    for name, text in (("plan.txt", PLAN), ("review.txt", REVIEW), ("bulletin.txt", BULLETIN)):
        (tmp_path / name).write_text(text, encoding="utf-8")
        names.append(str(tmp_path / name))
    assert cli.main(["audit", *names, "--as-of", "2026-12-31"]) == 0
    out = capsys.readouterr().out
    assert "5.3% ≥ 5%" in out and "bulletin.txt[" in out
    assert "Taken from bulletin.txt; also reported: 5.2% in review.txt[" in out
    assert "(differs)" in out
    # with the bulletin left out, the work report's estimate decides, provisionally
    assert cli.main(["audit", *names[:2], "--as-of", "2026-12-31"]) == 0
    alone = capsys.readouterr().out
    assert "5.2%" in alone and "also reported" not in alone


def test_the_budget_report_answers_beijings_revenue_target(
    capsys: pytest.CaptureFixture[str],
) -> None:
    pytest.importorskip("pypdfium2")
    files = [
        str(corpus_dir() / "beijing_2025_gov_work_report.txt"),
        str(corpus_dir() / "beijing_2026_gov_work_report.txt"),
        str(corpus_dir() / "genres" / "beijing_2025_budget_report.pdf"),
    ]
    assert cli.main(["audit", *files, "--as-of", "2026-12-31", "-f", "json"]) == 0
    import json

    data = json.loads(capsys.readouterr().out)
    [revenue] = [
        v
        for v in data["verdicts"]
        if v["goal"]["source"]["quote"] == "一般公共预算收入增长4%左右"
        and v["goal"]["period"] == "2025年"
    ]
    assert revenue["status"] == "met"
    assert [e["source"]["doc"] for e in revenue["evidence"]] == ["beijing_2025_budget_report.pdf"]
    assert "also reported: 4.8% in beijing_2026_gov_work_report.txt[" in revenue["reason"]
    assert "(the same)" in revenue["reason"]
