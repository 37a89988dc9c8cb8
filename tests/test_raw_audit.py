"""An audit straight from the raw seed documents agrees with the curated audit, and lists every
statement it read but could not place."""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from pathlib import Path

import jsonschema
import pytest

import report_cases as rc
import targettrack as tt
from report_cases import parse
from targettrack import cli, report
from targettrack.dataset import read_text
from targettrack.extract import extract_statements as extract
from targettrack.extract import to_records

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
AS_OF = dt.date(2026, 11, 22)


def test_raw_and_curated_audits_agree_on_every_goal_both_contain() -> None:
    dataset = tt.load_dataset(SEEDS)
    curated = tt.audit_dataset(dataset, AS_OF)
    goals: list[tt.Goal] = []
    outcomes: list[tt.Outcome] = []
    unplaced: list[tt.Unplaced] = []
    for document in dataset:
        found, reported, kept = to_records(extract(document.text, doc=document.name))
        goals.extend(found)
        outcomes.extend(reported)
        unplaced.extend(kept)
    documents = [tt.SourceDocument(d.name, d.title, d.issued) for d in dataset]
    raw = tt.audit(goals, outcomes, AS_OF, documents=documents, unplaced=unplaced)
    assert len(raw.verdicts) == len(goals)
    assert raw.unplaced == tuple(unplaced)

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
    assert shared >= len(curated.verdicts) * 0.9


# -- the statements the catalog cannot place: kept and listed, never dropped --------------------

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
#: a plan and its review whose raw audit leaves statements unplaced (figures naming no measure)
RAW = [CORPUS / "shaanxi_2025_gov_work_report.txt", CORPUS / "shaanxi_2026_gov_work_report.txt"]
DOCS = Path(__file__).resolve().parents[1] / "docs" / "report.md"


def texts_of(paths: list[Path]) -> dict[str, str]:
    return {path.name: read_text(path) for path in paths}


def issued(paths: list[Path]) -> list[str]:
    """``--issued NAME=DATE`` for the raw seeds: the dates of their curated records (their
    texts, but for 001's date line, do not give one)."""
    dates = {d.name: d.issued for d in tt.load_dataset(SEEDS)}
    return [
        f"--issued={path.name}={dates[path.name]}"
        for path in paths
        if dates.get(path.name) is not None
    ]


def run_audit(
    capsys: pytest.CaptureFixture[str], paths: list[Path], *extra: str, warned: bool = False
) -> str:
    # after 2026-01-27, when the second Shaanxi report was delivered (or it is left out)
    status = cli.main(["audit", *map(str, paths), "--as-of", "2026-03-01", *issued(paths), *extra])
    captured = capsys.readouterr()
    assert status == 0
    if warned:  # a document the command could not fully read is named on stderr
        assert captured.err.startswith("warning: ")
    else:
        assert captured.err == ""
    return captured.out


def test_the_raw_audit_lists_what_it_could_not_place_with_spans_and_reasons(
    capsys: pytest.CaptureFixture[str],
) -> None:
    data = json.loads(run_audit(capsys, RAW, "--format", "json"))
    jsonschema.Draft202012Validator(report.schema()).validate(data)
    texts = texts_of(RAW)
    assert data["unplaced"]
    assert {item["source"]["doc"] for item in data["unplaced"]} <= set(texts)
    for item in data["unplaced"]:
        assert set(item) == {
            "kind",
            "region",
            "metric_text",
            "value",
            "period",
            "reason",
            "source",
        }
        source = item["source"]
        assert texts[source["doc"]][source["start"] : source["end"]] == source["quote"]
        assert item["kind"] in ("goal", "outcome")
        assert item["reason"] and item["value"]
    reasons = " | ".join(item["reason"] for item in data["unplaced"])
    assert "names no measure" in reasons


def test_goals_outcomes_and_unplaced_account_for_every_statement(
    capsys: pytest.CaptureFixture[str],
) -> None:
    paths = sorted(SEEDS.glob("*.txt"))
    statements = [s for path in paths for s in extract(read_text(path), doc=path.name)]
    inputs = cli.load_inputs([str(path) for path in paths])
    assert len(inputs.goals) + len(inputs.outcomes) + len(inputs.unplaced) == len(statements)
    kept = Counter(r.source for r in [*inputs.goals, *inputs.outcomes, *inputs.unplaced])
    assert kept == Counter(s.source for s in statements)
    # and the report carries them all: one verdict per goal, every unplaced statement listed
    data = json.loads(run_audit(capsys, paths, "--format", "json"))
    assert len(data["verdicts"]) == len(inputs.goals)
    listed = [
        (u["source"]["doc"], u["source"]["start"], u["source"]["end"]) for u in data["unplaced"]
    ]
    assert listed == [(u.source.doc, u.source.start, u.source.end) for u in inputs.unplaced]


