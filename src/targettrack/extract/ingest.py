"""One way in: a file (or a text) to its identity, its statements and its records.

:func:`ingest` reads a document (:func:`~targettrack.read_document`), tells who wrote it, for
which year, in which genre and role and when (:func:`~targettrack.extract.identity.identify`),
applies what the user says instead (``region``, ``year``, ``genre``, ``issued``), reads its
statements and places them as goals and outcomes. What could not be told or read is kept as
:class:`Notice` data, never printed here: the command line, the corpus, ``evaluate`` and
``evaluate-corpus`` all come through this function and show the notices their own way.

:func:`ingest_documents` reads several documents that belong together (a plan and its review):
a document that does not tell its government takes the one the others agree on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import attrs

from .._text import MAX_NUMBER_LENGTH, file_name, long_numbers
from ..catalog import Catalog, default_catalog
from ..model import Goal, Outcome, Unplaced
from ..places import Places
from .formats import DocumentText, read_document
from .identity import Identity, fill_from, identify, issue_date, overridden
from .placement import to_records
from .reader import extract_statements
from .statement import Statement
from .structure import document_title
from .text import prepare

__all__ = ["Ingested", "Notice", "identify_document", "ingest", "ingest_documents"]


@attrs.frozen
class Notice:
    """Something a user should know of a document: what could not be told or read, and what
    to do about it. ``start``/``end``: the span of the text it is about, when it is about one."""

    path: str
    message: str
    start: int | None = None
    end: int | None = None

    def __str__(self) -> str:
        where = "" if self.start is None else f"[{self.start}:{self.end}]"
        return f"{self.path}{where}: {self.message}"


@attrs.frozen
class Ingested:
    """A document read: its text, identity, statements, records and notices."""

    path: str
    name: str
    document: DocumentText = attrs.field(repr=False)
    identity: Identity
    title: str
    issued: dt.date | None
    statements: tuple[Statement, ...] = attrs.field(repr=False)
    goals: tuple[Goal, ...] = attrs.field(repr=False)
    outcomes: tuple[Outcome, ...] = attrs.field(repr=False)
    unplaced: tuple[Unplaced, ...] = attrs.field(repr=False)
    notices: tuple[Notice, ...] = ()

    @property
    def text(self) -> str:
        return self.document.text

    @property
    def government(self) -> str | None:
        return self.identity.government

    @property
    def year(self) -> int | None:
        return self.identity.year


def identify_document(
    source: str | Path | DocumentText,
    *,
    encoding: str | None = None,
    region: str | None = None,
    year: int | None = None,
    genre: str | None = None,
    signal: str = "option",
    places: Places | None = None,
) -> tuple[DocumentText, Identity]:
    """A document read and its identity, with what the user says in place of the text's
    (``places``: the table of governments, default the shipped one)."""
    document = source if isinstance(source, DocumentText) else read_document(source, encoding)
    identity = identify(prepare(document.text), places=places)
    identity = overridden(identity, government=region, year=year, genre=genre, signal=signal)
    return document, identity


def ingest(
    source: str | Path | DocumentText,
    *,
    name: str | None = None,
    encoding: str | None = None,
    region: str | None = None,
    year: int | None = None,
    genre: str | None = None,
    issued: dt.date | None = None,
    catalog: Catalog | None = None,
    identity: Identity | None = None,
    signal: str = "option",
    places: Places | None = None,
) -> Ingested:
    """Read one document all the way: see the module. ``region``, ``year`` and ``genre``
    override what the text says (``signal`` names where they come from: ``option``,
    ``manifest``); ``issued`` is the date to use where the text gives none."""
    if identity is None:
        document, identity = identify_document(
            source,
            encoding=encoding,
            region=region,
            year=year,
            genre=genre,
            signal=signal,
            places=places,
        )
    elif isinstance(source, DocumentText):
        document = source
    else:
        document = read_document(source, encoding)
    return _extract(document, identity, name, issued, catalog or default_catalog())


def ingest_documents(
    sources: Sequence[str | Path],
    *,
    encoding: str | None = None,
    region: str | None = None,
    year: int | None = None,
    genre: str | None = None,
    issued: dict[str, dt.date] | None = None,
    catalog: Catalog | None = None,
    places: Places | None = None,
) -> list[Ingested]:
    """Documents that belong together (a plan and its reviews): each read and told as by
    :func:`ingest`; one whose text does not tell its government takes the one all the others
    tell (with that evidence)."""
    read = [
        identify_document(source, encoding=encoding, region=region, genre=genre, places=places)
        for source in sources
    ]
    identities = [identity for _, identity in read]
    filled = [
        fill_from(identity, identities[:index] + identities[index + 1 :])
        for index, identity in enumerate(identities)
    ]
    if year is not None:
        filled = [overridden(identity, year=year) for identity in filled]
    dates = issued or {}
    catalog = catalog or default_catalog()
    result = []
    for (document, _), identity, source in zip(read, filled, sources, strict=True):
        given = dates.get(str(source), dates.get(Path(source).name))
        result.append(_extract(document, identity, None, given, catalog))
    return result


def _extract(
    document: DocumentText,
    identity: Identity,
    name: str | None,
    issued: dt.date | None,
    catalog: Catalog,
) -> Ingested:
    path = document.path
    name = name or file_name(Path(path).name)
    text = document.text
    statements = extract_statements(text, doc=name, catalog=catalog, identity=identity)
    goals, outcomes, unplaced = to_records(statements, catalog)
    own = issue_date(text, identity)
    notices = _notices(document, identity, statements, goals, outcomes, own, issued)
    return Ingested(
        path=path,
        name=name,
        document=document,
        identity=identity,
        title=document_title(text),
        issued=own or issued,
        statements=tuple(statements),
        goals=tuple(goals),
        outcomes=tuple(outcomes),
        unplaced=tuple(unplaced),
        notices=tuple(notices),
    )


def _notices(
    document: DocumentText,
    identity: Identity,
    statements: Sequence[Statement],
    goals: Sequence[Goal],
    outcomes: Sequence[Outcome],
    own: dt.date | None,
    given: dt.date | None,
) -> list[Notice]:
    path = document.path
    notices = []
    if document.empty_pages:
        many = len(document.empty_pages) > 1
        pages = ", ".join(str(number) for number in document.empty_pages)
        notices.append(
            Notice(
                path,
                f"no text layer on page{'s' if many else ''} {pages}: not read "
                f"(OCR {'them' if many else 'it'} first)",
            )
        )
    runs = long_numbers(document.text)
    if runs:
        start, end = runs[0]
        more = f" (and {len(runs) - 1} more)" if len(runs) > 1 else ""
        notices.append(
            Notice(
                path,
                f"{end - start} digits or numerals in a row, more than the {MAX_NUMBER_LENGTH} "
                f"of the longest number read, are left out{more}",
                start,
                end,
            )
        )
    notices.extend(Notice(path, f"identity: {conflict}") for conflict in identity.conflicts)
    if given is not None and own is not None and given != own:
        notices.append(
            Notice(
                path,
                f"--issued {given.isoformat()} not used: the document gives its own date, "
                f"{own.isoformat()}",
            )
        )
    if not statements:
        notices.append(Notice(path, "no quantified statement found"))
        return notices
    if not any(s.region for s in statements):
        notices.append(
            Notice(path, "the government could not be told from the text; pass --region")
        )
    if not any(s.period is not None for s in statements):
        notices.append(Notice(path, "the year could not be told from the text; pass --year"))
    if not goals and not outcomes:
        notices.append(Notice(path, "no goal or outcome could be placed"))
    return notices
