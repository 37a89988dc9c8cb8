"""The ``targettrack`` command: argument parsing and printing, nothing else.

    targettrack audit [FILE…] [--as-of DATE] [--format text|html|md|json|csv] [-o PATH]

The work is done by the library (:func:`targettrack.audit`, :mod:`targettrack.report`); this
module reads the arguments, loads the inputs, prints or writes the report, and turns an error
of the input into one line ``TypeName: file:line: message`` on stderr with exit status 1.

Adding a subcommand: write ``_add_NAME(subparsers)``, which adds its parser and sets
``run=`` to a function taking the parsed arguments and returning the exit status, and list it
in :data:`COMMANDS`.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import errno
import io
import os
import shutil
import signal
import stat
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn, TextIO

from ._errors import DataError, TargetTrackError
from ._text import file_name
from .dataset import Dataset, Document, load_document
from .extract.identity import GENRES
from .match import Audit, SourceDocument, audit
from .model import Goal, Outcome, Unplaced

if TYPE_CHECKING:
    from .decisions import Decisions
    from .extract import DocumentText

__all__ = [
    "COMMANDS",
    "RAW_SUFFIXES",
    "SCHEDULER_TIMEOUT",
    "UsageError",
    "build_parser",
    "check_output",
    "error_line",
    "main",
    "write_atomic",
]

#: File suffixes ``-o`` infers the format from when ``--format`` is not given.
SUFFIX_FORMATS = {
    ".html": "html",
    ".htm": "html",
    ".md": "md",
    ".markdown": "md",
    ".json": "json",
    ".csv": "csv",
    ".jsonl": "jsonl",
    ".txt": "text",
}

_FORMATS = ("text", "html", "md", "json", "csv")
#: …and JSON lines, for a corpus
_AUDIT_FORMATS = (*_FORMATS, "jsonl")

#: Suffixes of raw documents, read through ``targettrack.read_document`` and the extractor
#: (``targettrack.extract.formats.READERS``; .doc and the like are refused there, with what
#: to do instead).
RAW_SUFFIXES = (".txt", ".pdf", ".docx", ".html", ".htm")

_AUDIT_EPILOG = """\
formats:
  text   a compact summary and one line per goal (the default)
  html   one self-contained page: summary, charts, a row per goal with the quoted evidence
  md     Markdown: a goal table and the evidence, for reviewing an audit in git
  json   the documented contract (docs/report.md), one verdict per goal
  csv    one row per goal, flat columns (for a corpus: government, year, indicator, target,
         achieved, status…, written as the goals are judged)
  jsonl  for a corpus: one JSON verdict per line with its government and year

a corpus (a folder of raw documents, or --manifest): each document's government, year and
role are told from its text (or the manifest); each plan is judged against the later
documents of the same government; what cannot be paired is named on stderr. The HTML page
compares governments: summaries per indicator and year, a heat map, a table of every goal.

examples:
  targettrack audit                               the seed dataset, as of today
  targettrack audit -o audit.html                 the same as a page to open in a browser
  targettrack audit seeds/001_e9ac55c77d2d7d2f.yaml --as-of 2025-12-31 --format json
  targettrack audit corpus/ -o corpus.html         every government and year, compared
  targettrack audit corpus/ -f csv -j 4 > goals.csv  the same as a table, in 4 processes
"""


class UsageError(ValueError, TargetTrackError):
    """Arguments the command does not take: an unknown option or format, a missing value."""


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line (``UsageError: …``) and exit status 1,
    like every other error of the command."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{self.prog}: {message} (see {self.prog} --help)")


class _Formatter(argparse.RawDescriptionHelpFormatter):
    def __init__(self, prog: str) -> None:
        width = min(100, shutil.get_terminal_size().columns - 2)
        super().__init__(prog, max_help_position=28, width=width)


# -- inputs -------------------------------------------------------------------------------------


class _Inputs:
    """What the FILE arguments hold: goals, outcomes, the documents and their texts, and the
    statements of raw documents that could not be placed (kept to be listed, not judged)."""

    def __init__(self) -> None:
        self.goals: list[Goal] = []
        self.outcomes: list[Outcome] = []
        self.unplaced: list[Unplaced] = []
        self.documents: list[SourceDocument] = []
        self.texts: dict[str, str] = {}
        #: every file read, and for each document name the file its text came from and the
        #: file that named it (a record file, or the text itself)
        self.paths: list[Path] = []
        self.named: dict[str, tuple[Path, Path]] = {}
        #: the file each raw text (by its SHA-256) was first read from
        self.hashes: dict[str, str] = {}

    def claim(self, name: str, text_path: Path, given: Path) -> None:
        """Take the document ``name`` (its text at ``text_path``) from the FILE ``given``;
        a document given twice, or two documents of one name, would count goals twice or
        merge two texts, and are refused."""
        resolved = text_path.resolve()
        self.paths.append(resolved)
        if name not in self.named:
            self.named[name] = (resolved, given)
            return
        first_text, first_given = self.named[name]
        if first_text != resolved:
            reason = f"another document is named {name!r} too ({first_given}); rename one"
        elif first_given == given:
            reason = "given twice"
        elif first_given.suffix.lower() == ".txt" or given.suffix.lower() == ".txt":
            reason = (
                f"{name!r} is both read raw and the source text of a record file "
                f"({first_given}); every goal would count twice"
            )
        else:
            reason = f"the records of {name!r} are given twice (first in {first_given})"
        raise DataError(str(given), None, reason)

    def claim_document(self, document: Document) -> None:
        given = Path(document.path) if document.path else Path(document.name)
        self.paths.append(given.resolve())
        self.claim(document.name, given.parent / document.name, given)

    def add_dataset(
        self, dataset: Dataset, options: _Options | None = None, *, claimed: bool = False
    ) -> None:
        if not claimed:
            for document in dataset:
                self.claim_document(document)
        self.goals.extend(dataset.goals)
        self.outcomes.extend(dataset.outcomes)
        for d in dataset:
            issued = d.issued if options is None else options.date_of(d.path or d.name, d.issued)
            self.documents.append(SourceDocument(d.name, d.title, issued))
        self.texts.update(dataset.texts())


def _yaml_files(path: Path) -> list[Path]:
    if path.is_dir():
        files = sorted([*path.glob("*.yaml"), *path.glob("*.yml")])
        if not files:
            raise DataError(
                str(path), None, "expected curated datasets (.yaml) or raw documents, found none"
            )
        return files
    return [path]


def _is_corpus(args: argparse.Namespace) -> bool:
    """Whether the FILE arguments are a corpus: a manifest, or a folder of raw documents."""
    from .corpus import accepts

    if getattr(args, "manifest", None) is not None:
        return True
    for name in args.files:
        path = Path(name)
        # a folder of curated datasets holds their texts too: YAML makes it a dataset
        curated = path.is_dir() and (any(path.glob("*.yaml")) or any(path.glob("*.yml")))
        if (
            path.is_dir()
            and not curated
            and any(p.is_file() and accepts(p) for p in path.rglob("*"))
        ):
            return True
    return False


def _add_ingested(read: Any, inputs: _Inputs) -> None:
    """A raw document read by :func:`targettrack.extract.ingest.ingest_documents` into the
    inputs; its notices are printed as warnings. A copy of a text read already (another file,
    the same SHA-256) is named and counted once."""
    first = inputs.hashes.setdefault(read.document.sha256, read.path)
    if first != read.path:
        _warning(f"{read.path}: the same text as {first}: counted once, as {Path(first).name}")
        return
    _warn(read.notices)
    inputs.goals.extend(read.goals)
    inputs.outcomes.extend(read.outcomes)
    inputs.unplaced.extend(read.unplaced)
    document = read.document
    inputs.documents.append(
        SourceDocument(
            read.name,
            read.title,
            read.issued,
            reader=document.reader,
            encoding=document.encoding,
            sha256=document.sha256,
            pages=document.pages,
            identity=read.identity.describe(),
            genre=read.identity.genre,
        )
    )
    inputs.texts[read.name] = read.text


def _warn(notices: Any) -> None:
    for notice in notices:
        _warning(str(notice))


def _shown(text: str) -> str:
    """``text`` for the terminal, on one line: its control characters (a line break, ESC, a
    carriage return, a right-to-left override) as the text report shows them (``\\n``,
    ``\\x1b``, ``\\u202e``), and a byte of a file name that is not UTF-8 as ``\\xba``: a file
    name can neither forge a line nor drive the terminal (docs/input.md)."""
    from .report.render import _safe

    return _safe(file_name(text))


def _warning(text: str) -> None:
    """``warning: TEXT`` on standard error, escaped (:func:`shown`)."""
    _say(f"warning: {_shown(text)}")


def _read(path: Path, options: _Options) -> DocumentText:
    """A raw document as read (``targettrack.read_document``); pages without text are named."""
    from .extract import read_document

    document = read_document(path, options.encoding)
    if document.empty_pages:
        many = len(document.empty_pages) > 1
        pages = ", ".join(str(number) for number in document.empty_pages)
        _warning(
            f"{path}: no text layer on page{'s' if many else ''} {pages}: "
            f"not read (OCR {'them' if many else 'it'} first)"
        )
    return document


class _Options:
    """What the command line says the documents do not: region, year, extra catalog files."""

    def __init__(self, args: argparse.Namespace | None = None) -> None:
        from .catalog import Catalog, catalog_files, default_catalog

        self.region: str | None = getattr(args, "region", None)
        self.year: int | None = getattr(args, "year", None)
        self.encoding: str | None = getattr(args, "encoding", None)
        extra = list(getattr(args, "catalog", None) or [])
        self.catalog_extra = tuple(str(f) for f in extra)
        self.catalog = (
            Catalog.from_files([*catalog_files(), *extra]) if extra else default_catalog()
        )
        self.issued: dict[str, dt.date] = dict(getattr(args, "issued", None) or [])
        self.genre: str | None = getattr(args, "genre", None)
        self.places_extra = tuple(getattr(args, "places", None) or ())
        self.places = None
        if self.places_extra:
            from .places import Places, places_files

            self.places = Places.from_files([*places_files(), *self.places_extra])

    def read_options(self) -> Any:
        """The options as :class:`targettrack.corpus.ReadOptions`, for a corpus's workers."""
        from .corpus import ReadOptions

        return ReadOptions(
            self.region,
            self.year,
            self.genre,
            self.encoding,
            catalog_extra=self.catalog_extra,
            places_extra=self.places_extra,
        )

    def date_of(self, path: str, own: dt.date | None) -> dt.date | None:
        """A document's issue date: its own (header, date line, record), else ``--issued``.

        An ``--issued`` date for a document that has its own is not used, and a warning says so.
        """
        given = self.issued.get(path, self.issued.get(Path(path).name))
        if own is not None:
            if given is not None and given != own:
                _warning(
                    f"{path}: --issued {given.isoformat()} not used: the document "
                    f"gives its own date, {own.isoformat()}"
                )
            return own
        return given


