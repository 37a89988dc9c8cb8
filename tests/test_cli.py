"""The ``targettrack`` command: each format, -o, --as-of, help, version, and one-line errors."""

from __future__ import annotations

import datetime as dt
import io
import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pandas as pd
import pytest
import yaml

import report_cases as rc
import targettrack as tt
from report_cases import parse
from targettrack import cli, report

ERROR_LINE = re.compile(
    r"^(?P<type>[A-Za-z]+): (?P<where>[^:\n]+?)(?::(?P<line>\d+))?: (?P<what>.+)$"
)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    return rc.write_dataset(tmp_path)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def audit_args(files: tuple[Path, Path], *extra: str) -> list[str]:
    return ["audit", str(files[0]), str(files[1]), "--as-of", "2026-03-01", *extra]


# -- formats ------------------------------------------------------------------------------------


def test_text_is_the_default(capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]) -> None:
    status, out, err = run(capsys, *audit_args(files))
    assert (status, err) == (0, "")
    assert out.startswith("4 goals as of 2026-03-01: 2 met, 1 missed, 1 unreported")
    ends = [line.split()[-1] for line in out.splitlines() if line.split()]
    assert [end for end in ends if end in rc.EXPECTED] == list(rc.EXPECTED)


def test_json(capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]) -> None:
    status, out, _ = run(capsys, *audit_args(files, "--format", "json"))
    assert status == 0
    data = json.loads(out)
    jsonschema.Draft202012Validator(report.schema()).validate(data)
    assert {v["goal"]["id"]: v["status"] for v in data["verdicts"]} == rc.EXPECTED
    assert data["sources"][0] == {
        "doc": "plan.txt",
        "title": "某省制造业发展规划",
        "issued": "2022-08-30",
        "left_out": False,
    }


def test_csv(capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]) -> None:
    status, out, _ = run(capsys, *audit_args(files, "-f", "csv"))
    assert status == 0
    table = pd.read_csv(io.StringIO(out), keep_default_na=False)
    assert list(table["goal_id"]) == list(rc.EXPECTED)


def test_markdown_quotes_the_sentences(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]
) -> None:
    status, out, _ = run(capsys, *audit_args(files, "--format", "md"))
    assert status == 0
    assert out.startswith("# Audit of 4 goals as of 2026-03-01")
    assert "为**13.6%**" in out


def test_html(capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]) -> None:
    status, out, _ = run(capsys, *audit_args(files, "--format", "html"))
    assert status == 0
    rows = parse(out).find_all("tbody", "goal")
    assert [row.attrs["data-status"] for row in rows] == list(rc.EXPECTED.values())
    assert "&lt;script&gt;alert(1)" in out


def test_a_folder_is_every_dataset_file_in_it(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]
) -> None:
    status, out, _ = run(capsys, "audit", str(files[0].parent), "--as-of", "2026-03-01")
    assert status == 0
    assert out.startswith("4 goals as of 2026-03-01")


def test_no_file_audits_the_seed_dataset(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "audit", "--as-of", "2026-01-15", "--format", "json")
    assert status == 0
    ids = [goal.id for goal in tt.load_dataset().goals]
    assert [v["goal"]["id"] for v in json.loads(out)["verdicts"]] == ids


# -- -o and --as-of -----------------------------------------------------------------------------


def test_output_writes_the_file_and_prints_the_summary_and_path(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path], tmp_path: Path
) -> None:
    target = tmp_path / "out" / "audit.html"
    target.parent.mkdir()
    status, out, err = run(capsys, *audit_args(files, "-o", str(target)))
    assert (status, err) == (0, "")
    assert out == f"4 goals as of 2026-03-01: 2 met, 1 missed, 1 unreported — {target}\n"
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")  # the format follows the suffix
    assert len(parse(page).find_all("tbody", "goal")) == 4
    assert [p.name for p in target.parent.iterdir()] == ["audit.html"]  # no temporary left


@pytest.mark.parametrize(
    ("name", "start"),
    [("a.json", "{"), ("a.csv", "\ufeffgoal_id,"), ("a.md", "# Audit"), ("a", "4 ")],
)
def test_output_format_from_the_suffix(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path], name: str, start: str
) -> None:
    target = files[0].parent / name
    assert run(capsys, *audit_args(files, "-o", str(target)))[0] == 0
    assert target.read_text(encoding="utf-8").startswith(start)


def test_format_overrides_the_suffix(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]
) -> None:
    target = files[0].parent / "a.html"
    assert run(capsys, *audit_args(files, "-o", str(target), "--format", "json"))[0] == 0
    json.loads(target.read_text(encoding="utf-8"))


def test_output_replaces_a_file_whole(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]
) -> None:
    target = files[0].parent / "a.csv"
    target.write_text("old", encoding="utf-8")
    assert run(capsys, *audit_args(files, "-o", str(target)))[0] == 0
    # a CSV file opens with a byte order mark, for spreadsheets to read it as UTF-8
    assert target.read_text(encoding="utf-8").startswith("\ufeffgoal_id,")


