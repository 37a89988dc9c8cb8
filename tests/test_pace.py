"""Pace for every kind of goal not yet due: the value observed against the path from the
baseline to the target — linear for levels, shares, totals and additions, compound for a
growth target — with the status (ahead, on track, behind) and the arithmetic."""

from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

import jsonschema
import pandas as pd
import pytest

import targettrack as tt
from targettrack import report
from test_match import goal, outcome

PLAN = tt.SourceDocument("plan.txt", "plan", dt.date(2022, 8, 30))
REPORT = tt.SourceDocument("report.txt", "report", dt.date(2024, 3, 1))
AS_OF = dt.date(2024, 6, 1)
SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def audit(g: tt.Goal, *outcomes: tt.Outcome, as_of: dt.date = AS_OF) -> tt.Audit:
    return tt.audit([g], outcomes, as_of, documents=[PLAN, REPORT])


def share_audit(observed: str = "12%", as_of: dt.date = AS_OF) -> tt.Audit:
    # 到2025年数字经济核心产业增加值占比达到15% (plan of 2022-08-30); 11% in 2021, then 12%
    share = "digital_core_value_added_share_gdp"
    return audit(
        goal(metric=share, target="15%", period="2025年", deadline=True),
        outcome(metric=share, value="11%", period="2021年"),
        outcome(metric=share, value=observed, period="2023年"),
        as_of=as_of,
    )


def test_a_share_goal_not_yet_due_gets_a_linear_pace() -> None:
    [verdict] = share_audit().verdicts
    assert verdict.status is tt.Status.UNREPORTED and verdict.not_yet_due
    pace = verdict.pace
    assert pace is not None
    assert (pace.path, pace.baseline, str(pace.baseline_period)) == ("linear", 11.0, "2021年")
    assert (pace.observed, str(pace.observed_period), pace.target) == (12.0, "2023年", 15.0)
    # two of the four years from the end of 2021 to the end of 2025: 11 + 4 × 1/2 = 13
    assert pace.elapsed == pytest.approx(0.5)
    assert pace.required == pytest.approx(13.0)
    assert pace.ratio == pytest.approx(0.5)  # 1 point of the 2 required
    assert pace.status is tt.PaceStatus.BEHIND
    assert pace.tolerance == tt.PACE_TOLERANCE == 0.05
    text = report.view.pace_text(pace, "2025年")
    assert text == (
        "behind: 12% (2023年) against 13% required on the linear path from 11% (2021年) to "
        "15% by the end of 2025年 (50% of the time); 50% of the progress required "
        "(on track within ±5%)"
    )


@pytest.mark.parametrize(
    ("observed", "status"),
    [("12.95%", "on_track"), ("13.05%", "on_track"), ("13.2%", "ahead"), ("12.8%", "behind")],
)
def test_the_tolerance_decides_on_track(observed: str, status: str) -> None:
    [verdict] = share_audit(observed).verdicts
    assert verdict.pace is not None and verdict.pace.status.value == status


def test_a_reached_target_is_ahead() -> None:
    [verdict] = share_audit("15.5%").verdicts
    assert verdict.pace is not None
    assert verdict.pace.reached and verdict.pace.status is tt.PaceStatus.AHEAD


def test_no_pace_once_due_or_without_a_baseline() -> None:
    [due] = share_audit(as_of=dt.date(2026, 3, 1)).verdicts
    assert due.pace is None
    share = "digital_core_value_added_share_gdp"
    # the only earlier value is after the plan was issued: no baseline
    [verdict] = audit(
        goal(metric=share, target="15%", period="2025年", deadline=True),
        outcome(metric=share, value="12%", period="2023年"),
    ).verdicts
    assert verdict.pace is None


def test_a_growth_target_follows_a_compound_path() -> None:
    # 较2020年下降16%: yearly −4%, −3%, −5% compound to −11.5% by 2023
    metric = "industrial_energy_intensity"
    g = goal(
        metric=metric,
        comparator="at_most",
        target="-16%",
        period="2025年",
        deadline=True,
        change="relative",
        baseline="2020年",
    )
    yearly = [
        outcome(metric=metric, value=v, period=f"{y}年", change="relative")
        for v, y in (("-4%", 2021), ("-3%", 2022), ("-5%", 2023))
    ]
    [verdict] = audit(g, *yearly).verdicts
    pace = verdict.pace
    assert pace is not None and pace.path == "compound"
    observed = 0.96 * 0.97 * 0.95 - 1
    assert pace.observed == pytest.approx(observed)
    assert pace.elapsed == pytest.approx(36 / 60)
    assert pace.required == pytest.approx(0.84**0.6 - 1)
    # the yearly rate observed over the yearly rate required
    assert pace.ratio == pytest.approx(((1 + observed) ** (1 / 3) - 1) / (0.84**0.2 - 1))
    assert pace.status is tt.PaceStatus.AHEAD
    assert "of the yearly rate required" in report.view.pace_text(pace, "2025年")


