"""Measure the audit of raw documents against hand-checked gold for plan→review pairs.

A gold file (``tests/gold/corpus/<pair>.yaml``) lists every quantified goal a plan sets for its
year, with the verdict a careful reader gives from the review (met, missed, unreported), the
spans of the plan and, when judged, of the review, and whether the verdict is *strict* (no
careful reader would dispute it) or rests on a judgment (``note`` says which). A pair held
back from the extractor's development says ``held_out: true``.

:func:`evaluate_pairs` audits each pair from its raw texts — the same path as
``targettrack audit PLAN REVIEW`` — and scores it:

- a gold goal is *found* when the audit has a goal from the plan whose span overlaps the
  gold span and whose target is the gold target (the same number in base units; a decline
  of 2% is a target of −2%);
- a strict verdict is *right* when the found goal's status is the gold status;
- evidence is *from the wrong year* when a met or missed verdict cites an outcome whose
  period is not within the gold year.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from ._errors import DataError
from ._files import line_of, load_yaml, shipped
from .catalog import Catalog, default_catalog
from .corpus import DocumentEntry, pair_documents, read_corpus_document
from .corpus import audit_pair as paired_audit
from .extract import read_document
from .extract.statement import canonical
from .match import Audit
from .model import Amount, Goal, Source, Status, Verdict
from .periods import Period

__all__ = [
    "GoldGoal",
    "GoldPair",
    "PairScore",
    "corpus_dir",
    "corpus_gold_dir",
    "evaluate_pairs",
    "format_scores",
    "load_pairs",
]

_STATUSES = frozenset(status.value for status in Status)
_COMPARATORS = frozenset({"at_least", "at_most", "about", "range", "exactly"})


@attrs.frozen
class GoldGoal:
    """One goal of a plan with the verdict a careful reader gives."""

    id: str
    source: Source
    measure: str
    figure: str
    target: Amount | None  # None: a figure targettrack cannot read as a number (Ⅱ类, 千亿级)
    comparator: str
    verdict: Status
    strict: bool
    evidence: Source | None
    note: str = ""


@attrs.frozen
class GoldPair:
    """A plan, the review that reports on its year, and the gold goals of the plan."""

    pair: str
    region: str
    year: int
    plan: str
    review: str
    goals: tuple[GoldGoal, ...]
    held_out: bool = False
    #: developed, held out (kept from the rules' development), or new (measured as they came)
    group: str = "developed"
    #: the period the goals are for, when more than the year (a five-year plan: 2011—2015)
    period: Period | None = None


def corpus_dir() -> Path:
    """The corpus of real work reports: installed with the package, or ``corpus/``."""
    return shipped("_corpus", "corpus")


def corpus_gold_dir() -> Path:
    """The gold of the corpus pairs: installed with the package, or ``tests/gold/corpus``."""
    return shipped("_gold/corpus", "tests/gold/corpus")


def _source(file: Path, doc: str, text: str, record: Any, what: str) -> Source:
    line = line_of(record)
    if not isinstance(record, dict):
        raise DataError(str(file), line, f"{what}: expected a mapping with quote and start")
    quote, start = record.get("quote"), record.get("start")
    if not isinstance(quote, str) or not isinstance(start, int) or isinstance(start, bool):
        raise DataError(str(file), line, f"{what}: expected a quote (text) and a start (int)")
    if text[start : start + len(quote)] != quote:
        raise DataError(
            str(file), line, f"{what}: the quote {quote!r} is not the text of {doc} at {start}"
        )
    return Source(doc, start, start + len(quote), quote)


def _goal(file: Path, pair: dict[str, Any], record: Any, plan: str, review: str) -> GoldGoal:
    line = line_of(record)
    if not isinstance(record, dict):
        raise DataError(str(file), line, f"expected a gold goal, got {record!r}")
    name = str(record.get("id", "?"))
    for field in ("id", "measure", "figure", "target", "comparator", "verdict", "strict"):
        if field not in record:
            raise DataError(str(file), line, f"{name}: missing {field!r}")
    if record["verdict"] not in _STATUSES:
        raise DataError(str(file), line, f"{name}: verdict must be met, missed or unreported")
    if record["comparator"] not in _COMPARATORS:
        raise DataError(
            str(file), line, f"{name}: comparator must be one of {sorted(_COMPARATORS)}"
        )
    if not isinstance(record["strict"], bool):
        raise DataError(str(file), line, f"{name}: strict must be true or false")
    try:
        target: Amount | None = Amount.from_text(str(record["target"]))
    except ValueError:
        target = None
    evidence = None
    if record["verdict"] != "unreported":
        evidence = _source(file, pair["review"], review, record.get("evidence"), f"{name} evidence")
    elif record.get("evidence") is not None:
        raise DataError(str(file), line, f"{name}: an unreported goal cites no evidence")
    return GoldGoal(
        id=name,
        source=_source(file, pair["plan"], plan, record, name),
        measure=str(record["measure"]),
        figure=str(record["figure"]),
        target=target,
        comparator=str(record["comparator"]),
        verdict=Status(record["verdict"]),
        strict=record["strict"],
        evidence=evidence,
        note=str(record.get("note", "")),
    )


def load_pairs(gold: str | Path | None = None, corpus: str | Path | None = None) -> list[GoldPair]:
    """The gold pairs of a folder of gold files (default: the project's), their quotes checked
    against the documents of ``corpus`` (default: the project's corpus)."""
    gold_path = Path(gold) if gold is not None else corpus_gold_dir()
    corpus_path = Path(corpus) if corpus is not None else corpus_dir()
    files = sorted(gold_path.glob("*.yaml")) if gold_path.is_dir() else [gold_path]
    if not files:
        raise DataError(str(gold_path), None, "no gold files (*.yaml) here")
    pairs = []
    for file in files:
        data = load_yaml(file)
        if not isinstance(data, dict):
            raise DataError(str(file), 1, "expected a mapping with pair, plan, review and goals")
        for field in ("pair", "region", "year", "plan", "review", "goals"):
            if field not in data:
                raise DataError(str(file), 1, f"missing {field!r}")
        if isinstance(data["year"], bool) or not isinstance(data["year"], int):
            raise DataError(
                str(file), 1, f"'year' must be a year such as 2025 (got {data['year']!r})"
            )
        if not isinstance(data["goals"], list):
            raise DataError(str(file), 1, "'goals' must be a list of gold goals")
        for field in ("plan", "review"):
            name = data[field]
            if not isinstance(name, str) or Path(name).name != name:
                raise DataError(
                    str(file),
                    1,
                    f"{field!r} must be a file name in the corpus folder (got {name!r})",
                )
        # the texts as the audit reads them (read_document): the gold's spans point into them
        plan = read_document(corpus_path / data["plan"]).text
        review = read_document(corpus_path / data["review"]).text
        goals = tuple(_goal(file, data, record, plan, review) for record in data["goals"])
        pairs.append(
            GoldPair(
                pair=str(data["pair"]),
                region=str(data["region"]),
                year=int(data["year"]),
                plan=str(data["plan"]),
                review=str(data["review"]),
                goals=goals,
                held_out=bool(data.get("held_out", False)),
                group=_group(data),
                period=None if data.get("period") is None else Period.parse(str(data["period"])),
            )
        )
    return pairs


def _group(data: dict[str, Any]) -> str:
    if data.get("group") == "new":
        return "new"
    return "held out" if data.get("held_out") else "developed"


@attrs.frozen
class Miss:
    """A gold goal the audit got wrong: not found, or found with another verdict."""

    gold: GoldGoal
    verdict: Verdict | None


@attrs.frozen
class PairScore:
    """The figures of one pair."""

    pair: GoldPair
    found: int
    strict: int
    strict_right: int
    right: int  # found goals with the gold verdict, strict or not
    wrong_year: int
    misses: tuple[Miss, ...]
    #: strict goals a reader decides (met or missed), and how many the audit decided so
    decided: int = 0
    decided_right: int = 0
    #: strict goals a reader calls unreported, and how many the audit gave met or missed
    unreported: int = 0
    overdecided: int = 0


def _same_target(goal: Goal, gold: GoldGoal) -> bool:
    if gold.target is None:
        return True
    value, unit = canonical(goal.target)
    expected, expected_unit = canonical(gold.target)
    if unit and expected_unit and unit != expected_unit:
        return False
    return math.isclose(abs(value), abs(expected), rel_tol=1e-9, abs_tol=1e-12)


def _match(gold: GoldGoal, verdicts: Sequence[Verdict]) -> Verdict | None:
    overlapping = [
        v
        for v in verdicts
        if v.goal.source.doc == gold.source.doc
        and v.goal.source.start < gold.source.end
        and gold.source.start < v.goal.source.end
    ]
    for verdict in overlapping:
        if _same_target(verdict.goal, gold):
            return verdict
    return None


def audit_pair(pair: GoldPair, corpus: Path, catalog: Catalog) -> Audit:
    """The audit of a pair from its raw texts, as ``targettrack audit DIR`` makes it: the two
    documents read and paired by :func:`targettrack.corpus.pair_documents` (the gold's plan and
    review must be a pair by that rule), the plan's goals judged as of the end of the year
    after the plan's."""
    documents = [
        read_corpus_document(DocumentEntry(str(corpus / name), name), catalog=catalog)
        for name in (pair.plan, pair.review)
    ]
    paired, _ = pair_documents(documents)
    found = [p for p in paired if p.plan.name == pair.plan]
    if not found or pair.review not in {r.name for r in found[0].reviews}:
        plan, review = documents
        raise DataError(
            pair.pair,
            None,
            f"expected {pair.review} to review {pair.plan}, but the texts say "
            f"{plan.government} {plan.year} ({plan.role}) and "
            f"{review.government} {review.year} ({review.role})",
        )
    return paired_audit(found[0].plan, found[0].reviews, dt.date(pair.year + 1, 12, 31), catalog)


def score_pair(pair: GoldPair, result: Audit) -> PairScore:
    """The figures of one pair's audit against its gold."""
    year = pair.period or Period.from_year(pair.year)
    verdicts = [v for v in result.verdicts if v.goal.source.doc == pair.plan]
    found = strict = strict_right = right = wrong_year = 0
    decided = decided_right = unreported = overdecided = 0
    misses = []
    for gold in pair.goals:
        verdict = _match(gold, verdicts)
        if gold.strict:
            strict += 1
            if gold.verdict is Status.UNREPORTED:
                unreported += 1
                overdecided += verdict is not None and verdict.status is not Status.UNREPORTED
            else:
                decided += 1
                decided_right += verdict is not None and verdict.status is gold.verdict
        if verdict is None:
            misses.append(Miss(gold, None))
            continue
        found += 1
        if verdict.status is gold.verdict:
            right += 1
            strict_right += gold.strict
        else:
            misses.append(Miss(gold, verdict))
        if verdict.status is not Status.UNREPORTED and any(
            not year.contains(o.period) for o in verdict.evidence
        ):
            wrong_year += 1
    return PairScore(
        pair,
        found,
        strict,
        strict_right,
        right,
        wrong_year,
        tuple(misses),
        decided,
        decided_right,
        unreported,
        overdecided,
    )


def evaluate_pairs(
    pairs: Iterable[GoldPair], corpus: str | Path | None = None, catalog: Catalog | None = None
) -> list[PairScore]:
    """Audit every pair from its raw texts and score it against its gold."""
    corpus_path = Path(corpus) if corpus is not None else corpus_dir()
    catalog = catalog or default_catalog()
    return [score_pair(pair, audit_pair(pair, corpus_path, catalog)) for pair in pairs]


def _percent(part: int, whole: int) -> str:
    return "—" if whole == 0 else f"{100 * part / whole:.1f}%"


def _row(name: str, scores: Sequence[PairScore]) -> str:
    goals = sum(len(s.pair.goals) for s in scores)
    found = sum(s.found for s in scores)
    strict = sum(s.strict for s in scores)
    right = sum(s.strict_right for s in scores)
    wrong_year = sum(s.wrong_year for s in scores)
    decided = sum(s.decided for s in scores)
    decided_right = sum(s.decided_right for s in scores)
    unreported = sum(s.unreported for s in scores)
    overdecided = sum(s.overdecided for s in scores)
    return (
        f"{name:<12} {goals:>5} {found:>6} {_percent(found, goals):>7} {strict:>7} {right:>6} "
        f"{_percent(right, strict):>7} {decided:>7} {_percent(decided_right, decided):>7} "
        f"{unreported:>6} {_percent(overdecided, unreported):>7} {wrong_year:>10}"
    )


def _quote(source: Source | None) -> str:
    if source is None:
        return "—"
    return f"“{source.quote}” ({source.doc}[{source.start}:{source.end}])"


def format_scores(scores: Sequence[PairScore], *, misses: bool = True) -> str:
    """The figures as a table, per pair and for the developed, held-out and new pairs, then
    each goal the audit got wrong with the plan's quote, the gold evidence and the audit's
    reason. Columns: gold goals, found; strict verdicts, right; strict goals a reader decides
    (met or missed), decided right; strict goals a reader calls unreported, given met or
    missed; met or missed verdicts citing evidence outside the goals' period."""
    header = (
        f"{'pair':<12} {'goals':>5} {'found':>6} {'':>7} {'strict':>7} {'right':>6} {'':>7} "
        f"{'decided':>7} {'right':>7} {'unrep.':>6} {'decided':>7} {'wrong year':>10}"
    )
    lines = [header]
    lines.extend(_row(s.pair.pair, [s]) for s in scores)
    lines.append("")
    for group in ("developed", "held out", "new"):
        members = [s for s in scores if s.pair.group == group]
        if members:
            lines.append(_row(f"{group} {len(members)}", members))
    lines.append(_row("all", scores))
    if misses:
        for score in scores:
            for miss in score.misses:
                gold = miss.gold
                strict = "strict" if gold.strict else "judgment"
                lines.append("")
                lines.append(
                    f"{score.pair.pair} {gold.id} ({strict}): gold {gold.verdict.value} — "
                    f"plan {_quote(gold.source)}; review {_quote(gold.evidence)}"
                )
                if miss.verdict is None:
                    lines.append("  targettrack: not found")
                else:
                    lines.append(
                        f"  targettrack: {miss.verdict.status.value} — {miss.verdict.reason}"
                    )
    return "\n".join(lines) + "\n"
