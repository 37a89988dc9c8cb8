"""Reading a PDF's text layer: lines re-joined, running headers, footers and page numbers left out.

PDFium (through pypdfium2, Apache-2.0/BSD) gives the characters of each page in the order of
its text. Each is placed by what the file says and by nothing else: its origin (where the text
matrix and the font's widths put it), its font size and its advance width. The outline of its
glyph is never used. A font the file does not embed (government PDFs often name STSong-Light
or SimSun and leave them to the reader) is drawn with whatever font the machine has in its
place, or with none, and the glyphs' boxes change with it; the text must not. For the same
reason a text object that PDFium would leave out because its glyphs have no extent on this
machine (a ``。`` set alone on the last line of a paragraph, in a CJK font that is not
installed) is read all the same: a character whose outline is unknown is kept.

The characters are grouped into lines. Those of one text object are shown on one baseline and
stay together; another object's start a new line where they lie half an em or more off the
line's baseline, or more than an em back from the character before. (PDFium's own line breaks
are not used: where it puts them rests on the glyphs' boxes.) A line's box is that of the em
squares on its characters' origins, from the first origin to the last one's advance. Then, on
every page,

- a line in the top or bottom two of the page that is only a page number (``— 3 —``, ``-3-``,
  ``第3页 共20页``, ``3/20``) or that comes back on most pages with only its numbers changed (a
  running header or footer: the report's title, the issuing office) is left out;
- a line that runs to the right margin is joined to the next when the next is not indented,
  does not start after a blank space and is not a headline after a finished sentence (a short
  line without comma or full stop after a line ending in 。): the sentence goes on, on the
  next line or the next page. Chinese is joined without a space, two Latin words with one.

Every other line ends with a line break, so headlines and paragraphs stay apart. The text starts
each page at an offset recorded in :attr:`DocumentText.pages`, from which a statement's page is
told. A page without characters has no text layer: if no page has one the file is refused
(``no text layer: OCR it first``), else the empty pages are named in ``empty_pages``.
"""

from __future__ import annotations

import ctypes
import math
import re
import statistics
from collections import Counter
from typing import Any

import attrs

from .._errors import DataError, ReaderMissing
from .document import DocumentText

__all__ = ["read_pdf"]

#: A line that is only a page number, with the dashes and words around it.
_PAGE_NUMBER = re.compile(
    r"^[\s\-—–－_·•|]*(?:第\s*)?(?:\d+|[ivxlc]{1,7}|[IVXLC]{1,7})(?:\s*页)?"
    r"(?:\s*(?:共|/|of)\s*\d+\s*页?)?[\s\-—–－_·•|]*$"
    r"|^(?:[Pp]age|[Pp]\.)\s*\d+(?:\s*(?:of|/)\s*\d+)?$"
)
_DIGITS = re.compile(r"\d+")
_LATIN = re.compile(r"[A-Za-z]")
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_SENTENCE_END = frozenset("。！？；：!?;:")
#: What a line of prose has and a headline has not.
_PROSE = re.compile(r"[，。；！？,;!?]")
#: How many lines at the top and at the bottom of a page may be running headers or footers.
_BAND = 2
#: The em square on the baseline, as CJK fonts set it: this much of it above, this much below.
_ASCENT = 0.88
_DESCENT = 0.12
#: PDFium leaves out a text object narrower than a hundredth of a point; one narrower than
#: this is widened to twice this (see _textpage).
_NARROW = 0.05
#: How deep form XObjects are followed for their text objects.
_DEEPEST = 15
#: The em of a character set at size 0 (invisible text still has a place).
_SMALLEST = 0.01
#: The render mode that strokes as well, for each PDF text render mode (0 fill, 1 stroke,
#: 2 fill and stroke, 3 invisible, 4–7 the same and add to the clip).
_STROKED = {0: 2, 1: 1, 2: 2, 3: 1, 4: 6, 5: 5, 6: 6, 7: 5}


@attrs.frozen
class _Line:
    text: str
    left: float
    right: float
    top: float
    bottom: float
    size: float


