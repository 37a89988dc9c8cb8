"""Placement: statements to typed goals and outcomes, the measure placed on the catalog's indicator
when the wording is the indicator's own and kept as written otherwise; what cannot be placed is
kept, with the reason."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import Any

from .._checks import check, check_items
from ..catalog import Catalog, Kind, default_catalog
from ..dataset import check_record
from ..measure import measure_key, normalise
from ..model import (
    Amount,
    Goal,
    Outcome,
    Unplaced,
    amount_text,
)
from .context import HAN
from .statement import GOAL, Statement

__all__ = [
    "EXACT_PHRASES",
    "FLOW_VERBS",
    "PHRASES",
    "catalog_index",
    "to_records",
    "unplaced",
]

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

FLOW_VERBS = re.compile(r"(新增|新培育|新认定|新建|新开通|创建|争创|培育|认定|新突破|入选)")
_GDP = re.compile(r"地区生产总值|国内生产总值|GDP")
_SHARE = re.compile(r"占[^,;。]*(?:比重|比例)|占比")
#: 全年实施项目1121项,年内计划投资1866亿元: the clause after names the year's plan
_TOTAL_WORDS = ("累计", "总数", "总量", "动态")
_BARE = re.compile(r"的|累计")


#: What may open a clause before its noun and still leave the clause without a verb of its own.
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
        # in this order, each once: a set's order changed with PYTHONHASHSEED, and with it
        # which of two wordings of one length won (服务业增加值在国内生产总值中的比重: gdp on one
        # run, tertiary_industry_value_added on another)
        for variant in dict.fromkeys((metric_text, _GDP.sub("生产总值", metric_text), bare)):
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
        verbs = FLOW_VERBS.findall(context)
        if not verbs:
            return metric_id
        if any(word in context for word in _TOTAL_WORDS):
            return metric_id
        if deadline and all(verb == "培育" for verb in verbs):
            return metric_id
        return self.flows.get(metric_id, metric_id)


_INDEXES: dict[int, tuple[Catalog, _CatalogIndex]] = {}


def catalog_index(catalog: Catalog) -> _CatalogIndex:
    phrases = tuple(PHRASES.items())
    entry = _INDEXES.get(id(catalog))
    if entry is None or entry[0] is not catalog:
        entry = (catalog, _CatalogIndex(catalog, phrases))
        _INDEXES[id(catalog)] = entry
    elif entry[1].phrase_items != phrases:
        entry[1].use_phrases(phrases)  # PHRASES was changed since
    return entry[1]


def _record_id(statement: Statement) -> str:
    # the name without its suffix: documents in subfolders (2025/jiangsu.txt) keep their folder
    stem = str(PurePosixPath(statement.source.doc).with_suffix(""))
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
    statements = check_items("statements", statements, Statement, "statements (Statement)")
    check("catalog", catalog, (Catalog, type(None)), "a Catalog or None")
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
    if key not in choices and (key in catalog or HAN.search(wording)):
        choices.append(key)
    if (
        key in catalog
        and wording not in choices
        and HAN.search(wording)
        and statement.change is None
        and statement.canonical_unit
    ):
        # 新开工改造城镇老旧小区3011万平方米 when the indicator counts 个: an amount in a unit of
        # its own is the measure as written, rather than no record (a ratio stays refused)
        choices.append(wording)
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
    if statement.metric is None and not HAN.search(normalise(statement.metric_text)):
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
    elif (
        metric is not None
        and metric.dimension == "money"
        and not value.unit
        and statement.change is None
        and value.value >= 1e4
    ):
        # 海洋生产总值突破万亿: an amount of money named by its magnitude alone is in 元
        value = Amount(value.value, "元")
    elif (
        metric is not None
        and metric.dimension == "time"
        and not value.unit
        and statement.change is None
    ):
        # 优良天数达到338天, 人均预期寿命78.9岁: the scanner leaves units of time out (3年 is a
        # span), so a figure of a measure counted in days or years is in the measure's unit
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
