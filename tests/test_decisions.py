"""A person's decisions on verdicts (issue 20): the review proposes, a decisions file decides,
every later audit keeps the decisions — on the same documents renamed, read again or typeset as
PDF — and a stale or malformed file is reported line by line without touching another verdict."""

from __future__ import annotations

import datetime as dt
import functools
import io
import json
import pickle
import re
from pathlib import Path
from typing import Any

import jsonschema
import pandas as pd
import pytest
import yaml

import targettrack as tt
from targettrack import cli, report
from targettrack.decisions import fold, proposals, proposals_yaml, schema
from targettrack.testing import hard_wrapped

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
FIXTURES = ROOT / "tests" / "fixtures" / "documents"
JIANGSU = [str(CORPUS / f"jiangsu_{year}_gov_work_report.txt") for year in (2025, 2026)]
HEBEI = [str(CORPUS / f"hebei_{year}_gov_work_report.txt") for year in (2025, 2026)]
HEBEI_PDF = [str(FIXTURES / f"hebei_{year}_gov_work_report.pdf") for year in (2025, 2026)]
AS_OF = dt.date(2026, 3, 1)
TAKEN = dt.date(2026, 2, 20)


@functools.cache
def inputs(*paths: str) -> Any:
    return cli.load_inputs(list(paths))


def audit_of(
    paths: list[str], decisions: tt.Decisions | None = None, as_of: dt.date = AS_OF
) -> tt.Audit:
    read = inputs(*paths)
    return tt.audit(
        read.goals,
        read.outcomes,
        as_of,
        documents=read.documents,
        unplaced=read.unplaced,
        decisions=decisions,
    )


def the(audit: tt.Audit, quote: str) -> tt.Verdict:
    """The verdict on the goal quoted ``quote`` (whitespace folded) — of the 2025 plan, when the
    2026 report sets a goal in the same words."""
    found = [v for v in audit.verdicts if fold(v.goal.source.quote) == fold(quote)]
    if len(found) > 1:
        found = [v for v in found if "2025" in v.goal.source.doc]
    [verdict] = found
    return verdict


def goal_ref(audit: tt.Audit, verdict: tt.Verdict) -> dict[str, Any]:
    source = verdict.goal.source
    sha = {d.name: d.sha256 for d in audit.documents}
    return {
        "doc": source.doc,
        "sha256": sha[source.doc],
        "start": source.start,
        "quote": source.quote,
        "region": verdict.goal.region,
        "period": str(verdict.goal.period),
    }


def span_ref(audit: tt.Audit, outcome: tt.Outcome) -> dict[str, Any]:
    source = outcome.source
    sha = {d.name: d.sha256 for d in audit.documents}
    return {
        "doc": source.doc,
        "sha256": sha[source.doc],
        "start": source.start,
        "quote": source.quote,
    }


def entry(goal: dict[str, Any], date: dt.date = TAKEN, **decision: Any) -> dict[str, Any]:
    return {"goal": goal, "by": "王芳", "date": date, "note": "read in both reports", **decision}


