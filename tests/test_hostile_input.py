"""Hostile and broken input, one test per finding: numbers too long or too large, years the
calendar cannot hold, runs of numerals that used to take quadratic time.

Each test here failed before the fix it stands for (a traceback, a hang, or a silent wrong).
"""

from __future__ import annotations

import json
import os
import re
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest

import targettrack as tt
from targettrack import _text, cli
from targettrack._files import load_yaml, read_text
from targettrack.extract import reader, scan, structure

NINES = "九" * 400


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = cli.main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def one_error_line(err: str) -> str:
    lines = err.splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


# -- numbers ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text", [NINES + "家", "百分之" + NINES, "9" * 400 + "/1", "9" * 400 + "家", "1" + "0" * 320]
)
def test_a_number_too_long_is_a_unit_error_not_an_overflow(text: str) -> None:
    with pytest.raises(tt.UnitError, match=r"longest number|largest number"):
        tt.quantity(text)


def test_the_longest_number_still_reads() -> None:
    longest = "0." + "1" * (_text.MAX_NUMBER_LENGTH - 2)
    assert _text.parse_number(longest) == float(longest)
    with pytest.raises(ValueError, match="longer than 40 characters"):
        _text.parse_number(longest + "1")


@pytest.mark.parametrize("text", ["1e308万亿元", "1e30万亿", "1e31"])
def test_a_quantity_beyond_the_largest_magnitude_is_refused(text: str) -> None:
    with pytest.raises(ValueError, match="1e\\+30"):
        tt.Amount.from_text(text)


def test_an_amount_that_would_overflow_a_ratio_is_refused() -> None:
    with pytest.raises(tt.ValidationError, match="magnitude"):
        tt.Amount(1e-300, "%")
    with pytest.raises(tt.ValidationError, match="magnitude"):
        tt.Amount(1e300, "万亿元")
    assert tt.Amount(0.0, "%").value == 0.0


def test_a_long_text_is_shortened_in_the_message() -> None:
    with pytest.raises(tt.UnitError) as caught:
        tt.quantity("九" * 100_000 + "家")
    assert len(str(caught.value)) < 300
    assert caught.value.text == "九" * 100_000 + "家"  # the attribute keeps the whole text


def test_a_run_of_numerals_in_a_document_is_no_figure() -> None:
    text = "到2025年,培育" + NINES + "家企业。到2025年,新增企业100家。"
    statements = tt.extract_statements(text)
    assert [s.value for s in statements] == [tt.Amount(100.0, "家")]


def test_a_figure_of_300_digits_never_reaches_the_json() -> None:
    text = f"到2025年,数字经济核心产业增加值达到{'9' * 300}万亿元。"
    data = tt.statements_to_json(tt.extract_statements(text, region="浙江"))
    json.dumps(data, allow_nan=False)


def test_a_target_of_1e308_in_a_record_is_one_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "doc.txt").write_text("目标一万亿元。\n", encoding="utf-8")
    (tmp_path / "doc.yaml").write_text(
        "document: doc.txt\ngoals:\n- id: g1\n  region: 浙江\n  metric: 数字经济\n"
        "  comparator: at_least\n  target: 1e308万亿元\n  period: 2025年\n"
        "  quote: 一万亿元\n  start: 2\n  end: 6\n",
        encoding="utf-8",
    )
    status, out, err = run(capsys, "audit", str(tmp_path / "doc.yaml"))
    assert (status, out) == (1, "")
    line = one_error_line(err)
    assert line.startswith(f"DataError: {tmp_path / 'doc.yaml'}:7: g1: 'target' must be")
    assert "1e+30" in line


# -- years ------------------------------------------------------------------------------------


def test_a_period_outside_the_calendar_is_a_period_error() -> None:
    with pytest.raises(tt.PeriodError, match="outside 1…9999"):
        tt.Period.from_year(0)
    with pytest.raises(tt.PeriodError, match="outside 1…9999"):
        tt.Period.from_years(9999, 10000)
    with pytest.raises(tt.PeriodError, match="outside 1…9999"):
        tt.Period.parse("0000年")
    assert str(tt.Period.parse("到9999年")) == "9999年"


