"""The arguments of the public functions, checked where they come in.

A call with an argument of the wrong type (``tt.audit(goals="x")``, ``as_of="2026-01-01"``,
``tt.audit_corpus("./corpus")``) raises :class:`~targettrack.ArgumentError` naming the argument
and what it must be, before any work, instead of an ``AttributeError`` from deep inside or —
for a text where a list was meant — a walk over its characters (docs/input.md).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TypeVar

from ._errors import ArgumentError

__all__ = [
    "check",
    "check_date",
    "check_items",
    "check_jobs",
    "check_path",
    "check_paths",
    "check_year",
]

T = TypeVar("T")


def check(name: str, value: Any, kind: type[T] | tuple[type, ...], expected: str) -> Any:
    """``value`` if it is a ``kind``, else :class:`ArgumentError` (a bool is no number)."""
    if not isinstance(value, kind) or (isinstance(value, bool) and bool not in _types(kind)):
        raise ArgumentError(name, expected, value)
    return value


def _types(kind: type | tuple[type, ...]) -> tuple[type, ...]:
    return kind if isinstance(kind, tuple) else (kind,)


def check_items(name: str, values: Any, kind: type[T], expected: str) -> list[T]:
    """The items of ``values``, an iterable of ``kind`` (not a text, a mapping or one item),
    as a list: an iterator is read once, here."""
    if isinstance(values, str | bytes | Mapping | kind) or not isinstance(values, Iterable):
        raise ArgumentError(name, f"an iterable of {expected}", values)
    items = list(values)
    for index, item in enumerate(items):
        if not isinstance(item, kind):
            article = "an" if kind.__name__[0] in "AEIOU" else "a"
            raise ArgumentError(f"{name}[{index}]", f"{article} {kind.__name__}", item)
    return items


def check_date(name: str, value: Any) -> dt.date | None:
    """A date without a time of day, or None."""
    if value is None:
        return None
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise ArgumentError(name, "a date (datetime.date, without a time)", value)
    return value


def check_year(name: str, value: Any, years: tuple[int, int]) -> int | None:
    """A year within ``years`` (first, last: those of a period, 1…9999), or None."""
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise ArgumentError(name, "a year (an int such as 2025)", value)
    if not years[0] <= value <= years[1]:
        raise ArgumentError(name, f"a year from {years[0]} to {years[1]}", value)
    return value


def check_path(name: str, value: Any) -> Path:
    """A path: a text or an ``os.PathLike`` (bytes are not taken: a name is a text)."""
    if isinstance(value, str):
        return Path(value)
    if isinstance(value, os.PathLike):
        path = os.fspath(value)
        if isinstance(path, str):
            return Path(path)
    raise ArgumentError(name, "a path (a str or a pathlib.Path)", value)


def check_paths(name: str, values: Any) -> list[Path]:
    """Paths: an iterable of them, not one path (a text would be read as its characters)."""
    if isinstance(values, str | os.PathLike):
        raise ArgumentError(name, "a list of paths (for one: [path])", values)
    if isinstance(values, bytes | Mapping) or not isinstance(values, Iterable):
        raise ArgumentError(name, "a list of paths", values)
    return [check_path(f"{name}[{index}]", value) for index, value in enumerate(values)]


def check_jobs(name: str, value: Any) -> int | None:
    """A number of processes, 1 or more, or None (one per core)."""
    if value is None:
        return None
    if not isinstance(value, int) or isinstance(value, bool):
        raise ArgumentError(name, "a number of processes (an int >= 1) or None", value)
    if value < 1:
        raise ArgumentError(name, "a number of processes >= 1", value)
    return value
