"""The exceptions of targettrack.

Every error subclasses :class:`TargetTrackError` and the builtin it stands for, keeps its
parts as attributes, and pickles (its ``args`` are the arguments of its constructor).
"""

from __future__ import annotations

__all__ = [
    "ArgumentError",
    "DataError",
    "PeriodError",
    "ReaderMissing",
    "SourceError",
    "TargetTrackError",
    "UnitError",
    "ValidationError",
]


def _shown(text: str, limit: int = 80) -> str:
    """``text`` quoted, cut to ``limit`` characters: a message stays one readable line."""
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}… ({len(text)} characters)"


def _reason(text: str, limit: int = 200) -> str:
    """A reason, cut to ``limit`` characters (a safety net: reasons are short already)."""
    return text if len(text) <= limit else text[:limit] + "…"


class TargetTrackError(Exception):
    """Base class of every error raised by targettrack."""


class UnitError(ValueError, TargetTrackError):
    """Text that is not a quantity targettrack can read.

    ``text`` is the text as given, ``reason`` what was wrong, ``suggestions`` the nearest
    known units (possibly empty).
    """

    def __init__(self, text: str, reason: str, suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(text, reason, tuple(suggestions))
        self.text = text
        self.reason = reason
        self.suggestions = tuple(suggestions)

    def __str__(self) -> str:
        message = f"cannot read {_shown(self.text)} as a quantity: {_reason(self.reason)}"
        if self.suggestions:
            message += " (nearest known units: " + ", ".join(self.suggestions) + ")"
        return message


class PeriodError(ValueError, TargetTrackError):
    """Text that is not a reporting period, or an impossible period."""

    def __init__(self, text: str, reason: str) -> None:
        super().__init__(text, reason)
        self.text = text
        self.reason = reason

    def __str__(self) -> str:
        return f"cannot read {_shown(self.text)} as a period: {_reason(self.reason)}"


class ValidationError(ValueError, TargetTrackError):
    """A value that does not fit a field of a goal, outcome or other record.

    The message names the field, what was expected and what came, as in
    ``'target' must be a quantity of enterprise (got '15%')``.
    """

    def __init__(self, field: str, expected: str, got: object) -> None:
        super().__init__(field, expected, got)
        self.field = field
        self.expected = expected
        self.got = got

    def __str__(self) -> str:
        got = repr(self.got)
        if len(got) > 120:
            got = f"{got[:120]}… ({len(got)} characters)"
        return f"{self.field!r} must be {self.expected} (got {got})"


class ArgumentError(ValidationError, TypeError):
    """An argument of a public function of the wrong type or out of its range, named as
    ``'as_of' must be a date (got '2026-01-01')``: a :class:`ValidationError`, and a
    ``TypeError`` as Python's own errors for a wrong argument are."""


class DataError(ValueError, TargetTrackError):
    """A malformed input file: names the file, the line (when known) and what was wrong."""

    def __init__(self, path: str, line: int | None, message: str) -> None:
        super().__init__(path, line, message)
        self.path = path
        self.line = line
        self.message = message

    def __str__(self) -> str:
        where = self.path if self.line is None else f"{self.path}:{self.line}"
        return f"{where}: {self.message}"


class SourceError(DataError):
    """A quote that is not the text at the span it cites."""


class ReaderMissing(ImportError, TargetTrackError):
    """A document whose reader needs a package that is not installed.

    ``path`` is the document, ``module`` the package it needs and ``extra`` the targettrack
    extra that installs it (``pip install 'targettrack[formats]'``).
    """

    def __init__(self, path: str, module: str, extra: str) -> None:
        super().__init__(path, module, extra)
        self.path = path
        self.module = module
        self.extra = extra

    def __str__(self) -> str:
        return (
            f"{self.path}: reading it needs {self.module}, which is not installed: "
            f"pip install 'targettrack[{self.extra}]'"
        )
