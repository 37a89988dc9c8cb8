"""The core claims of issue 2, as properties over values drawn by ``targettrack.testing``.

All quantities live in the package's one registry (``targettrack.registry``), loaded once at
import: no example builds a registry of its own, so hypothesis' default deadline holds.
"""

from __future__ import annotations

import math
import pickle
from typing import Any

import pint
import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

import targettrack as tt
from targettrack import Amount, Period
from targettrack._text import parse_chinese_number
from targettrack.testing import (
    amounts,
    compatible_unit_chains,
    goals,
    magnitudes,
    outcomes,
    periods,
    quantities,
    ratios,
    units_of,
    years,
)
from targettrack.units import dimension_name, format_quantity, known_units, unit

#: The powers of ten of the magnitude words, written out here rather than taken from the code.
POWERS = {"十": 1, "百": 2, "千": 3, "万": 4, "亿": 8}

#: Kinds that must never convert into one another (家, 个, 人, %, 亩, 元, 吨标准煤, 人次).
SEPARATE_KINDS = ("enterprise", "item", "person", "ratio", "area", "money", "energy", "visit")


@pytest.fixture(scope="module", autouse=True)
def _loaded_catalog() -> None:
    """Load the shipped catalog once, before any example runs against the deadline."""
    tt.default_catalog()


def same_quantity(left: Any, right: Any, rel_tol: float = 1e-12) -> bool:
    """Same dimension and the same magnitude in ``left``'s unit, within ``rel_tol``."""
    if left.dimensionality != right.dimensionality:
        return False
    return math.isclose(left.magnitude, right.to(left.units).magnitude, rel_tol=rel_tol)


def month_set(period: Period) -> set[int]:
    return set(range(period.start, period.end + 1))


# -- units -------------------------------------------------------------------------------------


@given(magnitudes(), compatible_unit_chains())
def test_conversion_round_trips_through_any_chain_of_compatible_units(
    value: float, chain: list[str]
) -> None:
    start = tt.registry.Quantity(value, unit(chain[0]))
    current = start
    for written in [*chain[1:], chain[0]]:
        current = current.to(unit(written))
    assert current.units == start.units
    assert math.isclose(current.magnitude, value, rel_tol=1e-12)


@given(magnitudes())
def test_yuan_wan_yuan_yi_yuan_and_back(value: float) -> None:
    current = tt.registry.Quantity(value, unit("元"))
    for written in ("万元", "亿元", "万亿元", "元"):
        current = current.to(unit(written))
    assert math.isclose(current.magnitude, value, rel_tol=1e-12)
    assert math.isclose(
        tt.registry.Quantity(value, unit("亿元")).to(unit("万元")).magnitude,
        value * 1e4,
        rel_tol=1e-12,
    )


@given(quantities())
def test_format_then_parse_returns_an_equal_quantity(value: Any) -> None:
    again = tt.quantity(format_quantity(value))
    assert again.units == value.units
    assert again.magnitude == value.magnitude


@given(
    magnitudes(1e-3, 1e3),
    st.sampled_from(
        [
            (a, b)
            for a in POWERS
            for b in POWERS
            if a + b in {"十万", "百万", "千万", "十亿", "百亿", "千亿", "万亿"}
        ]
    ),
    st.sampled_from(sorted(n for n in known_units() if dimension_name(unit(n)) != "ratio")),
)
def test_magnitudes_compose(value: float, pair: tuple[str, str], name: str) -> None:
    first, second = pair
    written_together = tt.quantity(f"{value!r}{first}{second}{name}")
    multiplied = tt.quantity(f"{value!r}{first}") * tt.quantity(f"1{second}{name}")
    assert same_quantity(written_together, multiplied)
    expected = value * 10 ** (POWERS[first] + POWERS[second])
    assert math.isclose(written_together.to(unit(name)).magnitude, expected, rel_tol=1e-12)


