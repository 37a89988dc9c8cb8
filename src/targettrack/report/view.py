"""The report's view of an audit: plain values every output format draws on.

:func:`build` turns an :class:`~targettrack.match.Audit` into :class:`ReportView` — one
:class:`GoalView` per verdict with the metric's names, the target and the achieved value as
people write them, the bar's proportions and the quoted sentences split into context, quote
and highlighted numbers — and one :class:`UnplacedView` per statement read but not placed. Nothing here escapes or formats markup: each output does that itself
(the HTML through Jinja2's autoescaping).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

import attrs

from .._text import PRIVATE_USE
from ..catalog import Catalog, Metric, default_catalog
from ..model import (
    Change,
    Decided,
    Goal,
    Outcome,
    Pace,
    Recurrence,
    Source,
    Status,
    Unapplied,
    Unplaced,
    Verdict,
    amount_text,
    number_text,
    show,
)

if TYPE_CHECKING:
    from ..match import Audit, SourceDocument

__all__ = [
    "STATUS_ORDER",
    "BarView",
    "CandidateView",
    "ChartRow",
    "DroppedView",
    "DocumentView",
    "GoalView",
    "OutcomeView",
    "QuoteView",
    "ReportView",
    "Segment",
    "UnplacedView",
    "achieved_text",
    "build",
    "candidate_views",
    "decisions_line",
    "display_text",
    "figure_kind",
    "goal_text",
    "number_segments",
    "pace_text",
    "percent",
    "quote_view",
]

STATUS_ORDER = (Status.MET, Status.MISSED, Status.UNREPORTED)

#: How far the bar reaches: 150 % of the target fills it; the target stands at two thirds.
BAR_SPAN = 1.5

#: Characters of context kept on each side of a quote, at most.
CONTEXT = 60

_SENTENCE_END = "。！？；!?;"
_NUMBER = re.compile(
    r"[0-9０-９](?:[0-9０-９.．,，\ue010]|[ \u3000](?=[0-9０-９]))*"
    r"(?:[ \u3000]?[/／][ \u3000]?[0-9０-９]+)?"
    r"(?:[ \u3000]?[%％‰])?"
)
_YEAR_AFTER = re.compile(r"[ \u3000]?(?:年|[—–\-~～至到][ \u3000]?[0-9０-９]{4}[ \u3000]?年)")
_BREAK = re.compile(r"[ \t\u3000]*(?:\r?\n)+[ \t\u3000]*")
_WIDE = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")


@attrs.frozen
class Segment:
    """A piece of quoted text; ``number`` marks a figure to highlight."""

    text: str
    number: bool = False


@attrs.frozen
class QuoteView:
    """A quote in its sentence: the text before it, its own segments, and the text after."""

    doc: str
    start: int
    end: int
    before: str
    segments: tuple[Segment, ...]
    after: str
    title: str = ""
    #: the page of a PDF the quote starts on
    page: int | None = None

    @property
    def quote(self) -> str:
        return "".join(segment.text for segment in self.segments)

    @property
    def where(self) -> str:
        page = "" if self.page is None else f" p. {self.page}"
        return f"{self.doc}{page} [{self.start}:{self.end}]"


@attrs.frozen
class OutcomeView:
    """One piece of evidence."""

    id: str
    value: str
    period: str
    flags: tuple[str, ...]
    quote: QuoteView
    note: str = ""


@attrs.frozen
class BarView:
    """An achieved-vs-target bar, as fractions of the bar's width."""

    ratio: float
    width: float
    target: float
    overflow: bool
    label: str


