"""Finding the quantities of a sentence: numbers with their magnitudes, units and qualifiers.

Works on compact text (see :mod:`targettrack._extract_text`): full-width forms folded,
layout white space removed. :func:`scan` returns every quantity that measures something, and
leaves out the numbers that name or order things: years and dates, ordinals (第一批),
rankings (居全国第3位), names (“415X”, 5G, 2.0版, 世界500强, “4+10”), thresholds that
qualify a noun (10亿元以上制造业项目, 千亿级集群) and gaps against another region
(高于全国3.3个百分点).
"""

from __future__ import annotations

import functools
import re
from fractions import Fraction

import attrs

from .._text import MAGNITUDES, parse_number
from ..units import dimension_name, known_units
from ..units import unit as parse_unit

__all__ = ["Quantity", "scan"]

_CN_DIGITS = "〇零一二两三四五六七八九十百千"
_CN = f"[{_CN_DIGITS}]+"
_AR = r"\d+(?:\.\d+)?"

#: Classifiers and units read after a number (time units are left out: 3年, 30天 are spans).
_UNIT_NAMES = sorted(
    [
        "个百分点",
        "百分点",
        "吨标准煤",
        "标准煤吨",
        "平方公里",
        "千瓦时",
        "人次",
        "家次",
        "户次",
        "批次",
        "公里",
        "公顷",
        "个",
        "亩",
        "人",
        "件",
        "倍",
        "元",
        "吨",
        "只",
        "台",
        "名",
        "场",
        "块",
        "处",
        "套",
        "家",
        "座",
        "张",
        "户",
        "条",
        "架",
        "款",
        "片",
        "种",
        "篇",
        "类",
        "起",
        "辆",
        "项",
        "米",
        "%",
        "‰",
        "P",
    ],
    key=len,
    reverse=True,
)
#: Units read after an Arabic number: every unit the registry defines (``data/units.txt``:
#: 600部, 2000万平方米, 1100亿斤, 2000万千瓦), but those of time (3年, 30天 are spans), 度 (a
#: degree as often as a kilowatt-hour) and 位 (a rank as often as persons: 提高16位, 前10位). After a Chinese numeral only :data:`_UNIT_NAMES`, whose
#: words do not open common phrases (一方面, 一部分, 一起 are not quantities).
_REGISTRY_UNITS = sorted(
    {
        name
        for name in known_units()
        if re.search(r"[\u4e00-\u9fff%‰]", name)
        and name not in ("度", "位")
        and dimension_name(parse_unit(name)) != "time"
    }
    | set(_UNIT_NAMES),
    key=len,
    reverse=True,
)
_MAGNITUDE_WORDS = sorted(MAGNITUDES, key=len, reverse=True)
_MAG = "(?:" + "|".join(m for m in _MAGNITUDE_WORDS if m not in ("十", "百")) + ")"
_UNIT = "(?:" + "|".join(re.escape(u) for u in _REGISTRY_UNITS) + ")"
_CN_UNIT = "(?:" + "|".join(re.escape(u) for u in _UNIT_NAMES) + ")"