@given(st.data(), st.sampled_from(SEPARATE_KINDS), st.sampled_from(SEPARATE_KINDS))
def test_incompatible_kinds_never_convert(data: st.DataObject, kind: str, other: str) -> None:
    assume(kind != other)
    value = data.draw(quantities(kind), label="value")
    target = data.draw(units_of(other), label="target unit")
    with pytest.raises(pint.DimensionalityError):
        value.to(unit(target))
    with pytest.raises(pint.DimensionalityError):
        value + tt.quantity(f"1{target}")


@given(ratios(), ratios())
def test_ratio_minus_ratio_is_in_percentage_points(left: Any, right: Any) -> None:
    difference = left - right
    assert not difference.dimensionality
    points = difference.to("percentage_point").magnitude
    expected = left.to("percent").magnitude - right.to("percent").magnitude
    assert math.isclose(points, expected, rel_tol=1e-9, abs_tol=1e-9)


@given(ratios(), st.floats(-100, 100, allow_nan=False))
def test_ratio_plus_points_is_a_ratio(ratio: Any, points: float) -> None:
    raised = ratio + tt.quantity(f"{points!r}个百分点")
    assert not raised.dimensionality
    expected = ratio.to("percent").magnitude + points
    assert math.isclose(raised.to("percent").magnitude, expected, rel_tol=1e-9, abs_tol=1e-9)


FULL_WIDTH = {code: code + 0xFEE0 for code in range(0x21, 0x7F)}


@given(quantities())
def test_full_width_text_reads_like_ascii(value: Any) -> None:
    written = format_quantity(value)
    assert tt.quantity(written.translate(FULL_WIDTH)) == tt.quantity(written)


