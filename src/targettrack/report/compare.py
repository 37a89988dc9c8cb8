"""The report of a corpus: governments compared, indicator by indicator and year by year.

- :func:`write_corpus_csv` — the combined audit, one row per goal (:data:`CORPUS_COLUMNS`):
  the government and the year, the indicator (the catalog's standard id where it knows the
  measure), the target, the achieved value and the status. Rows are written as they are made.
- :func:`write_corpus_jsonl` — the same goals as JSON lines, one verdict of the documented
  JSON contract per line with its government and year.
- :func:`indicator_summaries` — “GDP growth, 2025: 6 of 9 governments met their target”,
  computed from the rows alone, so that anyone can recompute them from the CSV.
- :func:`to_corpus_html` — one page: the summaries, a heat map of statuses (governments ×
  indicators, one map a year), the documents and how they were paired, and every goal in a
  filterable table shown a page at a time (fast to open with thousands of goals).

How a government's goals on one indicator in one year make one status (a cell of the heat
map, a government counted in a summary): **missed** when any of them is missed, else **met**
when any is met, else **unreported**.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, TextIO

import attrs

from ..catalog import Catalog, default_catalog
from ..corpus import CorpusStream
from ..model import Change, Status, Verdict
from . import view
from .render import _cell, _csv_writer, _environment, _number, _verdict, _version

if TYPE_CHECKING:
    from ..corpus import CorpusAudit

__all__ = [
    "CORPUS_COLUMNS",
    "HeatMap",
    "IndicatorSummary",
    "corpus_rows",
    "heat_maps",
    "indicator_summaries",
    "to_corpus_csv",
    "to_corpus_html",
    "write_corpus_csv",
    "write_corpus_jsonl",
]

#: The columns of the combined audit (:func:`write_corpus_csv`), in order.
CORPUS_COLUMNS = (
    "government",
    "year",
    "indicator",
    "standard",
    "indicator_zh",
    "indicator_en",
    "figure",
    "status",
    "target",
    "comparator",
    "target_value",
    "target_high",
    "target_unit",
    "achieved",
    "achieved_value",
    "achieved_unit",
    "achieved_ratio",
    "provisional",
    "not_yet_due",
    "period",
    "goal_id",
    "document",
    "document_year",
    "reason",
)

#: What a goal's figure is: the level, its growth (a relative change), or a change in points.
FIGURES = {None: "level", Change.RELATIVE: "growth", Change.POINTS: "points"}


def _judged(result: CorpusAudit | CorpusStream) -> Iterator[tuple[Verdict, str, int | None]]:
    """Each verdict with the government and the year of the document that set the goal."""
    if isinstance(result, CorpusStream):
        for plan, verdicts in result:
            for verdict in verdicts:
                yield verdict, plan.government or verdict.goal.region, plan.year
        return
    for verdict in result.audit.verdicts:
        document = result.document(verdict.goal.source.doc)
        yield verdict, document.government or verdict.goal.region, document.year


def corpus_rows(
    result: CorpusAudit | CorpusStream, *, catalog: Catalog | None = None
) -> Iterator[dict[str, Any]]:
    """The rows of :data:`CORPUS_COLUMNS`, one per goal, in the audit's order (made lazily)."""
    catalog = catalog or default_catalog()
    for verdict, government, document_year in _judged(result):
        goal = verdict.goal
        metric = catalog.get(goal.metric)
        achieved = _number(verdict.achieved)
        yield {
            "government": government,
            "year": goal.period.end_year,
            "indicator": metric.id if metric else goal.metric,
            "standard": metric is not None,
            "indicator_zh": metric.zh if metric else goal.metric,
            "indicator_en": metric.en if metric else "",
            "figure": FIGURES[goal.change],
            "status": verdict.status.value,
            "target": view.target_text(goal),
            "comparator": goal.comparator.value,
            "target_value": goal.target.value,
            "target_high": None if goal.target_high is None else goal.target_high.value,
            "target_unit": goal.target.unit,
            "achieved": view.achieved_text(achieved, verdict.achieved_unit),
            "achieved_value": achieved,
            "achieved_unit": verdict.achieved_unit if achieved is not None else "",
            "achieved_ratio": _number(verdict.achieved_ratio),
            "provisional": verdict.provisional,
            "not_yet_due": verdict.not_yet_due,
            "period": str(goal.period),
            "goal_id": goal.id,
            "document": goal.source.doc,
            "document_year": document_year,
            "reason": verdict.reason,
        }