def _warn_undated(result: Audit) -> None:
    """Name every document drawn on whose issue date is not known."""
    for name in result.undated:
        _warning(
            f"{name}: no issue date known (no header or date line, no 'issued'); pass "
            f"--issued {name}=YYYY-MM-DD — verdicts citing it are provisional"
        )


def load_inputs(files: Sequence[str], options: _Options | None = None) -> _Inputs:
    """Load the FILE arguments; none means the seed dataset."""
    from .dataset import load_dataset
    from .extract.formats import READERS, UNREAD

    options = options or _Options()
    inputs = _Inputs()
    if not files:
        inputs.add_dataset(load_dataset(), options)
        return inputs
    documents: list[Document] = []
    for name in files:  # raw documents given twice or named alike: refused before any work
        if Path(name).suffix.lower() in READERS:
            inputs.claim(Path(name).name, Path(name), Path(name))
    raw: list[Path] = []
    for name in files:
        path = Path(name)
        if path.suffix.lower() in READERS or path.suffix.lower() in UNREAD:
            raw.append(path)
        elif path.is_dir() or path.suffix.lower() in (".yaml", ".yml"):
            if not path.exists():
                raise DataError(name, None, "no such file")
            for file in _yaml_files(path):
                document = load_document(file)
                inputs.claim_document(document)
                documents.append(document)
        elif not path.exists():
            raise DataError(name, None, "no such file")
        else:
            raise DataError(
                name,
                None,
                "expected a curated dataset (.yaml), a folder of them, or a raw document "
                f"({', '.join(RAW_SUFFIXES)}), got a {path.suffix or 'suffix-less'} file",
            )
    if raw:
        from .extract.ingest import ingest_documents

        # the documents named together are one government's plan and its reviews: a document
        # that does not tell its government takes the one the others tell
        for read in ingest_documents(
            raw,
            encoding=options.encoding,
            region=options.region,
            year=options.year,
            genre=options.genre,
            issued=options.issued,
            catalog=options.catalog,
            places=options.places,
        ):
            _add_ingested(read, inputs)
    inputs.add_dataset(Dataset(documents), options, claimed=True)
    return inputs


def _check_issued(options: _Options, inputs: _Inputs, files: Sequence[str]) -> None:
    """Every ``--issued`` must name a document of the inputs."""
    known = {d.name for d in inputs.documents} | set(files)
    for name in options.issued:
        if name not in known:
            raise DataError(
                name,
                None,
                "--issued names no document of the audit (expected one of "
                f"{', '.join(sorted({d.name for d in inputs.documents}))})",
            )


def parse_date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"--as-of: expected a date YYYY-MM-DD, got {text!r}") from None


# -- outputs ------------------------------------------------------------------------------------


def _emit(output: str | None, text: str, summary: str, inputs: Sequence[Path] = ()) -> None:
    """Print ``text``, or write it to ``output`` and print the summary and the path."""
    if output is None:
        _print(text)
    else:
        write_atomic(output, text, inputs=inputs)
        _print(_shown(f"{summary} — {output}") + "\n")


def _refuse(path: Path, reason: str) -> OSError:
    return OSError(errno.EINVAL, reason, str(path))


def check_output(path: str | Path, inputs: Sequence[Path] = ()) -> None:
    """Refuse an ``-o`` path that is not a regular file, is read-only, or is one of the
    ``inputs``: the report replaces a regular file whole, or creates it (docs/input.md)."""
    target = Path(path)
    try:
        status = os.lstat(target)
    except FileNotFoundError:
        if not target.parent.is_dir():  # found now, not once the work is done
            raise OSError(errno.ENOENT, os.strerror(errno.ENOENT), str(target)) from None
        return
    if stat.S_ISLNK(status.st_mode):
        raise _refuse(target, "a symbolic link; -o writes a regular file, give its own path")
    if stat.S_ISDIR(status.st_mode):
        raise _refuse(target, "a folder; -o writes a file")
    if not stat.S_ISREG(status.st_mode):
        raise _refuse(target, "not a regular file (a FIFO, socket or device); -o writes files")
    if not status.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH) or not os.access(
        target, os.W_OK
    ):
        raise OSError(errno.EACCES, "read-only; the report does not replace it", str(target))
    resolved = target.resolve()
    if any(resolved == Path(given).resolve() for given in inputs):
        raise _refuse(target, "an input of this command; the report would replace it")


