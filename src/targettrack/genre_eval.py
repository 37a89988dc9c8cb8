"""Measure the reading of other genres — statistical bulletins, budget reports — against gold.

A gold file (``tests/gold/genres/<document>.yaml``) gives a document's government, year,
genre and issue date, and a dozen or more of its key figures, each quoted as the text has it
with its value: the outcomes of the year (every figure of a bulletin; a budget report's
execution of the year) and, for a budget report, the next year's budget (goals). It was
written by reading the document, never from the tool's output.

:func:`score_document` reads the document through :func:`targettrack.extract.ingest.ingest`
and scores it: its identity (government, year, genre, issue date) against the gold's; each
gold figure is *read* when a statement of the right kind (outcome, goal) stands within its
quote with its value, and *placed* when that statement is also for the gold's government and
year. A figure whose value is no number (持平) is counted apart.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from ._errors import DataError
from ._files import line_of, load_yaml, shipped
from .extract.ingest import Ingested, ingest
from .extract.statement import GOAL, OUTCOME, Statement, canonical
from .model import Amount

__all__ = [
    "GenreFigure",
    "GenreGold",
    "GenreScore",
    "format_genre_scores",
    "genre_gold_dir",
    "load_genre_gold",
    "score_document",
    "score_statements",
]


@attrs.frozen
class GenreFigure:
    """A key figure of a document: its quote, its value, goal or outcome, its year."""

    id: str
    kind: str  # outcome | goal
    quote: str
    value: Amount | None  # None: no number (持平)
    year: int


@attrs.frozen
class GenreGold:
    """A document of another genre and what a reader finds in it."""

    document: str
    genre: str
    government: str
    year: int
    issued: dt.date | None
    figures: tuple[GenreFigure, ...]


@attrs.frozen
class GenreScore:
    """How the reading of one document compares with its gold."""

    gold: GenreGold
    identity: dict[str, bool]
    figures: int  # gold figures with a number
    read: int
    placed: int
    #: statements of the document, and how many are placed as goals or outcomes of the
    #: gold's government (all of a bulletin's should be outcomes)
    statements: int
    as_outcomes: int
    as_goals: int
    missed: tuple[GenreFigure, ...] = ()


def genre_gold_dir() -> Path:
    """The gold of the genres: installed with the package, or ``tests/gold/genres``."""
    return shipped("_gold/genres", "tests/gold/genres")


def _figure(file: Path, record: Any, kind: str) -> GenreFigure:
    line = line_of(record)
    if not isinstance(record, dict) or not isinstance(record.get("quote"), str):
        raise DataError(str(file), line, "expected a figure with a quote")
    written = record.get("value" if kind == OUTCOME else "target")
    try:
        value: Amount | None = Amount.from_text(str(written).split(" ")[0])
    except ValueError:
        value = None
    try:
        year = int(record["period"])
    except (KeyError, TypeError, ValueError):
        raise DataError(str(file), line, "expected the figure's period, a year") from None
    return GenreFigure(str(record.get("id", "?")), kind, record["quote"], value, year)


def load_genre_gold(folder: str | Path | None = None) -> list[GenreGold]:
    """The gold files of ``folder`` (default: the project's)."""
    path = Path(folder) if folder is not None else genre_gold_dir()
    result = []
    for file in sorted(path.glob("*.yaml")):
        data = load_yaml(file)
        if not isinstance(data, dict):
            raise DataError(str(file), 1, "expected a mapping: document, government, year, …")
        try:
            issued = data.get("issued")
            figures = [_figure(file, r, OUTCOME) for r in data.get("outcomes") or ()]
            figures += [_figure(file, r, GOAL) for r in data.get("goals") or ()]
            result.append(
                GenreGold(
                    document=str(data["document"]),
                    genre=str(data["genre"]),
                    government=str(data["government"]),
                    year=int(data["year"]),
                    issued=issued if isinstance(issued, dt.date) else None,
                    figures=tuple(figures),
                )
            )
        except KeyError as error:
            raise DataError(str(file), 1, f"missing {error}") from None
    return result


def _folded(text: str) -> tuple[str, list[int]]:
    """``text`` without white space, and the offset in ``text`` of each character kept."""
    kept = [(i, c) for i, c in enumerate(text) if not c.isspace()]
    return "".join(c for _, c in kept), [i for i, _ in kept]


def _locate(text: str, folded: tuple[str, list[int]], quote: str) -> tuple[int, int] | None:
    start = text.find(quote)
    if start >= 0:
        return start, start + len(quote)
    compact, offsets = folded
    bare = re.sub(r"\s+", "", quote)
    at = compact.find(bare)
    if at < 0 or not bare:
        return None
    return offsets[at], offsets[at + len(bare) - 1] + 1


def _same_value(statement: Statement, value: Amount) -> bool:
    expected, unit = canonical(value)
    if unit and statement.canonical_unit and unit != statement.canonical_unit:
        return False
    # a decline is written as its size (下降1.3%) and read as a change of −1.3%
    got = abs(statement.canonical_value)
    return abs(got - abs(expected)) <= 1e-6 * max(1.0, abs(expected))


def score_statements(
    gold: GenreGold, text: str, statements: Sequence[Statement], identity: dict[str, bool]
) -> GenreScore:
    """The score of a document's statements (however they were read) against its gold."""
    folded = _folded(text)
    numeric = [f for f in gold.figures if f.value is not None]
    read = placed = 0
    missed = []
    for figure in numeric:
        span = _locate(text, folded, figure.quote)
        if span is None:
            raise DataError(gold.document, None, f"{figure.id}: the quote is not in the text")
        inside = [
            s
            for s in statements
            if s.source.start < span[1]
            and s.source.end > span[0]
            and figure.value is not None
            and _same_value(s, figure.value)
        ]
        same_kind = [s for s in inside if s.kind == figure.kind]
        if not same_kind:
            missed.append(figure)
            continue
        read += 1
        if any(
            s.region == gold.government
            and s.period is not None
            and s.period.end_year == figure.year
            for s in same_kind
        ):
            placed += 1
        else:
            missed.append(figure)
    ours = [s for s in statements if s.region == gold.government]
    return GenreScore(
        gold=gold,
        identity=identity,
        figures=len(numeric),
        read=read,
        placed=placed,
        statements=len(statements),
        as_outcomes=sum(1 for s in ours if s.kind == OUTCOME),
        as_goals=sum(1 for s in ours if s.kind == GOAL),
        missed=tuple(missed),
    )


def score_document(gold: GenreGold, folder: str | Path) -> GenreScore:
    """Read the gold's document from ``folder`` and score it."""
    read: Ingested = ingest(Path(folder) / gold.document)
    told = read.identity
    reviewed = told.reviewed if gold.genre == "budget_report" else told.year
    identity = {
        "government": told.government == gold.government,
        "year": reviewed == gold.year,
        "genre": told.genre == gold.genre,
        "issued": gold.issued is None or told.issued == gold.issued,
    }
    return score_statements(gold, read.text, read.statements, identity)


def _percent(part: int, whole: int) -> str:
    return "—" if whole == 0 else f"{100 * part / whole:.1f}%"


def format_genre_scores(scores: Iterable[GenreScore]) -> str:
    """One row per document: identity told, key figures read and placed, and how the
    document's statements were placed (outcomes and goals of its government)."""
    scores = list(scores)
    lines = [
        f"{'document':<44} {'identity':>8} {'figures':>7} {'read':>5} {'placed':>6} {'':>7} "
        f"{'stmts':>5} {'outc.':>5} {'goals':>5}"
    ]
    for s in scores:
        told = sum(s.identity.values())
        lines.append(
            f"{s.gold.document:<44} {told:>6}/4 {s.figures:>7} {s.read:>5} {s.placed:>6} "
            f"{_percent(s.placed, s.figures):>7} {s.statements:>5} {s.as_outcomes:>5} "
            f"{s.as_goals:>5}"
        )
    figures = sum(s.figures for s in scores)
    placed = sum(s.placed for s in scores)
    whole = sum(all(s.identity.values()) for s in scores)
    lines.append("")
    lines.append(
        f"{len(scores)} documents: identity told in full for {whole}; key figures placed "
        f"{placed} of {figures} ({_percent(placed, figures)})"
    )
    return "\n".join(lines) + "\n"
