"""The structure of a document: sentences, and the region, year and section of each.

A report can hold several regions' articles one after another (with a headline such as
``安徽省经济和信息化厅`` or only an opening sentence such as ``2024年,重庆深入学习…``), and each
article reviews one year (``2024年工作成效``, ``今年以来``, ``过去一年``) before it plans the
next (``2025年工作思路``, ``2025年,浙江省经济和信息化系统将…``). :func:`sentences` walks the
compact text once and gives every sentence its region, its section (review or plan) and the
year that section is about; years named only later in an article (``自今年以来`` … ``2023年工作
成效``) are filled in afterwards.
"""

from __future__ import annotations

import re
from collections import Counter

import attrs

__all__ = ["PROVINCES", "Sentence", "document_year", "sentences"]

PROVINCES = (
    "北京",
    "天津",
    "河北",
    "山西",
    "内蒙古",
    "辽宁",
    "吉林",
    "黑龙江",
    "上海",
    "江苏",
    "浙江",
    "安徽",
    "福建",
    "江西",
    "山东",
    "河南",
    "湖北",
    "湖南",
    "广东",
    "广西",
    "海南",
    "重庆",
    "四川",
    "贵州",
    "云南",
    "西藏",
    "陕西",
    "甘肃",
    "青海",
    "宁夏",
    "新疆",
)
_PROV = "(?P<prov>" + "|".join(PROVINCES) + ")"
_SUFFIX = "(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)?"

#: A headline naming the author: 安徽省经济和信息化厅, 浙江省人民政府关于…, 国务院
_HEADLINE = re.compile(
    rf"^(?:\d{{4}}年)?{_PROV}{_SUFFIX}(?:人民政府|政府|经济和信息化厅|工业和信息化厅|"
    r"经济和信息化委员会|经济和信息化局|经信厅|工信厅|发展和改革委员会|统计局|人大|"
    r"国民经济和社会发展)"
)
_NATIONAL = re.compile(r"^(?:国务院|中华人民共和国国家统计局|国家统计局)")
#: An article's opening: 2024年以来,上海市经济信息化部门…; 2024年,重庆深入学习…
_OPENING = re.compile(
    r"^(?:做好)?(?:自)?(?:(?P<year>\d{4})年|今年|去年|上年)?(?P<since>以来)?,?"
    r"(?:在[^,。]{0,24}下,)?"
    rf"{_PROV}{_SUFFIX}"
    r"(?=经济|工业|经信|工信|信息|坚持|坚决|深入|全面|认真|聚焦|紧扣|锚定|将|围绕|以|系统)"
)
_YEAR_START = re.compile(r"^(?:做好)?(?P<year>\d{4})年(?P<rest>以来|是|,|的|[^\d])")
_SECTION = re.compile(
    r"^(?:[一二三四五六七八九十]+、|\(?[一二三四五六七八九十]+\)|第[一二三四五六七八九十]+部分)?"
    r"(?P<year>\d{4})年(?:度)?(?P<word>工作成效|重点工作|主要成效|工作回顾|工作成绩|主要工作|"
    r"主要成绩|工作总结|工作思路|工作安排|工作计划|工作打算|重点任务|工作重点|主要目标|"
    r"发展目标|主要预期目标|工作部署|工作要点)$"
)
_REVIEW_WORDS = ("工作成效", "主要成效", "工作回顾", "工作成绩", "主要工作", "主要成绩", "工作总结")
_PLAN_WORDS = (
    "工作思路",
    "工作安排",
    "工作计划",
    "工作打算",
    "重点任务",
    "工作重点",
    "主要目标",
    "发展目标",
    "主要预期目标",
    "工作部署",
    "工作要点",
)
_PAST = re.compile(r"^(?:过去一年|过去五年|去年以来|今年以来|自今年以来|一年来|回顾过去)")
_AHEAD = re.compile(r"(?:今年|明年)(?:经济社会)?(?:发展的?)?主要预期目标|下一步|今后|明年")
_PLAN_TITLE = re.compile(r"(?:意见|规划|纲要|方案|计划|通知|目标)")
_DEADLINE = re.compile(r"到(\d{4})年")
_DATE = re.compile(r"(\d{4})年\d{1,2}月\d{1,2}日")
_FORWARD = re.compile(
    r"^(?:做好)?\d{4}年(?:是[^。]*?(?:收官|开局|关键|起步)|,[^,。]{0,24}(?:将|要|计划)|"
    r"[^,。]{0,20}预期目标)"
)
_SPLIT = re.compile(r"[。!?\n]")

REVIEW = "review"
PLAN = "plan"


@attrs.define
class Sentence:
    """A sentence of compact text with its context."""

    start: int
    end: int
    region: str | None
    mode: str  # review | plan | "" (unknown)
    year: int | None
    segment: int
    headline: bool = False
    highlight: bool = False  # a box repeating the review's figures (● …)


