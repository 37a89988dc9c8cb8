"""Verdicts of the seed audit on the hard cases, each checked by reading the seed text.

The audit date is fixed (2026-11-22) so that "not yet due" is stable.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import targettrack as tt

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
AS_OF = dt.date(2026, 11, 22)


@pytest.fixture(scope="module")
def dataset() -> tt.Dataset:
    return tt.load_dataset(SEEDS)


@pytest.fixture(scope="module")
def audit(dataset: tt.Dataset) -> tt.Audit:
    return tt.audit_dataset(dataset, AS_OF)


def _outcomes(dataset: tt.Dataset, region: str, metric: str) -> list[tt.Outcome]:
    return [o for o in dataset.outcomes if o.region == region and o.metric == metric]


def test_every_goal_is_judged_exactly_once(dataset: tt.Dataset, audit: tt.Audit) -> None:
    assert [v.goal for v in audit.verdicts] == list(dataset.goals)


def test_a_share_goal_is_judged_on_the_share_not_the_growth_rate(audit: tt.Audit) -> None:
    # 001: 数字经济核心产业增加值占生产总值比重力争达到15% (2025).
    # 000: 前三季度核心产业增加值增长10.4%，占GDP比重13.6% — 10.4% is a growth rate.
    verdict = audit.verdict("001-zj-2025-digital-core-share")
    assert verdict.status is tt.Status.MISSED
    assert verdict.provisional  # 前三季度 is three quarters of 2025
    assert [o.value for o in verdict.evidence] == [tt.Amount(13.6, "%")]
    assert "13.6% < 15%" in verdict.reason
    assert verdict.achieved_ratio == pytest.approx(13.6 / 15)


def test_a_stock_goal_is_not_met_by_flows(dataset: tt.Dataset, audit: tt.Audit) -> None:
    # 001: 累计培育…国家级专精特新“小巨人”企业1000家; the reports give only additions:
    # 003 (2024) 新增国家专精特新“小巨人”企业398家, 000 (2025) 新增专精特新“小巨人”398家.
    verdict = audit.verdict("001-zj-2025-little-giants")
    assert verdict.status is tt.Status.UNREPORTED
    assert not verdict.evidence
    assert "398家" in verdict.reason and "= 796家" in verdict.reason


def test_similar_programme_names_are_kept_apart(dataset: tt.Dataset, audit: tt.Audit) -> None:
    # 000: 专精特新重点“小巨人”总量467家 is a total of *key* little giants, not of little giants.
    key = _outcomes(dataset, "浙江", "key_little_giants_national")
    assert [o.value for o in key] == [tt.Amount(467, "家")]
    assert audit.verdict("001-zj-2025-little-giants").achieved is None


def test_national_and_provincial_recognition_are_kept_apart(
    dataset: tt.Dataset, audit: tt.Audit
) -> None:
    # 001: 新培育…国家企业技术中心20家以上; 000 reports 新认定…省级企业技术中心206家 (provincial).
    provincial = _outcomes(dataset, "浙江", "provincial_enterprise_tech_centers_new")
    assert tt.Amount(206, "家") in [o.value for o in provincial]
    verdict = audit.verdict("001-zj-2025-enterprise-tech-centers-national-new")
    assert verdict.status is tt.Status.UNREPORTED
    assert not verdict.evidence


def test_an_outcome_from_another_year_decides_nothing(audit: tt.Audit) -> None:
    # 004 (2024 plan): 数字经济规模占GDP比重达到49%左右; the only figure is for 2023:
    # 预计全年数字经济总量占GDP比重达到47%左右.
    verdict = audit.verdict("004-sd-2024-digital-economy-share")
    assert verdict.status is tt.Status.UNREPORTED
    assert not verdict.evidence
    assert "47%" in verdict.reason and "2023年" in verdict.reason


def test_part_of_a_year_of_an_amount_is_not_the_year(audit: tt.Audit) -> None:
    # 003 (甘肃): 年内计划投资1866亿元，1—10月完成投资1556亿元.
    verdict = audit.verdict("003-gs-2024-key-projects-investment-plan")
    assert verdict.status is tt.Status.UNREPORTED
    assert verdict.provisional
    assert "1556亿元" in verdict.reason
    assert "keeping pace" in verdict.reason  # 83.4 % of the plan in 10 of 12 months


def test_a_recurring_goal_is_judged_per_year(audit: tt.Audit) -> None:
    # 001: 每年培育推广…“浙江制造精品”200项; 003 (2024) 浙江制造精品302项; 000 (2025) 322项.
    verdict = audit.verdict("001-zj-2025-premium-products")
    assert verdict.status is tt.Status.MET
    assert verdict.provisional  # 2022 and 2023 are not reported
    by_year = {r.year: r.status for r in verdict.years}
    assert by_year == {
        2022: tt.Status.UNREPORTED,
        2023: tt.Status.UNREPORTED,
        2024: tt.Status.MET,
        2025: tt.Status.MET,
    }
    # 001: 每年整治提升高耗低效企业5000家; 000 (2025): 帮扶提升低效企业2686家.
    verdict = audit.verdict("001-zj-2025-inefficient-enterprises")
    assert verdict.status is tt.Status.MISSED
    assert "2686家 < 5000家" in verdict.reason


def test_a_flow_over_the_plan_span_shows_the_partial_sum(audit: tt.Audit) -> None:
    # 001: 到2025年…新增制造业单项冠军企业130家; 003 (2024) 新增国家制造业单项冠军44家;
    # 000 (2025) 单项冠军45家; nothing for 2022 and 2023.
    verdict = audit.verdict("001-zj-2025-single-champions-new")
    assert verdict.status is tt.Status.UNREPORTED
    assert "44家 (2024年) + 45家 (2025年) = 89家" in verdict.reason
    assert "2022, 2023" in verdict.reason


def test_about_is_met_by_over_achievement(audit: tt.Audit) -> None:
    # 004 (2024 plan): 新培育省“一企一技术”研发中心100家左右; 003: 新认定…研发中心200家.
    verdict = audit.verdict("004-sd-2024-one-enterprise-one-tech-new")
    assert verdict.status is tt.Status.MET
    assert verdict.achieved_ratio == pytest.approx(2.0)


def test_a_stock_reached_before_the_deadline_meets_it(audit: tt.Audit) -> None:
    # 001: 动态培育50家“链主”企业; 003 (2024): 遴选第一批省级“链主”企业93家.
    verdict = audit.verdict("001-zj-2025-chain-leaders")
    assert verdict.status is tt.Status.MET
    assert "93家 ≥ 50家" in verdict.reason


def test_a_lower_bound_is_used_as_one(audit: tt.Audit) -> None:
    # 001: 全省每年出让的国有建设用地中工业用地比例不低于30%; 000: 占全部出让用地比重超60%.
    verdict = audit.verdict("001-zj-2025-industrial-land-share")
    assert verdict.status is tt.Status.MET
    assert "lower bound" in verdict.reason


def test_a_goal_not_yet_due_is_marked(dataset: tt.Dataset) -> None:
    # 000 (2026 plan): 新增高新技术企业3000家左右.
    early = tt.audit_dataset(dataset, AS_OF).verdict("000-ah-2026-high-tech-new")
    assert early.status is tt.Status.UNREPORTED and early.not_yet_due
    late = tt.audit_dataset(dataset, dt.date(2027, 3, 1)).verdict("000-ah-2026-high-tech-new")
    assert late.status is tt.Status.UNREPORTED and not late.not_yet_due
