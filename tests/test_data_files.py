"""The data files a user extends — places, the words of documents, close wordings, genre gold —
refuse broken input with one line naming the file (and line) and what was expected."""

from __future__ import annotations

from pathlib import Path

import pytest

from targettrack import cli
from targettrack._errors import DataError
from targettrack.extract.identity import Vocabulary
from targettrack.measure import Wordings
from targettrack.places import Places

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("- a\n", "expected a mapping with a list 'places'"),
        ("places: [x]\n", "expected a place (name, short, level)"),
        (
            "places:\n  - {name: 某县, short: 某}\n",
            "a place needs a name, a short form and a level",
        ),
        ("places:\n  - {name: 某县, short: 某, level: town}\n", "'level' must be one of"),
        ("places:\n  - {name: [a], short: 某, level: county}\n", "'name' must be text"),
        (
            "places:\n  - {name: 某县, short: 某, level: county, ambiguous: 1}\n",
            "'ambiguous' must be true or false",
        ),
    ],
)
def test_a_broken_places_file_is_one_located_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str
) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError) as raised:
        Places.from_files([path])
    assert expected in str(raised.value)
    plan = CORPUS / "hebei_2025_gov_work_report.txt"
    assert cli.main(["audit", str(plan), "--places", str(path)]) == 1
    out, err = capsys.readouterr()
    assert out == "" and len(err.splitlines()) == 1 and str(path) in err and expected in err


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("[]\n", "expected a mapping"),
        ("genres: 1\nspeakers: {}\nscopes: {}\nissuers: []\n", "expected genres, speakers"),
        (
            "genres: [{genre: poem, role: plan, title: [诗]}]\nspeakers: {}\nscopes: {}\nissuers: []\n",
            "unknown genre 'poem'",
        ),
    ],
)
def test_a_broken_vocabulary_is_one_located_error(
    tmp_path: Path, content: str, expected: str
) -> None:
    path = tmp_path / "documents.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError) as raised:
        Vocabulary.from_file(path)
    assert expected in str(raised.value)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("[]\n", "expected a mapping"),
        ("keep_apart: 城镇\n", "'keep_apart' must be a list of words"),
        ("neutral_after: [1]\n", "'neutral_after' must be a list of words"),
        ("shortest: 0\n", "'shortest' must be a whole number"),
        ("most_words: yes\n", "'most_words' must be a whole number"),
    ],
)
def test_a_broken_wordings_file_is_one_located_error(
    tmp_path: Path, content: str, expected: str
) -> None:
    path = tmp_path / "wordings.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError) as raised:
        Wordings.from_files([path])
    assert expected in str(raised.value)


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("- a\n", "expected a mapping"),
        (
            "document: x.txt\ngenre: statistical_bulletin\nyear: 2025\noutcomes: []\n",
            "missing 'government'",
        ),
        (
            "document: x.txt\ngenre: statistical_bulletin\ngovernment: 某\nyear: 2025\n"
            "outcomes:\n  - {id: a, quote: 没有的话, value: 1亿元}\n",
            "expected the figure's period",
        ),
    ],
)
def test_broken_genre_gold_is_one_line_naming_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, expected: str
) -> None:
    (tmp_path / "gold").mkdir()
    (tmp_path / "gold" / "x.yaml").write_text(content, encoding="utf-8")
    assert cli.main(["evaluate-genres", "--gold", str(tmp_path / "gold")]) == 1
    out, err = capsys.readouterr()
    assert out == "" and len(err.splitlines()) == 1 and expected in err and "x.yaml" in err


def test_a_genre_gold_quote_not_in_its_document_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "gold").mkdir()
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "x.txt").write_text(
        "2025年某某市国民经济和社会发展统计公报\n全年地区生产总值1亿元。\n", encoding="utf-8"
    )
    (tmp_path / "gold" / "x.yaml").write_text(
        "document: x.txt\ngenre: statistical_bulletin\ngovernment: 某某\nyear: 2025\n"
        "outcomes:\n  - {id: gdp, quote: 没有的话, value: 1亿元, period: 2025}\n",
        encoding="utf-8",
    )
    argv = ["evaluate-genres", "--gold", str(tmp_path / "gold"), "--corpus", str(tmp_path / "docs")]
    assert cli.main(argv) == 1
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and "gdp: the quote is not in the text" in err
