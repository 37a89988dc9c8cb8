"""The extractor: what it reads, the context it gives, and its figures on the seeds."""

from __future__ import annotations

import json
from collections import Counter
from functools import cache
from pathlib import Path

import pytest
import yaml

import targettrack as tt
from targettrack.dataset import read_text
from targettrack.evaluation import evaluate_extraction as evaluate
from targettrack.evaluation import load_gold
from targettrack.extract import Statement, statements_from_json, unplaced
from targettrack.extract.statement import canonical

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold"
TEXTS = sorted(SEEDS.glob("*.txt"))


@cache
def seed_statements(name: str) -> tuple[Statement, ...]:
    return tuple(tt.extract_statements(read_text(SEEDS / name), doc=name))


def one(text: str, **kwargs: object) -> Statement:
    found = tt.extract_statements(text, **kwargs)  # type: ignore[arg-type]
    assert len(found) == 1, found
    return found[0]


def curated_files(stem: str) -> list[Path]:
    merged = SEEDS / f"{stem}.yaml"
    return [merged] if merged.exists() else sorted(SEEDS.glob(f"{stem}.*.part.yaml"))


# -- the seeds ----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem[:3])
def test_every_curated_goal_is_found(path: Path) -> None:
    statements = seed_statements(path.name)
    missing = []
    for file in curated_files(path.stem):
        for goal in tt.load_document(file).goals:
            target = canonical(goal.target)[0]
            if not any(
                s.kind == "goal"
                and s.source.start < goal.source.end
                and goal.source.start < s.source.end
                and abs(s.canonical_value - target) <= 1e-9 * max(1.0, abs(target))
                for s in statements
            ):
                missing.append((goal.id, goal.source.quote))
    assert missing == []


@pytest.mark.parametrize("path", TEXTS, ids=lambda p: p.stem[:3])
def test_every_span_quotes_the_original_text(path: Path) -> None:
    text = read_text(path)
    for statement in seed_statements(path.name):
        source = statement.source
        assert 0 <= source.start < source.end <= len(text)
        assert text[source.start : source.end] == source.quote
        assert statement.kind in ("goal", "outcome")
        assert 0 < statement.confidence < 1


def test_the_figures_on_the_gold_meet_the_aims() -> None:
    gold = load_gold(GOLD, text_dir=SEEDS)
    statements = [s for name in gold for s in seed_statements(name)]
    report = evaluate(statements, gold)
    for kind in ("goal", "outcome"):
        span = report.scores[kind]["span"]
        assert span.recall >= 0.95, (kind, span)
        assert span.precision >= 0.90, (kind, span)
    assert report.wrong_values == ()


def test_the_ten_provinces_of_003_in_order() -> None:
    regions: list[str] = []
    for statement in seed_statements("003_6bc1b6faa40d64d0.txt"):
        assert statement.region is not None
        if not regions or regions[-1] != statement.region:
            regions.append(statement.region)
    assert regions == [
        "北京",
        "上海",
        "重庆",
        "广东",
        "江苏",
        "山东",
        "浙江",
        "海南",
        "云南",
        "甘肃",
    ]


def test_region_and_year_switch_mid_file() -> None:
    statements = seed_statements("004_071ef4cc225e6f34.txt")
    anhui_goal = next(s for s in statements if "亿元以上重点技改项目1200项" in s.source.quote)
    assert (anhui_goal.kind, anhui_goal.region, str(anhui_goal.period)) == (
        "goal",
        "安徽",
        "2024年",
    )
    assert anhui_goal.strength is tt.Strength.BINDING
    shandong = next(s for s in statements if s.source.quote.endswith("增长6.9%"))
    assert (shandong.kind, shandong.region, str(shandong.period)) == (
        "outcome",
        "山东",
        "2023年1—10月",
    )