@attrs.frozen
class GoalView:
    """Everything one row of the report shows about a goal."""

    index: int
    verdict: Verdict
    metric: Metric | None
    text: str
    target: str
    period: str
    achieved: str
    bar: BarView | None
    quote: QuoteView
    evidence: tuple[OutcomeView, ...]
    years: tuple[tuple[int, str, str], ...]

    @property
    def goal(self) -> Goal:
        return self.verdict.goal

    @property
    def id(self) -> str:
        return self.verdict.goal.id

    @property
    def status(self) -> str:
        return self.verdict.status.value

    @property
    def region(self) -> str:
        return self.verdict.goal.region

    @property
    def theme(self) -> str:
        return self.metric.theme if self.metric else "other"

    @property
    def metric_zh(self) -> str:
        return self.metric.zh if self.metric else self.verdict.goal.metric

    @property
    def metric_en(self) -> str:
        return self.metric.en if self.metric else ""

    @property
    def ratio(self) -> float | None:
        return _finite(self.verdict.achieved_ratio)

    @property
    def kind(self) -> str:
        """The kind of figure the goal sets (:func:`figure_kind`)."""
        return figure_kind(self.verdict.goal, self.metric)

    @property
    def state(self) -> tuple[str, ...]:
        """The evidence state in words: coverage, estimate, bound, why provisional."""
        verdict = self.verdict
        items = []
        if verdict.coverage is not None:
            items.append(f"evidence covers {percent(verdict.coverage)} of the period")
        if verdict.estimate:
            items.append("an estimate among the evidence")
        if verdict.bound.value != "exact":
            bound = verdict.bound.value
            items.append("approximate" if bound == "approximate" else f"{bound} bound")
        items.extend(f"provisional: {why}" for why in verdict.provisional_why)
        if verdict.pace is not None:
            items.append(f"pace {self.pace}")
        return tuple(items)

    @property
    def pace(self) -> str:
        """The pace with its arithmetic (:func:`pace_text`), or ``""``."""
        pace = self.verdict.pace
        return "" if pace is None else pace_text(pace, str(self.verdict.goal.period))

    @property
    def decided(self) -> Decided | None:
        """The decision of a person this verdict is (None: the machine's)."""
        return self.verdict.decided

    @property
    def decided_text(self) -> str:
        """``decided by 王芳 on 2026-03-01 (use this evidence): …`` ("" for the machine's)."""
        decided = self.verdict.decided
        return "" if decided is None else decided.describe()

    @property
    def machine_text(self) -> str:
        """What the machine said before the person decided ("" for the machine's verdict)."""
        decided = self.verdict.decided
        return "" if decided is None else decided.machine_reason

    @property
    def flags(self) -> tuple[str, ...]:
        flags = []
        if self.verdict.provisional:
            flags.append("provisional")
        if self.verdict.not_yet_due:
            flags.append("not yet due")
        return tuple(flags)


@attrs.frozen
class UnplacedView:
    """A statement read from a document but not placed: listed, not judged."""

    index: int
    item: Unplaced
    quote: QuoteView

    @property
    def kind(self) -> str:
        return self.item.kind

    @property
    def region(self) -> str:
        return self.item.region

    @property
    def metric_text(self) -> str:
        return self.item.metric_text

    @property
    def value(self) -> str:
        return self.item.value

    @property
    def period(self) -> str:
        return self.item.period

    @property
    def reason(self) -> str:
        return self.item.reason

    @property
    def where(self) -> str:
        """``doc[start:end]``, as the verdicts' reasons cite a span."""
        return str(self.item.source)


@attrs.frozen
class DroppedView:
    """A goal a person decided is not a goal: dropped from the audit, listed with why."""

    verdict: Verdict
    text: str
    quote: QuoteView

    @property
    def id(self) -> str:
        return self.verdict.goal.id

    @property
    def reason(self) -> str:
        """``not a goal: …``, the person's reason."""
        return self.verdict.reason

    @property
    def decided_text(self) -> str:
        decided = self.verdict.decided
        return "" if decided is None else decided.describe()


@attrs.frozen
class CandidateView:
    """A candidate for a goal's evidence (``targettrack review``): the outcome quoted, and the
    verdict it would make."""

    id: str
    value: str
    period: str
    metric: str
    quote: QuoteView
    would_be: str
    usable: bool
    taken: bool


@attrs.frozen
class ChartRow:
    """One bar of a summary chart: the counts by status for a region or a theme."""

    label: str
    met: int
    missed: int
    unreported: int

    @property
    def total(self) -> int:
        return self.met + self.missed + self.unreported

    def count(self, status: Status) -> int:
        return int(getattr(self, status.value))


