"""The work-report genre (政府工作报告): header, parts, and what each part gives."""

from __future__ import annotations

import datetime as dt

import pytest

import targettrack as tt
from targettrack.extract.structure import work_report_header

CITY_REPORT = """2025年成都市政府工作报告
——2025年1月10日在成都市第十八届人民代表大会第五次会议上
各位代表:
现在,我代表市人民政府向大会报告工作。
一、2024年工作回顾
过去一年,地区生产总值增长5.7%。
二、2025年主要目标任务
今年经济社会发展主要预期目标是:地区生产总值增长5.5%左右,城镇新增就业25万人以上。
名词解释
1.“三个做优做强”:指……共有3项。
"""

REVIEW_REPORT = """2026年某某省政府工作报告
——2026年1月20日在某某省第十四届人民代表大会第四次会议上
各位代表:
一、“十四五”时期和2025年工作回顾
“十四五”时期,全省地区生产总值年均增长5.6%,研发投入强度达3.1%。
刚刚过去的2025年,全省地区生产总值增长5.2%。
二、“十五五”时期主要目标任务
到2030年,研发投入强度达到3.5%。
三、2026年重点工作
今年经济社会发展主要预期目标是:地区生产总值增长5%以上。
"""


def rows(text: str) -> list[tuple[str, str | None, str, str]]:
    return [(s.kind, s.region, str(s.period), str(s.value)) for s in tt.extract_statements(text)]


def test_a_city_report_reads_its_region_year_and_parts() -> None:
    header = work_report_header(CITY_REPORT)
    assert header is not None
    assert (header.region, header.year, header.delivered) == ("成都", 2025, (2025, 1, 10))
    assert rows(CITY_REPORT) == [
        ("outcome", "成都", "2024年", "5.7%"),
        ("goal", "成都", "2025年", "5.5%"),
        ("goal", "成都", "2025年", "25万人"),
    ]  # the glossary gives nothing


def test_a_review_report_keeps_its_year_its_five_years_and_its_targets_apart() -> None:
    assert rows(REVIEW_REPORT) == [
        ("outcome", "某某", "2021—2025年", "5.6%"),  # 年均: the five years
        ("outcome", "某某", "2025年", "3.1%"),  # a level the five years reached: its last year
        ("outcome", "某某", "2025年", "5.2%"),
        ("goal", "某某", "2030年", "3.5%"),
        ("goal", "某某", "2026年", "5%"),  # the next year's target is a goal, never an outcome
    ]


@pytest.mark.parametrize(
    "text",
    [
        "浙江省经济和信息化厅\n2025年工作思路\n认真落实政府工作报告部署,力争规上工业增加值增长7%左右。",
        "关于贯彻落实2025年政府工作报告的通知\n新增企业100家。",
        "政府工作报告" * 3,
        "2025年政府工作报告解读:专家谈\n",
    ],
)
def test_a_mention_of_the_genre_is_not_a_header(text: str) -> None:
    # a title line of its own, naming a government by its level, or nothing at all
    header = work_report_header(text)
    assert header is None or header.region is None


def test_region_and_year_given_by_the_user_stand_for_what_the_header_does_not_say() -> None:
    text = (
        "政府工作报告\n各位代表:\n一、过去一年工作回顾\n地区生产总值增长5.7%。\n"
        "二、今年主要目标任务\n地区生产总值增长5.5%左右。\n"
    )
    assert {(s.region, s.period) for s in tt.extract_statements(text)} == {(None, None)}
    found = tt.extract_statements(text, region="某市", year=2025)
    assert rows_of(found) == [
        ("outcome", "某市", "2024年", "5.7%"),
        ("goal", "某市", "2025年", "5.5%"),
    ]
    # a region the header names is overridden too
    assert {s.region for s in tt.extract_statements(CITY_REPORT, region="成都市区")} == {"成都市区"}


def rows_of(found: list[tt.Statement]) -> list[tuple[str, str | None, str, str]]:
    return [(s.kind, s.region, str(s.period), str(s.value)) for s in found]


def test_a_five_year_paragraph_inside_the_review_of_a_plans_last_year_gives_five_year_figures() -> (
    None
):
    text = (
        "政府工作报告\n——2026年1月20日在某省第十四届人民代表大会第五次会议上\n省长 某某\n各位代表：\n"
        "一、2025年工作回顾\n"
        "过去一年，一般公共预算收入增长3.1%。\n"
        "各位代表！2025年目标任务顺利完成。五年来，一般公共预算收入年均增长7.8%。\n"
    )
    found = {
        s.source.quote: str(s.period) for s in tt.extract_statements(text, "r.txt", region="某省")
    }
    assert found == {
        "一般公共预算收入增长3.1%": "2025年",
        "一般公共预算收入年均增长7.8%": "2021—2025年",
    }


