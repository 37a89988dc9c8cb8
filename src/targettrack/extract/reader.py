"""Reading: each quantity of a document with its measure, period and qualifiers, as a statement.

>>> import targettrack as tt
>>> text = "2024年工作成效\\n1—11月，全省规模以上工业增加值增长7.3%。\\n2025年工作思路\\n力争规上工业增加值增长6.5%左右。"
>>> [(s.kind, str(s.period), s.value.value, s.comparator.value) for s in tt.extract_statements(text, region="安徽")]
[('outcome', '2024年1—11月', 7.3, 'exactly'), ('goal', '2025年', 6.5, 'about')]

:func:`extract_statements` reads a document the way an analyst does: sentence by sentence, with the
region and year each sentence is about (from headlines and openings such as
``安徽省经济和信息化厅`` or ``2024年以来,北京市…``) and whether it reviews the past year or plans
the next. Every number that measures something becomes a :class:`Statement` citing the
original text (``source.quote == text[source.start:source.end]``), with its value, unit, period
and qualifiers. What the words around a quantity say is read by :mod:`.context`; statements become goals and
outcomes in :mod:`.placement`.
"""

from __future__ import annotations

import contextlib
import re
from typing import Any

import attrs

from .._checks import check, check_year
from ..catalog import Catalog, default_catalog
from ..model import (
    Amount,
    Bound,
    Change,
    Comparator,
    Recurrence,
    Source,
    Strength,
)
from ..periods import MAX_YEAR, MIN_YEAR, Period
from .context import (
    BASELINE_YEAR,
    DECLINE,
    ESTIMATE,
    STRENGTH,
    goal_cue,
    has_words,
    outcome_comparator,
    period_cues,
    qualifiers,
    year_period,
    years_period,
)
from .identity import Identity, identify, overridden
from .items import (
    HEADS,
    PARTS,
    REGION_WORDS,
    Item,
    clause_subject,
    noun_after,
    previous_clause,
    read_item,
    share_respectively,
    subject_count,
)
from .placement import EXACT_PHRASES, FLOW_VERBS, catalog_index
from .scan import scan
from .statement import GOAL, OUTCOME, Statement, canonical, make_amount
from .structure import (
    PLAN,
    Header,
    Sentence,
    bounded,
    bulletin_sentences,
    document_year,
    horizon,
    sentences,
    work_report_sentences,
)
from .text import Prepared, prepare

__all__ = [
    "extract_statements",
]

_SHARED = re.compile(
    r"^([^,;。]+[、和及与][^,;。]+)(?<!年)均$"
)  # 均: both, not 年均 (a year on average)
_PLANNED = re.compile(r"(?:年内|年度|全年)计划")
_RATE_CHANGE = re.compile(r"增速(?:较|比)")
_EXISTING = re.compile(r"(现有|已有|目前)$")
_ADDITION = re.compile(r"新增|增加|净增|新培育|新认定|累计")
#: what a five-year retrospective adds up or averages over its years, not a level at its end
_SPAN_FIGURE = re.compile(
    r"新增|增加|净增|新建|建成|新开工|新培育|培育|新认定|认定|创建|累计|年均|平均|完成|实施|开展|"
    r"改造|改建|改扩建|开通|举办|治理|整治|引进|带动|提供|帮扶|减少|压减|下降|降低|翻番|倍"
)
_PULL = re.compile(r"拉动[^,;。]*$")
_LEVEL = re.compile(r"国家级|省级|市级")
_LISTING = re.compile(r"[、]|分别")
_VERB_LEAD = re.compile(
    r"^(?:[、和及与并且]|其中|同时|力争|确保|争取|预计|全年|年内|今年|\d{4}年|到\d{4}年(?:底|末)?)+"
)
_TARGET_AFTER = re.compile(r"^(?:的)?(?:年度)?目标")


def _usable(year: int | None) -> int | None:
    return year if year is not None and MIN_YEAR < year < MAX_YEAR else None


