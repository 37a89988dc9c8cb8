"""An audit straight from the raw seed documents agrees with the curated audit."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import targettrack as tt
from targettrack.extract import extract, to_records

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
AS_OF = dt.date(2026, 11, 22)


def test_raw_and_curated_audits_agree_on_every_goal_both_contain() -> None:
    dataset = tt.load_dataset(SEEDS)
    curated = tt.audit_dataset(dataset, AS_OF)
    goals: list[tt.Goal] = []
    outcomes: list[tt.Outcome] = []
    for document in dataset:
        found, reported, _unplaced = to_records(extract(document.text, doc=document.name))
        goals.extend(found)
        outcomes.extend(reported)
    documents = [tt.SourceDocument(d.name, d.title, d.issued) for d in dataset]
    raw = tt.audit(goals, outcomes, AS_OF, documents=documents)
    assert len(raw.verdicts) == len(goals)

    shared = 0
    for verdict in curated.verdicts:
        source = verdict.goal.source
        same = [
            other
            for other in raw.verdicts
            if other.goal.source.doc == source.doc
            and other.goal.metric == verdict.goal.metric
            and other.goal.source.start < source.end
            and source.start < other.goal.source.end
        ]
        if not same:
            continue
        shared += 1
        assert same[0].status is verdict.status, (verdict.goal.id, verdict.reason, same[0].reason)
    # most curated goals are read from the raw text with the curated metric
    assert shared >= len(curated.verdicts) * 0.6
