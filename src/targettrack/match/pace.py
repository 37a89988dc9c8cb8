"""The pace of a goal not yet due: the value observed against the path from the baseline to
the target by the deadline (时间过半、任务过半)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import attrs

from ..catalog import About, Catalog, Kind, Metric
from ..measure import measure_key
from ..model import (
    Change,
    Comparator,
    Goal,
    Outcome,
    Pace,
    PaceStatus,
    Recurrence,
    Verdict,
    show,
)
from ..periods import Period
from .asof import _due, _is_stock, _plan_start
from .compare import _about, _compare
from .index import _candidates
from .result import _EPSILON
from .scale import _is_additive, _Scale, _unit_of, metric_of

#: How far the progress observed may stray from the progress the path requires and still be
#: on track: ±5 % of it (ahead above, behind below).
PACE_TOLERANCE = 0.05


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
