"""Properties of the report over drawn audits: every goal once in every format, text escaped."""

from __future__ import annotations

import datetime as dt
import io
import json

import jsonschema
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

import targettrack as tt
from report_cases import parse
from targettrack import report
from targettrack.testing import goals, outcomes

SCHEMA = jsonschema.Draft202012Validator(report.schema())

audits = st.builds(
    lambda gs, os, as_of: tt.audit(gs, os, as_of),
    st.lists(goals(), max_size=6, unique_by=lambda g: g.id),
    st.lists(outcomes(), max_size=8, unique_by=lambda o: o.id),
    st.dates(dt.date(2000, 1, 1), dt.date(2040, 12, 31)),
)


@settings(max_examples=40, deadline=None)
@given(audits)
def test_every_goal_appears_once_in_every_format(audit: tt.Audit) -> None:
    ids = [v.goal.id for v in audit.verdicts]
    data = json.loads(report.json_text(audit))
    SCHEMA.validate(data)
    assert [v["goal"]["id"] for v in data["verdicts"]] == ids
    table = pd.read_csv(io.StringIO(report.to_csv(audit)), keep_default_na=False, dtype=str)
    assert list(table["goal_id"]) == ids
    assert list(report.to_frame(audit)["goal_id"]) == ids
    rows = parse(report.to_html(audit)).find_all("tbody", "goal")
    assert [r.attrs["id"] for r in rows] == [f"goal-{goal_id}" for goal_id in ids]
    markdown = report.to_markdown(audit).splitlines()
    assert [line.split(" ")[2] for line in markdown if line.startswith("### ")] == ids
    text = report.to_text(audit).splitlines()
    # a goal line, then its reason indented beneath it
    assert [line.split()[-1] for line in text[3 : 3 + 2 * len(ids) : 2]] == ids


MARKUP = st.text(alphabet="<>&\"'/ =scriptalert()浙江１５％。\n|*`[]", max_size=40)


@settings(max_examples=60, deadline=None)
@given(MARKUP, MARKUP.filter(str.strip), MARKUP)
def test_document_text_never_becomes_markup(quote: str, region: str, note: str) -> None:
    text = f"到2025年{quote}。"
    goal = tt.Goal.from_record(
        {
            "id": "g",
            "region": region,
            "metric": "little_giants_national_new",
            "comparator": "at_least",
            "target": "50家",
            "period": "2025年",
            "note": note,
            "quote": quote,
            "start": 6,
            "end": 6 + len(quote),
        },
        doc="plan.txt",
        text=text,
    )
    audit = tt.audit([goal], [], dt.date(2026, 1, 1))
    tree = parse(report.to_html(audit, {"plan.txt": text}))
    assert len(tree.find_all("script")) == 1
    [row] = tree.find_all("tbody", "goal")
    assert row.attrs["data-region"] == region
    for node in tree.iter():
        assert not any(name.startswith("on") for name in node.attrs)
    fragment = parse(report.summary_html(audit))
    assert not fragment.find_all("script")
    markdown = report.to_markdown(audit, {"plan.txt": text})
    assert "<" not in markdown.replace("\\<", "")
