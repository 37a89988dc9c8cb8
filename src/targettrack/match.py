"""The matcher: one verdict per goal — met, missed or unreported — with a reason a person can check.

Only outcomes of the goal's region and metric count, and only when they measure the same
thing the goal does (a level, a relative change, or a change in points). Values are converted
through the unit registry into the metric's unit; nothing of another kind is compared.

The rules, in the order a goal meets them:

* a recurring goal (每年) is judged year by year over its span;
* a baseline-relative goal (较2020年下降16%) compounds yearly changes, or compares two levels;
* a flow goal (新增…) over a span sums the flows of its years, or takes the difference of two
  stocks; a flow goal for one year takes that year's flow;
* a stock goal (累计…) is judged on the latest stock at or before its deadline;
* any other goal (a share, a rate, a level for a period) is judged on the outcome that covers
  most of its period; an outcome covering part of it decides a share or a rate provisionally.

A goal due after ``as_of`` without decisive evidence is unreported and marked not yet due.

What could be known on ``as_of``: when the audit is given its documents, a document issued
after ``as_of`` is left out — its goals are not set yet and its outcomes not reported yet —
and the audit names it (:attr:`Audit.left_out`). A document whose issue date is not known is
drawn on, named (:attr:`Audit.undated`), and every verdict that cites it is provisional.
"""

from __future__ import annotations

import bisect
import calendar
import datetime as dt
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from typing import Any, NamedTuple, Protocol

import attrs

from ._checks import check, check_date, check_items
from ._errors import UnitError, ValidationError
from .catalog import About, Catalog, Direction, Kind, Metric, convert_between, default_catalog
from .dataset import Dataset
from .measure import Alignment, NearIndex, align, measure_key, near
from .model import (
    Bound,
    Change,
    Comparator,
    Goal,
    Outcome,
    Pace,
    PaceStatus,
    Recurrence,
    Status,
    Unapplied,
    Unplaced,
    Verdict,
    YearResult,
    show,
)
from .periods import Period

__all__ = [
    "DEFAULT_TOLERANCE",
    "PACE_TOLERANCE",
    "Audit",
    "Reviewer",
    "SourceDocument",
    "audit",
    "audit_dataset",
    "issue_dates",
    "judge",
]

#: The tolerance of an ``about`` goal (左右) without one of its own: ±5 % of the target.
DEFAULT_TOLERANCE = 0.05

#: How far the progress observed may stray from the progress the path requires and still be
#: on track: ±5 % of it (ahead above, behind below).
PACE_TOLERANCE = 0.05

_EPSILON = 1e-9
_ADDITIVE_DIMENSIONS = {"money", "enterprise", "item", "person", "visit", "area", "energy"}


def _offsets(items: Iterable[int]) -> tuple[int, ...]:
    return tuple(items)