def extract_statements(
    text: str,
    doc: str = "document.txt",
    *,
    year: int | None = None,
    region: str | None = None,
    catalog: Catalog | None = None,
    identity: Identity | None = None,
) -> list[Statement]:
    """The candidate goals and outcomes of a raw document, in text order.

    ``identity`` is who wrote the document and for which year (:func:`identify`, worked out
    from the text when not given); ``year`` and ``region`` override what it says (a plan with
    no year in it, a report that never names its province). ``catalog`` places metrics (the
    default catalog otherwise). Never raises on odd text: what cannot be read is left out.
    """
    check("text", text, str, "a text (str)")
    check("doc", doc, str, "the name of the document (str)")
    check_year("year", year, (MIN_YEAR, MAX_YEAR))
    check("region", region, (str, type(None)), "a region's name (str) or None")
    check("catalog", catalog, (Catalog, type(None)), "a Catalog or None")
    check("identity", identity, (Identity, type(None)), "an Identity or None")
    catalog = catalog or default_catalog()
    prepared = prepare(text)
    compact = prepared.compact
    identity = overridden(identity or identify(prepared), government=region, year=year)
    parsed, plan_document, region, year = _structure(compact, identity, region, year)
    plan_horizon = horizon(compact) if plan_document else None
    if plan_document:
        # a plan (意见, 规划, 方案): every sentence looks to the plan's horizon
        for sentence in parsed:
            sentence.mode = PLAN
            sentence.year = plan_horizon or year
    parsed = bounded(parsed, compact)
    # a year the calendar cannot hold (到0000年), or one whose neighbour it cannot (9999年
    # reviews 9998年 and looks to 10000年), is no year of the document
    year, plan_horizon = _usable(year), _usable(plan_horizon)
    for sentence in parsed:
        sentence.year, sentence.first_year = _usable(sentence.year), _usable(sentence.first_year)
    reader = _Reader(prepared, doc, catalog, year, plan_document, plan_horizon)
    statements: list[Statement] = []
    highlights: list[Statement] = []
    for sentence in parsed:
        (highlights if sentence.highlight else statements).extend(reader.sentence(sentence))
    stated = {_figure(s) for s in statements}
    statements.extend(s for s in highlights if _figure(s) not in stated)
    statements.sort(key=lambda s: (s.source.start, s.source.end, s.kind))
    return _deduplicate(statements)


def _structure(
    compact: str, identity: Identity, region: str | None, year: int | None
) -> tuple[list[Sentence], bool, str | None, int | None]:
    """The sentences with their parts, as the document's genre reads them: a work report's or
    budget report's parts (review of the year before, goals of its year); a bulletin's
    figures, all outcomes of its year; any other document by its headlines and cues."""
    if identity.genre == "statistical_bulletin" and identity.reviewed is not None:
        government = identity.government or region
        return bulletin_sentences(compact, government, identity.reviewed), False, government, year
    if identity.genre in ("work_report", "budget_report") or identity.body_start is not None:
        delivered = identity.issued
        header = Header(
            identity.government,
            identity.year,
            None if delivered is None else (delivered.year, delivered.month, delivered.day),
            identity.body_start or 0,
        )
        structured = work_report_sentences(compact, header)
        if structured is not None:
            return structured, False, header.region, header.year
    # any other document: what the user said (an option, a manifest, the other document of a
    # pair) is what to assume where its headlines say nothing; so is a government its head names
    told = identity.why("government")
    if told is not None and told.signal != "body":
        region = identity.government
    given = identity.why("year")
    if given is not None and given.start < 0:
        year = identity.year
    if year is None:
        year = document_year(compact)
    parsed, plan_document = sentences(compact, region=region, year=year)
    return parsed, plan_document, region, year


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
        metric = statement.metric or REGION_WORDS.sub("", statement.metric_text)
        key = (*_figure(statement), metric)
        if key in seen:
            continue
        seen.add(key)
        kept.append(statement)
    return kept


_RATIO_WORDS = ("%", "‰", "个百分点", "百分点", "倍")


@attrs.frozen
class _When:
    """The period a quantity is for, as its context tells."""

    period: Period | None
    deadline: bool
    span: Period | None
    recurrence: Recurrence | None
    cue_kind: str