# A number: Arabic (with a fraction bar), a Chinese fraction (三分之一), 百分之…, a Chinese
# numeral directly before a classifier (两家, 五成), or a bare magnitude after 破/超/上 (破千万).
# The first test is only the characters a number can start with: it lets the engine pass over
# the rest of the text at once instead of trying every alternative at every character.
# A Chinese numeral is only tried where its run starts: what fails from the start of a run
# fails from inside it too (the numeral can only end at the same places), and trying each
# inside position would read a run of n numerals n times over (quadratic time on 九九九…).
_NUMBER = re.compile(
    rf"(?=[{_CN_DIGITS}万亿]|\d)"
    rf"(?:(?P<pct>百分之(?:{_AR}|{_CN}))"
    rf"|(?P<frac>(?:{_AR}|(?<![{_CN_DIGITS}]){_CN})分之(?:{_AR}|{_CN}))"
    rf"|(?P<ar>{_AR}(?:/{_AR})?)"
    rf"|(?<![{_CN_DIGITS}])(?P<cn>{_CN}(?:万|亿)?)"
    rf"(?=(?:多|余)?(?:{_CN_UNIT}|成(?![为立果本效])|大[^会力量众幅]))"
    rf"|(?<=[上破过超])(?P<bare>万亿|千亿|百亿|千万|百万|亿|万)(?![级])"
    r"|(?P<twodigit>两位数)(?=(?:以上)?(?:的)?增))"
)
_TAIL = re.compile(
    rf"(?P<approx>多|余)?(?P<mag>{_MAG})?(?P<approx2>多|余)?"
    rf"(?P<unit>{_UNIT}(?:[/每]{_MAG}?{_UNIT})?(?:\([^()]{{1,3}}\))?|成|大)?"
)
_RANGE = re.compile(rf"(?:—|-|~|至|到)(?P<num>{_AR})(?P<mag>{_MAG})?(?P<unit>{_UNIT})?")
_SUFFIX = re.compile(r"(?:及以上|以上|以下|以内|左右|上下|多)")
_TIME_QUALIFIED = re.compile(r"(?P<unit>天|岁|个月)(?P<suffix>及以上|以上|以下|以内|左右)")
_WORKDAYS = re.compile(r"个工作日")
_YEAR = re.compile(r"(?:19|20)\d\d")
_DIGITS = re.compile(r"[〇零一二两三四五六七八九]")
_GAP = re.compile(r"(高于|高出|低于|超出|快于|慢于|领先|好于|超过全国|比全国)")
_COMPLETES = re.compile(r"(完成|打造)$")
_LEVEL = re.compile(r"(达到|达|为|至|在)$")
_NEXT_PACKAGE = re.compile(r"、\d+条")
_PACKAGE_BEFORE = re.compile(r"(\d条、|保障|帮扶)$")
_NATIONAL = re.compile(r"(全国|就有|占全国[^,;。]{0,4})$")
_THRESHOLD = re.compile(r"(低于|高于)$")
_STARTING_POINT = re.compile(r"(由|从)(原来的|原|平均|过去的?)?$")

#: Words that end a clause; a threshold "10亿元以上" followed by anything else qualifies a noun.
_CLAUSE_END = frozenset(",;。:、)”\n!?")


@attrs.frozen
class Quantity:
    """One quantity found in compact text."""

    start: int  # the number's first character
    end: int  # after the unit and any suffix (以上, 左右)
    value: float  # the number as written, times no magnitude
    unit: str  # the unit as Amount reads it ("万家", "%", "亿元"), "" for none
    value_high: float | None = None  # the upper end of a range
    suffix: str = ""  # 以上, 以下, 以内, 左右, 上下, 多 (also 余 / 多 before the unit)
    bare: bool = False  # a magnitude with no digits (破千万)
    factor: float = 1.0  # the magnitude folded into value for bare and unit-less forms
    number_end: int = 0  # end of the number token
    special: str = ""  # "two_digit" for 两位数增长, "big" for 十大


def _chinese(text: str) -> float:
    return float(parse_number(text))


@functools.lru_cache(maxsize=4096)
def _unit_ok(text: str) -> bool:
    try:
        parse_unit(text)
    except ValueError:
        return False
    return True


def _in_short_quote(text: str, start: int, end: int) -> bool:
    """True when [start, end) lies inside “…” or 《…》 of at most 12 characters."""
    for opening, closing, limit in (("“", "”", 12), ("《", "》", 60), ('"', '"', 12)):
        left = text.rfind(opening, max(0, start - limit), start)
        if left < 0:
            continue
        if text.find(closing, left + 1, start) >= 0:
            continue
        right = text.find(closing, end, end + limit)
        if right >= 0 and right - left <= limit + 1:
            return True
    return False


def _explains_name(text: str, start: int, lower: int) -> bool:
    """True inside a bracket that explains a quoted name: “双百”(100家重点企业…)."""
    left = text.rfind("(", lower, start)
    if left <= lower or text[left - 1] != "”":
        return False
    return text.find(")", left, start) < 0


def _gap(text: str, clause_start: int, start: int) -> bool:
    """A gap against another region or the average: 高于全国3.3个百分点."""
    before = text[clause_start:start]
    return _GAP.search(before) is not None


