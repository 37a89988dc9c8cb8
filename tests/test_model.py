"""The typed core validates on construction, names what is wrong, and is frozen and hashable."""

from __future__ import annotations

import pickle
from typing import Any

import attrs
import pint
import pytest

import targettrack as tt
from targettrack import Amount, Catalog, Goal, Metric, Outcome, Period, Source
from targettrack.dataset import check_record

#: A catalog of its own, so that these tests do not move with the shipped catalog's data.
CATALOG = Catalog(
    [
        Metric(
            id="little_giants",
            zh="专精特新小巨人企业",
            en="Little giant enterprises",
            kind="stock",
            unit="家",
            classifiers=("户",),
        ),
        Metric(id="clusters", zh="产业集群", en="Industrial clusters", kind="stock", unit="个"),
        Metric(id="value_added", zh="增加值", en="Value added", kind="level", unit="亿元"),
        Metric(id="digital_share", zh="数字经济占比", en="Digital share", kind="share", unit="%"),
        Metric(
            id="energy_intensity",
            zh="能耗强度",
            en="Energy intensity",
            kind="ratio",
            unit="吨标准煤/万元",
            direction="lower",
        ),
    ]
)

TEXT = "到2025年，数字经济核心产业增加值占生产总值比重力争达到 １５％，培育小巨人企业1000家。"
QUOTE = "数字经济核心产业增加值占生产总值比重力争达到 １５％"
START = TEXT.index(QUOTE)
END = START + len(QUOTE)


def goal_record(**changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": "zj-2025-digital-share",
        "region": "浙江",
        "metric": "digital_share",
        "comparator": "at_least",
        "target": "15%",
        "period": "2025年",
        "deadline": True,
        "strength": "aspirational",
        "quote": QUOTE,
        "start": START,
        "end": END,
    }
    record.update(changes)
    return record


def outcome_record(**changes: Any) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": "zj-2025-digital-share-q3",
        "region": "浙江",
        "metric": "digital_share",
        "value": "13.6%",
        "period": "2025年前三季度",
        "quote": QUOTE,
        "start": START,
        "end": END,
    }
    record.update(changes)
    return record


def make_goal(**changes: Any) -> Goal:
    goal = Goal.from_record(goal_record(**changes), doc="001.txt", text=TEXT)
    check_record(goal, CATALOG)  # where records are loaded, the catalog checks them
    return goal


def make_outcome(**changes: Any) -> Outcome:
    outcome = Outcome.from_record(outcome_record(**changes), doc="000.txt")
    check_record(outcome, CATALOG)
    return outcome


# -- Amount ----------------------------------------------------------------------------------


def test_amount_from_text_keeps_number_and_unit() -> None:
    amount = Amount.from_text("35万元/人")
    assert (amount.value, amount.unit) == (35.0, "万元/人")
    assert str(amount) == "35万元/人"
    assert amount.to("元/人") == pytest.approx(350_000)


def test_amount_reads_chinese_and_full_width_text() -> None:
    assert Amount.from_text("百分之十五") == Amount(15, "%")
    assert Amount.from_text("３．５万家") == Amount(3.5, "万家")


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -float("inf")])
def test_amount_value_must_be_a_finite_number(value: float) -> None:
    with pytest.raises(tt.ValidationError) as caught:
        Amount(value, "家")
    assert caught.value.field == "value"
    assert "finite" in str(caught.value)


@pytest.mark.parametrize("value", [True, "many"])
def test_amount_value_that_is_not_a_number_is_a_validation_error(value: object) -> None:
    try:
        Amount(value, "家")  # type: ignore[arg-type]
    except tt.ValidationError as error:
        assert error.field == "value"
    else:
        raise AssertionError(f"Amount({value!r}, '家') was accepted")


def test_amount_unit_must_be_known() -> None:
    with pytest.raises(tt.ValidationError) as caught:
        Amount(3, "匹")
    assert caught.value.field == "unit"
    assert caught.value.got == "匹"


def test_amount_conversion_between_kinds_raises() -> None:
    with pytest.raises(pint.DimensionalityError):
        Amount(3, "亩").to("元")


# -- Source ------------------------------------------------------------------------------------