@attrs.frozen
class DocumentView:
    """A source document: its name, its titles (one per curated part) and what it holds."""

    name: str
    titles: tuple[str, ...]
    issued: dt.date | None
    goals: int
    outcomes: int
    #: how a raw document was read: reader, encoding, SHA-256 of the text, number of pages
    reader: str = ""
    encoding: str | None = None
    sha256: str = ""
    pages: int = 0
    #: who wrote it and for which year, each decision with its evidence (a raw document)
    identity: tuple[str, ...] = ()

    @property
    def read_as(self) -> str:
        """``pdf, 8 pages``, ``text, gb18030``: how the document was read ("" if curated)."""
        if not self.reader:
            return ""
        parts = [self.reader]
        if self.encoding:
            parts.append(self.encoding)
        if self.pages:
            parts.append(f"{self.pages} page{'' if self.pages == 1 else 's'}")
        return ", ".join(parts)

    #: issued after the as-of date: its goals and outcomes are left out of the audit
    left_out: bool = False

    @property
    def issued_text(self) -> str:
        """The issue date, ``unknown``, and whether the document was left out."""
        date = self.issued.isoformat() if self.issued else "unknown"
        return f"{date} (after the as-of date: left out)" if self.left_out else date


@attrs.frozen
class ReportView:
    """The whole report."""

    as_of: dt.date
    goals: tuple[GoalView, ...]
    counts: dict[Status, int]
    judged_share: float
    not_yet_due: int
    provisional: int
    regions: tuple[str, ...]
    themes: tuple[str, ...]
    documents: tuple[DocumentView, ...]
    by_region: tuple[ChartRow, ...]
    by_theme: tuple[ChartRow, ...]
    summary: str
    unplaced: tuple[UnplacedView, ...] = ()
    #: the documents issued after the as-of date, not drawn on
    left_out: tuple[DocumentView, ...] = ()
    #: the names of the documents drawn on whose issue date is not known
    undated: tuple[str, ...] = ()
    #: the goals a person decided are not goals, out of the counts
    dropped: tuple[DroppedView, ...] = ()
    #: the decisions that could not be applied
    unapplied: tuple[Unapplied, ...] = ()

    @property
    def decided(self) -> tuple[GoalView, ...]:
        """The goals whose verdict a person decided."""
        return tuple(goal for goal in self.goals if goal.decided is not None)

    @property
    def decisions(self) -> str:
        """One line on the decisions of a person, or "" when there are none."""
        return decisions_line(len(self.decided), len(self.dropped), len(self.unapplied))

    @property
    def read(self) -> bool:
        """Whether any document was read raw (and has a reader, an encoding and a hash)."""
        return any(d.reader for d in self.documents)

    @property
    def plans(self) -> tuple[DocumentView, ...]:
        """The documents that set goals."""
        return tuple(d for d in self.documents if d.goals)

    @property
    def total(self) -> int:
        return len(self.goals)


# -- text helpers ------------------------------------------------------------------------------