def write(path: Path, entries: list[dict[str, Any]]) -> Path:
    text = yaml.safe_dump({"decisions": entries}, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path


def changed(before: tt.Audit, after: tt.Audit) -> list[str]:
    """The goal quotes whose verdicts differ between two audits of the same goals."""
    assert [v.goal for v in before.verdicts] == [v.goal for v in after.verdicts]
    return [
        a.goal.source.quote for a, b in zip(before.verdicts, after.verdicts, strict=True) if a != b
    ]


def uncomment(text: str, goal_quote: str, line_start: str, containing: str = "") -> str:
    """``text`` (a file targettrack review wrote) with the first line of the entry of the goal
    quoted ``goal_quote`` that starts with ``line_start`` (and contains ``containing``)
    uncommented."""
    lines = text.split("\n")
    inside = False
    for index, line in enumerate(lines):
        if line.startswith("- goal:"):
            inside = f'quote: "{goal_quote}"' in line
        elif inside and line.startswith(line_start) and containing in line:
            lines[index] = "  " + line[len("  # ") :]
            return "\n".join(lines)
    raise AssertionError(f"no {line_start!r} line for {goal_quote}")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def as_json(data: Any) -> Any:
    """YAML data as JSON values (dates as text), to validate against a JSON Schema."""
    return json.loads(json.dumps(data, default=str))


# -- the review, and the decisions taken on it ---------------------------------------------------


@pytest.fixture(scope="module")
def reviewed(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """``targettrack review`` of the Jiangsu pair: the file, and what the command printed."""
    folder = tmp_path_factory.mktemp("review")
    path = folder / "review.yaml"
    status = cli.main(
        ["review", *JIANGSU, "--as-of", "2026-03-01", "--by", "王芳", "-o", str(path)]
    )
    assert status == 0
    return path, path.read_text(encoding="utf-8")


def test_the_review_proposes_every_goal_to_decide_on_and_changes_nothing_as_written(
    reviewed: tuple[Path, str], capsys: pytest.CaptureFixture[str]
) -> None:
    path, text = reviewed
    machine = audit_of(JIANGSU)
    found = proposals(machine)
    assert found, "the Jiangsu pair has goals to decide on"
    assert text == proposals_yaml(machine, found, by="王芳")
    for proposal in found:
        verdict = proposal.verdict
        assert not verdict.not_yet_due
        assert f'quote: "{verdict.goal.source.quote}"' in text
        assert f"#    the machine: {verdict.reason}" in text
        for candidate in proposal.candidates:
            assert candidate.outcome.source.quote in text
    # the 民生实事 goal: the machine left it unreported; one candidate would meet it
    livelihood = next(p for p in found if p.verdict.goal.source.quote == "45件民生实事")
    assert livelihood.why == "near" and livelihood.verdict.status is tt.Status.UNREPORTED
    usable = [c for c in livelihood.candidates if c.usable]
    assert [c.outcome.source.quote for c in usable] == ["45件民生实事全面完成"]
    assert usable[0].would_be.status is tt.Status.MET
    loaded = tt.load_decisions(path)
    assert (len(loaded), loaded.pending) == (0, len(found))
    jsonschema.validate(as_json(yaml.safe_load(text)), schema())
    assert audit_of(JIANGSU, loaded) == machine


def test_accepting_one_candidate_and_rejecting_another_changes_exactly_those_two_verdicts(
    reviewed: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, text = reviewed
    text = uncomment(text, "45件民生实事", "  # use:", "45件民生实事全面完成")
    text = uncomment(text, "建设500个省重大项目", "  # no_evidence:")
    path = tmp_path / "decided.yaml"
    path.write_text(text, encoding="utf-8")
    status, out, warned = run(capsys, "audit", *JIANGSU, "--as-of", "2026-03-01", "-f", "json")
    assert status == 0
    before = json.loads(out)
    status, out, err = run(
        capsys, "audit", *JIANGSU, "--as-of", "2026-03-01", "-f", "json", "--decisions", str(path)
    )
    assert status == 0 and err == warned  # the decisions add no warning: all are applied
    after = json.loads(out)
    jsonschema.validate(after, report.schema())
    differ = [
        b["goal"]["source"]["quote"]
        for a, b in zip(before["verdicts"], after["verdicts"], strict=True)
        if a != b
    ]
    assert sorted(differ) == sorted(["45件民生实事", "建设500个省重大项目"])
    by_quote = {
        v["goal"]["source"]["quote"]: v
        for v in after["verdicts"]
        if v["goal"]["source"]["doc"] == "jiangsu_2025_gov_work_report.txt"
    }
    accepted, rejected = by_quote["45件民生实事"], by_quote["建设500个省重大项目"]
    assert accepted["status"] == "met"
    assert [e["source"]["quote"] for e in accepted["evidence"]] == ["45件民生实事全面完成"]
    assert accepted["decision"]["action"] == "use"
    assert accepted["decision"]["machine"]["status"] == "unreported"
    assert rejected["status"] == "unreported" and rejected["evidence"] == []
    assert rejected["reason"].startswith("unreported: no evidence applies — ")
    assert rejected["decision"]["action"] == "no_evidence"
    for decided in (accepted, rejected):
        assert decided["decision"]["by"] == "王芳"
        assert decided["decision"]["date"] == "2026-03-01"
        assert decided["decision"]["file"] == str(path)
        assert decided["decision"]["found_by"] == "sha256"
    assert after["summary"]["met"] == before["summary"]["met"] + 1
    assert after["unapplied"] == [] and after["dropped"] == []


def test_every_format_shows_which_verdicts_a_person_decided(
    reviewed: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, text = reviewed
    text = uncomment(text, "45件民生实事", "  # use:", "45件民生实事全面完成")
    text = uncomment(text, "建设500个省重大项目", "  # no_evidence:")
    path = tmp_path / "decided.yaml"
    path.write_text(text, encoding="utf-8")
    decided = audit_of(JIANGSU, tt.load_decisions(path))
    accepted = the(decided, "45件民生实事")
    assert accepted.decided is not None

    listing = report.to_text(decided)
    lines = listing.splitlines()
    assert "decided by a person: 2 verdicts" in lines
    at = lines.index(f"          {accepted.reason}")
    assert lines[at + 1] == f"          {accepted.decided.describe()}"
    assert lines[at + 2] == f"          the machine said: {accepted.decided.machine_reason}"
    assert sum(line.startswith("          decided by 王芳 on 2026-03-01") for line in lines) == 2

    markdown = report.to_markdown(decided)
    rows = [line for line in markdown.splitlines() if line.startswith("| ") and "goal-" not in line]
    assert sum("(decided by 王芳)" in row for row in rows) == 2
    assert markdown.count("- Decided: decided by 王芳 on 2026-03-01") == 2
    assert markdown.count("- The machine's verdict: unreported") == 2

    page = report.to_html(decided)
    assert page.count('<span class="flag decided">decided by 王芳</span>') == 2
    assert page.count('<p class="decided">') == 2

    frame = pd.read_csv(io.StringIO(report.to_csv(decided)), keep_default_na=False)
    people = frame[frame["decided_by"] != ""]
    assert sorted(people["decision"]) == ["no_evidence", "use"]
    assert set(people["machine_status"]) == {"unreported"}
    assert set(people["decided_on"]) == {"2026-03-01"}
    assert (frame["decided_by"] == "").sum() == len(frame) - 2

    data = report.to_json(decided)
    jsonschema.validate(data, report.schema())
    assert sum(v["decision"] is not None for v in data["verdicts"]) == 2


def test_the_html_page_shows_the_candidates_beside_each_goal_to_decide_on() -> None:
    machine = audit_of(JIANGSU)
    found = {p.verdict.goal.id: p for p in proposals(machine)}
    page = report.to_html(machine)
    rows = page.split('<tbody class="goal ')[1:]
    assert len(rows) == len(machine.verdicts)
    for verdict, row in zip(machine.verdicts, rows, strict=True):
        row = row.split("</tbody>")[0]
        if verdict.goal.id in found:
            assert '<details class="candidates">' in row
            for candidate in found[verdict.goal.id].candidates:
                assert candidate.outcome.source.quote in row
        else:
            assert "candidates" not in row


# -- the same goals in the PDF, in a renamed file, in a text read again ------------------------


def hebei_decisions(tmp_path: Path) -> Path:
    """One decision of each kind on the Hebei pair read from its .txt files."""
    machine = audit_of(HEBEI)
    gdp = the(machine, "地区生产总值增长5%以上")
    retail = the(machine, "社会消费品零售总额增长5%左右")
    growth = next(o for o in machine.outcomes if o.source.quote == gdp.evidence[0].source.quote)
    return write(
        tmp_path / "hebei.yaml",
        [
            entry(goal_ref(machine, gdp), confirm="met"),
            entry(goal_ref(machine, retail), use=span_ref(machine, growth)),
            entry(
                goal_ref(machine, the(machine, "实施20项民生工程")), no_evidence="not in the review"
            ),
            entry(goal_ref(machine, the(machine, "提高残疾人两项")), not_a_goal="two allowances"),
            entry(
                goal_ref(machine, the(machine, "完成营造林600万亩")),
                set={"status": "met", "figure": "638万亩", "reason": "the forestry report"},
            ),
        ],
    )


def decided_state(audit: tt.Audit) -> dict[tuple[bool, str], tuple[Any, ...]]:
    """What the decisions made of an audit, by the goals' plan (2025 or not) and quote (folded)."""
    state: dict[tuple[bool, str], tuple[Any, ...]] = {}
    for verdict in (*audit.verdicts, *audit.dropped):
        decided = verdict.decided
        key = ("2025" in verdict.goal.source.doc, fold(verdict.goal.source.quote))
        assert key not in state, key
        state[key] = (
            verdict in audit.dropped,
            verdict.status,
            verdict.achieved,
            None if decided is None else (decided.action, decided.by, decided.machine_status),
        )
    return state


def test_the_same_decisions_find_the_same_goals_in_the_pdf_version_of_the_pair(
    tmp_path: Path,
) -> None:
    decisions = tt.load_decisions(hebei_decisions(tmp_path))
    text = audit_of(HEBEI, decisions)
    pdf = audit_of(HEBEI_PDF, decisions)
    assert text.unapplied == () and pdf.unapplied == ()
    assert sum(v.decided is not None for v in (*text.verdicts, *text.dropped)) == 5
    assert decided_state(pdf) == decided_state(text)
    assert {v.goal.source.doc for v in pdf.verdicts if v.decided} <= {
        Path(p).name for p in HEBEI_PDF
    }
    machine = audit_of(HEBEI)
    assert the(text, "社会消费品零售总额增长5%左右").evidence[0].source.quote == (
        the(machine, "地区生产总值增长5%以上").evidence[0].source.quote
    )
    assert [v.goal.source.quote for v in text.dropped] == ["提高残疾人两项"]
    assert the(text, "完成营造林600万亩").achieved == 638
    assert len(text.verdicts) == len(machine.verdicts) - 1


@pytest.mark.parametrize(
    ("shape", "found_by"),
    [("renamed", "sha256"), ("wrapped", "name"), ("wrapped and renamed", "quote")],
)
def test_a_decision_finds_its_goal_in_a_renamed_file_or_a_text_read_otherwise(
    tmp_path: Path, shape: str, found_by: str
) -> None:
    decisions = tt.load_decisions(hebei_decisions(tmp_path))
    folder = tmp_path / "shaped"
    folder.mkdir()
    paths = []
    for original_path in HEBEI:
        name = Path(original_path).name
        text = Path(original_path).read_text(encoding="utf-8")
        if "wrapped" in shape:
            text = hard_wrapped(text, 29)
        if "renamed" in shape:
            name = name.replace("gov_work_report", "政府工作报告")
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(str(folder / name))
    original = audit_of(HEBEI, decisions)
    shaped = audit_of(paths, decisions)
    assert shaped.unapplied == ()
    assert decided_state(shaped) == decided_state(original)
    assert {v.decided.found_by for v in shaped.verdicts if v.decided} == {found_by}


def test_a_curated_dataset_s_goal_is_found_by_its_document_and_quote(tmp_path: Path) -> None:
    dataset = tt.load_dataset()
    machine = tt.audit_dataset(dataset, dt.date(2026, 1, 15))
    goal = machine.verdict("004-sd-2024-tech-renovation-projects").goal
    path = write(
        tmp_path / "seeds.yaml",
        [
            entry(
                {"doc": goal.source.doc, "quote": goal.source.quote},
                dt.date(2026, 1, 10),
                set={"status": "missed", "figure": "9000个", "reason": "a recount"},
            )
        ],
    )
    decided = tt.audit_dataset(dataset, dt.date(2026, 1, 15), decisions=tt.load_decisions(path))
    assert changed(machine, decided) == [goal.source.quote]
    verdict = decided.verdict(goal.id)
    assert (verdict.status, verdict.achieved, verdict.achieved_unit) == (
        tt.Status.MISSED,
        0.9,
        "万个",
    )
    assert verdict.reason == "missed: 9000个 — a recount."


# -- what cannot be applied: named, never applied to something else -----------------------------


def test_stale_decisions_are_each_reported_and_change_no_other_verdict(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    machine = audit_of(JIANGSU)
    livelihood = the(machine, "45件民生实事")
    gdp = the(machine, "地区生产总值增长5%以上")
    stock = the(machine, "高新技术企业超6.1万家")
    money = next(o for o in machine.outcomes if o.source.quote == "省重大项目完成投资达7290亿元")
    edited = {**goal_ref(machine, livelihood), "quote": "46件民生实事"}
    elsewhere = {
        "doc": "zhejiang_2025.txt",
        "sha256": "0" * 64,
        "quote": "数字经济核心产业增加值占比15%",
    }
    entries = [
        entry(edited, confirm="unreported"),  # the goal's quote is no longer in its text
        entry(goal_ref(machine, gdp), confirm="missed"),  # the machine says met
        entry(goal_ref(machine, livelihood), use={"outcome": "nope"}),  # no such outcome
        entry(
            goal_ref(machine, the(machine, "建设500个省重大项目")), use=span_ref(machine, money)
        ),  # 亿元 cannot answer a count of projects
        entry(elsewhere, not_a_goal="x"),  # a document this audit does not have
        entry(goal_ref(machine, gdp), dt.date(2026, 6, 1), confirm="met"),  # after the audit
        entry(
            goal_ref(machine, livelihood),
            set={"status": "met", "figure": "45亿元", "reason": "money is not a count"},
        ),
        entry(goal_ref(machine, stock), confirm="met"),  # the one decision that applies
    ]
    path = write(tmp_path / "stale.yaml", entries)
    decided = audit_of(JIANGSU, tt.load_decisions(path))
    assert changed(machine, decided) == ["高新技术企业超6.1万家"]
    assert the(decided, "高新技术企业超6.1万家").decided is not None
    lines = path.read_text(encoding="utf-8").splitlines()
    starts = [number for number, line in enumerate(lines, 1) if line.startswith("- goal:")]
    problems = {item.line: item for item in decided.unapplied}
    assert sorted(problems) == starts[:-1]
    first, confirm, missing, money_, elsewhere_, later, unit = (problems[n] for n in starts[:-1])
    assert first.problem == "no goal with this quote in jiangsu_2025_gov_work_report.txt"
    assert first.nearest == "jiangsu_2025_gov_work_report.txt[15433:15440] “45件民生实事”"
    assert "“46件民生实事”" in first.named
    assert confirm.problem == "it confirms missed, but the verdict is now met"
    assert missing.problem == "no outcome of this audit has the id" and missing.named == (
        "evidence outcome nope"
    )
    assert money_.problem == "the evidence decides nothing for the goal"
    assert "cannot be put in the goal's 个" in money_.nearest
    assert elsewhere_.problem.startswith("no document of this audit has its text or name")
    assert later.problem == "taken on 2026-06-01, after the audit's date (2026-03-01)"
    assert unit.problem == "the figure 45亿元 cannot be put in the goal's unit (件)"
    # the command names each one on stderr, with its file and line, and reports the rest
    status, out, err = run(
        capsys, "audit", *JIANGSU, "--as-of", "2026-03-01", "--decisions", str(path)
    )
    assert status == 0
    warnings = [line for line in err.splitlines() if str(path) in line]  # not the reading's
    assert warnings == [f"warning: {item}" for item in decided.unapplied]
    assert all(re.match(rf"warning: {re.escape(str(path))}:\d+: ", w) for w in warnings)
    assert "7 decisions not applied:" in out.splitlines()
    data = report.to_json(decided)
    assert [(u["line"], u["problem"]) for u in data["unapplied"]] == [
        (u.line, u.problem) for u in decided.unapplied
    ]
    assert "## Decisions not applied" in report.to_markdown(decided)
    assert "<h2>Decisions not applied</h2>" in report.to_html(decided)


def test_a_quote_found_in_several_documents_and_none_named_is_not_applied(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "twice"
    folder.mkdir()
    texts = [Path(p).read_text(encoding="utf-8") for p in JIANGSU]
    paths = []
    for suffix in ("a", "b"):
        for path, text in zip(JIANGSU, texts, strict=True):
            target = folder / f"{Path(path).stem}_{suffix}.txt"
            target.write_text(text + ("\n" if suffix == "b" else ""), encoding="utf-8")
            paths.append(str(target))
    machine = audit_of(JIANGSU)
    ref = {**goal_ref(machine, the(machine, "45件民生实事")), "sha256": "1" * 64}
    decided = audit_of(
        paths[:2] + paths[2:3],
        tt.load_decisions(write(tmp_path / "d.yaml", [entry(ref, confirm="unreported")])),
    )
    [item] = decided.unapplied
    assert item.problem.startswith("the quote is a goal of 2 documents")
    assert "none of the text or name decided on" in item.problem
    assert all(v.decided is None for v in decided.verdicts)


# -- malformed files: one located line per problem, nothing done --------------------------------

MALFORMED = """\
decisions:
- goal: {quote: "45件民生实事", sha256: "abc"}
  by: 王芳
  date: 2026-02-31x
  confirm: maybe
  colour: red
- goal: {doc: x.txt, quote: "建设500个省重大项目"}
  date: 2026-03-01
  use: {outcome: nope}
  no_evidence: because
- goal: {quote: "建设500个省重大项目"}
  by: me
  on: 2026-03-01
  set: {status: met, figure: "很多", reason: ""}
- goal: "45件民生实事"
  by: me
  date: 2026-03-01
  not_a_goal: ""
- just a line
"""


def test_a_malformed_decisions_file_is_one_located_line_per_problem(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "malformed.yaml"
    path.write_text(MALFORMED, encoding="utf-8")
    output = tmp_path / "audit.json"
    status, out, err = run(capsys, "audit", *JIANGSU, "--decisions", str(path), "-o", str(output))
    assert (status, out) == (1, "")
    assert not output.exists()
    lines = err.splitlines()
    where = [re.match(rf"DataError: {re.escape(str(path))}:(\d+): ", line) for line in lines]
    assert all(where), lines
    assert [int(m.group(1)) for m in where if m] == [2, 4, 5, 6, 7, 11, 13, 14, 14, 15, 18, 19]
    expected = [
        "goal: 'sha256' must be a SHA-256 in hex (64 characters) (got 'abc')",
        "date: expected the date the decision was taken, YYYY-MM-DD, got '2026-02-31x'",
        "confirm: expected a status (met, missed, unreported), got 'maybe'",
        "a decision: unknown key 'colour'",
        "one decision per goal: use and no_evidence are both given",
        "date: expected the date the decision was taken, YYYY-MM-DD, got None",
        "a decision: unknown key 'True' (YAML reads on, yes, no, off as true or false)",
        "set: figure: cannot read '很多' as a quantity",
        "set: reason: expected why (a text)",
        "goal: expected a mapping with its quote (and doc, sha256, start), got '45件民生实事'",
        "not_a_goal: expected why (a text), got ''",
        "expected a decision (a mapping with goal:), got 'just a line'",
    ]
    for message in expected:
        assert sum(message in line for line in lines) == 1, message
    with pytest.raises(tt.DecisionsError) as raised:
        tt.load_decisions(path)
    assert len(raised.value.problems) == len(lines)
    assert str(raised.value).splitlines() == [line.removeprefix("DataError: ") for line in lines]
    again = pickle.loads(pickle.dumps(raised.value))
    assert str(again) == str(raised.value)
    assert [(e.path, e.line, e.message) for e in again.problems] == [
        (e.path, e.line, e.message) for e in raised.value.problems
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("decisions: [\n", "malformed YAML"),
        ("- goal: {quote: x}\n", "expected a mapping with 'decisions:'"),
        ("decisions: {a: 1}\n", "decisions: expected a list of decisions"),
        ("decisions: []\nnotes: x\n", "the file: unknown key 'notes'"),
    ],
)
def test_a_decisions_file_of_the_wrong_shape_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], text: str, message: str
) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    status, out, err = run(capsys, "audit", *JIANGSU, "--decisions", str(path))
    assert (status, out) == (1, "")
    [line] = err.splitlines()
    assert line.startswith(f"DataError: {path}:") and message in line


def test_the_schema_and_the_reader_agree_on_what_a_decisions_file_is() -> None:
    good = {
        "decisions": [
            {"goal": {"quote": "x"}, "by": "a", "date": "2026-03-01", "confirm": "met"},
            {"goal": {"quote": "x"}},
            {"goal": {"quote": "x"}, "by": "a", "date": "2026-03-01", "use": [{"outcome": "o"}]},
            {
                "goal": {"quote": "x", "sha256": "a" * 64, "start": 3, "doc": "d", "region": "r"},
                "by": "a",
                "date": "2026-03-01",
                "set": {"status": "missed", "figure": 3, "reason": "why"},
            },
        ]
    }
    jsonschema.validate(good, schema())
    bad = [
        {
            "decisions": [
                {"goal": {"quote": "x"}, "by": "a", "date": "2026-03-01", "note": "n", "x": 1}
            ]
        },
        {"decisions": [{"goal": {"quote": "x"}, "date": "2026-03-01", "confirm": "met"}]},
        {
            "decisions": [
                {
                    "goal": {"quote": "x"},
                    "by": "a",
                    "date": "2026-03-01",
                    "confirm": "met",
                    "not_a_goal": "y",
                }
            ]
        },
        {"decisions": [{"goal": {"doc": "d"}, "by": "a", "date": "2026-03-01", "confirm": "met"}]},
        {
            "decisions": [
                {"goal": {"quote": "x"}, "by": "a", "date": "2026-03-01", "set": {"status": "met"}}
            ]
        },
        {"decisions": [{"goal": {"quote": "x"}, "by": "a", "date": "2026-03-01", "use": []}]},
    ]
    for data in bad:
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(data, schema())


def test_the_reader_refuses_what_the_schema_refuses(tmp_path: Path) -> None:
    cases = [
        "decisions:\n- goal: {quote: x}\n  by: a\n  date: 2026-03-01\n  note: n\n  x: 1\n  confirm: met\n",
        "decisions:\n- goal: {quote: x}\n  date: 2026-03-01\n  confirm: met\n",
        "decisions:\n- goal: {doc: d}\n  by: a\n  date: 2026-03-01\n  confirm: met\n",
        "decisions:\n- goal: {quote: x}\n  by: a\n  date: 2026-03-01\n  set: {status: met}\n",
        "decisions:\n- goal: {quote: x}\n  by: a\n  date: 2026-03-01\n  use: []\n",
    ]
    for number, text in enumerate(cases):
        path = tmp_path / f"{number}.yaml"
        path.write_text(text, encoding="utf-8")
        with pytest.raises(jsonschema.ValidationError):
            jsonschema.validate(as_json(yaml.safe_load(text)), schema())
        with pytest.raises(tt.DecisionsError):
            tt.load_decisions(path)


# -- through time -------------------------------------------------------------------------------


def test_history_applies_a_decision_only_from_the_date_it_was_taken(tmp_path: Path) -> None:
    machine = audit_of(JIANGSU)
    livelihood = the(machine, "45件民生实事")
    candidate = next(o for o in machine.outcomes if o.source.quote == "45件民生实事全面完成")
    path = write(
        tmp_path / "dated.yaml",
        [
            entry(
                goal_ref(machine, livelihood),
                dt.date(2026, 2, 10),
                use=span_ref(machine, candidate),
            ),
            entry(goal_ref(machine, livelihood), dt.date(2026, 4, 1), no_evidence="a second look"),
        ],
    )
    decisions = tt.load_decisions(path)
    read = inputs(*JIANGSU)
    result = tt.history(
        read.goals,
        read.outcomes,
        documents=read.documents,
        until=dt.date(2026, 6, 30),
        decisions=decisions,
    )
    points = result.goal(livelihood.goal.id).points
    assert [p.date.isoformat() for p in points] == ["2025-01-19", "2026-02-03", "2026-06-30"]
    assert [p.verdict.decided for p in points[:2]] == [None, None]
    last = points[-1].verdict
    assert last.decided.action is tt.DecisionAction.NO_EVIDENCE  # the latest in force
    # between the two decisions, the first holds; before it, the machine's verdict
    assert audit_of(JIANGSU, decisions, dt.date(2026, 3, 1)).verdict(livelihood.goal.id).status is (
        tt.Status.MET
    )
    assert audit_of(JIANGSU, decisions, dt.date(2026, 2, 9)).verdict(livelihood.goal.id) == (
        audit_of(JIANGSU, None, dt.date(2026, 2, 9)).verdict(livelihood.goal.id)
    )
    lines = report.history_text(result).splitlines()
    at = lines.index(next(line for line in lines if livelihood.goal.id in line))
    assert lines[at + 3].startswith("    2026-06-30 unreported, decided by 王芳 on 2026-04-01")
    data = report.history_json(result)
    jsonschema.validate(data, report.history_schema())
    [goal] = [g for g in data["goals"] if g["id"] == livelihood.goal.id]
    assert [p["decision"] and p["decision"]["date"] for p in goal["timeline"]] == [
        None,
        None,
        "2026-04-01",
    ]


def test_a_dropped_goal_is_out_of_the_counts_and_listed_everywhere(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    machine = audit_of(JIANGSU)
    goal = the(machine, "建设500个省重大项目")
    path = write(tmp_path / "drop.yaml", [entry(goal_ref(machine, goal), not_a_goal="a list")])
    dropped = audit_of(JIANGSU, tt.load_decisions(path))
    assert [v.goal.id for v in dropped.dropped] == [goal.goal.id]
    assert len(dropped.verdicts) == len(machine.verdicts) - 1
    assert dropped.counts()[tt.Status.UNREPORTED] == machine.counts()[tt.Status.UNREPORTED] - 1
    text = report.to_text(dropped)
    assert "1 goal dropped as not a goal (not judged):" in text
    assert "          not a goal: a list. — decided by 王芳 on 2026-02-20 (not a goal)" in text
    assert "decided by a person: 1 goal dropped as not a goal" in text
    assert "## Not goals" in report.to_markdown(dropped)
    assert "<h2>Not goals</h2>" in report.to_html(dropped)
    data = report.to_json(dropped)
    jsonschema.validate(data, report.schema())
    assert [v["decision"]["action"] for v in data["dropped"]] == ["not_a_goal"]
    read = inputs(*JIANGSU)
    result = tt.history(
        read.goals,
        read.outcomes,
        documents=read.documents,
        until=AS_OF,
        decisions=tt.load_decisions(path),
    )
    for (_, counts), audit in zip(result.counts(), result.audits, strict=True):
        assert sum(counts.values()) + len(audit.dropped) == len(read.goals)


def test_the_history_command_warns_of_decisions_taken_after_its_last_date(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    machine = audit_of(JIANGSU)
    goal = the(machine, "45件民生实事")
    path = write(
        tmp_path / "late.yaml",
        [entry(goal_ref(machine, goal), dt.date(2026, 9, 1), confirm="unreported")],
    )
    status, out, err = run(
        capsys, "history", *JIANGSU, "--as-of", "2026-06-30", "--decisions", str(path)
    )
    assert status == 0
    assert [line for line in err.splitlines() if str(path) in line] == [
        f"warning: {path}:2: taken on 2026-09-01, after the audit's date (2026-06-30): "
        f"goal jiangsu_2025_gov_work_report.txt[15433:15440] “45件民生实事”"
    ]
    assert "decided by" not in out


# -- a wording decided on: confirmed or rejected ------------------------------------------------


def test_a_verdict_decided_through_a_close_wording_is_proposed_and_can_be_rejected(
    tmp_path: Path,
) -> None:
    pair = [str(CORPUS / f"beijing_{year}_gov_work_report.txt") for year in (2025, 2026)]
    machine = audit_of(pair)
    found = {p.verdict.goal.source.quote: p for p in proposals(machine)}
    close = [q for q, p in found.items() if p.why == "wording"]
    assert close == [v.goal.source.quote for v in machine.verdicts if v.match == "close wording"]
    wording = found["新建50个养老服务中心"]
    assert wording.verdict.status is tt.Status.MET
    assert [c.outcome.source.quote for c in wording.candidates if c.taken] == [
        "新建50个区域养老服务中心"
    ]
    assert "differing by 区域" in wording.why_text
    text = proposals_yaml(machine, list(found.values()), by="王芳", date=TAKEN)
    text = uncomment(text, "新建50个养老服务中心", "  # no_evidence:")
    text = uncomment(text, "深入落实中央八项", "  # not_a_goal:")
    path = tmp_path / "beijing.yaml"
    path.write_text(text, encoding="utf-8")
    decided = audit_of(pair, tt.load_decisions(path))
    rejected = the(decided, "新建50个养老服务中心")
    assert (rejected.status, rejected.evidence, rejected.match) == (
        tt.Status.UNREPORTED,
        (),
        "same measure",
    )
    assert [v.goal.source.quote for v in decided.dropped] == ["深入落实中央八项"]
    untouched = ("新建50个养老服务中心", "深入落实中央八项")
    assert [v for v in decided.verdicts if v.goal.source.quote not in untouched] == [
        v for v in machine.verdicts if v.goal.source.quote not in untouched
    ]


# -- the command --------------------------------------------------------------------------------


def test_review_never_writes_over_an_existing_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "review.yaml"
    path.write_text("decisions: []\n", encoding="utf-8")
    status, out, err = run(capsys, "review", *JIANGSU, "-o", str(path))
    assert (status, out) == (1, "")
    assert err.splitlines() == [
        f"FileExistsError: {path}: exists, and may hold decisions taken; review writes a new file"
    ]
    assert path.read_text(encoding="utf-8") == "decisions: []\n"


def test_review_skips_the_goals_already_decided(
    reviewed: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, text = reviewed
    decided = tmp_path / "decided.yaml"
    decided.write_text(uncomment(text, "45件民生实事", "  # confirm:"), encoding="utf-8")
    status, out, _ = run(
        capsys, "review", *JIANGSU, "--as-of", "2026-03-01", "--decisions", str(decided)
    )
    assert status == 0
    assert 'quote: "45件民生实事"' not in out
    assert out.count("- goal:") == text.count("- goal:") - 1


def test_a_corpus_audit_applies_the_decisions_to_text_md_and_json_only(
    reviewed: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, text = reviewed
    decided = tmp_path / "decided.yaml"
    decided.write_text(uncomment(text, "45件民生实事", "  # use:", "全面完成"), encoding="utf-8")
    folder = tmp_path / "corpus"
    folder.mkdir()
    for path in JIANGSU:
        (folder / Path(path).name).symlink_to(path)
    status, out, err = run(
        capsys,
        "audit",
        str(folder),
        "--as-of",
        "2026-03-01",
        "-f",
        "json",
        "--decisions",
        str(decided),
        "-j",
        "1",
    )
    assert status == 0, err
    data = json.loads(out)
    [verdict] = [v for v in data["verdicts"] if v["decision"]]
    assert (verdict["goal"]["source"]["quote"], verdict["status"]) == ("45件民生实事", "met")
    status, out, err = run(capsys, "audit", str(folder), "-f", "csv", "--decisions", str(decided))
    assert (status, out) == (1, "")
    assert "--decisions with a corpus: the report is text, md or json" in err


# -- the rule for finding a goal, on a plan of one's own -----------------------------------------

PLAN_TEXT = "一、2025年：新增企业10家。\n二、2026年：新增企业10家。\n"
REVIEW_TEXT = "2026年新增企业数12家。\n"


def small_audit(decisions: tt.Decisions | None = None) -> tt.Audit:
    """Two goals in the same words, one for 2025 and one for 2026, and a 2026 outcome of
    another wording."""
    first = PLAN_TEXT.index("新增企业10家")
    second = PLAN_TEXT.index("新增企业10家", first + 1)
    goals = [
        tt.Goal.from_record(
            {
                "id": f"g{year}",
                "region": "某省",
                "metric": "新增企业",
                "comparator": "at_least",
                "target": "10家",
                "period": f"{year}年",
                "quote": "新增企业10家",
                "start": start,
                "end": start + 7,
            },
            doc="plan.txt",
            text=PLAN_TEXT,
        )
        for year, start in ((2025, first), (2026, second))
    ]
    outcome = tt.Outcome.from_record(
        {
            "id": "o",
            "region": "某省",
            "metric": "新增企业数",
            "value": "12家",
            "period": "2026年",
            "quote": "2026年新增企业数12家",
            "start": 0,
            "end": 13,
        },
        doc="review.txt",
        text=REVIEW_TEXT,
    )
    documents = [
        tt.SourceDocument("plan.txt", issued=dt.date(2025, 1, 10), sha256="a" * 64),
        tt.SourceDocument("review.txt", issued=dt.date(2027, 1, 10), sha256="b" * 64),
    ]
    return tt.audit(goals, [outcome], dt.date(2027, 3, 1), documents=documents, decisions=decisions)


@pytest.mark.parametrize(
    ("goal", "decided"),
    [
        ({"sha256": "a" * 64, "start": PLAN_TEXT.rindex("新增"), "quote": "新增企业10家"}, "g2026"),
        ({"sha256": "a" * 64, "start": 0, "quote": "新增企业10家"}, "g2025"),
        ({"sha256": "a" * 64, "quote": "新增企业10家", "period": "2026年"}, "g2026"),
        ({"doc": "plan.pdf", "quote": "新增 企业\n10家", "start": 30}, "g2026"),
        ({"doc": "other.txt", "quote": "新增企业10家", "period": "2025年"}, "g2025"),
        ({"doc": "other.txt", "quote": "新增企业10家"}, None),  # two goals, neither named
        ({"sha256": "a" * 64, "quote": "新增企业10家"}, None),  # two goals, no offset
        ({"doc": "other.txt", "quote": "新增企业10家", "region": "别省"}, None),
    ],
)
def test_the_goal_named_is_the_one_found(
    tmp_path: Path, goal: dict[str, Any], decided: str | None
) -> None:
    path = write(tmp_path / "d.yaml", [entry(goal, dt.date(2027, 2, 1), confirm="unreported")])
    machine = small_audit()
    result = small_audit(tt.load_decisions(path))
    touched = [v.goal.id for v in result.verdicts if v.decided is not None]
    assert touched == ([] if decided is None else [decided])
    if decided is None:
        [item] = result.unapplied
        assert item.line == 2 and item.file == str(path)
        assert result.verdicts == machine.verdicts
    else:
        assert result.unapplied == ()


def test_evidence_of_another_wording_decides_the_goal_and_is_cited_as_it_is(
    tmp_path: Path,
) -> None:
    goals = {"sha256": "a" * 64, "quote": "新增企业10家"}
    path = write(
        tmp_path / "d.yaml",
        [
            entry({**goals, "period": "2026年"}, dt.date(2027, 2, 1), use={"outcome": "o"}),
            entry({**goals, "period": "2025年"}, dt.date(2027, 2, 1), use=[{"outcome": "o"}]),
        ],
    )
    machine = small_audit()
    result = small_audit(tt.load_decisions(path))
    verdict = result.verdict("g2026")
    assert machine.verdict("g2026").status is tt.Status.UNREPORTED
    assert verdict.status is tt.Status.MET
    assert [o.metric for o in verdict.evidence] == ["新增企业数"]
    # a 2026 figure decides nothing for 2025: not applied, and said why
    [item] = result.unapplied
    starts = [n for n, line in enumerate(path.read_text().splitlines(), 1) if line[:7] == "- goal:"]
    assert (item.line, item.problem) == (starts[1], "the evidence decides nothing for the goal")
    assert result.verdict("g2025") == machine.verdict("g2025")


def test_set_without_a_figure_and_confirm_keep_to_what_was_decided(tmp_path: Path) -> None:
    machine = small_audit()
    goal = {"sha256": "a" * 64, "quote": "新增企业10家", "period": "2025年"}
    later = {"sha256": "a" * 64, "quote": "新增企业10家", "period": "2026年"}
    path = write(
        tmp_path / "d.yaml",
        [
            entry(goal, dt.date(2027, 2, 1), set={"status": "missed", "reason": "none were"}),
            entry(later, dt.date(2027, 2, 1), confirm=machine.verdict("g2026").status.value),
        ],
    )
    result = small_audit(tt.load_decisions(path))
    assert result.unapplied == ()
    missed = result.verdict("g2025")
    assert (missed.status, missed.reason, missed.achieved) == (
        tt.Status.MISSED,
        "missed: none were.",
        None,
    )
    assert missed.decided is not None and missed.decided.action is tt.DecisionAction.SET
    confirmed = result.verdict("g2026")
    assert confirmed.decided is not None
    assert attrs_equal_but_decided(confirmed, machine.verdict("g2026"))


def attrs_equal_but_decided(a: tt.Verdict, b: tt.Verdict) -> bool:
    import attrs

    return attrs.evolve(a, decided=None) == attrs.evolve(b, decided=None)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"action": "use"}, "evidence"),
        ({"action": "not_a_goal"}, "reason"),
        ({"action": "set", "reason": "why"}, "status"),
        ({"action": "confirm", "by": " "}, "by"),
        ({"action": "confirm", "date": dt.datetime(2026, 3, 1, 12)}, "date"),
        ({"action": "maybe"}, None),
    ],
)
def test_a_decision_is_checked_when_it_is_made(fields: dict[str, Any], field: str | None) -> None:
    from targettrack.decisions import Decision, Ref

    given = {"goal": Ref("x"), "by": "王芳", "date": TAKEN, **fields}
    with pytest.raises(ValueError) as raised:
        Decision(**given)
    if field is not None:
        assert isinstance(raised.value, tt.ValidationError) and raised.value.field == field


# -- properties: no unrelated verdict changes; no file ends in anything but located problems -----

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_STATUSES = [status.value for status in tt.Status]


@st.composite
def decision_entries(draw: st.DrawFn) -> list[tuple[str, dict[str, Any]]]:
    """Decisions of every kind on goals of the Jiangsu pair, some stale: (goal id, entry)."""
    machine = audit_of(JIANGSU)
    verdicts = draw(st.lists(st.sampled_from(machine.verdicts), min_size=1, max_size=6))
    entries = []
    for verdict in verdicts:
        kind = draw(st.sampled_from(["confirm", "use", "no_evidence", "not_a_goal", "set"]))
        if kind == "confirm":
            decision: Any = draw(st.sampled_from(_STATUSES))
        elif kind == "use":
            decision = span_ref(machine, draw(st.sampled_from(machine.outcomes)))
        elif kind == "set":
            figure = draw(st.sampled_from(["45件", "5.3%", "12亿元", "3"]))
            decision = {"status": draw(st.sampled_from(_STATUSES)), "figure": figure, "reason": "r"}
        else:
            decision = "a reason"
        goal = goal_ref(machine, verdict)
        if draw(st.booleans()):
            goal["quote"] = goal["quote"] + draw(st.sampled_from(["了", "等", "x"]))  # stale
        day = draw(st.sampled_from([TAKEN, dt.date(2026, 5, 1)]))
        entries.append((verdict.goal.id, entry(goal, day, **{kind: decision})))
    return entries


@settings(max_examples=25, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=decision_entries())
def test_decisions_change_only_the_verdicts_they_name_and_report_every_other(
    entries: list[tuple[str, dict[str, Any]]], tmp_path: Path
) -> None:
    path = write(tmp_path / "d.yaml", [e for _, e in entries])
    machine = audit_of(JIANGSU)
    result = audit_of(JIANGSU, tt.load_decisions(path))
    named = {goal_id for goal_id, _ in entries}
    kept = {v.goal.id: v for v in result.verdicts}
    for verdict in machine.verdicts:
        if verdict.goal.id not in named:
            assert kept[verdict.goal.id] == verdict
        elif verdict.goal.id in kept and kept[verdict.goal.id] != verdict:
            decided = kept[verdict.goal.id].decided
            assert decided is not None and decided.file == str(path)
    lines = path.read_text(encoding="utf-8").splitlines()
    starts = [n for n, line in enumerate(lines, 1) if line.startswith("- goal:")]
    applied = {v.decided.line for v in (*result.verdicts, *result.dropped) if v.decided}
    reported = {item.line for item in result.unapplied}
    # each decision is applied or reported — or gave way to a later one on its goal
    for line, (goal_id, _) in zip(starts, entries, strict=True):
        again = sum(other == goal_id for other, _ in entries)
        assert line in applied | reported or again > 1
    assert applied.isdisjoint(reported)
    assert all(item.file == str(path) for item in result.unapplied)


_SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-3, 20_000),
    st.text(max_size=12),
    st.sampled_from(["met", "missed", "2026-03-01", "45件", "a" * 64]),
    st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1)),
)
_KEYS = st.sampled_from(
    ["goal", "by", "date", "note", "confirm", "use", "no_evidence", "not_a_goal", "set", "on", "x"]
)
_INNER = st.sampled_from(
    [
        "doc",
        "sha256",
        "start",
        "quote",
        "region",
        "period",
        "outcome",
        "status",
        "figure",
        "reason",
        "y",
    ]
)
_VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(_INNER, inner, max_size=4)
    ),
    max_leaves=8,
)


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    entries=st.lists(st.one_of(st.dictionaries(_KEYS, _VALUES, max_size=6), _SCALARS), max_size=5)
)
def test_any_decisions_file_loads_or_is_refused_with_located_problems(
    entries: list[Any], tmp_path: Path
) -> None:
    path = tmp_path / "any.yaml"
    path.write_text(
        yaml.safe_dump({"decisions": entries}, allow_unicode=True, sort_keys=False),
        encoding="utf-8",
    )
    try:
        loaded = tt.load_decisions(path)
    except tt.DecisionsError as error:
        assert error.problems
        assert all(problem.path == str(path) and problem.line for problem in error.problems)
        assert len(str(error).splitlines()) == len(error.problems)
        return
    except tt.DataError as error:  # a text that is no YAML the loader reads (a surrogate…)
        assert error.path == str(path)
        return
    assert len(loaded) + loaded.pending == len(entries)
    audit_of(JIANGSU, loaded)  # applies, whatever it names


