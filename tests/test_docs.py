"""The examples of docs/units.md and docs/periods.md run and answer as written."""

from __future__ import annotations

import doctest
import re
from pathlib import Path

import pytest

import targettrack.units

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
UNITS_FILE = ROOT / "src" / "targettrack" / "data" / "units.txt"


@pytest.mark.parametrize("name", ["units.md", "periods.md"])
def test_examples_in_docs_run(name: str) -> None:
    path = DOCS / name
    result = doctest.testfile(
        str(path),
        module_relative=False,
        optionflags=doctest.ELLIPSIS,
        raise_on_error=False,
        report=True,
        verbose=False,
    )
    assert result.attempted > 10, f"{name} lost its examples"
    assert result.failed == 0, f"{result.failed} example(s) of {name} fail (see the output)"


def classifiers_by_kind() -> dict[str, list[str]]:
    """The counted kinds of units.txt and their classifiers, read from the file itself."""
    kinds: dict[str, list[str]] = {}
    for line in UNITS_FILE.read_text(encoding="utf-8").splitlines():
        fields = [field.strip() for field in line.split("#", 1)[0].split("=")]
        if len(fields) > 2 and re.fullmatch(r"\[\w+\]", fields[1]):
            kinds[fields[0]] = [field for field in fields[2:] if field != "_"]
    return {kind: names for kind, names in kinds.items() if kind in DOCUMENTED_KINDS}


DOCUMENTED_KINDS = ("enterprise", "item", "person", "visit")


def test_units_file_declares_the_counted_kinds() -> None:
    assert set(classifiers_by_kind()) == set(DOCUMENTED_KINDS)


def test_docs_list_every_classifier_with_its_kind() -> None:
    text = (DOCS / "units.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| (\S+) \| (\w+) \|", text, flags=re.MULTILINE))
    missing = [
        (name, kind)
        for kind, names in classifiers_by_kind().items()
        for name in names
        if rows.get(name) != kind
    ]
    assert missing == []


def test_docs_grammar_is_the_parser_docstring_grammar() -> None:
    text = (DOCS / "units.md").read_text(encoding="utf-8")
    block = text.split("```text", 1)[1].split("```", 1)[0]
    docstring = targettrack.units.__doc__ or ""
    for line in block.strip().splitlines():
        assert line.strip() in docstring
