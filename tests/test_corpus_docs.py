"""The corpus figures quoted in docs/corpus.md are what `targettrack evaluate-corpus` prints."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from targettrack import cli

DOC = Path(__file__).resolve().parents[1] / "docs" / "corpus.md"


def test_the_corpus_figures_in_docs_are_what_the_command_prints(
    capsys: pytest.CaptureFixture[str],
) -> None:
    page = DOC.read_text(encoding="utf-8")
    block = re.search(r"```text\n\$ targettrack evaluate-corpus --summary\n(.*?)```", page, re.S)
    assert block is not None, "docs/corpus.md shows no evaluation"
    assert cli.main(["evaluate-corpus", "--summary"]) == 0
    assert capsys.readouterr().out == block.group(1)


def test_every_gold_goal_of_a_pair_is_scored_once(capsys: pytest.CaptureFixture[str]) -> None:
    from targettrack.corpus_eval import evaluate_pairs, load_pairs

    pairs = [p for p in load_pairs() if p.pair == "jiangsu"]
    [score] = evaluate_pairs(pairs)
    assert score.found + sum(1 for m in score.misses if m.verdict is None) == len(score.pair.goals)
    assert score.strict_right <= score.strict
    assert score.wrong_year == 0


def test_an_unknown_pair_is_one_line_and_status_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["evaluate-corpus", "nowhere"]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "no such pair" in err