def read_pdf(path: str, data: bytes) -> DocumentText:
    """The text layer of the PDF ``data`` (read from ``path``), as described above."""
    try:
        import pypdfium2 as pdfium
    except ImportError:
        raise ReaderMissing(path, "pypdfium2", "formats") from None
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as error:
        raise DataError(path, None, _load_problem(str(error))) from None
    pages = []
    try:
        for index in range(len(document)):
            try:
                pages.append(_lines(document[index], pdfium))
            except pdfium.PdfiumError as error:
                raise DataError(
                    path, None, f"page {index + 1} cannot be read ({_load_problem(str(error))})"
                ) from None
    finally:
        document.close()
    if not pages:
        raise DataError(path, None, "a PDF without pages")
    empty = tuple(number for number, lines in enumerate(pages, 1) if not lines)
    if len(empty) == len(pages):
        raise DataError(
            path,
            None,
            "no text layer: OCR it first ("
            + ("its one page has no" if len(pages) == 1 else f"none of its {len(pages)} pages has")
            + " characters; a scan is only pictures)",
        )
    _check_mapped(path, pages)
    body = _drop_running(pages)
    text, starts = _join(body)
    tool = f"pypdfium2 {pdfium.PYPDFIUM_INFO}"
    return DocumentText(path, text, "pdf", None, tool, tuple(starts), empty)


def _load_problem(message: str) -> str:
    reason = message
    match = re.search(r"PDFium: ([^)]*)", message)
    if match:
        reason = match.group(1)
    if "password" in reason.lower():
        return "an encrypted PDF: it opens only with a password; save an unprotected copy"
    return f"not a readable PDF: damaged, cut short or not a PDF ({reason.strip().rstrip('.')})"


def _lines(page: Any, pdfium: Any) -> list[_Line]:
    """The page's lines in the order of its text, each with its box."""
    raw = pdfium.raw
    try:
        textpage = _textpage(page, raw)
        try:
            return _Reading(textpage.raw, raw).lines()
        finally:
            textpage.close()
    finally:
        page.close()


def _textpage(page: Any, raw: Any) -> Any:
    """PDFium's text of ``page``, with the text objects it would leave out for want of extent.

    PDFium leaves out a text object whose box, the union of its glyphs' outlines, is narrower
    than a hundredth of a point. For a font the file does not embed, the outlines are those of
    the font the machine substitutes; with no font for the script, every glyph is empty, and a
    lone ``。`` on a line of its own would be lost. Such an object is given a thin stroke, which
    widens its box by the stroke's half width on every side and has no other bearing on the
    text, and the text page is made again. An object that reads as blank space is left out
    then as before (PDFium leaves out a lone space on every machine, since a space has no
    outline).
    """
    narrow = [obj for obj in _text_objects(page.raw, raw) if _width(obj, raw) < _NARROW]
    if not narrow:
        return page.get_textpage()
    saved = [_stroke(obj, raw) for obj in narrow]
    for obj in narrow:
        _widen(obj, raw)
    textpage = page.get_textpage()
    blank = [
        (obj, stroke)
        for obj, stroke in zip(narrow, saved, strict=True)
        if not _object_text(obj, textpage.raw, raw).strip()
    ]
    if blank:
        textpage.close()
        for obj, stroke in blank:
            _restore(obj, stroke, raw)
        textpage = page.get_textpage()
    return textpage


def _text_objects(page: Any, raw: Any) -> list[Any]:
    """The page's text objects, those of its form XObjects too (as PDFium's text has them)."""
    found: list[Any] = []
    pending = [(raw.FPDFPage_GetObject(page, i), 0) for i in range(raw.FPDFPage_CountObjects(page))]
    while pending:
        obj, depth = pending.pop()
        kind = raw.FPDFPageObj_GetType(obj)
        if kind == raw.FPDF_PAGEOBJ_TEXT:
            found.append(obj)
        elif kind == raw.FPDF_PAGEOBJ_FORM and depth < _DEEPEST:
            pending.extend(
                (raw.FPDFFormObj_GetObject(obj, i), depth + 1)
                for i in range(raw.FPDFFormObj_CountObjects(obj))
            )
    return found