def _finite(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


def percent(share: float) -> str:
    """A share for people, to one decimal: ``90.7%``, ``100%``."""
    return f"{show(round(share * 100, 1))}%"


def target_text(goal: Goal) -> str:
    """The target with its comparator: ``≥ 15%``, ``∈ [5%, 5.5%]``, ``≈ 1/3``."""
    if goal.target_high is not None:
        return f"∈ [{amount_text(goal.target)}, {amount_text(goal.target_high)}]"
    text = f"{goal.comparator.symbol} {amount_text(goal.target)}"
    if goal.tolerance is not None:
        text += f" (±{show(goal.tolerance * 100)}%)"
    return text


def period_text(goal: Goal) -> str:
    """The period a goal is about, with its span, recurrence and baseline."""
    if goal.recurrence is Recurrence.ANNUAL and goal.span is not None:
        text = f"每年 {goal.span}"
    elif goal.span is not None and goal.span != goal.period:
        text = str(goal.span)
    else:
        text = str(goal.period)
    if goal.baseline is not None:
        text += f"（较{goal.baseline}）"
    return text


def _change_word(goal: Goal) -> str:
    if goal.change is Change.RELATIVE:
        return "变化" if goal.baseline is not None else "增速"
    if goal.change is Change.POINTS:
        return "变化"
    return ""


def goal_text(goal: Goal, metric: Metric | None) -> str:
    """The goal in one line: ``浙江 数字经济核心产业增加值占GDP比重 ≥ 15%（2025年）``."""
    name = metric.zh if metric else goal.metric
    return f"{goal.region} {name}{_change_word(goal)} {target_text(goal)}（{period_text(goal)}）"


def figure_kind(goal: Goal, metric: Metric | None) -> str:
    """What kind of figure a goal sets: ``growth`` (a relative change, 增长7%, 下降16%),
    ``points`` (a change in percentage points), ``share`` (占…比重), ``new`` (additions within
    a period, 新增…), ``total`` (a stock, 累计…) or ``level`` (any other value for a period)."""
    if goal.change is Change.RELATIVE:
        return "growth"
    if goal.change is Change.POINTS:
        return "points"
    if metric is None:
        return "level"
    return {"share": "share", "flow": "new", "stock": "total"}.get(metric.kind.value, "level")


def achieved_text(value: float | None, unit: str) -> str:
    """The achieved value in the matcher's unit: a fraction for changes, else the metric's."""
    value = _finite(value)
    if value is None:
        return ""
    if unit == "ratio":
        return f"{show(value * 100)}%"
    if unit == "percentage_point_fraction":
        return f"{show(value * 100)}个百分点"
    return f"{number_text(value)}{unit}"


_PACE_WORDS = {"ahead": "ahead", "on_track": "on track", "behind": "behind"}


def pace_text(pace: Pace, period: str) -> str:
    """The pace with its arithmetic: ``behind: 44家 (2024年) against 97.5家 required on the
    linear path from 0家 (2021年12月) to 130家 by the end of 2025年 (75% of the time); 45.1%
    of the progress required (on track within ±5%)``."""

    def value(number: float) -> str:
        return achieved_text(number, pace.unit) or show(number)

    if pace.ratio is None:
        measure = "the target is the baseline"
    elif pace.path == "compound":
        measure = f"{percent(pace.ratio)} of the yearly rate required"
    else:
        measure = f"{percent(pace.ratio)} of the progress required"
    return (
        f"{_PACE_WORDS[pace.status.value]}: {value(pace.observed)} ({pace.observed_period}) "
        f"against {value(pace.required)} required on the {pace.path} path from "
        f"{value(pace.baseline)} ({pace.baseline_period}) to {value(pace.target)} by the end "
        f"of {period} ({percent(pace.elapsed)} of the time); {measure} "
        f"(on track within ±{show(pace.tolerance * 100)}%)"
        + ("; the target is already reached" if pace.reached else "")
    )


def display_text(text: str) -> str:
    """Document text for reading: line breaks inside sentences closed, private glyphs mapped.

    The documents are extracted from PDFs, so a sentence breaks across lines and blank lines;
    a break between two Chinese characters is dropped, any other becomes a space.
    """
    for glyph, meaning in PRIVATE_USE.items():
        text = text.replace(glyph, meaning)

    def join(match: re.Match[str]) -> str:
        before = text[match.start() - 1] if match.start() > 0 else ""
        after = text[match.end()] if match.end() < len(text) else ""
        if not before or not after or _WIDE.match(before) or _WIDE.match(after):
            return ""
        return " "

    return _BREAK.sub(join, text)


def number_segments(text: str) -> tuple[Segment, ...]:
    """Split display text into plain text and the figures in it (years before 年 stay plain)."""
    segments: list[Segment] = []
    last = 0
    for match in _NUMBER.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if len(digits) == 4 and _YEAR_AFTER.match(text, match.end()) and "%" not in match.group():
            continue
        if match.start() > last:
            segments.append(Segment(text[last : match.start()]))
        segments.append(Segment(match.group(), number=True))
        last = match.end()
    if last < len(text):
        segments.append(Segment(text[last:]))
    return tuple(segments)


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    """The rest of the sentence around ``text[start:end]``, at most :data:`CONTEXT` each side."""
    left = start
    while left > 0 and start - left < CONTEXT and text[left - 1] not in _SENTENCE_END:
        left -= 1
    right = end
    if not (start < end and text[end - 1] in _SENTENCE_END):
        while right < len(text) and right - end < CONTEXT:
            right += 1
            if text[right - 1] in _SENTENCE_END:
                break
    before = display_text(text[left:start]).lstrip()
    after = display_text(text[end:right]).rstrip()
    if left > 0 and text[left - 1] not in _SENTENCE_END:
        before = "…" + before
    if right < len(text) and right > end and text[right - 1] not in _SENTENCE_END:
        after += "…"
    return before, after


def quote_view(
    source: Source, texts: Mapping[str, str] | None, title: str = "", page: int | None = None
) -> QuoteView:
    """A source's quote, with its sentence around it when the document's text is known."""
    before = after = ""
    text = None if texts is None else texts.get(source.doc)
    if text is not None and text[source.start : source.end] == source.quote:
        before, after = _context(text, source.start, source.end)
    return QuoteView(
        doc=source.doc,
        start=source.start,
        end=source.end,
        before=before,
        segments=number_segments(display_text(source.quote)),
        after=after,
        title=title,
        page=page,
    )


def outcome_flags(outcome: Outcome) -> tuple[str, ...]:
    flags = []
    if outcome.estimate:
        flags.append("estimate")
    if outcome.bound.value != "exact":
        bound = outcome.bound.value
        flags.append("approximate" if bound == "approximate" else f"{bound} bound")
    if outcome.change is Change.RELATIVE:
        flags.append("change")
    elif outcome.change is Change.POINTS:
        flags.append("change in points")
    return tuple(flags)


def _bar(ratio: float | None) -> BarView | None:
    if ratio is None:
        return None
    clipped = min(max(ratio, 0.0), BAR_SPAN)
    return BarView(
        ratio=ratio,
        width=clipped / BAR_SPAN,
        target=1 / BAR_SPAN,
        overflow=ratio > BAR_SPAN,
        label=percent(ratio) if abs(ratio) < 100 else f"{ratio:.3g}×",
    )


def _chart(rows: Mapping[str, Counter[Status]]) -> tuple[ChartRow, ...]:
    chart = [
        ChartRow(label, c[Status.MET], c[Status.MISSED], c[Status.UNREPORTED])
        for label, c in rows.items()
    ]
    chart.sort(key=lambda r: (-r.total, r.label))
    return tuple(chart)


def _documents(audit: Audit) -> tuple[DocumentView, ...]:
    goals = Counter(
        g.source.doc for g in [*(v.goal for v in audit.verdicts), *audit.left_out_goals]
    )
    outcomes = Counter(o.source.doc for o in [*audit.outcomes, *audit.left_out_outcomes])
    left_out = {d.name for d in audit.left_out}
    order: list[str] = []
    titles: dict[str, list[str]] = {}
    issued: dict[str, dt.date | None] = {}
    read: dict[str, SourceDocument] = {}
    for document in audit.documents:
        if document.reader and document.name not in read:
            read[document.name] = document
        if document.name not in titles:
            order.append(document.name)
            titles[document.name] = []
            issued[document.name] = document.issued
        if document.title and document.title not in titles[document.name]:
            titles[document.name].append(document.title)
    unplaced = {item.source.doc for item in audit.unplaced}
    for name in sorted({*goals, *outcomes, *unplaced} - set(titles)):
        order.append(name)
        titles[name] = []
        issued[name] = None
    views = []
    for name in order:
        view = DocumentView(
            name,
            tuple(titles[name]),
            issued[name],
            goals[name],
            outcomes[name],
            left_out=name in left_out,
        )
        if name in read:
            document = read[name]
            view = attrs.evolve(
                view,
                reader=document.reader,
                encoding=document.encoding,
                sha256=document.sha256,
                pages=len(document.pages),
                identity=document.identity,
            )
        views.append(view)
    return tuple(views)


def _pager(audit: Audit) -> Callable[[Source], int | None]:
    """The page (of a PDF) a source's quote starts on; None for other documents."""
    pages = {d.name: d for d in audit.documents if d.pages}

    def page(source: Source) -> int | None:
        document = pages.get(source.doc)
        return None if document is None else document.page_of(source.start)

    return page


def build(
    audit: Audit, texts: Mapping[str, str] | None = None, *, catalog: Catalog | None = None
) -> ReportView:
    """The report's view of ``audit``; ``texts`` (document name → original text) add context."""
    catalog = catalog or default_catalog()
    documents = _documents(audit)
    titles = {d.name: " / ".join(d.titles) for d in documents}
    page = _pager(audit)
    goals: list[GoalView] = []
    by_region: dict[str, Counter[Status]] = {}
    by_theme: dict[str, Counter[Status]] = {}
    for index, verdict in enumerate(audit.verdicts):
        goal = verdict.goal
        metric = catalog.get(goal.metric)
        evidence = tuple(
            OutcomeView(
                id=o.id,
                value=amount_text(o.value),
                period=str(o.period),
                flags=outcome_flags(o),
                quote=quote_view(o.source, texts, titles.get(o.source.doc, ""), page(o.source)),
                note=o.note,
            )
            for o in verdict.evidence
        )
        view = GoalView(
            index=index,
            verdict=verdict,
            metric=metric,
            text=goal_text(goal, metric),
            target=target_text(goal),
            period=period_text(goal),
            achieved=achieved_text(verdict.achieved, verdict.achieved_unit),
            bar=_bar(_finite(verdict.achieved_ratio)),
            quote=quote_view(
                goal.source, texts, titles.get(goal.source.doc, ""), page(goal.source)
            ),
            evidence=evidence,
            years=tuple(
                (
                    year.year,
                    year.status.value,
                    achieved_text(year.achieved, verdict.achieved_unit),
                )
                for year in verdict.years
            ),
        )
        goals.append(view)
        by_region.setdefault(view.region, Counter())[verdict.status] += 1
        by_theme.setdefault(view.theme, Counter())[verdict.status] += 1
    return ReportView(
        as_of=audit.as_of,
        goals=tuple(goals),
        counts=audit.counts(),
        judged_share=audit.judged_share,
        not_yet_due=sum(1 for v in audit.verdicts if v.not_yet_due),
        provisional=sum(1 for v in audit.verdicts if v.provisional),
        regions=tuple(row.label for row in _chart(by_region)),
        themes=tuple(sorted(by_theme)),
        documents=documents,
        by_region=_chart(by_region),
        by_theme=_chart(by_theme),
        summary=audit.summary(),
        unplaced=tuple(
            UnplacedView(
                index=index,
                item=item,
                quote=quote_view(
                    item.source, texts, titles.get(item.source.doc, ""), page(item.source)
                ),
            )
            for index, item in enumerate(audit.unplaced)
        ),
        left_out=tuple(d for d in documents if d.left_out),
        undated=audit.undated,
        dropped=_dropped(audit, texts, catalog, titles, page),
        unapplied=audit.unapplied,
    )


def decisions_line(decided: int, dropped: int, unapplied: int) -> str:
    """``decided by a person: 2 verdicts, 1 goal dropped as not a goal; 1 decision not
    applied`` ("" when there is nothing to say)."""
    parts = []
    if decided:
        parts.append(f"{decided} verdict{'' if decided == 1 else 's'}")
    if dropped:
        parts.append(f"{dropped} goal{'' if dropped == 1 else 's'} dropped as not a goal")
    said = f"decided by a person: {', '.join(parts)}" if parts else ""
    if unapplied:
        said += "; " if said else ""
        said += f"{unapplied} decision{'' if unapplied == 1 else 's'} not applied"
    return said


def _dropped(
    audit: Audit,
    texts: Mapping[str, str] | None,
    catalog: Catalog,
    titles: Mapping[str, str],
    page: Callable[[Source], int | None],
) -> tuple[DroppedView, ...]:
    return tuple(
        DroppedView(
            verdict,
            goal_text(verdict.goal, catalog.get(verdict.goal.metric)),
            quote_view(
                verdict.goal.source,
                texts,
                titles.get(verdict.goal.source.doc, ""),
                page(verdict.goal.source),
            ),
        )
        for verdict in audit.dropped
    )


def candidate_views(
    audit: Audit, texts: Mapping[str, str] | None = None, *, catalog: Catalog | None = None
) -> dict[str, tuple[CandidateView, ...]]:
    """The candidates of every goal a person should decide on (``targettrack review``), by
    goal id: each outcome quoted, with the verdict it would make."""
    from ..decisions import proposals

    titles = {d.name: d.title for d in audit.documents}
    page = _pager(audit)
    found: dict[str, tuple[CandidateView, ...]] = {}
    for proposal in proposals(audit, catalog=catalog):
        found[proposal.verdict.goal.id] = tuple(
            CandidateView(
                id=c.outcome.id,
                value=amount_text(c.outcome.value),
                period=str(c.outcome.period),
                metric=c.outcome.metric,
                quote=quote_view(
                    c.outcome.source,
                    texts,
                    titles.get(c.outcome.source.doc, ""),
                    page(c.outcome.source),
                ),
                would_be=c.would_be.reason,
                usable=c.usable,
                taken=c.taken,
            )
            for c in proposal.candidates
        )
    return found