@pytest.mark.parametrize("text", ["十十五", "九九十五", "“十十五”时期"])
def test_a_plan_number_that_is_no_numeral_is_a_period_error(text: str) -> None:
    with pytest.raises(tt.PeriodError, match="not a Chinese numeral"):
        tt.Period.parse(text)


@pytest.mark.parametrize(
    "text",
    [
        "0000年以来,培育企业100家。较0000年增长5%。",
        "0000年工作回顾\n新增企业100家。",
        "9999年重点工作\n“十四五”以来新增企业100家,每年新增100家。",
    ],
)
def test_years_at_the_ends_of_the_calendar_do_not_crash_the_extractor(text: str) -> None:
    for year in (None, 1, 9999):
        tt.statements_to_json(tt.extract_statements(text, year=year))


def test_a_deadline_in_year_0_is_listed_not_placed(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "y0.txt").write_text("到0000年,培育专精特新企业100家。\n", encoding="utf-8")
    status, out, err = run(capsys, "audit", "--region", "浙江", str(tmp_path / "y0.txt"))
    assert status == 0, err
    assert "no period" in out


def test_a_deadline_in_year_9999_is_not_yet_due(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    (tmp_path / "y9.txt").write_text("到9999年,培育专精特新企业100家。\n", encoding="utf-8")
    status, out, err = run(capsys, "audit", "--region", "浙江", str(tmp_path / "y9.txt"))
    assert status == 0, err
    assert "9999年" in out and "not yet due" in out.split("\n")[0] + out


# -- bounded work -----------------------------------------------------------------------------

NUMERALS = "〇零一二两三四五六七八九十百千"


@pytest.mark.parametrize("run_text", ["九" * 50, "十四五" * 20, "一二" * 30, "九百" * 25])
def test_a_numeral_is_never_tried_from_inside_its_run(run_text: str) -> None:
    # what makes scanning linear: every start inside a run of numerals is refused at once,
    # so a run of n numerals is read from its start only, not n times over
    for tail in ("企业", "家", "分之一"):
        text = run_text + tail
        for inside in range(1, len(run_text)):
            match = scan._NUMBER.match(text, inside)
            assert match is None or match.lastgroup not in ("cn", "frac"), (inside, match)


def test_the_reader_reads_no_sentence_longer_than_the_limit(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lengths: list[int] = []
    original = reader._Reader.sentence

    def recording(self: reader._Reader, sentence: structure.Sentence) -> list[tt.Statement]:
        lengths.append(sentence.end - sentence.start)
        return original(self, sentence)

    monkeypatch.setattr(reader._Reader, "sentence", recording)
    text = "到2025年,培育" + "9家" * 5000 + "企业。" + "新增企业10家," * 300
    statements = tt.extract_statements(text)
    assert max(lengths) <= structure.MAX_SENTENCE
    assert sum(lengths) >= len(text) - 10  # every character is read, in some piece
    assert len(statements) >= 2


def test_a_long_sentence_is_cut_at_a_clause_mark() -> None:
    text = "新增企业10家," * 300
    pieces = structure.bounded([structure.Sentence(0, len(text), None, "", None, 0)], text)
    assert [p.start for p in pieces[1:]] == [p.end for p in pieces[:-1]]
    assert all(text[p.end - 1] == "," for p in pieces)
    assert pieces[-1].end == len(text)


def test_the_work_per_figure_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    # the quantities read and the statements made grow with the text, never with its square
    calls = {"read": 0}
    original = scan._read

    def counting(*args: object) -> object:
        calls["read"] += 1
        return original(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(scan, "_read", counting)
    for size in (1000, 4000):
        calls["read"] = 0
        tt.extract_statements("到2025年,培育" + "九家" * size + "企业。")
        assert calls["read"] <= 2 * size + 2


# -- YAML -------------------------------------------------------------------------------------

SOURCE_TEXT = "一、目标。\n到2025年,新增企业100家。\n"
QUOTE = "新增企业100家"
START = SOURCE_TEXT.index(QUOTE)


def record_file(tmp_path: Path, extra: str = "", head: str = "", name: str = "doc.yaml") -> Path:
    (tmp_path / "doc.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    text = (
        f"document: doc.txt\n{head}goals:\n- id: g1\n  region: 浙江\n  metric: 新增企业\n"
        f"  comparator: at_least\n  target: 100家\n  period: 2025年\n  quote: {QUOTE}\n"
        f"  start: {START}\n  end: {START + len(QUOTE)}\n{extra}"
    )
    if "issued:" not in head:  # dated, or the audit warns that its date is not known
        text += "issued: 2024-06-30\n"
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def audit_error(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    status, out, err = run(capsys, "audit", *argv)
    assert (status, out) == (1, ""), err
    return one_error_line(err)


def test_a_record_file_as_written_loads(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, out, err = run(capsys, "audit", str(record_file(tmp_path)), "--as-of", "2025-01-01")
    assert (status, err) == (0, ""), err
    assert out.startswith("1 goals")


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x7f", "\x85"[:0] + "\x9b"])
def test_a_control_character_in_yaml_is_located(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, char: str
) -> None:
    path = record_file(tmp_path, head=f"title: a{char}b\n")
    line = audit_error(capsys, str(path))
    assert line.startswith(f"DataError: {path}:2: control character U+")


def test_deep_nesting_is_refused_before_python_recurses(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("a: " + "[" * 300 + "]" * 300 + "\n", encoding="utf-8")
    assert audit_error(capsys, str(path)) == (
        f"DataError: {path}:1: nested deeper than 32 levels (docs/input.md)"
    )


def test_an_alias_bomb_is_refused_from_its_size(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 12)]
    path = tmp_path / "bomb.yaml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    line = audit_error(capsys, str(path))
    assert (
        line
        == f"DataError: {path}:6: its aliases expand to more than 1000000 values (docs/input.md)"
    )


def test_aliases_within_the_limit_still_load(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_text("a: &a [1, 2]\nb: *a\n", encoding="utf-8")
    assert load_yaml(path) == {"a": [1, 2], "b": [1, 2]}


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("  target: 1家\n", ":12: the key 'target' is given twice (first on line 7)"),
        ("goals: []\n", ":12: the key 'goals' is given twice (first on line 2)"),
    ],
)
def test_a_key_given_twice_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, extra: str, expected: str
) -> None:
    path = record_file(tmp_path, extra)
    assert audit_error(capsys, str(path)) == f"DataError: {path}{expected}"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("issued: 2025-13-45\n", ":2: 'issued': '2025-13-45' is no date (month must be in 1..12)"),
        ("issued: 2025-01-01 10:00:00\n", ":2: 'issued' must be a date without a time"),
        ("issued: soon\n", ":2: 'issued' must be a date YYYY-MM-DD (got 'soon')"),
        ("title: [a, b]\n", ":2: 'title' must be a text"),
        ("title: " + "长" * 600 + "\n", ":2: 'title' must be a text of at most 500 characters"),
        ("__line__: 3\n", ":2: unexpected field '__line__'"),
    ],
)
def test_document_fields_are_checked_by_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, head: str, expected: str
) -> None:
    path = record_file(tmp_path, head=head)
    assert audit_error(capsys, str(path)).startswith(f"DataError: {path}{expected}")


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("  deadline: 'no'\n", ":12: g1: 'deadline' must be true or false (got 'no')"),
        ("  note: [a, b]\n", ":12: g1: 'note' must be a text (got ['a', 'b'])"),
        ("  note: {a: b}\n", ":12: g1: 'note' must be a text (got {'a': 'b'})"),
    ],
)
def test_record_fields_are_checked_by_type(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, extra: str, expected: str
) -> None:
    path = record_file(tmp_path, extra)
    assert audit_error(capsys, str(path)) == f"DataError: {path}{expected}"


