"""docs/review.md runs as written: its commands print what it shows, the files it writes are the
ones its commands read, the decisions file it shows is the review's with lines uncommented,
and its Python example answers as written.

The page is read in order: a ``yaml`` block after ``<!-- write: NAME -->`` is written to NAME; a
block after ``<!-- in: NAME -->`` has every line in NAME, in order; a ``text`` block after
``<!-- output of: COMMAND -->`` has every line in what COMMAND prints; a ``console`` block's
``$ targettrack …`` lines print the lines shown beneath them first.
"""

from __future__ import annotations

import doctest
import re
import shlex
from pathlib import Path

import pytest

from targettrack import cli

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "review.md"
BLOCK = re.compile(r"(?:<!-- (?P<note>[^>]*) -->\n)?```(?P<kind>\w+)\n(?P<body>.*?)```", re.S)


def steps() -> list[tuple[str, str, str]]:
    """(note, kind, body) of every fenced block of the page, in order."""
    text = PAGE.read_text(encoding="utf-8")
    return [(m["note"] or "", m["kind"], m["body"]) for m in BLOCK.finditer(text)]


def run(capsys: pytest.CaptureFixture[str], command: str) -> tuple[int, list[str]]:
    argv = shlex.split(command)
    assert argv[0] == "targettrack"
    status = cli.main(argv[1:])
    captured = capsys.readouterr()
    return status, (captured.out + captured.err).splitlines()


def in_order(lines: list[str], within: list[str]) -> bool:
    """Whether every one of ``lines`` is among ``within``, in the same order."""
    position = 0
    for line in lines:
        try:
            position = within.index(line, position) + 1
        except ValueError:
            return False
    return True


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "corpus").symlink_to(ROOT / "corpus")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_page_runs_as_written(folder: Path, capsys: pytest.CaptureFixture[str]) -> None:
    done = {"write": 0, "in": 0, "output of": 0, "console": 0}
    for note, kind, body in steps():
        lines = body.splitlines()
        if note.startswith("write: "):
            (folder / note[len("write: ") :]).write_text(body, encoding="utf-8")
            done["write"] += 1
        elif note.startswith("in: "):
            written = (folder / note[len("in: ") :]).read_text(encoding="utf-8").splitlines()
            assert in_order(lines, written), f"not in {note}: {lines}"
            done["in"] += 1
        elif note.startswith("output of: "):  # "…" stands for lines left out
            _, printed = run(capsys, note[len("output of: ") :])
            shown = [line for line in lines if line != "…"]
            assert in_order(shown, printed), f"not printed by {note}"
            done["output of"] += 1
        elif kind == "console":
            sessions: list[tuple[str, list[str]]] = []
            for line in lines:
                if line.startswith("$ "):
                    sessions.append((line[2:], []))
                else:
                    sessions[-1][1].append(line)
            for command, shown in sessions:
                _, printed = run(capsys, command)
                assert printed[: len(shown)] == shown, command
                done["console"] += 1
    assert done == {"write": 3, "in": 1, "output of": 3, "console": 3}


def test_the_decisions_shown_are_the_review_s_lines_uncommented(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Every line of the page's decisions.yaml is a line of the review it shows, or one of its
    commented decisions uncommented — but the notes, which the analyst writes."""
    blocks = {note: body for note, _, body in steps() if note}
    review = next(c for n, k, c in steps() if k == "console" and "review.yaml" in c)
    status, _ = run(capsys, review.splitlines()[0][2:])
    assert status == 0
    written = (folder / "review.yaml").read_text(encoding="utf-8").splitlines()
    decided = blocks["write: decisions.yaml"].splitlines()
    uncommented = 0
    for line in decided[1:]:
        if line.startswith("  note: "):
            continue
        if line not in written:
            assert "  # " + line[2:] in written, line
            uncommented += 1
    assert uncommented == 2


def test_the_python_example_answers_as_written(
    folder: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocks = {note: body for note, _, body in steps() if note}
    (folder / "decisions.yaml").write_text(blocks["write: decisions.yaml"], encoding="utf-8")
    result = doctest.testfile(
        str(PAGE),
        module_relative=False,
        optionflags=doctest.ELLIPSIS,
        raise_on_error=False,
        report=True,
        verbose=False,
    )
    assert result.attempted >= 8, "docs/review.md lost its example"
    assert result.failed == 0, f"{result.failed} example(s) of docs/review.md fail"
