"""The audit of a pair does not change with the shape its documents come in: header removed,
header lines broken, lines hard-wrapped, site chrome, CRLF, CR and U+2028 line ends, indents
(issue: every document read). Identity is told the same way on every shape of every corpus
report."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from targettrack.extract.identity import identify
from targettrack.extract.ingest import ingest_documents
from targettrack.match import audit
from targettrack.testing import (
    cr_only,
    crlf,
    hard_wrapped,
    header_broken,
    indented,
    line_separators,
    with_chrome,
    with_glossary,
    without_header,
)

CORPUS = Path(__file__).resolve().parents[1] / "corpus"
REPORTS = sorted(CORPUS.glob("*_gov_work_report.txt"))
SHAPES: dict[str, Callable[[str], str]] = {
    "header removed": without_header,
    "header broken": lambda text: header_broken(text, 7),
    "wrapped": lambda text: hard_wrapped(text, 31),
    "chrome": with_chrome,
    "crlf": crlf,
    "cr only": cr_only,
    "line separators": line_separators,
    "indented": indented,
    "glossary": with_glossary,
}


def _verdicts(tmp: Path, plan: str, review: str) -> list[tuple[str, str, str, float | None]]:
    (tmp / "plan.txt").write_text(plan, encoding="utf-8", newline="")
    (tmp / "review.txt").write_text(review, encoding="utf-8", newline="")
    read = ingest_documents([tmp / "plan.txt", tmp / "review.txt"])
    goals = [g for r in read if r.name == "plan.txt" for g in r.goals]
    outcomes = [o for r in read for o in r.outcomes]
    result = audit(goals, outcomes, dt.date(2026, 12, 31))
    return sorted(
        ("".join(v.goal.source.quote.split()), v.status.value, str(v.goal.target), v.achieved)
        for v in result.verdicts
    )


#: every plan→review pair of the corpus: its government's file name and the two years
PAIRS = {
    **{
        name: (name, 2025, 2026)
        for name in [
            "beijing",
            "chongqing",
            "gansu",
            "guangxi",
            "hebei",
            "hubei",
            "jiangsu",
            "jilin",
            "shaanxi",
            "shandong",
            "shanxi",
            "yunnan",
        ]
    },
    "national": ("national", 2022, 2023),
    "national_5yr": ("national", 2011, 2016),
}


def _pair(pair: str) -> tuple[str, str]:
    name, plan, review = PAIRS[pair]
    return tuple(  # type: ignore[return-value]
        (CORPUS / f"{name}_{year}_gov_work_report.txt").read_text(encoding="utf-8")
        for year in (plan, review)
    )


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("report", REPORTS, ids=[p.stem for p in REPORTS])
def test_identity_is_told_on_every_shape_of_a_report(report: Path, shape: str) -> None:
    text = report.read_text(encoding="utf-8")
    told = identify(text)
    again = identify(SHAPES[shape](text))
    assert (again.government, again.genre, again.role) == (told.government, "work_report", "report")
    assert again.year == told.year is not None


@pytest.mark.parametrize("pair", PAIRS)
def test_every_pairs_audit_is_the_same_in_every_shape(pair: str, tmp_path: Path) -> None:
    plan, review = _pair(pair)
    expected = _verdicts(tmp_path, plan, review)
    assert len(expected) >= 10
    for shape, reshape in SHAPES.items():
        assert _verdicts(tmp_path, reshape(plan), reshape(review)) == expected, shape


@settings(max_examples=4, deadline=None)
@given(at=st.integers(min_value=2, max_value=30), width=st.integers(min_value=24, max_value=90))
def test_a_header_broken_anywhere_and_lines_wrapped_at_any_width_audit_the_same(
    at: int, width: int, tmp_path_factory: pytest.TempPathFactory
) -> None:
    plan, review = _pair("jiangsu")
    tmp = tmp_path_factory.mktemp("shape")
    expected = _verdicts(tmp, plan, review)
    shaped = [hard_wrapped(header_broken(text, at), width) for text in (plan, review)]
    assert _verdicts(tmp, *shaped) == expected
