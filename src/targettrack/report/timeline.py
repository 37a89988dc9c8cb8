"""The history report: every goal's status, achieved value and pace on each date a document
was issued (:func:`targettrack.history`), as text, JSON, CSV (long: one row per goal × date)
and one self-contained HTML page (a chart of statuses over time, a timeline per goal).

Every function is pure and deterministic: the same history gives the same bytes.
"""

from __future__ import annotations

import io
import json
from typing import TYPE_CHECKING, Any

import attrs

from ..catalog import Catalog, default_catalog
from ..model import Status, Verdict
from . import view
from .render import _cell, _count, _csv_writer, _environment, _safe, load_schema

if TYPE_CHECKING:
    from ..timeline import GoalHistory, History, HistoryPoint

__all__ = [
    "HISTORY_COLUMNS",
    "HISTORY_FORMATS",
    "history_csv",
    "history_html",
    "history_json",
    "history_schema",
    "history_text",
    "render_history",
]

#: The formats of :func:`render_history`.
HISTORY_FORMATS = ("text", "html", "json", "csv")

#: The columns of :func:`history_csv`, one row per goal and date.
HISTORY_COLUMNS = (
    "date",
    "documents_issued",
    "goal_id",
    "region",
    "metric",
    "kind",
    "target",
    "period",
    "goal_issued",
    "status",
    "changed",
    "provisional",
    "not_yet_due",
    "achieved_value",
    "achieved_unit",
    "achieved_ratio",
    "coverage",
    "pace_status",
    "pace_ratio",
    "evidence_ids",
    "reason",
    "decided_by",
)

_MARKS = {None: "–", Status.MET: "✓", Status.MISSED: "✗", Status.UNREPORTED: "·"}


def _version() -> str:
    from .. import __version__

    return __version__


@attrs.frozen
class _Row:
    """One goal on one date, as every format shows it."""

    point: HistoryPoint
    changed: bool

    @property
    def verdict(self) -> Verdict | None:
        return self.point.verdict

    @property
    def status(self) -> str:
        return "" if self.verdict is None else self.verdict.status.value

    @property
    def achieved(self) -> str:
        if self.verdict is None:
            return ""
        return view.achieved_text(self.verdict.achieved, self.verdict.achieved_unit)

    @property
    def pace(self) -> str:
        pace = None if self.verdict is None else self.verdict.pace
        return "" if pace is None else pace.status.value

    @property
    def mark(self) -> str:
        verdict = self.verdict
        mark = _MARKS[None if verdict is None else verdict.status]
        return mark + ("*" if verdict is not None and verdict.provisional else "")


def _rows(goal: GoalHistory) -> list[_Row]:
    rows = []
    previous: HistoryPoint | None = None
    for point in goal.points:
        rows.append(_Row(point, point.verdict is not None and not point.same_as(previous)))
        previous = point
    return rows


def _number(value: float | None) -> float | None:
    import math

    return value if value is not None and math.isfinite(value) else None


# -- JSON ---------------------------------------------------------------------------------------


def _point(row: _Row) -> dict[str, Any]:
    verdict = row.verdict
    if verdict is None:
        return {"date": row.point.date.isoformat(), "goal_issued": False, "status": None}
    achieved = _number(verdict.achieved)
    return {
        "date": row.point.date.isoformat(),
        "goal_issued": True,
        "status": verdict.status.value,
        "changed": row.changed,
        "provisional": verdict.provisional,
        "provisional_why": list(verdict.provisional_why),
        "not_yet_due": verdict.not_yet_due,
        "achieved": None
        if achieved is None
        else {"value": achieved, "unit": verdict.achieved_unit, "text": row.achieved},
        "achieved_ratio": _number(verdict.achieved_ratio),
        "coverage": _number(verdict.coverage),
        "pace": None
        if verdict.pace is None
        else {
            "status": verdict.pace.status.value,
            "ratio": _number(verdict.pace.ratio),
            "text": view.pace_text(verdict.pace, str(verdict.goal.period)),
        },
        "evidence": [o.id for o in verdict.evidence],
        "reason": verdict.reason,
        "decision": _decision(verdict),
    }


