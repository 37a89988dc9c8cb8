"""Time: when a goal is due, the months a plan's progress is read from, and the state of a
verdict's evidence as of the audit's date (coverage, estimate, bound, and why it is
provisional)."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Sequence

import attrs

from ..catalog import Kind, Metric
from ..model import (
    Bound,
    Goal,
    Recurrence,
    Status,
    Verdict,
    show,
)
from ..periods import Period
from .result import _EPSILON

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


def _month_end(period: Period) -> dt.date:
    year, month = period.end_year, period.end_month
    return dt.date(year, month, calendar.monthrange(year, month)[1])  # 9999年12月 too


def _due(goal: Goal, as_of: dt.date) -> bool:
    last = goal.span if goal.recurrence is Recurrence.ANNUAL and goal.span else goal.period
    return as_of > _month_end(last)


def _plan_start(goal: Goal, issued: dict[str, dt.date]) -> int:
    """The first month a goal's progress can be read from: its span, else its plan's date."""
    if goal.span is not None:
        return goal.span.start
    date = issued.get(goal.source.doc)
    if date is not None:
        return date.year * 12 + date.month - 1
    return goal.period.start


def _ordinal(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def _years(years: Sequence[int]) -> str:
    return ", ".join(str(y) for y in years)
