"""The verdict on one goal: which rule applies, the outcomes of the same measure or of a close
wording, and why a goal with none is unreported (the near measures not taken)."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

import attrs

from .._errors import UnitError, ValidationError
from ..catalog import Catalog, Kind, convert_between
from ..measure import Alignment, align, measure_key
from ..model import (
    Goal,
    Outcome,
    Recurrence,
    Status,
    Verdict,
    show,
)
from .annual import _annual
from .asof import _due, _plan_start
from .baseline import _baseline
from .compare import _figure_kind, _not_due_note, _verdict
from .flow import _flow
from .index import _ALIGNED, _candidates, _Index, _key_of, _near
from .level import _level
from .scale import metric_of
from .stock import _stock


def judge(
    goal: Goal,
    index: dict[tuple[str, str], list[Outcome]],
    as_of: dt.date,
    catalog: Catalog,
    issued: dict[str, dt.date] | None = None,
) -> Verdict:
    """The verdict on one goal, given outcomes indexed by (region, metric).

    ``issued`` maps document names to their dates: a plan's goals are judged only on stocks
    reported after the plan was issued (or within the goal's span). When another document
    reports the same figure of the same period (a bulletin and a work report), the reason
    says which was used and whether the others differ.
    """
    verdict = _judge(goal, index, as_of, catalog, issued)
    if verdict.status is Status.UNREPORTED or len(verdict.evidence) != 1:
        return verdict
    return _also_reported(verdict, index)


def _also_reported(verdict: Verdict, index: dict[tuple[str, str], list[Outcome]]) -> Verdict:
    used = verdict.evidence[0]
    others = [
        o
        for o in index.get((used.region, _key_of(index, used)), ())
        if o.source.doc != used.source.doc and o.period == used.period and o.change is used.change
    ]
    if not others:
        return verdict
    notes = []
    for other in sorted(others, key=lambda o: (o.source.doc, o.source.start)):
        change = used.change is not None
        try:
            value = convert_between(
                other.value.value, other.value.unit, used.value.unit, change=change
            )
            own = convert_between(used.value.value, used.value.unit, used.value.unit, change=change)
        except (UnitError, ValidationError):
            continue
        same = math.isclose(value, own, rel_tol=1e-9, abs_tol=1e-12)
        shown = f"{show(other.value.value)}{other.value.unit}"
        notes.append(f"{shown} in {other.source} ({'the same' if same else 'differs'})")
    if not notes:
        return verdict
    return attrs.evolve(
        verdict,
        reason=f"{verdict.reason} Taken from {used.source.doc}; also reported: {'; '.join(notes)}.",
    )


def _judge(
    goal: Goal,
    index: dict[tuple[str, str], list[Outcome]],
    as_of: dt.date,
    catalog: Catalog,
    issued: dict[str, dt.date] | None,
) -> Verdict:
    """:func:`judge`, before the other documents' figures are named."""
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
        return _annual(goal, metric, candidates, index, as_of, catalog, issued, judge)
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
