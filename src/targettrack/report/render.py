"""The audit report: HTML and Markdown for people; JSON, CSV and pandas for machines.

Every function is pure: it takes an :class:`~targettrack.Audit` (and, for the formats that
quote sentences, the documents' original texts by name) and returns the report.

    import datetime as dt
    import targettrack as tt
    from targettrack import report

    dataset = tt.load_dataset()
    audit = tt.audit_dataset(dataset, dt.date(2026, 1, 15))
    page = report.to_html(audit, dataset.texts())

The JSON form is a documented contract (docs/report.md), with a JSON Schema shipped as
``targettrack/data/report/audit.schema.json`` (:func:`schema`).
"""

from __future__ import annotations

import csv
import functools
import io
import json
import math
import unicodedata
from collections.abc import Mapping
from importlib import resources
from typing import TYPE_CHECKING, Any

from .._checks import check
from .._errors import ArgumentError
from ..catalog import Catalog, default_catalog
from ..match import Audit
from ..model import (
    Amount,
    Outcome,
    Source,
    Status,
    Unapplied,
    Unplaced,
    Verdict,
    amount_text,
    show,
)
from . import view

if TYPE_CHECKING:
    import jinja2
    import pandas as pd

    from ..match import SourceDocument

__all__ = [
    "CSV_COLUMNS",
    "FORMATS",
    "json_text",
    "render",
    "schema",
    "summary_html",
    "to_csv",
    "to_frame",
    "to_html",
    "to_json",
    "to_markdown",
    "to_text",
]

#: The formats :func:`render` knows, as the command line names them.
FORMATS = ("text", "html", "md", "json", "csv")

#: The columns of :func:`to_csv` and :func:`to_frame`, in order.
CSV_COLUMNS = (
    "goal_id",
    "status",
    "region",
    "metric",
    "metric_zh",
    "metric_en",
    "theme",
    "comparator",
    "target_value",
    "target_high",
    "target_unit",
    "period",
    "kind",
    "span",
    "baseline",
    "strength",
    "achieved_value",
    "achieved_unit",
    "achieved_ratio",
    "provisional",
    "provisional_why",
    "match",
    "differing",
    "not_yet_due",
    "coverage",
    "estimate",
    "bound",
    "pace_status",
    "pace_path",
    "pace_baseline",
    "pace_baseline_period",
    "pace_observed",
    "pace_observed_period",
    "pace_required",
    "pace_elapsed",
    "pace_ratio",
    "evidence_ids",
    "evidence_periods",
    "reason",
    "source_doc",
    "source_start",
    "source_end",
    "source_page",
    "source_sha256",
    "decision",
    "decided_by",
    "decided_on",
    "decision_note",
    "machine_status",
)

_SCHEMA_VERSION = 1


def _version() -> str:
    from .. import __version__

    return __version__


def _number(value: float | None) -> float | None:
    return value if value is not None and math.isfinite(value) else None


# -- JSON ---------------------------------------------------------------------------------------


def _source(source: Source, pages: _Pages) -> dict[str, Any]:
    data: dict[str, Any] = {
        "doc": source.doc,
        "start": source.start,
        "end": source.end,
        "quote": source.quote,
    }
    document = pages.get(source.doc)
    if document is not None:
        data["page"] = document.page_of(source.start)
    return data


#: The documents with pages (PDFs), by name: a source of one cites its page.
_Pages = Mapping[str, "SourceDocument"]


def _paged(audit: Audit) -> dict[str, SourceDocument]:
    return {document.name: document for document in audit.documents if document.pages}


def _amount(amount: Amount | None) -> dict[str, Any] | None:
    if amount is None:
        return None
    return {"value": amount.value, "unit": amount.unit, "text": amount_text(amount)}


def _evidence(outcome: Outcome, pages: _Pages) -> dict[str, Any]:
    return {
        "id": outcome.id,
        "value": outcome.value.value,
        "unit": outcome.value.unit,
        "text": amount_text(outcome.value),
        "period": str(outcome.period),
        "region": outcome.region,
        "metric": outcome.metric,
        "change": None if outcome.change is None else outcome.change.value,
        "baseline": None if outcome.baseline is None else str(outcome.baseline),
        "estimate": outcome.estimate,
        "bound": outcome.bound.value,
        "note": outcome.note,
        "source": _source(outcome.source, pages),
    }


