"""CSV read back with pandas, the DataFrame, the Markdown table and the terminal text."""

from __future__ import annotations

import io
import math

import pandas as pd
import pytest

import report_cases as rc
from targettrack import report


@pytest.fixture(scope="module")
def frame() -> pd.DataFrame:
    return report.to_frame(rc.build_audit())


def test_the_csv_reads_back_with_pandas_one_row_per_goal() -> None:
    text = report.to_csv(rc.build_audit())
    table = pd.read_csv(io.StringIO(text), keep_default_na=False, na_values=[""])
    assert list(table.columns) == list(report.CSV_COLUMNS)
    assert list(table["goal_id"]) == list(rc.EXPECTED)
    assert list(table["status"]) == list(rc.EXPECTED.values())
    row = table.iloc[1]
    assert (row["region"], row["metric"]) == ("浙江", "digital_core_value_added_share_gdp")
    assert (row["target_value"], row["target_unit"]) == (15.0, "%")
    assert (row["achieved_value"], row["achieved_unit"]) == (13.6, "%")
    assert row["achieved_ratio"] == pytest.approx(13.6 / 15)
    assert row["reason"].startswith("missed: 13.6% < 15%")
    assert (row["source_doc"], row["source_end"] - row["source_start"]) == ("plan.txt", 23)
    assert math.isnan(table.iloc[3]["achieved_value"])
    assert list(table["not_yet_due"]) == [False, False, False, True]
    assert table.iloc[0]["evidence_ids"] == "o-giants-2025"
    assert list(table["kind"]) == ["new", "share", "level", "new"]
    assert list(table["coverage"].fillna(-1)) == [1.0, 1.0, 1.0, -1]
    assert list(table["bound"]) == ["exact"] * 4
    assert not table["estimate"].any()


def test_the_csv_equals_the_frame(frame: pd.DataFrame) -> None:
    table = pd.read_csv(
        io.StringIO(report.to_csv(rc.build_audit())), keep_default_na=False, na_values=[""]
    )
    for column in report.CSV_COLUMNS:
        left = [None if isinstance(v, float) and math.isnan(v) else v for v in table[column]]
        right = [None if isinstance(v, float) and math.isnan(v) else v for v in frame[column]]
        if column in (
            "target_high",
            "achieved_unit",
            "evidence_ids",
            "evidence_periods",
            "metric_en",
            "span",
            "baseline",
            "provisional_why",
            "differing",
            "pace_status",
            "pace_path",
            "pace_baseline_period",
            "pace_observed_period",
            "decision",
            "decided_by",
            "decided_on",
            "decision_note",
            "machine_status",
        ):
            left = [v or None for v in left]
            right = [v or None for v in right]
        assert left == right, column


def test_the_frame_columns_and_types(frame: pd.DataFrame) -> None:
    assert list(frame.columns) == list(report.CSV_COLUMNS)
    assert len(frame) == 4
    assert list(frame.index) == [0, 1, 2, 3]
    for column in ("target_value", "target_high", "achieved_value", "achieved_ratio"):
        assert frame[column].dtype == "float64", column
    for column in ("source_start", "source_end"):
        assert frame[column].dtype == "int64", column
    for column in ("provisional", "not_yet_due"):
        assert frame[column].dtype == "bool", column
    assert frame.loc[frame["status"] == "met", "goal_id"].tolist() == [
        "g-giants-2025",
        "g-industry-2025",
    ]


def test_the_markdown_has_one_table_row_and_one_section_per_goal() -> None:
    text = report.to_markdown(rc.build_audit(), rc.TEXTS)
    lines = text.splitlines()
    header = lines.index(
        "| # | status | region | metric | target | period | achieved | of target | goal |"
    )
    rows = []
    for line in lines[header + 2 :]:
        if not line.startswith("|"):
            break
        rows.append(line)
    assert len(rows) == 4
    for row, (goal_id, status) in zip(rows, rc.EXPECTED.items(), strict=True):
        cells = [c.strip() for c in row.strip("|").split(" | ")]
        assert len(cells) == 9
        assert cells[-1] == goal_id
        assert cells[1].split()[0] == status
    assert (
        "| 2 | missed | 浙江 | 数字经济核心产业增加值占生产总值比重 | ≥ 15% | 2025年 | 13.6% |"
        in text
    )
    sections = [line for line in lines if line.startswith("### ")]
    assert sections == [
        f"### {i}. {goal_id} — {status}"
        for i, (goal_id, status) in enumerate(rc.EXPECTED.items(), 1)
    ]
    assert "“数字经济核心产业增加值占生产总值比重为**13.6%**”" in text
    assert "report.txt \\[40:64\\]" in text


def test_the_markdown_lets_no_html_or_table_syntax_through() -> None:
    text = report.to_markdown(rc.build_audit(), rc.TEXTS)
    assert "<script>" not in text
    assert "\\<script\\>alert(1)\\</script\\>" in text
    assert "A\\&B" in text and "\\|表格\\|" in text and "\\*强调\\*" in text
    for line in text.splitlines():
        if line.startswith("| ") and "表格" in line:
            assert line.count(" | ") == 8  # the escaped pipes do not add cells


def test_the_markdown_is_stable() -> None:
    audit = rc.build_audit()
    assert report.to_markdown(audit, rc.TEXTS) == report.to_markdown(audit, rc.TEXTS)


def test_the_text_summary_and_one_line_per_goal() -> None:
    text = report.to_text(rc.build_audit())
    lines = text.splitlines()
    assert lines[0] == (
        "4 goals as of 2026-03-01: 2 met, 1 missed, 1 unreported — 75% judged, 1 not yet due"
    )
    goal_lines = [line for line in lines if line.split()[-1:] and line.split()[-1] in rc.EXPECTED]
    assert [line.split()[-1] for line in goal_lines] == list(rc.EXPECTED)
    assert "13.6% (90.7%)" in goal_lines[1]
    assert goal_lines[1].startswith("✗ missed")
    # each goal's reason stands on the line beneath it
    audit = rc.build_audit()
    for verdict in audit.verdicts:
        line = next(i for i, text in enumerate(lines) if text.endswith(" " + verdict.goal.id))
        assert lines[line + 1].strip() == verdict.reason


def test_render_knows_every_format_and_refuses_others() -> None:
    audit = rc.build_audit()
    for name in report.FORMATS:
        assert report.render(audit, name, rc.TEXTS)
    with pytest.raises(ValueError, match="'format' must be one of"):
        report.render(audit, "pdf")
