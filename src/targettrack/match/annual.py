"""A recurring goal (每年): judged year by year over its span."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

import attrs

from ..catalog import Catalog, Direction, Metric
from ..model import (
    Goal,
    Outcome,
    Status,
    Verdict,
    YearResult,
)
from ..periods import Period
from .asof import _due, _month_end, _years
from .compare import _direction, _not_due_note, _ratio, _verdict
from .scale import _describe, _Scale, _unit_of


class _Judge(Protocol):
    """What judges one goal: :func:`targettrack.match.judge`."""

    def __call__(
        self,
        goal: Goal,
        index: dict[tuple[str, str], list[Outcome]],
        as_of: dt.date,
        catalog: Catalog,
        issued: dict[str, dt.date] | None = None,
    ) -> Verdict: ...


def _annual(
    goal: Goal,
    metric: Metric | None,
    outcomes: Sequence[Outcome],
    index: dict[tuple[str, str], list[Outcome]],
    as_of: dt.date,
    catalog: Catalog,
    issued: dict[str, dt.date],
    judge: _Judge,
) -> Verdict:
    """A recurring goal (每年) judged year by year over its span, each year by ``judge``
    (:func:`targettrack.match.judge`, handed down so that this module need not import it)."""
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
