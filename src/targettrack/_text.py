"""Text normalisation and numerals shared by the units parser and the extractor.

Policy documents carry full-width digits and punctuation, spaces and line breaks inside
numbers, and glyphs at private-use code points (U+E010 stands for a decimal point in the
Zhejiang guidance). :func:`normalise` maps each character on its own, so that every
character of the normalised text can be traced back to the original one.
"""

from __future__ import annotations

import re
import unicodedata
from fractions import Fraction

__all__ = [
    "CHINESE_DIGITS",
    "MAGNITUDES",
    "MAX_MAGNITUDE",
    "MAX_NUMBER_LENGTH",
    "MIN_MAGNITUDE",
    "check_magnitude",
    "normalise",
    "normalise_char",
    "parse_chinese_number",
    "long_numbers",
    "parse_number",
    "shorten",
]

#: Private-use glyphs seen in the documents, and what they stand for.
PRIVATE_USE: dict[str, str] = {
    "\ue010": ".",
}

#: Characters folded after NFKC: dashes of ranges, the ideographic full stop inside numbers
#: is left alone (it ends sentences).
FOLD: dict[str, str] = {
    "–": "—",
    "―": "—",
    "－": "-",
    "−": "-",
    "～": "~",
    "〜": "~",
}

CHINESE_DIGITS: dict[str, int] = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}

#: Magnitude words, as written before a unit (3.5万家, 1.19万亿元).
MAGNITUDES: dict[str, int] = {
    "十": 10,
    "百": 100,
    "千": 1_000,
    "万": 10_000,
    "十万": 100_000,
    "百万": 1_000_000,
    "千万": 10_000_000,
    "亿": 100_000_000,
    "十亿": 1_000_000_000,
    "百亿": 10_000_000_000,
    "千亿": 100_000_000_000,
    "万亿": 1_000_000_000_000,
}

#: The longest number read, in characters (digits, numerals, decimal point, sign, fraction
#: bar): no document states a figure longer than this, and a longer run of digits or numerals
#: is not read as a number (docs/input.md).
MAX_NUMBER_LENGTH = 40
#: The largest magnitude of a number read, and of an amount; and the smallest magnitude of an
#: amount that is not zero: within these bounds every conversion between units and every ratio
#: of two amounts stays a finite float (docs/input.md).
MAX_MAGNITUDE = 1e30
MIN_MAGNITUDE = 1e-30

_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
_LARGE_UNITS = {"万": 10_000, "亿": 100_000_000}


def normalise_char(char: str) -> str:
    """The normalised form of one character (possibly several characters, or none)."""
    if char in PRIVATE_USE:
        return PRIVATE_USE[char]
    folded = unicodedata.normalize("NFKC", char)
    return "".join(FOLD.get(c, c) for c in folded)


def normalise(text: str) -> tuple[str, list[int]]:
    """Normalise ``text`` character by character.

    Returns the normalised text and, for each of its characters, the index of the original
    character it came from, plus one final entry ``len(text)`` so that an end offset maps too.
    """
    out: list[str] = []
    origin: list[int] = []
    for index, char in enumerate(text):
        mapped = normalise_char(char)
        out.append(mapped)
        origin.extend([index] * len(mapped))
    origin.append(len(text))
    return "".join(out), origin


_CHINESE_NUMBER = re.compile(r"^[零〇一二两三四五六七八九十百千万亿]+$")


def parse_chinese_number(text: str) -> int:
    """Read a Chinese numeral: 十五 → 15, 两千 → 2000, 一千五百 → 1500, 三万五千 → 35000.

    Raises ``ValueError`` for text that is not a well-formed numeral.
    """
    if not text or not _CHINESE_NUMBER.match(text):
        raise ValueError(f"not a Chinese numeral: {shorten(text)}")
    if all(c in CHINESE_DIGITS for c in text) and len(text) > 1:
        # 二〇二五: digit by digit
        return int("".join(str(CHINESE_DIGITS[c]) for c in text))
    # Terms closed by 万 or 亿, as (value, order): orders must fall strictly (一亿五千万), and
    # a large unit scales the lower terms before it (十五万亿 is 15 × 10⁴ × 10⁸, 三万五千亿 is
    # 35 000 × 10⁸). Within a term, 十/百/千 must fall too (五十五十 is not a numeral).
    terms: list[tuple[int, int]] = []
    section = 0
    last_small = 10_000
    digit: int | None = None
    for char in text:
        if char in CHINESE_DIGITS:
            if digit is not None:
                raise ValueError(f"not a Chinese numeral: {shorten(text)}")
            digit = CHINESE_DIGITS[char] or None
        elif char in _SMALL_UNITS:
            small = _SMALL_UNITS[char]
            if small >= last_small:
                raise ValueError(f"not a Chinese numeral: {shorten(text)}")
            section += (1 if digit is None else digit) * small
            last_small = small
            digit = None
        else:
            large = _LARGE_UNITS[char]
            lower = [(value, order) for value, order in terms if order < large]
            terms = [(value, order) for value, order in terms if order >= large]
            part = section + (digit or 0) + sum(value for value, _ in lower)
            if part == 0:
                if terms:
                    # 万万, 亿万: nothing for the unit to scale
                    raise ValueError(f"not a Chinese numeral: {shorten(text)}")
                part = 1
            order = large * max((order for _, order in lower), default=1)
            if terms and terms[-1][1] <= order:
                raise ValueError(f"not a Chinese numeral: {shorten(text)}")
            terms.append((part * large, order))
            section = 0
            last_small = 10_000
            digit = None
    return sum(value for value, _ in terms) + section + (digit or 0)