def test_as_of_decides_what_is_due(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]
) -> None:
    args = ["audit", str(files[0]), str(files[1]), "--format", "json"]
    early = json.loads(run(capsys, *args, "--as-of", "2025-06-30")[1])
    assert early["as_of"] == "2025-06-30"
    digital = early["verdicts"][1]
    assert (digital["status"], digital["not_yet_due"]) == ("unreported", True)
    late = json.loads(run(capsys, *args, "--as-of", "2028-01-01")[1])
    assert late["verdicts"][3]["not_yet_due"] is False


def test_as_of_defaults_to_today(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]
) -> None:
    before = dt.date.today()
    _, out, _ = run(capsys, "audit", str(files[0]), str(files[1]), "--format", "json")
    assert json.loads(out)["as_of"] in {before.isoformat(), dt.date.today().isoformat()}


# -- help and version ---------------------------------------------------------------------------


def test_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit:
        cli.main(["--help"])
    assert exit.value.code == 0
    out = capsys.readouterr().out
    assert "usage: targettrack" in out and "audit" in out and "--version" in out


def test_audit_help(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit:
        cli.main(["audit", "--help"])
    assert exit.value.code == 0
    out = capsys.readouterr().out
    for word in ("--as-of", "--format", "-o PATH", "FILE", "text, html, md, json or csv"):
        assert word in out


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit:
        cli.main(["--version"])
    assert exit.value.code == 0
    assert capsys.readouterr().out == f"targettrack {tt.__version__}\n"


def test_python_dash_m_runs_the_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "targettrack", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, f"targettrack {tt.__version__}\n")


# -- errors -------------------------------------------------------------------------------------


def expect_error(
    capsys: pytest.CaptureFixture[str], argv: list[str], kind: str, where: str, line: bool
) -> re.Match[str]:
    status, out, err = run(capsys, *argv)
    assert status == 1
    assert out == ""
    assert err.endswith("\n") and err.count("\n") == 1, err
    assert "Traceback" not in err
    match = ERROR_LINE.match(err.rstrip("\n"))
    assert match, err
    assert match["type"] == kind
    assert match["where"] == where
    assert (match["line"] is not None) == line, err
    return match


def rewrite(path: Path, change: dict[str, object], index: int = 0) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["goals"][index].update(change)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_a_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere.yaml")
    match = expect_error(capsys, ["audit", missing], "DataError", missing, line=False)
    assert match["what"] == "no such file"


def test_a_malformed_record(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path], tmp_path: Path
) -> None:
    rewrite(files[0], {"comparator": "more_or_less"}, index=1)
    output = tmp_path / "never.html"
    match = expect_error(
        capsys,
        audit_args(files, "-o", str(output)),
        "DataError",
        str(files[0]),
        line=True,
    )
    assert "g-digital-share-2025" in match["what"] and "more_or_less" in match["what"]
    assert "'comparator' must be one of at_least" in match["what"]
    lines = files[0].read_text(encoding="utf-8").splitlines()
    assert lines[int(match["line"]) - 1] == "  comparator: more_or_less"  # the field's line
    assert not output.exists()


def test_malformed_yaml(capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]) -> None:
    files[0].write_text("document: plan.txt\ngoals: [\n", encoding="utf-8")
    match = expect_error(capsys, audit_args(files), "DataError", str(files[0]), line=True)
    assert "malformed YAML" in match["what"]


def test_an_unknown_unit(capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]) -> None:
    rewrite(files[0], {"target": "50头鲸"})
    match = expect_error(capsys, audit_args(files), "DataError", str(files[0]), line=True)
    assert "'target' must be a quantity" in match["what"] and "50头鲸" in match["what"]


def test_a_quote_that_does_not_match_its_span(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]
) -> None:
    record = rc.GOAL_RECORDS[0]
    rewrite(files[0], {"start": record["start"] + 1, "end": record["end"] + 1})
    match = expect_error(capsys, audit_args(files), "SourceError", str(files[0]), line=True)
    assert "is not the text at" in match["what"]


def test_a_bad_date(capsys: pytest.CaptureFixture[str], files: tuple[Path, Path]) -> None:
    argv = ["audit", str(files[0]), "--as-of", "2026-13-01"]
    match = expect_error(capsys, argv, "ValueError", "--as-of", line=False)
    assert match["what"] == "expected a date YYYY-MM-DD, got '2026-13-01'"


def test_an_unknown_kind_of_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "data.xlsx"
    path.write_bytes(b"")
    match = expect_error(capsys, ["audit", str(path)], "DataError", str(path), line=False)
    assert "expected a curated dataset (.yaml)" in match["what"]


