"""Many documents at once: who wrote each, for which year, and which later documents review it.

A corpus is a set of raw documents — a folder of 政府工作报告 of many governments and years, or a
manifest naming each file with its government, year and role. :func:`read_corpus` reads every
document (on all cores, or on a Dask cluster) into a :class:`CorpusDocument`: its government,
year and role told from its own text (the header of a work report says who reports and for
which year) or from the manifest, and its goals, outcomes and unplaced statements.
:func:`pair_documents` is the one pairing rule: a plan is paired with the later documents of the
same government, which review it. :func:`audit_documents` judges every plan's goals against the
outcomes of the plan and of its reviews and combines the verdicts into one
:class:`~targettrack.Audit`; what could not be paired is listed in
:attr:`CorpusAudit.unpaired`, never dropped — its goals are judged on the document's own
outcomes (so they stay in the audit, mostly unreported) and the reason is given.
:func:`stream_corpus` does the same in memory that does not grow with the corpus, for the
outputs written as they come (CSV, JSON lines); :func:`audit_corpus` is the whole in one call.

A document's role:

- ``plan`` sets goals for its year (a plan, 意见, 规划);
- ``review`` reports on earlier years (a statistical bulletin, a work summary);
- ``report`` does both: a 政府工作报告 of year Y reviews Y − 1 and sets the goals of Y.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import errno
import functools
import io
import os
import pickle
import signal
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path, PurePath, PurePosixPath
from typing import TYPE_CHECKING, Any

import attrs

from ._checks import (
    check,
    check_date,
    check_items,
    check_jobs,
    check_path,
    check_paths,
    check_year,
)
from ._errors import DataError
from ._files import line_of, load_yaml, read_bytes
from ._text import file_name, shorten
from .catalog import Catalog, catalog_files, default_catalog
from .extract.formats import READERS
from .extract.identity import Identity, overridden
from .extract.ingest import Notice, identify_document, ingest
from .extract.structure import document_year
from .extract.text import prepare
from .match import Audit, Reviewer, SourceDocument, audit
from .model import Goal, Outcome, Status, Unplaced, Verdict
from .periods import MAX_YEAR, MIN_YEAR
from .places import Places, default_places, places_files

if TYPE_CHECKING:
    from distributed import Client

__all__ = [
    "DOCUMENT_SUFFIXES",
    "ROLES",
    "CorpusAudit",
    "CorpusDocument",
    "CorpusStream",
    "DocumentEntry",
    "Pair",
    "ReadOptions",
    "Unpaired",
    "accepts",
    "audit_corpus",
    "audit_documents",
    "audit_pair",
    "corpus_entries",
    "find_documents",
    "load_manifest",
    "pair_documents",
    "read_corpus",
    "read_corpus_document",
    "stream_corpus",
]

#: The suffixes of the raw documents a folder is expanded to: what the reading layer reads
#: (:data:`targettrack.extract.formats.READERS`).
DOCUMENT_SUFFIXES = tuple(READERS)

#: The roles a document can have: sets goals, reports outcomes, or both (a work report).
ROLES = ("plan", "review", "report")
_PLANS = frozenset({"plan", "report"})
_REVIEWS = frozenset({"review", "report"})


def _tuple(items: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(items)


def accepts(path: str | Path) -> bool:
    """Whether ``path`` is a raw document the reading layer reads (by its suffix)."""
    return Path(path).suffix.lower() in DOCUMENT_SUFFIXES


# -- what to read -------------------------------------------------------------------------------


@attrs.frozen
class DocumentEntry:
    """A document to read: its file, the name its sources cite, and what the manifest (or the
    command line) says of it — ``None`` for what is to be told from the text."""

    path: str
    name: str
    government: str | None = None
    year: int | None = None
    role: str | None = None

    def __attrs_post_init__(self) -> None:
        if self.role is not None and self.role not in ROLES:
            raise DataError(self.path, None, f"role: expected one of {', '.join(ROLES)}")


def find_documents(paths: Iterable[str | Path]) -> list[DocumentEntry]:
    """The documents of ``paths``: a file as it is, a folder expanded to the raw documents in it
    and its subfolders (:func:`accepts`), in sorted order. A document is named by its path
    relative to the folder given (``jiangsu_2025.txt``, ``2025/jiangsu.txt``); hidden files
    and folders (``.git``) are passed over.

    Raises :class:`~targettrack.DataError` for a path that does not exist, a folder with no
    raw document and two documents with the same name.
    """
    entries: list[DocumentEntry] = []
    for path in check_paths("paths", paths):
        if path.is_dir():
            found = sorted(
                (p for p in path.rglob("*") if _visible(p, path) and p.is_file() and accepts(p)),
                key=lambda p: p.relative_to(path).as_posix(),
            )
            if not found:
                raise DataError(
                    str(path),
                    None,
                    f"expected raw documents ({', '.join(DOCUMENT_SUFFIXES)}), found none",
                )
            for file in found:
                target = _outside(file, path)
                if target is not None:
                    raise DataError(
                        str(file),
                        None,
                        f"a link to {target}, outside the folder {path}: not read (a folder's "
                        "documents are the files inside it; give that file itself instead)",
                    )
            entries.extend(
                DocumentEntry(str(p), file_name(p.relative_to(path).as_posix())) for p in found
            )
        elif path.exists():
            if not accepts(path):
                raise DataError(
                    str(path),
                    None,
                    f"expected a raw document ({', '.join(DOCUMENT_SUFFIXES)}) in a corpus, "
                    f"got a {path.suffix or 'suffix-less'} file",
                )
            entries.append(DocumentEntry(str(path), file_name(path.name)))
        else:
            raise DataError(str(path), None, "no such file or folder")
    _check_names(entries)
    return entries


def corpus_entries(
    paths: Iterable[str | Path] = (), manifest: str | Path | None = None
) -> list[DocumentEntry]:
    """The documents of a manifest (:func:`load_manifest`), then those of ``paths``
    (:func:`find_documents`); each name once."""
    paths = check_paths("paths", paths)
    entries = [] if manifest is None else load_manifest(check_path("manifest", manifest))
    if paths:
        entries.extend(find_documents(paths))
    _check_names(entries)
    return entries


def _outside(file: Path, folder: Path) -> Path | None:
    """The file ``file`` stands for, if it is not inside ``folder`` once links are followed; a
    corpus folder or a manifest reads only files inside its folder, never (through a link, an
    absolute path or ``..``) one elsewhere, whose text the reports would quote."""
    target = file.resolve()
    return None if target.is_relative_to(folder.resolve()) else target


def _visible(path: Path, root: Path) -> bool:
    """Not hidden, nor in a hidden folder under ``root`` (.git, .ipynb_checkpoints)."""
    return not any(part.startswith(".") for part in path.relative_to(root).parts)


def _check_names(entries: Sequence[DocumentEntry]) -> None:
    seen: dict[str, str] = {}
    for entry in entries:
        stem = str(PurePosixPath(entry.name).with_suffix(""))
        if stem in seen:
            raise DataError(
                entry.path,
                None,
                f"expected one document named {stem!r}, but {seen[stem]} has that name too",
            )
        seen[stem] = entry.path


_MANIFEST_FIELDS = ("path", "government", "year", "role")


def load_manifest(path: str | Path) -> list[DocumentEntry]:
    """The documents a manifest lists: a CSV file with the header ``path,government,year,role``,
    or a YAML list of mappings with those keys. Paths are relative to the manifest's folder
    and inside it; an empty government, year or role is told from the text.

    Raises :class:`~targettrack.DataError` naming the manifest and the line for a path that is
    absolute, has ``..``, leads out of the folder through a link or names no file, a file
    listed twice, a year outside 1…9999, a government or role that is not a text, and in a CSV
    file a column given twice or a row with more cells than the header.
    """
    path = Path(path)
    if path.suffix.lower() == ".csv":
        rows = _manifest_csv(path)
    elif path.suffix.lower() in (".yaml", ".yml"):
        rows = _manifest_yaml(path)
    else:
        raise DataError(
            str(path),
            None,
            f"expected a manifest (.csv, .yaml), got a {path.suffix or 'bare'} file",
        )
    entries = []
    listed: dict[Path, int | None] = {}
    named: dict[str, int | None] = {}
    for line, row in rows:

        def where(message: str, field: str = "path", row: Any = row, line: Any = line) -> DataError:
            return DataError(str(path), line_of(row, field) or line, message)

        file = _manifest_path(where, row.get("path"))
        target = path.parent / file
        if not target.is_file():
            raise where(f"path: no such file {str(target)!r}")
        outside = _outside(target, path.parent)
        if outside is not None:
            raise where(
                f"path: {file!r} is a link to {outside}, outside the folder of the manifest: "
                "not read"
            )
        resolved = target.resolve()
        if resolved in listed:
            raise where(f"path: {file!r} is listed twice (first on line {listed[resolved]})")
        stem = str(PurePosixPath(file).with_suffix(""))
        if stem in named:
            raise where(
                f"path: {file!r}: another document is named {stem!r} too (line {named[stem]}); "
                "rename one"
            )
        listed[resolved], named[stem] = line, line
        government = _manifest_text(where, "government", row.get("government"))
        role = _manifest_text(where, "role", row.get("role"))
        if role is not None and role not in ROLES:
            raise where(f"role: expected one of {', '.join(ROLES)}, got {role!r}", "role")
        year = _manifest_year(where, row.get("year"))
        entries.append(DocumentEntry(str(target), file, government, year, role))
    if not entries:
        raise DataError(str(path), None, "expected at least one document, the manifest is empty")
    _check_names(entries)
    return entries


def _manifest_path(where: Callable[..., DataError], value: Any) -> str:
    """A manifest's ``path``: a path inside the manifest's folder, without ``..``."""
    if not isinstance(value, str) or not value.strip():
        raise where("path: expected the file of a document")
    file = value.strip()
    if (
        PurePath(file).is_absolute()
        or file.startswith(("/", "\\"))
        or ".." in PurePosixPath(file.replace("\\", "/")).parts
    ):
        raise where(
            "path: must be a path inside the folder of the manifest, without '..' "
            f"(got {shorten(file)})"
        )
    return file


def _given(value: Any) -> str:
    """A value of a manifest, for a message: a text quoted, anything else as Python shows it."""
    if isinstance(value, str):
        return shorten(value)
    shown = repr(value)
    return shown if len(shown) <= 40 else shown[:40] + "…"


def _manifest_text(where: Callable[..., DataError], field: str, value: Any) -> str | None:
    """A manifest's ``government`` or ``role``: a text, or nothing (told from the text)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if not isinstance(value, str):
        raise where(f"{field}: expected a text, got {_given(value)}", field)
    return value.strip()


