"""A flow (新增…): for one year, that year's flow; over a span, the flows of its years summed,
or the difference of the stocks at its start and its end."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs

from ..catalog import Metric
from ..model import (
    Bound,
    Comparator,
    Goal,
    Outcome,
    Status,
    Verdict,
)
from ..periods import Period
from .asof import _ordinal, _years
from .compare import (
    _cite,
    _compare,
    _decided,
    _decided_by,
    _not_due_note,
    _pending,
    _ratio,
    _verdict,
)
from .index import _year_flows
from .level import _level
from .pace import _pace
from .scale import _describe, _Scale, _unit_of


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
        return _decided_by(
            goal,
            metric,
            scale,
            best,
            lambda comparison: f"{comparison} over {span}",
            due=due,
            provisional=lambda met: best.outcome.estimate,
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
