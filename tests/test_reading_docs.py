"""The examples of docs/reading.md run and answer as written: the Python examples as doctests,
the console examples through the command (``...`` stands for any text in a line, a last line
``…`` for the rest of the output)."""

from __future__ import annotations

import doctest
import re
import shlex
from pathlib import Path

import pytest

from targettrack import cli

pytest.importorskip("pypdfium2")
pytest.importorskip("selectolax")

ROOT = Path(__file__).resolve().parent.parent
PAGE = ROOT / "docs" / "reading.md"


def test_python_examples_run(tmp_path: Path) -> None:
    result = doctest.testfile(
        str(PAGE),
        module_relative=False,
        globs={"DOCUMENTS": ROOT / "tests" / "fixtures" / "documents", "tmp": tmp_path},
        optionflags=doctest.ELLIPSIS,
        raise_on_error=False,
        report=True,
        verbose=False,
    )
    assert result.attempted >= 15, "docs/reading.md lost its examples"
    assert result.failed == 0, f"{result.failed} example(s) of docs/reading.md fail"


def console_examples() -> list[tuple[str, list[str]]]:
    examples = []
    for block in re.findall(r"```console\n(.*?)```", PAGE.read_text(encoding="utf-8"), re.S):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, *expected = chunk.rstrip("\n").split("\n")
            examples.append((command, expected))
    return examples


@pytest.mark.parametrize(("command", "expected"), console_examples())
def test_console_examples_print_what_the_page_says(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    command: str,
    expected: list[str],
) -> None:
    argv = shlex.split(command)
    assert argv[0] == "targettrack"
    argv = [str(ROOT / a) if a.startswith("tests/") else a for a in argv[1:]]
    monkeypatch.chdir(tmp_path)
    cli.main(argv)
    captured = capsys.readouterr()
    printed = (captured.out + captured.err).replace(str(ROOT) + "/", "").splitlines()
    if expected and expected[-1] == "…":
        expected = expected[:-1]
        printed = printed[: len(expected)]
    assert len(printed) == len(expected), printed
    for line, want in zip(printed, expected, strict=True):
        pattern = ".*".join(re.escape(part) for part in want.split("..."))
        assert re.fullmatch(pattern, line), (line, want)