def _width(obj: Any, raw: Any) -> float:
    left, bottom, right, top = (ctypes.c_float(0.0) for _ in range(4))
    if not raw.FPDFPageObj_GetBounds(
        obj, ctypes.byref(left), ctypes.byref(bottom), ctypes.byref(right), ctypes.byref(top)
    ):
        return 0.0
    return float(right.value - left.value)


def _stroke(obj: Any, raw: Any) -> tuple[int, float]:
    """The text object's render mode and stroke width."""
    width = ctypes.c_float(0.0)
    raw.FPDFPageObj_GetStrokeWidth(obj, ctypes.byref(width))
    return int(raw.FPDFTextObj_GetTextRenderMode(obj)), float(width.value)


def _widen(obj: Any, raw: Any) -> None:
    mode, _ = _stroke(obj, raw)
    raw.FPDFTextObj_SetTextRenderMode(obj, _STROKED.get(mode, mode))
    raw.FPDFPageObj_SetStrokeWidth(obj, ctypes.c_float(2 * _NARROW))
    _measure(obj, raw)


def _restore(obj: Any, saved: tuple[int, float], raw: Any) -> None:
    mode, width = saved
    raw.FPDFTextObj_SetTextRenderMode(obj, mode)
    raw.FPDFPageObj_SetStrokeWidth(obj, ctypes.c_float(width))
    _measure(obj, raw)