def _verdict(verdict: Verdict, catalog: Catalog, pages: _Pages) -> dict[str, Any]:
    goal = verdict.goal
    metric = catalog.get(goal.metric)
    achieved = _number(verdict.achieved)
    return {
        "goal": {
            "id": goal.id,
            "region": goal.region,
            "metric": goal.metric,
            "kind": view.figure_kind(goal, metric),
            "metric_zh": metric.zh if metric else None,
            "metric_en": metric.en if metric else None,
            "theme": metric.theme if metric else None,
            "text": view.goal_text(goal, metric),
            "comparator": goal.comparator.value,
            "target": _amount(goal.target),
            "target_high": _amount(goal.target_high),
            "tolerance": goal.tolerance,
            "period": str(goal.period),
            "span": None if goal.span is None else str(goal.span),
            "deadline": goal.deadline,
            "recurrence": None if goal.recurrence is None else goal.recurrence.value,
            "baseline": None if goal.baseline is None else str(goal.baseline),
            "change": None if goal.change is None else goal.change.value,
            "strength": goal.strength.value,
            "note": goal.note,
            "source": _source(goal.source, pages),
        },
        "status": verdict.status.value,
        "reason": verdict.reason,
        "match": verdict.match,
        "differing": list(verdict.differing),
        "provisional": verdict.provisional,
        "provisional_why": list(verdict.provisional_why),
        "not_yet_due": verdict.not_yet_due,
        "coverage": _number(verdict.coverage),
        "estimate": verdict.estimate,
        "bound": verdict.bound.value,
        "pace": _pace(verdict),
        "achieved": None
        if achieved is None
        else {
            "value": achieved,
            "unit": verdict.achieved_unit,
            "text": view.achieved_text(achieved, verdict.achieved_unit),
        },
        "achieved_ratio": _number(verdict.achieved_ratio),
        "evidence": [_evidence(outcome, pages) for outcome in verdict.evidence],
        "years": [
            {
                "year": year.year,
                "status": year.status.value,
                "achieved": _number(year.achieved),
                "evidence": [outcome.id for outcome in year.evidence],
            }
            for year in verdict.years
        ],
        "decision": _decision(verdict),
    }


def _decision(verdict: Verdict) -> dict[str, Any] | None:
    """The decision of a person a verdict is, or None for the machine's verdict."""
    decided = verdict.decided
    if decided is None:
        return None
    return {
        "action": decided.action.value,
        "by": decided.by,
        "date": decided.date.isoformat(),
        "note": decided.note,
        "file": decided.file,
        "line": decided.line,
        "found_by": decided.found_by,
        "machine": {"status": decided.machine_status.value, "reason": decided.machine_reason},
        "text": decided.describe(),
    }


def _unapplied(item: Unapplied) -> dict[str, Any]:
    return {
        "file": item.file,
        "line": item.line,
        "named": item.named,
        "problem": item.problem,
        "nearest": item.nearest,
    }


def _unplaced(item: Unplaced, pages: _Pages) -> dict[str, Any]:
    return {
        "kind": item.kind,
        "region": item.region,
        "metric_text": item.metric_text,
        "value": item.value,
        "period": item.period,
        "reason": item.reason,
        "source": _source(item.source, pages),
    }


