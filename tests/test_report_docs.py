"""docs/report.md shows what the command prints: its console sessions and JSON examples."""

from __future__ import annotations

import json
import re
import shlex
from pathlib import Path

import pytest

from targettrack import cli

PAGE = Path(__file__).resolve().parents[1] / "docs" / "report.md"
BLOCK = re.compile(r"(?:<!-- (?P<note>[^>]*) -->\n)?```(?P<kind>\w+)\n(?P<body>.*?)```", re.S)


def blocks(kind: str) -> list[tuple[str, str]]:
    text = PAGE.read_text(encoding="utf-8")
    return [(m["note"] or "", m["body"]) for m in BLOCK.finditer(text) if m["kind"] == kind]


def sessions() -> list[tuple[str, list[str]]]:
    """Each ``$ targettrack …`` command of the console blocks, with the lines shown after it."""
    found: list[tuple[str, list[str]]] = []
    for _, body in blocks("console"):
        for line in body.splitlines():
            if line.startswith("$ "):
                found.append((line[2:], []))
            else:
                found[-1][1].append(line)
    return found


def run(capsys: pytest.CaptureFixture[str], command: str) -> list[str]:
    argv = shlex.split(command)
    assert argv[0] == "targettrack"
    cli.main(argv[1:])
    captured = capsys.readouterr()
    return (captured.out + captured.err).splitlines()


def test_the_page_has_sessions_and_json() -> None:
    assert len(sessions()) >= 4
    assert len(blocks("json")) == 2


@pytest.mark.parametrize(("command", "shown"), sessions())
def test_each_console_session_prints_what_is_shown(
    command: str,
    shown: list[str],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.chdir(tmp_path)  # -o writes here
    printed = run(capsys, command)
    assert printed[: len(shown)] == shown


def test_the_json_examples_are_the_command_s_output(capsys: pytest.CaptureFixture[str]) -> None:
    printed = run(capsys, "targettrack audit --as-of 2026-01-15 --format json")
    data = json.loads("\n".join(printed))
    (_, start), (note, verdict) = blocks("json")
    assert printed[: len(start.splitlines())] == start.splitlines()
    goal_id = note.rsplit(" ", 1)[-1]
    [expected] = [v for v in data["verdicts"] if v["goal"]["id"] == goal_id]
    assert json.loads(verdict) == expected