def test_the_guidance_001_reads_its_targets() -> None:
    statements = {
        s.source.quote.replace("\n", ""): s for s in seed_statements("001_e9ac55c77d2d7d2f.txt")
    }
    share = next(s for q, s in statements.items() if "１ ／ ３ 左右" in q)
    assert (share.comparator, share.canonical_value) == (tt.Comparator.ABOUT, pytest.approx(1 / 3))
    rd = next(s for q, s in statements.items() if "２\ue010 ５％以上" in q)
    assert (rd.value, rd.comparator, rd.deadline) == (
        tt.Amount(2.5, "%"),
        tt.Comparator.AT_LEAST,
        True,
    )
    energy = next(s for q, s in statements.items() if "下降 １６％以上" in q)
    assert energy.value == tt.Amount(-16, "%")
    assert energy.comparator is tt.Comparator.AT_MOST
    assert str(energy.baseline) == "2020年"
    annual = next(s for q, s in statements.items() if "每年共新增规模以上工业企业" in q)
    assert annual.recurrence is tt.Recurrence.ANNUAL
    assert (str(annual.period), str(annual.span)) == ("2025年", "2022—2025年")
    assert all(s.kind == "goal" and s.region == "浙江" for s in statements.values())


# -- what it reads ------------------------------------------------------------------------------


def test_full_width_digits_spaces_and_the_private_use_decimal() -> None:
    statement = one("到２０２５ 年，高新技术企业 ３\ue010 ５ 万\n\n家。", region="浙江")
    assert statement.value == tt.Amount(3.5, "万家")
    assert statement.canonical_value == 35_000
    assert statement.canonical_unit == "家"
    assert str(statement.period) == "2025年"
    assert statement.deadline


def test_compound_units_and_magnitudes() -> None:
    statement = one("到2025年，规上制造业全员劳动生产率达到 ３５ 万元 ／人以上。")
    assert (statement.value, statement.canonical_value, statement.canonical_unit) == (
        tt.Amount(35, "万元/人"),
        350_000,
        "元/人",
    )
    money = one("2024年工作成效\n新发放专项信贷1.19万亿元。")
    assert money.canonical_value == pytest.approx(1.19e12)
    assert money.canonical_unit == "元"


def test_chinese_numerals_and_fractions() -> None:
    third = one("确保每年制造业项目数不低于三分之一。", year=2022)
    assert third.canonical_value == pytest.approx(1 / 3)
    assert third.comparator is tt.Comparator.AT_LEAST
    assert third.strength is tt.Strength.BINDING
    labs = one("到2025年，完成十大省实验室布局。")
    assert labs.value.value == 10
    pairs = one("2023年工作成效\n创建国家级工业互联网“双跨”平台两家。")
    assert pairs.value == tt.Amount(2, "家")
    half = one("2023年工作成效\n高新技术产业产值占规上工业比重首次超过五成。")
    assert (half.canonical_value, half.bound) == (pytest.approx(0.5), tt.Bound.LOWER)


def test_ranges() -> None:
    statement = one("2025年工作思路\n地区生产总值增长5%—5.5%。", region="安徽")
    assert statement.comparator is tt.Comparator.RANGE
    assert (statement.value, statement.value_high) == (tt.Amount(5, "%"), tt.Amount(5.5, "%"))
    assert statement.change is tt.Change.RELATIVE


def test_a_list_sharing_one_verb() -> None:
    text = "2025年重点工作\n新增专精特新“小巨人”398家、重点“小巨人”149家、单项冠军45家。"
    found = tt.extract_statements(text, region="浙江")
    assert [(s.value.value, s.metric) for s in found] == [
        (398, "little_giants_national_new"),
        (149, "key_little_giants_national_new"),
        (45, "single_champions_national_new"),
    ]
    assert [s.metric_text for s in found] == ["新增专精特新“小巨人”", "重点“小巨人”", "单项冠军"]
    assert all(s.kind == "outcome" and str(s.period) == "2025年" for s in found)


def test_respectively() -> None:
    text = "2025年重点工作\n1—11月，电子信息、汽车产业增加值分别增长37.9%、19.1%。"
    first, second = tt.extract_statements(text, region="安徽")
    assert (first.metric, second.metric) == ("electronics_value_added", "auto_industry_value_added")
    assert first.change is second.change is tt.Change.RELATIVE
    assert str(second.period) == "2025年1—11月"