def write_corpus_csv(
    result: CorpusAudit | CorpusStream, stream: TextIO, *, catalog: Catalog | None = None
) -> int:
    """Write the combined audit to ``stream`` as CSV, row by row; returns the number of rows.
    A :class:`~targettrack.corpus.CorpusStream` is written as its plans are judged."""
    writer = _csv_writer(stream)
    writer.writerow(CORPUS_COLUMNS)
    count = 0
    for row in corpus_rows(result, catalog=catalog):
        writer.writerow([_cell(row[column]) for column in CORPUS_COLUMNS])
        count += 1
    return count


def to_corpus_csv(result: CorpusAudit, *, catalog: Catalog | None = None) -> str:
    """:func:`write_corpus_csv` as a string."""
    out = io.StringIO()
    write_corpus_csv(result, out, catalog=catalog)
    return out.getvalue()


def write_corpus_jsonl(
    result: CorpusAudit | CorpusStream, stream: TextIO, *, catalog: Catalog | None = None
) -> int:
    """Write one JSON object per line and goal: ``government``, ``year`` and ``verdict`` (the
    verdict as the JSON contract of docs/report.md has it); returns the number of lines."""
    catalog = catalog or default_catalog()
    pages = {d.name: d.source for d in result.documents if d.pages}  # a PDF's quotes cite pages
    count = 0
    for verdict, government, document_year in _judged(result):
        line = {
            "government": government,
            "year": verdict.goal.period.end_year,
            "document_year": document_year,
            "verdict": _verdict(verdict, catalog, pages),
        }
        stream.write(json.dumps(line, ensure_ascii=False) + "\n")
        count += 1
    return count


# -- comparing governments ----------------------------------------------------------------------


def combined_status(statuses: Iterable[str]) -> str:
    """One status for several goals: missed when any is, else met when any is, else unreported."""
    seen = set(statuses)
    for status in ("missed", "met"):
        if status in seen:
            return status
    return "unreported"


@attrs.frozen
class IndicatorSummary:
    """How many governments met their target on one indicator (and figure) in one year."""

    indicator: str
    name: str
    figure: str
    year: int
    met: int
    missed: int
    unreported: int

    @property
    def governments(self) -> int:
        return self.met + self.missed + self.unreported

    @property
    def label(self) -> str:
        """``Gross regional product (GDP) growth``; the name alone when it says the figure
        (``Consumer price index (CPI), change``)."""
        if self.figure == "level" or self.name.endswith(("change", "growth", self.figure)):
            return self.name
        return f"{self.name} {self.figure}"

    def sentence(self) -> str:
        """``Gross regional product (GDP) growth, 2025: 6 of 9 governments met their target``"""
        noun = "government" if self.governments == 1 else "governments"
        return (
            f"{self.label}, {self.year}: {self.met} of {self.governments} {noun} met their "
            f"target ({self.missed} missed, {self.unreported} unreported)"
        )


def _cells(rows: Iterable[dict[str, Any]]) -> dict[tuple[str, str, int, str], list[str]]:
    """(indicator, figure, year, government) → the statuses of the standard-indicator goals."""
    cells: dict[tuple[str, str, int, str], list[str]] = {}
    for row in rows:
        if row["standard"]:
            key = (row["indicator"], row["figure"], row["year"], row["government"])
            cells.setdefault(key, []).append(row["status"])
    return cells


