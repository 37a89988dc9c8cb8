"""Every error is a TargetTrackError and the builtin it stands for, keeps its parts, pickles."""

from __future__ import annotations

import pickle

import pytest

import targettrack as tt

#: Each error class, an instance of it, and the parts it keeps.
ERRORS: list[tuple[type[Exception], Exception, dict[str, object]]] = [
    (
        tt.UnitError,
        tt.UnitError("3公倾", "unknown unit '公倾'", ("公顷", "公里")),
        {"text": "3公倾", "reason": "unknown unit '公倾'", "suggestions": ("公顷", "公里")},
    ),
    (
        tt.PeriodError,
        tt.PeriodError("13月", "there is no month 13"),
        {"text": "13月", "reason": "there is no month 13"},
    ),
    (
        tt.ValidationError,
        tt.ValidationError("target", "a quantity of enterprise", "15%"),
        {"field": "target", "expected": "a quantity of enterprise", "got": "15%"},
    ),
    (
        tt.DataError,
        tt.DataError("seeds/001.yaml", 12, "unknown metric"),
        {"path": "seeds/001.yaml", "line": 12, "message": "unknown metric"},
    ),
    (
        tt.SourceError,
        tt.SourceError("001.txt", None, "the quote is not the text"),
        {"path": "001.txt", "line": None, "message": "the quote is not the text"},
    ),
    (
        tt.ArgumentError,
        tt.ArgumentError("as_of", "a date", "2026-01-01"),
        {"field": "as_of", "expected": "a date", "got": "2026-01-01"},
    ),
]

IDS = [cls.__name__ for cls, _, _ in ERRORS]


@pytest.mark.parametrize(("cls", "error", "parts"), ERRORS, ids=IDS)
def test_every_error_is_a_targettrack_error_and_a_value_error(
    cls: type[Exception], error: Exception, parts: dict[str, object]
) -> None:
    assert isinstance(error, cls)
    assert isinstance(error, tt.TargetTrackError)
    assert isinstance(error, ValueError)
    # catching the builtin catches it
    with pytest.raises(ValueError):
        raise error


def test_argument_error_is_a_validation_error_and_a_type_error() -> None:
    assert issubclass(tt.ArgumentError, tt.ValidationError)
    assert issubclass(tt.ArgumentError, TypeError)
    assert str(ERRORS[5][1]) == "'as_of' must be a date (got '2026-01-01')"


def test_source_error_is_a_data_error() -> None:
    assert issubclass(tt.SourceError, tt.DataError)


def test_base_class_is_an_exception() -> None:
    assert issubclass(tt.TargetTrackError, Exception)


@pytest.mark.parametrize(("cls", "error", "parts"), ERRORS, ids=IDS)
def test_errors_keep_their_parts(
    cls: type[Exception], error: Exception, parts: dict[str, object]
) -> None:
    for name, value in parts.items():
        assert getattr(error, name) == value


@pytest.mark.parametrize(("cls", "error", "parts"), ERRORS, ids=IDS)
def test_errors_round_trip_through_pickle(
    cls: type[Exception], error: Exception, parts: dict[str, object]
) -> None:
    copy = pickle.loads(pickle.dumps(error))
    assert type(copy) is cls
    assert str(copy) == str(error)
    assert copy.args == error.args
    for name, value in parts.items():
        assert getattr(copy, name) == value


def test_messages_name_what_went_wrong() -> None:
    assert str(ERRORS[0][1]) == (
        "cannot read '3公倾' as a quantity: unknown unit '公倾' (nearest known units: 公顷, 公里)"
    )
    assert str(ERRORS[1][1]) == "cannot read '13月' as a period: there is no month 13"
    assert str(ERRORS[2][1]) == "'target' must be a quantity of enterprise (got '15%')"
    assert str(ERRORS[3][1]) == "seeds/001.yaml:12: unknown metric"
    assert str(ERRORS[4][1]) == "001.txt: the quote is not the text"


def test_errors_raised_by_the_library_pickle() -> None:
    raised: list[Exception] = []
    for action in (
        lambda: tt.quantity("3公倾"),
        lambda: tt.Period.parse("13月", year=2025),
        lambda: tt.Amount(3, "匹"),
    ):
        with pytest.raises(tt.TargetTrackError) as caught:
            action()
        raised.append(caught.value)
    for error in raised:
        copy = pickle.loads(pickle.dumps(error))
        assert str(copy) == str(error)