def test_source_from_span_quotes_the_text() -> None:
    source = Source.from_span("001.txt", TEXT, START, END)
    assert source.quote == QUOTE
    assert str(source) == f"001.txt[{START}:{END}]"
    source.check(TEXT)  # does not raise


def test_source_whose_quote_does_not_match_the_text_raises_source_error() -> None:
    wrong = Source("001.txt", START, END, QUOTE.replace("１５", "２０"))
    with pytest.raises(tt.SourceError) as caught:
        wrong.check(TEXT)
    message = str(caught.value)
    assert "001.txt" in message
    assert "２０" in message and "１５" in message  # what was quoted and what the text reads
    assert isinstance(caught.value, tt.DataError)


def test_goal_record_with_a_wrong_quote_is_refused_when_the_text_is_known() -> None:
    with pytest.raises(tt.SourceError):
        make_goal(quote=QUOTE.replace("１５", "２０"))


def test_source_quote_length_must_match_the_span() -> None:
    with pytest.raises(tt.ValidationError) as caught:
        Source("001.txt", 0, 3, "ab")
    assert caught.value.field == "quote"
    assert "3 characters" in str(caught.value)


@pytest.mark.parametrize(("start", "end", "field"), [(-1, 2, "start"), (5, 2, "end")])
def test_source_offsets(start: int, end: int, field: str) -> None:
    with pytest.raises(tt.ValidationError) as caught:
        Source("d", start, end, "x" * max(end - start, 0))
    assert caught.value.field == field


def test_source_span_must_lie_within_the_text() -> None:
    with pytest.raises(tt.ValidationError) as caught:
        Source.from_span("d", "short", 2, 40)
    assert caught.value.field == "span"


# -- Goal: the target must express the metric -------------------------------------------------


def test_a_valid_goal() -> None:
    goal = make_goal()
    assert goal.target == Amount(15, "%")
    assert goal.period == Period.from_year(2025)
    assert goal.comparator is tt.Comparator.AT_LEAST
    assert goal.strength is tt.Strength.ASPIRATIONAL
    assert goal.source.quote == QUOTE
    assert goal.describe_target() == "≥ 15%"


def test_a_target_whose_unit_cannot_express_the_metric_names_field_expectation_and_value() -> None:
    with pytest.raises(tt.ValidationError) as caught:
        make_goal(metric="little_giants", target="15%")
    error = caught.value
    assert error.field == "target"
    assert "enterprise" in error.expected
    assert error.got == "15%"
    message = str(error)
    assert message.startswith("'target' must be a quantity of enterprise")
    assert message.endswith("(got '15%')")


@pytest.mark.parametrize(
    ("metric", "target", "kind"),
    [
        ("little_giants", "15个", "enterprise"),
        ("little_giants", "15名", "enterprise"),
        ("clusters", "20家", "item"),
        ("value_added", "8000万家", "money"),
        ("value_added", "5万亩", "money"),
        ("energy_intensity", "0.52吨标准煤", "energy intensity"),
    ],
)
def test_targets_of_another_kind_are_rejected(metric: str, target: str, kind: str) -> None:
    with pytest.raises(tt.ValidationError) as caught:
        make_goal(metric=metric, target=target)
    assert caught.value.field == "target"
    assert f"a quantity of {kind}" in str(caught.value)


@pytest.mark.parametrize(
    ("metric", "target"),
    [
        ("little_giants", "1000家"),
        ("little_giants", "3.5万户"),  # 户 is one of the metric's classifiers
        ("value_added", "8000亿元"),
        ("value_added", "1.19万亿元"),
        ("energy_intensity", "0.52吨标准煤/万元"),
        ("digital_share", "1/3"),
    ],
)
def test_targets_that_express_the_metric_are_accepted(metric: str, target: str) -> None:
    assert make_goal(metric=metric, target=target).metric == metric


def test_the_rejected_target_is_quoted_as_written() -> None:
    with pytest.raises(tt.ValidationError) as caught:
        make_goal(metric="value_added", target="15名")
    assert caught.value.got == "15名"


def test_unknown_metric_is_rejected() -> None:
    with pytest.raises(tt.ValidationError) as caught:
        make_goal(metric="no_such_metric")
    assert caught.value.field == "metric"