def to_json(audit: Audit, *, catalog: Catalog | None = None) -> dict[str, Any]:
    """The audit as the documented JSON contract (a dict of plain JSON values).

    ``unplaced`` (always there, possibly empty) lists the statements read from the documents
    that could not become goals or outcomes, each with the reason; they are not judged.
    """
    check("audit", audit, Audit, "an Audit (tt.audit)")
    catalog = catalog or default_catalog()
    counts = audit.counts()
    sources: list[dict[str, Any]] = []
    seen: set[tuple[Any, ...]] = set()  # a set, so that this is linear in documents
    left_out = {document.name for document in audit.left_out}
    for document in audit.documents:
        entry: dict[str, Any] = {
            "doc": document.name,
            "title": document.title,
            "issued": None if document.issued is None else document.issued.isoformat(),
            "left_out": document.name in left_out,
        }
        if document.reader:
            entry.update(
                reader=document.reader,
                encoding=document.encoding,
                sha256=document.sha256,
                pages=list(document.pages),
                identity=list(document.identity),
            )
        key = tuple((k, tuple(v) if isinstance(v, list) else v) for k, v in entry.items())
        if key not in seen:
            seen.add(key)
            sources.append(entry)
    pages = _paged(audit)
    return {
        "schema_version": _SCHEMA_VERSION,
        "generator": f"targettrack {_version()}",
        "as_of": audit.as_of.isoformat(),
        "summary": {
            "goals": len(audit.verdicts),
            "met": counts[Status.MET],
            "missed": counts[Status.MISSED],
            "unreported": counts[Status.UNREPORTED],
            "not_yet_due": sum(1 for v in audit.verdicts if v.not_yet_due),
            "provisional": sum(1 for v in audit.verdicts if v.provisional),
            "judged_share": audit.judged_share,
        },
        "sources": sources,
        "left_out": sorted(left_out),
        "undated": list(audit.undated),
        "verdicts": [_verdict(verdict, catalog, pages) for verdict in audit.verdicts],
        "unplaced": [_unplaced(item, pages) for item in audit.unplaced],
        "dropped": [_verdict(verdict, catalog, pages) for verdict in audit.dropped],
        "unapplied": [_unapplied(item) for item in audit.unapplied],
    }


def json_text(audit: Audit, *, indent: int | None = 2, catalog: Catalog | None = None) -> str:
    """:func:`to_json` as text: UTF-8 characters kept, stable key order, a final newline."""
    return (
        json.dumps(
            to_json(audit, catalog=catalog), ensure_ascii=False, indent=indent, allow_nan=False
        )
        + "\n"
    )


def schema() -> dict[str, Any]:
    """The JSON Schema of :func:`to_json`."""
    return load_schema("audit.schema.json")


def load_schema(name: str) -> dict[str, Any]:
    """A JSON Schema shipped in ``targettrack/data/report``."""
    text = (
        resources.files("targettrack").joinpath(f"data/report/{name}").read_text(encoding="utf-8")
    )
    loaded: dict[str, Any] = json.loads(text)
    return loaded


# -- the flat table: CSV and pandas -------------------------------------------------------------


def _rows(audit: Audit, catalog: Catalog) -> list[dict[str, Any]]:
    rows = []
    pages = _paged(audit)
    hashes = {d.name: d.sha256 for d in audit.documents if d.sha256}
    for verdict in audit.verdicts:
        goal = verdict.goal
        metric = catalog.get(goal.metric)
        achieved = _number(verdict.achieved)
        rows.append(
            {
                "goal_id": goal.id,
                "status": verdict.status.value,
                "region": goal.region,
                "metric": goal.metric,
                "metric_zh": metric.zh if metric else "",
                "metric_en": metric.en if metric else "",
                "theme": metric.theme if metric else "",
                "comparator": goal.comparator.value,
                "target_value": goal.target.value,
                "target_high": None if goal.target_high is None else goal.target_high.value,
                "target_unit": goal.target.unit,
                "period": str(goal.period),
                "kind": view.figure_kind(goal, metric),
                "span": "" if goal.span is None else str(goal.span),
                "baseline": "" if goal.baseline is None else str(goal.baseline),
                "strength": goal.strength.value,
                "achieved_value": achieved,
                "achieved_unit": verdict.achieved_unit if achieved is not None else "",
                "achieved_ratio": _number(verdict.achieved_ratio),
                "provisional": verdict.provisional,
                "provisional_why": "; ".join(verdict.provisional_why),
                "match": verdict.match,
                "differing": "、".join(verdict.differing),
                "not_yet_due": verdict.not_yet_due,
                "coverage": _number(verdict.coverage),
                "estimate": verdict.estimate,
                "bound": verdict.bound.value,
                "evidence_ids": ";".join(outcome.id for outcome in verdict.evidence),
                **_pace_columns(verdict),
                "evidence_periods": ";".join(str(outcome.period) for outcome in verdict.evidence),
                "reason": verdict.reason,
                "source_doc": goal.source.doc,
                "source_start": goal.source.start,
                "source_end": goal.source.end,
                "source_page": (
                    pages[goal.source.doc].page_of(goal.source.start)
                    if goal.source.doc in pages
                    else None
                ),
                "source_sha256": hashes.get(goal.source.doc),
                **_decision_columns(verdict),
            }
        )
    return rows


