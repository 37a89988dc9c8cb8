"""A document as targettrack read it: the text every span points into, and how it was read."""

from __future__ import annotations

import bisect
import hashlib
from collections.abc import Generator
from pathlib import Path
from typing import Any

import attrs

from .._errors import DataError

__all__ = ["DocumentText", "run_nested"]

#: A walk of a document's tree: a generator that yields the walks of the nodes inside.
Walk = Generator["Walk", None, None]


def run_nested(walk: Walk) -> None:
    """Run ``walk`` and every walk it yields, each to its end before the one that yielded it
    goes on, as nested calls would, but without recursion: a Word document or a web page
    nested thousands of levels deep is read like a flat one, in time proportional to its
    size, and cannot exhaust Python's stack (docs/input.md)."""
    stack = [walk]
    while stack:
        try:
            inner = next(stack[-1])
        except StopIteration:
            stack.pop()
        else:
            stack.append(inner)


@attrs.frozen
class DocumentText:
    """A document as targettrack read it: the text and how it was read.

    ``text`` is what every span of a statement points into; ``sha256`` is the SHA-256 of
    that text in UTF-8, so that a reader of a report can check they have the same text
    (``targettrack text FILE`` prints it). ``pages`` holds, for a PDF, the offset in ``text``
    where each page starts (:meth:`page_of`); ``empty_pages`` the pages (from 1) that had no
    text layer. A text that is no Unicode text (it holds a lone surrogate) is refused with a
    :class:`~targettrack.DataError` naming the file and the character.
    """

    path: str
    text: str = attrs.field(repr=False)
    reader: str
    encoding: str | None = None
    tool: str = ""
    pages: tuple[int, ...] = ()
    empty_pages: tuple[int, ...] = ()
    sha256: str = attrs.field(init=False)

    @sha256.default
    def _hash(self) -> str:
        try:
            encoded = self.text.encode("utf-8")
        except UnicodeEncodeError as error:
            raise self._not_text(error.start) from None
        return hashlib.sha256(encoded).hexdigest()

    def _not_text(self, offset: int) -> DataError:
        """A text holding a lone surrogate (a PDF's font can map a glyph to one) is no text:
        it cannot be written, hashed or quoted. Refused, at its character (and page)."""
        page = self.page_of(offset)
        where = f"character {offset}" + ("" if page is None else f" (page {page})")
        return DataError(
            self.path,
            None,
            f"expected Unicode text, but {where} is U+{ord(self.text[offset]):04X}"
            ", half of a UTF-16 surrogate pair and no character (the file maps a glyph or bytes "
            "to it)",
        )

    @property
    def name(self) -> str:
        """The file's name, as statements cite it."""
        return Path(self.path).name

    def page_of(self, offset: int) -> int | None:
        """The page (from 1) that ``text[offset]`` is on; None for a document without pages."""
        if not self.pages:
            return None
        return max(1, bisect.bisect_right(self.pages, offset))

    def to_dict(self) -> dict[str, Any]:
        """A plain mapping: ``doc``, ``reader``, ``encoding``, ``tool``, ``sha256``,
        ``characters``, ``pages`` (the offset each page starts at) and ``empty_pages``."""
        return {
            "doc": self.name,
            "reader": self.reader,
            "encoding": self.encoding,
            "tool": self.tool,
            "sha256": self.sha256,
            "characters": len(self.text),
            "pages": list(self.pages),
            "empty_pages": list(self.empty_pages),
        }

    def describe(self) -> str:
        """One line for people: ``plan.pdf: pdf (pypdfium2 5.15.2), 12 pages, 30123 characters,
        sha256 1a2b3c4d5e6f…``."""
        how = self.reader
        if self.encoding:
            how += f", {self.encoding}"
        if self.tool:
            how += f" ({self.tool})"
        parts = [f"{self.name}: {how}"]
        if self.pages:
            parts.append(f"{len(self.pages)} page{'' if len(self.pages) == 1 else 's'}")
        parts.append(f"{len(self.text)} characters")
        parts.append(f"sha256 {self.sha256[:16]}…")
        return ", ".join(parts)
