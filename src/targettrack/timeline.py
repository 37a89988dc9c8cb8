"""Verdicts through time: every goal judged again on each date a document was issued.

:func:`history` audits the same goals and outcomes as of each issue date of the documents, in
date order: on each date the audit sees exactly what was published by then (a later plan's
goals are not set yet, a later report's outcomes not reported yet — see
:func:`targettrack.audit`). The result, a :class:`History`, gives for every goal its status,
achieved value and pace at each date, and is deterministic: the same documents give the same
history, whatever the day it is made.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator

import attrs

from ._checks import check, check_date, check_items
from ._errors import ValidationError
from .catalog import Catalog, default_catalog
from .dataset import Dataset
from .match import Audit, Reviewer, SourceDocument, audit, issue_dates
from .model import Goal, Outcome, Status, Unplaced, Verdict

__all__ = ["GoalHistory", "History", "HistoryPoint", "history", "history_dataset"]


def _audits(items: Iterable[Audit]) -> tuple[Audit, ...]:
    return tuple(items)


def _goals(items: Iterable[Goal]) -> tuple[Goal, ...]:
    return tuple(items)


def _documents(items: Iterable[SourceDocument]) -> tuple[SourceDocument, ...]:
    return tuple(items)


@attrs.frozen
class HistoryPoint:
    """A goal as of one date: its verdict, or ``None`` before its plan was issued."""

    date: dt.date
    #: the documents issued on this date
    documents: tuple[str, ...]
    verdict: Verdict | None

    @property
    def status(self) -> Status | None:
        return None if self.verdict is None else self.verdict.status

    def same_as(self, other: HistoryPoint | None) -> bool:
        """Whether nothing a reader sees changed since ``other``: status, value, flags, pace."""
        if other is None or (self.verdict is None) != (other.verdict is None):
            return False
        if self.verdict is None or other.verdict is None:
            return True
        a, b = self.verdict, other.verdict
        return (
            a.decided == b.decided
            and a.status is b.status
            and a.achieved == b.achieved
            and a.provisional == b.provisional
            and a.not_yet_due == b.not_yet_due
            and (a.pace is None) == (b.pace is None)
            and (a.pace is None or b.pace is None or a.pace.status is b.pace.status)
        )


@attrs.frozen
class GoalHistory:
    """One goal through time: a point per date of the history."""

    goal: Goal
    points: tuple[HistoryPoint, ...]

    @property
    def changes(self) -> tuple[HistoryPoint, ...]:
        """The points where what a reader sees changed (the first set point included)."""
        found: list[HistoryPoint] = []
        previous: HistoryPoint | None = None
        for point in self.points:
            if point.verdict is not None and not point.same_as(previous):
                found.append(point)
            previous = point
        return tuple(found)

    @property
    def final(self) -> Verdict | None:
        """The verdict as of the last date."""
        return self.points[-1].verdict if self.points else None


@attrs.frozen
class History:
    """The audits of the same goals as of each date a document was issued, in date order."""

    audits: tuple[Audit, ...] = attrs.field(converter=_audits)
    goals: tuple[Goal, ...] = attrs.field(converter=_goals)
    documents: tuple[SourceDocument, ...] = attrs.field(converter=_documents)

    @property
    def dates(self) -> tuple[dt.date, ...]:
        return tuple(result.as_of for result in self.audits)

    @property
    def undated(self) -> tuple[str, ...]:
        """The documents with no known issue date: drawn on at every date (provisionally)."""
        return tuple(sorted(n for n, d in issue_dates(self.documents).items() if d is None))

    def issued_on(self, date: dt.date) -> tuple[str, ...]:
        """The documents issued on ``date``."""
        return tuple(
            sorted(name for name, day in issue_dates(self.documents).items() if day == date)
        )

    def goal(self, goal_id: str) -> GoalHistory:
        """The history of the goal with id ``goal_id``."""
        for goal in self.goals:
            if goal.id == goal_id:
                return self._history(goal)
        raise KeyError(f"no goal {goal_id!r} in this history")

    def __iter__(self) -> Iterator[GoalHistory]:
        """The history of every goal, in the order the goals were given."""
        return (self._history(goal) for goal in self.goals)

    def _history(self, goal: Goal) -> GoalHistory:
        points = []
        for result in self.audits:
            verdict = next(
                (v for v in (*result.verdicts, *result.dropped) if v.goal.id == goal.id), None
            )
            points.append(HistoryPoint(result.as_of, self.issued_on(result.as_of), verdict))
        return GoalHistory(goal, tuple(points))

    def counts(self) -> list[tuple[dt.date, dict[Status | None, int]]]:
        """For each date, how many goals are met, missed, unreported, and not set yet (None);
        the goals a person decided are not goals are not counted (``Audit.dropped``)."""
        table = []
        for result in self.audits:
            counts: dict[Status | None, int] = dict(result.counts().items())
            counts[None] = len(self.goals) - len(result.verdicts) - len(result.dropped)
            table.append((result.as_of, counts))
        return table


def history(
    goals: Iterable[Goal],
    outcomes: Iterable[Outcome],
    *,
    documents: Iterable[SourceDocument],
    catalog: Catalog | None = None,
    unplaced: Iterable[Unplaced] = (),
    until: dt.date | None = None,
    decisions: Reviewer | None = None,
) -> History:
    """Audit the goals as of each date on which one of ``documents`` was issued.

    ``until``: stop there — the issue dates after it are dropped, and the history ends with
    ``until`` itself (what is known then: a goal decided once its year is over).

    Every goal of ``goals`` appears in the history once, with a point per date (``None``
    verdict before its own document was issued). Documents of unknown date are drawn on at
    every date, and make the verdicts citing them provisional (:func:`targettrack.audit`).

    ``decisions`` (``targettrack.load_decisions``): a person's decisions, each applied from the
    date it was taken — the audits of earlier dates show the machine's verdicts.
    """
    goals = check_items("goals", goals, Goal, "goals (Goal)")
    outcomes = check_items("outcomes", outcomes, Outcome, "outcomes (Outcome)")
    documents = tuple(check_items("documents", documents, SourceDocument, "SourceDocument"))
    unplaced = check_items("unplaced", unplaced, Unplaced, "unplaced statements (Unplaced)")
    until = check_date("until", until)
    ids = [goal.id for goal in goals]
    if len(set(ids)) != len(ids):
        repeated = next(i for i in ids if ids.count(i) > 1)
        raise ValidationError("goals", "goals with distinct ids", repeated)
    catalog = catalog or default_catalog()
    dates = sorted({date for date in issue_dates(documents).values() if date is not None})
    if until is not None:
        dates = [date for date in dates if date <= until]
        if not dates or dates[-1] < until:
            dates.append(until)
    audits = [
        audit(
            goals,
            outcomes,
            date,
            catalog=catalog,
            documents=documents,
            unplaced=unplaced,
            decisions=decisions,
        )
        for date in dates
    ]
    return History(audits, goals, documents)


def history_dataset(
    dataset: Dataset,
    *,
    catalog: Catalog | None = None,
    until: dt.date | None = None,
    decisions: Reviewer | None = None,
) -> History:
    """The history of every goal of a dataset (:func:`history`)."""
    check("dataset", dataset, Dataset, "a Dataset (tt.load_dataset)")
    documents = [SourceDocument(d.name, d.title, d.issued) for d in dataset.documents]
    return history(
        dataset.goals,
        dataset.outcomes,
        documents=documents,
        catalog=catalog,
        until=until,
        decisions=decisions,
    )
