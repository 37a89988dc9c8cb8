"""The audit: every goal judged against the outcomes published by its date, with its pace and
the state of its evidence, and a person's decisions applied."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import attrs

from .._checks import check, check_date, check_items
from ..catalog import Catalog, default_catalog
from ..dataset import Dataset
from ..measure import measure_key
from ..model import (
    Goal,
    Outcome,
    Unplaced,
)
from .asof import _due, _state
from .index import _Index
from .judge import judge
from .pace import pace
from .result import EVIDENCE_RANKS, Audit, Reviewer, SourceDocument, issue_dates
from .scale import metric_of


def audit(
    goals: Iterable[Goal],
    outcomes: Iterable[Outcome],
    as_of: dt.date | None = None,
    *,
    catalog: Catalog | None = None,
    documents: Iterable[SourceDocument] = (),
    unplaced: Iterable[Unplaced] = (),
    decisions: Reviewer | None = None,
) -> Audit:
    """Judge every goal against the outcomes: one :class:`Verdict` per goal, in goal order.

    ``documents`` describe the documents the goals and outcomes come from, with their issue
    dates. Given them, the audit uses only what was published on or before ``as_of``: the
    goals and outcomes of a document issued later are left out (:attr:`Audit.left_out`), and
    a document with no known date (not among ``documents``, or without ``issued``) is named in
    :attr:`Audit.undated` and makes every verdict citing it provisional. Without
    ``documents``, every goal and outcome is taken as published.

    ``unplaced``: the statements read from the documents that could not become goals or
    outcomes; they are not judged, only carried into the report.

    ``decisions``: a person's decisions on the verdicts (``targettrack.load_decisions``,
    docs/review.md), applied once the machine has judged: each decision taken on or before
    ``as_of`` replaces (or confirms) the verdict on its goal, and what cannot be applied is
    listed in :attr:`Audit.unapplied`.
    """
    goals = check_items("goals", goals, Goal, "goals (Goal)")
    outcomes = check_items("outcomes", outcomes, Outcome, "outcomes (Outcome)")
    as_of = check_date("as_of", as_of) or dt.date.today()
    check("catalog", catalog, (Catalog, type(None)), "a Catalog or None")
    documents = tuple(check_items("documents", documents, SourceDocument, "SourceDocument"))
    unplaced = check_items("unplaced", unplaced, Unplaced, "unplaced statements (Unplaced)")
    catalog = catalog or default_catalog()
    dates = issue_dates(documents)
    later = {name for name, date in dates.items() if date is not None and date > as_of}
    left_out = tuple(d for d in documents if d.name in later)
    left_goals = [g for g in goals if g.source.doc in later]
    left_outcomes = [o for o in outcomes if o.source.doc in later]
    goals = [g for g in goals if g.source.doc not in later]
    outcomes = [o for o in outcomes if o.source.doc not in later]
    unplaced = [u for u in unplaced if u.source.doc not in later]
    undated: list[str] = []
    if documents:
        named = [*dates, *(g.source.doc for g in goals), *(o.source.doc for o in outcomes)]
        undated = sorted({name for name in named if dates.get(name) is None})
    outcome_list = sorted(outcomes, key=lambda o: (o.period.start, o.period.end, o.id))
    index: _Index = _Index(list)
    index.ranks = {d.name: EVIDENCE_RANKS.get(d.genre, 0) for d in documents}
    keys = index.measure_keys
    for outcome in outcome_list:
        key = keys.get(outcome.metric)
        if key is None:
            key = keys[outcome.metric] = measure_key(outcome.metric, catalog)
        index[(outcome.region, key)].append(outcome)
        index.outcome_keys[outcome.id] = key
    issued = {name: date for name, date in dates.items() if date is not None}
    verdicts = []
    undated_names = set(undated)
    for goal in goals:
        verdict = judge(goal, index, as_of, catalog, issued)
        key = keys.get(goal.metric)
        if key is None:
            key = keys[goal.metric] = measure_key(goal.metric, catalog)
        if not _due(verdict.goal, as_of):
            verdict = attrs.evolve(
                verdict, pace=pace(verdict, index, as_of, catalog, issued, key=key)
            )
        verdicts.append(_state(verdict, metric_of(goal, key, catalog), undated_names, as_of))
    result = Audit(
        as_of=as_of,
        verdicts=verdicts,
        outcomes=outcome_list,
        documents=documents,
        unplaced=unplaced,
        left_out=left_out,
        left_out_goals=left_goals,
        left_out_outcomes=left_outcomes,
        undated=undated,
    )
    return result if decisions is None else decisions.apply(result, catalog=catalog)


def audit_dataset(
    dataset: Dataset,
    as_of: dt.date | None = None,
    *,
    catalog: Catalog | None = None,
    decisions: Reviewer | None = None,
) -> Audit:
    """Audit every goal of a dataset against every outcome in it (with a person's
    ``decisions`` applied, as :func:`audit` does)."""
    check("dataset", dataset, Dataset, "a Dataset (tt.load_dataset)")
    documents = [SourceDocument(d.name, d.title, d.issued) for d in dataset.documents]
    return audit(
        dataset.goals,
        dataset.outcomes,
        as_of,
        catalog=catalog,
        documents=documents,
        decisions=decisions,
    )
