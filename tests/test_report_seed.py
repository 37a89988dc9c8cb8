"""The seed audit in every format: every goal appears exactly once, in dataset order."""

from __future__ import annotations

import datetime as dt
import io
import json
from collections import Counter

import jsonschema
import pandas as pd
import pytest

import targettrack as tt
from report_cases import parse
from targettrack import report

AS_OF = dt.date(2026, 1, 15)


@pytest.fixture(scope="module")
def seed() -> tuple[tt.Audit, dict[str, str], list[str]]:
    dataset = tt.load_dataset()
    audit = tt.audit_dataset(dataset, AS_OF)
    return audit, dataset.texts(), [goal.id for goal in dataset.goals]


def test_json(seed: tuple[tt.Audit, dict[str, str], list[str]]) -> None:
    audit, _, ids = seed
    data = json.loads(report.json_text(audit))
    jsonschema.Draft202012Validator(report.schema()).validate(data)
    assert [v["goal"]["id"] for v in data["verdicts"]] == ids
    assert data["summary"]["goals"] == len(ids)


def test_csv_and_frame(seed: tuple[tt.Audit, dict[str, str], list[str]]) -> None:
    audit, _, ids = seed
    table = pd.read_csv(io.StringIO(report.to_csv(audit)), keep_default_na=False)
    assert list(table["goal_id"]) == ids
    assert list(report.to_frame(audit)["goal_id"]) == ids


def test_html(seed: tuple[tt.Audit, dict[str, str], list[str]]) -> None:
    audit, texts, ids = seed
    tree = parse(report.to_html(audit, texts))
    rows = tree.find_all("tbody", "goal")
    assert [row.attrs["id"] for row in rows] == [f"goal-{goal_id}" for goal_id in ids]
    statuses = Counter(row.attrs["data-status"] for row in rows)
    counts = audit.counts()
    assert statuses == {status.value: n for status, n in counts.items() if n}
    # every goal's quote is there, and every piece of evidence
    quotes = sum(len(v.evidence) + 1 for v in audit.verdicts)
    assert len(tree.find_all("span", "quoted")) == quotes


def test_markdown(seed: tuple[tt.Audit, dict[str, str], list[str]]) -> None:
    audit, texts, ids = seed
    lines = report.to_markdown(audit, texts).splitlines()
    table = lines[lines.index("## Goals") : lines.index("## Evidence")]
    rows = [line for line in table if line.startswith("| ") and line[2:3].isdigit()]
    assert [row.rstrip(" |").rsplit(" | ", 1)[-1] for row in rows] == ids
    sections = [line.split(" ")[2] for line in lines if line.startswith("### ")]
    assert sections == ids


def test_text(seed: tuple[tt.Audit, dict[str, str], list[str]]) -> None:
    audit, _, ids = seed
    lines = report.to_text(audit).splitlines()
    ends = [line.split()[-1] for line in lines if line.split()]
    assert [end for end in ends if end in set(ids)] == ids