_ARABIC = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
_FRACTION = re.compile(r"^([+-]?\d+(?:\.\d+)?)/(\d+(?:\.\d+)?)$")
_CHINESE_FRACTION = re.compile(r"^(.+)分之(.+)$")


def check_magnitude(value: float | Fraction, text: str) -> None:
    """Raise ``ValueError`` unless ``value`` (read from ``text``) is finite and its magnitude is
    at most :data:`MAX_MAGNITUDE`."""
    magnitude = abs(float(value))
    if not magnitude <= MAX_MAGNITUDE:  # also NaN
        raise ValueError(
            f"{shorten(text)} is larger than {MAX_MAGNITUDE:g}, the largest number read"
        )


_LONG_NUMBER = re.compile(
    f"[0-9０-９零〇一二两三四五六七八九十百千万亿.．\ue010]{{{MAX_NUMBER_LENGTH + 1},}}"
)


def long_numbers(text: str) -> list[tuple[int, int]]:
    """The spans of ``text`` (original, not normalised) where digits or numerals run on for
    more than :data:`MAX_NUMBER_LENGTH` characters: figures no reader takes as numbers."""
    return [match.span() for match in _LONG_NUMBER.finditer(text)]


#: A lone surrogate: how Python holds a byte of a file name that is not UTF-8 (surrogateescape).
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escaped_byte(found: re.Match[str]) -> str:
    code = ord(found.group())
    return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else f"\\u{code:04x}"


def file_name(name: str) -> str:
    """A file name as text that can be written: each byte that is not UTF-8 (a GBK name as
    unzip leaves it, held by Python as a lone surrogate) written ``\\xba``. A document is cited
    by this name in every report; its file is still read by its own name."""
    return _SURROGATE.sub(_escaped_byte, name)


def shorten(text: str, limit: int = 40) -> str:
    """``text`` quoted for a message, cut to ``limit`` characters (a message stays one line)."""
    if len(text) <= limit:
        return repr(text)
    return repr(text[:limit]) + f"… ({len(text)} characters)"


def parse_number(text: str) -> Fraction | float:
    """Read a number already normalised: ``2.5``, ``-16``, ``1/3``, ``三分之一``, ``一千五百``.

    Fractions come back exact (:class:`fractions.Fraction`), everything else as ``float``.
    Raises ``ValueError`` for anything else, for a number longer than
    :data:`MAX_NUMBER_LENGTH` characters and for one beyond :data:`MAX_MAGNITUDE`.
    """
    if len(text) > MAX_NUMBER_LENGTH:
        raise ValueError(
            f"{shorten(text)} is longer than {MAX_NUMBER_LENGTH} characters, "
            "the longest number read"
        )
    value = _parse_number(text)
    check_magnitude(value, text)
    return value


def _parse_number(text: str) -> Fraction | float:
    if _ARABIC.match(text):
        return float(text)
    match = _FRACTION.match(text)
    if match:
        denominator = Fraction(match.group(2))
        if denominator == 0:
            raise ValueError(f"division by zero in {shorten(text)}")
        return Fraction(match.group(1)) / denominator
    match = _CHINESE_FRACTION.match(text)
    if match:
        denominator_value = _parse_number(match.group(1))
        numerator_value = _parse_number(match.group(2))
        if denominator_value == 0:
            raise ValueError(f"division by zero in {shorten(text)}")
        return Fraction(numerator_value) / Fraction(denominator_value)
    return float(parse_chinese_number(text))