def _measure(obj: Any, raw: Any) -> None:
    """Have PDFium measure the text object's box again (setting its matrix does)."""
    matrix = raw.FS_MATRIX(1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
    if raw.FPDFPageObj_GetMatrix(obj, ctypes.byref(matrix)):
        raw.FPDFPageObj_SetMatrix(obj, ctypes.byref(matrix))


def _object_text(obj: Any, textpage: Any, raw: Any) -> str:
    """The text PDFium's ``textpage`` has of the text object (nothing if it left it out)."""
    size = raw.FPDFTextObj_GetText(obj, textpage, None, 0)  # in bytes, with the final NUL
    if size <= 2:
        return ""
    buffer = (raw.FPDF_WCHAR * ((size + 1) // 2))()
    raw.FPDFTextObj_GetText(obj, textpage, buffer, size)
    return bytes(buffer).decode("utf-16-le", errors="replace").rstrip("\x00")


@attrs.frozen
class _Setting:
    """How a text object sets its characters: their em on the page, the direction of the
    baseline (a unit vector), the page's length of a unit along it, the font and its size."""

    em: float
    along: tuple[float, float]
    scale: float
    font: Any
    size: float


@attrs.frozen
class _Glyph:
    """A character's place: its origin on the baseline, its text object and how that sets it."""

    x: float
    y: float
    code: int
    obj: int | None
    setting: _Setting


class _Reading:
    """The characters of a text page, grouped into lines by their origins."""

    def __init__(self, textpage: Any, raw: Any) -> None:
        self.textpage = textpage
        self.raw = raw
        self.found: list[_Line] = []
        self.chars: list[str] = []
        self.glyphs: list[_Glyph] = []
        self.em = 0.0  # the line's largest em
        self.settings: dict[int, _Setting] = {}
        self.x, self.y = ctypes.c_double(0.0), ctypes.c_double(0.0)

    def lines(self) -> list[_Line]:
        raw, textpage = self.raw, self.textpage
        count = raw.FPDFText_CountChars(textpage)
        index = 0
        while index < count:
            at = index
            code = raw.FPDFText_GetUnicode(textpage, index)
            if 0xD800 <= code < 0xDC00 and index + 1 < count:
                low = raw.FPDFText_GetUnicode(textpage, index + 1)
                if 0xDC00 <= low < 0xE000:
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                    index += 1
            index += 1
            char = chr(code) if code else ""
            if char in ("", "\n", "\r"):
                # PDFium's own line breaks: where it puts them rests on the glyphs' boxes
                continue
            if char.isspace():
                if self.chars:
                    self.chars.append(char)
                continue
            glyph = self._glyph(at, code)
            if self.glyphs and self._breaks(glyph):
                self._close()
            self.chars.append(char)
            self.glyphs.append(glyph)
            self.em = max(self.em, glyph.setting.em)
        self._close()
        return self.found

    def _glyph(self, index: int, code: int) -> _Glyph:
        raw, textpage = self.raw, self.textpage
        raw.FPDFText_GetCharOrigin(textpage, index, ctypes.byref(self.x), ctypes.byref(self.y))
        obj = raw.FPDFText_GetTextObject(textpage, index)
        key = ctypes.cast(obj, ctypes.c_void_p).value
        setting = self.settings.get(key) if key is not None else None
        if setting is None:
            setting = self._setting(index, obj)
            if key is not None:
                self.settings[key] = setting
        return _Glyph(self.x.value, self.y.value, code, key, setting)

    def _setting(self, index: int, obj: Any) -> _Setting:
        raw = self.raw
        matrix = raw.FS_MATRIX(1.0, 0.0, 0.0, 1.0, 0.0, 0.0)
        raw.FPDFText_GetMatrix(self.textpage, index, ctypes.byref(matrix))
        size = float(raw.FPDFText_GetFontSize(self.textpage, index))
        scale = math.hypot(matrix.a, matrix.b)
        along = (matrix.a / scale, matrix.b / scale) if scale > 0 else (1.0, 0.0)
        return _Setting(
            em=max(size * math.hypot(matrix.c, matrix.d), _SMALLEST),
            along=along,
            scale=scale,
            font=raw.FPDFTextObj_GetFont(obj) if obj else None,
            size=size,
        )

    def _advance(self, glyph: _Glyph) -> float:
        """How far the character's font moves on after it, from the widths the PDF gives
        (an em where the font does not tell)."""
        setting = glyph.setting
        width = ctypes.c_float(0.0)
        if setting.font and self.raw.FPDFFont_GetGlyphWidth(
            setting.font, glyph.code, ctypes.c_float(setting.size), ctypes.byref(width)
        ):
            advance = width.value * setting.scale
            if 0 < advance < 4 * setting.em:
                return float(advance)
        return setting.em

    def _breaks(self, glyph: _Glyph) -> bool:
        """Whether ``glyph`` starts a new line. A text object is shown on one baseline, so its
        characters stay together; another object's starts a line when its origin lies half an
        em or more off the line, or more than an em back from the character before."""
        first, last = self.glyphs[0], self.glyphs[-1]
        if glyph.obj is not None and glyph.obj == last.obj:
            return False
        along_x, along_y = self._direction()
        off = abs((glyph.y - first.y) * along_x - (glyph.x - first.x) * along_y)
        on = (glyph.x - last.x) * along_x + (glyph.y - last.y) * along_y
        em = max(glyph.setting.em, self.em)
        return off >= em / 2 or on < -em

    def _direction(self) -> tuple[float, float]:
        """The way the line runs on the page: from its first character to the next one of the
        same text object (a column, in vertical writing), else along its text matrix."""
        first = self.glyphs[0]
        for other in self.glyphs[1:]:
            if other.obj != first.obj:
                break
            step = math.hypot(other.x - first.x, other.y - first.y)
            if step > first.setting.em / 100:
                return (other.x - first.x) / step, (other.y - first.y) / step
        return first.setting.along

    def _close(self) -> None:
        # PDFium marks a hyphen it found at the end of a line as U+0002
        text = "".join(self.chars).replace("\x02", "-").strip()
        glyphs = self.glyphs
        if text and glyphs:
            rightmost = max(glyphs, key=lambda glyph: glyph.x)
            self.found.append(
                _Line(
                    text=text,
                    left=min(glyph.x for glyph in glyphs),
                    right=rightmost.x + self._advance(rightmost),
                    top=max(glyph.y + _ASCENT * glyph.setting.em for glyph in glyphs),
                    bottom=min(glyph.y - _DESCENT * glyph.setting.em for glyph in glyphs),
                    size=statistics.median(glyph.setting.em for glyph in glyphs),
                )
            )
        self.chars = []
        self.glyphs = []
        self.em = 0.0


def _check_mapped(path: str, pages: list[list[_Line]]) -> None:
    """Refuse a text layer whose fonts do not map to characters (it reads as � or controls)."""
    text = "".join(line.text for lines in pages for line in lines)
    bad = sum(1 for char in text if char == "\ufffd" or (char < " " and char != "\t"))
    if text and bad * 3 > len(text):
        raise DataError(
            path,
            None,
            f"its text layer does not map to characters ({bad} of {len(text)} are unreadable): "
            "OCR it first",
        )


def _key(line: _Line) -> tuple[str, float, int]:
    """What a running header or footer keeps from page to page: its words (numbers aside),
    its size and its height on the page (the title on the first page is not its header)."""
    return (
        _DIGITS.sub("#", "".join(line.text.split())),
        round(line.size * 2) / 2,
        round(line.top / 4),
    )


def _band(lines: list[_Line]) -> set[int]:
    """The indices of the lines at the top and at the bottom of a page."""
    order = sorted(range(len(lines)), key=lambda i: -lines[i].top)
    return {*order[:_BAND], *order[-_BAND:]}


def _drop_running(pages: list[list[_Line]]) -> list[list[_Line]]:
    """The pages without page numbers and running headers and footers."""
    bands = [_band(lines) for lines in pages]
    seen: Counter[tuple[str, float, int]] = Counter()
    for lines, band in zip(pages, bands, strict=True):
        seen.update({_key(lines[i]) for i in band})
    with_text = sum(1 for lines in pages if lines)
    running = {
        key for key, count in seen.items() if with_text >= 2 and count >= max(2, with_text / 2)
    }
    kept = []
    for lines, band in zip(pages, bands, strict=True):
        kept.append(
            [
                line
                for i, line in enumerate(lines)
                if i not in band
                or not (_PAGE_NUMBER.match(line.text.strip()) or _key(line) in running)
            ]
        )
    return kept


def _join(pages: list[list[_Line]]) -> tuple[str, list[int]]:
    """The text of the body lines and the offset each page starts at."""
    full = _full_width([line for lines in pages for line in lines])
    parts: list[str] = []
    length = 0
    starts: list[int] = []
    previous: _Line | None = None
    previous_left = 0.0
    for lines in pages:
        left = min((line.left for line in lines), default=0.0)
        for number, line in enumerate(lines):
            if previous is not None:
                same_page = number > 0
                glue = "\n"
                if _runs_on(previous, previous_left, full) and _continues(
                    previous, line, left, same_page, full
                ):
                    glue = " " if _latin_pair(previous.text, line.text) else ""
                parts.append(glue)
                length += len(glue)
            if number == 0:
                starts.append(length)
            text = _CONTROLS.sub("", line.text)
            parts.append(text)
            length += len(text)
            previous, previous_left = line, left
        if not lines:
            starts.append(length)
    text = "".join(parts)
    return text, [min(start, len(text)) for start in starts]


def _full_width(lines: list[_Line]) -> float:
    """The width of a full line of the body: the widest lines' common width."""
    if not lines:
        return 0.0
    widths = sorted(line.right - line.left for line in lines)
    return widths[int(len(widths) * 0.9) if len(widths) > 1 else 0]


def _runs_on(line: _Line, left: float, full: float) -> bool:
    """Whether the line runs to the right margin (its sentence may go on)."""
    return line.right - left >= full - 1.5 * line.size


def _continues(previous: _Line, line: _Line, left: float, same_page: bool, full: float) -> bool:
    """Whether ``line`` carries on the paragraph of ``previous``: not indented, no blank space
    between them (on the same page), and not a headline after a finished sentence (a short
    line with no comma or full stop: ``二、2025年工作安排``)."""
    if line.left - left >= 0.8 * line.size:
        return False
    if same_page and previous.bottom - line.top > 1.2 * max(previous.size, line.size):
        return False
    return not (
        previous.text[-1] in _SENTENCE_END
        and not _runs_on(line, left, full)
        and not _PROSE.search(line.text)
    )


def _latin_pair(before: str, after: str) -> bool:
    return bool(before and after and _LATIN.match(before[-1]) and _LATIN.match(after[0]))
