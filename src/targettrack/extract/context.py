"""Context: what the words around a quantity say about it — its comparator and bound (以上, 左右,
不超过), whether it is a goal (力争, 确保), the change it states (增长, 下降) and the period cues of
its sentence (2025年, 1—11月, 到2027年, “十四五”时期)."""

from __future__ import annotations

import functools
import re

from ..model import (
    Bound,
    Comparator,
)
from ..periods import Period
from .structure import Sentence

__all__ = [
    "BASELINE_YEAR",
    "CHANGE",
    "DECLINE",
    "ESTIMATE",
    "HAN",
    "PERIOD_CUE",
    "PREFIX",
    "STRENGTH",
    "bracketed",
    "goal_cue",
    "has_words",
    "outcome_comparator",
    "parsed_period",
    "period_cues",
    "plan_start",
    "qualifiers",
    "year_period",
    "years_period",
]

CHANGE = re.compile(
    r"(?P<base>(?:同比|[比较]上年末?|较去年|比去年|较年初|较上届|较[^,;。]{1,10}?)?)(?:分别)?"
    r"(?P<verb>增长|增加|提高|提升|上升|上涨|增速为?|增幅为?|涨幅为?|下降|降低|减少|回落|下滑|降幅为?)"
    r"(?:了|达到?|为)?$"
)
DECLINE = ("下降", "降低", "减少", "回落", "下滑", "降幅")
PREFIX = re.compile(
    r"(?P<word>不低于|不少于|不超过|不高于|不到|不足|至少|超过|超出|首破|突破|超|破|过|逾|近|约|"
    r"接近|将近|低于|控制在|保持在|稳定在|达到|达|为|至|是|实现|完成|上)$"
)
_AT_LEAST_WORDS = (
    "不低于",
    "不少于",
    "至少",
    "超过",
    "超出",
    "首破",
    "突破",
    "超",
    "破",
    "过",
    "逾",
    "上",
)
_AT_MOST_WORDS = ("不超过", "不高于", "不到", "不足", "低于", "控制在")
_ABOUT_WORDS = ("近", "约", "接近", "将近")
STRENGTH = re.compile(r"(确保|力争|争取|争创)")
ESTIMATE = re.compile(r"(预计|有望|预期)")
_GOAL_CUE = re.compile(
    r"(力争|确保|争取|(?:年内|年度|全年)计划|计划(?=投资|新增|实施|完成|建设|培育|开工)|"
    r"目标(?:是|为)|预期目标)"
)
BASELINE_YEAR = re.compile(r"较(?P<y>\d{4})年")
#: The first test is only the characters a cue can start with: it lets the engine pass over
#: the rest of the text at once instead of trying every alternative at every character.
PERIOD_CUE = re.compile(
    r"(?=[到至“十前第一二三四上下截今去全年明每]|\d)"
    r"(?:(?P<deadline>(?:到|至)(?P<dy>\d{4})年(?:底|末)?)"
    r"|(?P<since>“?十[一二三四五六七八九]五”?(?:以来|期间|时期)|(?P<sy>\d{4})年以来)"
    r"|(?P<month>(?:\d{4}年)?(?:\d{1,2}(?:—|-|~|至)\d{1,2}月(?:份)?|前三季度|前两个?季度|"
    r"第?[一二三四]季度|上半年|下半年|(?:截至|截止)(?:\d{4}年)?\d{1,2}月(?:份|底|末)?))"
    r"|(?P<year>(?<![较比与同])\d{4})年(?:度)?(?!以来)"
    r"|(?P<rel>(?<![较比与同])(?:今年|去年|上年|全年|年内|明年)(?!均))"
    r"|(?P<each>每年))"
)
_TARGET_MET = re.compile(r"(完成|实现|超额|超)[^,]*目标")
HAN = re.compile(r"[\u4e00-\u9fff]")


# Periods are immutable and the same few recur in every sentence: each is built once.


@functools.lru_cache(maxsize=1024)
def year_period(year: int) -> Period:
    return Period.from_year(year)


