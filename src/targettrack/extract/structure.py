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

import datetime as dt
import re
import unicodedata
from collections import Counter

import attrs

from ..periods import Period
from ..places import PROVINCIAL, default_places

__all__ = [
    "MAX_SENTENCE",
    "PROVINCES",
    "TITLE_LENGTH",
    "Header",
    "Sentence",
    "bounded",
    "bulletin_sentences",
    "document_title",
    "document_year",
    "signed_date",
    "sentences",
    "work_report_header",
    "work_report_sentences",
]

#: The provincial-level governments' short forms, from the place names' data file (the
#: headlines of multi-region articles and a work report's congress name one of them)
PROVINCES = tuple(
    place.short for place in default_places() if place.level in PROVINCIAL and place.level != "sar"
)
_PROV = "(?P<prov>" + "|".join(PROVINCES) + ")"
_SUFFIX = "(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区)?"

#: A headline naming the author: 安徽省经济和信息化厅, 浙江省人民政府关于…, 国务院
_HEADLINE = re.compile(
    rf"^(?:\d{{4}}年)?{_PROV}{_SUFFIX}(?:人民政府|政府|经济和信息化厅|工业和信息化厅|"
    r"经济和信息化委员会|经济和信息化局|经信厅|工信厅|发展和改革委员会|统计局|人大|"
    r"国民经济和社会发展)"
)
_NATIONAL = re.compile(r"^(?:国务院|中华人民共和国国家统计局|国家统计局)(?![^,。\n]{0,12}调查队)")
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

#: The longest sentence read at once, in characters of compact text. The longest sentence of
#: the seed and corpus documents has about 460; a longer one is read in pieces cut at a clause
#: mark (, ; 、), so that the work on a piece is bounded and reading a text takes time linear in
#: its length, whatever the text (docs/input.md).
MAX_SENTENCE = 1000
_CLAUSE_MARKS = ",;、"


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
    #: the first year when the sentence is about several years (a five-year retrospective)
    first_year: int | None = None


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


