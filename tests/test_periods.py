"""Every period form of issue 2 reads as the months it means; relations and conversions hold."""

from __future__ import annotations

import pandas as pd
import pytest

import targettrack as tt
from targettrack import Period
from targettrack.periods import five_year_plan


def months(year: int, first: int, last: int) -> Period:
    return Period.from_months(year, first, last)


# -- the forms read ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("2025年", None, (2025, 1, 2025, 12)),
        ("２０２５年", None, (2025, 1, 2025, 12)),
        ("2025年度", None, (2025, 1, 2025, 12)),
        ("全年", 2025, (2025, 1, 2025, 12)),
        ("2025年全年", None, (2025, 1, 2025, 12)),
        ("1—11月", 2025, (2025, 1, 2025, 11)),
        ("1-11月", 2025, (2025, 1, 2025, 11)),
        ("1－11月", 2025, (2025, 1, 2025, 11)),
        ("1至11月", 2025, (2025, 1, 2025, 11)),
        ("一至十一月", 2025, (2025, 1, 2025, 11)),
        ("1—11月份", 2025, (2025, 1, 2025, 11)),
        ("2025年1—11月", None, (2025, 1, 2025, 11)),
        ("前三季度", 2025, (2025, 1, 2025, 9)),
        ("2025年前三季度", None, (2025, 1, 2025, 9)),
        ("前两季度", 2025, (2025, 1, 2025, 6)),
        ("一季度", 2025, (2025, 1, 2025, 3)),
        ("第一季度", 2025, (2025, 1, 2025, 3)),
        ("二季度", 2025, (2025, 4, 2025, 6)),
        ("第三季度", 2025, (2025, 7, 2025, 9)),
        ("四季度", 2025, (2025, 10, 2025, 12)),
        ("上半年", 2025, (2025, 1, 2025, 6)),
        ("下半年", 2025, (2025, 7, 2025, 12)),
        ("2024年上半年", None, (2024, 1, 2024, 6)),
        ("截至10月底", 2025, (2025, 1, 2025, 10)),
        ("截止10月末", 2025, (2025, 1, 2025, 10)),
        ("截至2025年10月底", None, (2025, 1, 2025, 10)),
        ("11月", 2025, (2025, 11, 2025, 11)),
        ("2024年11月", None, (2024, 11, 2024, 11)),
        ("2024年11月—2025年2月", None, (2024, 11, 2025, 2)),
        ("2021—2025年", None, (2021, 1, 2025, 12)),
        ("2021-2025年", None, (2021, 1, 2025, 12)),
        ("2021年—2025年", None, (2021, 1, 2025, 12)),
        ("十四五", None, (2021, 1, 2025, 12)),
        ("“十四五”", None, (2021, 1, 2025, 12)),
        ("十四五时期", None, (2021, 1, 2025, 12)),
        ("十三五", None, (2016, 1, 2020, 12)),
        ("今年", 2025, (2025, 1, 2025, 12)),
        ("上年", 2025, (2024, 1, 2024, 12)),
        ("今年上半年", 2025, (2025, 1, 2025, 6)),
        ("上年1—11月", 2025, (2024, 1, 2024, 11)),
        ("到2025年", None, (2025, 1, 2025, 12)),
        ("到2025年底", None, (2025, 1, 2025, 12)),
        ("较2020年", None, (2020, 1, 2020, 12)),
    ],
)
def test_parse_reads_the_months_meant(
    text: str, year: int | None, expected: tuple[int, int, int, int]
) -> None:
    period = Period.parse(text, year=year)
    first_year, first_month, last_year, last_month = expected
    assert (period.start_year, period.start_month) == (first_year, first_month)
    assert (period.end_year, period.end_month) == (last_year, last_month)


def test_a_year_in_the_text_wins_over_the_reference_year() -> None:
    assert Period.parse("2024年1—11月", year=2025) == months(2024, 1, 11)


@pytest.mark.parametrize(
    ("number", "years"), [(3, (1966, 1970)), (13, (2016, 2020)), (14, (2021, 2025))]
)
def test_five_year_plans(number: int, years: tuple[int, int]) -> None:
    assert five_year_plan(number) == years


# -- invalid text --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "year", "reason"),
    [
        ("13月", 2025, "no month 13"),
        ("0月", 2025, "no month 0"),
        ("1—13月", 2025, "no month 13"),
        ("11—1月", 2025, "end comes before the start"),
        ("2025年11—1月", None, "end comes before the start"),
        ("2025—2021年", None, "end comes before the start"),
        ("2024年12月—2024年11月", None, "end comes before the start"),
        ("第五季度", 2025, "expected"),
        ("前五季度", 2025, "expected"),
        ("1—11月", None, "names no year"),
        ("全年", None, "names no year"),
        ("二五", None, "five-year plans"),
        ("", None, "empty"),
        ("foo2025年", None, "expected"),
        ("每年", 2025, "expected"),
    ],
)
def test_invalid_text_raises_period_error_quoting_it(
    text: str, year: int | None, reason: str
) -> None:
    with pytest.raises(tt.PeriodError) as caught:
        Period.parse(text, year=year)
    error = caught.value
    assert isinstance(error, ValueError)
    assert error.text == text
    assert repr(text) in str(error)
    assert reason in error.reason