class _Ending:
    """What a signal finds the command doing (:func:`_on_signal`)."""

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        #: the signal handlers are the command's (:func:`_signals`)
        self.handling = False
        #: ending on a signal already: cleaning up is not interrupted by another
        self.ending = False
        #: renaming a finished report over its -o path, and the signal that came meanwhile
        self.committing = False
        self.pending: int | None = None
        #: the report is written whole
        self.committed = False


_ENDING = _Ending()
#: The signals that end the command cleanly: Ctrl-C, ``kill``, the terminal closed.
_SIGNALS = (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)


def _on_signal(signum: int, frame: Any) -> None:
    """End the command on SIGINT, SIGTERM or SIGHUP, by an exception: every ``with`` block
    on the way out runs, so the worker processes are stopped, the temporary files and folders
    removed and no -o file replaced (status 130 for Ctrl-C, 128 + the signal otherwise). While
    a finished report is being renamed over its -o path the signal waits for the rename; once
    the report is written the signal ends the command with status 0, its work done. A signal
    coming while the command ends on one is ignored: the cleaning up is short and bounded."""
    if _ENDING.committed:
        raise SystemExit(0)
    if _ENDING.committing:
        _ENDING.pending = signum
        return
    if _ENDING.ending:  # a second Ctrl-C while the workers stop and the files go
        return
    _ENDING.ending = True
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise SystemExit(128 + signum)


@contextlib.contextmanager
def _signals() -> Iterator[None]:
    """The command's signal handlers (:func:`_on_signal`) for the block, where they can be set
    (the main thread) and are not set already; a signal ignored when the command started
    (``nohup``, a background job) stays ignored."""
    if _ENDING.handling or threading.current_thread() is not threading.main_thread():
        yield
        return
    # None: a handler set outside Python, which could not be put back
    previous = {
        number: handler
        for number in _SIGNALS
        if (handler := signal.getsignal(number)) not in (signal.SIG_IGN, None)
    }
    _ENDING.reset()
    _ENDING.handling = True
    try:
        for number in previous:
            signal.signal(number, _on_signal)
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        _ENDING.reset()


def _replace(temporary: str, target: Path) -> None:
    """Rename the finished report over ``target``; a signal coming meanwhile waits for the
    rename to end (:func:`_on_signal`)."""
    _ENDING.committing = True
    try:
        os.replace(temporary, target)
        _ENDING.committed = _ENDING.handling
    finally:
        _ENDING.committing = False
        pending, _ENDING.pending = _ENDING.pending, None
        if pending is not None:
            _on_signal(pending, None)