def _decision_columns(verdict: Verdict) -> dict[str, Any]:
    """Who decided the verdict, when and why; empty for the machine's verdict."""
    decided = verdict.decided
    if decided is None:
        return dict.fromkeys(
            ("decision", "decided_by", "decided_on", "decision_note", "machine_status"), ""
        )
    return {
        "decision": decided.action.value,
        "decided_by": decided.by,
        "decided_on": decided.date.isoformat(),
        "decision_note": decided.note,
        "machine_status": decided.machine_status.value,
    }


#: A text cell starting with one of these would be read as a formula by a spreadsheet.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def _pace_columns(verdict: Verdict) -> dict[str, Any]:
    pace = verdict.pace
    if pace is None:
        return {
            "pace_status": "",
            "pace_path": "",
            "pace_baseline": None,
            "pace_baseline_period": "",
            "pace_observed": None,
            "pace_observed_period": "",
            "pace_required": None,
            "pace_elapsed": None,
            "pace_ratio": None,
        }
    return {
        "pace_status": pace.status.value,
        "pace_path": pace.path,
        "pace_baseline": pace.baseline,
        "pace_baseline_period": str(pace.baseline_period),
        "pace_observed": pace.observed,
        "pace_observed_period": str(pace.observed_period),
        "pace_required": pace.required,
        "pace_elapsed": pace.elapsed,
        "pace_ratio": _number(pace.ratio),
    }


def _pace(verdict: Verdict) -> dict[str, Any] | None:
    pace = verdict.pace
    if pace is None:
        return None
    return {
        "status": pace.status.value,
        "path": pace.path,
        "baseline": pace.baseline,
        "baseline_period": str(pace.baseline_period),
        "observed": pace.observed,
        "observed_period": str(pace.observed_period),
        "target": pace.target,
        "unit": pace.unit,
        "elapsed": pace.elapsed,
        "required": pace.required,
        "ratio": _number(pace.ratio),
        "tolerance": pace.tolerance,
        "reached": pace.reached,
        "evidence": list(pace.evidence),
        "text": view.pace_text(pace, str(verdict.goal.period)),
    }


def _cell(value: Any) -> str:
    """A CSV cell. Numbers are written as numbers; a text starting with ``= + - @``, a tab or a
    carriage return gets a leading ``'`` so that no spreadsheet runs it (docs/report.md)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, int):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_STARTS) else text


class _Rows:
    """What :func:`_csv_writer` writes through: each row's ``\r\n`` ends as ``\n``."""

    def __init__(self, stream: Any) -> None:
        self.stream = stream

    def write(self, row: str) -> Any:
        return self.stream.write(row[:-2] + "\n" if row.endswith("\r\n") else row)


def _csv_writer(stream: Any) -> Any:
    """A CSV writer whose rows end with ``\n`` and which quotes a cell holding a carriage
    return as well as a line feed: Python's csv quotes only the characters of its line
    terminator, so with ``\n`` a bare ``\r`` in a file name went out unquoted, and every CSV
    reader broke the row there (a cell ``=1+1`` then began a row)."""
    return csv.writer(_Rows(stream), lineterminator="\r\n")


def to_csv(audit: Audit, *, catalog: Catalog | None = None, bom: bool = False) -> str:
    """One row per goal, flat columns (:data:`CSV_COLUMNS`); empty cells for no value.

    ``bom``: open with a byte order mark (U+FEFF), so that a spreadsheet reads the file as
    UTF-8 — the command writes one into a ``-o`` file, not to standard output.
    """
    check("audit", audit, Audit, "an Audit (tt.audit)")
    out = io.StringIO()
    if bom:
        out.write("\ufeff")
    writer = _csv_writer(out)
    writer.writerow(CSV_COLUMNS)
    for row in _rows(audit, catalog or default_catalog()):
        writer.writerow([_cell(row[column]) for column in CSV_COLUMNS])
    return out.getvalue()