@attrs.frozen
class _Figure:
    """A quantity's value as a figure of its measure: amount, range, change and qualifiers."""

    amount: Amount
    high: Amount | None
    change: Change | None
    baseline: Period | None
    comparator: Comparator
    bound: Bound
    negative: bool
    period: Period | None


def _figure_of(
    item: Item, clause: str, text: str, sentence: Sentence, period: Period | None
) -> _Figure | None:
    """The value with its change (增长 a relative change, 个百分点 points), the comparator the
    words around it give, and the period once a five-year retrospective's level is moved to its
    last year; None when the value cannot be an amount."""
    quantity = item.quantity
    value = quantity.value * quantity.factor
    unit = quantity.unit
    change: Change | None = None
    verb = item.change_verb
    negative = verb.startswith(DECLINE)
    if quantity.special == "two_digit" or (verb and unit in ("%", "‰", "倍")):
        change = Change.RELATIVE
    elif unit in ("个百分点", "百分点") and verb and not _PULL.search(clause):
        change = Change.POINTS
    elif unit in ("%", "‰") and text.startswith(("的增速", "的增长"), quantity.end):
        change = Change.RELATIVE
    if negative and change is not None:
        value = -value
    if (
        sentence.first_year is not None
        and sentence.year is not None
        and period == years_period(sentence.first_year, sentence.year)
        and change is None
        and not _SPAN_FIGURE.search(clause)
    ):
        # 研发投入强度达3.38%, 高速公路由7473公里增至9310公里 in a five-year retrospective:
        # a level reached, i.e. the level at the end of its last year
        period = year_period(sentence.year)
    high = None
    if quantity.value_high is not None:
        high_value = quantity.value_high * quantity.factor
        high = make_amount(-high_value if negative else high_value, unit)
        if negative:
            value, high = high.value, make_amount(value, unit)
    try:
        amount = make_amount(value, unit)
    except ValueError:
        return None
    comparator, bound = qualifiers(item.prefix, quantity.suffix, high is not None)
    if negative and comparator is Comparator.AT_LEAST:
        comparator = Comparator.AT_MOST
    baseline = None
    base = BASELINE_YEAR.search(item.baseline_text or "")
    if base is not None and change is not None:
        with contextlib.suppress(ValueError):  # 较0000年: no year
            baseline = year_period(int(base.group("y")))
    return _Figure(amount, high, change, baseline, comparator, bound, negative, period)


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
        self.index = catalog_index(catalog)
        self.carry: Period | None = None

    # -- one sentence ------------------------------------------------------------------------

    def sentence(self, sentence: Sentence) -> list[Statement]:
        text = self.text
        if sentence.start == 0 or text[sentence.start - 1] == "\n":
            self.carry = None  # a new paragraph
        quantities = scan(text, sentence.start, sentence.end)
        if not quantities:
            return []
        items: list[Item] = []
        for index, found in enumerate(quantities):
            items.append(read_item(self.text, sentence, found, quantities, index, items))
        share_respectively(self.text, items)
        periods = period_cues(self.text, sentence)
        result: list[Statement] = []
        previous: list[Statement] = []
        origin = 0
        for position, item in enumerate(items):
            if item.group_index == 0:
                origin = len(previous)
            if not has_words(item.metric_text) and item.group_index == 0:
                self._subject(sentence, items, position)
            inherited: Statement | None = None
            if not has_words(item.metric_text) and previous:
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
                parts = [p for p in PARTS.split(shared.group(1)) if p]
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

    def _subject(self, sentence: Sentence, items: list[Item], position: int) -> None:
        """Give a figure (or a group of figures: 分别增长6.2%和8.9%) without words of their own
        the subject of the clauses before them: 工业投资、技术改造投资,同比分别增长…"""
        item = items[position]
        after = items[position - 1].quantity.end if position else sentence.start
        subject = clause_subject(self.text, sentence, item, after)
        if subject is None:
            return
        text, start = subject
        group = items[position : position + item.group_size]
        if any(has_words(member.metric_text) for member in group):
            return
        parts = [part for part in PARTS.split(text) if part]
        for index, member in enumerate(group):
            member.metric_text = parts[index] if len(parts) == len(group) else text
            member.metric_start = start

    def _statements(
        self,
        sentence: Sentence,
        item: Item,
        periods: list[tuple[int, str, Period | None, str]],
        inherited: Statement | None,
    ) -> list[Statement]:
        """The statements a quantity makes: a goal, an outcome, or both (完成…目标)."""
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
        if subject_count(self.text, item, sentence):
            return []  # 734个制造业重大项目完成投资2548亿元: the count names the subject
        if quantity.unit and text[quantity.end : quantity.end + 1].isdigit():
            following = scan(text, quantity.end, min(sentence.end, quantity.end + 16))
            if following and following[0].start == quantity.end and following[0].unit:
                return []  # 12类45件民生实事: the count of kinds groups the count that follows
        after = text[quantity.end : quantity.end + 6]
        completes_target = bool(_TARGET_AFTER.match(after)) and "完成" in before
        kinds = self._kinds(sentence, item, before, clause, completes_target)
        when = self._when(sentence, item, periods, part_start, clause, kinds)
        figure = _figure_of(item, clause, text, sentence, when.period)
        if figure is None:
            return []
        strength = Strength.STATED
        cues = STRENGTH.findall(before)
        if cues:
            strength = Strength.BINDING if cues[-1] == "确保" else Strength.ASPIRATIONAL
        estimate = ESTIMATE.search(before) is not None
        # metric
        metric_text = item.metric_text
        if inherited is not None:
            metric_text = inherited.metric_text
        metric = self._metric(metric_text, sentence, item, deadline=when.deadline)
        if metric is None and inherited is not None:
            metric = inherited.metric
        start, stop = item.metric_start, item.end
        own_words = has_words(item.metric_text)
        if inherited is not None or not own_words:
            start = min(start, item.left_start)
        if start >= quantity.start:
            start = item.left_start
        while start < quantity.start and text[start] in "、,;和及与":
            start += 1  # the joiner after the figure before is not this one's
        original_start, original_end = self.prepared.span(start, stop)
        source = Source.from_span(self.doc, self.prepared.original, original_start, original_end)
        span = when.span
        flow = self.catalog.get(metric) if metric is not None else None
        if (
            span is None
            and when.deadline
            and flow is not None
            and flow.kind == "flow"
            and figure.period is not None
            and self.year is not None
            and self.year < figure.period.start_year
        ):
            # 到2025年…新增上市公司200家: additions over the plan's years, from its writing
            span = years_period(self.year, figure.period.end_year)
        canonical_value, canonical_unit = canonical(figure.amount)
        confidence = 0.55
        if metric is not None:
            confidence += 0.25
        if when.cue_kind:
            confidence += 0.1
        if not own_words:
            confidence -= 0.15
        if sentence.mode == "":
            confidence -= 0.1
        confidence = round(min(max(confidence, 0.05), 0.95), 2)
        result = []
        for kind in kinds:
            this_bound = figure.bound
            this_comparator = figure.comparator
            if kind == OUTCOME and completes_target:
                this_bound = Bound.LOWER
            if kind == OUTCOME:
                this_comparator = outcome_comparator(this_bound, figure.high is not None)
            elif figure.comparator is Comparator.EXACTLY:
                this_comparator = Comparator.AT_MOST if figure.negative else Comparator.AT_LEAST
            result.append(
                Statement(
                    kind=kind,
                    region=sentence.region,
                    year=sentence.year,
                    metric_text=metric_text,
                    metric=metric,
                    comparator=this_comparator,
                    value=figure.amount,
                    value_high=figure.high,
                    canonical_value=canonical_value,
                    canonical_unit=canonical_unit,
                    change=figure.change,
                    baseline=figure.baseline,
                    period=figure.period,
                    span=span if kind == GOAL else None,
                    deadline=when.deadline if kind == GOAL else False,
                    estimate=estimate if kind == OUTCOME else False,
                    bound=this_bound if kind == OUTCOME else Bound.EXACT,
                    strength=strength if kind == GOAL else Strength.STATED,
                    recurrence=when.recurrence if kind == GOAL else None,
                    source=source,
                    confidence=confidence,
                )
            )
        return result

    def _kinds(
        self, sentence: Sentence, item: Item, before: str, clause: str, completes_target: bool
    ) -> list[str]:
        """Goal, outcome or both, from the part of the document and the words before."""
        text = self.text
        begin = item.quantity.start
        if sentence.mode == PLAN and _EXISTING.search(text[max(0, begin - 2) : begin]):
            return [OUTCOME]  # 巩固扩大现有2个万亿级集群: a level reached, named in a plan
        if sentence.mode == PLAN:
            return [GOAL]
        if completes_target:
            return [GOAL, OUTCOME]
        if sentence.mode == "review":
            local = clause.replace("争取", "")
            next_clause = text.find(",", item.quantity.end, sentence.end)
            planned = next_clause >= 0 and _PLANNED.match(text, next_clause + 1) is not None
            return [GOAL] if goal_cue(local) or planned else [OUTCOME]
        sentence_before = text[sentence.start : begin]
        return [GOAL] if (goal_cue(before) or "到" in sentence_before) else [OUTCOME]

    def _when(
        self,
        sentence: Sentence,
        item: Item,
        periods: list[tuple[int, str, Period | None, str]],
        part_start: int,
        clause: str,
        kinds: list[str],
    ) -> _When:
        """The period the quantity is for, from the cues before it in its clause (or leading
        the sentence), the paragraph's months, or the sentence's year."""
        text = self.text
        quantity = item.quantity
        period: Period | None = None
        deadline = False
        each = False
        cue_kind = ""
        cue_word = ""
        ratio = quantity.unit in _RATIO_WORDS or bool(item.change_verb)
        for position, kind, cue_period, word in periods:
            if position >= quantity.start:
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
            period = year_period(sentence.year)
            if sentence.first_year is not None:
                period = years_period(sentence.first_year, sentence.year)
            elif sentence.mode == PLAN and kinds == [OUTCOME]:
                period = year_period(sentence.year - 1)
            if self.plan_document and kinds == [GOAL] and not each:
                deadline = True
        span: Period | None = None
        recurrence: Recurrence | None = None
        if each and kinds[0] == GOAL and period is not None:
            last = period.end_year
            first = self.year if self.year is not None and self.year < last else last
            span = years_period(first, last)
            period = year_period(last)
            recurrence = Recurrence.ANNUAL
            deadline = False
        return _When(period, deadline, span, recurrence, cue_kind)

    def _metric(
        self, metric_text: str, sentence: Sentence, item: Item, *, deadline: bool = False
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
                head = next((h for h in ("总投资", *HEADS) if metric_text.endswith(h)), "")
                noun = noun_after(self.text, item.end + 1, sentence.end) if head else ""
                if noun:
                    placed = index.place(noun + head)
            if "级" in before and not _LEVEL.search(metric_text):
                # 新培育省级先进制造业集群10个、中小企业特色产业集群30个: the list's level
                level = _LEVEL.findall(before)
                leveled = index.place(level[-1] + metric_text) if level else None
                if leveled is not None:
                    placed = leveled
            if metric_text in HEADS:
                # 推动先进光伏和新型储能产业集群融合发展,力争营业收入增长20%: the subject before
                previous = previous_clause(self.text, sentence, item)
                if previous and not _LISTING.search(previous):
                    placed = index.subject(metric_text, previous) or placed
            if (
                placed is not None
                and index.is_stock(placed)
                and not FLOW_VERBS.search(context)
                and not _VERB_LEAD.sub("", before)
            ):
                # 新增创新型中小企业3000户,省专精特新中小企业1500家: the verb is shared
                previous = previous_clause(self.text, sentence, item)
                verb = FLOW_VERBS.match(_VERB_LEAD.sub("", previous, count=1))
                if verb is not None:
                    context = verb.group() + context
        if placed is None:
            return None
        return index.flow(placed, context, deadline=deadline)