def write_atomic(path: str | Path, text: str, *, inputs: Sequence[Path] = ()) -> None:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file and a rename.

    Either the whole report is there afterwards or the file is as it was; the temporary file
    is removed on an error, Ctrl-C, SIGTERM or SIGHUP. ``path`` must be a regular file or not
    exist, must be writable and must not be one of ``inputs`` (:func:`check_output`).
    """
    with _atomic(path, inputs=inputs) as stream:
        stream.write(text)


@contextlib.contextmanager
def _atomic(path: str | Path, *, inputs: Sequence[Path] = ()) -> Iterator[TextIO]:
    """A stream to write ``path`` through (:func:`write_atomic`): a temporary file renamed to
    ``path`` when the block ends, removed if anything fails, so that a report written as it
    is made (CSV, JSON lines) is there whole or not at all."""
    target = Path(path)
    check_output(target, inputs)
    directory = target.parent
    with _signals():
        try:
            handle, temporary = tempfile.mkstemp(
                prefix=f".{target.name}.", suffix=".tmp", dir=directory
            )
        except OSError as error:  # the report is written next to its path, then renamed
            raise OSError(
                error.errno,
                f"{error.strerror} (a temporary file for the report cannot be made in {directory})",
                str(target),
            ) from None
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
                yield stream
            _take_mode(temporary, target)
            _replace(temporary, target)
        except BaseException as error:
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            if isinstance(error, OSError):
                raise OSError(error.errno, error.strerror, str(target)) from None
            raise


def _take_mode(temporary: str, target: Path) -> None:
    """Give the temporary file the permissions of the file it replaces (its mode, and its owner
    and group where they can be kept), or those of a new file (``0o666`` less the umask): a
    report replacing a private file stays private."""
    try:
        existing = os.stat(target)
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)
        return
    mode = stat.S_IMODE(existing.st_mode)
    for owner in (existing.st_uid, -1):  # the owner only a superuser can give away
        try:
            os.chown(temporary, owner, existing.st_gid)
            break
        except OSError:
            continue
    if os.stat(temporary).st_gid != existing.st_gid:
        mode &= ~0o070  # not kept: the group's rights would go to another group
    os.chmod(temporary, mode)


def _stdout() -> TextIO:
    """Standard output, or the one-line error of a command started with it closed (``>&-``)."""
    stream = sys.stdout
    if stream is None:
        raise OSError(errno.EBADF, "standard output is closed", "<stdout>")
    return stream


def _print(text: str) -> None:
    stream = _stdout()
    stream.flush()
    buffer = getattr(stream, "buffer", None)
    if buffer is None:
        stream.write(text)
    else:
        buffer.write(text.encode("utf-8"))
        buffer.flush()


def error_line(error: BaseException) -> str:
    """One line for an error: ``TypeName: file:line: message``."""
    name = type(error).__name__
    where = None
    if isinstance(error, DataError):
        where = error.path if error.line is None else f"{error.path}:{error.line}"
        message = error.message
    elif isinstance(error, OSError) and error.filename is not None:
        where, message = str(error.filename), error.strerror or str(error)
    else:
        message = str(error)
    # the file as it is named (a line break in its name escaped, not collapsed), the message
    # on one line; nothing of either drives the terminal
    message = _shown(" ".join(message.split()))
    return f"{name}: {message}" if where is None else f"{name}: {_shown(where)}: {message}"


# -- decisions ------------------------------------------------------------------------------------


def _load_decisions(args: argparse.Namespace) -> Decisions | None:
    """The decisions file of ``--decisions`` (docs/review.md), read before any work; None."""
    path = getattr(args, "decisions", None)
    if path is None:
        return None
    from .decisions import load_decisions

    return load_decisions(path)


def _warn_unapplied(result: Audit) -> None:
    """Name every decision that could not be applied: file:line, what it named, why, and the
    nearest candidate."""
    for item in result.unapplied:
        _warning(str(item))


def _add_decisions_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--decisions",
        metavar="FILE",
        help="a decisions file (YAML, docs/review.md): a person's decisions on verdicts, each "
        "applied from the date it was taken; what cannot be applied is named on stderr",
    )


# -- the audit command --------------------------------------------------------------------------


def _format(args: argparse.Namespace) -> str:
    if args.format is not None:
        return str(args.format)
    if args.output is not None:
        return SUFFIX_FORMATS.get(Path(args.output).suffix.lower(), "text")
    return "text"


def _given(args: argparse.Namespace) -> list[Path]:
    """The files named on the command line: FILE arguments, --catalog files, the --manifest
    and the --decisions file."""
    manifest = getattr(args, "manifest", None)
    decisions = getattr(args, "decisions", None)
    named = [
        *args.files,
        *(getattr(args, "catalog", None) or []),
        *([manifest] if manifest else []),
        *([decisions] if decisions else []),
    ]
    return [Path(name) for name in named]


def _screen(args: argparse.Namespace) -> bool:
    """Whether the text report goes to a terminal as a summary that fits it (not ``--long``)."""
    if args.output is not None or args.long or sys.stdout is None:  # None: stdout closed
        return False
    return sys.stdout.isatty()


def _run_audit(args: argparse.Namespace) -> int:
    from . import report

    if args.jobs is not None and args.jobs < 1:
        raise ValueError(f"--jobs: expected a number of processes >= 1, got {args.jobs}")
    if _is_corpus(args):
        return _run_corpus_audit(args)
    if _format(args) == "jsonl":
        raise ValueError(
            "--format jsonl: JSON lines are written for a corpus (a folder of raw documents "
            "or --manifest); use --format json"
        )
    for name in args.files:  # a folder with nothing to read: say so, whatever the options
        folder = Path(name)
        if folder.is_dir() and not any(folder.glob("*.yaml")) and not any(folder.glob("*.yml")):
            raise DataError(
                name, None, "expected curated datasets (.yaml) or raw documents, found none"
            )
    for option, given in (("--scheduler", args.scheduler), ("--jobs", args.jobs)):
        if given is not None:  # it would change nothing: say so rather than ignore it
            raise ValueError(
                f"{option}: documents are read on several cores or a cluster only for a corpus "
                "(a folder of raw documents or --manifest); the files given are read one by one"
            )
    as_of = dt.date.today() if args.as_of is None else parse_date(args.as_of)
    if args.output is not None:  # before any work; checked again when it is written
        check_output(args.output, _given(args))
    decisions = _load_decisions(args)
    options = _Options(args)
    inputs = load_inputs(args.files, options)
    _check_issued(options, inputs, args.files)
    result: Audit = audit(
        inputs.goals,
        inputs.outcomes,
        as_of,
        catalog=options.catalog,
        documents=inputs.documents,
        unplaced=inputs.unplaced,
        decisions=decisions,
    )
    _warn_undated(result)
    _warn_unapplied(result)
    if _format(args) == "text" and _screen(args):
        from .report import terminal

        size = shutil.get_terminal_size()
        text = terminal.to_screen(
            result, width=size.columns, height=size.lines, catalog=options.catalog
        )
    else:
        text = report.render(result, _format(args), inputs.texts, bom=args.output is not None)
    count = len(result.unplaced)
    unplaced = f", {count} statement{'' if count == 1 else 's'} not placed" if count else ""
    _emit(args.output, text, f"{result.summary()}{unplaced}", [*inputs.paths, *_given(args)])
    return 0


def _run_corpus_audit(args: argparse.Namespace) -> int:
    """A corpus: read every document (in processes or on a Dask cluster), pair, judge, report."""
    from .corpus import accepts, audit_documents, corpus_entries, read_corpus

    as_of = dt.date.today() if args.as_of is None else parse_date(args.as_of)
    options = _Options(args)
    format = _format(args)
    if args.output is not None:  # before any work; checked again when it is written
        check_output(args.output, _given(args))
        output = Path(args.output).resolve()
        for name in args.files:
            if (
                accepts(output)
                and Path(name).is_dir()
                and output.is_relative_to(Path(name).resolve())
            ):
                _warning(
                    f"{args.output}: written inside the corpus folder {name}, it will be read "
                    "as one of its documents by the next audit of the folder"
                )
    decisions = _load_decisions(args)
    if decisions is not None and format not in ("text", "md", "json"):
        raise ValueError(
            f"--decisions with a corpus: the report is text, md or json (the corpus {format} "
            "does not show a person's decisions yet)"
        )
    entries = corpus_entries(args.files, args.manifest)
    if format in ("csv", "jsonl") and args.scheduler is None:
        return _stream_corpus(args, format, entries, as_of, options)
    client = _dask_client(args.scheduler) if args.scheduler is not None else None
    try:
        with _progress(len(entries), "reading", "doc", _goals_found) as progress:
            documents = list(
                read_corpus(
                    entries,
                    jobs=args.jobs,
                    client=client,
                    progress=progress,
                    options=options.read_options(),
                )
            )
    except BaseException:
        if client is not None:
            client.close()
        raise
    plans = sum(1 for d in documents if d.goals)
    try:
        with _progress(plans, "judging", "plan", _goals_judged) as progress:
            result = audit_documents(
                documents,
                as_of,
                catalog=options.catalog,
                jobs=args.jobs,
                client=client,
                catalog_extra=tuple(args.catalog or ()),
                progress=progress,
                decisions=decisions,
            )
    finally:
        if client is not None:
            client.close()
    _warn_corpus(documents, result.unpaired)
    _warn_unapplied(result.audit)
    _emit_corpus(args, format, result, options)
    return 0


def _stream_corpus(
    args: argparse.Namespace, format: str, entries: Any, as_of: dt.date, options: _Options
) -> int:
    """CSV and JSON lines: each plan's rows written as it is judged, the records of the
    documents set aside meanwhile, so that memory does not grow with the corpus."""
    from .corpus import stream_corpus
    from .report import compare

    writer = compare.write_corpus_csv if format == "csv" else compare.write_corpus_jsonl
    judging: list[Callable[[Any], None] | None] = [None]

    def judged(verdicts: Any) -> None:  # the bar is drawn once the number of plans is known
        if judging[0] is not None:
            judging[0](verdicts)

    with (
        _progress(len(entries), "reading", "doc", _goals_found) as read_progress,
        stream_corpus(
            entries,
            as_of,
            jobs=args.jobs,
            read_progress=read_progress,
            judge_progress=judged,
            options=options.read_options(),
        ) as result,
    ):
        _warn_corpus(result.documents, result.unpaired)
        plans = sum(1 for d in result.documents if d.horizon is not None)
        with _progress(plans, "judging", "plan", _goals_judged) as judge_progress:
            judging[0] = judge_progress
            _emit_stream(
                args.output,
                lambda stream: writer(result, stream, catalog=options.catalog),
                result.summary,
                [*(Path(d.path) for d in result.documents), *_given(args)],
            )
    return 0


def _warn_corpus(documents: Any, unpaired: Any) -> None:
    """What could not be told of a document, and what could not be paired, on stderr; and
    two different texts of one government, year and role (a draft and the final report?),
    whose goals are all judged."""
    for document in documents:
        for line in document.warnings():
            _warning(line)
    copies = {u.document.name for u in unpaired if u.copy_of is not None}
    alike: dict[tuple[str, int, str], list[str]] = {}
    for document in documents:
        if None not in (document.government, document.year) and document.name not in copies:
            key = (document.government, document.year, document.role)
            alike.setdefault(key, []).append(document.name)
    for (government, year, role), same in alike.items():
        if len(same) > 1:
            _warning(
                f"{', '.join(same)}: {len(same)} different texts of one {role} of {government}"
                f" for {year}; the goals of each are judged"
            )
    waiting = [u for u in unpaired if u.awaiting_review]
    if waiting:
        names = ", ".join(u.document.name for u in waiting)
        _warning(
            f"{len(waiting)} plan{'s' if len(waiting) != 1 else ''} with no later "
            f"document of the same government to review {'them' if len(waiting) != 1 else 'it'}"
            f" (goals judged on their own text only): {names}"
        )
    for item in unpaired:
        if not item.awaiting_review:
            _warning(str(item))


#: How long ``--scheduler`` waits for a scheduler to connect and to answer, in seconds.
SCHEDULER_TIMEOUT = 10.0
#: The largest first message taken for a Dask scheduler's handshake (a few hundred bytes).
_HANDSHAKE_BYTES = 1 << 20


def _dask_client(address: str) -> Any:
    """A client of the Dask scheduler at ``address`` (``tcp://HOST:PORT``, ``tls://`` with the
    certificates in Dask's configuration, or ``inproc://`` in this process), each step bounded
    by :data:`SCHEDULER_TIMEOUT`: what is no Dask scheduler is refused in one line."""
    try:
        import distributed
    except ImportError:
        raise ValueError(
            "--scheduler: Dask is not installed; pip install 'targettrack[dask]'"
        ) from None
    scheme, host, port = _scheduler_address(address)
    if scheme == "tcp":
        _check_scheduler(address, host, port)
    elif scheme == "tls":
        make_security: Any = distributed.Security
        security = make_security()
        if security.get_connection_args("client").get("ssl_context") is None:
            raise ValueError(
                f"--scheduler: {address!r}: tls:// needs the client's certificates in Dask's "
                "configuration (distributed.comm.tls.ca-file, .client.cert, .client.key)"
            )
    try:
        client: Any = distributed.Client
        return client(address, timeout=f"{SCHEDULER_TIMEOUT}s")
    except (OSError, ValueError, TypeError) as error:
        reason = " ".join(str(error).split()) or type(error).__name__
        if scheme == "inproc":
            reason = "inproc:// reaches only a scheduler started in this very process"
        raise ValueError(f"--scheduler: no Dask scheduler at {address!r} ({reason})") from None


def _scheduler_address(address: str) -> tuple[str, str, int]:
    """The scheme, host and port of a ``--scheduler`` address (``host:port`` is tcp://)."""
    import urllib.parse

    scheme, sep, rest = address.strip().partition("://")
    if not sep:
        scheme, rest = "tcp", address.strip()
    if scheme == "inproc" and rest:
        return scheme, "", 0
    expected = "expected tcp://HOST:PORT, such as tcp://127.0.0.1:8786"
    if scheme not in ("tcp", "tls"):
        raise ValueError(f"--scheduler: {expected}, got {address!r}")
    try:
        parts = urllib.parse.urlsplit(f"{scheme}://{rest}")
        host, port = parts.hostname, parts.port
    except ValueError:
        host = port = None
    if not host or port is None or parts.path or parts.query or parts.fragment:
        raise ValueError(f"--scheduler: {expected}, got {address!r}")
    return scheme, host, port


def _check_scheduler(address: str, host: str, port: int) -> None:
    """Refuse what does not answer at ``host:port`` as a Dask scheduler does: at once, with the
    length of its handshake. Dask would take the first bytes of anything else (an HTTP or SSH
    banner) as a length and allocate that much, and it waits for a silent server for ever."""
    import socket
    import struct
    import time

    deadline = time.monotonic() + SCHEDULER_TIMEOUT
    header = b""
    try:
        with socket.create_connection((host, port), timeout=SCHEDULER_TIMEOUT) as connection:
            while len(header) < 8:
                connection.settimeout(max(0.001, deadline - time.monotonic()))
                chunk = connection.recv(8 - len(header))
                if not chunk:
                    raise ValueError(
                        f"--scheduler: {address!r} closed the connection without the handshake "
                        "of a Dask scheduler"
                    )
                header += chunk
    except TimeoutError:
        raise ValueError(
            f"--scheduler: {address!r} did not answer within {SCHEDULER_TIMEOUT:g} s, as a Dask "
            "scheduler does at once"
        ) from None
    except OSError as error:
        reason = error.strerror or " ".join(str(error).split()) or type(error).__name__
        raise ValueError(f"--scheduler: no Dask scheduler at {address!r} ({reason})") from None
    (size,) = struct.unpack("Q", header)
    if not 0 < size <= _HANDSHAKE_BYTES:
        raise ValueError(
            f"--scheduler: {address!r} is no Dask scheduler (it answered {header!r}, not the "
            "length of a handshake)"
        )


def _goals_found(document: Any) -> tuple[str, int]:
    return "goals", int(document.goal_count)


def _goals_judged(verdicts: Any) -> tuple[str, int]:
    return "judged", len(verdicts)


@contextlib.contextmanager
def _progress(
    total: int, what: str, unit: str, count: Callable[[Any], tuple[str, int]]
) -> Iterator[Callable[[Any], None] | None]:
    """A progress bar on stderr when it is a terminal — items done, a running count (goals
    found, goals judged) and the time left; nothing otherwise."""
    if sys.stderr is None or not sys.stderr.isatty():
        yield None
        return
    from tqdm import tqdm

    counted = 0
    with tqdm(
        total=total, desc=what, unit=unit, file=sys.stderr, leave=False, dynamic_ncols=True
    ) as bar:

        def advance(item: Any) -> None:
            nonlocal counted
            name, number = count(item)
            counted += number
            bar.set_postfix({name: counted}, refresh=False)
            bar.update(1)

        yield advance


def _emit_corpus(args: argparse.Namespace, format: str, result: Any, options: _Options) -> None:
    from . import report
    from .report import compare, terminal

    audit_result = result.audit
    summary = result.summary()
    inputs = [*(Path(d.path) for d in result.documents), *_given(args)]
    if format in ("csv", "jsonl"):
        writer = compare.write_corpus_csv if format == "csv" else compare.write_corpus_jsonl
        _emit_stream(
            args.output,
            lambda stream: writer(result, stream, catalog=options.catalog),
            summary,
            inputs,
        )
        return
    if format == "html":
        text = compare.to_corpus_html(result, catalog=options.catalog)
    elif format == "text":
        unpaired = [_shown(f"not paired: {item}") for item in result.unpaired]
        if _screen(args):
            size = shutil.get_terminal_size()
            text = terminal.to_screen(
                audit_result,
                width=size.columns,
                height=size.lines,
                catalog=options.catalog,
                notes=[f"{len(result.pairs)} plan→review pairs, {len(result.unpaired)} not paired"],
            )
        else:
            text = report.to_text(audit_result, catalog=options.catalog)
            if unpaired:
                text += "\n" + "\n".join(unpaired) + "\n"
    else:
        text = report.render(audit_result, format, None, catalog=options.catalog)
    _emit(args.output, text, summary, inputs)


def _emit_stream(
    output: str | None,
    write: Callable[[TextIO], int],
    summary: str | Callable[[], str],
    inputs: Sequence[Path] = (),
) -> None:
    """Write a report row by row: to stdout, or to ``output`` through a temporary file and a
    rename (whole or not at all; never over one of ``inputs``)."""
    if output is None:
        stdout = _stdout()
        stdout.flush()
        buffer = getattr(stdout, "buffer", None)
        if buffer is None:
            write(stdout)
            return
        wrapper = io.TextIOWrapper(buffer, encoding="utf-8", newline="")
        try:
            write(wrapper)
            wrapper.flush()
        finally:
            wrapper.detach()
        return
    with _atomic(output, inputs=inputs) as stream:
        write(stream)
    _print(_shown(f"{summary() if callable(summary) else summary} — {output}") + "\n")


def _add_audit(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "audit",
        help="judge every goal against the reported outcomes and print or write the report",
        description=(
            "Judge every goal against the outcomes reported: met, missed or unreported, with "
            "the evidence quoted and the reason given. Without FILE, the seed dataset shipped "
            "with targettrack is audited."
        ),
        epilog=_AUDIT_EPILOG,
        formatter_class=_Formatter,
    )
    parser.add_argument(
        "files",
        nargs="*",
        metavar="FILE",
        help="curated dataset files (.yaml) or folders of them; raw documents (.txt, .pdf, "
        ".docx, .html) go through the extractor, and what the catalog cannot place is listed, "
        "not judged; a folder of raw documents is a corpus (plans paired with their reviews, "
        "read in --jobs processes). None: the seed dataset",
    )
    parser.add_argument(
        "--as-of",
        metavar="DATE",
        help="judge as of this date, YYYY-MM-DD (default: today): documents issued later are "
        "left out, goals due later are not yet due",
    )
    parser.add_argument(
        "--issued",
        action="append",
        type=_issued_pair,
        metavar="FILE=DATE",
        help="the date FILE was issued (YYYY-MM-DD), for a document whose text or record does "
        "not give one; may be given more than once",
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=_AUDIT_FORMATS,
        metavar="FORMAT",
        help="text, html, md, json or csv, and jsonl for a corpus (default: text, or what "
        "the -o file's suffix says: .html, .md, .json, .csv, .jsonl)",
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="PATH",
        help="write the report to PATH (whole or not at all) and print the summary line",
    )
    parser.add_argument(
        "--manifest",
        metavar="FILE",
        help="a corpus listed in a CSV or YAML file: path, government, year, role "
        "(plan, review or report) a line; empty fields are told from the text",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        metavar="N",
        help="read a corpus in N processes (default, and at most: one per core); the result is "
        "the same",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="read a corpus on the Dask cluster at ADDRESS (tcp://host:8786); needs "
        "targettrack[dask]",
    )
    parser.add_argument(
        "--long",
        action="store_true",
        help="on a terminal, list every goal (the default there is a summary that fits the "
        "screen; a pipe always gets every goal)",
    )
    _add_decisions_option(parser)
    _add_reading_options(parser)
    parser.set_defaults(run=_run_audit)


def _issued_pair(text: str) -> tuple[str, dt.date]:
    name, sep, date = text.rpartition("=")
    if not sep or not name:
        raise argparse.ArgumentTypeError(f"expected FILE=YYYY-MM-DD, got {text!r}")
    try:
        return name, dt.date.fromisoformat(date)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"expected FILE=YYYY-MM-DD, got {text!r} ({date!r} is not a date)"
        ) from None


def _year_number(text: str) -> int:
    if not text.isdigit() or not 1900 <= int(text) <= 2200:
        raise argparse.ArgumentTypeError(f"expected a year such as 2025, got {text!r}")
    return int(text)


def _add_reading_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--region",
        metavar="NAME",
        help="the region raw documents are about, when their text does not say (江苏, 全国)",
    )
    parser.add_argument(
        "--year",
        type=_year_number,
        metavar="YEAR",
        help="the year raw documents were written in, when their text does not say",
    )
    parser.add_argument(
        "--genre",
        choices=GENRES,
        help="the genre of raw documents, in place of what their text says (docs/identity.md)",
    )
    parser.add_argument(
        "--places",
        action="append",
        metavar="FILE",
        help="a file of governments of your own (the shape of data/places.yaml), read after "
        "the shipped one; may be given more than once (docs/identity.md)",
    )
    _add_encoding_option(parser)
    _add_catalog_option(parser)