def to_frame(audit: Audit, *, catalog: Catalog | None = None) -> pd.DataFrame:
    """The table of :func:`to_csv` as a DataFrame, one row per goal, indexed 0…n−1.

    Numbers are floats (NaN for no value; `source_page` too, for a document without pages),
    offsets integers, flags booleans, the rest text.
    """
    check("audit", audit, Audit, "an Audit (tt.audit)")
    import pandas as pd

    rows = _rows(audit, catalog or default_catalog())
    frame = pd.DataFrame(rows, columns=list(CSV_COLUMNS))
    for column in (
        "target_value",
        "target_high",
        "achieved_value",
        "achieved_ratio",
        "coverage",
        "pace_baseline",
        "pace_observed",
        "pace_required",
        "pace_elapsed",
        "pace_ratio",
    ):
        frame[column] = frame[column].astype("float64")
    for column in ("source_start", "source_end"):
        frame[column] = frame[column].astype("int64")
    frame["source_page"] = frame["source_page"].astype("float64")
    for column in ("provisional", "not_yet_due", "estimate"):
        frame[column] = frame[column].astype("bool")
    return frame


# -- Markdown -----------------------------------------------------------------------------------

_MD_SPECIAL = str.maketrans({c: f"\\{c}" for c in "\\`*[]<>|&~"})


def _md(text: str) -> str:
    """Text safe in a Markdown table cell: one line, specials escaped (no HTML passes)."""
    return _safe(" ".join(view.display_text(text).split()).translate(_MD_SPECIAL))


def _md_quote(quote: view.QuoteView) -> str:
    parts = [_md(quote.before)] if quote.before else []
    body = "".join(
        f"**{_md(s.text)}**" if s.number else _md(s.text) for s in quote.segments
    ).strip()
    parts.append(f"“{body}”")
    if quote.after:
        parts.append(_md(quote.after))
    page = "" if quote.page is None else f" p. {quote.page}"
    return " ".join(parts) + f" — {_md(quote.doc)}{page} \\[{quote.start}:{quote.end}\\]"


_pct = view.percent