def test_a_stock_goal_follows_a_linear_path_from_the_latest_total_before_the_plan() -> None:
    g = goal(metric="little_giants_national", target="1000家", period="2025年", deadline=True)
    [verdict] = audit(
        g,
        outcome(metric="little_giants_national", value="600家", period="2021年"),
        outcome(metric="little_giants_national", value="900家", period="2023年"),
    ).verdicts
    assert verdict.pace is not None
    assert (verdict.pace.baseline, verdict.pace.observed) == (600.0, 900.0)
    assert verdict.pace.required == pytest.approx(800.0)
    assert verdict.pace.status is tt.PaceStatus.AHEAD


def test_additions_over_a_span_start_from_none() -> None:
    g = goal(target="130家", period="2025年", span="2022—2025年", deadline=True)
    [verdict] = audit(
        g, outcome(value="44家", period="2022年"), outcome(value="45家", period="2023年")
    ).verdicts
    pace = verdict.pace
    assert pace is not None
    assert (pace.baseline, str(pace.baseline_period), pace.observed) == (0.0, "2021年12月", 89.0)
    assert pace.elapsed == pytest.approx(0.5) and pace.required == pytest.approx(65.0)
    assert pace.status is tt.PaceStatus.AHEAD
    # the reason's 时间过半、任务过半 test agrees with the structured pace
    assert "ahead of pace" in verdict.reason


def test_a_growth_rate_for_one_year_has_no_path() -> None:
    g = goal(metric="gdp", target="6%", change="relative", period="2024年", comparator="about")
    [verdict] = audit(
        g, outcome(metric="gdp", value="5%", change="relative", period="2024年1—3月")
    ).verdicts
    assert verdict.pace is None


def test_pace_is_data_in_json_csv_and_html() -> None:
    result = share_audit()
    data = report.to_json(result)
    jsonschema.Draft202012Validator(report.schema()).validate(data)
    pace = data["verdicts"][0]["pace"]
    assert pace["status"] == "behind" and pace["path"] == "linear"
    assert (pace["baseline"], pace["observed"], pace["required"]) == (
        11.0,
        12.0,
        pytest.approx(13.0),
    )
    assert pace["text"].startswith("behind: 12% (2023年) against 13% required")
    table = pd.read_csv(io.StringIO(report.to_csv(result)), keep_default_na=False, na_values=[""])
    row = table.iloc[0]
    assert (row["pace_status"], row["pace_path"], row["kind"]) == ("behind", "linear", "share")
    assert (row["pace_baseline"], row["pace_observed"]) == (11.0, 12.0)
    assert (row["pace_baseline_period"], row["pace_observed_period"]) == ("2021年", "2023年")
    page = report.to_html(result)
    assert "pace behind: 12% (2023年) against 13% required" in page
    assert "- Pace: behind: 12% (2023年)" in report.to_markdown(result)
    # the text keeps two lines a goal: the pace follows the reason on its line
    reason = report.to_text(result).splitlines()[4]
    assert reason.endswith(
        "Pace behind: 12% (2023年) against 13% required on the linear path "
        "from 11% (2021年) to 15% by the end of 2025年 (50% of the time); 50% "
        "of the progress required (on track within ±5%)."
    )


def test_the_seed_audit_validates_with_its_paces() -> None:
    dataset = tt.load_dataset(SEEDS)
    result = tt.audit_dataset(dataset, dt.date(2024, 12, 31))
    paced = [v for v in result.verdicts if v.pace is not None]
    assert paced, "goals of 2024 and 2025 have paces at the end of 2024"
    for verdict in paced:
        assert not verdict.not_yet_due or verdict.status is tt.Status.UNREPORTED
        assert 0 < verdict.pace.elapsed <= 1  # type: ignore[union-attr]
    data = json.loads(report.json_text(result))
    jsonschema.Draft202012Validator(report.schema()).validate(data)
