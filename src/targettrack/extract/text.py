"""The extractor's view of a document: normalised, compacted text with a map back.

:func:`prepare` folds the text with :func:`targettrack._text.normalise` (full-width forms,
private-use glyphs) and then removes what only the layout put there: white space inside
sentences (a line break in the middle of a word or a number) and markdown emphasis (``**``).
A line break is kept, as ``\\n``, where it ends a sentence or a headline, since headlines
(``2025年重点工作``, ``安徽省经济和信息化厅``) carry the document's structure.

Every character of the compact text maps back to the original character it came from, so a
span found in the compact text is a span of the original text.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Sequence

import attrs

from .._text import normalise_char

__all__ = ["Prepared", "prepare"]

#: Characters after which a line break ends a sentence.
_TERMINATORS = frozenset("。;!?:…")
#: Longest line (in characters) still read as a headline when it has no comma.
_HEADLINE = 40
#: White space and emphasis marks, and image captions on lines of their own (图为…). Both
#: forms start with white space or ``*``: testing that first lets the engine skip the text.
_REMOVABLE = re.compile(
    r"(?=[\s*])"
    r"(?:(?:[\s*]*\n[ \t\u3000]*图为[^\n]{0,80}(?=\n))+[\s*]*|[\s*]+)"
)
_BULLETS = frozenset("●•▪■◆")
#: Characters that go on a number: a break between a digit and one of these is inside it.
_NUMBER_TAIL = frozenset(".%‰万亿千百十个家项元户人台套名条座辆")
#: A line with any of these is prose, not a headline.
_PUNCTUATION = frozenset(",。;:、%!?")


class _Folds(dict[int, str]):
    """Code point → normalised form, for ``str.translate``; filled in as characters are met,
    so each character is normalised once. The characters whose form is not exactly one
    character (ﬁ → fi, a private-use glyph → nothing) are kept apart: only around them does
    an offset of the normalised text differ from the original's."""

    def __init__(self) -> None:
        super().__init__()
        self.irregular: set[str] = set()
        self._pattern: re.Pattern[str] | None = None

    def __missing__(self, code: int) -> str:
        mapped = normalise_char(chr(code))
        if len(mapped) != 1:
            self.irregular.add(chr(code))
            self._pattern = None
        self[code] = mapped
        return mapped

    def pattern(self) -> re.Pattern[str] | None:
        """A pattern finding the irregular characters, or None while there are none."""
        if self._pattern is None and self.irregular:
            self._pattern = re.compile("|".join(map(re.escape, sorted(self.irregular))))
        return self._pattern


_TABLE = _Folds()


def _fold(text: str) -> tuple[str, Sequence[int] | None]:
    """Normalise ``text``; the index map is None when every character maps to exactly one.

    The text is translated in one pass; the map is built only around the characters that
    do not map to one character, by runs of the identity between them."""
    folded = text.translate(_TABLE)
    pattern = _TABLE.pattern()
    found = [] if pattern is None else [m.start() for m in pattern.finditer(text)]
    if not found:
        return folded, None
    origin: list[int] = []
    previous = 0
    for position in found:
        origin.extend(range(previous, position))
        origin.extend([position] * len(_TABLE[ord(text[position])]))
        previous = position + 1
    origin.extend(range(previous, len(text)))
    origin.append(len(text))
    return folded, origin