def to_markdown(
    audit: Audit, texts: Mapping[str, str] | None = None, *, catalog: Catalog | None = None
) -> str:
    """The report as Markdown: a summary, a goal table, and each goal's evidence quoted.

    One table row and one evidence section per goal, in the audit's order, so that two audits
    of the same goals diff line by line. The statements read but not placed follow in a table
    of their own (when there are any).
    """
    check("audit", audit, Audit, "an Audit (tt.audit)")
    report = view.build(audit, texts, catalog=catalog or default_catalog())
    counts = report.counts
    unplaced = (
        f" {_unplaced_heading(len(report.unplaced))[:-1]}, listed at the end."
        if report.unplaced
        else ""
    )
    lines = [
        f"# Audit of {report.total} goals as of {report.as_of.isoformat()}",
        "",
        f"{counts[Status.MET]} met · {counts[Status.MISSED]} missed · "
        f"{counts[Status.UNREPORTED]} unreported "
        f"({report.not_yet_due} of them not yet due) · "
        f"{_pct(report.judged_share)} could be judged.{unplaced}",
        "",
        *([f"{_md(report.decisions.capitalize())}.", ""] if report.decisions else []),
        f"Regions: {', '.join(_md(r) for r in report.regions) or '—'}.",
        "",
        *(
            part
            for line in _dating_lines(report)
            for part in (f"{_md(line.capitalize()[0] + line[1:])}.", "")
        ),
        "## Sources",
        "",
        "| document | title | issued | goals | outcomes |"
        + (" read as | sha256 of the text read | identity |" if report.read else ""),
        "|---|---|---|---:|---:|" + ("---|---|---|" if report.read else ""),
    ]
    for document in report.documents:
        said = "; ".join(document.identity)
        read = f" {_md(document.read_as) or '—'} | {document.sha256 or '—'} | {_md(said) or '—'} |"
        lines.append(
            f"| {_md(document.name)} | {_md(' / '.join(document.titles))} | "
            f"{document.issued_text} | "
            f"{document.goals} | {document.outcomes} |" + (read if report.read else "")
        )
    lines += [
        "",
        "## Summary",
        "",
        "| | met | missed | unreported | total |",
        "|---|---:|---:|---:|---:|",
    ]
    for kind, rows in (("region", report.by_region), ("theme", report.by_theme)):
        for row in rows:
            lines.append(
                f"| {kind}: {_md(row.label)} | {row.met} | {row.missed} | {row.unreported} | "
                f"{row.total} |"
            )
    lines += [
        "",
        "## Goals",
        "",
        "| # | status | region | metric | target | period | achieved | of target | goal |",
        "|---:|---|---|---|---|---|---|---:|---|",
    ]
    for goal in report.goals:
        status = goal.status + "".join(f" ({flag})" for flag in goal.flags)
        if goal.decided is not None:
            status += f" (decided by {_md(goal.decided.by)})"
        ratio = "" if goal.ratio is None else _pct(goal.ratio)
        lines.append(
            f"| {goal.index + 1} | {status} | {_md(goal.region)} | {_md(goal.metric_zh)} | "
            f"{_md(goal.target)} | {_md(goal.period)} | {_md(goal.achieved) or '—'} | "
            f"{ratio} | {_md(goal.id)} |"
        )
    lines += ["", "## Evidence", ""]
    for goal in report.goals:
        lines += [
            f"### {goal.index + 1}. {_md(goal.id)} — {goal.status}",
            "",
            f"- Metric: {_md(goal.metric_zh)} ({_md(goal.metric_en)}), theme {_md(goal.theme)}",
            f"- Target: {_md(goal.target)}, {_md(goal.period)} ({goal.goal.strength.value})",
            f"- Reason: {_md(goal.verdict.reason)}",
            *_md_decided(goal),
            *([f"- Pace: {_md(goal.pace)}"] if goal.pace else []),
            f"- Goal: {_md_quote(goal.quote)}",
        ]
        for evidence in goal.evidence:
            flags = f" ({', '.join(evidence.flags)})" if evidence.flags else ""
            lines.append(
                f"- Evidence {_md(evidence.id)}: {_md(evidence.value)}, "
                f"{_md(evidence.period)}{flags}: {_md_quote(evidence.quote)}"
            )
        if goal.goal.note:
            lines.append(f"- Note: {_md(goal.goal.note)}")
        lines.append("")
    lines += _md_decision_sections(report)
    if report.unplaced:
        lines += [
            "## Statements not placed",
            "",
            _unplaced_heading(len(report.unplaced)),
            "",
            "| # | kind | region | metric as written | value | period | reason | quote |",
            "|---:|---|---|---|---|---|---|---|",
        ]
        for item in report.unplaced:
            lines.append(
                f"| {item.index + 1} | {item.kind} | {_md(item.region) or '—'} | "
                f"{_md(item.metric_text) or '—'} | {_md(item.value)} | "
                f"{_md(item.period) or '—'} | {_md(item.reason)} | {_md_quote(item.quote)} |"
            )
    return "\n".join(lines).rstrip() + "\n"


def _md_decided(goal: view.GoalView) -> list[str]:
    """Under the reason of a verdict a person decided: who, when and why, and the machine's."""
    if goal.decided is None:
        return []
    return [
        f"- Decided: {_md(goal.decided_text)} ({_md(goal.decided.where)})",
        f"- The machine's verdict: {_md(goal.machine_text)}",
    ]


def _md_decision_sections(report: view.ReportView) -> list[str]:
    """The goals dropped as not goals, and the decisions not applied, as Markdown."""
    lines = []
    if report.dropped:
        lines += ["## Not goals", "", "Dropped from the audit by a person, not judged:", ""]
        for item in report.dropped:
            lines.append(
                f"- {_md(item.id)}: {_md(item.text)} — {_md(item.reason)} "
                f"({_md(item.decided_text)}): {_md_quote(item.quote)}"
            )
        lines.append("")
    if report.unapplied:
        lines += ["## Decisions not applied", ""]
        lines += [f"- {_md(item.where)}: {_md(item.message)}" for item in report.unapplied]
        lines.append("")
    return lines


def _anchor(goal_id: str) -> str:
    return "goal-" + "".join(c if c.isalnum() or c in "-_" else "-" for c in goal_id)


# -- text ---------------------------------------------------------------------------------------


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