def _decision(verdict: Verdict) -> dict[str, Any] | None:
    decided = verdict.decided
    if decided is None:
        return None
    return {
        "action": decided.action.value,
        "by": decided.by,
        "date": decided.date.isoformat(),
        "text": decided.describe(),
    }


def history_json(result: History, *, catalog: Catalog | None = None) -> dict[str, Any]:
    """The history as plain JSON values: the dates with the documents issued on each, the
    counts by status at each date, and every goal with a point per date."""
    catalog = catalog or default_catalog()
    goals = []
    for goal in result:
        metric = catalog.get(goal.goal.metric)
        goals.append(
            {
                "id": goal.goal.id,
                "region": goal.goal.region,
                "metric": goal.goal.metric,
                "kind": view.figure_kind(goal.goal, metric),
                "text": view.goal_text(goal.goal, metric),
                "source": {
                    "doc": goal.goal.source.doc,
                    "start": goal.goal.source.start,
                    "end": goal.goal.source.end,
                    "quote": goal.goal.source.quote,
                },
                "timeline": [_point(row) for row in _rows(goal)],
            }
        )
    return {
        "schema_version": 1,
        "generator": f"targettrack {_version()}",
        "dates": [
            {
                "date": date.isoformat(),
                "documents_issued": list(result.issued_on(date)),
                "met": counts[Status.MET],
                "missed": counts[Status.MISSED],
                "unreported": counts[Status.UNREPORTED],
                "not_set": counts[None],
            }
            for date, counts in result.counts()
        ],
        "undated": list(result.undated),
        "goals": goals,
    }


def history_schema() -> dict[str, Any]:
    """The JSON Schema of :func:`history_json` (``targettrack/data/report/history.schema.json``)."""
    return load_schema("history.schema.json")


# -- CSV ----------------------------------------------------------------------------------------


def history_csv(result: History, *, catalog: Catalog | None = None, bom: bool = False) -> str:
    """The long table: one row per goal and date (:data:`HISTORY_COLUMNS`), goals in their
    order, dates ascending. Before its plan was issued a goal's row has ``goal_issued``
    false and no status. ``bom``: open with a UTF-8 byte order mark, for spreadsheets."""
    catalog = catalog or default_catalog()
    out = io.StringIO()
    if bom:
        out.write("\ufeff")
    writer = _csv_writer(out)
    writer.writerow(HISTORY_COLUMNS)
    for goal in result:
        metric = catalog.get(goal.goal.metric)
        for row in _rows(goal):
            verdict = row.verdict
            achieved = None if verdict is None else _number(verdict.achieved)
            values: dict[str, Any] = {
                "date": row.point.date.isoformat(),
                "documents_issued": ";".join(row.point.documents),
                "goal_id": goal.goal.id,
                "region": goal.goal.region,
                "metric": goal.goal.metric,
                "kind": view.figure_kind(goal.goal, metric),
                "target": view.target_text(goal.goal),
                "period": view.period_text(goal.goal),
                "goal_issued": verdict is not None,
                "status": row.status,
                "changed": row.changed,
                "provisional": None if verdict is None else verdict.provisional,
                "not_yet_due": None if verdict is None else verdict.not_yet_due,
                "achieved_value": achieved,
                "achieved_unit": ""
                if achieved is None or verdict is None
                else verdict.achieved_unit,
                "achieved_ratio": None if verdict is None else _number(verdict.achieved_ratio),
                "coverage": None if verdict is None else _number(verdict.coverage),
                "pace_status": row.pace,
                "pace_ratio": None
                if verdict is None or verdict.pace is None
                else _number(verdict.pace.ratio),
                "evidence_ids": "" if verdict is None else ";".join(o.id for o in verdict.evidence),
                "reason": "" if verdict is None else verdict.reason,
                "decided_by": ""
                if verdict is None or verdict.decided is None
                else verdict.decided.by,
            }
            writer.writerow([_cell(values[column]) for column in HISTORY_COLUMNS])
    return out.getvalue()


# -- text ---------------------------------------------------------------------------------------