def bounded(parsed: list[Sentence], text: str) -> list[Sentence]:
    """``parsed`` with every sentence longer than :data:`MAX_SENTENCE` cut into pieces: at the
    last clause mark of its second half, else at the limit."""
    result: list[Sentence] = []
    for sentence in parsed:
        start = sentence.start
        while sentence.end - start > MAX_SENTENCE:
            limit = start + MAX_SENTENCE
            cut = max(text.rfind(mark, start + MAX_SENTENCE // 2, limit) for mark in _CLAUSE_MARKS)
            cut = limit if cut < 0 else cut + 1
            result.append(attrs.evolve(sentence, start=start, end=cut))
            start = cut
        result.append(sentence if start == sentence.start else attrs.evolve(sentence, start=start))
    return result


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


# -- the work-report genre (政府工作报告) -------------------------------------------------------

#: Where a report was delivered: ——2025年1月19日在江苏省第十四届人民代表大会第三次会议上
_DELIVERED = re.compile(
    r"(?P<year>\d{4})年(?P<month>\d{1,2})月(?P<day>\d{1,2})日在"
    r"(?P<body>[^\n,。]{0,24}?)第[一二三四五六七八九十]+届(?P<national>全国)?人民代表大会"
)
#: A title: 2025年江苏省政府工作报告, 陕西省2026年政府工作报告, 政府工作报告
_TITLE = re.compile(
    r"(?m)^[ \t]*(?:(?P<year>\d{4})年)?(?P<body>[^\n\d,。:]{0,16}?)(?:(?P<year2>\d{4})年)?"
    r"政府工作报告[ \t]*$"
)
_GOVERNMENT_SUFFIX = re.compile(r"(?:人民政府|政府)?$")
_REGION_SUFFIX = re.compile(
    r"(?:省|市|自治区|壮族自治区|回族自治区|维吾尔自治区|特别行政区|自治州|地区|盟|县|区)$"
)
#: The speech opens: 各位代表:
_ADDRESS = re.compile(r"各位代表[:,]")
#: A numbered part of the speech: 一、2024年工作回顾
_PART = re.compile(
    r"^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]{1,3}、)(?P<title>[^\n]*)"
)
_REVIEW_TITLE = re.compile(r"回顾|过去一年|过去五年|工作总结|发展成就|主要成就|取得的成绩|执行情况")
_FIVE_YEAR_TITLE = re.compile(r"十[一二三四五六七八九]五|五年")
_NEXT_PLAN_TITLE = re.compile(r"十[一二三四五六七八九]五[”\"]?时期[^\n]{0,12}(?:目标|任务|举措)")
#: A part's title without its number, on a line of its own: “十四五”时期工作回顾, 2026年重点工作
_BARE_PART = re.compile(
    r"[“\"]?(?:(?:十[一二三四五六七八九]五|\d{4}年)[”\"]?(?:和|及|、)?)*[^\n,。;:、]{0,12}?"
    r"(?:工作回顾|发展回顾|主要成就|重点工作|工作安排|工作任务|主要目标和?任务|目标任务|总体要求和主要目标|"
    r"主要预期目标|主要目标和重大举措)"
)
_GLOSSARY = re.compile(r"^(?:名词解释|注释|附注)\s*$")
_APPENDIX = re.compile(r"^(?:附件|附表|附录)[\d一二三四五六七八九十]*\s*$")
_CHROME_END = re.compile(r"^(?:相关报道|相关文档|扫一扫|责任编辑|分享到|【打印】|打印本页)")
#: A paragraph of a review opening on the whole five years: “十四五”时期…, 五年来, 过去五年
_FIVE_YEAR_LEAD = re.compile(
    r"^(?:[(（][一二三四五六七八九十]+[)）])?[“\"]?(?:十[一二三四五六七八九]五[”\"]?"
    r"(?:时期|以来|期间|这五年)|五年来|过去五年|这五年|回顾五年|五年间)"
)
#: …or on the single year: 刚刚过去的2025年, 2025年, 过去一年, 一年来
_YEAR_LEAD = re.compile(
    r"^(?:[(（][一二三四五六七八九十]+[)）])?(?:各位代表[,!:])?(?:刚刚过去的|过去的)?"
    r"(?:(?P<year>\d{4})年(?!以来)|过去一年|一年来|去年)"
)
#: a paragraph opening on the next plan's targets: “十五五”时期经济社会发展的主要目标是
_NEXT_PLAN_LEAD = re.compile(
    r"^(?:[(（][一二三四五六七八九十]+[)）])?[“\"]?十[一二三四五六七八九]五[”\"]?时期[^。\n]{0,16}(?:目标|任务)"
)


@attrs.frozen
class Header:
    """What the header of a work report says: who reports, for which year, and when."""

    region: str | None
    year: int | None
    delivered: tuple[int, int, int] | None  # (year, month, day)
    #: where the speech begins (各位代表), or 0; what stands before it is the header
    body_start: int


def _region_name(body: str) -> str | None:
    body = _GOVERNMENT_SUFFIX.sub("", body.strip(" \u2014-:"))
    if not body:
        return None
    if body.startswith(("国务院", "中华人民共和国", "全国", "中央")):
        return "全国"
    short = _REGION_SUFFIX.sub("", body)
    for province in PROVINCES:  # 内蒙古自治区, 广西壮族自治区 → the short name
        if short.startswith(province):
            return province
    # any other government names itself with its level: 成都市, 恩施土家族苗族自治州, 昆山市
    return short if short != body and 2 <= len(short) <= 8 else None


def work_report_header(text: str) -> Header | None:
    """The header of a 政府工作报告 (``None`` when ``text`` does not open as one).

    The region comes from the congress the report was delivered to (江苏省第十四届人民代表大会 →
    江苏; 全国人民代表大会 → 全国) or from the title (2025年江苏省政府工作报告); the report's year
    from its delivery date or title.
    """
    head = text[:2000]
    title = _TITLE.search(head)
    if title is None:
        return None
    address = _ADDRESS.search(text, 0, 4000)
    body_start = address.start() if address is not None else 0
    region: str | None = None
    year: int | None = None
    delivered = _DELIVERED.search(head)
    date: tuple[int, int, int] | None = None
    if delivered is not None:
        date = (
            int(delivered.group("year")),
            int(delivered.group("month")),
            int(delivered.group("day")),
        )
        year = date[0]
        region = "全国" if delivered.group("national") else _region_name(delivered.group("body"))
    if region is None:
        region = _region_name(title.group("body"))
    if year is None:
        written = title.group("year") or title.group("year2")
        year = int(written) if written else None
    return Header(region, year, date, body_start)


@attrs.frozen
class _Part:
    start: int
    mode: str  # review | plan | "" (not read: header, glossary, page chrome)
    first_year: int | None
    year: int | None
    #: a review of one year next to a five-year retrospective: paragraphs switch between the
    #: five years and the single year
    five_years: tuple[int, int] | None = None
    single: int | None = None


def _five_years(title: str, reviewed: int) -> tuple[int, int]:
    """The five years a retrospective covers: the named plan's, else the five up to ``reviewed``."""
    match = re.search(r"十[一二三四五六七八九]五", title)
    if match is not None:
        plan = Period.parse(match.group())
        return plan.start_year, plan.end_year
    return reviewed - 4, reviewed


def _parts(text: str, header: Header) -> list[_Part]:
    """The parts of a work report of year ``header.year``, in order."""
    report_year = header.year
    reviewed = None if report_year is None else report_year - 1
    parts = [_Part(0, "", None, None)]
    if header.body_start:
        parts.append(_Part(header.body_start, PLAN, report_year, report_year))
    seen_review = False
    for line in re.finditer(r"(?m)^[^\n]*", text):
        body = line.group()
        start = line.start()
        if start < header.body_start:
            continue
        if _GLOSSARY.match(body) or _CHROME_END.match(body):
            parts.append(_Part(start, "", None, None))
            continue
        if _APPENDIX.match(body):
            parts.append(_Part(start, PLAN, report_year, report_year))
            continue
        part = _PART.match(body)
        if part is not None and len(body) <= 60:
            title = part.group("title")
        elif _BARE_PART.fullmatch(body.strip()):
            title = body.strip()  # a part's title on a line of its own, not numbered
        else:
            continue
        years = [int(y) for y in re.findall(r"(\d{4})年", title)]
        if _REVIEW_TITLE.search(title) and reviewed is not None:
            seen_review = True
            single = max(years) if years else reviewed
            if _FIVE_YEAR_TITLE.search(title):
                span = _five_years(title, single)
                if years or "一年" in title:
                    # 一、“十四五”时期和2025年工作回顾: the year, with five-year paragraphs
                    parts.append(_Part(start, REVIEW, single, single, span, single))
                else:
                    # 一、“十四五”时期经济社会发展回顾: the five years, with paragraphs on the year
                    parts.append(_Part(start, REVIEW, span[0], span[1], span, single))
            elif single % 5 == 0:
                # 一、2025年工作回顾 in the last year of a five-year plan: the year, with the
                # paragraphs on the whole five years (五年来…) it may hold
                parts.append(_Part(start, REVIEW, single, single, (single - 4, single), single))
            else:
                parts.append(_Part(start, REVIEW, single, single))
            continue
        following = _NEXT_PLAN_TITLE.search(title)
        if following is not None:
            first, last = _five_years(following.group(), (report_year or 0) + 4)
            parts.append(_Part(start, PLAN, first, last))
            continue
        if seen_review or years:
            plan_year = max(years) if years else report_year
            parts.append(_Part(start, PLAN, plan_year, plan_year))
    return parts


def _after_address(text: str, position: int) -> bool:
    """Whether the sentence at ``position`` follows a paragraph's address (各位代表！)."""
    start = text.rfind("\n", 0, position) + 1
    return _ADDRESS_ONLY.fullmatch(text, start, position) is not None


_ADDRESS_ONLY = re.compile(r"各位代表[!:,]")


def work_report_sentences(text: str, header: Header) -> list[Sentence] | None:
    """The sentences of a work report with the part each belongs to.

    The review (一、2024年工作回顾; 过去一年) gives outcomes of the year before the report; the
    year's targets and tasks (主要预期目标, 重点工作, appendices of 民生实事) give goals of the
    report's year; a “十四五” retrospective gives outcomes of its five years and “十五五” targets
    goals of the next five; the header, glossaries and page chrome give nothing. ``None``
    when the text has neither the speech's address (各位代表) nor a numbered review part.
    """
    parts = _parts(text, header)
    if not header.body_start and not any(part.mode == REVIEW for part in parts):
        return None  # no speech and no numbered review: read it as any other document
    result: list[Sentence] = []
    index = 0
    position = 0
    length = len(text)
    part = parts[0]
    current: tuple[int | None, int | None] = (part.first_year, part.year)
    while position < length:
        match = _SPLIT.search(text, position)
        end = match.start() if match else length
        while index + 1 < len(parts) and parts[index + 1].start <= position:
            index += 1
            part = parts[index]
            current = (part.first_year, part.year)
        body = text[position:end]
        if body.strip() and part.mode:  # the header, a glossary, page chrome: nothing to read
            # a paragraph opens at a line, or after the address it opens with (各位代表！)
            paragraph = (
                position == 0 or text[position - 1] == "\n" or _after_address(text, position)
            )
            if part.mode == REVIEW and part.five_years is not None and _FIVE_YEAR_LEAD.match(body):
                # 五年来… opening a paragraph, or a sentence within one (2025年目标任务顺利完成。
                # 五年来，…): the five years, until a paragraph says otherwise
                current = part.five_years
            elif part.mode == REVIEW and part.five_years is not None and paragraph:
                lead = _YEAR_LEAD.match(body)
                if lead is not None and part.single is not None:
                    named = lead.group("year")
                    single = int(named) if named and int(named) <= part.single else part.single
                    current = (single, single)
            elif part.mode == REVIEW and paragraph and _NEXT_PLAN_LEAD.match(body):
                # “十五五”时期…主要目标: a retrospective's part turns to the next plan's targets
                first, last = _five_years(body[:12], (header.year or 0) + 4)
                part = _Part(position, PLAN, first, last)
                current = (first, last)
            result.append(
                Sentence(
                    position,
                    end,
                    header.region,
                    part.mode,
                    current[1],
                    0,
                    headline=_PART.match(body) is not None,
                    first_year=current[0] if current[0] != current[1] else None,
                )
            )
        position = end + 1
    return result


#: Where a bulletin's notes begin (注释:, 资料来源:, [1] at a line's start): nothing is read.
_NOTES = re.compile(r"^(?:注释|注|附注|资料来源|说明)[::]|^(?:注释|附注)$|^\[1\]")


def bulletin_sentences(text: str, region: str | None, year: int) -> list[Sentence]:
    """The sentences of a statistical bulletin: every figure an outcome of its year, for the
    government it is of; the notes at the end (注释, 资料来源) are not read."""
    result: list[Sentence] = []
    position = 0
    length = len(text)
    notes = False
    while position < length:
        match = _SPLIT.search(text, position)
        end = match.start() if match else length
        body = text[position:end]
        paragraph = position == 0 or text[position - 1] == "\n"
        if paragraph and _NOTES.match(body) and position > length // 2:
            notes = True
        if body.strip() and not notes:
            result.append(
                Sentence(
                    position, end, region, REVIEW, year, 0, headline=_PART.match(body) is not None
                )
            )
        position = end + 1
    return result


#: The longest title taken from a document's text, in characters: a longer line is cut, so a
#: first line of megabytes makes no report of hundreds of megabytes (docs/input.md).
TITLE_LENGTH = 120


def document_title(text: str) -> str:
    """The document's title: its first line of six characters or more, passing over the short
    lines of a saved web page's chrome (下载, 打印, 【字号：, 加大 …); else its first line. Cut to
    :data:`TITLE_LENGTH` characters."""
    first = ""
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        first = first or line
        if len(line) >= 6:
            first = line
            break
    return first if len(first) <= TITLE_LENGTH else first[: TITLE_LENGTH - 1] + "…"


# -- the date a document was issued ---------------------------------------------------------------

_CHINESE_DIGITS = {c: str(i) for i, c in enumerate("〇一二三四五六七八九")} | {"零": "0", "○": "0"}
#: A line that is only a date, as a document is signed: 2022年8月30日, （二〇二二年八月三十日）
_DATE_LINE = re.compile(
    r"[(（]?(?P<year>[0-9〇○零一二三四五六七八九]{4})年(?P<month>[0-9一二三四五六七八九十]{1,3})月"
    r"(?P<day>[0-9一二三四五六七八九十]{1,3})日[)）]?"
)


def _chinese_number(text: str) -> int:
    """0—99 written in digits or in Chinese numerals (八, 十二, 三十, 三十一)."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, units = text.partition("十")
        return int(_CHINESE_DIGITS.get(tens, "1") or 1) * 10 + (
            int(_CHINESE_DIGITS[units]) if units else 0
        )
    return int("".join(_CHINESE_DIGITS[c] for c in text))


def signed_date(text: str) -> dt.date | None:
    """The last line of ``text`` that is only a date — the date a document is signed with
    (２０２２ 年 ８ 月 ３０ 日, 二〇二二年八月三十日). A line with more than a date (…２０２２ 年 ８ 月
    ３１ 日印发, a printing note) is not a date line."""
    found: dt.date | None = None
    for line in text.splitlines():
        compact = "".join(unicodedata.normalize("NFKC", line).split())
        match = _DATE_LINE.fullmatch(compact)
        if match is None:
            continue
        year = "".join(_CHINESE_DIGITS.get(c, c) for c in match.group("year"))
        try:
            found = dt.date(
                int(year),
                _chinese_number(match.group("month")),
                _chinese_number(match.group("day")),
            )
        except (ValueError, KeyError):
            continue
    return found