def test_unreadable_target_and_period_name_their_field() -> None:
    with pytest.raises(tt.ValidationError) as caught:
        make_goal(target="3艘")
    assert caught.value.field == "target"
    with pytest.raises(tt.ValidationError) as caught:
        make_goal(period="2025年13月")
    assert caught.value.field == "period"
    assert "no month 13" in str(caught.value)


def test_unknown_fields_and_missing_fields_are_named() -> None:
    with pytest.raises(tt.ValidationError) as caught:
        make_goal(colour="red")
    assert caught.value.field == "colour"
    with pytest.raises(tt.ValidationError) as caught:
        make_goal(target=None)
    assert caught.value.field == "target"
    record = goal_record()
    del record["quote"]
    with pytest.raises(tt.ValidationError) as caught:
        Goal.from_record(record)
    assert caught.value.field == "quote"


# -- Goal: comparators, ranges, tolerance ------------------------------------------------------


def test_a_range_goal_needs_an_upper_end_at_or_above_the_target() -> None:
    goal = make_goal(comparator="range", target="5%", target_high="5.5%")
    assert goal.describe_target() == "∈ [5%, 5.5%]"
    with pytest.raises(tt.ValidationError) as caught:
        make_goal(comparator="range", target="5%")
    assert caught.value.field == "target_high"
    with pytest.raises(tt.ValidationError) as caught:
        make_goal(comparator="range", target="5%", target_high="4%")
    assert caught.value.field == "target_high"


def test_an_upper_end_only_belongs_to_a_range_goal() -> None:
    with pytest.raises(tt.ValidationError) as caught:
        make_goal(comparator="at_least", target_high="20%")
    assert caught.value.field == "target_high"


def test_about_goals_take_a_tolerance_between_zero_and_one() -> None:
    goal = make_goal(comparator="about", tolerance=0.05)
    assert goal.tolerance == 0.05
    assert make_goal(comparator="about").tolerance is None
    for bad in (0, 1, 1.5, -0.1, True):
        with pytest.raises(tt.ValidationError) as caught:
            make_goal(comparator="about", tolerance=bad)
        assert caught.value.field == "tolerance"


def test_a_tolerance_only_belongs_to_an_about_goal() -> None:
    with pytest.raises(tt.ValidationError) as caught:
        make_goal(comparator="at_least", tolerance=0.05)
    assert caught.value.field == "tolerance"


def test_unknown_comparator_lists_the_choices() -> None:
    with pytest.raises(tt.ValidationError) as caught:
        make_goal(comparator="more_or_less")
    assert caught.value.field == "comparator"
    assert "at_least" in caught.value.expected and "range" in caught.value.expected


# -- Goal: recurrence, span, baseline, change -------------------------------------------------


def test_an_annual_goal_needs_a_span_of_whole_years() -> None:
    goal = make_goal(recurrence="annual", span="十四五")
    assert goal.span == Period.from_years(2021, 2025)
    with pytest.raises(tt.ValidationError) as caught:
        make_goal(recurrence="annual")
    assert caught.value.field == "span"
    with pytest.raises(tt.ValidationError) as caught:
        make_goal(recurrence="annual", span="2025年1—11月")
    assert caught.value.field == "span"


def test_a_baseline_needs_a_change() -> None:
    goal = make_goal(
        metric="energy_intensity",
        comparator="at_most",
        target="-16%",
        change="relative",
        baseline="较2020年",
    )
    assert goal.baseline == Period.from_year(2020)
    assert goal.change is tt.Change.RELATIVE
    with pytest.raises(tt.ValidationError) as caught:
        make_goal(baseline="2020年")
    assert caught.value.field == "change"


def test_a_change_is_a_ratio() -> None:
    with pytest.raises(tt.ValidationError) as caught:
        make_goal(metric="value_added", target="700亿元", change="relative")
    assert caught.value.field == "target"
    assert make_goal(metric="value_added", target="7%", change="relative").target == Amount(7, "%")
    points = make_goal(target="2个百分点", change="points")
    assert points.target == Amount(2, "个百分点")