@attrs.frozen
class Prepared:
    """A document ready for the extractor: compact text and the map back to the original."""

    original: str
    compact: str
    #: compact offsets where a run of kept characters starts, and the normalised offset
    #: each run starts at (parallel lists, sorted)
    _runs: list[int] = attrs.field(repr=False)
    _starts: list[int] = attrs.field(repr=False)
    #: normalised offset → original offset (None: the identity)
    _origin: Sequence[int] | None = attrs.field(repr=False)
    #: compact offsets of the line breaks kept as sentence ends
    breaks: frozenset[int] = attrs.field(repr=False, factory=frozenset)

    def _normalised(self, offset: int) -> int:
        index = bisect.bisect_right(self._runs, offset) - 1
        if index < 0:
            return offset
        return self._starts[index] + (offset - self._runs[index])

    def _to_original(self, normalised: int) -> int:
        if self._origin is None:
            return min(normalised, len(self.original))
        if normalised >= len(self._origin):
            return len(self.original)
        return self._origin[normalised]

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The original span of the compact span ``[start, end)``."""
        if end <= start:
            position = self._to_original(self._normalised(start))
            return position, position
        first = self._to_original(self._normalised(start))
        last = self._to_original(self._normalised(end - 1))
        # the end is one past the original character the last compact character came from
        stop = last + 1
        stop = max(stop, first)
        return first, min(stop, len(self.original))


#: A numbered heading: 一、2024年工作回顾, (三)改革开放持续深化 — its 、 is not a comma.
_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}、|[(（][一二三四五六七八九十]{1,3}[)）])")


def _is_heading(line: str) -> bool:
    """A short numbered heading line, with no sentence inside it."""
    match = _HEADING.match(line)
    if match is None:
        return False
    rest = line[match.end() :]
    return (
        "。" not in rest and "," not in rest and ";" not in rest and len(line.strip()) <= _HEADLINE
    )


#: A year in Chinese numerals (二〇二六年): read as its digits, one for one, so offsets stay
_CHINESE_YEAR = re.compile("[〇○零一二三四五六七八九]{4}(?=年)")
_YEAR_DIGITS = str.maketrans("〇○零一二三四五六七八九", "000123456789")


def _arabic_years(text: str) -> str:
    """``text`` with every year written in Chinese numerals written in digits (二〇二七年 →
    2027年): the same length, so every offset is the same."""
    if "年" not in text:
        return text
    return _CHINESE_YEAR.sub(lambda m: m.group().translate(_YEAR_DIGITS), text)


#: A text hard-wrapped at a width (a PDF's text layer, a mail): at least this share of its
#: lines are of one length, and at least this many
_WRAPPED_SHARE = 0.3
_WRAPPED_LINES = 8


def wrap_width(text: str) -> int | None:
    """The width ``text`` is hard-wrapped at, or None: the one length (of 16 characters or
    more) that at least 30% of its lines longer than 10 characters have — lines a writer
    ends where a sentence ends have no such common length."""
    lengths = Counter(len(line) for line in text.split("\n") if len(line.strip()) > 10)
    if not lengths:
        return None
    total = sum(lengths.values())
    width, count = max(
        ((w, c + lengths.get(w - 1, 0)) for w, c in lengths.items() if w >= 16),
        key=lambda item: (item[1], item[0]),
        default=(0, 0),
    )
    if count >= _WRAPPED_LINES and count >= _WRAPPED_SHARE * total:
        return width
    return None


#: Line ends other than ``\n`` (and the ``\r`` of ``\r\n``): a carriage return alone (old Mac
#: files, ``tr '\n' '\r'``), NEL, the Unicode line and paragraph separators, vertical tab and
#: form feed — each read as the line break it is, one character for one.
_OTHER_LINE_END = re.compile("\r(?!\n)|[\x0b\x0c\x85\u2028\u2029]")


def prepare(text: str) -> Prepared:
    """Normalise and compact ``text`` for the extractor. Every line end is a line break,
    whatever its character: a text reads the same with ``\\n``, ``\\r\\n`` or ``\\r`` alone."""
    normalised, origin = _fold(text)
    normalised = _OTHER_LINE_END.sub("\n", _arabic_years(normalised))
    wrapped = wrap_width(normalised)
    pieces: list[str] = []
    runs: list[int] = []
    starts: list[int] = []
    breaks: set[int] = set()
    length = 0
    position = 0
    line_start = 0
    line_origin = 0
    line_comma = False
    for match in _REMOVABLE.finditer(normalised):
        begin, finish = match.span()
        if begin > position:
            chunk = normalised[position:begin]
            runs.append(length)
            starts.append(position)
            pieces.append(chunk)
            length += len(chunk)
            if not line_comma and not _PUNCTUATION.isdisjoint(chunk):
                line_comma = True
        position = finish
        if "\n" not in match.group():
            continue
        previous = pieces[-1][-1] if pieces and pieces[-1] else ""
        line_length = length - line_start
        headline = 0 < line_length <= _HEADLINE and (
            not line_comma or _is_heading(normalised[line_origin:begin])
        )
        if not headline:
            # the next line may be a headline: 2021年工作思路 after an unfinished paragraph
            line_end = normalised.find("\n", finish)
            line_end = len(normalised) if line_end < 0 else line_end
            following = normalised[finish:line_end].strip()
            headline = 0 < len(following) <= _HEADLINE and (
                _PUNCTUATION.isdisjoint(following) or _is_heading(following)
            )
        bullet = finish < len(normalised) and (
            normalised[finish] in _BULLETS
            or (normalised[finish] == "-" and normalised[finish + 1 : finish + 2].isspace())
        )
        following_char = normalised[finish : finish + 1]
        if (previous.isdigit() or previous == ".") and (
            following_char.isdigit() or following_char in _NUMBER_TAIL
        ):
            headline = bullet = False  # a number broken across lines: ２ ７\n５３户
        if wrapped is not None and begin - line_origin >= wrapped - 1:
            headline = bullet = False  # a line the wrapping ended, not its writer
        if previous and (previous in _TERMINATORS or headline or bullet):
            # keep one line break, mapped onto the first removed character
            runs.append(length)
            starts.append(begin + match.group().index("\n"))
            pieces.append("\n")
            breaks.add(length)
            length += 1
        line_start = length
        line_origin = finish
        line_comma = False
    if position < len(normalised):
        runs.append(length)
        starts.append(position)
        pieces.append(normalised[position:])
    return Prepared(text, "".join(pieces), runs, starts, origin, frozenset(breaks))
