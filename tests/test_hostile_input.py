"""Hostile and broken input, one test per finding: numbers too long or too large, years the
calendar cannot hold, runs of numerals that used to take quadratic time.

Each test here failed before the fix it stands for (a traceback, a hang, or a silent wrong).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import targettrack as tt
from targettrack import cli
from targettrack._text import MAX_NUMBER_LENGTH, parse_number
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
    longest = "0." + "1" * (MAX_NUMBER_LENGTH - 2)
    assert parse_number(longest) == float(longest)
    with pytest.raises(ValueError, match="longer than 40 characters"):
        parse_number(longest + "1")


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
    assert line.startswith(f"DataError: {tmp_path / 'doc.yaml'}:3: g1: ")
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


def test_a_digit_run_reads_once() -> None:
    text = "9" * 100_000
    assert re.fullmatch(r"\d+", text)
    assert scan.scan(text) == []
