"""Close wordings: a goal whose measure no outcome shares word for word is aligned with an
outcome's measure that differs only by a qualifier in front of the same head or a neutral word
after it; a word that makes another measure (data/wordings.yaml) never is; and every verdict
reached so says so, in every report."""

from __future__ import annotations

import io
import json

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from targettrack import cli
from targettrack.catalog import default_catalog
from targettrack.corpus_eval import corpus_dir
from targettrack.measure import align, default_wordings

CATALOG = default_catalog()


@pytest.mark.parametrize(
    ("goal", "outcome", "differing"),
    [
        ("+养老服务中心", "+区域养老服务中心", ("区域",)),
        ("+成果转化企业", "+科技成果转化企业", ("科技",)),
        ("留抵退税", "增值税留抵退税", ("增值税",)),
        ("+行政村生活污水", "+村生活污水", ("行政",)),
        ("转化科技成果数量", "转化科技成果", ("数量",)),
    ],
)
def test_a_qualifier_or_a_neutral_word_is_a_close_wording(
    goal: str, outcome: str, differing: tuple[str, ...]
) -> None:
    aligned, ties = align(goal, [outcome, "无关的指标"], CATALOG)
    assert aligned is not None and not ties
    assert (aligned.key, aligned.differing) == (outcome, differing)


@pytest.mark.parametrize(
    ("goal", "outcome"),
    [
        ("制造业投资", "高技术制造业投资"),  # a narrower kind
        ("居民人均可支配收入", "城镇居民人均可支配收入"),  # a part of the residents
        ("一般公共预算收入", "市级一般公共预算收入"),  # a level of government
        ("+重大项目", "+亿元以上重大项目"),  # a size threshold
        ("外送电量", "净外送电量"),  # net is not gross
        ("示范园区", "川渝示范园区"),  # a place's part
        ("+养老服务中心", "养老服务中心"),  # additions are not a level
        ("养老服务中心", "养老服务中心床位"),  # another head
        ("+绿道", "+联山联水联社区绿道"),  # too short to be sure of
        ("重大项目", "自治区层面统筹推进重大项目"),  # a clause, not a qualifier
    ],
)
def test_a_word_that_makes_another_measure_is_never_a_close_wording(
    goal: str, outcome: str
) -> None:
    assert align(goal, [outcome], CATALOG) == (None, ())
    assert align(outcome, [goal], CATALOG) == (None, ())


@given(
    word=st.sampled_from(default_wordings().keep_apart),
    measure=st.sampled_from(["养老服务中心", "成果转化企业", "生活污水治理", "消费品零售总额"]),
    addition=st.booleans(),
)
def test_no_keep_apart_word_is_ever_bridged(word: str, measure: str, addition: bool) -> None:
    mark = "+" if addition else ""
    assert align(mark + measure, [mark + word + measure], CATALOG) == (None, ())
    assert align(mark + word + measure, [mark + measure], CATALOG) == (None, ())


def test_two_equally_close_wordings_are_both_named_and_neither_taken() -> None:
    aligned, ties = align("+养老服务中心", ["+区域养老服务中心", "+社区养老服务中心"], CATALOG)
    assert aligned is None and [t.key for t in ties] == ["+区域养老服务中心", "+社区养老服务中心"]


def test_a_catalog_indicator_is_never_aligned() -> None:
    assert align("gdp", ["gdp增长"], CATALOG) == (None, ())


PAIR = [
    str(corpus_dir() / "shaanxi_2025_gov_work_report.txt"),
    str(corpus_dir() / "shaanxi_2026_gov_work_report.txt"),
    "--as-of",
    "2026-03-01",
]


def _run(capsys: pytest.CaptureFixture[str], *extra: str) -> str:
    assert cli.main(["audit", *PAIR, *extra]) == 0
    return capsys.readouterr().out


def test_every_report_shows_a_close_wording_with_the_words_that_differ(
    capsys: pytest.CaptureFixture[str],
) -> None:
    said = "Through a close wording: +成果转化企业 ~ +科技成果转化企业 (they differ by 科技)."
    assert said in _run(capsys)
    assert said.replace("~", "\\~") in _run(capsys, "-f", "md")
    assert said in _run(capsys, "-f", "html")
    data = json.loads(_run(capsys, "-f", "json"))
    [close] = [
        v for v in data["verdicts"] if v["goal"]["source"]["quote"] == "新增成果转化企业1000家"
    ]
    assert (close["status"], close["match"], close["differing"]) == (
        "met",
        "close wording",
        ["科技"],
    )
    same = [v for v in data["verdicts"] if v["match"] == "same measure"]
    assert same and all(v["differing"] == [] for v in same)
    table = pd.read_csv(io.StringIO(_run(capsys, "-f", "csv")), keep_default_na=False)
    row = table[table["goal_id"] == close["goal"]["id"]].iloc[0]
    assert (row["match"], row["differing"]) == ("close wording", "科技")
