"""The examples of docs/identity.md run and answer as written."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_the_identity_page_runs_as_written(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("selectolax")  # the Suzhou bulletin is a web page
    monkeypatch.chdir(ROOT)
    result = doctest.testfile(
        str(ROOT / "docs" / "identity.md"),
        module_relative=False,
        optionflags=doctest.ELLIPSIS,
        raise_on_error=False,
        report=True,
        verbose=False,
    )
    assert result.attempted >= 12, "docs/identity.md lost its examples"
    assert result.failed == 0, f"{result.failed} example(s) of docs/identity.md fail"
