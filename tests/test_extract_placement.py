"""Placing what a sentence measures in the catalog: list items, shared verbs and levels, totals
against additions, subjects named in the clause before, nouns a threshold qualifies."""

from __future__ import annotations

from typing import Any

import pytest

import targettrack as tt

PLAN = "浙江省人民政府关于推进制造业高质量发展的实施意见\n"


def metrics(text: str, **context: Any) -> list[tuple[str | None, float]]:
    return [(s.metric, s.value.value) for s in tt.extract_statements(text, **context)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # a value before its noun, in a list joined by 和: each value keeps its own noun
        (
            "到2025年，构建200个产业链上下游企业共同体和50个知识产权联盟。",
            [("industrial_chain_enterprise_communities", 200.0), ("ip_alliances", 50.0)],
        ),
        # a bracket closing just before the value belongs to the noun
        (
            "到2025年，建设“未来工厂”100家、智能工厂（数字化车间）1000家（个）。",
            [
                ("future_factories", 100.0),
                ("smart_factories_and_digital_workshops_provincial", 1000.0),
            ],
        ),
        # 动态培育 and a bare 培育 by a deadline count a total, not additions
        ("到2025年，动态培育50家“链主”企业。", [("chain_leader_enterprises", 50.0)]),
        ("到2025年，培育高新技术企业3.5万家。", [("high_tech_enterprises", 3.5)]),
    ],
)
def test_plan_sentences_are_placed(sentence: str, expected: list[tuple[str, float]]) -> None:
    assert metrics(PLAN + sentence) == expected


def test_a_clause_without_a_verb_shares_the_verb_and_a_list_its_level() -> None:
    text = (
        "2024年工作安排\n新增创新型中小企业3000户左右，省专精特新中小企业1500家左右。"
        "新培育省级先进制造业集群10个、中小企业特色产业集群30个左右。"
    )
    found = dict((value, metric) for metric, value in metrics(text, region="安徽", year=2024))
    assert found[1500.0] == "specialized_smes_provincial_new"
    assert found[30.0] == "sme_characteristic_clusters_provincial_new"


def test_a_bare_head_takes_the_subject_of_the_clause_before_unless_it_lists_several() -> None:
    text = "2024年工作安排\n推动先进光伏和新型储能产业集群融合发展，力争营业收入增长20%左右。"
    assert metrics(text, region="安徽", year=2024) == [("pv_energy_storage_revenue", 20.0)]
    listed = "2024年工作安排\n光伏、锂电池营收分别增长68.2%、44.7%，预计全年营收超3000亿元。"
    assert ("operating_revenue", 3000.0) in metrics(listed, region="安徽", year=2024)


def test_a_threshold_names_the_total_of_the_noun_it_qualifies() -> None:
    text = "2024年工作安排\n谋划实施总投资过万亿元的重点工业项目600个以上。"
    assert metrics(text, region="山东", year=2024) == [
        ("key_industrial_projects_total_investment", 1.0),
        ("key_industrial_projects", 600.0),
    ]


def test_a_count_without_a_classifier_counts_in_the_metric_s() -> None:
    statements = tt.extract_statements(PLAN + "到2025年，完成十大省实验室布局。")
    goals, _, unplaced = tt.to_records(statements)
    assert not unplaced
    [goal] = goals
    assert (goal.metric, str(goal.target)) == ("provincial_laboratories", "10家")
