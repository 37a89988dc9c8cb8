"""The extractor on the everyday genres: work reports, five-year plans, statistical bulletins.

The sentences are written for these tests in the style of each genre (not taken from the
seeds), so that the patterns are not tuned to five files.
"""

from __future__ import annotations

import pytest

import targettrack as tt


def rows(text: str, **kwargs: object) -> list[tuple[object, ...]]:
    return [
        (
            s.kind,
            s.region,
            str(s.period),
            str(s.value),
            s.comparator.value,
            None if s.change is None else s.change.value,
            s.metric_text,
        )
        for s in tt.extract_statements(text, **kwargs)  # type: ignore[arg-type]
    ]


NATIONAL_REPORT = """政府工作报告
——2025年3月5日在第十四届全国人民代表大会第三次会议上
国务院
过去一年，国内生产总值达到134.9万亿元，增长5%。城镇新增就业1256万人，年末城镇调查失业率5.1%。居民消费价格上涨0.2%。
今年发展的主要预期目标是：国内生产总值增长5%左右；城镇新增就业1200万人以上，城镇调查失业率5.5%左右；居民消费价格涨幅2%左右；单位国内生产总值能耗降低3%左右。
"""


def test_national_work_report() -> None:
    assert rows(NATIONAL_REPORT, year=2025) == [
        ("outcome", "全国", "2024年", "134.9万亿元", "exactly", None, "国内生产总值"),
        ("outcome", "全国", "2024年", "5%", "exactly", "relative", "国内生产总值"),
        ("outcome", "全国", "2024年", "1256万人", "exactly", None, "城镇新增就业"),
        ("outcome", "全国", "2024年", "5.1%", "exactly", None, "年末城镇调查失业率"),
        ("outcome", "全国", "2024年", "0.2%", "exactly", "relative", "居民消费价格"),
        ("goal", "全国", "2025年", "5%", "about", "relative", "国内生产总值"),
        ("goal", "全国", "2025年", "1200万人", "at_least", None, "城镇新增就业"),
        ("goal", "全国", "2025年", "5.5%", "about", None, "城镇调查失业率"),
        ("goal", "全国", "2025年", "2%", "about", "relative", "居民消费价格"),
        ("goal", "全国", "2025年", "-3%", "about", "relative", "单位国内生产总值能耗"),
    ]


PROVINCIAL_REPORT = """安徽省人民政府工作报告
过去一年，全省生产总值增长5.8%，规上工业增加值增长8.5%，城镇调查失业率控制在5%以内。
2025年全省经济社会发展的主要预期目标是：地区生产总值增长5.5%左右；城镇新增就业65万人以上；城镇调查失业率5.5%以内；研究与试验发展经费投入增长8%以上；单位生产总值能耗完成国家下达目标。
"""


def test_provincial_work_report() -> None:
    assert rows(PROVINCIAL_REPORT) == [
        ("outcome", "安徽", "2024年", "5.8%", "exactly", "relative", "生产总值"),
        ("outcome", "安徽", "2024年", "8.5%", "exactly", "relative", "规上工业增加值"),
        ("outcome", "安徽", "2024年", "5%", "at_most", None, "城镇调查失业率"),
        ("goal", "安徽", "2025年", "5.5%", "about", "relative", "地区生产总值"),
        ("goal", "安徽", "2025年", "65万人", "at_least", None, "城镇新增就业"),
        ("goal", "安徽", "2025年", "5.5%", "at_most", None, "城镇调查失业率"),
        ("goal", "安徽", "2025年", "8%", "at_least", "relative", "研究与试验发展经费投入"),
    ]


FIVE_YEAR_PLAN = """江苏省国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要
“十四五”时期，全省地区生产总值年均增长5.5%左右。到2025年，数字经济核心产业增加值占地区生产总值比重达到10%左右，常住人口城镇化率达到75%，单位地区生产总值能耗下降14%以上，每年新增城镇就业120万人。
"""


def test_five_year_plan() -> None:
    found = tt.extract_statements(FIVE_YEAR_PLAN, year=2021)
    assert [(s.kind, s.region, str(s.period), str(s.value), s.comparator.value) for s in found] == [
        ("goal", "江苏", "2021—2025年", "5.5%", "about"),
        ("goal", "江苏", "2025年", "10%", "about"),
        ("goal", "江苏", "2025年", "75%", "at_least"),
        ("goal", "江苏", "2025年", "-14%", "at_most"),
        ("goal", "江苏", "2025年", "120万人", "at_least"),
    ]
    share = found[1]
    assert share.metric == "digital_core_value_added_share_gdp"
    assert share.deadline
    energy = found[3]
    assert energy.change is tt.Change.RELATIVE
    annual = found[4]
    assert annual.recurrence is tt.Recurrence.ANNUAL
    assert str(annual.span) == "2021—2025年"


BULLETIN = """2024年浙江省国民经济和社会发展统计公报
浙江省统计局
全年全省生产总值90131亿元，比上年增长5.5%。全年规模以上工业增加值22620亿元，比上年增长7.8%。年末全省常住人口6670万人，比上年末增加43万人。全年居民消费价格比上年上涨0.5%。
"""


def test_statistical_bulletin() -> None:
    assert rows(BULLETIN) == [
        ("outcome", "浙江", "2024年", "90131亿元", "exactly", None, "生产总值"),
        ("outcome", "浙江", "2024年", "5.5%", "exactly", "relative", "生产总值"),
        ("outcome", "浙江", "2024年", "22620亿元", "exactly", None, "规模以上工业增加值"),
        ("outcome", "浙江", "2024年", "7.8%", "exactly", "relative", "规模以上工业增加值"),
        ("outcome", "浙江", "2024年", "6670万人", "exactly", None, "年末全省常住人口"),
        ("outcome", "浙江", "2024年", "43万人", "exactly", None, "年末全省常住人口"),
        ("outcome", "浙江", "2024年", "0.5%", "exactly", "relative", "居民消费价格"),
    ]
    value_added = tt.extract_statements(BULLETIN)[2]
    assert value_added.metric == "industrial_value_added"
    assert value_added.canonical_value == pytest.approx(2.262e12)


def test_a_quarterly_release_with_months_and_a_range() -> None:
    text = (
        "2025年前三季度工业经济运行情况\n1—9月，全省规模以上工业增加值同比增长6.2%，"
        "其中高技术制造业增长9.6%。截至9月底，规模以上工业企业达5.8万家。"
        "全年力争规上工业增加值增长6%—6.5%。"
    )
    found = tt.extract_statements(text, region="山东")
    assert [(s.kind, str(s.period), str(s.value)) for s in found] == [
        ("outcome", "2025年1—9月", "6.2%"),
        ("outcome", "2025年1—9月", "9.6%"),
        ("outcome", "2025年9月", "5.8万家"),
        ("goal", "2025年", "6%"),
    ]
    assert found[-1].comparator is tt.Comparator.RANGE
    assert str(found[-1].value_high) == "6.5%"