def _add_encoding_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--encoding",
        metavar="NAME",
        help="the encoding of text files and web pages (gb18030, big5, utf-16…), when the "
        "detected one is wrong; PDF and Word files say their own",
    )


def _add_catalog_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--catalog",
        action="append",
        metavar="FILE",
        help="a catalog file of your own (YAML, docs/catalog.md), read after the shipped ones; "
        "may be given more than once",
    )


# -- the extract and evaluate commands ------------------------------------------------------------


def _run_extract(args: argparse.Namespace) -> int:
    import json

    from .extract.identity import identity_to_dict
    from .extract.ingest import ingest

    if args.output is not None:
        check_output(args.output, _given(args))
    options = _Options(args)
    documents: list[dict[str, Any]] = []
    count = 0
    # each document's statements are set aside as they are read, so that memory holds one
    # document's at a time; the output is the mapping statements_to_json makes, byte for byte
    with tempfile.TemporaryFile("w+", encoding="utf-8") as spool:
        for name in args.files:
            read = ingest(
                Path(name),
                encoding=options.encoding,
                region=options.region,
                year=options.year,
                genre=options.genre,
                catalog=options.catalog,
                places=options.places,
            )
            _warn(read.notices)
            document = read.document
            # the name the statements cite (a byte of a name that is not UTF-8 as \xba)
            documents.append(
                {
                    **document.to_dict(),
                    "doc": read.name,
                    "identity": identity_to_dict(read.identity),
                }
            )
            for statement in read.statements:
                item = statement.to_dict()
                if document.pages:
                    item["source"]["page"] = document.page_of(statement.source.start)
                if args.format == "yaml":
                    spool.write(_yaml([item]))
                else:
                    piece = json.dumps(item, ensure_ascii=False, indent=2, allow_nan=False)
                    spool.write(("" if count == 0 else ",\n") + _indent(piece, "    "))
                count += 1
            del document, read

        def write(stream: TextIO) -> int:
            spool.seek(0)
            if args.format == "yaml":
                if documents:
                    stream.write(_yaml({"documents": documents}))
                if count == 0:
                    stream.write("statements: []\n")
                    return 0
                stream.write("statements:\n")
                shutil.copyfileobj(spool, stream)
                return count
            stream.write("{\n")
            if documents:
                listed = json.dumps(documents, ensure_ascii=False, indent=2, allow_nan=False)
                stream.write(f'  "documents": {_indent(listed, "  ", first=False)},\n')
            if count == 0:
                stream.write('  "statements": []\n}\n')
                return 0
            stream.write('  "statements": [\n')
            shutil.copyfileobj(spool, stream)
            stream.write("\n  ]\n}\n")
            return count

        _emit_stream(args.output, write, f"{count} statements", _given(args))
    return 0