@pytest.mark.parametrize(
    ("text", "comparator"),
    [
        ("培育省级工业互联网平台10家以上。", tt.Comparator.AT_LEAST),
        ("新增高新技术企业3000家左右。", tt.Comparator.ABOUT),
        ("城镇调查失业率控制在5.5%以内。", tt.Comparator.AT_MOST),
        ("工业用地比例不低于30%。", tt.Comparator.AT_LEAST),
        ("营收突破3500亿元。", tt.Comparator.AT_LEAST),
        ("培育省级中试平台10家。", tt.Comparator.AT_LEAST),
    ],
)
def test_goal_comparators(text: str, comparator: tt.Comparator) -> None:
    assert one("2025年工作思路\n" + text, region="安徽").comparator is comparator


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("规模以上工业企业突破6万家。", tt.Bound.LOWER),
        ("服务企业超7.1万户次。", tt.Bound.LOWER),
        ("累计授权企业7000多家。", tt.Bound.LOWER),
        ("较上届增长近40%。", tt.Bound.APPROXIMATE),
        ("服务企业32.3万户。", tt.Bound.EXACT),
        ("以占全省不到1%的面积。", tt.Bound.UPPER),
    ],
)
def test_outcome_bounds(text: str, bound: tt.Bound) -> None:
    assert one("2025年重点工作\n" + text, region="安徽").bound is bound


def test_strength_and_estimates() -> None:
    goals = tt.extract_statements(
        "2024年工作安排\n力争规上工业增加值增长7%左右，确保全年实施项目1200项以上。"
    )
    assert [g.strength for g in goals] == [tt.Strength.ASPIRATIONAL, tt.Strength.BINDING]
    estimate = one("2023年工作成效\n预计全年规上工业营收达5万亿元。")
    assert estimate.estimate and estimate.kind == "outcome"


@pytest.mark.parametrize(
    ("text", "period"),
    [
        ("1—11月，规上工业增加值增长7.3%。", "2023年1—11月"),
        ("前三季度工业投资增长6%。", "2023年1—9月"),
        ("截至10月底，累计为企业减负2770.8亿元。", "2023年1—10月"),
        ("全年培育新产品361项。", "2023年"),
        ("1—10月，工业投资增长27.3%；制造业投资增长25.4%。", "2023年1—10月"),
    ],
)
def test_period_cues(text: str, period: str) -> None:
    statement = tt.extract_statements("2023年工作成效\n" + text, region="安徽")[-1]
    assert str(statement.period) == period


@pytest.mark.parametrize(
    "text",
    [
        "深入实施“415X”先进制造业集群培育工程。",
        "确保“十四五”开好局。",
        "累计建成5G基站。",
        "实施制造业数字化转型2.0版。",
        "9家企业进入世界500强。",
        "成功举办2025世界制造业大会。",
        "遴选第一批省级“链主”企业。",
        "增速居全国第3位、长三角第1位。",
        "高于全国3.3个百分点。",
        "浙江省人民政府2022年8月30日。",
        "加快构建“4+10”万亿级产业体系。",
        "优先支持10亿元以上制造业重大项目列入省重大产业项目库。",
        "打造一批千亿级产业集群。",
    ],
)
def test_numbers_that_name_or_order_things_are_skipped(text: str) -> None:
    found = [
        s for s in tt.extract_statements("2024年工作成效\n" + text) if s.value.value not in (9,)
    ]
    assert found == []


def test_a_sentence_about_next_year_is_a_goal_and_about_the_past_an_outcome() -> None:
    text = (
        "安徽省经济和信息化厅\n今年以来，安徽工信系统聚力稳增长。1—11月，全省规模以上工业增加值"
        "同比增长9.3%。\n2025年重点工作\n新增链主企业40户。\n2026年工作思路\n"
        "2026年，安徽工信系统将锚定战略定位。力争全省规上工业增加值增长6.5%左右。"
    )
    found = tt.extract_statements(text)
    assert [(s.kind, s.region, str(s.period)) for s in found] == [
        ("outcome", "安徽", "2025年1—11月"),
        ("outcome", "安徽", "2025年"),
        ("goal", "安徽", "2026年"),
    ]