def _manifest_year(where: Callable[..., DataError], value: Any) -> int | None:
    """A manifest's ``year``: a year of the calendar (1…9999), or nothing (told from the text)."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    year = value
    if isinstance(value, str) and value.strip().isdigit() and len(value.strip()) <= 4:
        year = int(value)
    if not isinstance(year, int) or isinstance(year, bool) or not MIN_YEAR <= year <= MAX_YEAR:
        raise where(
            f"year: expected a year from {MIN_YEAR} to {MAX_YEAR} such as 2025, got "
            f"{_given(value)}",
            "year",
        )
    return year


def _manifest_csv(path: Path) -> list[tuple[int | None, dict[str, Any]]]:
    # through the checked reader: a FIFO or device is refused before it is opened, and the
    # size is bounded as for every file read
    data = read_bytes(path, "a manifest")
    try:
        with io.StringIO(data.decode("utf-8-sig"), newline="") as handle:
            reader = csv.DictReader(handle)
            fields = reader.fieldnames or []
            if "path" not in fields:
                raise DataError(
                    str(path), 1, f"expected a header with {', '.join(_MANIFEST_FIELDS)}"
                )
            unknown = [f for f in fields if f not in _MANIFEST_FIELDS]
            if unknown:
                raise DataError(
                    str(path),
                    1,
                    f"expected columns among {', '.join(_MANIFEST_FIELDS)}, got {unknown[0]!r}",
                )
            twice = [f for f in _MANIFEST_FIELDS if fields.count(f) > 1]
            if twice:
                raise DataError(str(path), 1, f"the column {twice[0]!r} is given twice")
            rows: list[tuple[int | None, dict[str, Any]]] = []
            for row in reader:
                extra = row.pop(None, None)
                if extra:
                    raise DataError(
                        str(path),
                        reader.line_num,
                        f"{len(fields) + len(extra)} cells, more than the {len(fields)} "
                        "columns of the header",
                    )
                rows.append((reader.line_num, dict(row)))
            return rows
    except UnicodeDecodeError as error:
        raise DataError(str(path), None, f"not UTF-8 text ({error.reason})") from None


def _manifest_yaml(path: Path) -> list[tuple[int | None, dict[str, Any]]]:
    data = load_yaml(path)
    if not isinstance(data, list):
        raise DataError(str(path), 1, "expected a list of documents (path, government, year, role)")
    rows = []
    for item in data:
        if not isinstance(item, dict):
            raise DataError(str(path), None, f"expected a mapping with path, got {item!r}")
        line = line_of(item)
        unknown = [k for k in item if k not in _MANIFEST_FIELDS]
        if unknown:
            raise DataError(
                str(path),
                line_of(item, unknown[0]),
                f"expected keys among {', '.join(_MANIFEST_FIELDS)}, got {unknown[0]!r}",
            )
        rows.append((line, item))
    return rows


# -- reading ------------------------------------------------------------------------------------


@attrs.frozen
class CorpusDocument:
    """A document as read: who wrote it, for which year, its role, and its statements."""

    path: str
    name: str
    government: str | None
    year: int | None
    role: str
    title: str
    delivered: dt.date | None
    goals: tuple[Goal, ...] = attrs.field(converter=_tuple, repr=False)
    outcomes: tuple[Outcome, ...] = attrs.field(converter=_tuple, repr=False)
    unplaced: tuple[Unplaced, ...] = attrs.field(converter=_tuple, repr=False)
    statements: int = 0
    #: how the file was read (``targettrack.read_document``): the reader, the encoding, the
    #: SHA-256 of the text, where each page of a PDF starts and the pages without text
    reader: str = ""
    encoding: str | None = None
    sha256: str = ""
    pages: tuple[int, ...] = attrs.field(default=(), converter=_tuple, repr=False)
    empty_pages: tuple[int, ...] = attrs.field(default=(), converter=_tuple, repr=False)
    #: how many goals, and goals and outcomes, were placed (kept when the records are set aside)
    goal_count: int = 0
    placed: int = 0
    #: the last year its goals are about (None: no goal)
    horizon: int | None = None
    #: where the records were set aside (:func:`stream_corpus`), or None: they are here
    spill: str | None = attrs.field(default=None, repr=False)
    #: the last year whose outcomes it reports (a work report of 2026: 2025; a bulletin of
    #: 2025: 2025), or None for a plan
    reviewed: int | None = None
    genre: str = "article"
    #: who wrote it and for which year, each decision with its evidence
    identity: Identity | None = attrs.field(default=None, repr=False)
    #: what could not be told or read (:class:`targettrack.extract.ingest.Notice`)
    notices: tuple[Notice, ...] = attrs.field(default=(), converter=_tuple, repr=False)

    @property
    def source(self) -> SourceDocument:
        return SourceDocument(
            self.name,
            self.title,
            self.delivered,
            reader=self.reader,
            encoding=self.encoding,
            sha256=self.sha256,
            pages=self.pages,
            identity=() if self.identity is None else self.identity.describe(),
            genre=self.genre,
        )

    def loaded(self) -> CorpusDocument:
        """The document with its records (read back from where they were set aside)."""
        if self.spill is None:
            return self
        with open(self.spill, "rb") as handle:
            document: CorpusDocument = pickle.load(handle)
        return document

    def set_aside(self, path: str) -> CorpusDocument:
        """Write the records to ``path`` and return the document without them."""
        with open(path, "wb") as handle:
            pickle.dump(self, handle, protocol=pickle.HIGHEST_PROTOCOL)
        return attrs.evolve(self, goals=(), outcomes=(), unplaced=(), spill=path)

    def warnings(self) -> list[str]:
        """What could not be told or read of the document, one line each, naming the file:
        the notices of its reading (the same lines a single-file audit prints), and its
        government or year when neither the text nor a manifest tells them."""
        lines = [str(notice) for notice in self.notices]
        said = " ".join(lines)
        if self.government is None and "government could not be told" not in said:
            lines.append(
                f"{self.path}: the government could not be told from the text; pass --region"
            )
        if self.year is None and "year could not be told" not in said:
            lines.append(f"{self.path}: the year could not be told from the text; pass --year")
        return lines


@functools.cache
def _places(extra: tuple[str, ...]) -> Places:
    return Places.from_files([*places_files(), *extra]) if extra else default_places()


@functools.cache
def _catalog(extra: tuple[str, ...]) -> Catalog:
    if not extra:
        return default_catalog()
    return Catalog.from_files([*catalog_files(), *extra])


def _role(header: bool, goals: int, outcomes: int) -> str:
    if header or (goals and outcomes):
        return "report"
    return "plan" if goals else "review"


def read_corpus_document(
    entry: DocumentEntry,
    *,
    region: str | None = None,
    year: int | None = None,
    catalog: Catalog | None = None,
    catalog_extra: Sequence[str] = (),
    encoding: str | None = None,
    genre: str | None = None,
    places_extra: Sequence[str] = (),
) -> CorpusDocument:
    """Read one document through :func:`targettrack.extract.ingest.ingest`: its statements,
    and its government, year and role from the entry (a manifest) or, where the entry says
    nothing, from the text (``region`` and ``year``: what to assume when neither does). The
    catalog is ``catalog``, else the shipped files and ``catalog_extra`` (files, so that a
    worker process or a Dask worker builds its own: the arguments and the result are plain
    values that pickle)."""
    catalog = catalog or _catalog(tuple(catalog_extra))
    document, identity = identify_document(
        entry.path,
        encoding=encoding,
        region=entry.government,
        year=entry.year,
        signal="manifest",
        places=_places(tuple(places_extra)),
    )
    if genre is not None:
        identity = overridden(identity, genre=genre)
    # where neither the manifest nor the text tells them: what the command line assumes
    if identity.government is None and region is not None:
        identity = overridden(identity, government=region)
    if identity.year is None and year is not None:
        identity = overridden(identity, year=year)
    read = ingest(document, name=entry.name, identity=identity, catalog=catalog)
    goals, outcomes = read.goals, read.outcomes
    government = identity.government
    if government is None:
        regions = Counter(s.region for s in read.statements if s.region)
        government = regions.most_common(1)[0][0] if regions else region
    written = identity.year
    if written is None:
        written = document_year(prepare(document.text).compact) or year
    role = entry.role or identity.role or _role(False, len(goals), len(outcomes))
    reviewed = identity.reviewed
    if reviewed is None and written is not None:
        reviewed = written - 1 if role != "plan" else None
    return CorpusDocument(
        path=entry.path,
        name=entry.name,
        government=government,
        year=written,
        role=role,
        title=read.title,
        delivered=read.issued,
        goals=goals,
        outcomes=outcomes,
        unplaced=read.unplaced,
        statements=len(read.statements),
        reader=document.reader,
        encoding=document.encoding,
        sha256=document.sha256,
        pages=document.pages,
        empty_pages=document.empty_pages,
        goal_count=len(goals),
        placed=len(goals) + len(outcomes),
        horizon=max((g.period.end_year for g in goals), default=None),
        reviewed=reviewed,
        genre=identity.genre,
        identity=identity,
        notices=read.notices,
    )


@attrs.frozen
class ReadOptions:
    """What the command line says of every document of a corpus where the text and the
    manifest do not: plain values, so that a worker process or a Dask worker gets them."""

    region: str | None = None
    year: int | None = None
    genre: str | None = None
    encoding: str | None = None
    #: catalog and place files of the user's own, read after the shipped ones
    catalog_extra: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    places_extra: tuple[str, ...] = attrs.field(default=(), converter=_tuple)

    def read(self, entry: DocumentEntry) -> CorpusDocument:
        return read_corpus_document(
            entry,
            region=self.region,
            year=self.year,
            genre=self.genre,
            encoding=self.encoding,
            catalog_extra=self.catalog_extra,
            places_extra=self.places_extra,
        )


def _read_one(arguments: tuple[DocumentEntry, ReadOptions]) -> Any:
    entry, options = arguments
    return options.read(entry)


def _read_aside(arguments: tuple[DocumentEntry, ReadOptions, str]) -> Any:
    entry, options, spill = arguments
    return options.read(entry).set_aside(spill)


def _check_options(jobs: Any, region: Any, year: Any) -> None:
    check_jobs("jobs", jobs)
    check("region", region, (str, type(None)), "a government's name (str) or None")
    check_year("year", year, (MIN_YEAR, MAX_YEAR))


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not Linux
        return os.cpu_count() or 1


def read_corpus(
    entries: Sequence[DocumentEntry],
    *,
    jobs: int | None = None,
    client: Client | None = None,
    region: str | None = None,
    year: int | None = None,
    catalog_extra: Sequence[str] = (),
    progress: Callable[[CorpusDocument], None] | None = None,
    options: ReadOptions | None = None,
) -> Iterator[CorpusDocument]:
    """Read every document, in the order of ``entries`` whatever runs them: in this process
    (``jobs=1``), in ``jobs`` worker processes (default: one per core), or on the Dask cluster
    of ``client`` (a :class:`distributed.Client`). ``progress`` is called with each document
    as it is read (in the order they finish). The results are the same either way.
    ``options`` (:class:`ReadOptions`) in place of ``region``, ``year`` and ``catalog_extra``
    says the genre, encoding and place files too.
    """
    entries = check_items("entries", entries, DocumentEntry, "DocumentEntry (corpus_entries)")
    _check_options(jobs, region, year)
    extra = tuple(str(f) for f in check_paths("catalog_extra", catalog_extra))
    options = check("options", options, (ReadOptions, type(None)), "ReadOptions or None")
    options = options or ReadOptions(region, year, catalog_extra=extra)
    work = [(entry, options) for entry in entries]
    return _ordered_map(_read_one, work, jobs=jobs, client=client, progress=progress)


def _ordered_map(
    function: Callable[[Any], Any],
    work: Sequence[Any],
    *,
    jobs: int | None,
    client: Client | None,
    progress: Callable[[Any], None] | None = None,
) -> Generator[Any, None, None]:
    """``function`` over ``work``, the results in the order of ``work``: here, in a process
    pool, or on a Dask cluster."""
    if client is not None:
        return _on_dask(client, function, work, progress)
    jobs = check_jobs("jobs", jobs) or _cores()
    if jobs == 1 or len(work) < 2:
        return _here(function, work, progress)
    # never more processes than cores or than pieces of work: -j 100000 forked one
    # interpreter per document
    return _in_processes(function, work, min(jobs, _cores(), len(work)), progress)


def _here(
    function: Callable[[Any], Any], work: Sequence[Any], progress: Callable[[Any], None] | None
) -> Generator[Any, None, None]:
    for item in work:
        result = function(item)
        if progress is not None:
            progress(result)
        yield result


def _in_processes(
    function: Callable[[Any], Any],
    work: Sequence[Any],
    jobs: int,
    progress: Callable[[Any], None] | None,
) -> Generator[Any, None, None]:
    """``function`` over ``work`` in a pool of ``jobs`` processes. If anything ends the
    iteration early — an error, Ctrl-C, a signal, the generator closed — the work not done is
    dropped and the workers are stopped at once (:func:`_stop`), not waited for."""
    pool = ProcessPoolExecutor(max_workers=jobs, initializer=_worker_started)
    try:
        chunk = max(1, min(16, len(work) // (jobs * 8)))
        for result in pool.map(function, work, chunksize=chunk):
            if progress is not None:
                progress(result)
            yield result
    except BrokenProcessPool:
        _stop(pool)
        raise OSError(
            errno.ECHILD, "a worker process ended abruptly (killed, or out of memory)"
        ) from None
    except BaseException:
        _stop(pool)
        raise
    pool.shutdown()


def _stop(pool: ProcessPoolExecutor) -> None:
    """End ``pool`` now: the work queued is dropped and the workers are terminated."""
    processes = list((pool._processes or {}).values())
    # the pool's own thread, taken before shutdown forgets it
    manager: Any = getattr(pool, "_executor_manager_thread", None)
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AttributeError):
            process.terminate()
    for process in processes:
        with contextlib.suppress(OSError, ValueError, AssertionError):
            process.join(5)
    # the pool's own thread ends once it sees its workers gone; waited for here, so that it is
    # not closing its wake-up pipe while the interpreter's exit writes to it (a traceback
    # "Bad file descriptor" in concurrent.futures at exit, Python 3.11)
    if manager is not None and manager is not threading.current_thread():
        with contextlib.suppress(RuntimeError):
            manager.join(5)


#: How often a worker process looks whether its parent is still there, in seconds.
_WATCH_PARENT = 0.5


def _worker_started() -> None:
    """A pool worker's first step. Ctrl-C is its parent's to handle (the parent stops the
    pool, so no worker prints a KeyboardInterrupt traceback); SIGTERM and SIGHUP end it at once
    (unless they were ignored, as under nohup); and it ends when its parent does, however the
    parent ended (SIGKILL too), instead of waiting for work for ever as an orphan."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for number in (signal.SIGTERM, signal.SIGHUP):
        if signal.getsignal(number) is not signal.SIG_IGN:
            signal.signal(number, signal.SIG_DFL)
    parent = os.getppid()
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(_WATCH_PARENT)
    os._exit(1)


