"""docs/input.md: its limits are the package's constants, its messages are the ones the code
writes, and its examples run as written."""

from __future__ import annotations

import doctest
import importlib
import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "input.md"
SOURCE = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "src").rglob("*.py"))


def limit_rows() -> list[tuple[str, list[str]]]:
    rows = []
    for line in PAGE.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip("|").split("|")]
        if len(cells) == 3 and cells[2].startswith("`targettrack"):
            rows.append((cells[1], re.findall(r"`([\w.]+)`", cells[2])))
    return rows


def constant(dotted: str) -> object:
    module, name = dotted.rsplit(".", 1)
    return getattr(importlib.import_module(module), name)


def test_every_limit_is_listed() -> None:
    names = {name for _, names in limit_rows() for name in names}
    assert len(names) == 17


@pytest.mark.parametrize(("written", "names"), limit_rows())
def test_a_limit_is_the_constant_it_names(written: str, names: list[str]) -> None:
    numbers = [float(n) for n in re.findall(r"\d+(?:e-?\d+)?", written.split("(")[0])]
    assert numbers == [float(constant(name)) for name in names]  # type: ignore[arg-type]


def message_fragments() -> list[str]:
    fragments = []
    in_table = False
    for line in PAGE.read_text(encoding="utf-8").splitlines():
        if line.startswith("| Message"):
            in_table = True
            continue
        if in_table and line.startswith("| `"):
            message = line.split("`")[1]
            fragments.extend(re.split(r"…|ID|FILE:LINE|'|\(|\)|\d+|: ", message))
        elif in_table and not line.startswith("|"):
            break
    return [f.strip(" :") for f in fragments if len(f.strip(" :")) >= 6]


@pytest.mark.parametrize("fragment", message_fragments())
def test_a_message_of_the_page_is_written_by_the_code(fragment: str) -> None:
    assert fragment in SOURCE


def test_the_examples_run() -> None:
    result = doctest.testfile(
        str(PAGE), module_relative=False, optionflags=doctest.ELLIPSIS, report=False
    )
    assert result.attempted >= 3 and result.failed == 0
