"""Measure the extractor against hand-checked gold statements: precision and recall.

A gold file (``tests/gold/<doc>.gold.yaml``) lists every quantified goal and outcome of one
document::

    document: 000_6faf6b9d7d4512a8.txt
    items:
    - start: 305                 # the span of the original text the statement stands on
      end: 335
      quote: 前三季度核心产业增加值增长10.4%
      kind: outcome              # goal | outcome
      value: 10.4                # the number as written, in ``unit``
      unit: "%"
      period: 2025年1—9月
      region: 浙江
      change: relative           # optional: relative | points
      metric: digital_core_value_added   # optional

A statement is *found* when its span overlaps a gold span and its value matches (the same
value in base units; a unit-less value matches any unit). Each gold item is found at most
once. Per field, a found statement also counts as right for ``value`` when its change (level,
relative, points) agrees, for ``kind``, ``period`` and ``region`` when those agree (the region
compared at province level: ``浙江/山区26县`` is ``浙江``).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs

from ._checks import check_items, check_path
from ._errors import DataError
from ._files import line_of, load_yaml, read_text, shipped
from .extract.statement import Statement, canonical
from .model import Amount
from .periods import Period

__all__ = ["FIELDS", "GoldItem", "Report", "Score", "evaluate_extraction", "gold_dir", "load_gold"]

#: The fields scored, in the order they are printed.
FIELDS = ("span", "value", "kind", "period", "region")
_RATIO_UNITS = frozenset({"%", "‰", "个百分点", "百分点", "倍"})


@attrs.frozen
class GoldItem:
    """One hand-checked goal or outcome of a document."""

    doc: str
    start: int
    end: int
    quote: str
    kind: str
    value: float
    unit: str
    period: Period | None
    region: str | None
    change: str | None = None
    metric: str | None = None

    @property
    def canonical_value(self) -> float:
        return canonical(Amount(self.value, self.unit))[0]


@attrs.frozen
class Score:
    """Counts of one field for one document or a total."""

    gold: int
    statements: int
    right: int

    @property
    def precision(self) -> float:
        return self.right / self.statements if self.statements else 1.0

    @property
    def recall(self) -> float:
        return self.right / self.gold if self.gold else 1.0


@attrs.frozen
class Report:
    """Precision and recall per document, per kind and per field, with the misses listed."""

    #: (document or "total" or "goal"/"outcome") → field → score
    scores: dict[str, dict[str, Score]]
    missed: tuple[GoldItem, ...]
    spurious: tuple[Statement, ...]
    #: statements on a gold span whose value is not the gold value
    wrong_values: tuple[tuple[Statement, GoldItem], ...]

    @property
    def total(self) -> dict[str, Score]:
        return self.scores["total"]

    def format(self) -> str:
        """The figures as a text table, one row per document, kind and total."""
        header = f"{'':28} {'gold':>5} {'found':>5} " + " ".join(
            f"{field + ' P/R':>13}" for field in FIELDS
        )
        lines = [header]
        for name, fields in self.scores.items():
            first = fields["span"]
            cells = " ".join(f"{fields[f].precision:6.1%}/{fields[f].recall:6.1%}" for f in FIELDS)
            lines.append(f"{name:28} {first.gold:5d} {first.statements:5d} {cells}")
        lines.append(f"wrong values: {len(self.wrong_values)}")
        return "\n".join(lines)

    def to_dict(self) -> dict[str, Any]:
        return {
            name: {
                field: {
                    "gold": score.gold,
                    "statements": score.statements,
                    "right": score.right,
                    "precision": score.precision,
                    "recall": score.recall,
                }
                for field, score in fields.items()
            }
            for name, fields in self.scores.items()
        }


def gold_dir() -> Path:
    """The gold files: installed with the package, or ``tests/gold`` of a source checkout."""
    return shipped("_gold", "tests/gold")


def load_gold(path: str | Path, *, text_dir: str | Path | None = None) -> dict[str, list[GoldItem]]:
    """Gold items by document name, from one gold file or a folder of ``*.gold.yaml``.

    With ``text_dir`` (the folder of the documents), every quote is checked against the text.
    """
    path = check_path("path", path)
    if text_dir is not None:
        check_path("text_dir", text_dir)
    files = sorted(path.glob("*.gold.yaml")) if path.is_dir() else [path]
    gold: dict[str, list[GoldItem]] = {}
    for file in files:
        data = load_yaml(file)
        if not isinstance(data, dict) or not isinstance(data.get("document"), str):
            raise DataError(str(file), 1, "expected a mapping with 'document' and 'items'")
        doc = data["document"]
        text = read_text(Path(text_dir) / doc) if text_dir is not None else None
        items = data.get("items") or []
        if not isinstance(items, list):
            raise DataError(str(file), line_of(data), "'items' must be a list")
        gold.setdefault(doc, []).extend(_item(file, doc, record, text) for record in items)
    return gold


def _item(file: Path, doc: str, record: Any, text: str | None) -> GoldItem:
    line = line_of(record)
    if not isinstance(record, dict):
        raise DataError(str(file), line, f"expected a gold item, got {record!r}")
    try:
        start, end, quote = int(record["start"]), int(record["end"]), str(record["quote"])
        period = record.get("period")
        item = GoldItem(
            doc=doc,
            start=start,
            end=end,
            quote=quote,
            kind=str(record["kind"]),
            value=float(record["value"]),
            unit=str(record.get("unit") or ""),
            period=None if period is None else Period.parse(str(period)),
            region=record.get("region"),
            change=record.get("change"),
            metric=record.get("metric"),
        )
        Amount(item.value, item.unit)
    except KeyError as error:  # a field every gold item has
        raise DataError(str(file), line, f"a gold item needs {error.args[0]!r}") from None
    except (TypeError, ValueError) as error:
        raise DataError(str(file), line, f"malformed gold item: {error}") from None
    if item.kind not in ("goal", "outcome"):
        raise DataError(str(file), line, f"kind must be goal or outcome (got {item.kind!r})")
    if text is not None and text[start:end] != quote:
        raise DataError(str(file), line, f"the quote is not the text at [{start}:{end}]")
    return item


def _province(region: str | None) -> str | None:
    return None if region is None else region.split("/", 1)[0]


def _is_ratio(unit: str) -> bool:
    return unit in _RATIO_UNITS


def value_matches(statement: Statement, item: GoldItem) -> bool:
    """The same value in base units; a unit-less value (破千万, 1/3) matches any unit."""
    if not math.isclose(
        statement.canonical_value, item.canonical_value, rel_tol=1e-6, abs_tol=1e-12
    ):
        return False
    if not statement.value.unit or not item.unit:
        return True
    return _is_ratio(statement.value.unit) == _is_ratio(item.unit)


def _overlap(statement: Statement, item: GoldItem) -> int:
    return min(statement.source.end, item.end) - max(statement.source.start, item.start)


def _field_right(field: str, statement: Statement, item: GoldItem) -> bool:
    if field == "span":
        return True
    if field == "value":
        change = None if statement.change is None else statement.change.value
        return change == item.change
    if field == "kind":
        return statement.kind == item.kind
    if field == "period":
        return statement.period == item.period
    return _province(statement.region) == _province(item.region)


def _pairs(
    statements: Sequence[Statement], items: Sequence[GoldItem]
) -> list[tuple[Statement, GoldItem]]:
    candidates: list[tuple[tuple[int, int, int], int, int]] = []
    for s_index, statement in enumerate(statements):
        for g_index, item in enumerate(items):
            overlap = _overlap(statement, item)
            if overlap <= 0 or not value_matches(statement, item):
                continue
            same_kind = statement.kind == item.kind
            candidates.append(
                (
                    (int(same_kind), overlap, -abs(statement.source.start - item.start)),
                    s_index,
                    g_index,
                )
            )
    candidates.sort(key=lambda entry: entry[0], reverse=True)
    used_s: set[int] = set()
    used_g: set[int] = set()
    pairs: list[tuple[Statement, GoldItem]] = []
    for _, s_index, g_index in candidates:
        if s_index in used_s or g_index in used_g:
            continue
        used_s.add(s_index)
        used_g.add(g_index)
        pairs.append((statements[s_index], items[g_index]))
    return pairs


def evaluate_extraction(
    statements: Iterable[Statement], gold: Mapping[str, Sequence[GoldItem]] | Iterable[GoldItem]
) -> Report:
    """Score ``statements`` against ``gold`` (gold items by document, or a flat list).

    Only documents that have gold are scored; statements of other documents are ignored.
    """
    statements = check_items("statements", statements, Statement, "statements (Statement)")
    if isinstance(gold, Mapping):
        by_doc = {
            doc: check_items(f"gold[{doc!r}]", items, GoldItem, "GoldItem")
            for doc, items in gold.items()
        }
    else:
        by_doc = {}
        for item in check_items("gold", gold, GoldItem, "GoldItem (load_gold)"):
            by_doc.setdefault(item.doc, []).append(item)
    found: dict[str, list[Statement]] = {doc: [] for doc in by_doc}
    for statement in statements:
        if statement.source.doc in found:
            found[statement.source.doc].append(statement)
    counts: dict[str, dict[str, list[int]]] = {}

    def add(name: str, field: str, gold_count: int, statement_count: int, right: int) -> None:
        row = counts.setdefault(name, {}).setdefault(field, [0, 0, 0])
        row[0] += gold_count
        row[1] += statement_count
        row[2] += right

    missed: list[GoldItem] = []
    spurious: list[Statement] = []
    wrong: list[tuple[Statement, GoldItem]] = []
    for doc in sorted(by_doc):
        items = by_doc[doc]
        doc_statements = found[doc]
        pairs = _pairs(doc_statements, items)
        matched_s = {id(s) for s, _ in pairs}
        matched_g = {id(g) for _, g in pairs}
        for field in FIELDS:
            right = sum(1 for s, g in pairs if _field_right(field, s, g))
            add(doc, field, len(items), len(doc_statements), right)
            add("total", field, len(items), len(doc_statements), right)
            for kind in ("goal", "outcome"):
                add(
                    kind,
                    field,
                    sum(1 for g in items if g.kind == kind),
                    sum(1 for s in doc_statements if s.kind == kind),
                    sum(
                        1
                        for s, g in pairs
                        if s.kind == kind == g.kind and _field_right(field, s, g)
                    ),
                )
        lost = [g for g in items if id(g) not in matched_g]
        extra = [s for s in doc_statements if id(s) not in matched_s]
        missed.extend(lost)
        spurious.extend(extra)
        for statement in extra:
            for item in lost:
                if _overlap(statement, item) > 0 and _same_number(statement, item):
                    wrong.append((statement, item))
                    break
    ordered = {
        name: counts[name]
        for name in [*sorted(by_doc), "goal", "outcome", "total"]
        if name in counts
    }
    scores = {
        name: {field: Score(*row) for field, row in fields.items()}
        for name, fields in ordered.items()
    }
    return Report(scores, tuple(missed), tuple(spurious), tuple(wrong))


def _same_number(statement: Statement, item: GoldItem) -> bool:
    """The statement's number is the number the gold item is about (its value is written in
    the gold quote at the same place), so a mismatch is a wrong value, not another statement."""
    quote_end = statement.source.end - item.start
    return 0 < quote_end <= len(item.quote) and statement.source.end == item.end