def scan(text: str, start: int = 0, end: int | None = None) -> list[Quantity]:
    """The quantities in ``text[start:end]`` (compact text)."""
    end = len(text) if end is None else end
    found: list[Quantity] = []
    position = start
    while True:
        match = _NUMBER.search(text, position, end)
        if match is None:
            break
        position = match.end()
        quantity = _read(text, match, start, end)
        if quantity is not None:
            found.append(quantity)
            position = max(position, quantity.end)
    return found


def _read(text: str, match: re.Match[str], lower: int, upper: int) -> Quantity | None:
    begin = match.start()
    before = text[begin - 1] if begin > lower else ""
    kind = match.lastgroup
    token = match.group()
    if kind == "twodigit":
        tail_end = match.end()
        suffix = "以上" if text.startswith("以上", tail_end) else ""
        return Quantity(
            begin,
            tail_end + len(suffix),
            10.0,
            "%",
            suffix=suffix or "以上",
            number_end=match.end(),
            special="two_digit",
        )
    if kind == "ar":
        if before and (before.isascii() and (before.isalnum() or before in "+.-")):
            return None
        if before and before in "第前+每":
            return None
        if before == "强" and begin >= 2 and text[begin - 2].isdigit():
            return None  # 世界500强5张榜单
    if kind in ("cn", "bare") and before and before in "第前这那每”":
        return None
    if (
        kind == "cn"
        and token in ("十", "百", "千", "万", "亿")
        and not text.startswith("大", match.end())
        and before not in ("超", "近", "上", "过")
    ):
        return None  # 百项产品攻关, 千项千亿: names
    if kind == "cn" and token == "一":
        return None
    tail = _TAIL.match(text, match.end(), upper)
    assert tail is not None
    approx = tail.group("approx") or tail.group("approx2") or ""
    magnitude = tail.group("mag") or ""
    unit = (tail.group("unit") or "").replace("每", "/")  # 35微克每立方米 is 35微克/立方米
    stop = tail.end()
    if not unit and kind == "ar":
        timed = _TIME_QUALIFIED.match(text, stop, upper)
        if timed is not None:
            # 325天以上, 5天以内: a number of days or years with a qualifier measures them
            # (a bare 3年 or 30天 is a span, and left out)
            unit = timed.group("unit")
            stop = timed.start("suffix")
    after = text[stop] if stop < upper else ""
    # 5G, 10G PON, 2.0版, 415X: a number glued to Latin letters names something
    if kind == "ar" and not unit and not magnitude and after.isascii() and after.isalpha():
        return None
    if unit == "P" and after.isascii() and after.isalpha():
        return None
    if unit and unit[-1].isascii() and unit[-1].isalpha() and after.isascii() and after.isalnum():
        return None
    if after == "+" or (after == "”" and text[stop - 1 : stop] == "+"):
        return None
    if after in "级版强号代届" and after:
        return None
    if unit == "大":
        if kind != "cn" or not _COMPLETES.search(text[max(lower, begin - 2) : begin]):
            return None
        unit = ""
        special = "big"
    else:
        special = ""
    if unit == "成" and kind not in ("cn", "ar"):
        return None
    if unit == "个" and after == "月":
        return None  # 连续4个月: a span of time
    if unit == "个" and _WORKDAYS.match(text, stop - 1):
        unit = "天"
        stop += 3
    # value
    try:
        if kind == "pct":
            value = float(parse_number(token[3:]))
            unit, magnitude = "%", ""
        elif kind == "frac":
            value = float(Fraction(parse_number(token)))
        elif kind == "ar":
            value = float(parse_number(token))  # bounded: a run of 400 digits is no number
        elif kind == "cn":
            value = _chinese(token)
        else:  # bare magnitude
            value = 1.0
            magnitude = token
    except (ValueError, ZeroDivisionError):
        return None
    # a bare number: years, dates, codes — only a level after 达到/为 counts (容积率达到1.5)
    if (
        kind == "ar"
        and not unit
        and not magnitude
        and "/" not in token
        and (
            _YEAR.fullmatch(token)
            or not _LEVEL.search(text[max(lower, begin - 2) : begin])
            or after in "年月日"
        )
    ):
        return None
    if kind == "cn" and not unit and not magnitude and special != "big":
        return None
    if unit == "成":
        value, unit = value * 10, "%"
    value_high: float | None = None
    # ranges: 5%—5.5%, 5—5.5%
    rng = _RANGE.match(text, stop, upper)
    if rng is not None and kind == "ar" and (not unit or rng.group("unit") == unit):
        high_unit = rng.group("unit") or ""
        if unit or high_unit:
            try:
                value_high = float(parse_number(rng.group("num")))
            except ValueError:
                value_high = None
            if value_high is not None and value_high > value:
                unit = unit or high_unit
                magnitude = magnitude or (rng.group("mag") or "")
                stop = rng.end()
            else:
                value_high = None
    suffix_match = _SUFFIX.match(text, stop, upper)
    suffix = ""
    if suffix_match is not None:
        suffix = suffix_match.group()
        stop = suffix_match.end()
        if suffix in ("以上", "及以上", "以下") and stop < upper:
            following = text[stop]
            if following not in _CLAUSE_END and not text.startswith(
                ("的增", "增长", "的比", "的水平"), stop
            ):
                return None  # a threshold qualifying a noun: 10亿元以上制造业重大项目
    if approx:
        suffix = suffix or approx
    unit_text = magnitude + unit
    factor = 1.0
    if unit:
        if not _unit_ok(unit_text):
            return None
    elif magnitude:
        if after and "\u4e00" <= after <= "\u9fff" and after not in "的以左多余上":
            return None  # 1.41万亿斤: a unit targettrack does not know
        factor = float(MAGNITUDES[magnitude])
        unit_text = ""
    following_text = text[stop : stop + 6]
    if (unit == "项" and following_text.startswith(("措施", "举措"))) or (
        unit == "条"
        and (
            following_text.startswith(("措施", "举措", "政策", "三批", "”"))
            or _NEXT_PACKAGE.match(following_text)
            or _PACKAGE_BEFORE.search(text[max(lower, begin - 3) : begin])
        )
    ):
        return None  # 助企帮扶16条措施, 17条、18条、19条三批政策: policy packages
    if unit == "个" and any(w in following_text[:4] for w in ("方面", "维度", "领域", "层面")):
        return None  # 从8个方面, 15个领域: ways of counting, not indicators
    if kind == "cn" and following_text.startswith("大"):
        return None  # 四场大战
    if unit.endswith("个百分点") and following_text.startswith("贴息"):
        return None  # 财政给予1个百分点贴息: a subsidy rate
    magnitude_only = kind == "bare" or (kind == "cn" and not _DIGITS.search(token))
    if (
        magnitude_only
        and unit.endswith("元")
        and stop < upper
        and "\u4e00" <= text[stop] <= "\u9fff"
        and text[stop] not in "的目"
    ):
        return None  # 超百亿元工业企业: a size class
    if (
        kind == "bare"
        and stop < upper
        and "\u4e00" <= text[stop] <= "\u9fff"
        and text[stop] not in "的目"
    ):
        return None  # 超百亿元工业企业: a size class
    if _NATIONAL.search(text[max(lower, begin - 8) : begin]):
        return None  # 全国3个…省份之一, 每4辆就有1辆: national figures
    if _explains_name(text, begin, lower):
        return None  # “双百”(100家重点企业、100个重点项目)
    if text.startswith("的", stop) and _THRESHOLD.search(text[max(lower, begin - 2) : begin]):
        return None  # 能耗低于0.52吨标准煤/万元的新上项目: a threshold, not a value
    if _in_short_quote(text, begin, match.end()):
        return None
    # 从20个拓展到42个, 由原来的6个减少为4个: the starting point is no statement
    window = text[max(lower, begin - 6) : begin]
    if _STARTING_POINT.search(window):
        return None
    if unit in ("个百分点", "百分点"):
        clause = max(text.rfind(c, lower, begin) for c in ",;。:\n")
        if _gap(text, max(clause + 1, lower), begin):
            return None
    return Quantity(
        begin,
        stop,
        value,
        unit_text,
        value_high=value_high,
        suffix=suffix,
        bare=kind == "bare",
        factor=factor,
        number_end=match.end(),
        special=special,
    )