def history_text(result: History, *, catalog: Catalog | None = None) -> str:
    """For the terminal: the counts at each date, then every goal's timeline — one mark per
    date (✓ met, ✗ missed, · unreported, – not set yet, * provisional) and, beneath it, each
    date where its status, value, flags or pace changed."""
    catalog = catalog or default_catalog()
    dates = result.dates
    lines = [
        f"History of {_count(len(result.goals), 'goal')} over {_count(len(dates), 'date')} "
        f"(✓ met, ✗ missed, · unreported, – not set yet, * provisional)",
    ]
    for date, counts in result.counts():
        issued = _safe(", ".join(result.issued_on(date))) or "—"
        lines.append(
            f"{date.isoformat()}  {counts[Status.MET]} met, {counts[Status.MISSED]} missed, "
            f"{counts[Status.UNREPORTED]} unreported, {counts[None]} not set yet  "
            f"(issued: {issued})"
        )
    if result.undated:
        lines.append(
            "no issue date known (drawn on at every date, provisionally): "
            + _safe(", ".join(result.undated))
        )
    lines += ["", "columns: " + ", ".join(date.isoformat() for date in dates), ""]
    for goal in result:
        rows = _rows(goal)
        metric = catalog.get(goal.goal.metric)
        marks = " ".join(row.mark.ljust(2) for row in rows)
        lines.append(f"{marks}  {_safe(goal.goal.id)}  {_safe(view.goal_text(goal.goal, metric))}")
        for row in rows:
            if not row.changed or row.verdict is None:
                continue
            achieved = f" {row.achieved}" if row.achieved else ""
            pace = f", pace {row.pace.replace('_', ' ')}" if row.pace else ""
            flags = "".join(
                f", {flag}"
                for flag, on in (
                    ("provisional", row.verdict.provisional),
                    ("not yet due", row.verdict.not_yet_due),
                )
                if on
            )
            decided = row.verdict.decided
            person = "" if decided is None else f", {decided.describe()}"
            lines.append(
                f"    {row.point.date.isoformat()} {row.status}{achieved}{flags}{pace}"
                + _safe(person)
            )
    return "\n".join(lines) + "\n"


# -- HTML ---------------------------------------------------------------------------------------


@attrs.frozen
class _GoalView:
    id: str
    text: str
    kind: str
    status: str
    rows: tuple[_Row, ...]


def history_html(result: History, *, catalog: Catalog | None = None) -> str:
    """One self-contained page: a chart of the statuses at each date, and a timeline per goal
    (a cell per date, coloured by status, with the value achieved and the reason on hover and
    in the list of changes beneath). Every piece of document text is escaped."""
    catalog = catalog or default_catalog()
    goals = []
    for goal in result:
        metric = catalog.get(goal.goal.metric)
        final = goal.final
        goals.append(
            _GoalView(
                id=goal.goal.id,
                text=view.goal_text(goal.goal, metric),
                kind=view.figure_kind(goal.goal, metric),
                status="" if final is None else final.status.value,
                rows=tuple(_rows(goal)),
            )
        )
    counts = [
        {
            "date": date.isoformat(),
            "issued": result.issued_on(date),
            "met": c[Status.MET],
            "missed": c[Status.MISSED],
            "unreported": c[Status.UNREPORTED],
            "not_set": c[None],
        }
        for date, c in result.counts()
    ]
    return (
        _environment()
        .get_template("history.html.j2")
        .render(
            goals=goals,
            counts=counts,
            dates=[date.isoformat() for date in result.dates],
            total=len(result.goals),
            undated=result.undated,
            version=_version(),
            pace_text=view.pace_text,
        )
    )


def render_history(
    result: History, format: str, *, catalog: Catalog | None = None, bom: bool = False
) -> str:
    """The history in one of :data:`HISTORY_FORMATS` (``bom``: for CSV)."""
    if format == "text":
        return history_text(result, catalog=catalog)
    if format == "html":
        return history_html(result, catalog=catalog)
    if format == "json":
        return (
            json.dumps(history_json(result, catalog=catalog), ensure_ascii=False, indent=2) + "\n"
        )
    if format == "csv":
        return history_csv(result, catalog=catalog, bom=bom)
    raise ValueError(f"format must be one of {', '.join(HISTORY_FORMATS)} (got {format!r})")
