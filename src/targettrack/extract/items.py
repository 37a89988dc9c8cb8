"""Items: each quantity of a sentence with the words around it — the clause it stands in, the
measure written before it (or the noun after it: 创建123家企业技术中心), the comparator and change
words at the end of its left context (不低于, 增长), and the lists that give one value to each of
several measures (分别, 、…均)."""

from __future__ import annotations

import itertools
import re

import attrs

from ..measure import addition_verbs
from .context import CHANGE, HAN, PREFIX, has_words
from .scan import Quantity, scan
from .structure import PROVINCES, Sentence

__all__ = [
    "HEADS",
    "PARTS",
    "REGION_WORDS",
    "Item",
    "clause_subject",
    "find_clause_start",
    "noun_after",
    "previous_clause",
    "read_item",
    "share_respectively",
    "subject_count",
]

HEADS = ("产业增加值", "增加值", "营业收入", "营收", "投资", "产量", "利润", "出口额", "收入")

REGION_WORDS = re.compile(
    r"^(?:全省|全市|全区|全国|我省|我市|本省|本市|省内|"
    + "|".join(PROVINCES)
    + r")(?:省|市|自治区)?"
)
_LEADING = re.compile(
    r"^(?:[、和及与并且,;:]|其中|同时|此外|另外|力争|确保|争取|预计|有望|全年|年内|今年|"
    r"累计|共|合计|总计|已|已经|\d{4}年(?:\d{1,2}(?:—|-|至)\d{1,2}月)?|\d{1,2}(?:—|-|至)\d{1,2}月(?:份)?|"
    r"前三季度|上半年|截至\d{1,2}月(?:底|末)?|[一二三四五六七八九十]+是|\([一二三四五六七八九十]+\))+"
)
#: 等 closing a list of examples (A、B等, 宛平城等), not a word of its own (高等, 平等, 中等 …)
_EXAMPLES = re.compile(r"(?<![高中平同对均相初上优次])等")
#: What may stand before a count that names its clause's subject (a period, 其中).
_SUBJECT_LEAD = re.compile(
    r"^(?:其中|全年|今年|前三季度|上半年|\d{4}年|\d{1,2}(?:—|-|至)\d{1,2}月(?:份)?)+"
)
PARTS = re.compile(r"[、和及与]")
_CLAUSE_DELIMS = ",;:()"
_JOINERS = re.compile(r"^(?:、|和|及|与|以及|,)?$")


@attrs.define
class Item:
    """A quantity with what the reader learned about it, before it becomes a statement."""

    quantity: Quantity
    clause_start: int
    left_start: int
    metric_text: str
    metric_start: int
    end: int
    prefix: str = ""
    change_verb: str = ""
    baseline_text: str = ""
    respectively: bool = False
    group_index: int = 0
    group_size: int = 1


