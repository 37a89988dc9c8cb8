"""The matcher's rules on small hand-made cases, and its properties under hypothesis."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import targettrack as tt

AS_OF = dt.date(2026, 11, 22)
TEXT = "x" * 1000


def goal(**fields: Any) -> tt.Goal:
    record: dict[str, Any] = {
        "id": "g",
        "region": "浙江",
        "metric": "little_giants_national_new",
        "comparator": "at_least",
        "target": "50家",
        "period": "2024年",
        "quote": "x",
        "start": 0,
        "end": 1,
    }
    record.update(fields)
    return tt.Goal.from_record(record, doc="plan.txt")


_counter = iter(range(10**9))


def outcome(**fields: Any) -> tt.Outcome:
    record: dict[str, Any] = {
        "id": f"o{next(_counter)}",
        "region": "浙江",
        "metric": "little_giants_national_new",
        "value": "93家",
        "period": "2024年",
        "quote": "x",
        "start": 5,
        "end": 6,
    }
    record.update(fields)
    return tt.Outcome.from_record(record, doc="report.txt")


def judge(g: tt.Goal, *outcomes: tt.Outcome, as_of: dt.date = AS_OF) -> tt.Verdict:
    result = tt.audit([g], outcomes, as_of)
    assert len(result.verdicts) == 1
    return result.verdicts[0]


def test_a_flow_for_the_year_meets_an_at_least_goal() -> None:
    verdict = judge(goal(), outcome())
    assert verdict.status is tt.Status.MET
    assert "93家 ≥ 50家" in verdict.reason
    assert "report.txt[5:6]" in verdict.reason
    assert verdict.achieved_ratio == pytest.approx(93 / 50)


def test_a_smaller_flow_misses_it() -> None:
    verdict = judge(goal(), outcome(value="30家"))
    assert verdict.status is tt.Status.MISSED
    assert "30家 < 50家" in verdict.reason


def test_an_outcome_of_another_region_metric_or_year_does_not_count() -> None:
    assert judge(goal(), outcome(region="安徽")).status is tt.Status.UNREPORTED
    assert (
        judge(goal(), outcome(metric="key_little_giants_national_new")).status
        is tt.Status.UNREPORTED
    )
    assert judge(goal(), outcome(period="2023年")).status is tt.Status.UNREPORTED


def test_a_share_is_not_a_growth_rate() -> None:
    share_goal = goal(
        metric="digital_core_value_added_share_gdp", target="15%", period="2025年", deadline=True
    )
    growth = outcome(
        metric="digital_core_value_added", value="10.4%", change="relative", period="2025年1—9月"
    )
    verdict = judge(share_goal, growth)
    assert verdict.status is tt.Status.UNREPORTED
    share = outcome(
        metric="digital_core_value_added_share_gdp", value="13.6%", period="2025年1—9月"
    )
    verdict = judge(share_goal, growth, share)
    assert verdict.status is tt.Status.MISSED
    assert verdict.provisional
    assert verdict.evidence == (share,)


def test_a_partial_year_decides_a_rate_provisionally() -> None:
    growth_goal = goal(
        metric="industrial_value_added", change="relative", comparator="about", target="7%"
    )
    verdict = judge(
        growth_goal,
        outcome(
            metric="industrial_value_added", change="relative", value="8.3%", period="2024年1—11月"
        ),
    )
    assert verdict.status is tt.Status.MET
    assert verdict.provisional
    assert "左右 read as a floor" in verdict.reason


def test_about_reads_the_metric_direction() -> None:
    ceiling = goal(
        metric="industrial_energy_intensity", comparator="about", target="0.5吨标准煤/万元"
    )
    low = outcome(metric="industrial_energy_intensity", value="0.4吨标准煤/万元")
    high = outcome(metric="industrial_energy_intensity", value="0.6吨标准煤/万元")
    assert judge(ceiling, low).status is tt.Status.MET
    assert judge(ceiling, high).status is tt.Status.MISSED


def test_a_flow_over_a_span_needs_every_year() -> None:
    span_goal = goal(
        target="130家",
        period="2025年",
        span="2022—2025年",
        deadline=True,
        metric="single_champions_national_new",
    )
    flows = [
        outcome(metric="single_champions_national_new", value="44家", period="2024年"),
        outcome(metric="single_champions_national_new", value="45家", period="2025年"),
    ]
    verdict = judge(span_goal, *flows)
    assert verdict.status is tt.Status.UNREPORTED
    assert "89家" in verdict.reason
    assert "2022, 2023" in verdict.reason
    more = [
        outcome(metric="single_champions_national_new", value="10家", period="2022年"),
        outcome(metric="single_champions_national_new", value="20家", period="2023年"),
    ]
    verdict = judge(span_goal, *flows, *more)
    assert verdict.status is tt.Status.MISSED
    assert "= 119家 < 130家" in verdict.reason
    assert verdict.achieved == pytest.approx(119)


def test_a_partial_sum_already_above_an_at_least_target_meets_it() -> None:
    span_goal = goal(target="50家", period="2025年", span="2022—2025年", deadline=True)
    verdict = judge(span_goal, outcome(value="60家", period="2024年"))
    assert verdict.status is tt.Status.MET


def test_a_stock_goal_is_not_decided_by_flows() -> None:
    stock_goal = goal(
        metric="little_giants_national",
        target="1000家",
        period="2025年",
        span="2022—2025年",
        deadline=True,
    )
    verdict = judge(
        stock_goal, outcome(value="398家", period="2024年"), outcome(value="398家", period="2025年")
    )
    assert verdict.status is tt.Status.UNREPORTED
    assert "796家" in verdict.reason


def test_a_stock_goal_is_judged_on_the_latest_total() -> None:
    stock_goal = goal(
        metric="single_champions_national",
        target="200家",
        period="2025年",
        span="2022—2025年",
        deadline=True,
    )
    verdict = judge(
        stock_goal, outcome(metric="single_champions_national", value="278家", period="2025年")
    )
    assert verdict.status is tt.Status.MET
    old = outcome(metric="single_champions_national", value="12家", period="2020年")
    assert judge(stock_goal, old).status is tt.Status.UNREPORTED
    assert "predates the plan" in judge(stock_goal, old).reason


def test_a_recurring_goal_is_judged_per_year() -> None:
    annual = goal(
        target="200项",
        metric="three_firsts_products_new",
        recurrence="annual",
        span="2022—2025年",
        period="2025年",
    )
    verdict = judge(
        annual,
        outcome(metric="three_firsts_products_new", value="302项", period="2024年"),
        outcome(metric="three_firsts_products_new", value="322项", period="2025年"),
    )
    assert verdict.status is tt.Status.MET
    assert "met in 2024, 2025" in verdict.reason
    assert "no data for 2022, 2023" in verdict.reason
    assert verdict.provisional
    assert [r.year for r in verdict.years] == [2022, 2023, 2024, 2025]
    verdict = judge(
        annual, outcome(metric="three_firsts_products_new", value="150项", period="2024年")
    )
    assert verdict.status is tt.Status.MISSED


def test_baseline_changes_compound() -> None:
    decline = goal(
        metric="industrial_energy_intensity",
        comparator="at_most",
        target="-16%",
        change="relative",
        baseline="2020年",
        period="2025年",
        deadline=True,
    )
    yearly = [
        outcome(
            metric="industrial_energy_intensity", change="relative", value="-4%", period=f"{y}年"
        )
        for y in range(2021, 2026)
    ]
    verdict = judge(decline, *yearly)
    # 1 − 0.96⁵ = 18.5 % decline
    assert verdict.status is tt.Status.MET
    assert verdict.achieved == pytest.approx(0.96**5 - 1)
    verdict = judge(decline, *yearly[:3])
    assert verdict.status is tt.Status.UNREPORTED
    assert "2024, 2025" in verdict.reason


def test_a_goal_not_yet_due_is_unreported_and_marked() -> None:
    later = goal(period="2027年")
    verdict = judge(later)
    assert verdict.status is tt.Status.UNREPORTED
    assert verdict.not_yet_due


def test_an_estimate_is_used_and_said() -> None:
    verdict = judge(goal(), outcome(estimate=True))
    assert verdict.status is tt.Status.MET
    assert verdict.provisional
    assert "estimate" in verdict.reason


def test_a_lower_bound_below_the_target_is_provisional() -> None:
    verdict = judge(goal(), outcome(value="40家", bound="lower"))
    assert verdict.status is tt.Status.MISSED
    assert verdict.provisional
    assert "lower" in verdict.reason


# -- properties ----------------------------------------------------------------------------

values = st.integers(min_value=0, max_value=10_000)


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[list[tt.Goal], list[tt.Outcome]]:
    metrics = [
        "little_giants_national_new",
        "single_champions_national_new",
        "little_giants_national",
    ]
    regions = ["浙江", "安徽"]
    goals = []
    for index in range(draw(st.integers(1, 6))):
        metric = draw(st.sampled_from(metrics))
        year = draw(st.integers(2021, 2027))
        comparator = draw(st.sampled_from(["at_least", "at_most", "about"]))
        goals.append(
            goal(
                id=f"g{index}",
                metric=metric,
                region=draw(st.sampled_from(regions)),
                comparator=comparator,
                target=f"{draw(values) + 1}家",
                period=f"{year}年",
            )
        )
    outcomes = []
    for _ in range(draw(st.integers(0, 8))):
        outcomes.append(
            outcome(
                metric=draw(st.sampled_from(metrics)),
                region=draw(st.sampled_from(regions)),
                value=f"{draw(values)}家",
                period=f"{draw(st.integers(2021, 2027))}年",
            )
        )
    return goals, outcomes


@settings(max_examples=60)
@given(scenarios())
def test_every_goal_appears_exactly_once(case: tuple[list[tt.Goal], list[tt.Outcome]]) -> None:
    goals, outcomes = case
    result = tt.audit(goals, outcomes, AS_OF)
    assert [v.goal for v in result.verdicts] == goals


@settings(max_examples=60)
@given(scenarios())
def test_output_is_deterministic(case: tuple[list[tt.Goal], list[tt.Outcome]]) -> None:
    goals, outcomes = case
    assert tt.audit(goals, outcomes, AS_OF) == tt.audit(goals, list(reversed(outcomes)), AS_OF)


@settings(max_examples=60)
@given(scenarios(), st.sampled_from(["山东", "北京"]), values)
def test_an_outcome_for_another_region_or_metric_changes_no_verdict(
    case: tuple[list[tt.Goal], list[tt.Outcome]], region: str, value: int
) -> None:
    goals, outcomes = case
    before = tt.audit(goals, outcomes, AS_OF)
    extra = [
        outcome(region=region, value=f"{value}家"),
        outcome(metric="key_little_giants_national_new", value=f"{value}家"),
    ]
    after = tt.audit(goals, [*outcomes, *extra], AS_OF)
    assert [(v.status, v.reason) for v in before.verdicts] == [
        (v.status, v.reason) for v in after.verdicts
    ]


@settings(max_examples=80)
@given(values, values, st.integers(1, 5000), st.sampled_from(["at_least", "at_most"]))
def test_a_larger_outcome_never_turns_met_into_missed(
    low: int, extra: int, target: int, comparator: str
) -> None:
    g = goal(comparator=comparator, target=f"{target}家")
    small = judge(g, outcome(value=f"{low}家")).status
    large = judge(g, outcome(value=f"{low + extra}家")).status
    if comparator == "at_least":
        assert not (small is tt.Status.MET and large is tt.Status.MISSED)
    else:
        # the mirror: a smaller outcome never turns MET into MISSED for an at-most goal
        assert not (large is tt.Status.MET and small is tt.Status.MISSED)
