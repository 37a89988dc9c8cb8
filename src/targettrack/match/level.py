"""A level, a share, a rate or an amount for a period: judged on the outcome that covers most
of the period; part of it decides a share or a rate provisionally."""

from __future__ import annotations

from collections.abc import Sequence

from ..catalog import Metric
from ..model import (
    Comparator,
    Goal,
    Outcome,
    Status,
    Verdict,
    show,
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
from .index import _best_within
from .pace import _pace
from .scale import _is_additive, _Scale, _unit_of


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
