"""A figure against a target: the comparison (左右 as a floor, a ceiling or a band; a range),
what leaves it open (an estimate, a bound), the citation of an outcome, and the verdict built
from it."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from typing import Any

from ..catalog import About, Direction, Metric
from ..model import (
    Bound,
    Change,
    Comparator,
    Goal,
    Outcome,
    Status,
    Verdict,
    show,
)
from .result import _EPSILON
from .scale import _Reading, _Scale, _unit_of

#: The tolerance of an ``about`` goal (左右) without one of its own: ±5 % of the target.
DEFAULT_TOLERANCE = 0.05


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


def _figure_kind(change: Change | None) -> str:
    if change is Change.RELATIVE:
        return "a growth rate"
    if change is Change.POINTS:
        return "a change in percentage points"
    return "a level"


def _decided_by(
    goal: Goal,
    metric: Metric | None,
    scale: _Scale,
    best: _Reading,
    said: Callable[[str], str],
    *,
    due: bool,
    provisional: Callable[[bool], bool],
) -> Verdict:
    """The verdict decided by one reading: ``said`` words the comparison (``change since 2020
    {comparison}``), ``provisional`` says from whether it is met whether it is provisional."""
    met, comparison = _compare(goal, metric, best.value, scale)
    return _decided(
        goal,
        scale,
        best.value,
        met,
        lambda status: (
            f"{status.value}: {said(comparison)} ({_cite(best.outcome)}).{_not_due_note(due)}"
        ),
        (best.outcome,),
        due=due,
        provisional=provisional(met),
    )


def _not_due_note(due: bool) -> str:
    return "" if due else " The deadline has not passed yet."
