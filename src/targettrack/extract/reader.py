"""Read raw policy documents: candidate goals and outcomes, each pinned to a span of the text.

>>> import targettrack as tt
>>> text = "2024年工作成效\\n1—11月，全省规模以上工业增加值增长7.3%。\\n2025年工作思路\\n力争规上工业增加值增长6.5%左右。"
>>> [(s.kind, str(s.period), s.value.value, s.comparator.value) for s in tt.extract_statements(text, region="安徽")]
[('outcome', '2024年1—11月', 7.3, 'exactly'), ('goal', '2025年', 6.5, 'about')]

:func:`extract_statements` reads a document the way an analyst does: sentence by sentence, with the
region and year each sentence is about (from headlines and openings such as
``安徽省经济和信息化厅`` or ``2024年以来,北京市…``) and whether it reviews the past year or plans
the next. Every number that measures something becomes a :class:`Statement` citing the
original text (``source.quote == text[source.start:source.end]``), with its value, unit, period
and qualifiers. :func:`to_records` turns every statement that names a measure, a region and a period into a
typed :class:`~targettrack.Goal` or :class:`~targettrack.Outcome` (the catalog enriches the
measure, it does not decide whether it counts) and keeps the others as
:class:`~targettrack.Unplaced`, each with the reason it was not placed.
"""

from __future__ import annotations

import functools
import itertools
import math
import re
from collections.abc import Iterable, Sequence
from typing import Any

import attrs
import yaml

from .._text import MAGNITUDES
from ..catalog import Catalog, Kind, default_catalog
from ..dataset import check_record
from ..measure import measure_key, normalise
from ..model import (
    Amount,
    Bound,
    Change,
    Comparator,
    Goal,
    Outcome,
    Recurrence,
    Source,
    Strength,
    Unplaced,
    _optional_amount,
    _optional_period,
    amount_text,
)
from ..periods import Period
from .scan import Quantity, scan
from .structure import (
    PLAN,
    PROVINCES,
    Sentence,
    document_year,
    horizon,
    sentences,
    work_report_header,
    work_report_sentences,
)
from .text import Prepared, prepare

__all__ = [
    "PHRASES",
    "Statement",
    "extract_statements",
    "statements_from_json",
    "statements_to_json",
    "statements_to_yaml",
    "to_records",
    "unplaced",
]

GOAL = "goal"
OUTCOME = "outcome"

#: Phrasings of the documents mapped to catalog ids, tried before the catalog's own names and
#: aliases (longest phrase first). Candidates for the catalog's aliases.
PHRASES: dict[str, str] = {
    "规上工业增加值": "industrial_value_added",
    "规模以上工业增加值": "industrial_value_added",
    "全部工业增加值": "total_industrial_value_added",
    "工业技改投资": "tech_renovation_investment",
    "技术改造投资": "tech_renovation_investment",
    "技改投资": "tech_renovation_investment",
    "工业投资": "industrial_investment",
    "工业固定资产投资": "industrial_investment",
    "制造业投资": "manufacturing_investment",
    "高技术制造业增加值": "high_tech_manufacturing_value_added",
    "核心产业增加值": "digital_core_value_added",
    "数字经济核心产业增加值": "digital_core_value_added",
    "规模以上利润": "industrial_profits",
    "规上工业营收": "industrial_revenue",
    "新增高新技术企业": "high_tech_enterprises_new",
    "新认定国家高新技术企业": "high_tech_enterprises_new",
    "新增规上工业企业": "above_scale_industrial_enterprises_new",
    "新增规模以上工业企业": "above_scale_industrial_enterprises_new",
    "新开通5G基站": "five_g_base_stations_new",
    "新建5G基站": "five_g_base_stations_new",
    "新建成5G基站": "five_g_base_stations_new",
    "累计建成5G基站": "five_g_base_stations",
    "累计建成开通5G基站": "five_g_base_stations",
}

#: Phrasings that place a metric only when they are the whole metric text.
EXACT_PHRASES: dict[str, str] = {
    "规模以上工业": "industrial_value_added",
    "规上工业": "industrial_value_added",
    "全省规模以上工业": "industrial_value_added",
}

_HEADS = ("产业增加值", "增加值", "营业收入", "营收", "投资", "产量", "利润", "出口额", "收入")