def _indent(text: str, prefix: str, *, first: bool = True) -> str:
    """``text`` with ``prefix`` before each line (but the first, unless ``first``)."""
    lines = text.split("\n")
    return "\n".join(
        line if index == 0 and not first else prefix + line for index, line in enumerate(lines)
    )


def _yaml(data: Any) -> str:
    import yaml

    text: str = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
    return text


def _add_extract(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "extract",
        help="read raw documents (.txt, .pdf, .docx, .html) and list their candidate goals "
        "and outcomes",
        description=(
            "Read raw policy documents and list every quantified goal and outcome found, each "
            "with its value, period, region and the span of the original text it stands on "
            "(docs/extract.md)."
        ),
        formatter_class=_Formatter,
    )
    parser.add_argument(
        "files",
        nargs="+",
        metavar="FILE",
        help="raw documents: text in any Chinese encoding, PDF, Word (.docx), web pages",
    )
    parser.add_argument(
        "-f", "--format", choices=("json", "yaml"), default="json", help="json (default) or yaml"
    )
    parser.add_argument("-o", "--output", metavar="PATH", help="write to PATH instead of stdout")
    _add_reading_options(parser)
    parser.set_defaults(run=_run_extract)


def _run_text(args: argparse.Namespace) -> int:
    given = [Path(args.file)]
    if args.output is not None:  # before any work: never over the document itself
        check_output(args.output, given)
    document = _read(Path(args.file), _Options(args))
    if args.output is None:
        _print(document.text)
        _say(_shown(document.describe()))
    else:
        write_atomic(args.output, document.text, inputs=given)
        _print(_shown(f"{document.describe()} — {args.output}") + "\n")
    return 0


