"""The rule for "the same measure" (targettrack.measure) and what it keeps apart."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

import targettrack as tt
from targettrack.extract.placement import _placed
from targettrack.measure import NearIndex, measure_key, near, normalise

CATALOG = tt.default_catalog()


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("全省地区生产总值", "生产总值"),
        ("国内生产总值", "经济"),
        ("规上工业增加值", "规模以上工业增加值"),
        ("建设口袋公园", "新建口袋公园"),
        ("举办市民系列文化活动", "开展市民系列文化活动"),
        ("完成行政村生活污水治理", "实施行政村生活污水治理"),
        ("能源工业", "能源工业增加值"),
        ("每年出让国有建设用地中工业用地比例", "出让国有建设用地中工业用地比例"),
    ],
)
def test_wordings_of_one_measure_share_a_key(one: str, other: str) -> None:
    assert measure_key(one, CATALOG) == measure_key(other, CATALOG)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("出口", "进出口"),
        ("工业投资", "固定资产投资"),
        ("制造业投资", "固定资产投资"),
        ("城镇居民人均可支配收入", "居民人均可支配收入"),
        ("新增高新技术企业", "高新技术企业"),
        ("口袋公园", "新建口袋公园"),
        ("国家级专精特新小巨人企业", "省级专精特新中小企业"),
    ],
)
def test_measures_that_differ_keep_apart(one: str, other: str) -> None:
    assert measure_key(one, CATALOG) != measure_key(other, CATALOG)


@given(st.text(max_size=40))
def test_normalising_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once


def test_near_names_close_measures_only() -> None:
    keys = {"+中小学学位", "+家庭养老床位", "地区生产总值", "+口袋公园"}
    assert near("+中小学学位数", keys) == ["+中小学学位"]
    assert near("粮食产量", keys) == []


def test_an_amount_narrowed_in_front_is_not_the_indicator() -> None:
    assert _placed("manufacturing_investment", normalise("制造业投资"), CATALOG)
    assert not _placed("manufacturing_investment", normalise("高技术制造业投资"), CATALOG)
    assert _placed("industrial_value_added", normalise("全省规上工业增加值增速"), CATALOG)


def test_an_unmatched_goal_says_why_its_near_outcomes_were_not_taken() -> None:
    source = tt.Source("plan.txt", 0, 1, "x")
    goal = tt.Goal("g", "某省", "新建口袋公园", "at_least", "100个", "2025年", source)
    wrong_unit = tt.Outcome("o1", "某省", "建设口袋公园", "30公顷", "2025年", source)
    narrower = tt.Outcome("o2", "某省", "新建城市口袋公园", "120个", "2025年", source)
    [verdict] = tt.audit([goal], [wrong_unit, narrower], dt.date(2026, 6, 1)).verdicts
    assert verdict.status is tt.Status.UNREPORTED
    assert "in 公顷, which cannot be put in the goal's 个" in verdict.reason
    assert "+城市口袋公园" in verdict.reason and "near measures, not the same" in verdict.reason


# -- near measures: the index finds what a scan of every key finds --------------------------


def _scan(key: str, keys: set[str]) -> list[str]:
    """:func:`near` by its definition, over every key."""

    def pieces(text: str) -> set[str]:
        return {text[i : i + 2] for i in range(len(text) - 1)} or {text}

    own = pieces(key)
    scored = []
    for other in keys - {key}:
        score = len(own & pieces(other)) / len(own | pieces(other))
        bare, other_bare = key.lstrip("+"), other.lstrip("+")
        if bare in other_bare or other_bare in bare:
            score = max(score, 0.5)
        if score >= 0.5:
            scored.append((-score, other))
    return [other for _, other in sorted(scored)]


_PLAIN = st.text(alphabet="产业增加值工新能源汽车投资额", min_size=1, max_size=7)
_WORDING = _PLAIN | _PLAIN.map(lambda text: "+" + text)


@given(keys=st.sets(_WORDING, min_size=1, max_size=40), extra=_WORDING)
def test_near_index_finds_what_a_scan_of_every_key_finds(keys: set[str], extra: str) -> None:
    index = NearIndex(keys)
    for key in [*sorted(keys)[:10], extra]:
        assert index.near(key, limit=1000) == _scan(key, keys)


def test_near_index_finds_a_key_sharing_half_the_pieces_but_not_the_rarest() -> None:
    # 产业增加 and 业增加值 share 业增 and 增加 (half of the union), not 产业, the rarest piece
    keys = {"产业增加", "业增加值", "工业增加", "农业增加", "服务业增加"}
    assert NearIndex(keys).near("产业增加", limit=10) == _scan("产业增加", keys)
    assert "业增加值" in NearIndex(keys).near("产业增加", limit=10)


@pytest.mark.parametrize(
    ("plan", "review"),
    [
        ("开工老旧小区改造", "改造老旧小区"),  # the action after its object, or before it
        ("公交与轨道50米内换乘比例提高到", "公交与轨道50米内换乘比例"),  # raised to: the level
        ("老楼加装电梯完工", "老楼加装电梯"),
        ("单位地区生产总值能耗", "单位生产总值能耗"),
    ],
)
def test_wordings_that_differ_only_in_how_the_action_is_said_are_one_measure(
    plan: str, review: str
) -> None:
    catalog = tt.default_catalog()
    assert measure_key(plan, catalog) == measure_key(review, catalog)


@pytest.mark.parametrize(
    ("one", "other"),
    [("老旧小区改造", "老旧小区"), ("新增绿道", "绿道"), ("建设改造", "改造")],
)
def test_an_action_named_without_an_addition_stays_its_own_measure(one: str, other: str) -> None:
    catalog = tt.default_catalog()
    assert measure_key(one, catalog) != measure_key(other, catalog)


def test_words_of_manner_do_not_change_the_measure() -> None:
    catalog = tt.default_catalog()
    assert measure_key("精细化治理背街小巷", catalog) == measure_key("治理背街小巷", catalog)


@pytest.mark.parametrize(
    ("claim", "goal"),
    [
        ("12类45件民生实事全面完成", "优化安排12类45件民生实事"),
        ("年度10件惠民实事圆满办结", "继续办好10件惠民实事"),
        ("20项民生实事全面完成", "办好20件民生实事"),
    ],
)
def test_a_counted_programme_said_to_be_completed_is_its_count(claim: str, goal: str) -> None:
    [done] = tt.extract_statements(
        f"2026年某某省政府工作报告\n各位代表:\n一、2025年工作回顾\n{claim}。\n"
    )
    [planned] = tt.extract_statements(
        f"2025年某某省政府工作报告\n各位代表:\n二、2025年主要目标\n{goal}。\n"
    )
    assert normalise(done.metric_text) == normalise(planned.metric_text)
    assert done.value.value == planned.value.value


def test_a_programme_mostly_done_is_not_completed() -> None:
    assert normalise("民生实事基本完成") != normalise("民生实事")