_FLOW_VERBS = re.compile(r"(新增|新培育|新认定|新建|新开通|创建|争创|培育|认定|新突破|入选)")
_REGION_WORDS = re.compile(
    r"^(?:全省|全市|全区|全国|我省|我市|本省|本市|省内|"
    + "|".join(PROVINCES)
    + r")(?:省|市|自治区)?"
)
_LEADING = re.compile(
    r"^(?:[、和及与并且,;:]|其中|同时|此外|另外|力争|确保|争取|预计|有望|全年|年内|今年|"
    r"累计|共|合计|总计|已|已经|\d{4}年(?:\d{1,2}(?:—|-|至)\d{1,2}月)?|\d{1,2}(?:—|-|至)\d{1,2}月(?:份)?|"
    r"前三季度|上半年|截至\d{1,2}月(?:底|末)?|[一二三四五六七八九十]+是|\([一二三四五六七八九十]+\))+"
)
_SHARED = re.compile(r"^([^,;。]+[、和及与][^,;。]+)均$")
#: What may stand before a count that names its clause's subject (a period, 其中).
_SUBJECT_LEAD = re.compile(
    r"^(?:其中|全年|今年|前三季度|上半年|\d{4}年|\d{1,2}(?:—|-|至)\d{1,2}月(?:份)?)+"
)
_CHANGE = re.compile(
    r"(?P<base>(?:同比|[比较]上年末?|较去年|比去年|较年初|较上届|较[^,;。]{1,10}?)?)(?:分别)?"
    r"(?P<verb>增长|增加|提高|提升|上升|上涨|增速为?|增幅为?|涨幅为?|下降|降低|减少|回落|下滑|降幅为?)"
    r"(?:了|达到?|为)?$"
)
_DECLINE = ("下降", "降低", "减少", "回落", "下滑", "降幅")
_PREFIX = re.compile(
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
_STRENGTH = re.compile(r"(确保|力争|争取|争创)")
_ESTIMATE = re.compile(r"(预计|有望|预期)")
_GOAL_CUE = re.compile(
    r"(力争|确保|争取|(?:年内|年度|全年)计划|计划(?=投资|新增|实施|完成|建设|培育|开工)|"
    r"目标(?:是|为)|预期目标)"
)
_GDP = re.compile(r"地区生产总值|国内生产总值|GDP")
_SHARE = re.compile(r"占[^,;。]*(?:比重|比例)|占比")
#: 全年实施项目1121项,年内计划投资1866亿元: the clause after names the year's plan
_PLANNED = re.compile(r"(?:年内|年度|全年)计划")
_BASELINE_YEAR = re.compile(r"较(?P<y>\d{4})年")
#: The first test is only the characters a cue can start with: it lets the engine pass over
#: the rest of the text at once instead of trying every alternative at every character.
_PERIOD = re.compile(
    r"(?=[到至“十前第一二三四上下截今去全年明每]|\d)"
    r"(?:(?P<deadline>(?:到|至)(?P<dy>\d{4})年(?:底|末)?)"
    r"|(?P<since>(?:“?十四五”?|“?十三五”?)(?:以来|期间|时期)|(?P<sy>\d{4})年以来)"
    r"|(?P<month>(?:\d{4}年)?(?:\d{1,2}(?:—|-|~|至)\d{1,2}月(?:份)?|前三季度|前两个?季度|"
    r"第?[一二三四]季度|上半年|下半年|(?:截至|截止)(?:\d{4}年)?\d{1,2}月(?:份|底|末)?))"
    r"|(?P<year>(?<![较比与同])\d{4})年(?:度)?(?!以来)"
    r"|(?P<rel>(?<![较比与同])(?:今年|去年|上年|全年|年内|明年))"
    r"|(?P<each>每年))"
)
_SENTENCE_PART = re.compile(r"[;]")
_PARTS = re.compile(r"[、和及与]")
_RATE_CHANGE = re.compile(r"增速(?:较|比)")
_EXISTING = re.compile(r"(现有|已有|目前)$")
_ADDITION = re.compile(r"新增|增加|净增|新培育|新认定|累计")
#: what a five-year retrospective adds up or averages over its years, not a level at its end
_SPAN_FIGURE = re.compile(
    r"新增|增加|净增|新建|建成|新开工|新培育|培育|新认定|认定|创建|累计|年均|平均|完成|实施|开展|"
    r"改造|治理|整治|引进|带动|提供|帮扶|减少|压减|下降|降低|翻番|倍"
)
_PULL = re.compile(r"拉动[^,;。]*$")
_TOTAL_WORDS = ("累计", "总数", "总量", "动态")
_LEVEL = re.compile(r"国家级|省级|市级")
_LISTING = re.compile(r"[、]|分别")
_BARE = re.compile(r"的|累计")
#: What may open a clause before its noun and still leave the clause without a verb of its own.
_VERB_LEAD = re.compile(
    r"^(?:[、和及与并且]|其中|同时|力争|确保|争取|预计|全年|年内|今年|\d{4}年|到\d{4}年(?:底|末)?)+"
)
_TARGET_MET = re.compile(r"(完成|实现|超额)[^,]*目标")
_HAN = re.compile(r"[\u4e00-\u9fff]")
_CLAUSE_DELIMS = ",;:()"
_JOINERS = re.compile(r"^(?:、|和|及|与|以及|,)?$")
_TARGET_AFTER = re.compile(r"^(?:的)?(?:年度)?目标")


@attrs.frozen
class Statement:
    """A candidate goal or outcome read from a document, with the span it stands on."""

    kind: str  # goal | outcome
    region: str | None
    year: int | None  # the year of the sentence's context
    metric_text: str  # the metric as written
    metric: str | None  # a catalog id, when the catalog places it
    comparator: Comparator = attrs.field(converter=Comparator)
    value: Amount = attrs.field(converter=_optional_amount)
    canonical_value: float
    canonical_unit: str
    source: Source
    value_high: Amount | None = attrs.field(default=None, converter=_optional_amount)
    change: Change | None = attrs.field(default=None, converter=attrs.converters.optional(Change))
    baseline: Period | None = attrs.field(default=None, converter=_optional_period)
    period: Period | None = attrs.field(default=None, converter=_optional_period)
    span: Period | None = attrs.field(default=None, converter=_optional_period)
    deadline: bool = False
    estimate: bool = False
    bound: Bound = attrs.field(default=Bound.EXACT, converter=Bound)
    strength: Strength = attrs.field(default=Strength.STATED, converter=Strength)
    recurrence: Recurrence | None = attrs.field(
        default=None, converter=attrs.converters.optional(Recurrence)
    )
    confidence: float = 0.5

    def __attrs_post_init__(self) -> None:
        if self.kind not in (GOAL, OUTCOME):
            raise ValueError(f"kind must be goal or outcome (got {self.kind!r})")

    def to_dict(self) -> dict[str, Any]:
        """A plain mapping (the JSON form of docs/extract.md)."""
        return {
            "kind": self.kind,
            "region": self.region,
            "year": self.year,
            "metric_text": self.metric_text,
            "metric": self.metric,
            "comparator": self.comparator.value,
            "value": self.value.value,
            "unit": self.value.unit,
            "value_high": None if self.value_high is None else self.value_high.value,
            "canonical_value": self.canonical_value,
            "canonical_unit": self.canonical_unit,
            "change": None if self.change is None else self.change.value,
            "baseline": None if self.baseline is None else str(self.baseline),
            "period": None if self.period is None else str(self.period),
            "span": None if self.span is None else str(self.span),
            "deadline": self.deadline,
            "estimate": self.estimate,
            "bound": self.bound.value,
            "strength": self.strength.value,
            "recurrence": None if self.recurrence is None else self.recurrence.value,
            "confidence": self.confidence,
            "source": {
                "doc": self.source.doc,
                "start": self.source.start,
                "end": self.source.end,
                "quote": self.source.quote,
            },
        }

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Statement:
        """The statement of :meth:`to_dict`'s mapping."""
        fields = dict(record)
        unit = fields.pop("unit", "")
        fields["value"] = Amount(fields["value"], unit)
        if fields.get("value_high") is not None:
            fields["value_high"] = Amount(fields["value_high"], unit)
        source = fields.pop("source")
        fields["source"] = Source(source["doc"], source["start"], source["end"], source["quote"])
        return cls(**fields)


# -- canonical values --------------------------------------------------------------------------

_RATIO_UNITS = {"%": 0.01, "‰": 0.001, "个百分点": 0.01, "百分点": 0.01, "倍": 1.0, "": 1.0}
_MAGNITUDE_WORDS = sorted(MAGNITUDES, key=len, reverse=True)
_BRACKET = re.compile(r"\([^()]*\)$")


def _split_magnitude(part: str) -> tuple[float, str]:
    for word in _MAGNITUDE_WORDS:
        if part.startswith(word) and len(part) > len(word):
            return float(MAGNITUDES[word]), part[len(word) :]
    return 1.0, part


def canonical(amount: Amount) -> tuple[float, str]:
    """The value in base units (元, a count, a fraction) and that unit's text.

    >>> canonical(Amount(3.5, "万家"))
    (35000.0, '家')
    >>> canonical(Amount(15, "%"))
    (0.15, '')
    """
    factor, base = _base_unit(amount.unit)
    return amount.value * factor, base


@functools.lru_cache(maxsize=1024)
def _base_unit(unit: str) -> tuple[float, str]:
    """The factor from ``unit`` to base units and the base unit's text (read once per unit)."""
    unit_text = _BRACKET.sub("", unit)
    if unit_text in _RATIO_UNITS:
        return _RATIO_UNITS[unit_text], ""
    factor = 1.0
    names: list[str] = []
    for index, part in enumerate(unit_text.split("/")):
        scale, name = _split_magnitude(part)
        factor = factor * scale if index == 0 else factor / scale
        names.append(name)
    return factor, "/".join(names)


#: Amounts already built, by unit, value and sign (``0.0 == -0.0``, but they print apart).
_AMOUNTS: dict[tuple[str, float, bool], Amount] = {}


def _amount(value: float, unit: str) -> Amount:
    """``Amount(value, unit)``, shared between the statements that state the same figure.

    Amounts are immutable; building one checks its unit against the registry, which is worth
    doing once per figure rather than once per statement.
    """
    key = (unit, value, math.copysign(1.0, value) < 0)
    amount = _AMOUNTS.get(key)
    if amount is None:
        amount = Amount(value, unit)
        if len(_AMOUNTS) >= 4096:
            _AMOUNTS.clear()  # bounded: memory stays flat however many documents are read
        _AMOUNTS[key] = amount
    return amount


# -- the extractor ---------------------------------------------------------------------------


def extract_statements(
    text: str,
    doc: str = "document.txt",
    *,
    year: int | None = None,
    region: str | None = None,
    catalog: Catalog | None = None,
) -> list[Statement]:
    """The candidate goals and outcomes of a raw document, in text order.

    ``year`` and ``region`` are the defaults for text before any cue names them (a plan with no
    year in it, a report that never names its province). ``catalog`` places metrics (the
    default catalog otherwise). Never raises on odd text: what cannot be read is left out.
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str (got {type(text).__name__})")
    catalog = catalog or default_catalog()
    prepared = prepare(text)
    compact = prepared.compact
    header = work_report_header(compact)
    if header is not None:
        # a 政府工作报告: its header says who reports and for which year; --region and
        # --year override what it says
        header = attrs.evolve(header, region=region or header.region, year=year or header.year)
        region, year = header.region, header.year
    structured = None if header is None else work_report_sentences(compact, header)
    if structured is not None:
        parsed, plan_document = structured, False
    else:
        if year is None:
            year = document_year(compact)
        parsed, plan_document = sentences(compact, region=region, year=year)
    plan_horizon = horizon(compact) if plan_document else None
    if plan_document:
        # a plan (意见, 规划, 方案): every sentence looks to the plan's horizon
        for sentence in parsed:
            sentence.mode = PLAN
            sentence.year = plan_horizon or year
    reader = _Reader(prepared, doc, catalog, year, plan_document, plan_horizon)
    statements: list[Statement] = []
    highlights: list[Statement] = []
    for sentence in parsed:
        (highlights if sentence.highlight else statements).extend(reader.sentence(sentence))
    stated = {_figure(s) for s in statements}
    statements.extend(s for s in highlights if _figure(s) not in stated)
    statements.sort(key=lambda s: (s.source.start, s.source.end, s.kind))
    return _deduplicate(statements)


def _figure(statement: Statement) -> tuple[Any, ...]:
    return (
        statement.kind,
        statement.region,
        statement.period,
        round(statement.canonical_value, 9),
        statement.canonical_unit,
        statement.change,
    )


def _deduplicate(statements: list[Statement]) -> list[Statement]:
    """Drop restatements (same value, same metric, same period and kind), keeping the first."""
    seen: set[tuple[Any, ...]] = set()
    kept: list[Statement] = []
    for statement in statements:
        metric = statement.metric or _REGION_WORDS.sub("", statement.metric_text)
        key = (
            statement.kind,
            statement.region,
            statement.period,
            round(statement.canonical_value, 9),
            statement.canonical_unit,
            statement.change,
            metric,
        )
        if key in seen:
            continue
        seen.add(key)
        kept.append(statement)
    return kept


@attrs.define
class _Item:
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


class _Reader:
    def __init__(
        self,
        prepared: Prepared,
        doc: str,
        catalog: Catalog,
        year: int | None,
        plan_document: bool,
        plan_horizon: int | None,
    ) -> None:
        self.prepared = prepared
        self.text = prepared.compact
        self.doc = doc
        self.catalog = catalog
        self.year = year
        self.plan_document = plan_document
        self.horizon = plan_horizon
        self.index = _catalog_index(catalog)
        self.carry: Period | None = None

    # -- one sentence ------------------------------------------------------------------------

    def sentence(self, sentence: Sentence) -> list[Statement]:
        text = self.text
        if sentence.start == 0 or text[sentence.start - 1] == "\n":
            self.carry = None  # a new paragraph
        quantities = scan(text, sentence.start, sentence.end)
        if not quantities:
            return []
        items: list[_Item] = []
        for index, found in enumerate(quantities):
            items.append(self._item(sentence, found, quantities, index, items))
        self._respectively(items)
        periods = self._period_cues(sentence)
        result: list[Statement] = []
        previous: list[Statement] = []
        origin = 0
        for item in items:
            if item.group_index == 0:
                origin = len(previous)
            inherited: Statement | None = None
            if not _has_words(item.metric_text) and previous:
                inherited = previous[-1]
                slot = origin - item.group_size + item.group_index
                if item.group_size > 1 and 0 <= slot < origin:
                    inherited = previous[slot]
            made = self._statements(sentence, item, periods, inherited)
            if previous and item.metric_text.startswith("占"):
                # 核心产业增加值增长10.4%，占GDP比重13.6%: the share is of the previous subject
                whole = previous[-1].metric_text + item.metric_text
                placed = self._metric(whole, sentence, item)
                if placed is not None:
                    made = [
                        attrs.evolve(statement, metric_text=whole, metric=placed)
                        if statement.metric is None
                        else statement
                        for statement in made
                    ]
            shared = _SHARED.match(item.metric_text)
            if made and shared is not None:
                # 办结率和满意度均超99%: one value for each metric named
                parts = [p for p in _PARTS.split(shared.group(1)) if p]
                made = [
                    attrs.evolve(
                        statement, metric_text=part, metric=self._metric(part, sentence, item)
                    )
                    for statement in made
                    for part in parts
                ]
            result.extend(made)
            previous.extend(made)
        leading = [
            cue_period
            for position, kind, cue_period, word in periods
            if kind == "month" and text.startswith(",", position + len(word))
        ]
        if leading:
            self.carry = leading[-1]
        return result

    def _item(
        self,
        sentence: Sentence,
        quantity: Quantity,
        quantities: list[Quantity],
        index: int,
        earlier: list[_Item],
    ) -> _Item:
        text = self.text
        begin = quantity.start
        clause_start = self._clause_start(sentence.start, begin)
        if clause_start == begin and text[begin - 1 : begin] == ")":
            # 智能工厂(数字化车间)1000家: the bracket belongs to the noun before the value
            opening = text.rfind("(", sentence.start, begin)
            if opening > sentence.start and _HAN.match(text, opening - 1):
                clause_start = self._clause_start(sentence.start, opening)
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
            match = _PREFIX.search(left)
            if match is not None and match.group("word") and not prefix:
                prefix = match.group("word")
                left = left[: match.start()]
                continue
            change = _CHANGE.search(left)
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
        stripped_start = left_start
        match = _LEADING.match(left)
        if match is not None:
            stripped_start += match.end()
            left = left[match.end() :]
        region = _REGION_WORDS.match(left)
        if region is not None and len(left) > region.end():
            stripped_start += region.end()
            left = left[region.end() :]
        metric_text = left
        metric_start = stripped_start
        end = quantity.end
        if len(metric_text) <= 4 and not (quantity.unit or "").endswith(("%", "点")):
            # a number before its noun: 创建123家市级企业技术中心
            noun = self._noun_after(quantity.end, sentence.end)
            if noun:
                metric_text = metric_text + noun
                end = quantity.end + len(noun)
        return _Item(
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

    def _clause_start(self, lower: int, begin: int) -> int:
        text = self.text
        clause_start = lower
        for delimiter in _CLAUSE_DELIMS:
            found = text.rfind(delimiter, lower, begin)
            if found >= 0:
                clause_start = max(clause_start, found + 1)
        return clause_start

    def _noun_after(self, position: int, limit: int) -> str:
        text = self.text
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

    def _respectively(self, items: list[_Item]) -> None:
        """分别: k values after one subject of k parts (电子信息、汽车产业增加值分别增长…)."""
        text = self.text
        for first, second in itertools.pairwise(items):
            between = text[first.quantity.end : second.quantity.start]
            if (
                not second.respectively
                and not _has_words(second.metric_text)
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
            parts = [p for p in _PARTS.split(item.metric_text) if p]
            if len(group) > 1 and len(parts) == len(group):
                head = next((h for h in _HEADS if parts[-1].endswith(h)), "")
                for member, part in zip(group, parts, strict=True):
                    if head and not part.endswith(_HEADS):
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

    # -- periods -----------------------------------------------------------------------------

    def _period_cues(self, sentence: Sentence) -> list[tuple[int, str, Period | None, str]]:
        """(position, kind, period, text) of every period cue of the sentence."""
        cues: list[tuple[int, str, Period | None, str]] = []
        reference = sentence.year
        text = self.text
        for match in _PERIOD.finditer(text, sentence.start, sentence.end):
            kind = match.lastgroup or ""
            word = match.group()
            if _bracketed(text, sentence.start, match.start()):
                continue  # 《行动方案（2025—2027年）》 names a document
            if match.start() > 0 and text[match.start() - 1] in "较比与同":
                continue  # 较上半年提高: a baseline, not the period
            period: Period | None = None
            try:
                if kind in ("deadline", "dy"):
                    kind = "deadline"
                    period = _year(int(match.group("dy")))
                elif kind in ("since", "sy"):
                    kind = "since"
                    first = int(match.group("sy")) if match.group("sy") else _plan_start(word)
                    if word.endswith(("时期", "期间")):
                        # “十四五”时期年均增长5.5%: the plan's five years
                        period = _years(first, first + 4)
                    else:
                        # 2024年以来, “十四五”以来: the figure stands for the context's year
                        period = _year(reference if reference is not None else first)
                elif kind == "month":
                    period = _parsed(word, reference)
                elif kind == "year":
                    period = _year(int(match.group("year")))
                elif kind == "rel":
                    if reference is not None:
                        period = _parsed(word, reference)
                elif kind == "each":
                    period = None
            except ValueError:
                continue
            cues.append((match.start(), kind, period, word))
        return cues

    # -- statements --------------------------------------------------------------------------

    def _statements(
        self,
        sentence: Sentence,
        item: _Item,
        periods: list[tuple[int, str, Period | None, str]],
        inherited: Statement | None,
    ) -> list[Statement]:
        text = self.text
        quantity = item.quantity
        begin = quantity.start
        part_start = max(text.rfind(";", sentence.start, begin) + 1, sentence.start)
        before = text[part_start:begin]
        clause = text[item.clause_start : begin]
        if _RATE_CHANGE.search(clause):
            return []  # 增速较上半年提高3.6个百分点: a change of a growth rate
        if quantity.special == "two_digit" and "连续" in clause:
            return []  # 连续46个月保持两位数以上增长: a streak
        if self._subject_count(item, sentence):
            return []  # 734个制造业重大项目完成投资2548亿元: the count names the subject
        # kind
        after = text[quantity.end : quantity.end + 6]
        completes_target = bool(_TARGET_AFTER.match(after)) and "完成" in before
        if sentence.mode == PLAN and _EXISTING.search(text[max(0, begin - 2) : begin]):
            kinds = [OUTCOME]  # 巩固扩大现有2个万亿级集群: a level reached, named in a plan
        elif sentence.mode == PLAN:
            kinds = [GOAL]
        elif completes_target:
            kinds = [GOAL, OUTCOME]
        elif sentence.mode == "review":
            local = clause.replace("争取", "")
            next_clause = text.find(",", quantity.end, sentence.end)
            planned = next_clause >= 0 and _PLANNED.match(text, next_clause + 1) is not None
            kinds = [GOAL] if _goal_cue(local) or planned else [OUTCOME]
        else:
            sentence_before = text[sentence.start : begin]
            kinds = [GOAL] if (_goal_cue(before) or "到" in sentence_before) else [OUTCOME]
        # period
        period: Period | None = None
        deadline = False
        each = False
        cue_kind = ""
        cue_word = ""
        ratio = quantity.unit in ("%", "‰", "个百分点", "百分点", "倍") or bool(item.change_verb)
        for position, kind, cue_period, word in periods:
            if position >= begin:
                break
            cue_end = position + len(word)
            leading = text[cue_end : cue_end + 1] == "," or (
                position == sentence.start and kind in ("deadline", "year")
            )
            if not (position >= item.clause_start or leading or (position >= part_start and ratio)):
                continue
            if kind == "each":
                each = True
                continue
            if cue_period is not None:
                period, cue_kind, cue_word = cue_period, kind, word
        if cue_kind == "deadline":
            deadline = True
        if (
            cue_kind == "month"
            and cue_word.startswith(("截至", "截止"))
            and period is not None
            and not item.change_verb
            and not _ADDITION.search(clause)
        ):
            period = Period(period.end, period.end)  # a stock at the end of the month
        if period is None and ratio and self.carry is not None:
            period = self.carry  # 1—11月,…增长7.6%。工业投资增长11.3%: the paragraph's months
        if period is None and sentence.year is not None:
            period = _year(sentence.year)
            if sentence.first_year is not None:
                period = _years(sentence.first_year, sentence.year)
            elif sentence.mode == PLAN and kinds == [OUTCOME]:
                period = _year(sentence.year - 1)
            if self.plan_document and kinds == [GOAL] and not each:
                deadline = True
        span: Period | None = None
        recurrence: Recurrence | None = None
        if each and kinds[0] == GOAL and period is not None:
            last = period.end_year
            first = self.year if self.year is not None and self.year < last else last
            span = _years(first, last)
            period = _year(last)
            recurrence = Recurrence.ANNUAL
            deadline = False
        # value, change, comparator
        value = quantity.value * quantity.factor
        unit = quantity.unit
        change: Change | None = None
        verb = item.change_verb
        negative = verb.startswith(_DECLINE)
        if quantity.special == "two_digit" or (verb and unit in ("%", "‰", "倍")):
            change = Change.RELATIVE
        elif unit in ("个百分点", "百分点") and verb and not _PULL.search(clause):
            change = Change.POINTS
        elif unit in ("%", "‰") and text.startswith(("的增速", "的增长"), quantity.end):
            change = Change.RELATIVE
        if quantity.special == "two_digit":
            verb = verb or "增长"
        if negative and change is not None:
            value = -value
        if (
            sentence.first_year is not None
            and period == _years(sentence.first_year, sentence.year)
            and change is None
            and not _SPAN_FIGURE.search(clause)
        ):
            # 研发投入强度达3.38%, 高速公路由7473公里增至9310公里 in a five-year retrospective:
            # a level reached, i.e. the level at the end of its last year
            period = _year(sentence.year)
        high = None
        if quantity.value_high is not None:
            high_value = quantity.value_high * quantity.factor
            high = _amount(-high_value if negative else high_value, unit)
            if negative:
                value, high = high.value, _amount(value, unit)
        try:
            amount = _amount(value, unit)
        except ValueError:
            return []
        comparator, bound = _qualifiers(item.prefix, quantity.suffix, high is not None)
        if negative and comparator is Comparator.AT_LEAST:
            comparator = Comparator.AT_MOST
        baseline = None
        base = _BASELINE_YEAR.search(item.baseline_text or "")
        if base is not None and change is not None:
            baseline = _year(int(base.group("y")))
        # strength, estimate
        strength = Strength.STATED
        cues = _STRENGTH.findall(before)
        if cues:
            strength = Strength.BINDING if cues[-1] == "确保" else Strength.ASPIRATIONAL
        estimate = _ESTIMATE.search(before) is not None
        # metric
        metric_text = item.metric_text
        if inherited is not None:
            metric_text = inherited.metric_text
        metric = self._metric(metric_text, sentence, item, deadline=deadline)
        if metric is None and inherited is not None:
            metric = inherited.metric
        start, stop = item.metric_start, item.end
        own_words = _has_words(item.metric_text)
        if inherited is not None or not own_words:
            start = min(start, item.left_start)
        if start >= quantity.start:
            start = item.left_start
        original_start, original_end = self.prepared.span(start, stop)
        source = Source.from_span(self.doc, self.prepared.original, original_start, original_end)
        flow = self.catalog.get(metric) if metric is not None else None
        if (
            span is None
            and deadline
            and flow is not None
            and flow.kind == "flow"
            and period is not None
            and self.year is not None
            and self.year < period.start_year
        ):
            # 到2025年…新增上市公司200家: additions over the plan's years, from its writing
            span = _years(self.year, period.end_year)
        canonical_value, canonical_unit = canonical(amount)
        confidence = 0.55
        if metric is not None:
            confidence += 0.25
        if cue_kind:
            confidence += 0.1
        if not own_words:
            confidence -= 0.15
        if sentence.mode == "":
            confidence -= 0.1
        confidence = round(min(max(confidence, 0.05), 0.95), 2)
        result = []
        for kind in kinds:
            this_bound = bound
            this_comparator = comparator
            if kind == OUTCOME and completes_target:
                this_bound = Bound.LOWER
            if kind == OUTCOME:
                this_comparator = _outcome_comparator(this_bound, high is not None)
            elif comparator is Comparator.EXACTLY:
                this_comparator = Comparator.AT_MOST if negative else Comparator.AT_LEAST
            result.append(
                Statement(
                    kind=kind,
                    region=sentence.region,
                    year=sentence.year,
                    metric_text=metric_text,
                    metric=metric,
                    comparator=this_comparator,
                    value=amount,
                    value_high=high,
                    canonical_value=canonical_value,
                    canonical_unit=canonical_unit,
                    change=change,
                    baseline=baseline,
                    period=period,
                    span=span if kind == GOAL else None,
                    deadline=deadline if kind == GOAL else False,
                    estimate=estimate if kind == OUTCOME else False,
                    bound=this_bound if kind == OUTCOME else Bound.EXACT,
                    strength=strength if kind == GOAL else Strength.STATED,
                    recurrence=recurrence if kind == GOAL else None,
                    source=source,
                    confidence=confidence,
                )
            )
        return result

    def _subject_count(self, item: _Item, sentence: Sentence) -> bool:
        """A count opening its clause before a noun and another figure of the same clause."""
        quantity = item.quantity
        if quantity.unit in ("%", "‰", "个百分点", "百分点", "倍") or item.end <= quantity.end:
            return False
        lead = self.text[item.clause_start : quantity.start]
        match = _SUBJECT_LEAD.match(lead)
        if match is not None:
            lead = lead[match.end() :]
        region = _REGION_WORDS.match(lead)
        if region is not None:
            lead = lead[region.end() :]
        if lead:
            return False
        opening = self.text[item.clause_start - 1] if item.clause_start > sentence.start else ""
        if opening not in ("", ",", ";", ":"):
            return False
        stop = len(self.text)
        for delimiter in ",;。":
            found = self.text.find(delimiter, item.end, sentence.end)
            if found >= 0:
                stop = min(stop, found)
        stop = min(stop, sentence.end)
        return bool(scan(self.text, item.end, stop))

    def _metric(
        self, metric_text: str, sentence: Sentence, item: _Item, *, deadline: bool = False
    ) -> str | None:
        if not metric_text:
            return None
        if metric_text in EXACT_PHRASES:
            return EXACT_PHRASES[metric_text]
        text = self.text
        index = self.index
        placed = index.place(metric_text)
        context = text[item.clause_start : item.quantity.start]
        if metric_text == item.metric_text:
            before = text[item.clause_start : item.metric_start]
            if placed is None and item.left_start < item.metric_start:
                # 年内计划投资: a wording that starts with the period or verb read off it
                placed = index.place(text[item.left_start : item.metric_start] + metric_text)
            if placed is None and text.startswith("的", item.end):
                # 总投资过万亿元的重点工业项目: the total of the noun the value qualifies
                head = next((h for h in ("总投资", *_HEADS) if metric_text.endswith(h)), "")
                noun = self._noun_after(item.end + 1, sentence.end) if head else ""
                if noun:
                    placed = index.place(noun + head)
            if "级" in before and not _LEVEL.search(metric_text):
                # 新培育省级先进制造业集群10个、中小企业特色产业集群30个: the list's level
                level = _LEVEL.findall(before)
                leveled = index.place(level[-1] + metric_text) if level else None
                if leveled is not None:
                    placed = leveled
            if metric_text in _HEADS:
                # 推动先进光伏和新型储能产业集群融合发展,力争营业收入增长20%: the subject before
                previous = self._previous_clause(sentence, item)
                if previous and not _LISTING.search(previous):
                    placed = index.subject(metric_text, previous) or placed
            if (
                placed is not None
                and index.is_stock(placed)
                and not _FLOW_VERBS.search(context)
                and not _VERB_LEAD.sub("", before)
            ):
                # 新增创新型中小企业3000户,省专精特新中小企业1500家: the verb is shared
                previous = self._previous_clause(sentence, item)
                verb = _FLOW_VERBS.match(_VERB_LEAD.sub("", previous, count=1))
                if verb is not None:
                    context = verb.group() + context
        if placed is None:
            return None
        return index.flow(placed, context, deadline=deadline)

    def _previous_clause(self, sentence: Sentence, item: _Item) -> str:
        """The clause before the item's, in the same sentence, after a comma or semicolon."""
        start = item.clause_start
        if start <= sentence.start or self.text[start - 1] not in ",;":
            return ""
        return self.text[self._clause_start(sentence.start, start - 1) : start - 1]


class _CatalogIndex:
    """Placing metric texts in one catalog: :meth:`Catalog.find` as one compiled pattern (the
    longest wording, ties by id) and the extractor's :data:`PHRASES`, remembered per text."""

    def __init__(self, catalog: Catalog, phrases: tuple[tuple[str, str], ...]) -> None:
        self.catalog = catalog
        #: each stock's flow counterpart (the first flow metric naming it)
        self.flows: dict[str, str] = {}
        for candidate in catalog:
            if candidate.stock is not None:
                self.flows.setdefault(candidate.stock, candidate.id)
        self.use_phrases(phrases)

    def use_phrases(self, phrases: tuple[tuple[str, str], ...]) -> None:
        """Place with this :data:`PHRASES` table (the placements remembered are forgotten)."""
        self.phrase_items = phrases
        self.phrases = sorted(dict(phrases), key=len, reverse=True)
        self.phrase_ids = dict(phrases)
        self.placed: dict[str, str | None] = {}
        self.heads: dict[str, list[tuple[str, str]]] = {}

    def longest(self, text: str) -> tuple[int, str | None]:
        """The length of the longest wording found in ``text`` and its metric (ties by id)."""
        length, metric = self.catalog.longest(text)
        return length, None if metric is None else metric.id

    def place(self, metric_text: str) -> str | None:
        """The catalog id a metric text names, before :meth:`flow` (remembered per text)."""
        if metric_text in self.placed:
            return self.placed[metric_text]
        best: tuple[int, str] | None = None
        # 出让的国有建设用地中工业用地比例, 重点工业项目累计建成投产: the catalog's wordings leave
        # the 的 and the 累计 out (累计 tells a stock from a flow later, in :meth:`flow`)
        bare = _BARE.sub("", metric_text)
        for variant in {metric_text, _GDP.sub("生产总值", metric_text), bare}:
            for phrase in self.phrases:
                if phrase in variant:
                    if best is None or len(phrase) > best[0]:
                        best = (len(phrase), self.phrase_ids[phrase])
                    break
            length, found = self.longest(variant)
            if found is not None and (best is None or length > best[0]):
                best = (length, found)
        result = None if best is None else best[1]
        if result is not None:
            metric = self.catalog.get(result)
            if (
                metric is not None
                and _SHARE.search(metric_text)
                and metric.kind not in ("share", "ratio")
            ):
                result = None  # 占…比重 of a level metric: a share the catalog does not have
        if len(self.placed) >= 100_000:
            self.placed.clear()  # bounded: memory stays flat however many documents are read
        self.placed[metric_text] = result
        return result

    def subject(self, head: str, text: str) -> str | None:
        """The metric named by ``head`` (营业收入) with the subject ``text`` names: the catalog
        wording ``<subject><head>`` with the longest subject found, or None when ``text`` names
        several subjects."""
        table = self.heads.get(head)
        if table is None:
            table = sorted(
                (
                    (word[: -len(head)], metric)
                    for word, metric in self.catalog.wordings.items()
                    if word.endswith(head) and len(word) >= len(head) + 3
                ),
                key=lambda pair: (-len(pair[0]), pair[1]),
            )
            self.heads[head] = table
        found = [(subject, metric) for subject, metric in table if subject in text]
        if not found:
            return None
        subject, metric = found[0]
        if any(other not in subject for other, _ in found[1:]):
            return None  # 光伏、锂电池营收: several subjects, none of them the one
        return metric

    def is_stock(self, metric_id: str) -> bool:
        metric = self.catalog.get(metric_id)
        return metric is not None and metric.kind == "stock"

    def flow(self, metric_id: str, context: str, *, deadline: bool = False) -> str:
        """The flow counterpart of a stock when the clause adds to it (新增, 培育…).

        Not when the clause counts a total: 累计, 总数, 动态培育 (a number kept up), or a bare
        培育/打造 by a deadline (到2025年,培育…3.5万家: the total to have by then).
        """
        metric = self.catalog.get(metric_id)
        if metric is None or metric.kind != "stock":
            return metric_id
        verbs = _FLOW_VERBS.findall(context)
        if not verbs:
            return metric_id
        if any(word in context for word in _TOTAL_WORDS):
            return metric_id
        if deadline and all(verb == "培育" for verb in verbs):
            return metric_id
        return self.flows.get(metric_id, metric_id)


_INDEXES: dict[int, tuple[Catalog, _CatalogIndex]] = {}


def _catalog_index(catalog: Catalog) -> _CatalogIndex:
    phrases = tuple(PHRASES.items())
    entry = _INDEXES.get(id(catalog))
    if entry is None or entry[0] is not catalog:
        entry = (catalog, _CatalogIndex(catalog, phrases))
        _INDEXES[id(catalog)] = entry
    elif entry[1].phrase_items != phrases:
        entry[1].use_phrases(phrases)  # PHRASES was changed since
    return entry[1]


# Periods are immutable and the same few recur in every sentence: each is built once.


@functools.lru_cache(maxsize=1024)
def _year(year: int) -> Period:
    return Period.from_year(year)


@functools.lru_cache(maxsize=1024)
def _years(first: int, last: int) -> Period:
    return Period.from_years(first, last)


@functools.lru_cache(maxsize=1024)
def _parsed(word: str, year: int | None) -> Period:
    return Period.parse(word, year=year)


def _bracketed(text: str, lower: int, position: int) -> bool:
    """True when ``position`` lies inside 《…》 or (…) opened after ``lower``."""
    for opening, closing in (("《", "》"), ("(", ")")):
        left = text.rfind(opening, lower, position)
        if left >= 0 and text.find(closing, left, position) < 0:
            return True
    return False


def _plan_start(word: str) -> int:
    from ..periods import five_year_plan

    number = 14 if "十四五" in word else 13
    return five_year_plan(number)[0]


def _has_words(text: str) -> bool:
    return _HAN.search(text) is not None and text not in (
        "目标",
        "占比",
        "同比",
        "比重",
        "增速",
    )


def _goal_cue(before: str) -> bool:
    match = _GOAL_CUE.search(before)
    if match is None:
        return False
    # 提前完成…目标, 实现了目标: a review of a goal, not a goal
    return not _TARGET_MET.search(before)


def _qualifiers(prefix: str, suffix: str, is_range: bool) -> tuple[Comparator, Bound]:
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


def _outcome_comparator(bound: Bound, is_range: bool) -> Comparator:
    if is_range:
        return Comparator.RANGE
    return _BOUND_COMPARATORS[bound]


# -- output ------------------------------------------------------------------------------------


def statements_to_json(statements: Iterable[Statement]) -> dict[str, Any]:
    """``{"statements": [...]}``: every statement as a plain mapping (docs/extract.md)."""
    return {"statements": [statement.to_dict() for statement in statements]}


def statements_from_json(data: dict[str, Any]) -> list[Statement]:
    """The statements of :func:`statements_to_json`'s mapping."""
    return [Statement.from_dict(record) for record in data.get("statements", [])]


def statements_to_yaml(statements: Iterable[Statement]) -> str:
    """The statements as YAML text (the same mapping as :func:`statements_to_json`)."""
    return yaml.safe_dump(
        statements_to_json(statements), allow_unicode=True, sort_keys=False, width=1000
    )


# -- records ------------------------------------------------------------------------------------


def _record_id(statement: Statement) -> str:
    stem = statement.source.doc.rsplit("/", 1)[-1].rsplit(".", 1)[0]
    return f"{stem}-{statement.kind[0]}{statement.source.start}-{statement.source.end}"


def to_records(
    statements: Sequence[Statement], catalog: Catalog | None = None
) -> tuple[list[Goal], list[Outcome], list[Unplaced]]:
    """Typed goals and outcomes for the statements; the rest unplaced, each with its reason.

    The catalog enriches, it does not gate: a statement's metric is the catalog id the
    extractor placed it on when the wording is the indicator's own (:func:`_placed`), else the
    measure as the text words it, normalised (``targettrack.measure``). A statement becomes a
    record when it names a measure, a region and a period and its value is a figure of that
    measure (the model's and the catalog's checks). Ids derive from the document and the
    span, so they are the same on every run. No statement is dropped: each is in exactly one
    list, the ones not placed as :class:`~targettrack.Unplaced` with the reason.
    """
    catalog = catalog or default_catalog()
    goals: list[Goal] = []
    outcomes: list[Outcome] = []
    kept: list[Unplaced] = []
    used: set[str] = set()
    for statement in statements:
        missing = _missing(statement)
        if missing:
            kept.append(unplaced(statement, missing))
            continue
        item: Goal | Outcome | None = None
        error: Exception | None = None
        for metric in _metric_choices(statement, catalog):
            record = _record(statement, metric, catalog)
            identifier = record["id"]
            suffix = 2
            while record["id"] in used:
                record["id"] = f"{identifier}-{suffix}"
                suffix += 1
            try:
                item = (Goal if statement.kind == GOAL else Outcome).from_record(record)
                check_record(item, catalog)
            except (ValueError, TypeError) as problem:
                item, error = None, problem
                continue
            break
        if item is None:
            kept.append(unplaced(statement, str(error) or type(error).__name__))
            continue
        used.add(item.id)
        if isinstance(item, Goal):
            goals.append(item)
        else:
            outcomes.append(item)
    return goals, outcomes, kept


def _metric_choices(statement: Statement, catalog: Catalog) -> list[str]:
    """The metrics to try, best first: the catalog's (when the wording is the indicator's
    own), then the measure as the text words it."""
    wording = normalise(statement.metric_text)
    choices = []
    if statement.metric is not None and _placed(statement.metric, wording, catalog):
        choices.append(statement.metric)
    key = measure_key(statement.metric_text, catalog)
    if key not in choices and (key in catalog or _HAN.search(wording)):
        choices.append(key)
    return choices


def _placed(metric_id: str, wording: str, catalog: Catalog) -> bool:
    """Whether the catalog metric the extractor found is what the wording measures: the
    wording is one of the metric's; for a count, share or rate, contains one or is part of
    one; for an amount, begins with one (规模以上工业增加值增速). An amount narrowed by words
    before it (高技术制造业投资 is not 制造业投资; 省产业园规上工业增加值 is not the province's)
    is a measure of its own."""
    metric = catalog.get(metric_id)
    if metric is None:
        return False
    if measure_key(wording, catalog) == metric_id:
        return True
    words = {normalise(word).lstrip("+") for word in (metric.zh, *metric.aliases)}
    bare = wording.lstrip("+")
    if metric.kind is not Kind.LEVEL:
        # counts of a programme: the level and the verb around the name were read from the
        # clause (新培育国家中小企业特色产业集群 is the national clusters' flow; 中小企业特色产业集群
        # after 新培育省级先进制造业集群10个 is the provincial one); a share names its whole
        # (新出让工业用地占全部出让用地比重)
        return any(len(word) >= 2 and (word in bare or bare in word) for word in words)
    # amounts: a wording that narrows them is another measure (高技术制造业投资)
    return any(bare.startswith(word) and len(word) >= 2 for word in words)


def _missing(statement: Statement) -> str:
    """Why the statement cannot become a record before it is built ("" when nothing is missing)."""
    reasons = []
    if statement.metric is None and not _HAN.search(normalise(statement.metric_text)):
        reasons.append("the statement names no measure")
    if not statement.region:
        reasons.append("no region")
    if statement.period is None:
        reasons.append("no period")
    return "; ".join(reasons)


def _value_text(statement: Statement) -> str:
    """The value as people write it: ``398家``, ``1/3``, ``5%—5.5%``."""
    text = amount_text(statement.value)
    if statement.value_high is not None:
        text += f"—{amount_text(statement.value_high)}"
    return text


def unplaced(statement: Statement, reason: str) -> Unplaced:
    """The statement kept as :class:`~targettrack.Unplaced`, with the reason it was not placed."""
    return Unplaced(
        kind=statement.kind,
        region=statement.region or "",
        metric_text=statement.metric_text,
        value=_value_text(statement),
        period="" if statement.period is None else str(statement.period),
        source=statement.source,
        reason=reason,
    )


def _record(statement: Statement, metric_id: str, catalog: Catalog) -> dict[str, Any]:
    value = statement.value
    metric = catalog.get(metric_id)
    if (
        metric is not None
        and metric.is_count
        and not value.unit
        and statement.change is None
        and value.value >= 2
        and float(value.value).is_integer()
    ):
        # 完成十大省实验室布局: a count named without its classifier counts in the metric's
        value = Amount(value.value, metric.classifier)
    record: dict[str, Any] = {
        "id": _record_id(statement),
        "region": statement.region,
        "metric": metric_id,
        "period": statement.period,
        "source": statement.source,
    }
    if statement.change is not None:
        record["change"] = statement.change.value
    if statement.baseline is not None:
        record["baseline"] = statement.baseline
    if statement.kind == GOAL:
        span = statement.span
        record["comparator"] = statement.comparator.value
        record["target"] = value
        if statement.value_high is not None:
            record["target_high"] = statement.value_high
        record["strength"] = statement.strength.value
        record["deadline"] = statement.deadline
        if statement.recurrence is not None:
            record["recurrence"] = statement.recurrence.value
        if span is not None:
            record["span"] = span
    else:
        record["value"] = value
        record["bound"] = statement.bound.value
        record["estimate"] = statement.estimate
    return record