def _add_text(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "text",
        help="print a document's text as targettrack reads it (what every span points into)",
        description=(
            "Print the text targettrack reads from FILE — a text file in any Chinese encoding, "
            "a PDF, a Word document or a web page — exactly, with nothing added: every span "
            "of a statement or a verdict is an offset into it, and its SHA-256 is the hash the "
            "reports record. How it was read (reader, encoding, pages, characters, hash) goes "
            "to standard error (docs/reading.md)."
        ),
        formatter_class=_Formatter,
    )
    parser.add_argument("file", metavar="FILE", help="the document")
    parser.add_argument(
        "-o", "--output", metavar="PATH", help="write the text to PATH instead of stdout"
    )
    _add_encoding_option(parser)
    parser.set_defaults(run=_run_text)


def _run_evaluate(args: argparse.Namespace) -> int:
    from .dataset import seeds_dir
    from .evaluation import evaluate_extraction, gold_dir, load_gold
    from .extract.ingest import ingest

    gold_path = Path(args.gold) if args.gold is not None else gold_dir()
    if not gold_path.exists():
        raise DataError(str(gold_path), None, "no gold files here; pass --gold DIR")
    files = [Path(f) for f in args.files] or sorted(seeds_dir().glob("*.txt"))
    gold = load_gold(gold_path)
    # read as the audit reads them (any encoding, PDF, Word, web page): the gold's spans
    # point into that text
    options = _Options(args)
    read = [ingest(path, encoding=options.encoding) for path in files]
    texts = {r.name: r.text for r in read}
    for name, items in gold.items():
        if name in texts:
            for item in items:
                if texts[name][item.start : item.end] != item.quote:
                    raise DataError(
                        str(gold_path),
                        None,
                        f"{name}: a gold quote is not the text at [{item.start}:{item.end}]",
                    )
    statements = [s for r in read for s in r.statements]
    report = evaluate_extraction(statements, {name: gold[name] for name in texts if name in gold})
    _print(report.format() + "\n")
    return 0


def _add_evaluate(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "evaluate",
        help="measure the extractor against hand-checked gold files: precision and recall",
        description=(
            "Run the extractor on FILE (default: the seed documents) and print precision and "
            "recall per document, per kind and per field against the gold files."
        ),
        formatter_class=_Formatter,
    )
    parser.add_argument(
        "files", nargs="*", metavar="FILE", help="raw documents (default: the seeds)"
    )
    parser.add_argument(
        "--gold",
        metavar="DIR",
        help="folder of *.gold.yaml files (default: the checkout's tests/gold)",
    )
    parser.set_defaults(run=_run_evaluate)


def _run_evaluate_corpus(args: argparse.Namespace) -> int:
    from .corpus_eval import evaluate_pairs, format_scores, load_pairs

    pairs = load_pairs(args.gold, args.corpus)
    if args.pairs:
        unknown = sorted(set(args.pairs) - {p.pair for p in pairs})
        if unknown:
            known = ", ".join(p.pair for p in pairs)
            raise DataError(str(unknown[0]), None, f"no such pair; the pairs are {known}")
        pairs = [p for p in pairs if p.pair in args.pairs]
    scores = evaluate_pairs(pairs, args.corpus, _Options(args).catalog)
    _print(format_scores(scores, misses=not args.summary))
    return 0


def _add_evaluate_corpus(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "evaluate-corpus",
        help="audit the corpus pairs from their raw texts and score the verdicts against gold",
        description=(
            "Audit each plan→review pair of the corpus from its raw texts (as 'targettrack "
            "audit PLAN REVIEW' does) and print, per pair and for the developed and held-out "
            "pairs: gold goals, how many the audit found, strict verdicts and how many it got "
            "right, and verdicts citing evidence of another year; then every goal it got wrong, "
            "with the plan's quote, the review's and the audit's reason (docs/corpus.md)."
        ),
        formatter_class=_Formatter,
    )
    parser.add_argument("pairs", nargs="*", metavar="PAIR", help="pairs to score (default: all)")
    _add_gold_options(parser)
    parser.add_argument(
        "--summary", action="store_true", help="the table only, without the wrong verdicts"
    )
    _add_catalog_option(parser)
    parser.set_defaults(run=_run_evaluate_corpus)


def _run_evaluate_genres(args: argparse.Namespace) -> int:
    from .corpus_eval import corpus_dir
    from .genre_eval import format_genre_scores, load_genre_gold, score_document

    golds = load_genre_gold(args.gold)
    folder = Path(args.corpus) if args.corpus is not None else corpus_dir() / "genres"
    if args.documents:
        known = {g.document for g in golds}
        unknown = sorted(set(args.documents) - known)
        if unknown:
            raise DataError(unknown[0], None, f"no gold for it; the documents are {sorted(known)}")
        golds = [g for g in golds if g.document in args.documents]
    _print(format_genre_scores(score_document(g, folder) for g in golds))
    return 0


def _add_evaluate_genres(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "evaluate-genres",
        help="read the statistical bulletins and budget reports of the corpus and score them",
        description=(
            "Read each document of corpus/genres/ (statistical bulletins, budget-execution "
            "reports) as 'targettrack extract' does and print, per document: whether its "
            "government, year, genre and issue date were told as the gold says, how many of "
            "its key figures were read with their value and placed for its government and "
            "year, and how its statements were placed (docs/genres.md)."
        ),
        formatter_class=_Formatter,
    )
    parser.add_argument("documents", nargs="*", metavar="DOCUMENT", help="file names to score")
    _add_gold_options(parser)
    parser.set_defaults(run=_run_evaluate_genres)


def _add_gold_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--gold", metavar="DIR", help="folder of gold files (default: shipped)")
    parser.add_argument("--corpus", metavar="DIR", help="folder of documents (default: shipped)")


# -- the history command --------------------------------------------------------------------------

_HISTORY_EPILOG = """\
formats:
  text   the counts at each date, then every goal's timeline and its changes (the default)
  html   one self-contained page: statuses over time, a timeline per goal
  json   the dates, the counts and every goal's point at each date
  csv    long: one row per goal and date

examples:
  targettrack history                             the seed dataset at each issue date
  targettrack history --as-of 2026-12-31 -o history.html
"""