def _on_dask(
    client: Client,
    function: Callable[[Any], Any],
    work: Sequence[Any],
    progress: Callable[[Any], None] | None,
) -> Generator[Any, None, None]:
    import distributed

    as_completed: Any = distributed.as_completed
    # the work is scattered to the workers first, not put into the task graph (a plan's
    # documents with their records are large)
    scatter: Any = client.scatter
    futures = client.map(function, scatter(list(work)), pure=False)
    position = {future.key: index for index, future in enumerate(futures)}
    done: dict[int, Any] = {}
    following = 0
    for future in as_completed(futures):
        result = future.result()
        if progress is not None:
            progress(result)
        done[position[future.key]] = result
        future.release()
        while following in done:
            yield done.pop(following)
            following += 1


# -- pairing ------------------------------------------------------------------------------------


@attrs.frozen
class Pair:
    """A plan and the later documents of the same government that review it, oldest first."""

    plan: CorpusDocument
    reviews: tuple[CorpusDocument, ...]

    @property
    def government(self) -> str:
        return self.plan.government or ""

    @property
    def year(self) -> int:
        return self.plan.year or 0


@attrs.frozen
class Unpaired:
    """A document no pair holds as it should, and why."""

    document: CorpusDocument
    reason: str
    #: a plan no later document reviews yet (the usual state of the latest report)
    awaiting_review: bool = False
    #: the name of the earlier document it is a copy of (same text, government and year),
    #: which is counted in its place
    copy_of: str | None = None

    def __str__(self) -> str:
        return f"{self.document.path}: {self.reason}"