def test_non_text_raises_period_error() -> None:
    with pytest.raises(tt.PeriodError, match="expected text"):
        Period.parse(2025)  # type: ignore[arg-type]


def test_constructors_refuse_impossible_periods() -> None:
    with pytest.raises(tt.PeriodError):
        Period.from_months(2025, 0, 3)
    with pytest.raises(tt.PeriodError):
        Period.from_months(2025, 5, 3)
    with pytest.raises(tt.PeriodError):
        Period.from_years(2025, 2021)
    with pytest.raises(tt.PeriodError):
        Period(10, 9)
    with pytest.raises(tt.PeriodError):
        Period(1.5, 3)  # type: ignore[arg-type]


# -- size and relations --------------------------------------------------------------------------


def test_n_months() -> None:
    assert Period.parse("1—11月", year=2025).n_months == 11
    assert Period.parse("十四五").n_months == 60
    assert Period.parse("2024年11月—2025年2月").n_months == 4


def test_contains_and_overlaps() -> None:
    year = Period.parse("2025年")
    first_half = Period.parse("2025年上半年")
    second_half = Period.parse("2025年下半年")
    plan = Period.parse("十四五")
    assert year.contains(first_half)
    assert not first_half.contains(year)
    assert plan.contains(year)
    assert not first_half.overlaps(second_half)
    assert Period.parse("2025年前三季度").overlaps(second_half)
    assert Period.parse("2024年11月—2025年2月").overlaps(year)
    assert not Period.parse("2026年").overlaps(plan)


def test_intersection() -> None:
    three_quarters = Period.parse("2025年前三季度")
    second_half = Period.parse("2025年下半年")
    assert three_quarters.intersection(second_half) == months(2025, 7, 9)
    assert Period.parse("2025年上半年").intersection(second_half) is None


def test_coverage_of_eleven_months() -> None:
    # 1—11月 covers 11/12 of 2025, and all of itself; 2025 covers all of 1—11月
    to_november = Period.parse("1—11月", year=2025)
    year = Period.parse("2025年")
    assert to_november.coverage(year) == pytest.approx(11 / 12)
    assert year.coverage(to_november) == 1.0
    assert Period.parse("2026年").coverage(year) == 0.0


def test_ordering_by_start_then_end() -> None:
    items = [
        Period.parse("2025年"),
        Period.parse("2024年11月—2025年2月"),
        Period.parse("2025年上半年"),
        Period.parse("十四五"),
        Period.parse("2025年第一季度"),
    ]
    assert sorted(items) == [
        Period.parse("十四五"),
        Period.parse("2024年11月—2025年2月"),
        Period.parse("2025年第一季度"),
        Period.parse("2025年上半年"),
        Period.parse("2025年"),
    ]
    assert Period.parse("2024年") < Period.parse("2025年")


def test_by_year_cuts_at_year_ends() -> None:
    parts = list(Period.parse("2024年11月—2025年2月").by_year())
    assert parts == [months(2024, 11, 12), months(2025, 1, 2)]
    assert list(Period.parse("十三五").by_year()) == [
        Period.from_year(year) for year in range(2016, 2021)
    ]
    assert list(Period.parse("2025年").years()) == [2025]


def test_shift_years_for_the_same_period_a_year_earlier() -> None:
    assert Period.parse("2025年1—11月").shift_years(-1) == months(2024, 1, 11)


def test_to_pandas_is_a_monthly_period_index() -> None:
    index = Period.parse("1—11月", year=2025).to_pandas()
    assert isinstance(index, pd.PeriodIndex)
    assert len(index) == 11
    assert index[0] == pd.Period("2025-01", freq="M")
    assert index[-1] == pd.Period("2025-11", freq="M")
    across = Period.parse("2024年11月—2025年2月").to_pandas()
    assert [str(p) for p in across] == ["2024-11", "2024-12", "2025-01", "2025-02"]


# -- text --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "year", "written"),
    [
        ("全年", 2025, "2025年"),
        ("1至11月", 2025, "2025年1—11月"),
        ("前三季度", 2025, "2025年1—9月"),
        ("十四五", None, "2021—2025年"),
        ("2024年11月", None, "2024年11月"),
        ("2024年11月—2025年2月", None, "2024年11月—2025年2月"),
    ],
)
def test_format_is_canonical(text: str, year: int | None, written: str) -> None:
    period = Period.parse(text, year=year)
    assert period.format() == written
    assert str(period) == written
    assert repr(period) == f"Period({written!r})"


def test_periods_hash_and_compare_by_months() -> None:
    assert {Period.parse("全年", year=2025), Period.parse("2025年")} == {Period.from_year(2025)}
    assert Period.parse("2025年") != Period.parse("2025年1—11月")
