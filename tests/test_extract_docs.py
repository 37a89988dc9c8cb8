"""The evaluation figures quoted in docs/extract.md are what `targettrack evaluate` prints."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from targettrack import cli

DOCS = Path(__file__).resolve().parents[1] / "docs" / "extract.md"


def test_the_quoted_evaluation_is_what_the_command_prints(
    capsys: pytest.CaptureFixture[str],
) -> None:
    page = DOCS.read_text(encoding="utf-8")
    block = re.search(r"```\n\$ targettrack evaluate\n(.*?)```", page, re.S)
    assert block is not None, "docs/extract.md quotes no evaluation"
    assert cli.main(["evaluate"]) == 0
    printed = capsys.readouterr().out
    assert printed.splitlines() == block.group(1).splitlines()
