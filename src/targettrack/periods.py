"""Reporting periods: inclusive ranges of calendar months.

>>> from targettrack import Period
>>> Period.parse("1—11月", year=2025).coverage(Period.parse("2025年"))
0.9166666666666666
>>> str(Period.parse("前三季度", year=2025))
'2025年1—9月'

A period is kept as two month ordinals (``year * 12 + month - 1``), so it is exact, hashable
and ordered (by start, then end); :meth:`Period.to_pandas` converts at the edge.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import attrs

from ._checks import check
from ._errors import PeriodError
from ._text import normalise, parse_number, shorten

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["MAX_YEAR", "MIN_YEAR", "Period", "five_year_plan"]


def _ordinal(year: int, month: int) -> int:
    return year * 12 + month - 1


def five_year_plan(number: int) -> tuple[int, int]:
    """The years of China's Nth five-year plan (from the third on): 14 → (2021, 2025)."""
    if number < 3:
        raise ValueError("only five-year plans from the third (1966—1970) on are supported")
    start = 1966 + 5 * (number - 3)
    return start, start + 4


#: The years a period may lie in: those of the calendar (``datetime.date``), so that a goal's
#: deadline is always a date (docs/input.md).
MIN_YEAR = 1
MAX_YEAR = 9999


def _check(instance: Period, attribute: attrs.Attribute[int], value: int) -> None:
    if not isinstance(value, int) or isinstance(value, bool):
        raise PeriodError(repr(value), f"{attribute.name!r} must be a month ordinal (an int)")
    if not _ordinal(MIN_YEAR, 1) <= value <= _ordinal(MAX_YEAR, 12):
        raise PeriodError(
            _describe(value), f"the year {value // 12} is outside {MIN_YEAR}…{MAX_YEAR}"
        )


@attrs.frozen(order=True)
class Period:
    """An inclusive range of calendar months, from ``start`` to ``end`` (month ordinals)."""

    start: int = attrs.field(validator=_check)
    end: int = attrs.field(validator=_check)

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise PeriodError(
                f"{_describe(self.start)}—{_describe(self.end)}", "the end comes before the start"
            )

    # -- construction -----------------------------------------------------------------------

    @classmethod
    def from_months(cls, year: int, first: int, last: int | None = None) -> Period:
        """Months ``first`` to ``last`` (inclusive) of ``year``."""
        last = first if last is None else last
        for month in (first, last):
            if not 1 <= month <= 12:
                raise PeriodError(f"{year}年{first}—{last}月", f"there is no month {month}")
        if last < first:
            raise PeriodError(f"{year}年{first}—{last}月", "the end comes before the start")
        return cls(_ordinal(year, first), _ordinal(year, last))

    @classmethod
    def from_year(cls, year: int) -> Period:
        """The calendar year ``year``."""
        check("year", year, int, "a year (an int such as 2025)")
        return cls(_ordinal(year, 1), _ordinal(year, 12))

    @classmethod
    def from_years(cls, first: int, last: int) -> Period:
        """The calendar years ``first`` to ``last`` (inclusive)."""
        if last < first:
            raise PeriodError(f"{first}—{last}年", "the end comes before the start")
        return cls(_ordinal(first, 1), _ordinal(last, 12))

    @classmethod
    def parse(cls, text: str, year: int | None = None) -> Period:
        """Read a period as written: 2025年, 全年, 1—11月, 1-11月, 1至11月, 前三季度, 一季度,
        第一季度, 上半年, 下半年, 截至10月底, 2021—2025年, 十四五, 2024年11月—2025年2月,
        今年, 上年, and the period named by a deadline (到2025年) or a baseline (较2020年).

        ``year`` is the reference year for text that names none (1—11月, 前三季度, 今年).
        Raises :class:`~targettrack.PeriodError` (a ``ValueError``) quoting the text.
        """
        return _parse(text, year)

    # -- properties -------------------------------------------------------------------------

    @property
    def start_year(self) -> int:
        return self.start // 12

    @property
    def end_year(self) -> int:
        return self.end // 12

    @property
    def start_month(self) -> int:
        return self.start % 12 + 1

    @property
    def end_month(self) -> int:
        return self.end % 12 + 1

    @property
    def n_months(self) -> int:
        """How many months the period spans."""
        return self.end - self.start + 1

    @property
    def is_whole_years(self) -> bool:
        """True when the period is one or more whole calendar years."""
        return self.start_month == 1 and self.end_month == 12

    @property
    def year(self) -> int | None:
        """The calendar year the period lies in, or None when it spans several."""
        return self.start_year if self.start_year == self.end_year else None

    # -- relations --------------------------------------------------------------------------

    def contains(self, other: Period) -> bool:
        """True when every month of ``other`` is in this period."""
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Period) -> bool:
        """True when the periods share at least one month."""
        return self.start <= other.end and other.start <= self.end

    def intersection(self, other: Period) -> Period | None:
        """The months both periods share, or None."""
        if not self.overlaps(other):
            return None
        return Period(max(self.start, other.start), min(self.end, other.end))

    def coverage(self, other: Period) -> float:
        """The share of ``other``'s months that this period covers, in [0, 1]."""
        shared = self.intersection(other)
        return 0.0 if shared is None else shared.n_months / other.n_months

    def shift_years(self, years: int) -> Period:
        """The same months ``years`` years later (earlier when negative)."""
        return Period(self.start + 12 * years, self.end + 12 * years)

    def years(self) -> range:
        """The calendar years the period touches."""
        return range(self.start_year, self.end_year + 1)

    def by_year(self) -> Iterator[Period]:
        """The period cut at year ends: 2024年11月—2025年2月 → 2024年11—12月, 2025年1—2月."""
        for year in self.years():
            part = self.intersection(Period.from_year(year))
            if part is not None:
                yield part

    def months(self) -> Iterator[Period]:
        """Each month of the period."""
        for ordinal in range(self.start, self.end + 1):
            yield Period(ordinal, ordinal)

    def to_pandas(self) -> pd.PeriodIndex:
        """The months as a pandas ``PeriodIndex`` of frequency ``M``."""
        import pandas as pd

        first = f"{self.start_year:04d}-{self.start_month:02d}"
        last = f"{self.end_year:04d}-{self.end_month:02d}"
        return pd.period_range(first, last, freq="M")

    # -- text -------------------------------------------------------------------------------

    def format(self) -> str:
        """The canonical text, which :meth:`parse` reads back to an equal period."""
        if self.is_whole_years:
            if self.start_year == self.end_year:
                return f"{self.start_year}年"
            return f"{self.start_year}—{self.end_year}年"
        if self.start_year == self.end_year:
            if self.start_month == self.end_month:
                return f"{self.start_year}年{self.start_month}月"
            return f"{self.start_year}年{self.start_month}—{self.end_month}月"
        return f"{_describe(self.start)}—{_describe(self.end)}"

    def __str__(self) -> str:
        return self.format()

    def __repr__(self) -> str:
        return f"Period({self.format()!r})"