def read_item(
    text: str,
    sentence: Sentence,
    quantity: Quantity,
    quantities: list[Quantity],
    index: int,
    earlier: list[Item],
) -> Item:
    begin = quantity.start
    clause_start = find_clause_start(text, sentence.start, begin)
    if clause_start == begin and text[begin - 1 : begin] == ")":
        # 智能工厂(数字化车间)1000家: the bracket belongs to the noun before the value
        opening = text.rfind("(", sentence.start, begin)
        if opening > sentence.start and HAN.match(text, opening - 1):
            clause_start = find_clause_start(text, sentence.start, opening)
    left_start = clause_start
    if index > 0 and quantities[index - 1].end > left_start:
        left_start = quantities[index - 1].end
        before = earlier[-1] if earlier else None
        if (
            before is not None
            and left_start < before.end < begin
            and text[before.end] in "、和及与"
        ):
            # 构建200个共同体和50个联盟, 新增9家示范工厂、80家绿色工厂: a list of values each
            # before its noun; the noun after the value before is that value's own
            left_start = before.end
    left = text[left_start:begin]
    # qualifiers at the end of the left context: comparator words, the change verb
    prefix = ""
    change_verb = ""
    baseline_text = ""
    respectively = False
    for _ in range(4):
        match = PREFIX.search(left)
        if match is not None and match.group("word") and not prefix:
            prefix = match.group("word")
            left = left[: match.start()]
            continue
        change = CHANGE.search(left)
        if change is not None and not change_verb:
            change_verb = change.group("verb")
            baseline_text = change.group("base")
            respectively = "分别" in change.group()
            left = left[: change.start()]
            continue
        if left.endswith("分别"):
            respectively = True
            left = left[:-2]
            continue
        break
    if left.endswith("分别"):
        respectively = True
        left = left[:-2]
    # leading cues: periods, strength, region words
    cut = _cues(left)
    stripped_start = left_start + cut
    left = left[cut:]
    metric_text = _without_examples(left)
    metric_start = stripped_start
    end = quantity.end
    verb = addition_verbs(metric_text, at_end=True)
    if verb and len(metric_text) > len(verb) and not (quantity.unit or "").endswith(("%", "点")):
        # 在老年人数量较多区域新建50个养老服务中心: what is built is the noun after the number,
        # not the place before the verb
        noun = noun_after(text, quantity.end, sentence.end)
        if noun:
            metric_text, end = verb + noun, quantity.end + len(noun)
            metric_start = stripped_start + len(left) - len(verb)
    elif len(metric_text) <= 4 and not (quantity.unit or "").endswith(("%", "点")):
        # a number before its noun: 创建123家市级企业技术中心
        noun = noun_after(text, quantity.end, sentence.end)
        if noun:
            if not metric_text and prefix == "完成":
                metric_text = (
                    prefix  # 完成2443个行政村生活污水治理: the completion is the measure's
                )
            metric_text = metric_text + noun
            end = quantity.end + len(noun)
    return Item(
        quantity,
        clause_start,
        left_start,
        metric_text,
        metric_start,
        end,
        prefix,
        change_verb,
        baseline_text,
        respectively,
    )


def find_clause_start(text: str, lower: int, begin: int) -> int:
    clause_start = lower
    for delimiter in _CLAUSE_DELIMS:
        found = text.rfind(delimiter, lower, begin)
        if found >= 0:
            clause_start = max(clause_start, found + 1)
    return clause_start


def noun_after(text: str, position: int, limit: int) -> str:
    stop = position
    while stop < limit and stop - position < 16:
        char = text[stop]
        if char in ",;:。、()\n" or char.isdigit():
            break
        stop += 1
    noun = text[position:stop]
    if not noun or not ("\u4e00" <= noun[0] <= "\u9fff" or noun[0] in "“"):
        return ""
    if noun.startswith(("的", "左右", "以上", "增长", "同比", "占")):
        return ""
    if stop < limit and text[stop].isdigit():
        noun = noun.rstrip("和及与")  # 200个共同体和50个联盟: the joiner is not the noun's
    return noun


def share_respectively(text: str, items: list[Item]) -> None:
    """分别: k values after one subject of k parts (电子信息、汽车产业增加值分别增长…)."""
    for first, second in itertools.pairwise(items):
        between = text[first.quantity.end : second.quantity.start]
        if (
            not second.respectively
            and not has_words(second.metric_text)
            and between in ("、", "和")
        ):
            second.metric_text = first.metric_text
            second.metric_start = first.metric_start
            second.change_verb = second.change_verb or first.change_verb
    index = 0
    while index < len(items):
        item = items[index]
        if not item.respectively:
            index += 1
            continue
        group = [item]
        while index + len(group) < len(items):
            following = items[index + len(group)]
            between = text[group[-1].quantity.end : following.quantity.start]
            if not _JOINERS.match(between):
                break
            group.append(following)
        parts = [p for p in PARTS.split(item.metric_text) if p]
        if len(group) > 1 and len(parts) == len(group):
            head = next((h for h in HEADS if parts[-1].endswith(h)), "")
            for member, part in zip(group, parts, strict=True):
                if head and not part.endswith(HEADS):
                    part += head
                member.metric_text = part
        for position, member in enumerate(group):
            member.group_index = position
            member.group_size = len(group)
        for member in group[1:]:
            member.change_verb = member.change_verb or item.change_verb
            member.baseline_text = member.baseline_text or item.baseline_text
            member.respectively = True
            if len(parts) != len(group):
                member.metric_text = item.metric_text
            member.metric_start = min(member.metric_start, item.metric_start)
        index += len(group)


