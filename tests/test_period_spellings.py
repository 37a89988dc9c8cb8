"""Years and period ends in every spelling: an Arabic year and its Chinese-numeral spelling
give the same period; the ends of years, quarters and months are periods."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

import targettrack as tt

_DIGITS = "〇一二三四五六七八九"
#: what may follow a year: the whole year, its end, parts, quarters, months and their ends
_RESTS = [
    "",
    "底",
    "末",
    "度",
    "上半年",
    "下半年",
    "第三季度",
    "一季度末",
    "前三季度",
    "10月",
    "12月末",
    "1—11月",
    "6月底",
]


def chinese(year: int) -> str:
    return "".join(_DIGITS[int(digit)] for digit in f"{year:04d}")


def parsed(text: str) -> tt.Period | str:
    """The period, or the reason it is refused (without the text itself)."""
    try:
        return tt.Period.parse(text)
    except tt.PeriodError as error:
        return error.reason


@given(year=st.integers(min_value=1000, max_value=9998), rest=st.sampled_from(_RESTS))
def test_a_year_in_chinese_numerals_is_the_same_period_as_in_digits(year: int, rest: str) -> None:
    assert isinstance(parsed(f"{year}年{rest}"), tt.Period)
    assert parsed(f"{chinese(year)}年{rest}") == parsed(f"{year}年{rest}")
    assert parsed(f"到{chinese(year)}年{rest}") == parsed(f"到{year}年{rest}")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("年底", "2025年"),
        ("年末", "2025年"),
        ("2025年底", "2025年"),
        ("二〇二五年", "2025年"),
        ("12月末", "2025年12月"),
        ("截至12月末", "2025年"),
        ("一季度末", "2025年1—3月"),
        ("上半年末", "2025年1—6月"),
    ],
)
def test_the_end_of_a_year_quarter_or_month_is_a_period(text: str, expected: str) -> None:
    assert str(tt.Period.parse(text, year=2025)) == expected


def test_a_goal_to_a_year_in_chinese_numerals_is_for_that_year() -> None:
    text = "2025年某某省政府工作报告\n各位代表:\n二、2025年主要目标\n到二〇二七年，新增高新技术企业5000家。\n"
    [statement] = tt.extract_statements(text)
    assert statement.period == tt.Period.from_year(2027)