def _run_history(args: argparse.Namespace) -> int:
    from .report.timeline import render_history
    from .timeline import history

    until = None if args.as_of is None else parse_date(args.as_of)
    if args.output is not None:  # before any work; checked again when it is written
        check_output(args.output, _given(args))
    decisions = _load_decisions(args)
    options = _Options(args)
    inputs = load_inputs(args.files, options)
    _check_issued(options, inputs, args.files)
    result = history(
        inputs.goals,
        inputs.outcomes,
        documents=inputs.documents,
        catalog=options.catalog,
        unplaced=inputs.unplaced,
        until=until,
        decisions=decisions,
    )
    if result.audits:  # what the last date could not apply (each date applies what it can)
        _warn_unapplied(result.audits[-1])
    for name in result.undated:
        _warning(
            f"{name}: no issue date known (no header or date line, no 'issued'); pass "
            f"--issued {name}=YYYY-MM-DD — it is drawn on at every date, provisionally"
        )
    if not result.dates:
        raise DataError(
            ", ".join(args.files) or "the seed dataset",
            None,
            "no document has an issue date, so there is no date to judge at; pass --issued "
            "FILE=YYYY-MM-DD or --as-of DATE",
        )
    text = render_history(
        result, _format(args), catalog=options.catalog, bom=args.output is not None
    )
    summary = (
        f"history of {len(result.goals)} goal{'' if len(result.goals) == 1 else 's'} over "
        f"{len(result.dates)} date{'' if len(result.dates) == 1 else 's'}, "
        f"{result.dates[0].isoformat()} to {result.dates[-1].isoformat()}"
    )
    _emit(args.output, text, summary, [*inputs.paths, *_given(args)])
    return 0


def _add_history(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "history",
        help="judge every goal again on each date a document was issued: a timeline per goal",
        description=(
            "Audit the goals as of each date on which one of the documents was issued — each "
            "time with only what was published by then — and print or write every goal's "
            "status, achieved value and pace at each date. Without FILE, the seed dataset."
        ),
        epilog=_HISTORY_EPILOG,
        formatter_class=_Formatter,
    )
    parser.add_argument(
        "files", nargs="*", metavar="FILE", help="as for audit (default: the seed dataset)"
    )
    parser.add_argument(
        "--as-of",
        metavar="DATE",
        help="end the history at DATE, YYYY-MM-DD: later issue dates are dropped and DATE is "
        "the last date (default: the last issue date)",
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=("text", "html", "json", "csv"),
        metavar="FORMAT",
        help="text, html, json or csv (default: text, or what the -o file's suffix says)",
    )
    parser.add_argument(
        "-o", "--output", metavar="PATH", help="write to PATH (whole or not at all)"
    )
    parser.add_argument(
        "--issued",
        action="append",
        type=_issued_pair,
        metavar="FILE=DATE",
        help="the date FILE was issued, for a document whose text or record does not give one",
    )
    _add_decisions_option(parser)
    _add_reading_options(parser)
    parser.set_defaults(run=_run_history)


# -- the review command ---------------------------------------------------------------------------

_REVIEW_EPILOG = """\
The file lists every goal due that the audit left unreported with near measures named, and
every verdict decided through a close wording (match: close wording): the goal, the verdict and
each candidate with its quote and the verdict it would make, every decision a commented line.
Uncomment one per goal, then: targettrack audit FILE… --decisions review.yaml

examples:
  targettrack review plan.txt review.txt --by 王芳 -o review.yaml
  targettrack review plan.txt review.txt --decisions review.yaml -o more.yaml
"""


def _day(option: str, text: str | None) -> dt.date | None:
    if text is None:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{option}: expected a date YYYY-MM-DD, got {text!r}") from None


def _run_review(args: argparse.Namespace) -> int:
    from .decisions import proposals, proposals_yaml

    as_of = dt.date.today() if args.as_of is None else parse_date(args.as_of)
    date = _day("--date", args.date)
    if args.output is not None:  # before any work: never over a file that may hold decisions
        if os.path.lexists(args.output):
            raise OSError(
                errno.EEXIST,
                "exists, and may hold decisions taken; review writes a new file",
                args.output,
            )
        check_output(args.output, _given(args))
    decisions = _load_decisions(args)
    options = _Options(args)
    inputs = load_inputs(args.files, options)
    _check_issued(options, inputs, args.files)
    result = audit(
        inputs.goals,
        inputs.outcomes,
        as_of,
        catalog=options.catalog,
        documents=inputs.documents,
        unplaced=inputs.unplaced,
        decisions=decisions,
    )
    _warn_undated(result)
    _warn_unapplied(result)
    found = proposals(result, catalog=options.catalog)
    text = proposals_yaml(result, found, by=args.by or "", date=date, catalog=options.catalog)
    count = sum(len(p.candidates) for p in found)
    summary = (
        f"{len(found)} goal{'' if len(found) == 1 else 's'} to decide on, "
        f"{count} candidate{'' if count == 1 else 's'}"
    )
    _emit(args.output, text, summary, [*inputs.paths, *_given(args)])
    return 0


def _add_review(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "review",
        help="write a decisions file to fill in: the goals a person should decide on, with "
        "their candidates",
        description=(
            "Audit FILE (as targettrack audit does) and write a decisions file pre-filled for "
            "every goal the machine could not decide or decided through a close wording "
            "(docs/review.md)."
        ),
        epilog=_REVIEW_EPILOG,
        formatter_class=_Formatter,
    )
    parser.add_argument(
        "files", nargs="*", metavar="FILE", help="as for audit (default: the seed dataset)"
    )
    parser.add_argument(
        "--as-of", metavar="DATE", help="audit as of DATE, YYYY-MM-DD (default: today)"
    )
    parser.add_argument("--by", metavar="NAME", help="who decides: filled in every entry")
    parser.add_argument(
        "--date",
        metavar="DATE",
        help="the date the decisions are taken, filled in every entry (default: the as-of date)",
    )
    parser.add_argument(
        "-o", "--output", metavar="PATH", help="write to PATH, a new file (default: stdout)"
    )
    parser.add_argument(
        "--issued",
        action="append",
        type=_issued_pair,
        metavar="FILE=DATE",
        help="the date FILE was issued, for a document whose text or record does not give one",
    )
    _add_decisions_option(parser)
    _add_reading_options(parser)
    parser.set_defaults(run=_run_review)


#: The subcommands, each adding its parser to the subparsers.
COMMANDS: list[Callable[[Any], None]] = [
    _add_audit,
    _add_history,
    _add_review,
    _add_extract,
    _add_text,
    _add_evaluate,
    _add_evaluate_corpus,
    _add_evaluate_genres,
]


def build_parser() -> argparse.ArgumentParser:
    from . import __version__

    parser = _Parser(
        prog="targettrack",
        description=(
            "Audit quantified government plans against the outcomes later reported: each goal "
            "met, missed or unreported, with the evidence quoted and the arithmetic shown."
        ),
        epilog="Run 'targettrack COMMAND --help' for a command's options.",
        formatter_class=_Formatter,
    )
    parser.add_argument("--version", action="version", version=f"targettrack {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for add in COMMANDS:
        add(subparsers)
    return parser


def _say(line: str) -> None:
    """Write one line to standard error, if there is one."""
    if sys.stderr is not None:
        with contextlib.suppress(OSError, ValueError):
            print(line, file=sys.stderr)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    parser = build_parser()
    with _signals():
        return _main(parser, argv)


def _main(parser: argparse.ArgumentParser, argv: Sequence[str] | None) -> int:
    try:
        args = parser.parse_args(argv)
        # every command prints to standard output (the report, or the summary of the file
        # written): without one, nothing is done, and no -o file is replaced first
        _stdout()
        status: int = args.run(args)
    except UsageError as error:
        _say(error_line(error))
        return 1
    except (TargetTrackError, OSError, ValueError) as error:
        if isinstance(error, BrokenPipeError):
            with contextlib.suppress(OSError, AttributeError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            return 1
        for problem in getattr(error, "problems", None) or (error,):  # a decisions file
            _say(error_line(problem))
        return 1
    except KeyboardInterrupt:
        _say("interrupted")
        return 130
    return status