# -- statements --------------------------------------------------------------------------


def subject_count(text: str, item: Item, sentence: Sentence) -> bool:
    """A count opening its clause before a noun and another figure of the same clause."""
    quantity = item.quantity
    if quantity.unit in ("%", "‰", "个百分点", "百分点", "倍") or item.end <= quantity.end:
        return False
    lead = text[item.clause_start : quantity.start]
    match = _SUBJECT_LEAD.match(lead)
    if match is not None:
        lead = lead[match.end() :]
    region = REGION_WORDS.match(lead)
    if region is not None:
        lead = lead[region.end() :]
    if lead:
        return False
    opening = text[item.clause_start - 1] if item.clause_start > sentence.start else ""
    if opening not in ("", ",", ";", ":"):
        return False
    stop = len(text)
    for delimiter in ",;。":
        found = text.find(delimiter, item.end, sentence.end)
        if found >= 0:
            stop = min(stop, found)
    stop = min(stop, sentence.end)
    return bool(scan(text, item.end, stop))


def previous_clause(text: str, sentence: Sentence, item: Item) -> str:
    """The clause before the item's, in the same sentence, after a comma or semicolon."""
    start = item.clause_start
    if start <= sentence.start or text[start - 1] not in ",;":
        return ""
    return text[find_clause_start(text, sentence.start, start - 1) : start - 1]


def _without_examples(metric_text: str) -> str:
    """The measure without the examples that name some of what it counts: 建成临沂至滕州等15个项目
    counts 项目 (the noun after the number), 威海碳纤维、枣庄欣旺达等源网荷储一体化试点 counts
    源网荷储一体化试点; the verb of addition before the examples is kept."""
    every = list(_EXAMPLES.finditer(metric_text))
    if not every:
        return metric_text
    found = every[-1]
    rest = metric_text[found.end() :]
    if rest and "、" not in metric_text[: found.start()]:
        return metric_text  # 等 within the measure, with no list before it: not examples
    return addition_verbs(metric_text) + rest


def clause_subject(text: str, sentence: Sentence, item: Item, after: int) -> tuple[str, int] | None:
    """The subject a figure without words of its own takes from the clauses before it, when they
    hold no figure: the first of them that names something (二是制造业投资,重回中高速增长,1—11月增长
    9.1%; 全省进出口总值创历史新高,达到5379亿元), without the cues a measure does not keep, and
    where that text starts; None when there is none."""
    end = item.clause_start - 1
    if end <= max(after, sentence.start) or text[end] not in ",;":
        return None
    position = max(after, sentence.start)
    while position < end:
        stop = min((i for i in (text.find(d, position, end) for d in ",;:") if i >= 0), default=end)
        cut = _cues(text[position:stop])
        clause, start = text[position + cut : stop], position + cut
        if has_words(clause):
            return clause, start
        position = stop + 1
    return None


def _cues(left: str) -> int:
    """How many characters at the start of ``left`` are cues a measure does not keep: periods,
    words of effort, the region (全省共增加: 全省 and 共 both)."""
    cut = 0
    while True:
        rest = left[cut:]
        match = _LEADING.match(rest)
        if match is not None and match.end():
            cut += match.end()
            continue
        region = REGION_WORDS.match(rest)
        if region is not None and region.end() and len(rest) > region.end():
            cut += region.end()
            continue
        return cut
