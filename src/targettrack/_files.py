"""Reading files: YAML records with their line numbers, and documents' original text."""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ._errors import DataError

__all__ = ["load_yaml", "read_text", "shipped"]


class _LineLoader(yaml.SafeLoader):
    """A safe YAML loader that records the line of every mapping as ``__line__``."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[Any, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def load_yaml(path: str | Path) -> Any:
    """Parse a YAML file safely; mappings carry the line they start on as ``__line__``."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DataError(str(path), None, "no such file") from None
    except UnicodeDecodeError as error:
        raise DataError(str(path), None, f"not UTF-8 text ({error.reason})") from None
    try:
        return yaml.load(text, Loader=_LineLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark
        line = None if mark is None else mark.line + 1
        raise DataError(str(path), line, f"malformed YAML: {error.problem}") from None


def read_text(path: str | Path) -> str:
    """A source document's original text (UTF-8, newlines untouched)."""
    path = Path(path)
    try:
        with open(path, encoding="utf-8", newline="") as handle:
            return handle.read()
    except FileNotFoundError:
        raise DataError(str(path), None, "no such file") from None
    except UnicodeDecodeError as error:
        raise DataError(str(path), None, f"not UTF-8 text ({error.reason})") from None


def shipped(packaged: str, checkout: str) -> Path:
    """A folder of data shipped with targettrack: inside the installed package (``packaged``,
    relative to it), else in the source checkout (``checkout``, relative to its root)."""
    path = Path(str(resources.files("targettrack").joinpath(packaged)))
    if path.is_dir():
        return path
    return Path(__file__).resolve().parents[2] / checkout