def pair_documents(
    documents: Sequence[CorpusDocument],
) -> tuple[list[Pair], list[Unpaired]]:
    """The one pairing rule: each plan (role ``plan`` or ``report``) is paired with the later
    documents of the same government that review (role ``review`` or ``report``), up to the
    year after the last year its goals are about (a work report of 2025: the 2026 report; a
    plan with goals for 2030: the documents of 2026–2031). Listed as unpaired, with the
    reason: a document whose government or year is not known, a plan that no later document
    reviews, a review of no earlier plan, and a copy of an earlier document (the same text,
    government and year: it is counted once, as the first)."""
    documents = check_items("documents", documents, CorpusDocument, "CorpusDocument")
    pairs: list[Pair] = []
    unpaired: list[Unpaired] = []
    groups: dict[str, list[CorpusDocument]] = {}
    copies = _copies(documents)
    for document in documents:
        if document.name in copies:
            first = copies[document.name]
            unpaired.append(
                Unpaired(
                    document,
                    f"the same text as {first.path} ({first.government or 'government not told'}"
                    f", {first.year or 'year not told'}): counted once, as {first.name}",
                    copy_of=first.name,
                )
            )
            continue
        if document.government is None or document.year is None:
            what = "government" if document.government is None else "year"
            unpaired.append(Unpaired(document, f"its {what} could not be told; not paired"))
            continue
        groups.setdefault(document.government, []).append(document)
    reviewed: set[str] = set()
    for document in documents:
        if document.government is None or document.year is None or document.name in copies:
            continue
        if document.role not in _PLANS:
            continue
        # the last year its goals are about: a later document's review of a later year
        # cannot report on them
        last = max(document.horizon or document.year, document.year)
        later = tuple(
            sorted(
                (
                    d
                    for d in groups[document.government]
                    if d.role in _REVIEWS
                    and d is not document
                    and d.reviewed is not None
                    and document.year <= d.reviewed <= last
                ),
                key=lambda d: (d.year or 0, d.name),
            )
        )
        if later:
            pairs.append(Pair(document, later))
            reviewed.update(d.name for d in later)
        else:
            unpaired.append(
                Unpaired(
                    document,
                    f"plan for {document.year} of {document.government}: no later document of "
                    f"{document.government} reviews it (its goals judged on its own text only)",
                    awaiting_review=True,
                )
            )
    for document in documents:
        if (
            document.role == "review"
            and document.government is not None
            and document.name not in reviewed
            and document.name not in copies
        ):
            unpaired.append(
                Unpaired(
                    document,
                    f"review of {document.government}: no earlier plan of "
                    f"{document.government} in the corpus",
                )
            )
    order = {d.name: i for i, d in enumerate(documents)}
    unpaired.sort(key=lambda u: order[u.document.name])
    return pairs, unpaired