def test_the_page_with_decisions_is_well_formed_and_shows_a_note_s_markup_as_text(
    tmp_path: Path,
) -> None:
    from report_cases import parse

    machine = audit_of(JIANGSU)
    script = "<script>alert(1)</script>"
    path = write(
        tmp_path / "d.yaml",
        [
            {
                **entry(goal_ref(machine, the(machine, "45件民生实事")), confirm="unreported"),
                "note": script,
            },
            entry(
                goal_ref(machine, the(machine, "建设500个省重大项目")),
                not_a_goal=f"a list {script}",
            ),
            entry(
                {**goal_ref(machine, the(machine, "高新技术企业超6.1万家")), "quote": "gone"},
                confirm="met",
            ),
        ],
    )
    decided = audit_of(JIANGSU, tt.load_decisions(path))
    page = report.to_html(decided)
    tree = parse(page)
    assert len(tree.find_all("script")) == 1 and "<script>alert" not in page
    [note] = tree.find_all("p", "decided")
    assert script in note.text() and "The machine’s verdict: unreported" in note.text()
    [section] = tree.find_all("section", "decisions")
    assert script in section.text() and "gone" in section.text()
    assert [li.text() for li in tree.find_all("ul", "unapplied")[0].find_all("li")] == [
        f"{item.where}: {item.message}" for item in decided.unapplied
    ]
    markdown = report.to_markdown(decided)
    assert script not in markdown and "\\<script\\>" in markdown