#: Control characters (C0, DEL, C1) and the marks that reorder text on a terminal, each
#: written as a visible escape (``\\n``, ``\\x1b``, ``\\u202e``) in text and Markdown output: a
#: document's text can neither forge a report line nor drive the terminal.
_ESCAPES = {
    code: repr(chr(code))[1:-1] if code < 0x100 else f"\\u{code:04x}"
    for code in [
        *range(0x00, 0x20),
        *range(0x7F, 0xA0),
        0x061C,
        0x200E,
        0x200F,
        *range(0x2028, 0x202F),
        *range(0x2066, 0x206A),
    ]
}


def _safe(text: str) -> str:
    """``text`` with its control characters escaped (:data:`_ESCAPES`)."""
    return text.translate(_ESCAPES)


def _fit(text: str, width: int) -> str:
    """``text`` (escaped) cut or padded to ``width`` terminal columns (wide characters count
    two)."""
    text = _safe(text[: 2 * width + 8])
    used = _width(text)
    if used > width:
        used = kept = 0
        for char in text:
            step = 2 if unicodedata.east_asian_width(char) in "WF" else 1
            if used + step > width - 1:
                break
            used += step
            kept += 1
        text = text[:kept] + "…"
        used += 1
    return text + " " * (width - used)


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def _unplaced_heading(n: int) -> str:
    """``12 statements read but not placed (not judged):``"""
    return f"{_count(n, 'statement')} read but not placed (not judged):"


def to_text(audit: Audit, *, catalog: Catalog | None = None) -> str:
    """A compact terminal summary, then one line per goal with its reason beneath it, then one
    line per statement read but not placed (when there are any)."""
    check("audit", audit, Audit, "an Audit (tt.audit)")
    report = view.build(audit, None, catalog=catalog or default_catalog())
    unplaced = (
        f", {_count(len(report.unplaced), 'statement')} not placed" if report.unplaced else ""
    )
    lines = [
        f"{report.summary} — {_pct(report.judged_share)} judged, {report.not_yet_due} not yet due"
        + unplaced,
        f"{_count(len(report.documents), 'document')}"
        + (f" ({len(report.left_out)} left out)" if report.left_out else "")
        + ", "
        f"{_count(len(report.regions), 'region')}: " + _safe(", ".join(report.regions)),
        *(
            _safe(line)
            for d in report.documents
            if d.reader
            for line in (
                f"  {d.name}: read as {d.read_as}, sha256 {d.sha256}",
                *(f"    {said}" for said in d.identity),
            )
        ),
        *_dating_lines(report),
        *([_safe(report.decisions)] if report.decisions else []),
        "",
    ]
    marks = {"met": "✓ met", "missed": "✗ missed", "unreported": "· unrep."}
    for goal in report.goals:
        achieved = goal.achieved or "—"
        if goal.ratio is not None:
            achieved += f" ({_pct(goal.ratio)})"
        flag = "*" if goal.verdict.provisional else ""
        lines.append(
            " ".join(
                [
                    _fit(marks[goal.status] + flag, 9),
                    _fit(goal.region, 10),
                    _fit(goal.metric_zh, 26),
                    _fit(goal.target, 14),
                    _fit(goal.period, 19),
                    _fit(achieved, 20),
                    _safe(goal.id),
                ]
            ).rstrip()
        )
        pace = f" Pace {goal.pace}." if goal.pace else ""
        lines.append(f"          {_safe(goal.verdict.reason + pace)}")
        lines += _decided_lines(goal)
    if any(goal.verdict.provisional for goal in report.goals):
        lines += ["", "* provisional: a partial period, an estimate or a bound."]
    lines += _decision_sections(report)
    if report.unplaced:
        lines += ["", _unplaced_heading(len(report.unplaced))]
        where = max(len(_safe(item.where)) for item in report.unplaced)
        for item in report.unplaced:
            lines.append(
                " ".join(
                    [
                        _fit(item.kind, 9),
                        _fit(item.region or "—", 10),
                        _fit(_one_line(item.metric_text) or "—", 26),
                        _fit(item.value, 14),
                        _fit(item.period or "—", 19),
                        _safe(item.where).ljust(where),
                        _one_line(item.reason),
                    ]
                )
            )
    return "\n".join(lines) + "\n"