def test_highlight_boxes_do_not_repeat_statements() -> None:
    text = (
        "2025年重点工作\n1—11月，全省规模以上工业增加值同比增长9.3%。\n"
        "● 1—11月，安徽规上工业增加值同比增长**9.3%**。\n"
    )
    assert len(tt.extract_statements(text, region="安徽")) == 1


# -- output and records -------------------------------------------------------------------------


def test_json_and_yaml_round_trip() -> None:
    statements = list(seed_statements("000_6faf6b9d7d4512a8.txt"))
    data = tt.statements_to_json(statements)
    text = json.dumps(data, ensure_ascii=False)
    assert statements_from_json(json.loads(text)) == statements
    assert yaml.safe_load(tt.statements_to_yaml(statements)) == data
    first = data["statements"][0]
    assert set(first) >= {"kind", "region", "metric_text", "metric", "comparator", "value"}
    assert set(first["source"]) == {"doc", "start", "end", "quote"}


def test_to_records_places_or_keeps_every_statement() -> None:
    # a review whose figures do not all name a measure
    name = "shaanxi_2025_gov_work_report.txt"
    statements = list(tt.extract_statements(read_text(ROOT / "corpus" / name), doc=name))
    goals, outcomes, unplaced = tt.to_records(statements)
    assert len(goals) + len(outcomes) + len(unplaced) == len(statements)
    assert goals and outcomes and unplaced
    ids = [r.id for r in [*goals, *outcomes]]
    assert len(ids) == len(set(ids))
    again = tt.to_records(statements)
    assert [g.id for g in again[0]] == [g.id for g in goals]
    assert again[2] == unplaced
    assert all(isinstance(g, tt.Goal) for g in goals)
    assert all(isinstance(u, tt.Unplaced) and u.reason for u in unplaced)
    # each statement is in exactly one list: the spans, counted, are the statements' spans
    kept = Counter(r.source for r in [*goals, *outcomes, *unplaced])
    assert kept == Counter(s.source for s in statements)


def test_an_unplaced_statement_says_why() -> None:
    text = "新增高新技术企业500家,新增某某东西30个。"
    by_value = {u.value: u for u in tt.to_records(tt.extract_statements(text))[2]}
    assert by_value["500家"].reason == "no region; no period"
    # the catalog does not gate: a measure it does not know is unplaced only for what is missing
    assert by_value["30个"].reason == "no region; no period"
    _, [placed], _ = tt.to_records(
        tt.extract_statements("2025年新增高新技术企业500家。", region="浙江")
    )
    assert placed.metric == "high_tech_enterprises_new"
    [kept] = tt.to_records(tt.extract_statements("新增高新技术企业500家。", region="浙江"))[2]
    assert (kept.kind, kept.region, kept.period) == ("outcome", "浙江", "")
    assert kept.reason == "no period"
    assert (kept.metric_text, kept.value) == ("新增高新技术企业", "500家")
    assert kept.source.quote == "新增高新技术企业500家"


def test_a_value_the_model_refuses_is_kept_with_the_model_s_message() -> None:
    text = "2025年新增高新技术企业15%。"
    statement = Statement(
        kind="outcome",
        region="浙江",
        year=2025,
        metric_text="新增高新技术企业",
        metric="high_tech_enterprises_new",
        comparator="exactly",
        value=tt.Amount(15, "%"),
        canonical_value=0.15,
        canonical_unit="",
        source=tt.Source.from_span("plan.txt", text, 5, 16),
        period="2025年",
    )
    goals, outcomes, [kept] = tt.to_records([statement])
    assert (goals, outcomes) == ([], [])
    assert kept.reason.startswith("'value' must be a quantity of enterprise")
    assert (kept.value, kept.period, kept.source) == ("15%", "2025年", statement.source)
    assert unplaced(statement, "by hand").reason == "by hand"


def test_extract_rejects_what_is_not_text() -> None:
    with pytest.raises(TypeError):
        tt.extract_statements(b"bytes")  # type: ignore[arg-type]
    assert tt.extract_statements("") == []