def test_an_outcome_estimate_must_be_true_or_false() -> None:
    record = {
        "id": "o1",
        "region": "浙江",
        "metric": "m",
        "value": "5家",
        "period": "2025年",
        "estimate": "false",
        "quote": "",
        "start": 0,
        "end": 0,
    }
    with pytest.raises(tt.ValidationError, match="'estimate' must be true or false"):
        tt.Outcome.from_record(record)


def test_a_lone_surrogate_is_refused_where_it_stands(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text('a: 1\nb: "x\\ud800y"\n', encoding="utf-8")
    with pytest.raises(tt.DataError) as caught:
        load_yaml(path)
    assert caught.value.line == 2


@pytest.mark.parametrize("document", ["/etc/hostname", "../doc.txt", "sub/../../doc.txt"])
def test_a_document_outside_the_folder_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, document: str
) -> None:
    path = record_file(tmp_path)
    path.write_text(path.read_text(encoding="utf-8").replace("doc.txt", document, 1), "utf-8")
    line = audit_error(capsys, str(path))
    assert line.startswith(f"DataError: {path}:1: 'document' must be a path inside the folder")


def test_a_missing_source_text_is_named_by_the_record_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = record_file(tmp_path)
    (tmp_path / "doc.txt").unlink()
    line = audit_error(capsys, str(path))
    assert line == f"DataError: {path}:1: 'document': {tmp_path / 'doc.txt'}: no such file"