def _strings(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


@attrs.frozen
class SourceDocument:
    """A document the audit drew on.

    For a raw document, how it was read (``targettrack.read_document``): the reader, the
    encoding of a text file or web page, the SHA-256 of the text read, and for a PDF the offset
    each page starts at, from which a quote's page is told (:meth:`page_of`); and its identity
    as told from its text (:attr:`identity`).
    """

    name: str
    title: str = ""
    issued: dt.date | None = None
    reader: str = ""
    encoding: str | None = None
    sha256: str = ""
    pages: tuple[int, ...] = attrs.field(default=(), converter=_offsets)
    #: for a raw document, who wrote it and for which year, each decision with the signal and
    #: the span it rests on (``government 江苏 from the congress 江苏省 [40:43]``)
    identity: tuple[str, ...] = attrs.field(default=(), converter=_strings)

    def page_of(self, offset: int) -> int | None:
        """The page (from 1) the character at ``offset`` is on; None without pages."""
        if not self.pages:
            return None
        return max(1, bisect.bisect_right(self.pages, offset))


def _tuple(items: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(items)


@attrs.frozen
class Audit:
    """The verdicts on a set of goals, as of a date."""

    as_of: dt.date
    verdicts: tuple[Verdict, ...] = attrs.field(converter=_tuple)
    outcomes: tuple[Outcome, ...] = attrs.field(converter=_tuple, repr=False)
    documents: tuple[SourceDocument, ...] = attrs.field(converter=_tuple, default=())
    #: statements read from the documents that could not become goals or outcomes (not judged)
    unplaced: tuple[Unplaced, ...] = attrs.field(converter=_tuple, default=(), repr=False)
    #: the documents issued after ``as_of``: not drawn on (their goals are not judged, their
    #: outcomes not used)
    left_out: tuple[SourceDocument, ...] = attrs.field(converter=_tuple, default=())
    #: the goals of the documents left out, not judged as of ``as_of``
    left_out_goals: tuple[Goal, ...] = attrs.field(converter=_tuple, default=(), repr=False)
    #: the outcomes of the documents left out, not used as of ``as_of``
    left_out_outcomes: tuple[Outcome, ...] = attrs.field(converter=_tuple, default=(), repr=False)
    #: the names of the documents drawn on whose issue date is not known (verdicts citing
    #: them are provisional)
    undated: tuple[str, ...] = attrs.field(converter=_tuple, default=())
    #: the goals a person decided are not goals (:mod:`targettrack.decisions`): their
    #: verdicts, each with the decision, out of the counts
    dropped: tuple[Verdict, ...] = attrs.field(converter=_tuple, default=(), repr=False)
    #: the decisions that could not be applied, and why
    unapplied: tuple[Unapplied, ...] = attrs.field(converter=_tuple, default=(), repr=False)

    def counts(self) -> dict[Status, int]:
        """How many goals are met, missed and unreported."""
        counts = dict.fromkeys(Status, 0)
        for verdict in self.verdicts:
            counts[verdict.status] += 1
        return counts

    @property
    def judged_share(self) -> float:
        """The share of goals that could be judged at all (met or missed)."""
        if not self.verdicts:
            return 0.0
        judged = sum(1 for v in self.verdicts if v.status is not Status.UNREPORTED)
        return judged / len(self.verdicts)

    #: goal id → the (first) verdict on it, so that :meth:`verdict` is a lookup
    _by_id: dict[str, Verdict] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        by_id: dict[str, Verdict] = {}
        for verdict in self.verdicts:
            by_id.setdefault(verdict.goal.id, verdict)
        object.__setattr__(self, "_by_id", by_id)

    def verdict(self, goal_id: str) -> Verdict:
        """The verdict on the goal with id ``goal_id``."""
        try:
            return self._by_id[goal_id]
        except KeyError:
            raise KeyError(f"no goal {goal_id!r} in this audit") from None

    def summary(self) -> str:
        """One line: the counts by status and the date."""
        counts = self.counts()
        return (
            f"{len(self.verdicts)} goals as of {self.as_of.isoformat()}: "
            f"{counts[Status.MET]} met, {counts[Status.MISSED]} missed, "
            f"{counts[Status.UNREPORTED]} unreported"
        )


class Reviewer(Protocol):
    """What applies a person's decisions to an audit: :class:`targettrack.decisions.Decisions`
    (a decisions file, ``targettrack.load_decisions``). The audit hands it its verdicts; it
    gives them back with the decisions in force on the audit's date applied."""

    def apply(self, audit: Audit, *, catalog: Catalog | None = None) -> Audit: ...


def audit(
    goals: Iterable[Goal],
    outcomes: Iterable[Outcome],
    as_of: dt.date | None = None,
    *,
    catalog: Catalog | None = None,
    documents: Iterable[SourceDocument] = (),
    unplaced: Iterable[Unplaced] = (),
    decisions: Reviewer | None = None,
) -> Audit:
    """Judge every goal against the outcomes: one :class:`Verdict` per goal, in goal order.

    ``documents`` describe the documents the goals and outcomes come from, with their issue
    dates. Given them, the audit uses only what was published on or before ``as_of``: the
    goals and outcomes of a document issued later are left out (:attr:`Audit.left_out`), and
    a document with no known date (not among ``documents``, or without ``issued``) is named in
    :attr:`Audit.undated` and makes every verdict citing it provisional. Without
    ``documents``, every goal and outcome is taken as published.

    ``unplaced``: the statements read from the documents that could not become goals or
    outcomes; they are not judged, only carried into the report.

    ``decisions``: a person's decisions on the verdicts (``targettrack.load_decisions``,
    docs/review.md), applied once the machine has judged: each decision taken on or before
    ``as_of`` replaces (or confirms) the verdict on its goal, and what cannot be applied is
    listed in :attr:`Audit.unapplied`.
    """
    goals = check_items("goals", goals, Goal, "goals (Goal)")
    outcomes = check_items("outcomes", outcomes, Outcome, "outcomes (Outcome)")
    as_of = check_date("as_of", as_of) or dt.date.today()
    check("catalog", catalog, (Catalog, type(None)), "a Catalog or None")
    documents = tuple(check_items("documents", documents, SourceDocument, "SourceDocument"))
    unplaced = check_items("unplaced", unplaced, Unplaced, "unplaced statements (Unplaced)")
    catalog = catalog or default_catalog()
    dates = issue_dates(documents)
    later = {name for name, date in dates.items() if date is not None and date > as_of}
    left_out = tuple(d for d in documents if d.name in later)
    left_goals = [g for g in goals if g.source.doc in later]
    left_outcomes = [o for o in outcomes if o.source.doc in later]
    goals = [g for g in goals if g.source.doc not in later]
    outcomes = [o for o in outcomes if o.source.doc not in later]
    unplaced = [u for u in unplaced if u.source.doc not in later]
    undated: list[str] = []
    if documents:
        named = [*dates, *(g.source.doc for g in goals), *(o.source.doc for o in outcomes)]
        undated = sorted({name for name in named if dates.get(name) is None})
    outcome_list = sorted(outcomes, key=lambda o: (o.period.start, o.period.end, o.id))
    index: _Index = _Index(list)
    keys = index.measure_keys
    for outcome in outcome_list:
        key = keys.get(outcome.metric)
        if key is None:
            key = keys[outcome.metric] = measure_key(outcome.metric, catalog)
        index[(outcome.region, key)].append(outcome)
    issued = {name: date for name, date in dates.items() if date is not None}
    verdicts = []
    undated_names = set(undated)
    for goal in goals:
        verdict = judge(goal, index, as_of, catalog, issued)
        key = keys.get(goal.metric)
        if key is None:
            key = keys[goal.metric] = measure_key(goal.metric, catalog)
        if not _due(verdict.goal, as_of):
            verdict = attrs.evolve(
                verdict, pace=pace(verdict, index, as_of, catalog, issued, key=key)
            )
        verdicts.append(_state(verdict, metric_of(goal, key, catalog), undated_names, as_of))
    result = Audit(
        as_of=as_of,
        verdicts=verdicts,
        outcomes=outcome_list,
        documents=documents,
        unplaced=unplaced,
        left_out=left_out,
        left_out_goals=left_goals,
        left_out_outcomes=left_outcomes,
        undated=undated,
    )
    return result if decisions is None else decisions.apply(result, catalog=catalog)


def issue_dates(documents: Iterable[SourceDocument]) -> dict[str, dt.date | None]:
    """Each document's issue date by name (the first date given for a name; ``None`` when
    no entry of the name gives one)."""
    dates: dict[str, dt.date | None] = {}
    for document in documents:
        if dates.get(document.name) is None:
            dates[document.name] = document.issued
    return dates


_BOUND_ORDER = (Bound.EXACT, Bound.APPROXIMATE, Bound.LOWER, Bound.UPPER)


def _state(verdict: Verdict, metric: Metric | None, undated: set[str], as_of: dt.date) -> Verdict:
    """The evidence state as data: coverage, estimate, bound, and why a verdict is
    provisional. A verdict drawing on a document of unknown date is provisional: the
    document may have been issued after the as-of date."""
    goal = verdict.goal
    evidence = verdict.evidence
    period = _judged_period(goal)
    coverage = _coverage(period, [o.period for o in evidence], stock=_is_stock(metric, goal))
    estimates = [o for o in evidence if o.estimate]
    bounds = [o for o in evidence if o.bound is not Bound.EXACT]
    bound = max((o.bound for o in bounds), key=_BOUND_ORDER.index, default=Bound.EXACT)
    docs = sorted({goal.source.doc, *(o.source.doc for o in evidence)} & undated)
    dated = not docs or (verdict.status is Status.UNREPORTED and not evidence)
    provisional = verdict.provisional or not dated
    why: list[str] = []
    if provisional:
        if coverage is not None and coverage < 1 - _EPSILON:
            why.append(f"the evidence covers {show(coverage * 100)}% of {period}")
        silent = [
            y.year
            for y in verdict.years
            if y.status is Status.UNREPORTED and _month_end(Period.from_year(y.year)) < as_of
        ]
        if verdict.years and silent and verdict.status is not Status.UNREPORTED:
            why.append(f"no data for {_years(silent)}")
        if estimates:
            why.append(f"an estimate: {', '.join(o.id for o in estimates)}")
        for o in bounds:
            words = "approximate" if o.bound is Bound.APPROXIMATE else f"a {o.bound.value} bound"
            why.append(f"{words}: {o.id}")
        if not dated:
            why.append(f"the issue date of {', '.join(docs)} is not known")
        if not why:
            why.append("the evidence covers only part of what the goal needs")
    return attrs.evolve(
        verdict,
        provisional=provisional,
        coverage=coverage,
        estimate=bool(estimates),
        bound=bound,
        provisional_why=why,
    )


def _judged_period(goal: Goal) -> Period:
    """The period a goal's evidence is measured against: its span for a recurring goal or a
    flow over a span, else its period."""
    if goal.span is not None:
        return goal.span
    return goal.period


def _is_stock(metric: Metric | None, goal: Goal) -> bool:
    return metric is not None and metric.kind is Kind.STOCK and goal.change is None


def _coverage(period: Period, periods: Sequence[Period], *, stock: bool) -> float | None:
    """The share of ``period`` the evidence covers: the months of it that the evidence's
    periods cover, or — for a stock, a total at a point in time — how far into it the latest
    total reaches."""
    if not periods:
        return None
    if stock:
        reach = min(max(p.end for p in periods), period.end) - period.start + 1
        return max(0.0, reach / period.n_months)
    months = {
        m for p in periods for m in range(max(p.start, period.start), min(p.end, period.end) + 1)
    }
    return len(months) / period.n_months


# -- helpers ----------------------------------------------------------------------------------


def _month_end(period: Period) -> dt.date:
    year, month = period.end_year, period.end_month
    return dt.date(year, month, calendar.monthrange(year, month)[1])  # 9999年12月 too


def _due(goal: Goal, as_of: dt.date) -> bool:
    last = goal.span if goal.recurrence is Recurrence.ANNUAL and goal.span else goal.period
    return as_of > _month_end(last)


class _Reading(NamedTuple):
    """An outcome's value in the metric's unit, ready to compare (a tuple: one is made for
    every outcome a goal can use, and a tuple is built several times faster than a class)."""

    outcome: Outcome
    value: float


class _Scale:
    """Conversion and display of a goal's values in its metric's unit."""

    def __init__(self, goal: Goal, metric: Metric | None) -> None:
        self.goal = goal
        self.metric = metric
        self.change = goal.change
        # the factor from each unit met so far to the scale's unit (None: cannot be put in it);
        # every conversion is linear, so a value costs one multiplication once its unit is known
        self._factors: dict[str, float | None] = {}

    def target(self) -> tuple[float, float | None]:
        goal = self.goal
        low = self.convert(goal.target.value, goal.target.unit)
        high = (
            None
            if goal.target_high is None
            else self.convert(goal.target_high.value, goal.target_high.unit)
        )
        return low, high

    def convert(self, value: float, unit: str) -> float:
        factor = self.factor(unit)
        if factor is None:
            return self._convert(value, unit)  # raises, saying what was expected
        return value * factor

    def factor(self, unit: str) -> float | None:
        """The factor from ``unit`` to the scale's unit, or None when it cannot be put in it."""
        try:
            return self._factors[unit]
        except KeyError:
            pass
        factor: float | None
        try:
            factor = self._convert(1.0, unit)
        except (ValidationError, UnitError):
            factor = None
        self._factors[unit] = factor
        return factor

    def _convert(self, value: float, unit: str) -> float:
        if self.metric is None:
            # a measure the catalog does not know: in the goal's own unit
            target = "" if self.change is not None else self.goal.target.unit
            return convert_between(value, unit, target, change=self.change is not None)
        return self.metric.convert(value, unit, change=self.change is not None)

    def read(self, outcome: Outcome) -> _Reading:
        return _Reading(outcome, self.convert(outcome.value.value, outcome.value.unit))

    def show(self, value: float) -> str:
        if self.change is Change.RELATIVE:
            return f"{show(value * 100)}%"
        if self.change is Change.POINTS:
            return f"{show(value * 100)}个百分点"
        unit = self.metric.unit if self.metric else self.goal.target.unit
        return f"{show(value)}{unit}"


def _describe(goal: Goal, scale: _Scale) -> str:
    """The target in the metric's unit: ``≥ 130家``, ``≈ 6.5% ±5%``, ``∈ [5%, 5.5%]``."""
    low, high = scale.target()
    if goal.comparator is Comparator.RANGE and high is not None:
        return f"∈ [{scale.show(low)}, {scale.show(high)}]"
    return f"{goal.comparator.symbol} {scale.show(low)}"


def _cite(outcome: Outcome) -> str:
    flags = []
    if outcome.estimate:
        flags.append("estimate")
    if outcome.bound is Bound.LOWER:
        flags.append("lower bound")
    elif outcome.bound is Bound.UPPER:
        flags.append("upper bound")
    elif outcome.bound is Bound.APPROXIMATE:
        flags.append("approximate")
    extra = f", {', '.join(flags)}" if flags else ""
    return f"{outcome.period}{extra}, {outcome.source}"


def _about(metric: Metric | None, goal: Goal) -> About:
    """How 左右 reads: as the catalog says for the metric; with a tolerance of its own written
    into the goal, or for a measure the catalog does not know, as a band."""
    if goal.tolerance is not None or metric is None:
        return About.BAND
    return metric.about_reading


def _direction(metric: Metric | None) -> Direction:
    return metric.direction if metric else Direction.HIGHER


def _compare(goal: Goal, metric: Metric | None, achieved: float, scale: _Scale) -> tuple[bool, str]:
    """Whether ``achieved`` meets the goal, and the comparison as text."""
    low, high = scale.target()
    value = scale.show(achieved)
    comparator = goal.comparator
    if comparator is Comparator.AT_LEAST:
        ok = achieved >= low - _EPSILON * max(1.0, abs(low))
        return ok, f"{value} {'≥' if ok else '<'} {scale.show(low)}"
    if comparator is Comparator.AT_MOST:
        ok = achieved <= low + _EPSILON * max(1.0, abs(low))
        return ok, f"{value} {'≤' if ok else '>'} {scale.show(low)}"
    if comparator is Comparator.EXACTLY:
        ok = math.isclose(achieved, low, rel_tol=1e-9, abs_tol=1e-12)
        return ok, f"{value} {'=' if ok else '≠'} {scale.show(low)}"
    if comparator is Comparator.RANGE and high is not None:
        return _compare_range(metric, achieved, low, high, scale)
    reading = _about(metric, goal)
    if reading is not About.BAND:
        # 增长5%左右 is met at or above 5%; 居民消费价格涨幅2%左右 at or below 2%
        floor = reading is About.FLOOR
        ok = (
            achieved >= low - _EPSILON * max(1.0, abs(low))
            if floor
            else (achieved <= low + _EPSILON * max(1.0, abs(low)))
        )
        sign = ("≥" if ok else "<") if floor else ("≤" if ok else ">")
        side = "a floor" if floor else "a ceiling"
        return ok, f"{value} {sign} {scale.show(low)} (左右 read as {side} for this measure)"
    tolerance = goal.tolerance if goal.tolerance is not None else DEFAULT_TOLERANCE
    margin = abs(low) * tolerance
    lower, upper = low - margin, low + margin
    tol = f"±{show(tolerance * 100)}%"
    if _direction(metric) is Direction.HIGHER:
        ok = achieved >= lower - _EPSILON
        if ok and achieved > upper:
            return (
                True,
                f"{value} ≥ {scale.show(low)} {tol} (above the target meets a higher-is-better goal)",
            )
        return ok, f"{value} {'≈' if ok else '<'} {scale.show(low)} {tol}"
    ok = achieved <= upper + _EPSILON
    if ok and achieved < lower:
        return (
            True,
            f"{value} ≤ {scale.show(low)} {tol} (below the target meets a lower-is-better goal)",
        )
    return ok, f"{value} {'≈' if ok else '>'} {scale.show(low)} {tol}"


def _compare_range(
    metric: Metric | None, achieved: float, low: float, high: float, scale: _Scale
) -> tuple[bool, str]:
    """A range (5%—5.5%) is met within it, and beyond it on the side the metric is better on:
    above for a higher-is-better metric (7.1% beats 增长5%—5.5%), below for a lower-is-better
    one. A metric whose 左右 reads as a band (docs/catalog.md) is met only within the range."""
    bounds = f"[{scale.show(low)}, {scale.show(high)}]"
    value = scale.show(achieved)
    if low - _EPSILON <= achieved <= high + _EPSILON:
        return True, f"{value} within {bounds}"
    reading = metric.about_reading if metric is not None else About.FLOOR
    if achieved > high:
        if reading is About.FLOOR:
            return True, f"{value} above the range {bounds} (above meets a higher-is-better goal)"
        return False, f"{value} above the range {bounds}"
    if reading is About.CEILING:
        return True, f"{value} below the range {bounds} (below meets a lower-is-better goal)"
    return False, f"{value} below the range {bounds}"


def _ratio(goal: Goal, achieved: float, scale: _Scale) -> float | None:
    low, _ = scale.target()
    if low == 0:
        return None
    return achieved / low


def _uncertain(reading: _Reading, met: bool, goal: Goal) -> bool:
    """True when an estimate or a bound leaves the comparison open."""
    outcome = reading.outcome
    if outcome.estimate:
        return True
    if outcome.bound is Bound.LOWER:
        # at least the value: a miss at the bound could still be a meet
        return not met if goal.comparator is not Comparator.AT_MOST else met
    if outcome.bound is Bound.UPPER:
        return met if goal.comparator is not Comparator.AT_MOST else not met
    return False


def _best(readings: Sequence[_Reading], period: Period) -> _Reading | None:
    """The reading covering most of ``period``: most coverage, latest end, exact before estimate."""
    inside = [r for r in readings if period.contains(r.outcome.period)]
    if not inside:
        return None
    return max(
        inside,
        key=lambda r: (
            r.outcome.period.n_months,
            r.outcome.period.end,
            not r.outcome.estimate,
            r.outcome.bound is Bound.EXACT,
            r.outcome.id,
        ),
    )


def _is_additive(metric: Metric | None, goal: Goal) -> bool:
    """Values that accumulate through a period (flows, amounts), so part of it is not the whole."""
    if metric is None or goal.change is not None:
        return False
    return metric.kind in (Kind.FLOW, Kind.LEVEL) and metric.dimension in _ADDITIVE_DIMENSIONS


def _verdict(goal: Goal, status: Status, reason: str, **details: Any) -> Verdict:
    return Verdict.from_goal(goal, status, reason, **details)


def _pending(
    goal: Goal,
    scale: _Scale,
    achieved: float,
    reason: str,
    evidence: Iterable[Outcome],
    *,
    due: bool,
) -> Verdict:
    """Unreported for now: part of the evidence, shown with what it adds up to so far."""
    return _verdict(
        goal,
        Status.UNREPORTED,
        reason,
        evidence=tuple(evidence),
        achieved=achieved,
        achieved_unit=_unit_of(scale),
        achieved_ratio=_ratio(goal, achieved, scale),
        provisional=True,
        not_yet_due=not due,
    )


def _decided(
    goal: Goal,
    scale: _Scale,
    achieved: float,
    met: bool,
    reason: Callable[[Status], str],
    evidence: Iterable[Outcome],
    *,
    due: bool = True,
    provisional: bool = False,
) -> Verdict:
    """The verdict once the evidence decides: met or missed (unreported while not yet due)."""
    status = Status.MET if met else Status.MISSED
    if not due and not met:
        status = Status.UNREPORTED
    return _verdict(
        goal,
        status,
        reason(status),
        evidence=tuple(evidence),
        achieved=achieved,
        achieved_unit=_unit_of(scale),
        achieved_ratio=_ratio(goal, achieved, scale),
        provisional=provisional,
        not_yet_due=not due and status is Status.UNREPORTED,
    )


# -- the rules ---------------------------------------------------------------------------------


def metric_of(goal: Goal, key: str, catalog: Catalog) -> Metric | None:
    """The catalog's indicator a goal of measure ``key`` is judged as, or None: a goal whose
    target is in a unit the indicator cannot take (新开工改造城镇老旧小区3011万平方米 when the
    indicator counts 个) keeps the unit its text says and is compared only with figures in a
    unit that converts to it."""
    metric = catalog.get(key)
    if metric is not None and _Scale(goal, metric).factor(goal.target.unit) is None:
        return None
    return metric


def judge(
    goal: Goal,
    index: dict[tuple[str, str], list[Outcome]],
    as_of: dt.date,
    catalog: Catalog,
    issued: dict[str, dt.date] | None = None,
) -> Verdict:
    """The verdict on one goal, given outcomes indexed by (region, metric).

    ``issued`` maps document names to their dates: a plan's goals are judged only on stocks
    reported after the plan was issued (or within the goal's span).
    """
    issued = issued or {}
    if isinstance(index, _Index):
        key = index.measure_keys.get(goal.metric) or index.measure_keys.setdefault(
            goal.metric, measure_key(goal.metric, catalog)
        )
    else:
        key = measure_key(goal.metric, catalog)
    if key != goal.metric:
        goal = attrs.evolve(goal, metric=key)
    metric = metric_of(goal, key, catalog)
    same = index.get((goal.region, key), ())
    if not same and metric is None:
        aligned, ties = align(key, _near(index, goal.region, key, limit=_ALIGNED), catalog)
        if aligned is not None:
            return _through(
                goal,
                aligned,
                judge(attrs.evolve(goal, metric=aligned.key), index, as_of, catalog, issued),
            )
        if ties:
            return _unmatched(goal, index, same, as_of, ties)
    candidates = _candidates(goal, metric, index, same)
    if not candidates and (metric is None or metric.kind not in (Kind.FLOW, Kind.STOCK)):
        return _unmatched(goal, index, same, as_of)
    due = _due(goal, as_of)
    if goal.recurrence is Recurrence.ANNUAL and goal.span is not None:
        return _annual(goal, metric, candidates, index, as_of, catalog, issued)
    if goal.baseline is not None:
        return _baseline(goal, metric, index, as_of, due)
    if metric is not None and metric.kind is Kind.FLOW:
        return _flow(goal, metric, candidates, index, as_of, due, goal.span or goal.period)
    if metric is not None and metric.kind is Kind.STOCK:
        return _stock(goal, metric, candidates, index, due, catalog, _plan_start(goal, issued))
    return _level(goal, metric, candidates, due, goal.period)


def _through(goal: Goal, aligned: Alignment, verdict: Verdict) -> Verdict:
    """The verdict reached on the outcomes of a close wording (:func:`targettrack.measure.align`),
    said in its reason and as data, for a person to confirm."""
    note = f" Through a close wording: {aligned.describe(goal.metric)}."
    return attrs.evolve(
        verdict,
        goal=goal,
        reason=verdict.reason + note,
        match="close wording",
        differing=aligned.differing,
    )


def _unmatched(
    goal: Goal,
    index: dict[tuple[str, str], list[Outcome]],
    same: Sequence[Outcome],
    as_of: dt.date,
    ties: Sequence[Alignment] = (),
) -> Verdict:
    """Unreported: no outcome of the same measure and kind of figure; the reason names the
    near candidates that were not taken as evidence, and why."""
    due = _due(goal, as_of)
    notes = []
    if ties:
        notes.append(
            "close wordings equally near, none taken: "
            + "; ".join(a.describe(goal.metric) for a in ties)
        )
    if any(o.change is goal.change for o in same):
        units = sorted({o.value.unit for o in same if o.change is goal.change})
        notes.append(
            f"the outcomes of {goal.metric} are in {', '.join(units)}, which cannot be put in "
            f"the goal's {goal.target.unit or 'unit'}"
        )
    elif same:
        kinds = sorted({_figure_kind(o.change) for o in same})
        notes.append(
            f"the outcomes give {goal.metric} only as {', '.join(kinds)}, not as "
            f"{_figure_kind(goal.change)}"
        )
    close = _near(index, goal.region, goal.metric)
    if close:
        shown = []
        for other in close:
            example = index[(goal.region, other)][-1]
            shown.append(f"{other} ({example.source} “{example.source.quote}”)")
        notes.append("near measures, not the same: " + "; ".join(shown))
    extra = f" ({'; '.join(notes)})" if notes else ""
    return _verdict(
        goal,
        Status.UNREPORTED,
        f"unreported: no outcome of {goal.metric} for {goal.period}{extra}.{_not_due_note(due)}",
        not_yet_due=not due,
    )


class _Index(defaultdict[tuple[str, str], list[Outcome]]):
    """Outcomes by (region, measure key), with the keys of each region, the near measures of
    each key and the outcomes each kind of goal can use worked out once per audit rather than
    once per goal."""

    def __init__(self, factory: Callable[[], list[Outcome]]) -> None:
        super().__init__(factory)
        self.near: dict[tuple[str, str], list[str]] = {}
        self.regions: dict[str, NearIndex] | None = None
        self.usable: dict[tuple[str, str, Change | None, str], _Usable] = {}
        #: measure keys by metric as written (:func:`targettrack.measure.measure_key`)
        self.measure_keys: dict[str, str] = {}


class _Usable(list[Outcome]):
    """The outcomes one kind of goal can use (:func:`_candidates`), with their readings within
    each period, and the best of them, worked out once for every goal of that kind: each
    outcome's value is converted once, not once per goal."""

    def __init__(self, outcomes: Iterable[Outcome], scale: _Scale) -> None:
        super().__init__(outcomes)
        self.scale = scale
        self.by_period: dict[Period, list[Outcome]] | None = None
        self.within: dict[Period, list[_Reading]] = {}
        self.best: dict[Period, _Reading | None] = {}

    def readings_within(self, period: Period) -> list[_Reading]:
        found = self.within.get(period)
        if found is None:
            if self.by_period is None:
                self.by_period = defaultdict(list)
                for outcome in self:
                    self.by_period[outcome.period].append(outcome)
            found = self.within[period] = [
                self.scale.read(outcome)
                for own, outcomes in self.by_period.items()
                if period.contains(own)
                for outcome in outcomes
            ]
        return found


def _readings_within(outcomes: Sequence[Outcome], scale: _Scale, period: Period) -> list[_Reading]:
    """The readings of the outcomes whose period lies within ``period``."""
    if isinstance(outcomes, _Usable):
        return outcomes.readings_within(period)
    return [scale.read(o) for o in outcomes if period.contains(o.period)]


def _best_within(outcomes: Sequence[Outcome], scale: _Scale, period: Period) -> _Reading | None:
    """:func:`_best` of the readings within ``period``."""
    if isinstance(outcomes, _Usable):
        if period not in outcomes.best:
            outcomes.best[period] = _best(outcomes.readings_within(period), period)
        return outcomes.best[period]
    return _best(_readings_within(outcomes, scale, period), period)


def _candidates(
    goal: Goal,
    metric: Metric | None,
    index: dict[tuple[str, str], list[Outcome]],
    same: Sequence[Outcome],
) -> list[Outcome]:
    """The outcomes of the goal's measure that are the same kind of figure and whose unit can
    be put in the goal's terms (a count of persons is not an amount of money, whatever the
    words). They depend on the goal only through its change and, for a measure the catalog
    does not know, its unit, so they are worked out once for all goals alike."""
    unit = "" if metric is not None or goal.change is not None else goal.target.unit
    key = (goal.region, goal.metric, goal.change, unit)
    if isinstance(index, _Index) and key in index.usable:
        return index.usable[key]
    scale = _Scale(goal, metric)
    found = _Usable(
        (o for o in same if o.change is goal.change and scale.factor(o.value.unit) is not None),
        scale,
    )
    if isinstance(index, _Index):
        index.usable[key] = found
    return found


#: how many near measures a close wording is looked for among
_ALIGNED = 12


def _near(
    index: dict[tuple[str, str], list[Outcome]], region: str, key: str, *, limit: int = 3
) -> list[str]:
    """The measures of ``region`` near ``key`` (:func:`targettrack.measure.near`)."""
    if not isinstance(index, _Index):
        return near(key, {k for (r, k) in index if r == region}, limit=limit)
    if index.regions is None:
        keys: dict[str, set[str]] = defaultdict(set)
        for r, k in index:
            keys[r].add(k)
        index.regions = {r: NearIndex(k) for r, k in keys.items()}
    found = index.near.get((region, key))
    if found is None:
        # the closest few, once: the near measures a reason names are the first three
        known = index.regions.get(region)
        found = index.near[(region, key)] = known.near(key, limit=_ALIGNED) if known else []
    return found[:limit]


def _figure_kind(change: Change | None) -> str:
    if change is Change.RELATIVE:
        return "a growth rate"
    if change is Change.POINTS:
        return "a change in percentage points"
    return "a level"


def _plan_start(goal: Goal, issued: dict[str, dt.date]) -> int:
    """The first month a goal's progress can be read from: its span, else its plan's date."""
    if goal.span is not None:
        return goal.span.start
    date = issued.get(goal.source.doc)
    if date is not None:
        return date.year * 12 + date.month - 1
    return goal.period.start


def _not_due_note(due: bool) -> str:
    return "" if due else " The deadline has not passed yet."


def _level(
    goal: Goal, metric: Metric | None, outcomes: Sequence[Outcome], due: bool, period: Period
) -> Verdict:
    scale = _Scale(goal, metric)
    # only the figures within the period are read (converted): many may not be
    best = _best_within(outcomes, scale, period)
    additive = _is_additive(metric, goal)
    if best is None:
        earlier = [o for o in outcomes if o.period.end < period.start]
        hint = ""
        if earlier:
            last = scale.read(max(earlier, key=lambda o: (o.period.end, o.id)))
            hint = (
                f" The latest figure, {scale.show(last.value)} ({_cite(last.outcome)}), is for an "
                f"earlier period and does not decide a goal for {period}."
            )
        return _verdict(
            goal,
            Status.UNREPORTED,
            f"unreported: no outcome for {period}.{hint}{_not_due_note(due)}",
            not_yet_due=not due,
        )
    coverage = best.outcome.period.n_months / period.n_months
    met, comparison = _compare(goal, metric, best.value, scale)
    partial = coverage < 1
    if partial and additive:
        # part of a period's amount is not the amount: decisive only once it already meets
        if met and goal.comparator is Comparator.AT_LEAST:
            reason = (
                f"met: {comparison} already in {best.outcome.period}, part of {period} "
                f"({_cite(best.outcome)})"
            )
            return _verdict(
                goal,
                Status.MET,
                reason,
                evidence=(best.outcome,),
                achieved=best.value,
                achieved_unit=_unit_of(scale),
                achieved_ratio=_ratio(goal, best.value, scale),
                provisional=_uncertain(best, met, goal),
            )
        pace = _pace(best.value, scale.target()[0], coverage)
        return _pending(
            goal,
            scale,
            best.value,
            f"unreported: only {best.outcome.period} of {period} is reported — "
            f"{scale.show(best.value)} so far ({_cite(best.outcome)}); {pace}.{_not_due_note(due)}",
            (best.outcome,),
            due=due,
        )
    suffix = (
        f" (provisional: {best.outcome.period} covers {show(coverage * 100)}% of {period})"
        if partial
        else ""
    )
    return _decided(
        goal,
        scale,
        best.value,
        met,
        lambda status: (
            f"{status.value}: {comparison} ({_cite(best.outcome)}){suffix}.{_not_due_note(due)}"
        ),
        (best.outcome,),
        due=due,
        provisional=partial or _uncertain(best, met, goal),
    )


def _unit_of(scale: _Scale) -> str:
    if scale.change is Change.RELATIVE:
        return "ratio"
    if scale.change is Change.POINTS:
        return "percentage_point_fraction"
    return scale.metric.unit if scale.metric else ""


def _pace(done: float, target: float, elapsed: float) -> str:
    if target == 0:
        return "progress cannot be set against a zero target"
    progress = done / target
    words = {
        PaceStatus.AHEAD: "ahead of pace",
        PaceStatus.ON_TRACK: "keeping pace",
        PaceStatus.BEHIND: "behind pace",
    }
    verdict = words[_pace_status(progress / elapsed if elapsed > 0 else None)]
    return (
        f"{show(progress * 100)}% of the target in {show(elapsed * 100)}% of the period "
        f"({verdict}: 时间过半、任务过半)"
    )


def _pace_status(ratio: float | None) -> PaceStatus:
    """Ahead, on track or behind: the ratio of the progress observed to the progress
    required, against :data:`PACE_TOLERANCE`."""
    if ratio is None:
        return PaceStatus.ON_TRACK
    if ratio > 1 + PACE_TOLERANCE + _EPSILON:
        return PaceStatus.AHEAD
    if ratio >= 1 - PACE_TOLERANCE - _EPSILON:
        return PaceStatus.ON_TRACK
    return PaceStatus.BEHIND


def pace(
    verdict: Verdict,
    index: dict[tuple[str, str], list[Outcome]],
    as_of: dt.date,
    catalog: Catalog,
    issued: dict[str, dt.date] | None = None,
    *,
    key: str | None = None,
) -> Pace | None:
    """The pace of a goal not yet due: the value observed against the path from the
    baseline to the target by the deadline (``None`` when the goal is due, recurs every
    year, or has no baseline or no later observation).

    * a change since a baseline (较2020年下降16%): from no change at the baseline to the
      target, compound for a relative change, linear for points; observed: the change so far;
    * additions over a span (到2025年新增…): from none before the span, linear; observed: the
      sum so far;
    * a level, share, ratio or total: from the latest value at or before the plan's start
      (its span, else the date it was issued) to the target, linear; observed: the latest
      value after it (for an amount that adds up through a period, whole periods only).

    A goal whose growth rate for one period is the target (增长6.5%) has no path. ``key``: the
    goal's measure key (:func:`targettrack.measure.measure_key`), when already worked out.
    """
    goal = verdict.goal
    if _due(goal, as_of) or goal.recurrence is Recurrence.ANNUAL:
        return None
    key = key or measure_key(goal.metric, catalog)
    metric = metric_of(goal, key, catalog)
    scale = _Scale(goal, metric)
    low, high = scale.target()
    target = high if high is not None and _about(metric, goal) is About.CEILING else low
    whole = goal.span or goal.period
    partial_amount = (
        _is_additive(metric, goal)
        and bool(verdict.evidence)
        and all(whole.contains(o.period) for o in verdict.evidence)
    )
    additions = goal.change is None and (
        (metric is not None and metric.kind is Kind.FLOW) or partial_amount
    )
    if goal.baseline is not None or additions:
        if not verdict.evidence or verdict.achieved is None:
            return None
        start = goal.baseline.end if goal.baseline is not None else whole.start - 1
        base_period = goal.baseline or Period(start, start)
        observed_end = max(o.period.end for o in verdict.evidence)
        observed_period = _covering(verdict.evidence)
        return _path(
            goal,
            metric,
            scale,
            0.0,
            base_period,
            verdict.achieved,
            observed_period,
            observed_end,
            target,
            compound=goal.change is Change.RELATIVE,
            evidence=tuple(o.id for o in verdict.evidence),
        )
    if goal.change is not None:
        return None
    additive = _is_additive(metric, goal)
    readings = []
    keyed = attrs.evolve(goal, metric=key) if key != goal.metric else goal
    for outcome in _candidates(keyed, metric, index, index.get((goal.region, key), ())):
        if additive and outcome.period.n_months != goal.period.n_months:
            continue
        readings.append(scale.read(outcome))
    plan_start = _plan_start(goal, issued or {})
    before = [r for r in readings if r.outcome.period.end <= plan_start]
    if not before:
        return None
    order = lambda r: (  # noqa: E731
        r.outcome.period.end,
        r.outcome.period.n_months,
        not r.outcome.estimate,
        r.outcome.id,
    )
    base = max(before, key=order)
    after = [
        r for r in readings if base.outcome.period.end < r.outcome.period.end <= goal.period.end
    ]
    stock = _is_stock(metric, goal)
    if stock and verdict.evidence and verdict.achieved is not None:
        end = max(o.period.end for o in verdict.evidence)
        if end > base.outcome.period.end:
            return _path(
                goal,
                metric,
                scale,
                base.value,
                base.outcome.period,
                verdict.achieved,
                _covering(verdict.evidence),
                end,
                target,
                compound=False,
                evidence=(base.outcome.id, *(o.id for o in verdict.evidence)),
            )
    if not after:
        return None
    last = max(after, key=order)
    return _path(
        goal,
        metric,
        scale,
        base.value,
        base.outcome.period,
        last.value,
        last.outcome.period,
        last.outcome.period.end,
        target,
        compound=False,
        evidence=(base.outcome.id, last.outcome.id),
    )


def _covering(outcomes: Sequence[Outcome]) -> Period:
    return Period(min(o.period.start for o in outcomes), max(o.period.end for o in outcomes))


def _path(
    goal: Goal,
    metric: Metric | None,
    scale: _Scale,
    baseline: float,
    baseline_period: Period,
    observed: float,
    observed_period: Period,
    observed_end: int,
    target: float,
    *,
    compound: bool,
    evidence: tuple[str, ...],
) -> Pace | None:
    """The pace on the path from ``baseline`` at the end of ``baseline_period`` to ``target``
    at the end of the goal's period, observed at the end of month ``observed_end``."""
    total = goal.period.end - baseline_period.end
    passed = observed_end - baseline_period.end
    if total <= 0 or not 0 < passed <= total:
        return None
    elapsed = passed / total
    ratio: float | None
    if compound:
        if 1 + target <= 0 or 1 + observed <= 0:
            return None
        required = (1 + target) ** elapsed - 1
        rate_required = (1 + target) ** (12 / total) - 1
        rate_observed = (1 + observed) ** (12 / passed) - 1
        ratio = rate_observed / rate_required if abs(rate_required) > _EPSILON else None
    else:
        required = baseline + (target - baseline) * elapsed
        step = required - baseline
        ratio = (
            (observed - baseline) / step if abs(step) > _EPSILON * max(1.0, abs(target)) else None
        )
    status = _pace_status(ratio)
    met, _ = _compare(goal, metric, observed, scale)
    if met:
        # the target is already reached: ahead, or on track for a target to stay near
        exact = goal.comparator in (Comparator.ABOUT, Comparator.EXACTLY, Comparator.RANGE)
        status = PaceStatus.ON_TRACK if exact else PaceStatus.AHEAD
    elif ratio is None:
        status = PaceStatus.BEHIND
    return Pace(
        path="compound" if compound else "linear",
        baseline=baseline,
        baseline_period=baseline_period,
        observed=observed,
        observed_period=observed_period,
        target=target,
        elapsed=elapsed,
        required=required,
        ratio=ratio,
        status=status,
        tolerance=PACE_TOLERANCE,
        evidence=evidence,
        unit=_unit_of(scale),
        reached=met,
    )


def _year_flows(
    readings: Sequence[_Reading], years: Iterable[int]
) -> tuple[dict[int, _Reading], dict[int, _Reading]]:
    """For each year, the full-year flow, or else the reading covering most of the year."""
    full: dict[int, _Reading] = {}
    part: dict[int, _Reading] = {}
    for year in years:
        period = Period.from_year(year)
        best = _best(readings, period)
        if best is None:
            continue
        if best.outcome.period == period:
            full[year] = best
        else:
            part[year] = best
    return full, part


def _flow(
    goal: Goal,
    metric: Metric,
    outcomes: Sequence[Outcome],
    index: dict[tuple[str, str], list[Outcome]],
    as_of: dt.date,
    due: bool,
    span: Period,
) -> Verdict:
    if span.n_months <= 12 and span.year is not None and span == goal.period:
        return _level(goal, metric, outcomes, due, span)
    scale = _Scale(goal, metric)
    readings = [scale.read(o) for o in outcomes]
    whole = [r for r in readings if r.outcome.period == span]
    if whole:
        # the additions over the whole span, stated at once (五年城镇新增就业6400万人)
        best = max(whole, key=lambda r: (r.outcome.source.doc, r.outcome.source.start))
        met, comparison = _compare(goal, metric, best.value, scale)
        return _decided(
            goal,
            scale,
            best.value,
            met,
            lambda status: (
                f"{status.value}: {comparison} over {span} ({_cite(best.outcome)})."
                f"{_not_due_note(due)}"
            ),
            (best.outcome,),
            due=due,
            provisional=best.outcome.estimate,
        )
    years = list(span.years())
    full, part = _year_flows(readings, years)
    used = sorted(
        [full[y] for y in years if y in full] + [part[y] for y in years if y in part],
        key=lambda r: r.outcome.period,
    )
    total = sum(r.value for r in used)
    missing = [y for y in years if y not in full]
    evidence = tuple(r.outcome for r in used)
    terms = " + ".join(f"{scale.show(r.value)} ({r.outcome.period})" for r in used)
    cites = "; ".join(_cite(r.outcome) for r in used)
    if not missing:
        met, comparison = _compare(goal, metric, total, scale)
        return _decided(
            goal,
            scale,
            total,
            met,
            lambda status: (
                f"{status.value}: {terms} = {comparison} over {span} ({cites}).{_not_due_note(due)}"
            ),
            evidence,
            due=due,
            provisional=any(r.outcome.estimate for r in used),
        )
    stocks = _stock_difference(goal, metric, index, span, scale)
    if stocks is not None:
        return stocks
    if used and goal.comparator is Comparator.AT_LEAST:
        met, comparison = _compare(goal, metric, total, scale)
        if met:
            return _verdict(
                goal,
                Status.MET,
                f"met: {terms} = {comparison} already, with {_years(missing)} not reported "
                f"(additions only add up) ({cites}).",
                evidence=evidence,
                achieved=total,
                achieved_unit=_unit_of(scale),
                achieved_ratio=_ratio(goal, total, scale),
                provisional=any(r.outcome.estimate for r in used),
            )
    if not used:
        return _verdict(
            goal,
            Status.UNREPORTED,
            f"unreported: no flow reported for any year of {span}.{_not_due_note(due)}",
            not_yet_due=not due,
        )
    if due:
        pace = "the total over the span is not known"
    else:
        elapsed_end = min(span.end, _ordinal(as_of))
        elapsed = max(0, elapsed_end - span.start + 1) / span.n_months
        pace = _pace(total, scale.target()[0], elapsed)
    return _pending(
        goal,
        scale,
        total,
        f"unreported: the flows reported cover only part of {span} — {terms} = "
        f"{scale.show(total)} against {_describe(goal, scale)}; no full-year figure for "
        f"{_years(missing)}; {pace} ({cites}).{_not_due_note(due)}",
        evidence,
        due=due,
    )


def _ordinal(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def _years(years: Sequence[int]) -> str:
    return ", ".join(str(y) for y in years)


def _stocks(
    goal: Goal, metric: Metric, index: dict[tuple[str, str], list[Outcome]]
) -> list[Outcome]:
    if metric.stock is None:
        return []
    return [o for o in index.get((goal.region, metric.stock), ()) if o.change is None]


def _stock_difference(
    goal: Goal,
    metric: Metric,
    index: dict[tuple[str, str], list[Outcome]],
    span: Period,
    scale: _Scale,
) -> Verdict | None:
    """A flow over ``span`` as the difference of the stock at its start and at its end."""
    stocks = _stocks(goal, metric, index)
    if not stocks:
        return None
    start = [o for o in stocks if o.period.end == span.start - 1 and o.bound is Bound.EXACT]
    end = [o for o in stocks if o.period.end == span.end and o.bound is Bound.EXACT]
    if not start or not end:
        return None
    first, last = start[-1], end[-1]
    stock_scale = _Scale(attrs.evolve(goal, change=None), metric)
    begin = stock_scale.convert(first.value.value, first.value.unit)
    finish = stock_scale.convert(last.value.value, last.value.unit)
    total = finish - begin
    met, comparison = _compare(goal, metric, total, scale)
    return _decided(
        goal,
        scale,
        total,
        met,
        lambda status: (
            f"{status.value}: stock {scale.show(finish)} ({_cite(last)}) − {scale.show(begin)} "
            f"({_cite(first)}) = {comparison} over {span}."
        ),
        (first, last),
        provisional=first.estimate or last.estimate,
    )


def _stock(
    goal: Goal,
    metric: Metric,
    outcomes: Sequence[Outcome],
    index: dict[tuple[str, str], list[Outcome]],
    due: bool,
    catalog: Catalog,
    window_start: int,
) -> Verdict:
    scale = _Scale(goal, metric)
    deadline = goal.period
    readings = [scale.read(o) for o in outcomes if o.period.end <= deadline.end]
    if readings:
        latest = max(
            readings, key=lambda r: (r.outcome.period.end, not r.outcome.estimate, r.outcome.id)
        )
        met, comparison = _compare(goal, metric, latest.value, scale)
        in_deadline = (
            deadline.contains(latest.outcome.period) or latest.outcome.period.end >= deadline.start
        )
        in_window = latest.outcome.period.end >= window_start
        details: dict[str, Any] = {
            "evidence": (latest.outcome,),
            "achieved": latest.value,
            "achieved_unit": _unit_of(scale),
            "achieved_ratio": _ratio(goal, latest.value, scale),
        }
        if met and in_window and goal.comparator in (Comparator.AT_LEAST, Comparator.ABOUT):
            early = "" if in_deadline else f", reached before the deadline ({deadline})"
            return _verdict(
                goal,
                Status.MET,
                f"met: latest total {comparison} ({_cite(latest.outcome)}){early}.",
                provisional=_uncertain(latest, met, goal),
                **details,
            )
        if in_deadline:
            status = Status.MET if met else Status.MISSED
            if not due and not met:
                status = Status.UNREPORTED
            partial = latest.outcome.period.end < deadline.end
            note = (
                f" (provisional: the total is for {latest.outcome.period}, before the end of {deadline})"
                if partial
                else ""
            )
            return _verdict(
                goal,
                status,
                f"{status.value}: total {comparison} ({_cite(latest.outcome)}){note}.{_not_due_note(due)}",
                provisional=partial or _uncertain(latest, met, goal),
                not_yet_due=not due and status is Status.UNREPORTED,
                **details,
            )
        summed = _stock_and_additions(goal, metric, index, catalog, latest, scale, due)
        if summed is not None:
            return summed
        stale = (
            f"the latest total, {scale.show(latest.value)} ({_cite(latest.outcome)}), "
            f"{'predates the plan' if not in_window else 'is from before the deadline year'}"
        )
        flows = _flows_into(
            goal, metric, index, catalog, Period(min(window_start, deadline.start), deadline.end)
        )
        return _pending(
            goal,
            scale,
            latest.value,
            f"unreported: no total for {deadline}; {stale}.{flows}{_not_due_note(due)}",
            (latest.outcome,),
            due=due,
        )
    flows = _flows_into(
        goal, metric, index, catalog, Period(min(window_start, deadline.start), deadline.end)
    )
    return _verdict(
        goal,
        Status.UNREPORTED,
        f"unreported: no total reported for {deadline}.{flows}{_not_due_note(due)}",
        not_yet_due=not due,
    )


def _stock_and_additions(
    goal: Goal,
    metric: Metric,
    index: dict[tuple[str, str], list[Outcome]],
    catalog: Catalog,
    total: _Reading,
    scale: _Scale,
    due: bool,
) -> Verdict | None:
    """A stock at the deadline as the latest earlier total plus the additions reported since.

    The additions are the flows of the catalog that add to the stock (a flow's ``stock``),
    one figure per year after the total, within the deadline; of several such flows, the one
    giving the smaller sum toward an ``at_least`` goal (the larger toward an ``at_most`` one) —
    gross additions ignore what leaves the stock. Decisive when the additions cover every
    month from the total to the end of the deadline; with months missing, additions only add
    up, so a sum that already meets an ``at_least`` goal meets it, and anything else waits.
    """
    since = total.outcome.period.end
    deadline = goal.period
    if since >= deadline.end:
        return None
    first_year, last_year = (since + 1) // 12, deadline.end_year
    options = []
    for flow in catalog:
        if flow.stock != metric.id:
            continue
        flow_scale = _Scale(attrs.evolve(goal, metric=flow.id), flow)
        try:
            readings = [
                flow_scale.read(o)
                for o in index.get((goal.region, flow.id), ())
                if o.change is None and o.period.start > since and o.period.end <= deadline.end
            ]
        except (ValidationError, UnitError):
            continue
        full, part = _year_flows(readings, range(first_year, last_year + 1))
        used = sorted([*full.values(), *part.values()], key=lambda r: r.outcome.period)
        if used:
            covered = sum(r.outcome.period.n_months for r in used)
            options.append((sum(r.value for r in used), flow.id, used, covered, flow_scale))
    if not options:
        return None
    pick = max if goal.comparator is Comparator.AT_MOST else min
    added, flow_id, used, covered, flow_scale = pick(options, key=lambda o: (o[0], o[1]))
    complete = covered == deadline.end - since
    achieved = total.value + added
    met, comparison = _compare(goal, metric, achieved, scale)
    terms = " + ".join(f"{flow_scale.show(r.value)} ({_cite(r.outcome)})" for r in used)
    arithmetic = (
        f"total {scale.show(total.value)} ({_cite(total.outcome)}) + additions since "
        f"({flow_id}: {terms}) = {comparison}"
    )
    evidence = (total.outcome, *(r.outcome for r in used))
    estimate = any(o.estimate for o in evidence)
    if complete:
        return _decided(
            goal,
            scale,
            achieved,
            met,
            lambda status: f"{status.value}: {arithmetic} by the end of {deadline}.",
            evidence,
            due=due,
            provisional=estimate,
        )
    if met and goal.comparator is Comparator.AT_LEAST:
        return _verdict(
            goal,
            Status.MET,
            f"met: {arithmetic} already, with part of the time to {deadline} not reported "
            "(additions only add up).",
            evidence=evidence,
            achieved=achieved,
            achieved_unit=_unit_of(scale),
            achieved_ratio=_ratio(goal, achieved, scale),
            provisional=estimate,
        )
    return _pending(
        goal,
        scale,
        achieved,
        f"unreported: {arithmetic} so far, but the additions do not cover every month from "
        f"{total.outcome.period} to the end of {deadline}.{_not_due_note(due)}",
        evidence,
        due=due,
    )


def _flows_into(
    goal: Goal,
    metric: Metric,
    index: dict[tuple[str, str], list[Outcome]],
    catalog: Catalog,
    span: Period,
) -> str:
    """A sentence on the additions reported toward a stock goal, which alone cannot decide it."""
    parts = []
    for flow in catalog:
        if flow.stock != metric.id:
            continue
        scale = _Scale(attrs.evolve(goal, metric=flow.id), flow)
        readings = [
            scale.read(o)
            for o in index.get((goal.region, flow.id), ())
            if o.change is None and span.contains(o.period)
        ]
        if not readings:
            continue
        readings.sort(key=lambda r: r.outcome.period)
        terms = " + ".join(f"{scale.show(r.value)} ({_cite(r.outcome)})" for r in readings)
        total = sum(r.value for r in readings)
        parts.append(f"{flow.id}: {terms} = {scale.show(total)}")
    if not parts:
        return ""
    return (
        " Additions reported within "
        f"{span}: " + "; ".join(parts) + " — without the starting total they do not give the total."
    )


def _baseline(
    goal: Goal,
    metric: Metric | None,
    index: dict[tuple[str, str], list[Outcome]],
    as_of: dt.date,
    due: bool,
) -> Verdict:
    assert goal.baseline is not None
    scale = _Scale(goal, metric)
    all_outcomes = list(index.get((goal.region, goal.metric), ()))
    deadline = goal.period
    baseline = goal.baseline
    # 1. a cumulative change since the baseline, reported for the deadline period
    direct = [
        scale.read(o)
        for o in all_outcomes
        if o.change is goal.change and o.baseline == baseline and deadline.contains(o.period)
    ]
    if direct:
        best = max(direct, key=lambda r: (r.outcome.period.end, r.outcome.id))
        met, comparison = _compare(goal, metric, best.value, scale)
        return _decided(
            goal,
            scale,
            best.value,
            met,
            lambda status: (
                f"{status.value}: change since {baseline} {comparison} "
                f"({_cite(best.outcome)}).{_not_due_note(due)}"
            ),
            (best.outcome,),
            due=due,
            provisional=_uncertain(best, met, goal) or best.outcome.period.end < deadline.end,
        )
    years = list(range(baseline.end_year + 1, deadline.end_year + 1))
    if goal.change is Change.RELATIVE:
        # 2. yearly changes compounded: 1 + total = Π(1 + rᵢ)
        yearly = [
            scale.read(o)
            for o in all_outcomes
            if o.change is Change.RELATIVE
            and o.baseline is None
            and o.period.is_whole_years
            and o.period.year is not None
        ]
        by_year = {r.outcome.period.year: r for r in sorted(yearly, key=lambda r: r.outcome.id)}
        have = [y for y in years if y in by_year]
        missing = [y for y in years if y not in by_year]
        if have:
            product = 1.0
            for year in have:
                product *= 1 + by_year[year].value
            change = product - 1
            terms = " × ".join(
                f"(1 {'+' if by_year[y].value >= 0 else '−'} {show(abs(by_year[y].value) * 100)}%)"
                for y in have
            )
            evidence = tuple(by_year[y].outcome for y in have)
            cites = "; ".join(_cite(by_year[y].outcome) for y in have)
            if not missing:
                met, comparison = _compare(goal, metric, change, scale)
                return _decided(
                    goal,
                    scale,
                    change,
                    met,
                    lambda status: (
                        f"{status.value}: yearly changes compound to {terms} − 1 = "
                        f"{comparison} since {baseline} ({cites}).{_not_due_note(due)}"
                    ),
                    evidence,
                    due=due,
                    provisional=any(by_year[y].outcome.estimate for y in have),
                )
            return _pending(
                goal,
                scale,
                change,
                f"unreported: yearly changes for {_years(have)} compound to {terms} − 1 = "
                f"{scale.show(change)} since {baseline}, but {_years(missing)} are not reported "
                f"({cites}).{_not_due_note(due)}",
                evidence,
                due=due,
            )
    # 3. two levels: the baseline's and the deadline's
    levels = [o for o in all_outcomes if o.change is None]
    start = [o for o in levels if o.period == baseline]
    end = [
        o for o in levels if deadline.contains(o.period) and o.period.n_months == deadline.n_months
    ]
    if start and end and metric is not None:
        first, last = start[-1], end[-1]
        level_scale = _Scale(attrs.evolve(goal, change=None, baseline=None), metric)
        begin = level_scale.convert(first.value.value, first.value.unit)
        finish = level_scale.convert(last.value.value, last.value.unit)
        if goal.change is Change.POINTS:
            change = (finish - begin) / 100 if metric.unit == "%" else finish - begin
        elif begin != 0:
            change = finish / begin - 1
        else:
            change = math.inf
        if math.isfinite(change):
            met, comparison = _compare(goal, metric, change, scale)
            return _decided(
                goal,
                scale,
                change,
                met,
                lambda status: (
                    f"{status.value}: from {level_scale.show(begin)} ({_cite(first)}) to "
                    f"{level_scale.show(finish)} ({_cite(last)}) is {comparison}."
                ),
                (first, last),
                provisional=first.estimate or last.estimate,
            )
    known = [o for o in levels if o.period == baseline]
    hint = f" The baseline level is reported ({_cite(known[-1])})." if known else ""
    return _verdict(
        goal,
        Status.UNREPORTED,
        f"unreported: no change since {baseline} reported for {deadline}, and no yearly changes "
        f"or levels to derive it.{hint}{_not_due_note(due)}",
        not_yet_due=not due,
    )


def _annual(
    goal: Goal,
    metric: Metric | None,
    outcomes: Sequence[Outcome],
    index: dict[tuple[str, str], list[Outcome]],
    as_of: dt.date,
    catalog: Catalog,
    issued: dict[str, dt.date],
) -> Verdict:
    assert goal.span is not None
    results: list[YearResult] = []
    evidence: list[Outcome] = []
    lines: list[str] = []
    provisional = False
    for year in goal.span.years():
        period = Period.from_year(year)
        yearly = attrs.evolve(goal, period=period, recurrence=None, span=None, deadline=False)
        due = as_of > _month_end(period)
        verdict = judge(yearly, index, as_of, catalog, issued)
        if verdict.evidence and verdict.status is not Status.UNREPORTED:
            results.append(YearResult(year, verdict.status, verdict.achieved, verdict.evidence))
            evidence.extend(verdict.evidence)
            provisional = provisional or verdict.provisional
            lines.append(f"{year} {verdict.status.value}: {verdict.reason.split(': ', 1)[1]}")
        else:
            results.append(YearResult(year, Status.UNREPORTED, None, ()))
            if not due:
                lines.append(f"{year} not yet due")
    met_years = [r.year for r in results if r.status is Status.MET]
    missed_years = [r.year for r in results if r.status is Status.MISSED]
    silent = [
        r.year
        for r in results
        if r.status is Status.UNREPORTED and as_of > _month_end(Period.from_year(r.year))
    ]
    due_all = _due(goal, as_of)
    if missed_years:
        status = Status.MISSED
    elif met_years:
        status = Status.MET
        provisional = provisional or bool(silent)
    else:
        status = Status.UNREPORTED
    summary = []
    if met_years:
        summary.append(f"met in {_years(met_years)}")
    if missed_years:
        summary.append(f"missed in {_years(missed_years)}")
    if silent:
        summary.append(f"no data for {_years(silent)}")
    head = (
        f"{status.value}: every year of {goal.span}, {_describe(goal, _Scale(goal, metric))} — "
        + "; ".join(summary or ["no data for any year"])
    )
    detail = f". {' | '.join(lines)}" if lines else "."
    achieved_values = [r.achieved for r in results if r.achieved is not None]
    scale = _Scale(goal, metric)
    worst = (
        min(achieved_values)
        if achieved_values and _direction(metric) is Direction.HIGHER
        else (max(achieved_values) if achieved_values else None)
    )
    return _verdict(
        goal,
        status,
        head + detail + _not_due_note(due_all) * (status is Status.UNREPORTED),
        evidence=tuple(evidence),
        achieved=worst,
        achieved_unit=_unit_of(scale),
        achieved_ratio=None if worst is None else _ratio(goal, worst, scale),
        provisional=provisional,
        not_yet_due=status is Status.UNREPORTED and not due_all,
        years=results,
    )


def audit_dataset(
    dataset: Dataset,
    as_of: dt.date | None = None,
    *,
    catalog: Catalog | None = None,
    decisions: Reviewer | None = None,
) -> Audit:
    """Audit every goal of a dataset against every outcome in it (with a person's
    ``decisions`` applied, as :func:`audit` does)."""
    check("dataset", dataset, Dataset, "a Dataset (tt.load_dataset)")
    documents = [SourceDocument(d.name, d.title, d.issued) for d in dataset.documents]
    return audit(
        dataset.goals,
        dataset.outcomes,
        as_of,
        catalog=catalog,
        documents=documents,
        decisions=decisions,
    )
