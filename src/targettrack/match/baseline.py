"""A change since a baseline (较2020年下降16%): reported as such, compounded from yearly
changes, or the change between two levels."""

from __future__ import annotations

import datetime as dt
import math

import attrs

from ..catalog import Metric
from ..model import (
    Change,
    Goal,
    Outcome,
    Status,
    Verdict,
    show,
)
from .asof import _years
from .compare import (
    _cite,
    _compare,
    _decided,
    _decided_by,
    _not_due_note,
    _pending,
    _uncertain,
    _verdict,
)
from .scale import _Scale


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
        return _decided_by(
            goal,
            metric,
            scale,
            best,
            lambda comparison: f"change since {baseline} {comparison}",
            due=due,
            provisional=lambda met: (
                _uncertain(best, met, goal) or best.outcome.period.end < deadline.end
            ),
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
