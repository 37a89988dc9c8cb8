"""``targettrack extract`` and ``targettrack evaluate``: arguments in, library out, one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from targettrack.cli import main

ROOT = Path(__file__).resolve().parent.parent
GUIDANCE = ROOT / "seeds" / "001_e9ac55c77d2d7d2f.txt"


def test_extract_prints_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(GUIDANCE)]) == 0
    data = json.loads(capsys.readouterr().out)
    text = GUIDANCE.read_text(encoding="utf-8")
    goals = [s for s in data["statements"] if s["kind"] == "goal"]
    assert len(goals) >= 53
    for statement in data["statements"]:
        source = statement["source"]
        assert text[source["start"] : source["end"]] == source["quote"]


def test_extract_writes_yaml(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "statements.yaml"
    assert main(["extract", str(GUIDANCE), "--format", "yaml", "-o", str(target)]) == 0
    assert "statements" in capsys.readouterr().out
    assert yaml.safe_load(target.read_text(encoding="utf-8"))["statements"]


def test_evaluate_prints_the_figures(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", str(GUIDANCE)]) == 0
    out = capsys.readouterr().out
    assert "001_e9ac55c77d2d7d2f.txt" in out
    assert "span P/R" in out


def test_errors_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract", str(tmp_path / "missing.txt")]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("DataError: ") and "missing.txt" in err[0]
    assert main(["evaluate", "--gold", str(tmp_path / "none")]) == 1
    assert capsys.readouterr().err.startswith("DataError: ")


@pytest.mark.parametrize("format", ["json", "yaml"])
def test_the_command_writes_the_mapping_of_statements_to_json_byte_for_byte(
    format: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # the command sets each document's statements aside as it reads them (memory holds one
    # document's at a time); what it writes is still the library's mapping, exactly
    from targettrack.extract import ingest, statements_to_json, statements_to_yaml
    from targettrack.extract.identity import identity_to_dict

    empty = tmp_path / "empty.txt"
    empty.write_text("没有数字的一行。\n", encoding="utf-8")
    files = [
        ROOT / "seeds" / "000_6faf6b9d7d4512a8.txt",
        empty,
        ROOT / "tests" / "fixtures" / "documents" / "hebei_2026_gov_work_report.pdf",
    ]
    read = [ingest(path) for path in files]
    documents = [r.document for r in read]
    identities = [identity_to_dict(r.identity) for r in read]
    statements = [s for r in read for s in r.statements]
    if format == "yaml":
        expected = statements_to_yaml(statements, documents, identities)
    else:
        data = statements_to_json(statements, documents, identities)
        expected = json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    assert main(["extract", "--format", format, *map(str, files)]) == 0
    assert capsys.readouterr().out == expected
    out = tmp_path / f"out.{format}"
    assert main(["extract", "--format", format, "-o", str(out), *map(str, files)]) == 0
    assert out.read_text(encoding="utf-8") == expected


def test_evaluate_reads_documents_as_the_audit_does(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # a GBK copy of a seed is read as the audit reads it, and scores as the seed does
    seed = ROOT / "seeds" / "000_6faf6b9d7d4512a8.txt"
    copy = tmp_path / seed.name
    copy.write_bytes(seed.read_text(encoding="utf-8").encode("gb18030"))
    assert main(["evaluate", str(seed)]) == 0
    expected = capsys.readouterr().out
    assert main(["evaluate", str(copy)]) == 0
    assert capsys.readouterr().out == expected