def test_an_unwritable_output(
    capsys: pytest.CaptureFixture[str], files: tuple[Path, Path], tmp_path: Path
) -> None:
    target = str(tmp_path / "no" / "such" / "dir" / "a.html")
    match = expect_error(
        capsys, audit_args(files, "-o", target), "FileNotFoundError", target, line=False
    )
    assert match["what"] == "No such file or directory"


def test_raw_documents_go_through_the_extractor(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / rc.PLAN).write_text(rc.PLAN_TEXT, encoding="utf-8")
    (tmp_path / rc.REPORT).write_text(rc.REPORT_TEXT, encoding="utf-8")
    argv = [
        "audit",
        str(tmp_path / rc.PLAN),
        str(tmp_path / rc.REPORT),
        "--as-of",
        "2026-03-01",
        f"--issued={rc.PLAN}=2022-08-30",
        f"--issued={rc.REPORT}=2026-01-20",
    ]
    status, out, err = run(capsys, *argv, "--format", "json")
    assert status == 0
    # the texts never name their province: each is named on stderr with what to pass
    assert err.splitlines() and all(line.startswith("warning: ") for line in err.splitlines())
    assert "pass --region" in err
    data = json.loads(out)
    jsonschema.Draft202012Validator(report.schema()).validate(data)
    assert [s["doc"] for s in data["sources"]] == [rc.PLAN, rc.REPORT]
    status, out, err = run(capsys, *argv, "--region", "浙江", "--format", "json")
    assert (status, err) == (0, "")
    assert json.loads(out)["verdicts"], "with --region the goals are read"
    for verdict in data["verdicts"]:
        source = verdict["goal"]["source"]
        assert rc.TEXTS[source["doc"]][source["start"] : source["end"]] == source["quote"]


def test_an_error_in_a_real_process_is_one_line_and_status_1(tmp_path: Path) -> None:
    missing = str(tmp_path / "nowhere.yaml")
    done = subprocess.run(
        [sys.executable, "-m", "targettrack", "audit", missing],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stdout == ""
    assert done.stderr == f"DataError: {missing}: no such file\n"


# -- --catalog, --region, --year ------------------------------------------------------------

WORK_PLAN = (
    "2025年某某省政府工作报告\n各位代表:\n二、2025年主要目标\n今年全省旅居人数达到600万人次。\n"
)
WORK_REVIEW = "2026年某某省政府工作报告\n各位代表:\n一、2025年工作回顾\n旅居人口达650万人次。\n"
USER_CATALOG = """- id: sojourners
  zh: 旅居人数
  en: Sojourning visitors
  kind: level
  unit: 万人次
  theme: social
  aliases: [旅居人口]
"""


def work_pair(tmp_path: Path) -> list[str]:
    (tmp_path / "plan.txt").write_text(WORK_PLAN, encoding="utf-8")
    (tmp_path / "review.txt").write_text(WORK_REVIEW, encoding="utf-8")
    return ["audit", str(tmp_path / "plan.txt"), str(tmp_path / "review.txt"), "-f", "json"]


def test_a_catalog_of_ones_own_joins_wordings_the_shipped_one_does_not(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [*work_pair(tmp_path), "--as-of", "2026-06-01"]
    status, out, _ = run(capsys, *argv)
    plan_goals = [
        v for v in json.loads(out)["verdicts"] if v["goal"]["source"]["doc"] == "plan.txt"
    ]
    assert status == 0 and [v["status"] for v in plan_goals] == ["unreported"]
    (tmp_path / "mine.yaml").write_text(USER_CATALOG, encoding="utf-8")
    status, out, _ = run(capsys, *argv, "--catalog", str(tmp_path / "mine.yaml"))
    [verdict] = [v for v in json.loads(out)["verdicts"] if v["goal"]["source"]["doc"] == "plan.txt"]
    assert (status, verdict["status"]) == (0, "met")
    assert verdict["goal"]["metric"] == "sojourners"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file"),
        ("- id: x\n  zh: 某\n", "present in every metric"),
        ("- id: gdp\n  zh: 某\n  en: x\n  kind: level\n  unit: 亿元\n", "already defined"),
        ("key: [unclosed\n", "malformed YAML"),
    ],
)
def test_a_bad_catalog_file_is_one_line_and_status_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str | None, expected: str
) -> None:
    path = tmp_path / "mine.yaml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    status, out, err = run(capsys, *work_pair(tmp_path), "--catalog", str(path))
    assert (status, out) == (1, "")
    assert len(err.splitlines()) == 1 and str(path) in err and expected in err


@pytest.mark.parametrize("year", ["soon", "25", "99999", "-2025"])
def test_a_year_that_is_no_year_is_refused_by_name(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], year: str
) -> None:
    assert cli.main([*work_pair(tmp_path), "--year", year]) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1
    assert err.startswith("UsageError: ") and "expected a year such as 2025" in err
