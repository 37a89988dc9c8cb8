"""docs/genres.md: its example runs as written and its table is what the command prints."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

from targettrack import cli

DOC = Path(__file__).resolve().parents[1] / "docs" / "genres.md"


def test_the_genres_page_runs_as_written() -> None:
    result = doctest.testfile(
        str(DOC), module_relative=False, optionflags=doctest.ELLIPSIS, raise_on_error=False
    )
    assert result.attempted >= 6 and result.failed == 0


def test_the_genre_figures_in_docs_are_what_the_command_prints(
    capsys: pytest.CaptureFixture[str],
) -> None:
    pytest.importorskip("selectolax")
    pytest.importorskip("pypdfium2")
    block = re.search(
        r"```text\n\$ targettrack evaluate-genres\n(.*?)```", DOC.read_text("utf-8"), re.S
    )
    assert block is not None
    assert cli.main(["evaluate-genres"]) == 0
    assert capsys.readouterr().out == block.group(1)


def test_every_bulletin_is_its_citys_outcomes_of_2025_and_sets_no_goal() -> None:
    pytest.importorskip("selectolax")
    pytest.importorskip("pypdfium2")
    from targettrack.corpus_eval import corpus_dir
    from targettrack.extract import ingest
    from targettrack.genre_eval import load_genre_gold

    for gold in load_genre_gold():
        read = ingest(corpus_dir() / "genres" / gold.document)
        placed = [s for s in read.statements if s.region == gold.government]
        if gold.genre == "statistical_bulletin":
            assert not read.goals, gold.document
            in_year = [
                s
                for s in placed
                if s.kind == "outcome" and s.period is not None and s.period.end_year == 2025
            ]
            assert len(in_year) >= 0.95 * len(read.statements), gold.document
            assert len(read.outcomes) >= 0.95 * len(read.statements), gold.document
        else:  # a budget report: outcomes of 2025, goals of 2026; no budget figure an outcome
            assert all(o.period.end_year <= 2025 for o in read.outcomes), gold.document
            budget = [g for g in read.goals if g.period.end_year >= 2026]
            # (a carry-over 上年结转 into the budget is read as of the year before: a few)
            assert len(budget) >= 0.9 * len(read.goals), gold.document