def document_year(text: str) -> int | None:
    """The year a document was issued: its last full date (2022年8月30日), else None."""
    dates = _DATE.findall(text)
    return int(dates[-1]) if dates else None


def horizon(text: str) -> int | None:
    """The year a plan looks to: the most frequent 到YYYY年."""
    years = Counter(int(y) for y in _DEADLINE.findall(text))
    if not years:
        return None
    return years.most_common(1)[0][0]


def sentences(
    text: str, *, region: str | None = None, year: int | None = None
) -> tuple[list[Sentence], bool]:
    """The sentences of compact ``text`` with their context, and whether it reads as a plan.

    ``region`` and ``year`` are the defaults for text before any cue names them.
    """
    result: list[Sentence] = []
    current_region = region
    mode = ""
    current_year: int | None = None
    segment = 0
    position = 0
    length = len(text)
    first_lines = text[:200]
    plan_document = bool(_PLAN_TITLE.search(first_lines.split("\n", 2)[0] + first_lines[:60]))
    plan_document = plan_document and "工作成效" not in text and "以来" not in text[:400]
    while position < length:
        match = _SPLIT.search(text, position)
        end = match.start() if match else length
        body = text[position:end]
        if body.strip():
            headline = False
            found = _HEADLINE.match(body)
            if found is not None or _NATIONAL.match(body):
                new_region = found.group("prov") if found is not None else "全国"
                if new_region != current_region:
                    segment += 1
                    mode = ""
                    current_year = None
                current_region = new_region
                headline = True
            opening = _OPENING.match(body)
            if opening is not None:
                new_region = opening.group("prov")
                if new_region != current_region:
                    # a new article opens with its review
                    segment += 1
                    current_region = new_region
                    mode = REVIEW
                    current_year = int(opening.group("year")) if opening.group("year") else None
            section = _SECTION.match(body)
            if section is not None:
                section_year = int(section.group("year"))
                word = section.group("word")
                if word in _PLAN_WORDS:
                    mode, current_year = PLAN, section_year
                elif word in _REVIEW_WORDS or mode in ("", REVIEW):
                    if mode == REVIEW and current_year is not None and section_year > current_year:
                        mode, current_year = PLAN, section_year
                    else:
                        mode, current_year = REVIEW, section_year
                else:  # 重点工作 after a review: the plan
                    mode, current_year = PLAN, section_year
                headline = True
            else:
                start_year = _YEAR_START.match(body)
                if start_year is not None:
                    value = int(start_year.group("year"))
                    forward = _FORWARD.match(body) is not None
                    later = (
                        current_year is None
                        or value > current_year
                        or (mode == PLAN and value == current_year)
                    )
                    if start_year.group("rest") == "以来":
                        mode, current_year = REVIEW, value
                    elif forward and later:
                        mode, current_year = PLAN, value
                    elif current_year is None or mode != PLAN:
                        mode, current_year = REVIEW, value
                elif opening is not None and opening.group("since"):
                    mode = REVIEW
                    if opening.group("year"):
                        current_year = int(opening.group("year"))
                elif _PAST.match(body):
                    mode = REVIEW
                    if body.startswith(("过去一年", "去年")) and year is not None:
                        current_year = year - 1  # a work report of year Y reviews Y−1
                elif _AHEAD.search(body[:30]) and mode in (REVIEW, ""):
                    mode = PLAN
                    if body.startswith("今年") and year is not None:
                        current_year = year
                    else:
                        current_year = None if current_year is None else current_year + 1
            if body[0] in "●•-·▪■◆" and not headline:
                # a highlight box repeats the review's figures
                result.append(
                    Sentence(position, end, current_region, REVIEW, None, segment, highlight=True)
                )
            else:
                result.append(
                    Sentence(position, end, current_region, mode, current_year, segment, headline)
                )
        position = end + 1
    _fill_years(result, year, plan_document)
    return result, plan_document


def _fill_years(result: list[Sentence], year: int | None, plan_document: bool) -> None:
    """Give every sentence a year: a segment's review year, or its plan year less one."""
    reviews: dict[int, int] = {}
    plans: dict[int, int] = {}
    for sentence in result:
        if sentence.year is None:
            continue
        table = plans if sentence.mode == PLAN else reviews
        table.setdefault(sentence.segment, sentence.year)
    for sentence in result:
        if plan_document and sentence.mode == "":
            sentence.mode = PLAN
        review_year = reviews.get(sentence.segment)
        plan_year = plans.get(sentence.segment)
        if review_year is None and plan_year is not None:
            review_year = plan_year - 1
        if plan_year is None and review_year is not None:
            plan_year = review_year + 1
        if review_year is None:
            review_year = year
        if plan_year is None:
            plan_year = None if year is None else year + (0 if plan_document else 1)
        if sentence.year is None:
            sentence.year = plan_year if sentence.mode == PLAN else review_year
