"""The top-level namespace exports exactly what ``__all__`` lists (the httpx check)."""

from __future__ import annotations

import types

import targettrack as tt


def test_all_is_sorted() -> None:
    assert tt.__all__ == sorted(tt.__all__)


def test_all_has_no_duplicates() -> None:
    assert len(tt.__all__) == len(set(tt.__all__))


def test_every_name_in_all_exists() -> None:
    missing = [name for name in tt.__all__ if not hasattr(tt, name)]
    assert missing == []


def test_every_public_member_is_in_all() -> None:
    public = {
        name
        for name, value in vars(tt).items()
        if not name.startswith("_") and not isinstance(value, types.ModuleType)
    }
    assert public - set(tt.__all__) == set()


def test_the_names_issue_2_promises() -> None:
    for name in (
        "quantity",
        "Period",
        "Goal",
        "Outcome",
        "Verdict",
        "Source",
        "UnitError",
        "PeriodError",
    ):
        assert name in tt.__all__


def test_the_corpus_names() -> None:
    for name in (
        "CorpusAudit",
        "CorpusDocument",
        "audit_corpus",
        "audit_documents",
        "pair_documents",
        "read_corpus",
    ):
        assert name in tt.__all__
