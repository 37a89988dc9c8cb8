"""A stock (累计…): the latest total at or before the deadline, or an earlier total plus the
additions reported since."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import attrs

from .._errors import UnitError, ValidationError
from ..catalog import Catalog, Metric
from ..model import (
    Comparator,
    Goal,
    Outcome,
    Status,
    Verdict,
)
from ..periods import Period
from .compare import (
    _cite,
    _compare,
    _decided,
    _not_due_note,
    _pending,
    _ratio,
    _uncertain,
    _verdict,
)
from .index import _year_flows
from .scale import _Reading, _Scale, _unit_of


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
