"""A statement is never fatal: whatever unit and period a figure is written in, the audit of
the document goes on; every statement is a goal, an outcome or listed as not placed, once."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

import targettrack as tt
from targettrack.extract import to_records

#: measures the catalog knows (each with a unit of its own) and one it does not
_MEASURES = [
    "老旧小区改造",
    "城镇新增就业",
    "高标准农田",
    "地区生产总值",
    "5G基站",
    "城市书房",
    "口袋公园",
]
_UNITS = [
    "个",
    "户",
    "套",
    "座",
    "家",
    "万人",
    "亿元",
    "公里",
    "万平方米",
    "万亩",
    "吨",
    "%",
    "个百分点",
    "倍",
    "万千瓦",
    "辆",
    "",
]
_PERIODS = [
    "今年",
    "到2027年",
    "到二〇二七年",
    "年底前",
    "上半年",
    "前三季度",
    "2025年12月末",
    "2024年",
]
_NUMBERS = st.one_of(
    st.integers(min_value=0, max_value=10**6).map(str),
    st.floats(min_value=0, max_value=1e5, allow_nan=False).map(lambda v: f"{v:.1f}"),
    st.sampled_from(["5.2万", "十", "三千", "1.3万亿"]),
)


@st.composite
def clauses(draw: st.DrawFn) -> str:
    period = draw(st.sampled_from(_PERIODS))
    measure = draw(st.sampled_from(_MEASURES))
    verb = draw(st.sampled_from(["", "新增", "完成", "达到", "增长", "改造", "建设"]))
    return f"{period}，{measure}{verb}{draw(_NUMBERS)}{draw(st.sampled_from(_UNITS))}"


@settings(max_examples=60, deadline=None)
@given(plan=st.lists(clauses(), min_size=1, max_size=6), review=st.lists(clauses(), max_size=6))
def test_no_unit_or_period_aborts_an_audit(plan: list[str], review: list[str]) -> None:
    plan_text = (
        "2025年某某省政府工作报告\n各位代表:\n二、2025年主要目标\n" + "。".join(plan) + "。\n"
    )
    review_text = (
        "2026年某某省政府工作报告\n各位代表:\n一、2025年工作回顾\n" + "。".join(review) + "。\n"
    )
    statements = [
        *tt.extract_statements(plan_text, doc="plan.txt"),
        *tt.extract_statements(review_text, doc="review.txt"),
    ]
    goals, outcomes, unplaced = to_records(statements)
    assert len(goals) + len(outcomes) + len(unplaced) == len(statements)
    result = tt.audit(goals, outcomes, dt.date(2026, 12, 31))
    assert sorted(v.goal.id for v in result.verdicts) == sorted(g.id for g in goals)
