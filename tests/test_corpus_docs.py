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


# -- bad gold: one line naming the file (and line), exit 1 -----------------------------------

PLAN = "2025年某某省政府工作报告\n各位代表:\n二、2025年主要目标\n今年地区生产总值增长5%以上。\n"
REVIEW = "2026年某某省政府工作报告\n各位代表:\n一、2025年工作回顾\n地区生产总值增长5.2%。\n"
START = PLAN.index("地区生产总值增长5%以上")

GOOD_GOAL = """  - id: gdp
    quote: 地区生产总值增长5%以上
    start: {start}
    measure: GDP growth
    figure: growth
    target: 5%
    comparator: at_least
    verdict: unreported
    strict: true
"""


def gold_file(tmp_path: Path, body: str) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir(exist_ok=True)
    (corpus / "plan.txt").write_text(PLAN, encoding="utf-8")
    (corpus / "review.txt").write_text(REVIEW, encoding="utf-8")
    gold = tmp_path / "gold"
    gold.mkdir(exist_ok=True)
    (gold / "pair.yaml").write_text(body, encoding="utf-8")
    return tmp_path


HEAD = "pair: p\nregion: 某省\nyear: 2025\nplan: plan.txt\nreview: review.txt\n"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (HEAD + "goals:\n" + GOOD_GOAL.format(start=START + 1), "is not the text of plan.txt at"),
        (
            HEAD
            + "goals:\n"
            + GOOD_GOAL.format(start=START).replace("verdict: unreported", "verdict: ok"),
            "verdict must be",
        ),
        (
            HEAD + "goals:\n" + GOOD_GOAL.format(start=START).replace("    strict: true\n", ""),
            "missing 'strict'",
        ),
        (HEAD.replace("year: 2025", "year: soon") + "goals: []\n", "'year' must be a year"),
        (HEAD + "goals: {a: 1}\n", "'goals' must be a list"),
        (
            HEAD.replace("plan: plan.txt", "plan: ../../etc/passwd") + "goals: []\n",
            "must be a file name",
        ),
        (HEAD.replace("plan: plan.txt", "plan: gone.txt") + "goals: []\n", "no such file"),
        ("- just a list\n", "expected a mapping"),
        (HEAD + "goals:\n  - [1, 2]\n", "expected a gold goal"),
    ],
)
def test_bad_gold_is_one_line_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], body: str, expected: str
) -> None:
    root = gold_file(tmp_path, body)
    argv = ["evaluate-corpus", "--gold", str(root / "gold"), "--corpus", str(root / "corpus")]
    assert cli.main(argv) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert len(captured.err.splitlines()) == 1 and "Traceback" not in captured.err
    assert expected in captured.err


def test_good_gold_in_a_folder_of_ones_own_is_scored(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    root = gold_file(tmp_path, HEAD + "goals:\n" + GOOD_GOAL.format(start=START))
    argv = ["evaluate-corpus", "--gold", str(root / "gold"), "--corpus", str(root / "corpus")]
    assert cli.main([*argv, "--summary"]) == 0
    out = capsys.readouterr().out
    # the audit reads the goal and judges it met on 5.2%, where the gold says unreported
    assert out.splitlines()[1].split()[:3] == ["p", "1", "1"]


def test_an_empty_gold_folder_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["evaluate-corpus", "--gold", str(tmp_path)]) == 1
    assert "no gold files" in capsys.readouterr().err