def test_the_text_and_markdown_reports_list_them(capsys: pytest.CaptureFixture[str]) -> None:
    inputs = cli.load_inputs([str(path) for path in RAW])
    count = len(inputs.unplaced)
    text = run_audit(capsys, RAW).splitlines()
    noun = "statement" if count == 1 else "statements"
    assert text[0].endswith(f", {count} {noun} not placed")
    heading = text.index(f"{count} {noun} read but not placed (not judged):")
    lines = text[heading + 1 :]
    assert len(lines) == count
    for line, item in zip(lines, inputs.unplaced, strict=True):
        assert line.split()[0] == item.kind
        assert str(item.source) in line and line.endswith(item.reason)
    markdown = run_audit(capsys, RAW, "--format", "md").splitlines()
    section = markdown.index("## Statements not placed")
    rows = [line for line in markdown[section:] if re.match(r"^\| \d+ \|", line)]
    assert len(rows) == count
    for row, item in zip(rows, inputs.unplaced, strict=True):
        assert f"| {item.kind} |" in row
        assert f"{item.source.doc} \\[{item.source.start}:{item.source.end}\\]" in row


def test_the_text_shown_in_docs_is_what_the_command_prints(
    capsys: pytest.CaptureFixture[str],
) -> None:
    page = DOCS.read_text(encoding="utf-8")
    block = re.search(r"```text\n(\d+ goals as of .*?)```", page, re.S)
    assert block is not None, "docs/report.md shows no raw audit"
    printed = run_audit(capsys, RAW).splitlines()
    for line in block.group(1).splitlines():
        if line != "…":
            assert line in printed


def test_an_unplaced_quote_is_escaped_in_html_and_markdown(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    hostile = "<script>window.x=1</script>"
    path = tmp_path / "plan.txt"
    # no region anywhere: the statement is read but cannot be placed
    path.write_text(f"2025年新增{hostile}平台30个。\n", encoding="utf-8")
    data = json.loads(run_audit(capsys, [path], "--format", "json", warned=True))
    [item] = data["unplaced"]
    assert hostile in item["source"]["quote"] and hostile in item["metric_text"]
    page = run_audit(capsys, [path], "--format", "html", warned=True)
    assert "<script>window" not in page
    tree = parse(page)
    assert len(tree.find_all("script")) == 1  # the page's own, nothing from the document
    [section] = tree.find_all("section", "unplaced")
    [details] = section.find_all("details")
    assert "open" not in details.attrs  # collapsed by default
    [summary] = details.find_all("summary")
    assert " ".join(summary.text().split()) == "1 statement read but not placed (not judged)"
    [row] = section.find_all("tr", "statement")
    assert hostile in row.text()
    assert any(hostile in n.text() for n in row.find_all("span", "quoted"))
    markdown = run_audit(capsys, [path], "--format", "md", warned=True)
    assert "<script>" not in markdown and "\\<script\\>" in markdown


def test_an_audit_without_unplaced_statements_has_no_such_section() -> None:
    audit = rc.build_audit()
    assert audit.unplaced == ()
    assert report.to_json(audit)["unplaced"] == []
    assert not parse(report.to_html(audit, rc.TEXTS)).find_all("section", "unplaced")
    assert "not placed" not in report.to_markdown(audit, rc.TEXTS)
    assert "not placed" not in report.to_text(audit)
    assert "not placed" not in report.summary_html(audit)


def test_unplaced_statements_are_not_in_the_table_of_goals() -> None:
    text = "2025年新增某某平台30个。"
    statement = tt.Unplaced(
        kind="goal",
        region="",
        metric_text="新增某某平台",
        value="30个",
        period="2025年",
        source=tt.Source.from_span("plan.txt", text, 5, 14),
        reason="the catalog has no metric for '新增某某平台'; no region",
    )
    audit = tt.audit([], [], AS_OF, unplaced=[statement])
    assert audit.unplaced == (statement,)
    assert report.to_csv(audit).splitlines() == [",".join(report.CSV_COLUMNS)]
    assert len(report.to_frame(audit)) == 0
    assert "1 statement read but not placed (not judged)" in report.summary_html(audit)
    [item] = report.to_json(audit)["unplaced"]
    assert item == {
        "kind": "goal",
        "region": "",
        "metric_text": "新增某某平台",
        "value": "30个",
        "period": "2025年",
        "reason": "the catalog has no metric for '新增某某平台'; no region",
        "source": {"doc": "plan.txt", "start": 5, "end": 14, "quote": "新增某某平台30个"},
    }


def test_an_unplaced_statement_is_validated() -> None:
    source = tt.Source("plan.txt", 0, 2, "30")
    fields = dict(region="", metric_text="", value="30", period="", source=source, reason="x")
    with pytest.raises(tt.ValidationError, match="'kind' must be goal or outcome"):
        tt.Unplaced(kind="target", **fields)
    with pytest.raises(tt.ValidationError, match="'reason' must be a non-empty text"):
        tt.Unplaced(kind="goal", **{**fields, "reason": ""})
    with pytest.raises(tt.ValidationError, match="'source'"):
        tt.Unplaced(kind="goal", **{**fields, "source": "plan.txt[0:2]"})
