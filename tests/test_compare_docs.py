"""The examples of docs/compare.md run and answer as written (the corpus audited, then pandas)."""

from __future__ import annotations

import doctest
from pathlib import Path

DOC = Path(__file__).resolve().parents[1] / "docs" / "compare.md"


def test_the_comparison_tutorial_runs_as_written() -> None:
    result = doctest.testfile(
        str(DOC),
        module_relative=False,
        optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE,
        raise_on_error=False,
        report=True,
        verbose=False,
    )
    assert result.attempted > 10, "docs/compare.md lost its examples"
    assert result.failed == 0, (
        f"{result.failed} example(s) of docs/compare.md fail (see the output)"
    )
