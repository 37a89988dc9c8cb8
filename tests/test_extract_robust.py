"""The extractor never crashes and every span it returns quotes the original text.

Hypothesis writes text from the characters that matter (digits of both widths, Chinese
numerals, units, the private-use decimal, punctuation, white space), and mutates the seeds:
random insertions and deletions, spaces and line breaks inside numbers, full-width swaps.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import targettrack as tt
from targettrack.dataset import read_text
from targettrack.measure import measure_key

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_TEXTS = [read_text(path) for path in sorted(SEEDS.glob("*.txt"))]

ALPHABET = (
    "0123456789０１２３４５６７８９.．/／%％\ue010 \n\t　,，。;；:：、()（）“”《》—-~～+*●"
    "零〇一二两三四五六七八九十百千万亿分之成大多余左右以上下内超近约达到至为"
    "年月日季度前全今去上每累计截底以来十四五增长下降提高个百分点家项元吨标准煤人次户台套"
    "万亿元/人力争确保争取预计有望新增培育第居位规模工业增加值比重占浙江安徽省经济和信息化厅"
    "重点工作思路成效AGX强级版"
)

SLOW = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def check(text: str) -> list[tt.Statement]:
    statements = tt.extract_statements(text, doc="fuzz.txt")
    for statement in statements:
        source = statement.source
        assert 0 <= source.start <= source.end <= len(text)
        assert text[source.start : source.end] == source.quote
        assert statement.kind in ("goal", "outcome")
    tt.statements_to_json(statements)
    tt.to_records(statements)
    return statements


@SLOW
@given(st.text(alphabet=ALPHABET, max_size=300))
def test_generated_text_never_crashes(text: str) -> None:
    check(text)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=200))
def test_any_unicode_never_crashes(text: str) -> None:
    check(text)


def _mutate(text: str, rng: random.Random) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 40)):
        if not chars:
            break
        position = rng.randrange(len(chars))
        action = rng.randrange(5)
        if action == 0:
            chars.insert(position, rng.choice(ALPHABET))
        elif action == 1:
            del chars[position]
        elif action == 2 and chars[position].isdigit():
            chars.insert(position + 1, rng.choice([" ", "\n", "\n\n", "　"]))
        elif action == 3 and "0" <= chars[position] <= "9":
            chars[position] = chr(ord(chars[position]) - ord("0") + ord("０"))
        elif action == 4 and chars[position] == ".":
            chars[position] = "\ue010"
    return "".join(chars)


@settings(max_examples=40, deadline=None)
@given(st.integers(min_value=0, max_value=len(SEED_TEXTS) - 1), st.randoms(use_true_random=False))
def test_mutated_seed_text_never_crashes(index: int, rng: random.Random) -> None:
    text = SEED_TEXTS[index]
    start = rng.randrange(max(1, len(text) - 3000))
    check(_mutate(text[start : start + 3000], rng))


def test_spaces_and_full_width_forms_read_the_same_value() -> None:
    plain = tt.extract_statements(
        "2024年工作成效\n新增规上工业企业2753户，全省规上工业增加值增长7.3%。"
    )
    spaced = tt.extract_statements(
        "2024年工作成效\n新增规上工业企业２ ７\n５３户，全省规上工业增加值增长 ７\ue010３ ％。"
    )
    assert [s.value for s in spaced] == [s.value for s in plain]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("力争治理违法建设2000万平方米。", "万平方米"),
        ("老楼加装电梯完工600部。", "部"),
        ("粮食总产稳定在1100亿斤以上。", "亿斤"),
        ("新能源和可再生能源装机新增2000万千瓦。", "万千瓦"),
    ],
)
def test_any_unit_of_the_registry_is_read_after_an_arabic_number(text: str, unit: str) -> None:
    (statement,) = tt.extract_statements(text, region="北京", year=2025)
    assert statement.value.unit == unit


@pytest.mark.parametrize("text", ["一方面，一部分企业一起发展。", "排名提高16位。", "气温30度。"])
def test_words_that_look_like_units_after_chinese_numerals_are_no_quantities(text: str) -> None:
    assert tt.extract_statements(text, region="北京", year=2025) == []


@pytest.mark.parametrize(
    ("text", "metric_text"),
    [
        ("力争建成临沂至滕州等15个项目。", "建成项目"),
        ("建设威海碳纤维、枣庄欣旺达等源网荷储一体化试点30个左右。", "建设源网荷储一体化试点"),
        ("高等学校毛入学率达到62%。", "高等学校毛入学率"),
    ],
)
def test_examples_before_等_are_not_the_measure(text: str, metric_text: str) -> None:
    (statement,) = tt.extract_statements(text, region="山东", year=2025)
    assert statement.metric_text == metric_text


def test_a_figure_above_the_years_plan_is_no_goal() -> None:
    text = (
        "政府工作报告\n——2025年1月19日在江苏省第十四届人民代表大会第三次会议上\n各位代表：\n"
        "一、2024年工作回顾\n过去一年,省重大项目投资7300亿元、超年度计划目标13.9%。\n"
    )
    kinds = {s.source.quote: s.kind for s in tt.extract_statements(text, "r.txt")}
    assert kinds == {"省重大项目投资7300亿元": "outcome", "超年度计划目标13.9%": "outcome"}


def test_a_count_of_kinds_before_a_count_is_not_a_figure_of_its_own() -> None:
    found = tt.extract_statements("优化安排12类45件民生实事。", region="江苏", year=2025)
    assert [(s.value.value, s.value.unit) for s in found] == [(45.0, "件")]
    found = tt.extract_statements("累计建设超8万个5G室外基站。", region="江苏", year=2025)
    assert [(s.value.value, s.value.unit) for s in found] == [(8.0, "万个")]


@pytest.mark.parametrize(
    ("text", "metric_text"),
    [
        ("精细化治理1411条背街小巷。", "治理背街小巷"),
        ("完成2443个行政村生活污水治理。", "完成行政村生活污水治理"),
    ],
)
def test_a_verb_before_the_number_takes_the_noun_after_it(text: str, metric_text: str) -> None:
    (statement,) = tt.extract_statements(text, region="山东", year=2025)
    assert statement.metric_text == metric_text


def test_a_figure_without_words_takes_the_subject_of_the_clause_before_it() -> None:
    text = "一、2025年工作回顾\n对东盟进出口增长19%，全省进出口总值创历史新高，达到5379亿元、增长18.5%。"
    found = tt.extract_statements(text, region="陕西", year=2026)
    quotes = {s.source.quote: s.metric_text for s in found}
    assert quotes["进出口总值创历史新高，达到5379亿元"] == "进出口总值创历史新高"
    assert quotes["增长18.5%"] == "进出口总值创历史新高"
    catalog = tt.default_catalog()
    assert measure_key("进出口总值创历史新高", catalog) == measure_key("进出口总值", catalog)


@pytest.mark.parametrize(
    ("text", "metric", "amount"),
    [
        ("全省PM2.5平均浓度不超过35微克每立方米。", "pm25_concentration", "35微克/立方米"),
        ("力争空气质量优良天数达到338天以上。", "good_air_days", "338天"),
        ("人均预期寿命达到78.9岁。", "life_expectancy", "78.9岁"),
        ("海洋生产总值突破万亿。", "marine_gdp", "1000000000000元"),
        ("新开工改造城镇老旧小区3011万平方米。", "+城镇老旧小区", "3011万平方米"),
    ],
)
def test_a_figure_is_placed_in_the_unit_it_is_written_in(
    text: str, metric: str, amount: str
) -> None:
    goals, outcomes, unplaced = tt.to_records(
        tt.extract_statements(text, "x.txt", region="陕西", year=2025)
    )
    assert not unplaced
    (record,) = [*goals, *outcomes]
    value = record.target if isinstance(record, tt.Goal) else record.value
    assert (record.metric, str(value)) == (metric, amount)


def test_what_is_built_is_the_noun_after_the_number_not_the_place_before_the_verb() -> None:
    (statement,) = tt.extract_statements(
        "在老年人数量较多区域新建50个养老服务中心。", region="北京", year=2025
    )
    assert (statement.metric_text, statement.source.quote) == (
        "新建养老服务中心",
        "新建50个养老服务中心",
    )


@given(
    st.text(
        alphabet=st.sampled_from("增长５%，ﬁ…\ue010\u3000年月１二a\n ") | st.characters(),
        max_size=60,
    )
)
def test_the_text_is_folded_as_character_by_character_normalising_folds_it(text: str) -> None:
    from targettrack._text import normalise
    from targettrack.extract.text import _fold

    folded, origin = _fold(text)
    expected, expected_origin = normalise(text)
    assert folded == expected
    assert (origin if origin is not None else list(range(len(text) + 1))) == expected_origin


@pytest.mark.parametrize(
    ("text", "value", "bound"),
    [
        ("空气质量优良天数稳定在325天以上。", "325天", "lower"),
        ("办理时限压缩至5天以内。", "5天", "upper"),
    ],
)
def test_days_with_a_qualifier_are_a_figure_with_its_bound(
    text: str, value: str, bound: str
) -> None:
    (statement,) = tt.extract_statements(text, region="重庆", year=2025)
    assert (str(statement.value), statement.bound.value) == (value, bound)


def test_a_bare_number_of_years_is_a_span_not_a_figure() -> None:
    assert tt.extract_statements("企业连续3年以上保持增长。", region="重庆", year=2025) == []