@functools.lru_cache(maxsize=1024)
def years_period(first: int, last: int) -> Period:
    return Period.from_years(first, last)


@functools.lru_cache(maxsize=1024)
def parsed_period(word: str, year: int | None) -> Period:
    return Period.parse(word, year=year)


def bracketed(text: str, lower: int, position: int) -> bool:
    """True when ``position`` lies inside 《…》 or (…) opened after ``lower``."""
    for opening, closing in (("《", "》"), ("(", ")")):
        left = text.rfind(opening, lower, position)
        if left >= 0 and text.find(closing, left, position) < 0:
            return True
    return False


def plan_start(word: str) -> int:
    """The first year of the five-year plan a cue names (“十四五”以来 → 2021, 十五五时期 → 2026)."""
    found = _PLAN_NAME.search(word)
    if found is None:
        raise ValueError(f"no five-year plan named in {word!r}")
    return Period.parse(found.group()).start_year


_PLAN_NAME = re.compile(r"十[一二三四五六七八九]五")


def has_words(text: str) -> bool:
    return HAN.search(text) is not None and text not in (
        "目标",
        "占比",
        "同比",
        "比重",
        "增速",
    )


def goal_cue(before: str) -> bool:
    match = _GOAL_CUE.search(before)
    if match is None:
        return False
    # 提前完成…目标, 实现了目标: a review of a goal, not a goal
    return not _TARGET_MET.search(before)


def qualifiers(prefix: str, suffix: str, is_range: bool) -> tuple[Comparator, Bound]:
    if is_range:
        return Comparator.RANGE, Bound.APPROXIMATE
    if suffix in ("以上", "及以上", "多", "余") or prefix in _AT_LEAST_WORDS:
        return Comparator.AT_LEAST, Bound.LOWER
    if suffix in ("以下", "以内") or prefix in _AT_MOST_WORDS:
        return Comparator.AT_MOST, Bound.UPPER
    if suffix in ("左右", "上下") or prefix in _ABOUT_WORDS:
        return Comparator.ABOUT, Bound.APPROXIMATE
    return Comparator.EXACTLY, Bound.EXACT


_BOUND_COMPARATORS = {
    Bound.LOWER: Comparator.AT_LEAST,
    Bound.UPPER: Comparator.AT_MOST,
    Bound.APPROXIMATE: Comparator.ABOUT,
    Bound.EXACT: Comparator.EXACTLY,
}


def outcome_comparator(bound: Bound, is_range: bool) -> Comparator:
    if is_range:
        return Comparator.RANGE
    return _BOUND_COMPARATORS[bound]


def period_cues(text: str, sentence: Sentence) -> list[tuple[int, str, Period | None, str]]:
    """(position, kind, period, text) of every period cue of the sentence."""
    cues: list[tuple[int, str, Period | None, str]] = []
    reference = sentence.year
    for match in PERIOD_CUE.finditer(text, sentence.start, sentence.end):
        kind = match.lastgroup or ""
        word = match.group()
        if bracketed(text, sentence.start, match.start()):
            continue  # 《行动方案（2025—2027年）》 names a document
        if match.start() > 0 and text[match.start() - 1] in "较比与同":
            continue  # 较上半年提高: a baseline, not the period
        period: Period | None = None
        try:
            if kind in ("deadline", "dy"):
                kind = "deadline"
                period = year_period(int(match.group("dy")))
            elif kind in ("since", "sy"):
                kind = "since"
                first = int(match.group("sy")) if match.group("sy") else plan_start(word)
                if word.endswith(("时期", "期间")):
                    # “十四五”时期年均增长5.5%: the plan's five years
                    period = years_period(first, first + 4)
                else:
                    # 2024年以来, “十四五”以来: the figure stands for the context's year
                    period = year_period(reference if reference is not None else first)
            elif kind == "month":
                period = parsed_period(word, reference)
            elif kind == "year":
                period = year_period(int(match.group("year")))
            elif kind == "rel":
                if reference is not None:
                    period = parsed_period(word, reference)
            elif kind == "each":
                period = None
        except ValueError:
            continue
        cues.append((match.start(), kind, period, word))
    return cues