def _copies(documents: Iterable[CorpusDocument]) -> dict[str, CorpusDocument]:
    """The documents that repeat an earlier one — the same text (SHA-256), government and year —
    by name, each with the first: a report saved twice in a folder would count every goal
    twice and pair twice with its review."""
    first: dict[tuple[str, str | None, int | None], CorpusDocument] = {}
    copies: dict[str, CorpusDocument] = {}
    for document in documents:
        if not document.sha256:
            continue
        key = (document.sha256, document.government, document.year)
        if key in first:
            copies[document.name] = first[key]
        else:
            first[key] = document
    return copies


# -- the audit ----------------------------------------------------------------------------------


def audit_pair(
    plan: CorpusDocument | None,
    reviews: Sequence[CorpusDocument],
    as_of: dt.date,
    catalog: Catalog,
    *,
    goals: Sequence[Goal] | None = None,
) -> Audit:
    """The goals of ``plan`` judged against the outcomes of the plan and of its reviews."""
    documents = ([] if plan is None else [plan]) + list(reviews)
    outcomes = [o for d in documents for o in d.outcomes]
    if goals is None:
        goals = [] if plan is None else list(plan.goals)
    return audit(goals, outcomes, as_of, catalog=catalog, documents=[d.source for d in documents])


@attrs.frozen
class CorpusAudit:
    """The audit of a corpus: one :class:`~targettrack.Audit` over every document's goals, and
    the documents, pairs and unpaired documents it came from."""

    audit: Audit
    documents: tuple[CorpusDocument, ...] = attrs.field(converter=_tuple, repr=False)
    pairs: tuple[Pair, ...] = attrs.field(converter=_tuple, repr=False)
    unpaired: tuple[Unpaired, ...] = attrs.field(converter=_tuple)

    _by_name: dict[str, CorpusDocument] = attrs.field(init=False, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        object.__setattr__(self, "_by_name", {d.name: d for d in self.documents})

    def document(self, name: str) -> CorpusDocument:
        """The document named ``name`` (as sources cite it)."""
        return self._by_name[name]

    def summary(self) -> str:
        """The audit's summary line, with the documents and pairs it came from."""
        return _summary(
            self.audit.summary(), len(self.documents), len(self.pairs), len(self.unpaired)
        )


def _summary(audit: str, documents: int, pairs: int, unpaired: int) -> str:
    more = f", {unpaired} unpaired" if unpaired else ""
    return f"{audit} — {documents} documents, {pairs} pairs{more}"


class CorpusStream:
    """A corpus judged plan by plan (:func:`stream_corpus`): the documents (without their
    records), the pairs, what could not be paired, and the verdicts of each plan as they are
    judged. Iterate once; :meth:`summary` is complete when the iteration is."""

    def __init__(
        self,
        documents: Sequence[CorpusDocument],
        pairs: Sequence[Pair],
        unpaired: Sequence[Unpaired],
        judged: Iterator[tuple[CorpusDocument, Sequence[Verdict]]],
        as_of: dt.date,
    ) -> None:
        self.documents = tuple(documents)
        self.pairs = tuple(pairs)
        self.unpaired = tuple(unpaired)
        self.as_of = as_of
        self.counts = dict.fromkeys(Status, 0)
        self._judged = judged

    def __iter__(self) -> Iterator[tuple[CorpusDocument, Sequence[Verdict]]]:
        for plan, verdicts in self._judged:
            for verdict in verdicts:
                self.counts[verdict.status] += 1
            yield plan, verdicts

    def summary(self) -> str:
        """The summary line of :meth:`CorpusAudit.summary`, for the verdicts iterated so far."""
        counts = self.counts
        audit = (
            f"{sum(counts.values())} goals as of {self.as_of.isoformat()}: "
            f"{counts[Status.MET]} met, {counts[Status.MISSED]} missed, "
            f"{counts[Status.UNREPORTED]} unreported"
        )
        return _summary(audit, len(self.documents), len(self.pairs), len(self.unpaired))


def _judge_aside(
    arguments: tuple[CorpusDocument, tuple[CorpusDocument, ...], dt.date, tuple[str, ...]],
) -> Any:
    plan, reviews, as_of, extra = arguments
    loaded = tuple(review.loaded() for review in reviews)
    return audit_pair(plan.loaded(), loaded, as_of, _catalog(extra)).verdicts


def _judge_one(
    arguments: tuple[CorpusDocument, tuple[CorpusDocument, ...], dt.date, tuple[str, ...]],
) -> Any:
    plan, reviews, as_of, extra = arguments
    return audit_pair(plan, reviews, as_of, _catalog(extra)).verdicts


def audit_documents(
    documents: Iterable[CorpusDocument],
    as_of: dt.date | None = None,
    *,
    catalog: Catalog | None = None,
    jobs: int | None = 1,
    client: Client | None = None,
    catalog_extra: Sequence[str] = (),
    progress: Callable[[Sequence[Verdict]], None] | None = None,
    decisions: Reviewer | None = None,
) -> CorpusAudit:
    """Pair the documents (:func:`pair_documents`) and judge every goal once: a plan's goals
    against the outcomes of the plan and its reviews; the goals of a document in no pair
    against its own outcomes. The verdicts follow the documents' order.

    The plans are judged here (``jobs=1``, the default, with ``catalog``), in ``jobs``
    processes or on the Dask cluster of ``client`` (with the shipped catalog and the files of
    ``catalog_extra``, which each worker reads); the result is the same. ``progress`` is
    called with the verdicts of each plan as it is judged. ``decisions``: a person's decisions
    (``targettrack.load_decisions``), applied to the combined audit.
    """
    documents = tuple(check_items("documents", documents, CorpusDocument, "CorpusDocument"))
    as_of = check_date("as_of", as_of) or dt.date.today()
    check("catalog", catalog, (Catalog, type(None)), "a Catalog or None")
    check_jobs("jobs", jobs)
    pairs, unpaired = pair_documents(documents)
    reviews = {p.plan.name: p.reviews for p in pairs}
    copies = _copies(documents)
    counted = [d for d in documents if d.name not in copies]
    plans = [d for d in counted if d.goals]
    verdicts: list[Verdict] = []
    if client is None and (jobs or _cores()) == 1:
        catalog = catalog or _catalog(tuple(catalog_extra))
        for plan in plans:
            judged = audit_pair(plan, reviews.get(plan.name, ()), as_of, catalog).verdicts
            if progress is not None:
                progress(judged)
            verdicts.extend(judged)
    else:
        extra = tuple(str(f) for f in catalog_extra)
        work = [(plan, reviews.get(plan.name, ()), as_of, extra) for plan in plans]
        mapped = _ordered_map(_judge_one, work, jobs=jobs, client=client, progress=progress)
        with contextlib.closing(mapped):  # a pool stopped at once if anything ends it early
            for judged in mapped:
                verdicts.extend(judged)
    outcomes = [o for d in counted for o in d.outcomes]
    combined = Audit(
        as_of=as_of,
        verdicts=verdicts,
        outcomes=sorted(outcomes, key=lambda o: (o.period, o.id)),
        documents=[d.source for d in counted],
        unplaced=[u for d in counted for u in d.unplaced],
    )
    if decisions is not None:
        combined = decisions.apply(combined, catalog=catalog or _catalog(tuple(catalog_extra)))
    return CorpusAudit(combined, documents, pairs, unpaired)


def audit_corpus(
    paths: Iterable[str | Path] = (),
    *,
    manifest: str | Path | None = None,
    as_of: dt.date | None = None,
    jobs: int | None = None,
    client: Client | None = None,
    region: str | None = None,
    year: int | None = None,
    catalog_files: Sequence[str | Path] = (),
    progress: Callable[[CorpusDocument], None] | None = None,
    decisions: Reviewer | None = None,
) -> CorpusAudit:
    """Audit a corpus in one call: the documents of ``paths`` (files, folders) and of
    ``manifest`` read in ``jobs`` processes (default: one per core) or on the Dask cluster of
    ``client``, paired and judged as of ``as_of`` (default: today).

    ``catalog_files``: catalog files of your own, read after the shipped ones; ``decisions``:
    a person's decisions (``targettrack.load_decisions``), applied to the audit.
    """
    as_of = check_date("as_of", as_of)
    _check_options(jobs, region, year)
    extra = tuple(str(f) for f in check_paths("catalog_files", catalog_files))
    documents = read_corpus(
        corpus_entries(paths, manifest),
        jobs=jobs,
        client=client,
        region=region,
        year=year,
        catalog_extra=extra,
        progress=progress,
    )
    return audit_documents(
        documents, as_of, jobs=jobs, client=client, catalog_extra=extra, decisions=decisions
    )


@contextlib.contextmanager
def stream_corpus(
    entries: Sequence[DocumentEntry],
    as_of: dt.date | None = None,
    *,
    jobs: int | None = None,
    region: str | None = None,
    year: int | None = None,
    catalog_extra: Sequence[str] = (),
    read_progress: Callable[[CorpusDocument], None] | None = None,
    judge_progress: Callable[[Sequence[Verdict]], None] | None = None,
    options: ReadOptions | None = None,
) -> Iterator[CorpusStream]:
    """The corpus judged plan by plan, in memory that does not grow with it: each document's
    records are set aside in a temporary folder as soon as it is read, and each plan is judged
    with its reviews read back, in ``jobs`` processes; the verdicts come in the order of
    :func:`audit_documents` (the same verdicts), to be written as they come (CSV, JSON lines).
    The folder is removed when the ``with`` block ends."""
    entries = check_items("entries", entries, DocumentEntry, "DocumentEntry (corpus_entries)")
    as_of = check_date("as_of", as_of) or dt.date.today()
    _check_options(jobs, region, year)
    options = check("options", options, (ReadOptions, type(None)), "ReadOptions or None")
    extra = tuple(str(f) for f in check_paths("catalog_extra", catalog_extra))
    options = options or ReadOptions(region, year, catalog_extra=extra)
    extra = options.catalog_extra
    with tempfile.TemporaryDirectory(prefix="targettrack-") as folder:
        work = [
            (entry, options, os.path.join(folder, f"{index}.pickle"))
            for index, entry in enumerate(entries)
        ]
        documents = list(
            _ordered_map(_read_aside, work, jobs=jobs, client=None, progress=read_progress)
        )
        pairs, unpaired = pair_documents(documents)
        reviews = {p.plan.name: p.reviews for p in pairs}
        copies = _copies(documents)
        plans = [
            d for d in documents if d.placed and d.horizon is not None and d.name not in copies
        ]
        tasks = [(plan, reviews.get(plan.name, ()), as_of, extra) for plan in plans]
        judged = _ordered_map(_judge_aside, tasks, jobs=jobs, client=None, progress=judge_progress)
        # closed before the folder is removed, whatever ends the block: its workers stop at
        # once instead of reading records from a folder that is going
        with contextlib.closing(judged):
            yield CorpusStream(documents, pairs, unpaired, zip(plans, judged, strict=True), as_of)
