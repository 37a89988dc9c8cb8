"""Reading files: YAML records with their line numbers, and documents' original text.

Both readers refuse what they cannot read safely with a :class:`DataError` naming the file and
the line: a FIFO, socket or device (:func:`read_bytes`, which reads documents, record files,
catalogs and gold files), text that is not UTF-8, a file larger than :data:`MAX_FILE_BYTES`, and in YAML a
control character, nesting deeper than :data:`MAX_YAML_DEPTH`, aliases that expand to more
than :data:`MAX_YAML_NODES` values, a key given twice and a date that is no date
(docs/input.md). YAML is parsed by libyaml's C parser where PyYAML was built with it, by the
pure-Python one otherwise; the lines in messages are the same.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import stat
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ._errors import DataError

__all__ = [
    "MAX_FILE_BYTES",
    "MAX_YAML_DEPTH",
    "MAX_YAML_NODES",
    "YamlMapping",
    "line_of",
    "load_yaml",
    "read_bytes",
    "read_text",
    "shipped",
]

#: The largest file read, in bytes (a document, a record file or a catalog file).
MAX_FILE_BYTES = 64 * 1024 * 1024
#: The deepest nesting of collections in a YAML file (a record file needs 3).
MAX_YAML_DEPTH = 32
#: The most values a YAML file may hold once its aliases are expanded.
MAX_YAML_NODES = 1_000_000

_BASE: type[Any] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: Characters YAML does not allow in a file (tab, line feed and carriage return are allowed).
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ufffe\uffff]")
_SURROGATE = re.compile("[\ud800-\udfff]")


class YamlMapping(dict[Any, Any]):
    """A mapping read from YAML, with the line it starts on (:attr:`line`) and the line of
    each of its keys (:attr:`key_lines`)."""

    line: int | None = None
    key_lines: dict[Any, int]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.key_lines = {}


def line_of(mapping: Any, key: Any = None) -> int | None:
    """The line a mapping read by :func:`load_yaml` starts on, or the line of its ``key``;
    None for anything else."""
    if not isinstance(mapping, YamlMapping):
        return None
    if key is not None and key in mapping.key_lines:
        return mapping.key_lines[key]
    return mapping.line


class _LineLoader(_BASE):  # type: ignore[misc]
    """A safe YAML loader whose mappings know their lines (:class:`YamlMapping`), which
    refuses duplicate keys, impossible dates and lone surrogates."""


class _PureLineLoader(yaml.SafeLoader):
    """:class:`_LineLoader` on the pure-Python parser: what runs where libyaml is missing (and
    what the tests compare the C loader with)."""


def _problem(node: yaml.Node, message: str) -> yaml.constructor.ConstructorError:
    return yaml.constructor.ConstructorError(None, None, message, node.start_mark)


def _construct_mapping(loader: Any, node: yaml.MappingNode) -> YamlMapping:
    key_lines: dict[Any, int] = {}
    for key_node, _ in node.value:
        if key_node.tag == "tag:yaml.org,2002:merge":
            continue  # <<: *base — its keys may be given again, and the mapping's own win
        key = loader.construct_object(key_node, deep=True)
        try:
            hash(key)
        except TypeError:
            raise _problem(key_node, "a key must be a text or a number") from None
        if key in key_lines:
            first = key_lines[key]
            raise _problem(key_node, f"the key {key!r} is given twice (first on line {first})")
        key_lines[key] = key_node.start_mark.line + 1
    loader.flatten_mapping(node)
    mapping = YamlMapping()
    mapping.line = node.start_mark.line + 1
    mapping.key_lines = key_lines
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        try:
            mapping[key] = loader.construct_object(value_node, deep=True)
        except yaml.constructor.ConstructorError as error:
            if isinstance(value_node, yaml.ScalarNode) and error.context is None:
                error.problem = f"{key!r}: {error.problem}"  # the field whose value is wrong
            raise
    return mapping


def _construct_text(loader: Any, node: yaml.ScalarNode) -> str:
    value: str = loader.construct_scalar(node)
    found = _SURROGATE.search(value)
    if found is not None:
        raise _problem(node, f"the text holds a lone surrogate U+{ord(found.group()):04X}")
    return value


def _construct_timestamp(loader: Any, node: yaml.ScalarNode) -> dt.date:
    try:
        value: dt.date = loader.construct_yaml_timestamp(node)
    except ValueError as error:
        raise _problem(node, f"{node.value!r} is no date ({error})") from None
    return value


for _loader in (_LineLoader, _PureLineLoader):
    _loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)
    _loader.add_constructor("tag:yaml.org,2002:str", _construct_text)
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


#: What a special file is called when it is refused (it may never end, or block for ever).
_SPECIAL = "not a regular file (a FIFO, socket or device): not read"


def _too_large(path: Path, size: int, more: bool = False) -> DataError:
    return DataError(
        str(path),
        None,
        f"{size}{' or more' if more else ''} bytes, more than the {MAX_FILE_BYTES} read "
        "(docs/input.md)",
    )


def read_bytes(path: str | Path, what: str = "a file") -> bytes:
    """The bytes of the regular file at ``path``, at most :data:`MAX_FILE_BYTES` of them.

    Refused with a :class:`DataError` naming the file: nothing there (``no such file``), a
    folder (``a folder, not`` ``what``), and a FIFO, socket or device, before it is opened —
    a FIFO blocks until someone writes to it, a device such as ``/dev/zero`` never ends. A
    file larger than the limit is refused by its size before it is read, and one that grows
    past the limit while it is read when it does.
    """
    path = Path(path)
    try:
        status = os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        raise DataError(str(path), None, "no such file") from None
    if stat.S_ISDIR(status.st_mode):
        raise DataError(str(path), None, f"a folder, not {what}")
    if not stat.S_ISREG(status.st_mode):
        raise DataError(str(path), None, _SPECIAL)
    if status.st_size > MAX_FILE_BYTES:
        raise _too_large(path, status.st_size)
    # O_NONBLOCK: should the file have become a FIFO since, opening it does not wait
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
    handle = os.open(path, flags | getattr(os, "O_BINARY", 0))
    with os.fdopen(handle, "rb") as stream:
        if not stat.S_ISREG(os.fstat(stream.fileno()).st_mode):
            raise DataError(str(path), None, _SPECIAL)
        data = stream.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise _too_large(path, len(data), more=True)
    return data


def _line(event: yaml.Event) -> int | None:
    mark = event.start_mark
    return None if mark is None else mark.line + 1


def _check_shape(path: Path, text: str, base: type[Any]) -> None:
    """Refuse nesting deeper than MAX_YAML_DEPTH and aliases expanding beyond MAX_YAML_NODES,
    from the parser's events, before anything is built."""
    depth = 0
    # per open collection: its anchor and how many values it holds so far (aliases expanded)
    open_: list[tuple[str | None, int]] = [(None, 0)]
    sizes: dict[str, int] = {}
    total = 0
    for event in yaml.parse(text, Loader=base):
        if isinstance(event, yaml.CollectionStartEvent):
            depth += 1
            if depth > MAX_YAML_DEPTH:
                raise DataError(
                    str(path),
                    _line(event),
                    f"nested deeper than {MAX_YAML_DEPTH} levels (docs/input.md)",
                )
            open_.append((event.anchor, 0))
            continue
        if isinstance(event, yaml.CollectionEndEvent):
            depth -= 1
            anchor, count = open_.pop()
            count += 1
            if anchor is not None:
                sizes[anchor] = count
            parent_anchor, parent_count = open_[-1]
            open_[-1] = (parent_anchor, parent_count + count)
            continue
        if isinstance(event, yaml.AliasEvent):
            count = 1 if event.anchor is None else sizes.get(event.anchor, 1)
        elif isinstance(event, yaml.ScalarEvent):
            count = 1
            if event.anchor is not None:
                sizes[event.anchor] = 1
        else:
            continue
        total += count
        parent_anchor, parent_count = open_[-1]
        open_[-1] = (parent_anchor, parent_count + count)
        if total > MAX_YAML_NODES:
            raise DataError(
                str(path),
                _line(event),
                f"its aliases expand to more than {MAX_YAML_NODES} values (docs/input.md)",
            )