def chinese_numeral(number: int) -> str:
    """Write ``number`` (≥ 0) in Chinese numerals, the standard way (一亿零五百万)."""
    digits = "零一二三四五六七八九"

    def below_ten_thousand(n: int) -> str:
        out = ""
        zero = False
        for power, word in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            digit, n = divmod(n, power)
            if digit:
                if zero and out:
                    out += "零"
                out += digits[digit] + word
                zero = False
            else:
                zero = True
        return out

    def write(n: int) -> str:
        for size, word in ((10**8, "亿"), (10**4, "万")):
            if n >= size:
                high, low = divmod(n, size)
                text = write(high) + word
                if low:
                    text += ("零" if low < size // 10 else "") + write(low)
                return text
        return below_ten_thousand(n)

    if number == 0:
        return "零"
    text = write(number)
    return text[1:] if text.startswith("一十") else text  # 十五, not 一十五


@given(st.integers(0, 10**16 - 1))
def test_chinese_numerals_read_back(number: int) -> None:
    assert parse_chinese_number(chinese_numeral(number)) == number


@given(st.integers(1, 10**15))
def test_chinese_numerals_before_a_classifier(number: int) -> None:
    counted = tt.quantity(chinese_numeral(number) + "家")
    assert counted.to("enterprise").magnitude == float(number)


# -- periods -----------------------------------------------------------------------------------


@given(periods(), periods())
def test_intersection_is_commutative_and_inside_both(left: Period, right: Period) -> None:
    shared = left.intersection(right)
    assert shared == right.intersection(left)
    if shared is None:
        assert not left.overlaps(right)
        assert not month_set(left) & month_set(right)
    else:
        assert left.contains(shared) and right.contains(shared)
        assert month_set(shared) == month_set(left) & month_set(right)


@st.composite
def nested(draw: st.DrawFn) -> tuple[Period, Period, Period]:
    """Three periods, each inside the one before."""
    outer = draw(periods())
    start = draw(st.integers(outer.start, outer.end))
    middle = Period(start, draw(st.integers(start, outer.end)))
    start = draw(st.integers(middle.start, middle.end))
    inner = Period(start, draw(st.integers(start, middle.end)))
    return outer, middle, inner


@given(periods())
def test_containment_is_reflexive(period: Period) -> None:
    assert period.contains(period)


@given(periods(), periods())
def test_containment_is_antisymmetric(left: Period, right: Period) -> None:
    if left.contains(right) and right.contains(left):
        assert left == right
    if left != right:
        assert not (left.contains(right) and right.contains(left))


@given(nested(), periods())
def test_containment_is_transitive(chain: tuple[Period, Period, Period], other: Period) -> None:
    outer, middle, inner = chain
    assert outer.contains(middle) and middle.contains(inner)
    assert outer.contains(inner)
    if other.contains(outer):
        assert other.contains(inner)


@given(periods(), periods())
def test_coverage_is_in_the_unit_interval_and_one_exactly_when_contained(
    cover: Period, covered: Period
) -> None:
    share = cover.coverage(covered)
    assert 0.0 <= share <= 1.0
    assert (share == 1.0) == cover.contains(covered)
    shared_months = len(month_set(cover) & month_set(covered))
    assert math.isclose(share, shared_months / covered.n_months)


@given(years())
def test_a_year_is_the_union_of_its_quarters(year: int) -> None:
    quarters = [Period.parse(f"{year}年第{q}季度") for q in "一二三四"]
    assert quarters == [Period.parse(f"{q}季度", year=year) for q in "1234"]
    whole = Period.parse(f"{year}年")
    union: set[int] = set()
    for quarter in quarters:
        assert whole.contains(quarter)
        assert not union & month_set(quarter)  # pairwise disjoint
        union |= month_set(quarter)
    assert union == month_set(whole)
    assert math.isclose(sum(whole.coverage(q) * q.n_months for q in quarters), 12.0)


@given(years())
def test_a_year_is_the_union_of_its_months(year: int) -> None:
    written = [Period.parse(f"{year}年{m}月") for m in range(1, 13)]
    whole = Period.from_year(year)
    assert written == list(whole.months())
    union: set[int] = set()
    for month in written:
        assert month.n_months == 1 and whole.contains(month)
        assert not union & month_set(month)
        union |= month_set(month)
    assert union == month_set(whole)


@given(periods())
def test_parse_of_format_is_the_same_period(period: Period) -> None:
    assert Period.parse(period.format()) == period


@given(periods())
def test_by_year_partitions_the_period(period: Period) -> None:
    parts = list(period.by_year())
    assert [part.year for part in parts] == list(period.years())
    assert sum(part.n_months for part in parts) == period.n_months
    assert set().union(*(month_set(part) for part in parts)) == month_set(period)


@given(periods(), periods())
def test_order_is_by_start_then_end(left: Period, right: Period) -> None:
    assert (left < right) == ((left.start, left.end) < (right.start, right.end))
    assert (left <= right) or (right <= left)


@given(periods(max_years=3))
def test_to_pandas_lists_the_same_months(period: Period) -> None:
    index = period.to_pandas()
    assert len(index) == period.n_months
    assert (index[0].year, index[0].month) == (period.start_year, period.start_month)
    assert (index[-1].year, index[-1].month) == (period.end_year, period.end_month)


# -- amounts, goals, outcomes ------------------------------------------------------------------


@given(amounts())
def test_amount_text_round_trip_keeps_the_quantity(amount: Amount) -> None:
    again = Amount.from_text(str(amount))
    assert same_quantity(again.quantity, amount.quantity)
    # once read from text, writing and reading it again changes nothing
    assert Amount.from_text(str(again)) == again


@example(Amount(5, "户"))
@given(amounts(kind="enterprise") | amounts(kind="item"))
def test_amount_text_round_trip_keeps_the_classifier(amount: Amount) -> None:
    assert Amount.from_text(str(amount)) == amount


@given(goals())
def test_generated_goals_express_their_metric(goal: tt.Goal) -> None:
    metric = tt.default_catalog()[goal.metric]
    converted = metric.convert(goal.target.value, goal.target.unit, change=goal.change is not None)
    assert math.isfinite(converted)
    assert pickle.loads(pickle.dumps(goal)) == goal
    assert hash(goal) == hash(pickle.loads(pickle.dumps(goal)))


@given(outcomes())
def test_generated_outcomes_express_their_metric(outcome: tt.Outcome) -> None:
    metric = tt.default_catalog()[outcome.metric]
    converted = metric.convert(
        outcome.value.value, outcome.value.unit, change=outcome.change is not None
    )
    assert math.isfinite(converted)
    assert pickle.loads(pickle.dumps(outcome)) == outcome