def _describe(ordinal: int) -> str:
    return f"{ordinal // 12}年{ordinal % 12 + 1}月"


# -- parsing ----------------------------------------------------------------------------------

_NUM = r"[0-9零〇一二两三四五六七八九十]+"
_DASH = r"(?:—|-|~|至|到)"
_PLAN = re.compile(r"^[\"“]?(?P<n>[十一二三四五六七八九]+)五[\"”]?(?:时期|期间|规划期)?$")
_YEARS = re.compile(rf"^(?P<a>\d{{4}})年?{_DASH}(?P<b>\d{{4}})年?$")
_CROSS = re.compile(
    rf"^(?P<y1>\d{{4}})年(?P<m1>{_NUM})月(?:份)?{_DASH}(?P<y2>\d{{4}})年(?P<m2>{_NUM})月(?:份)?$"
)
_YEAR_PREFIX = re.compile(r"^(?P<y>\d{4})年(?:度)?")
_MONTHS = re.compile(rf"^(?P<m1>{_NUM})(?:月份?)?{_DASH}(?P<m2>{_NUM})月(?:份)?$")
_MONTH = re.compile(rf"^(?P<m>{_NUM})月(?:份)?(?:底|末)?$")
_UNTIL = re.compile(rf"^(?:截至|截止|截止到|到)(?P<m>{_NUM})月(?:份)?(?:底|末|份)?$")
_QUARTER = re.compile(r"^第?(?P<q>[一二三四1234])季度(?:末|底)?$")
_FIRST_QUARTERS = re.compile(r"^前(?P<q>[一二三两四1234])(?:个)?季度(?:末|底)?$")
#: The end of a year: a level at the end of the year is the year's (2025年底, 年末)
_YEAR_END = frozenset({"底", "末", "年底", "年末", "年终"})
#: A year in Chinese numerals (二〇二五年) reads as its digits
_CHINESE_YEAR = re.compile("[〇○零一二三四五六七八九]{4}(?=年)")
_YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")
#: 到2025年 (a deadline), 截至2025年10月底 (a date), 较2020年 (a baseline) name a period; being
#: a deadline or a baseline is the goal's business (Goal.deadline, Goal.baseline).
_MARKED = re.compile(r"^(?P<word>截止到|截至|截止|到|较|比)(?P<year>\d{4}年)(?P<rest>.*)$")
_RELATIVE = {
    "今年": 0,
    "本年": 0,
    "当年": 0,
    "全年": 0,
    "年内": 0,
    "上年": -1,
    "去年": -1,
    "上一年": -1,
    "明年": 1,
    "下一年": 1,
}
_PARTS = {"上半年": (1, 6), "下半年": (7, 12), "全年": (1, 12), "年度": (1, 12), "年内": (1, 12)}