def _decided_lines(goal: view.GoalView) -> list[str]:
    """Beneath a verdict a person decided: who, when and why, and what the machine said."""
    if goal.decided is None:
        return []
    lines = [f"          {_safe(goal.decided_text)}"]
    if goal.machine_text != goal.verdict.reason:
        lines.append(f"          the machine said: {_safe(goal.machine_text)}")
    return lines


def _decision_sections(report: view.ReportView) -> list[str]:
    """The goals dropped as not goals, and the decisions not applied (none: no lines)."""
    lines = []
    if report.dropped:
        count = len(report.dropped)
        what = "not a goal" if count == 1 else "not goals"
        lines += ["", f"{_count(count, 'goal')} dropped as {what} (not judged):"]
        for item in report.dropped:
            lines.append(f"{_safe(item.id)}  {_safe(item.text)}")
            lines.append(f"          {_safe(item.reason)} — {_safe(item.decided_text)}")
    if report.unapplied:
        lines += ["", f"{_count(len(report.unapplied), 'decision')} not applied:"]
        lines += [_safe(str(item)) for item in report.unapplied]
    return lines


def _dating_lines(report: view.ReportView) -> list[str]:
    """What the as-of date kept out, and the documents of unknown date (none: no line)."""
    lines = []
    if report.left_out:
        lines.append(
            f"left out, issued after {report.as_of.isoformat()}: "
            + ", ".join(
                f"{d.name} ({d.issued.isoformat() if d.issued else ''}, "
                f"{_count(d.goals, 'goal')}, {_count(d.outcomes, 'outcome')})"
                for d in report.left_out
            )
        )
    if report.undated:
        them = "them" if len(report.undated) > 1 else "it"
        lines.append(
            f"no issue date known (verdicts citing {them} are provisional): "
            + ", ".join(report.undated)
        )
    return lines


def _one_line(text: str) -> str:
    return _safe(" ".join(view.display_text(text).split()))


# -- HTML ---------------------------------------------------------------------------------------


@functools.cache
def _environment() -> jinja2.Environment:
    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("targettrack", "data/report"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["pct"] = _pct
    environment.filters["anchor"] = _anchor
    environment.filters["num"] = show
    return environment


def _context(report: view.ReportView) -> dict[str, Any]:
    return {
        "report": report,
        "Status": Status,
        "statuses": [s.value for s in view.STATUS_ORDER],
        "version": _version(),
    }


def to_html(
    audit: Audit, texts: Mapping[str, str] | None = None, *, catalog: Catalog | None = None
) -> str:
    """The report as one self-contained HTML page: inline CSS, SVG and script, nothing fetched.

    Every piece of document text is escaped by Jinja2's autoescaping.
    """
    check("audit", audit, Audit, "an Audit (tt.audit)")
    catalog = catalog or default_catalog()
    report = view.build(audit, texts, catalog=catalog)
    candidates = view.candidate_views(audit, texts, catalog=catalog)
    return (
        _environment()
        .get_template("report.html.j2")
        .render({**_context(report), "candidates": candidates})
    )


def summary_html(audit: Audit, *, catalog: Catalog | None = None) -> str:
    """An HTML fragment with the summary and the goal table, for notebooks."""
    check("audit", audit, Audit, "an Audit (tt.audit)")
    report = view.build(audit, None, catalog=catalog or default_catalog())
    return _environment().get_template("summary.html.j2").render(_context(report))


# -- dispatch -----------------------------------------------------------------------------------


def render(
    audit: Audit,
    format: str,
    texts: Mapping[str, str] | None = None,
    *,
    catalog: Catalog | None = None,
    bom: bool = False,
) -> str:
    """The report in one of :data:`FORMATS` (``bom``: for CSV, see :func:`to_csv`)."""
    check("audit", audit, Audit, "an Audit (tt.audit)")
    if format == "text":
        return to_text(audit, catalog=catalog)
    if format == "html":
        return to_html(audit, texts, catalog=catalog)
    if format == "md":
        return to_markdown(audit, texts, catalog=catalog)
    if format == "json":
        return json_text(audit, catalog=catalog)
    if format == "csv":
        return to_csv(audit, catalog=catalog, bom=bom)
    raise ArgumentError("format", f"one of {', '.join(FORMATS)}", format)
