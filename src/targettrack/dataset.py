"""The curated dataset: YAML files of goals and outcomes next to their source documents.

A document file (docs/dataset.md) names its source text, and every record cites a span of
it; loading checks each quote against the text and builds the records through the typed
core. Errors name the file and the line of the record.
"""

from __future__ import annotations

import datetime as dt
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePath, PurePosixPath
from typing import Any

import attrs

from ._checks import check_path, check_paths
from ._errors import DataError, TargetTrackError, ValidationError
from ._files import line_of, load_yaml, read_text, shipped
from ._text import normalise, parse_number, shorten
from .catalog import Catalog, default_catalog
from .model import Goal, Outcome

__all__ = [
    "Dataset",
    "Document",
    "check_quote",
    "check_record",
    "load_dataset",
    "load_document",
    "load_yaml",
    "seeds_dir",
]


def _tuple(items: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(items)


@attrs.frozen
class Document:
    """A source document with the goals and outcomes recorded from it."""

    name: str
    title: str
    issued: dt.date | None
    text: str = attrs.field(repr=False)
    goals: tuple[Goal, ...] = attrs.field(converter=_tuple)
    outcomes: tuple[Outcome, ...] = attrs.field(converter=_tuple)
    path: str = ""
    #: the line of each record in the file, by id (for messages)
    lines: dict[str, int] = attrs.field(factory=dict, repr=False, eq=False)


@attrs.frozen
class Dataset:
    """Documents with their records; ids are unique across the dataset."""

    documents: tuple[Document, ...] = attrs.field(converter=_tuple)

    def __attrs_post_init__(self) -> None:
        seen: dict[str, str] = {}
        for document in self.documents:
            records: list[Goal | Outcome] = [*document.goals, *document.outcomes]
            where = document.path or document.name
            for record in records:
                line = document.lines.get(record.id)
                if record.id in seen:
                    raise DataError(
                        where,
                        line,
                        f"record id {record.id!r} is used again (first in {seen[record.id]})",
                    )
                seen[record.id] = where if line is None else f"{where}:{line}"

    @property
    def goals(self) -> tuple[Goal, ...]:
        return tuple(goal for document in self.documents for goal in document.goals)

    @property
    def outcomes(self) -> tuple[Outcome, ...]:
        return tuple(outcome for document in self.documents for outcome in document.outcomes)

    def texts(self) -> dict[str, str]:
        """The original text of each document, by name."""
        return {document.name: document.text for document in self.documents}

    def __iter__(self) -> Iterator[Document]:
        return iter(self.documents)


def _date(value: Any, path: str, line: int | None) -> dt.date | None:
    if isinstance(value, dt.datetime):
        raise DataError(path, line, f"'issued' must be a date without a time (got {value})")
    if value is None or isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise DataError(
            path, line, f"'issued' must be a date YYYY-MM-DD (got {shorten(str(value))})"
        ) from None


#: The longest title of a document, in characters.
MAX_TITLE = 500
_FIELDS = ("document", "title", "issued", "goals", "outcomes")


def _document_name(value: Any, where: str, line: int | None) -> str:
    """The source text a record file names: a path relative to the file's folder, inside it."""
    if not isinstance(value, str) or not value:
        raise DataError(where, line, "'document' must name the source text file")
    parts = PurePosixPath(value.replace("\\", "/")).parts
    if PurePath(value).is_absolute() or value.startswith(("/", "\\")) or ".." in parts:
        raise DataError(
            where,
            line,
            "'document' must be a path inside the folder of this file, without '..' "
            f"(got {shorten(value)})",
        )
    return value


def load_document(path: str | Path, *, catalog: Catalog | None = None) -> Document:
    """Load one document file: its records, checked against the source text it names."""
    path = check_path("path", path)
    where = str(path)
    if path.is_dir():
        raise DataError(where, None, "a folder, not a record file (.yaml)")
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise DataError(where, 1, "expected a mapping with document, goals and outcomes")
    for key in data:
        if key not in _FIELDS:
            raise DataError(where, line_of(data, key), f"unexpected field {shorten(str(key))}")
    name = _document_name(data.get("document"), where, line_of(data, "document"))
    title = data.get("title")
    if title is not None and (not isinstance(title, str) or len(title) > MAX_TITLE):
        raise DataError(
            where,
            line_of(data, "title"),
            f"'title' must be a text of at most {MAX_TITLE} characters (got {shorten(str(title))})",
        )
    issued = _date(data.get("issued"), where, line_of(data, "issued"))
    try:
        text = read_text(path.parent / name)
    except DataError as error:  # named by this file: say where
        raise DataError(
            where, line_of(data, "document"), f"'document': {error.path}: {error.message}"
        ) from None
    catalog = catalog or default_catalog()
    lines: dict[str, int] = {}
    goals = list(_records(data, "goals", Goal, name, text, catalog, where, lines))
    outcomes = list(_records(data, "outcomes", Outcome, name, text, catalog, where, lines))
    return Document(
        name=name,
        title=title or name,
        issued=issued,
        text=text,
        goals=goals,
        outcomes=outcomes,
        path=where,
        lines=lines,
    )


def _records(
    data: dict[str, Any],
    field: str,
    kind: type[Goal] | type[Outcome],
    doc: str,
    text: str,
    catalog: Catalog,
    where: str,
    lines: dict[str, int],
) -> Iterator[Any]:
    records = data.get(field)
    if records is None:
        return
    if not isinstance(records, list):
        raise DataError(where, line_of(data, field), f"{field!r} must be a list of records")
    for record in records:
        if not isinstance(record, dict):
            raise DataError(
                where,
                line_of(data, field),
                f"each of {field!r} must be a mapping (got {shorten(str(record))})",
            )
        line = line_of(record)
        label = shorten(str(record.get("id", "?")))[1:-1] if "id" in record else "?"
        try:
            item = kind.from_record(record, doc=doc, text=text)
            check_record(item, catalog)
            check_quote(item)
        except DataError as error:
            raise type(error)(where, line, f"{label}: {error.message}") from None
        except ValidationError as error:
            # the line of the field when the record has it: 'target' on its own line
            field_line = line_of(record, error.field) or line
            raise DataError(where, field_line, f"{label}: {error}") from None
        except (TargetTrackError, ValueError, TypeError) as error:
            raise DataError(where, line, f"{label}: {error}") from None
        if line is not None:
            lines.setdefault(item.id, line)
        yield item


def check_record(item: Goal | Outcome, catalog: Catalog) -> None:
    """Check a goal or outcome against the catalog: a metric written as an id (ASCII
    snake_case) must be one of the catalog's, and the figure must fit the metric. A metric
    written as the documents word it (``城镇新增就业``) is a measure of its own and is not
    checked: the catalog enriches records, it does not gate them."""
    if _IDENTIFIER.fullmatch(item.metric) and item.metric not in catalog:
        raise ValidationError("metric", "an id of the metric catalog", item.metric)
    if isinstance(item, Goal):
        field, amount = "target", item.target
    else:
        field, amount = "value", item.value
    catalog.check(item.metric, field, amount.value, amount.unit, change=item.change is not None)


_IDENTIFIER = re.compile(r"[a-z][a-z0-9_]*")

_NUMBER = re.compile(
    r"\d+(?:\.\d+)?(?:/\d+)?"
    r"|[零〇一二两三四五六七八九十百千万亿]+分之[零〇一二两三四五六七八九十百千万亿]+"
    r"|[零〇一二两三四五六七八九十百千]+"
)
#: Numbers a word implies: 万亿元 is one 万亿元, 两位数增长 at least 10 %.
_IMPLIED = {"万亿": 1.0, "两位数": 10.0}


def quoted_numbers(quote: str) -> set[float]:
    """The numbers a quote states, as a record's value may be written: each number as
    written (Arabic or Chinese, a fraction), 增长3倍 also as 300 (%), 五成 also as 50 (%), and
    the numbers a word implies (万亿 → 1, 两位数 → 10)."""
    text = "".join(normalise(quote)[0].split())
    found: set[float] = set()
    for match in _NUMBER.finditer(text):
        try:
            value = float(parse_number(match.group(0)))
        except ValueError:
            continue
        found.add(round(value, 9))
        after = text[match.end() : match.end() + 1]
        if after == "倍":
            found.add(round(value * 100, 9))
        if after == "成":
            found.add(round(value * 10, 9))
    for word, value in _IMPLIED.items():
        if word in text:
            found.add(value)
    return found


def check_quote(item: Goal | Outcome) -> None:
    """A record's value (a goal's target and upper end) must be a number its quote states:
    ``value: 2800家`` on a quote reading …3200家 is a :class:`ValidationError`. The sign is
    the record's (下降16% is ``-16%``)."""
    if isinstance(item, Goal):
        amounts = [("target", item.target), ("target_high", item.target_high)]
    else:
        amounts = [("value", item.value)]
    numbers: set[float] | None = None
    for field, amount in amounts:
        if amount is None:
            continue
        if numbers is None:
            numbers = quoted_numbers(item.source.quote)
        if round(abs(amount.value), 9) not in numbers:
            stated = ", ".join(_show(n) for n in sorted(numbers)) or "none"
            raise ValidationError(
                field,
                f"a number the quote states ({item.source.quote!r} states {stated})",
                str(amount),
            )


def _show(number: float) -> str:
    return str(int(number)) if number == int(number) else repr(number)


def seeds_dir() -> Path:
    """The folder of the seed documents and their curated records.

    Installed, the seeds ship inside the package; in a source checkout they are ``seeds/``.
    """
    folder = shipped("_seeds", "seeds")
    if not folder.is_dir():
        raise DataError(str(folder), None, "the seed documents are not installed")
    return folder


def load_dataset(
    paths: str | Path | Iterable[str | Path] | None = None, *, catalog: Catalog | None = None
) -> Dataset:
    """Load document files: a folder (every ``*.yaml`` in it), files, or the seeds by default."""
    if paths is None:
        paths = seeds_dir()
    if isinstance(paths, str | os.PathLike):
        folder = check_path("paths", paths)
        files = sorted(folder.glob("*.yaml")) if folder.is_dir() else [folder]
    else:
        files = check_paths("paths", paths)
    return Dataset([load_document(f, catalog=catalog) for f in files])
