"""The outcomes a goal can use: indexed once per audit by (region, measure key), with the
readings each kind of goal uses, the best of them for a period, and the near measures of each
key."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence

from ..catalog import Metric
from ..measure import NearIndex, near
from ..model import (
    Bound,
    Change,
    Goal,
    Outcome,
)
from ..periods import Period
from .scale import _Reading, _Scale


def _best(
    readings: Sequence[_Reading], period: Period, ranks: dict[str, int] | None = None
) -> _Reading | None:
    """The reading covering most of ``period``: most coverage, latest end, the most final
    document (a bulletin before a work report), exact before estimate."""
    inside = [r for r in readings if period.contains(r.outcome.period)]
    if not inside:
        return None
    ranks = ranks or {}
    return max(
        inside,
        key=lambda r: (
            r.outcome.period.n_months,
            r.outcome.period.end,
            ranks.get(r.outcome.source.doc, 0),
            not r.outcome.estimate,
            r.outcome.bound is Bound.EXACT,
            r.outcome.id,
        ),
    )


def _key_of(index: dict[tuple[str, str], list[Outcome]], outcome: Outcome) -> str:
    keys = index.outcome_keys if isinstance(index, _Index) else {}
    return keys.get(outcome.id, outcome.metric)


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
        #: how final each document's figures are (EVIDENCE_RANKS of its genre), by name
        self.ranks: dict[str, int] = {}
        #: the measure key each outcome is indexed under, by id
        self.outcome_keys: dict[str, str] = {}


class _Usable(list[Outcome]):
    """The outcomes one kind of goal can use (:func:`_candidates`), with their readings within
    each period, and the best of them, worked out once for every goal of that kind: each
    outcome's value is converted once, not once per goal."""

    def __init__(
        self, outcomes: Iterable[Outcome], scale: _Scale, ranks: dict[str, int] | None = None
    ) -> None:
        super().__init__(outcomes)
        self.scale = scale
        self.ranks = ranks or {}
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
            outcomes.best[period] = _best(outcomes.readings_within(period), period, outcomes.ranks)
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
        index.ranks if isinstance(index, _Index) else None,
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
