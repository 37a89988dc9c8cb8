"""What an audit gives back: :class:`Audit`, the verdicts as of a date, and
:class:`SourceDocument`, a document it drew on; :func:`issue_dates`, and how final each genre's
figures are (:data:`EVIDENCE_RANKS`)."""

from __future__ import annotations

import bisect
import datetime as dt
from collections.abc import Iterable
from typing import Any, Protocol

import attrs

from ..catalog import Catalog
from ..model import (
    Goal,
    Outcome,
    Status,
    Unapplied,
    Unplaced,
    Verdict,
)

_EPSILON = 1e-9


def _offsets(items: Iterable[int]) -> tuple[int, ...]:
    return tuple(items)


def _strings(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(items)


@attrs.frozen
class SourceDocument:
    """A document the audit drew on.

    For a raw document, how it was read (``targettrack.read_document``): the reader, the
    encoding of a text file or web page, the SHA-256 of the text read, and for a PDF the offset
    each page starts at, from which a quote's page is told (:meth:`page_of`); and its identity
    as told from its text (:attr:`identity`).
    """

    name: str
    title: str = ""
    issued: dt.date | None = None
    reader: str = ""
    encoding: str | None = None
    sha256: str = ""
    pages: tuple[int, ...] = attrs.field(default=(), converter=_offsets)
    #: for a raw document, who wrote it and for which year, each decision with the signal and
    #: the span it rests on (``government 江苏 from the congress 江苏省 [40:43]``)
    identity: tuple[str, ...] = attrs.field(default=(), converter=_strings)
    #: the genre its text was told to be (work_report, statistical_bulletin, budget_report, …)
    genre: str = ""

    def page_of(self, offset: int) -> int | None:
        """The page (from 1) the character at ``offset`` is on; None without pages."""
        if not self.pages:
            return None
        return max(1, bisect.bisect_right(self.pages, offset))


def _tuple(items: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(items)


@attrs.frozen
class Audit:
    """The verdicts on a set of goals, as of a date."""

    as_of: dt.date
    verdicts: tuple[Verdict, ...] = attrs.field(converter=_tuple)
    outcomes: tuple[Outcome, ...] = attrs.field(converter=_tuple, repr=False)
    documents: tuple[SourceDocument, ...] = attrs.field(converter=_tuple, default=())
    #: statements read from the documents that could not become goals or outcomes (not judged)
    unplaced: tuple[Unplaced, ...] = attrs.field(converter=_tuple, default=(), repr=False)
    #: the documents issued after ``as_of``: not drawn on (their goals are not judged, their
    #: outcomes not used)
    left_out: tuple[SourceDocument, ...] = attrs.field(converter=_tuple, default=())
    #: the goals of the documents left out, not judged as of ``as_of``
    left_out_goals: tuple[Goal, ...] = attrs.field(converter=_tuple, default=(), repr=False)
    #: the outcomes of the documents left out, not used as of ``as_of``
    left_out_outcomes: tuple[Outcome, ...] = attrs.field(converter=_tuple, default=(), repr=False)
    #: the names of the documents drawn on whose issue date is not known (verdicts citing
    #: them are provisional)
    undated: tuple[str, ...] = attrs.field(converter=_tuple, default=())
    #: the goals a person decided are not goals (:mod:`targettrack.decisions`): their
    #: verdicts, each with the decision, out of the counts
    dropped: tuple[Verdict, ...] = attrs.field(converter=_tuple, default=(), repr=False)
    #: the decisions that could not be applied, and why
    unapplied: tuple[Unapplied, ...] = attrs.field(converter=_tuple, default=(), repr=False)

    def counts(self) -> dict[Status, int]:
        """How many goals are met, missed and unreported."""
        counts = dict.fromkeys(Status, 0)
        for verdict in self.verdicts:
            counts[verdict.status] += 1
        return counts

    @property
    def judged_share(self) -> float:
        """The share of goals that could be judged at all (met or missed)."""
        if not self.verdicts:
            return 0.0
        judged = sum(1 for v in self.verdicts if v.status is not Status.UNREPORTED)
        return judged / len(self.verdicts)

    #: goal id → the (first) verdict on it, so that :meth:`verdict` is a lookup
    _by_id: dict[str, Verdict] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        by_id: dict[str, Verdict] = {}
        for verdict in self.verdicts:
            by_id.setdefault(verdict.goal.id, verdict)
        object.__setattr__(self, "_by_id", by_id)

    def verdict(self, goal_id: str) -> Verdict:
        """The verdict on the goal with id ``goal_id``."""
        try:
            return self._by_id[goal_id]
        except KeyError:
            raise KeyError(f"no goal {goal_id!r} in this audit") from None

    def summary(self) -> str:
        """One line: the counts by status and the date."""
        counts = self.counts()
        return (
            f"{len(self.verdicts)} goals as of {self.as_of.isoformat()}: "
            f"{counts[Status.MET]} met, {counts[Status.MISSED]} missed, "
            f"{counts[Status.UNREPORTED]} unreported"
        )


class Reviewer(Protocol):
    """What applies a person's decisions to an audit: :class:`targettrack.decisions.Decisions`
    (a decisions file, ``targettrack.load_decisions``). The audit hands it its verdicts; it
    gives them back with the decisions in force on the audit's date applied."""

    def apply(self, audit: Audit, *, catalog: Catalog | None = None) -> Audit: ...


def issue_dates(documents: Iterable[SourceDocument]) -> dict[str, dt.date | None]:
    """Each document's issue date by name (the first date given for a name; ``None`` when
    no entry of the name gives one)."""
    dates: dict[str, dt.date | None] = {}
    for document in documents:
        if dates.get(document.name) is None:
            dates[document.name] = document.issued
    return dates


#: How final a genre's figures are: a statistical bulletin's and a budget report's are the
#: final word on their year, a work report's review the first (预计, 初步核算).
EVIDENCE_RANKS = {"statistical_bulletin": 2, "budget_report": 2}