def test_a_saved_pages_chrome_is_not_its_title() -> None:
    from targettrack.extract.structure import document_title

    page = "下载\n打印\n【字号：\n加大\n】\n2026年江苏省政府工作报告\n——2026年2月3日在…\n"
    assert document_title(page) == "2026年江苏省政府工作报告"
    assert document_title("短标题\n") == "短标题"
    assert document_title("") == ""


def test_roads_newly_built_over_five_years_are_a_five_year_figure() -> None:
    text = (
        "政府工作报告\n——2026年1月20日在某省第十四届人民代表大会第五次会议上\n各位代表：\n"
        "一、“十四五”时期经济社会发展回顾\n"
        "五年来，常住人口城镇化率达到67.5%，新改建农村公路4.2万公里。\n"
    )
    found = {
        s.source.quote: str(s.period) for s in tt.extract_statements(text, "r.txt", region="某省")
    }
    assert found["新改建农村公路4.2万公里"] == "2021—2025年"
    assert found["常住人口城镇化率达到67.5%"] == "2025年"


def test_any_five_year_plan_names_its_years_not_only_the_thirteenth_and_fourteenth() -> None:
    from targettrack.extract.context import plan_start

    assert [plan_start(w) for w in ("“十三五”以来", "十四五时期", "“十五五”期间")] == [
        2016,
        2021,
        2026,
    ]
    (statement,) = tt.extract_statements("“十五五”时期年均增长5.5%。", region="江苏", year=2028)
    assert str(statement.period) == "2026—2030年"  # the cue's years, not the context's


def test_parts_titled_on_lines_of_their_own_without_numbers_are_parts() -> None:
    # a review, the next plan's targets and the year's work, each titled without 一、二、三、
    text = (
        "2026年某某省政府工作报告\n各位代表：\n现在，我代表省人民政府向大会报告工作。\n"
        "“十四五”时期工作回顾\n五年来，全省地区生产总值年均增长5.6%。\n"
        "刚刚过去的2025年，地区生产总值增长5.8%。\n"
        "“十五五”时期的主要目标任务\n城镇调查失业率控制在5.5%左右。\n"
        "2026年重点工作\n今年地区生产总值增长5%左右。\n"
    )
    assert rows(text) == [
        ("outcome", "某某", "2021—2025年", "5.6%"),
        ("outcome", "某某", "2025年", "5.8%"),
        ("goal", "某某", "2030年", "5.5%"),
        ("goal", "某某", "2026年", "5%"),
    ]


def test_a_paragraph_opening_on_the_address_then_the_year_is_that_years() -> None:
    text = (
        "2026年某某省政府工作报告\n各位代表：\n现在，我代表省人民政府向大会报告工作。\n"
        "一、“十四五”时期和2025年工作回顾\n五年来，全省地区生产总值年均增长5.6%。\n"
        "各位代表！刚刚过去的2025年，是不平凡的一年。完成地区生产总值32765亿元、增长4.1%。\n"
    )
    assert rows(text) == [
        ("outcome", "某某", "2021—2025年", "5.6%"),
        ("outcome", "某某", "2025年", "32765亿元"),
        ("outcome", "某某", "2025年", "4.1%"),
    ]


def test_five_year_targets_are_goals_of_the_period_answered_by_its_review() -> None:
    plan = (
        "各位代表：\n现在，我代表国务院，向大会作政府工作报告。\n"
        "一、“十一五”时期国民经济和社会发展的回顾\n五年来，国内生产总值年均增长11.2%。\n"
        "二、“十二五”时期的主要目标和任务\n今后五年，经济增长预期目标是在提高质量和效益的基础上年均增长7%。"
        "五年城镇新增就业4500万人。\n"
    )
    review = (
        "各位代表：\n现在，我代表国务院，向大会报告政府工作。\n一、2015年工作回顾\n"
        "过去五年，国内生产总值年均增长7.8%，城镇新增就业人数超过6400万人。\n"
    )
    goals = [s for s in tt.extract_statements(plan) if s.kind == "goal"]
    # 基础上年均: 上 and 年均, not 上年 (the year before)
    assert [(str(s.period), str(s.value)) for s in goals] == [
        ("2011—2015年", "7%"),
        ("2011—2015年", "4500万人"),
    ]
    statements = [
        *tt.extract_statements(plan, doc="plan.txt"),
        *tt.extract_statements(review, doc="review.txt"),
    ]
    found, outcomes, _ = tt.extract.to_records(statements)
    result = tt.audit(
        [g for g in found if g.source.doc == "plan.txt"], outcomes, dt.date(2016, 12, 31)
    )
    assert [v.status.value for v in result.verdicts] == ["met", "met"]
    assert (
        "4500万人" in result.verdicts[1].reason and "over 2011—2015年" in result.verdicts[1].reason
    )