def _month_number(text: str, original: str) -> int:
    try:
        value = parse_number(text)
    except ValueError:
        raise PeriodError(original, f"{shorten(text)} is not a month number") from None
    if value != int(value):
        raise PeriodError(original, f"{shorten(text)} is not a month number")
    return int(value)


def _within_year(rest: str, year: int | None, original: str) -> Period:
    if year is None:
        if re.search(r"\d{4}", original):
            raise PeriodError(original, "expected a year, months (1—11月), quarters or halves")
        raise PeriodError(original, "it names no year; pass year=… for the reference year")
    if rest in ("", "年") or rest in _YEAR_END:
        return Period.from_year(year)
    if rest.rstrip("末底") in _PARTS:
        first, last = _PARTS[rest.rstrip("末底")]
        return Period.from_months(year, first, last)
    match = _MONTHS.match(rest)
    if match:
        first = _month_number(match.group("m1"), original)
        last = _month_number(match.group("m2"), original)
        _months_ok(original, first, last)
        return Period.from_months(year, first, last)
    match = _MONTH.match(rest) or _UNTIL.match(rest)
    if match:
        month = _month_number(match.group("m"), original)
        _months_ok(original, month, month)
        first = 1 if rest.startswith(("截至", "截止", "到")) else month
        return Period.from_months(year, first, month)
    match = _QUARTER.match(rest)
    if match:
        quarter = _month_number(match.group("q"), original)
        return Period.from_months(year, 3 * quarter - 2, 3 * quarter)
    match = _FIRST_QUARTERS.match(rest)
    if match:
        quarters = _month_number(match.group("q").replace("两", "二"), original)
        return Period.from_months(year, 1, 3 * quarters)
    raise PeriodError(original, "expected a year, months (1—11月), quarters or halves")


def _months_ok(original: str, first: int, last: int) -> None:
    for month in (first, last):
        if not 1 <= month <= 12:
            raise PeriodError(original, f"there is no month {month}")
    if last < first:
        raise PeriodError(original, "the end comes before the start")


def _parse(text: Any, year: int | None) -> Period:
    if not isinstance(text, str):
        raise PeriodError(repr(text), f"expected text, got {type(text).__name__}")
    cleaned = "".join(normalise(text)[0].split())
    if not cleaned:
        raise PeriodError(text, "the text is empty")
    cleaned = _CHINESE_YEAR.sub(lambda m: m.group().translate(_YEAR_DIGITS), cleaned)
    match = _MARKED.match(cleaned)
    if match:
        word, rest = match.group("word"), match.group("rest")
        if rest in ("底", "末"):
            rest = ""
        elif rest and word not in ("较", "比"):
            rest = word + rest  # 截至2025年10月底 reads as 2025年截至10月底
        cleaned = match.group("year") + rest
    match = _PLAN.match(cleaned)
    if match:
        try:
            number = int(parse_number(match.group("n")))
            return Period.from_years(*five_year_plan(number))
        except ValueError as error:  # 十十五: no numeral; 一五: before the third plan
            raise PeriodError(text, str(error)) from None
    match = _YEARS.match(cleaned)
    if match:
        return _checked(
            text, lambda: Period.from_years(int(match.group("a")), int(match.group("b")))
        )
    match = _CROSS.match(cleaned)
    if match:
        y1, y2 = int(match.group("y1")), int(match.group("y2"))
        m1 = _month_number(match.group("m1"), text)
        m2 = _month_number(match.group("m2"), text)
        for month in (m1, m2):
            if not 1 <= month <= 12:
                raise PeriodError(text, f"there is no month {month}")
        return _checked(text, lambda: Period(_ordinal(y1, m1), _ordinal(y2, m2)))
    if cleaned in _YEAR_END or cleaned == "年":
        return _within_year("", year, text)
    for word, offset in _RELATIVE.items():
        if cleaned.startswith(word) and (word != "全年" or year is not None):
            if year is None:
                raise PeriodError(text, f"{word} needs a reference year; pass year=…")
            rest = cleaned[len(word) :]
            return _within_year(rest if rest else "", year + offset, text)
    if cleaned.isdigit() and len(cleaned) == 4:
        return Period.from_year(int(cleaned))
    match = _YEAR_PREFIX.match(cleaned)
    if match:
        return _within_year(cleaned[match.end() :], int(match.group("y")), text)
    return _within_year(cleaned, year, text)


def _checked(text: str, build: Any) -> Period:
    try:
        period: Period = build()
    except PeriodError as error:
        raise PeriodError(text, error.reason) from None
    return period