def _yaml_error(path: Path, error: yaml.YAMLError, text: str) -> DataError:
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark
        line = None if mark is None else mark.line + 1
        if isinstance(error, yaml.constructor.ConstructorError) and error.context is None:
            return DataError(str(path), line, str(error.problem))
        return DataError(str(path), line, f"malformed YAML: {error.problem}")
    if isinstance(error, yaml.reader.ReaderError):
        line = text.count("\n", 0, error.position) + 1
        return DataError(str(path), line, f"malformed YAML: {error.reason}")
    return DataError(str(path), None, f"malformed YAML: {' '.join(str(error).split())}")


def load_yaml(path: str | Path, *, _pure: bool = False) -> Any:
    """Parse a YAML file safely; its mappings are :class:`YamlMapping` (see :func:`line_of`).

    libyaml's C parser does the parsing where PyYAML has it (``_pure=True``, for tests: the
    pure-Python parser always)."""
    path = Path(path)
    text = _decoded(path, read_bytes(path, "a YAML file"))
    found = _CONTROL.search(text)
    if found is not None:
        line = text.count("\n", 0, found.start()) + 1
        raise DataError(
            str(path),
            line,
            f"control character U+{ord(found.group()):04X} (YAML allows tab and line breaks only)",
        )
    try:
        _check_shape(path, text, yaml.SafeLoader if _pure else _BASE)
        loader = (_PureLineLoader if _pure else _LineLoader)(text)
        try:
            return loader.get_single_data()
        finally:
            loader.dispose()
    except yaml.YAMLError as error:
        raise _yaml_error(path, error, text) from None
    except RecursionError:  # a safety net: MAX_YAML_DEPTH keeps far below Python's limit
        raise DataError(str(path), None, "nested too deeply (docs/input.md)") from None


def _decoded(path: Path, data: bytes) -> str:
    """UTF-8 text, without a leading byte-order mark."""
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise DataError(str(path), line, f"not UTF-8 text ({error.reason})") from None
    return text[1:] if text.startswith("\ufeff") else text


def read_text(path: str | Path) -> str:
    """A source document's original text: UTF-8, newlines untouched, a byte-order mark left out
    (offsets count from the first character after it)."""
    path = Path(path)
    return _decoded(path, read_bytes(path, "a text file"))


def shipped(packaged: str, checkout: str) -> Path:
    """A folder of data shipped with targettrack: inside the installed package (``packaged``,
    relative to it), else in the source checkout (``checkout``, relative to its root)."""
    path = Path(str(resources.files("targettrack").joinpath(packaged)))
    if path.is_dir():
        return path
    return Path(__file__).resolve().parents[2] / checkout