def indicator_summaries(
    rows: Iterable[dict[str, Any]], *, catalog: Catalog | None = None
) -> list[IndicatorSummary]:
    """For each standard indicator, figure and year: how many governments met, missed or did
    not report their target (a government's goals combined by :func:`combined_status`).
    Ordered by year, then by the number of governments (most first), then by indicator."""
    catalog = catalog or default_catalog()
    counts: dict[tuple[str, str, int], dict[str, int]] = {}
    for (indicator, figure, year, _), statuses in _cells(rows).items():
        tally = counts.setdefault((indicator, figure, year), dict.fromkeys(_STATUSES, 0))
        tally[combined_status(statuses)] += 1
    summaries = []
    for (indicator, figure, year), tally in counts.items():
        metric = catalog.get(indicator)
        name = metric.en if metric and metric.en else indicator
        summaries.append(
            IndicatorSummary(
                indicator, name, figure, year, tally["met"], tally["missed"], tally["unreported"]
            )
        )
    summaries.sort(key=lambda s: (s.year, -s.governments, s.indicator, s.figure))
    return summaries


_STATUSES = tuple(status.value for status in Status)


@attrs.frozen
class HeatMap:
    """The statuses of one year: a row per government, a column per indicator (and figure)."""

    year: int
    governments: tuple[str, ...]
    columns: tuple[tuple[str, str, str], ...]  # (indicator, figure, label)
    cells: dict[tuple[str, str, str], str]  # (government, indicator, figure) → status

    def status(self, government: str, indicator: str, figure: str) -> str:
        """The cell's status, ``""`` when the government set no such goal that year."""
        return self.cells.get((government, indicator, figure), "")


def heat_maps(rows: Iterable[dict[str, Any]], *, catalog: Catalog | None = None) -> list[HeatMap]:
    """One :class:`HeatMap` a year, the columns ordered by how many governments set the goal."""
    catalog = catalog or default_catalog()
    by_year: dict[int, dict[tuple[str, str, str], str]] = {}
    for (indicator, figure, year, government), statuses in _cells(rows).items():
        by_year.setdefault(year, {})[(government, indicator, figure)] = combined_status(statuses)
    maps = []
    for year in sorted(by_year):
        cells = by_year[year]
        governments = tuple(sorted({g for g, _, _ in cells}))
        width: dict[tuple[str, str], int] = {}
        for _, indicator, figure in cells:
            width[(indicator, figure)] = width.get((indicator, figure), 0) + 1
        columns = []
        for indicator, figure in sorted(width, key=lambda k: (-width[k], k)):
            metric = catalog.get(indicator)
            name = metric.zh if metric else indicator
            label = name if figure == "level" else f"{name}（{_FIGURE_ZH[figure]}）"
            columns.append((indicator, figure, label))
        maps.append(HeatMap(year, governments, tuple(columns), cells))
    return maps


_FIGURE_ZH = {"growth": "增速", "points": "变化"}


# -- HTML ---------------------------------------------------------------------------------------


def _table_data(rows: Iterable[dict[str, Any]]) -> str:
    """The goals for the page's table, as JSON safe inside a <script> element."""
    keys = (
        "government",
        "year",
        "indicator_zh",
        "figure",
        "status",
        "target",
        "achieved",
        "period",
        "goal_id",
        "reason",
    )
    data = [[row[k] for k in keys] for row in rows]
    text = json.dumps({"keys": keys, "rows": data}, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def to_corpus_html(result: CorpusAudit, *, catalog: Catalog | None = None) -> str:
    """The corpus report as one self-contained page (inline CSS and script, nothing fetched)."""
    from markupsafe import Markup

    catalog = catalog or default_catalog()
    rows = list(corpus_rows(result, catalog=catalog))
    audit = result.audit
    counts = audit.counts()
    environment = _environment()
    return environment.get_template("corpus.html.j2").render(
        result=result,
        audit=audit,
        counts={status.value: counts[status] for status in Status},
        summaries=indicator_summaries(rows, catalog=catalog),
        maps=heat_maps(rows, catalog=catalog),
        governments=sorted({row["government"] for row in rows}),
        years=sorted({row["year"] for row in rows}),
        data=Markup(_table_data(rows)),
        version=_version(),
    )