def test_a_duplicate_id_names_the_record_file_and_line(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    first = record_file(tmp_path)
    (tmp_path / "other.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    second = tmp_path / "other.yaml"
    second.write_text(
        first.read_text(encoding="utf-8").replace("doc.txt", "other.txt"), encoding="utf-8"
    )
    line = audit_error(capsys, str(first), str(second))
    assert line == f"DataError: {second}:3: record id 'g1' is used again (first in {first}:3)"


# -- documents given twice --------------------------------------------------------------------


def test_the_same_text_given_twice_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(SOURCE_TEXT, encoding="utf-8")
    assert audit_error(capsys, str(path), str(path)) == f"DataError: {path}: given twice"


def test_two_texts_of_one_name_are_not_merged(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "plan.txt").write_text(SOURCE_TEXT, encoding="utf-8")
    first, second = tmp_path / "a" / "plan.txt", tmp_path / "b" / "plan.txt"
    line = audit_error(capsys, str(first), str(second))
    assert line == (
        f"DataError: {second}: another document is named 'plan.txt' too ({first}); rename one"
    )


def test_records_and_the_raw_text_of_one_document_are_not_audited_together(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = record_file(tmp_path)
    line = audit_error(capsys, str(path), str(tmp_path / "doc.txt"))
    assert "both read raw and the source text of a record file" in line


def test_a_byte_order_mark_is_not_part_of_the_text(tmp_path: Path) -> None:
    seed = Path(__file__).resolve().parent.parent / "seeds" / "001_e9ac55c77d2d7d2f.txt"
    plain = read_text(seed)
    marked = tmp_path / seed.name
    marked.write_bytes(b"\xef\xbb\xbf" + seed.read_bytes())
    assert read_text(marked) == plain
    assert len(tt.extract_statements(read_text(marked))) == len(tt.extract_statements(plain))
    assert len(tt.extract_statements(plain)) > 10


# -- the command line and its output ----------------------------------------------------------


def test_an_unknown_format_is_one_line_and_status_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    line = audit_error(capsys, "--format", "xml")
    assert line.startswith("UsageError: targettrack audit: argument -f/--format: invalid choice")


def test_closed_standard_output_is_one_line() -> None:
    done = subprocess.run(
        ["sh", "-c", 'exec "$0" -m targettrack audit >&-', sys.executable],
        stderr=subprocess.PIPE,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr == "OSError: <stdout>: standard output is closed\n"


def forged_record(tmp_path: Path) -> Path:
    # an id and a region holding a line break, ESC, CR and a right-to-left override
    path = record_file(tmp_path)
    text = path.read_text(encoding="utf-8")
    text = text.replace("- id: g1", '- id: "g1\\n✓ met      forged\\x1b[31m"')
    text = text.replace("region: 浙江", 'region: "浙江\\r\\u202e"')
    path.write_text(text, encoding="utf-8")
    return path


def test_text_output_escapes_control_characters(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, err = run(capsys, "audit", str(forged_record(tmp_path)), "--as-of", "2026-01-01")
    assert status == 0, err
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]", out)
    assert "g1\\n✓ met      forged\\x1b[31m" in out
    assert not any(line.startswith("✓ met      forged") for line in out.splitlines())


def test_markdown_output_escapes_control_characters(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = forged_record(tmp_path)
    status, out, err = run(capsys, "audit", str(path), "--as-of", "2026-01-01", "-f", "md")
    assert status == 0, err
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]", out)


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t"])
def test_csv_cells_never_start_a_formula(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, start: str
) -> None:
    import csv
    import io

    path = record_file(tmp_path)
    text = path.read_text(encoding="utf-8").replace("- id: g1", f'- id: "{start}1+1"')
    path.write_text(text.replace("region: 浙江", f'region: "{start}SUM(A1)"'), encoding="utf-8")
    status, out, err = run(capsys, "audit", str(path), "--as-of", "2026-01-01", "-f", "csv")
    assert status == 0, err
    (row,) = list(csv.DictReader(io.StringIO(out)))
    assert row["goal_id"] == f"'{start}1+1"
    assert row["region"] == f"'{start}SUM(A1)"
    assert row["target_value"] == "100.0"  # numbers stay numbers


def test_history_text_escapes_control_characters(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = forged_record(tmp_path)
    status, out, err = run(capsys, "history", str(path), "--as-of", "2026-01-01")
    assert status == 0, err
    assert not re.search("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202e]", out)
    assert "g1\\n✓ met      forged\\x1b[31m" in out


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t"])
def test_history_csv_cells_never_start_a_formula(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, start: str
) -> None:
    import csv
    import io

    path = record_file(tmp_path)
    text = path.read_text(encoding="utf-8").replace("- id: g1", f'- id: "{start}1+1"')
    path.write_text(text.replace("region: 浙江", f'region: "{start}SUM(A1)"'), encoding="utf-8")
    status, out, err = run(capsys, "history", str(path), "--as-of", "2026-01-01", "-f", "csv")
    assert status == 0, err
    rows = list(csv.DictReader(io.StringIO(out)))
    assert rows and all(row["goal_id"] == f"'{start}1+1" for row in rows)
    assert all(row["region"] == f"'{start}SUM(A1)" for row in rows)


def test_a_huge_first_line_gives_a_short_title(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "huge.txt"
    path.write_text("浙江省" * 200_000 + "\n到2025年,新增企业100家。\n", encoding="utf-8")
    output = tmp_path / "out.html"
    status, _, err = run(capsys, "audit", str(path), "--region", "浙江", "-o", str(output))
    assert status == 0, err
    assert output.stat().st_size < 2 * path.stat().st_size


# -- -o ---------------------------------------------------------------------------------------


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    return record_file(tmp_path)


def test_o_refuses_a_symbolic_link(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, dataset: Path
) -> None:
    real = tmp_path / "real.html"
    real.write_text("kept", encoding="utf-8")
    link = tmp_path / "link.html"
    link.symlink_to(real)
    line = audit_error(capsys, str(dataset), "-o", str(link))
    assert line == f"OSError: {link}: a symbolic link; -o writes a regular file, give its own path"
    assert link.is_symlink() and real.read_text(encoding="utf-8") == "kept"


def test_o_refuses_a_fifo(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, dataset: Path
) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    line = audit_error(capsys, str(dataset), "-o", str(fifo), "-f", "text")
    assert "not a regular file (a FIFO, socket or device)" in line
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_o_refuses_a_device(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, dataset: Path
) -> None:
    # a device node of its own (the null device's numbers), never the system's /dev/null:
    # a version that replaced its -o path would replace only this one
    device = tmp_path / "null"
    os.mknod(device, stat.S_IFCHR | 0o666, os.makedev(1, 3))
    line = audit_error(capsys, str(dataset), "-o", str(device), "-f", "text")
    assert line.startswith(f"OSError: {device}: not a regular file")
    assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_o_refuses_a_socket(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, dataset: Path
) -> None:
    import socket

    path = tmp_path / "socket"
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(str(path))
        line = audit_error(capsys, str(dataset), "-o", str(path), "-f", "text")
    assert "not a regular file (a FIFO, socket or device)" in line
    assert stat.S_ISSOCK(os.lstat(path).st_mode)


def test_o_refuses_a_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, dataset: Path
) -> None:
    line = audit_error(capsys, str(dataset), "-o", str(tmp_path), "-f", "text")
    assert line == f"OSError: {tmp_path}: a folder; -o writes a file"


def test_o_refuses_a_read_only_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, dataset: Path
) -> None:
    target = tmp_path / "report.txt"
    target.write_text("kept", encoding="utf-8")
    target.chmod(0o444)
    line = audit_error(capsys, str(dataset), "-o", str(target))
    assert line == f"PermissionError: {target}: read-only; the report does not replace it"
    assert target.read_text(encoding="utf-8") == "kept"


@pytest.mark.parametrize("which", ["record file", "source text", "raw text"])
def test_o_never_replaces_an_input(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, dataset: Path, which: str
) -> None:
    if which == "raw text":
        raw = tmp_path / "plan.txt"
        raw.write_text(SOURCE_TEXT, encoding="utf-8")
        argv, target = [str(raw)], raw
    else:
        argv = [str(dataset)]
        target = dataset if which == "record file" else tmp_path / "doc.txt"
    before = target.read_bytes()
    line = audit_error(capsys, *argv, "-o", str(target), "-f", "text")
    assert line == f"OSError: {target}: an input of this command; the report would replace it"
    assert target.read_bytes() == before


def test_o_leaves_no_temporary_file_when_terminated(tmp_path: Path, dataset: Path) -> None:
    # SIGTERM while the report is written: the temporary file goes, the target stays as it was
    # (a signal during the rename itself waits for it: tests/test_hostile_cli.py)
    target = tmp_path / "out.txt"
    target.write_text("kept", encoding="utf-8")
    code = (
        "import os, signal, sys\n"
        "from targettrack import cli\n"
        "real = cli._take_mode\n"
        "def take_mode(*args):\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    real(*args)\n"
        "cli._take_mode = take_mode\n"
        f"sys.exit(cli.main(['audit', {str(dataset)!r}, '-o', {str(target)!r}]))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert done.returncode == 128 + signal.SIGTERM, done.stderr
    assert target.read_text(encoding="utf-8") == "kept"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["doc.txt", "doc.yaml", "out.txt"]


def test_a_number_too_long_to_read_is_named_not_dropped_silently(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "plan.txt"
    path.write_text(f"到2025年,培育{NINES}家企业。到2025年,新增企业100家。\n", encoding="utf-8")
    status, _, err = run(capsys, "audit", "--region", "浙江", str(path))
    assert status == 0
    assert f"warning: {path}[9:409]: 400 digits or numerals in a row, more than the 40" in err


def test_o_never_replaces_a_catalog_file(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, dataset: Path
) -> None:
    catalog = tmp_path / "mine.yaml"
    catalog.write_text("[]\n", encoding="utf-8")
    line = audit_error(capsys, str(dataset), "--catalog", str(catalog), "-o", str(catalog))
    assert line == f"OSError: {catalog}: an input of this command; the report would replace it"
    assert catalog.read_text(encoding="utf-8") == "[]\n"