def test_a_relative_change_in_points_or_a_points_change_in_percent_is_rejected() -> None:
    for change, target in (("relative", "2个百分点"), ("points", "16%")):
        try:
            make_goal(target=target, change=change)
        except tt.ValidationError as error:
            assert error.field == "target"
        else:
            raise AssertionError(f"change={change} with target {target} was accepted")


def test_a_level_target_in_percentage_points_is_rejected() -> None:
    try:
        make_goal(target="2个百分点")
    except tt.ValidationError as error:
        assert error.field == "target"
    else:
        raise AssertionError("a share of 2 percentage points was accepted as a level")


def test_empty_identity_fields_are_rejected() -> None:
    source = Source("d", 0, 0, "")
    for name in ("id", "region", "metric"):
        fields: dict[str, Any] = {
            "id": "g",
            "region": "浙江",
            "metric": "digital_share",
            "comparator": "at_least",
            "target": "15%",
            "period": "2025年",
            "source": source,
        }
        fields[name] = ""
        with pytest.raises(tt.ValidationError) as caught:
            Goal(**fields)
        assert caught.value.field == name


# -- Outcome -----------------------------------------------------------------------------------


def test_a_valid_outcome() -> None:
    outcome = make_outcome(estimate=True, bound="lower")
    assert outcome.value == Amount(13.6, "%")
    assert outcome.period == Period.from_months(2025, 1, 9)
    assert outcome.estimate is True
    assert outcome.bound is tt.Bound.LOWER
    assert outcome.effective_baseline is None


def test_an_outcome_value_must_express_its_metric() -> None:
    with pytest.raises(tt.ValidationError) as caught:
        make_outcome(metric="little_giants", value="13.6%")
    assert caught.value.field == "value"
    assert "enterprise" in str(caught.value)


def test_a_growth_rate_is_measured_against_a_year_earlier_by_default() -> None:
    growth = make_outcome(metric="value_added", value="7%", change="relative")
    assert growth.effective_baseline == Period.from_months(2024, 1, 9)
    since = make_outcome(metric="value_added", value="7%", change="relative", baseline="2020年")
    assert since.effective_baseline == Period.from_year(2020)


def test_an_unknown_bound_lists_the_choices() -> None:
    with pytest.raises(tt.ValidationError) as caught:
        make_outcome(bound="roughly")
    assert caught.value.field == "bound"


# -- Verdict -----------------------------------------------------------------------------------


def test_a_verdict_on_a_goal() -> None:
    goal = make_goal()
    evidence = make_outcome()
    verdict = tt.Verdict.from_goal(
        goal, "missed", "13.6% < 15%", evidence=[evidence], achieved_ratio=13.6 / 15
    )
    assert verdict.status is tt.Status.MISSED
    assert verdict.evidence == (evidence,)
    assert verdict.achieved_ratio == pytest.approx(0.9067, abs=1e-4)
    with pytest.raises(ValueError):
        tt.Verdict.from_goal(goal, "postponed", "?")


# -- frozen, equal, hashable -------------------------------------------------------------------


def test_records_are_frozen() -> None:
    goal = make_goal()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        goal.target = Amount(20, "%")  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        goal.source.start = 0  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        Amount(3, "家").value = 4  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        make_outcome().value = Amount(1, "%")  # type: ignore[misc]


def test_equal_records_are_equal_and_hash_alike() -> None:
    assert make_goal() == make_goal()
    assert hash(make_goal()) == hash(make_goal())
    assert len({make_goal(), make_goal(), make_goal(target="16%")}) == 2
    assert make_goal() != make_goal(target="16%")
    assert {make_outcome(), make_outcome()} == {make_outcome()}
    assert hash(Amount(35, "万元/人")) == hash(Amount(35.0, "万元/人"))


def test_amounts_compare_as_written_not_as_converted() -> None:
    # equality is exact on the written form; compare quantities for the same amount
    assert Amount(1, "万元") != Amount(10_000, "元")
    assert Amount(1, "万元").quantity.to("CNY") == Amount(10_000, "元").quantity


def test_records_pickle() -> None:
    goal = make_goal(comparator="range", target="5%", target_high="5.5%")
    assert pickle.loads(pickle.dumps(goal)) == goal
    outcome = make_outcome()
    assert pickle.loads(pickle.dumps(outcome)) == outcome
