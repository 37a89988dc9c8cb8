"""Quantities of Chinese policy text, on one pint registry loaded from ``data/units.txt``.

>>> import targettrack as tt
>>> tt.quantity("3.5万家").to("enterprise")
<Quantity(35000.0, 'enterprise')>
>>> round(tt.quantity("1.19万亿元").to("亿元").magnitude, 6)
11900.0

pint's own string parser is not safe on raw document text (it drops characters it cannot
tokenise), so text is normalised and split by the grammar below first, and pint only ever
sees unit names that the definitions file declares.

Grammar (after normalisation: full-width forms folded, private-use glyphs mapped, white space
removed)::

    quantity  := number [unit | magnitude] | "百分之" number
    number    := arabic | arabic "/" arabic | chinese | chinese "分之" chinese
    unit      := part (("/" | "·" | "*") part)*
    part      := [magnitude] name | "%" | "‰" | "个百分点"
    magnitude := 十 | 百 | 千 | 万 | 十万 | 百万 | 千万 | 亿 | 十亿 | 百亿 | 千亿 | 万亿

An alternative classifier in brackets is dropped: ``12.6万台（套）`` is read as ``12.6万台``.
"""

from __future__ import annotations

import difflib
import functools
import re
from importlib import resources
from typing import Any

import pint

from ._checks import check
from ._errors import UnitError
from ._text import MAGNITUDES, MAX_NUMBER_LENGTH, check_magnitude, normalise, shorten

__all__ = [
    "Quantity",
    "dimension_name",
    "format_quantity",
    "known_units",
    "quantity",
    "registry",
    "split_quantity",
    "unit",
]

_DEFINITIONS = "data/units.txt"


def _load_registry() -> tuple[Any, frozenset[str], frozenset[str]]:
    text = resources.files("targettrack").joinpath(_DEFINITIONS).read_text(encoding="utf-8")
    ureg: Any = pint.UnitRegistry(None, autoconvert_offset_to_baseunit=False)
    ureg.load_definitions(text.splitlines())
    names: set[str] = set()
    prefixes: set[str] = set()
    in_block = False
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        if line.startswith("@"):
            # @defaults … @end holds settings (group = …, system = …), not units
            in_block = line.startswith("@defaults") or (in_block and line != "@end")
            continue
        if in_block or not line or "=" not in line:
            continue
        fields = [f.strip() for f in line.split("=")]
        if fields[0].endswith("-"):
            prefixes.update(f.rstrip("-") for f in [fields[0], *fields[2:]] if f != "_")
            continue
        names.add(fields[0])
        names.update(f for f in fields[2:] if f != "_")
    return ureg, frozenset(names), frozenset(prefixes)


registry, _NAMES, _PREFIXES = _load_registry()
#: The quantity class of :data:`registry`.
Quantity = registry.Quantity

_NUMBER = re.compile(
    r"^(?P<number>[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?(?:/\d+(?:\.\d+)?)?)"
)
_CHINESE_NUMBER = re.compile(r"^[零〇一二两三四五六七八九十百千万亿]+")
_CHINESE_FRACTION = re.compile(
    r"^(?P<den>[零〇一二两三四五六七八九十百千万亿\d.]+)分之(?P<num>[零〇一二两三四五六七八九十百千万亿\d.]+)"
)
_BRACKETED = re.compile(r"\([^()]*\)$")
_SEPARATORS = re.compile(r"[/·*]")
_SPECIAL = {"%": "percent", "‰": "permille", "个百分点": "percentage_point"}
_MAGNITUDE_WORDS = sorted(MAGNITUDES, key=len, reverse=True)


def known_units() -> frozenset[str]:
    """Every unit name, symbol and alias the registry declares (without magnitudes)."""
    return _NAMES


def _clean(text: str) -> str:
    normalised, _ = normalise(text)
    return "".join(normalised.split())


def _suggest(text: str) -> tuple[str, ...]:
    if len(text) > 20:
        return ()  # no unit name is this long, and difflib's time grows with the square
    return tuple(difflib.get_close_matches(text, sorted(_NAMES), n=3, cutoff=0.3))


def _part(original: str, part: str) -> str:
    """The pint name of one unit part, such as 万元 or %."""
    if part in _SPECIAL:
        return _SPECIAL[part]
    if part in _NAMES:
        return part
    for word in _MAGNITUDE_WORDS:
        if part.startswith(word) and part[len(word) :] in _NAMES:
            rest = part[len(word) :]
            return word + (_SPECIAL.get(rest) or rest)
    raise UnitError(original, f"unknown unit {shorten(part)}", _suggest(part))


def _unit(original: str, text: str) -> Any:
    """The unit written ``text`` (normalised); errors name ``original``, the text as given."""
    try:
        return _unit_of(text)
    except UnitError as error:
        raise UnitError(original, error.reason, error.suggestions) from None


@functools.lru_cache(maxsize=2048)
def _unit_of(text: str) -> Any:
    # cached by the unit alone: 3.5万家 and 12万家 share the work of reading 万家
    if not text:
        return registry.dimensionless
    text = _BRACKETED.sub("", text)
    parts = _SEPARATORS.split(text)
    operators = _SEPARATORS.findall(text)
    if any(not p for p in parts):
        raise UnitError(text, f"malformed unit {shorten(text)}", _suggest(text))
    result = registry.Unit(_part(text, parts[0]))
    for operator, part in zip(operators, parts[1:], strict=True):
        other = registry.Unit(_part(text, part))
        result = result / other if operator == "/" else result * other
    return result


def unit(text: str) -> Any:
    """The pint unit written as ``text`` (万元/人, 家, %, 吨标准煤/万元)."""
    return _unit(text, _clean(text))


def _number(original: str, text: str) -> tuple[float, str]:
    """Split ``text`` into a number and the rest."""
    from ._text import parse_number

    if text.startswith("百分之"):
        value, rest = _number(original, text[3:])
        if rest not in ("", "%"):
            raise UnitError(original, f"unexpected {shorten(rest)} after 百分之…")
        return value, "%"
    match = _CHINESE_FRACTION.match(text)
    if match:
        try:
            number = parse_number(match.group(0))
        except ValueError as error:
            raise UnitError(original, str(error)) from None
        return float(number), text[match.end() :]
    match = _NUMBER.match(text)
    if match:
        try:
            number = parse_number(match.group("number"))
        except (ValueError, ZeroDivisionError) as error:
            raise UnitError(original, str(error)) from None
        return float(number), text[match.end() :]
    match = _CHINESE_NUMBER.match(text)
    if match:
        run = match.group(0)
        # keep a trailing magnitude that belongs to the unit when the rest is a unit name:
        # 五万家 reads as 5 × 万家 either way, so read the whole run as the number.
        try:
            return float(parse_number(run)), text[match.end() :]
        except ValueError as error:
            if len(run) > MAX_NUMBER_LENGTH:
                raise UnitError(original, str(error)) from None
    raise UnitError(original, "expected a number (such as 15, 2.5, 1/3, 十五, 三分之一)")


def quantity(text: str) -> Any:
    """Read a quantity as written in a Chinese policy document.

    ``quantity("3.5万家")`` is 3.5 万家 (35 000 enterprises); ``quantity("１５％")`` and
    ``quantity("百分之十五")`` are 15 %; ``quantity("1 ／ 3")`` is one third.

    Raises :class:`~targettrack.UnitError` (a ``ValueError``) naming the text and the nearest
    known units when the text is not a quantity.
    """
    value, rest = _split(text)
    return Quantity(value, _unit(text, rest))


def split_quantity(text: str) -> tuple[float, str]:
    """Split a quantity as written into its number and its unit text, classifier kept.

    ``split_quantity("３\ue010 ５ 万家")`` is ``(3.5, "万家")``; ``"12.6万台（套）"`` gives
    ``(12.6, "万台")``. Raises :class:`~targettrack.UnitError` like :func:`quantity`.
    """
    value, rest = _split(text)
    _unit(text, rest)
    return value, rest


def _split(text: str) -> tuple[float, str]:
    """The number and the unit text (not yet checked) of a quantity as written."""
    if not isinstance(text, str):
        raise UnitError(repr(text), f"expected text, got {type(text).__name__}")
    cleaned = _clean(text)
    if not cleaned:
        raise UnitError(text, "the text is empty")
    value, rest = _number(text, cleaned)
    if rest in MAGNITUDES:
        # 3.5万, 1.19万亿: a magnitude with no unit after it is part of the number
        value *= MAGNITUDES[rest]
        try:
            check_magnitude(value, cleaned)
        except ValueError as error:
            raise UnitError(text, str(error)) from None
        return value, ""
    return value, _BRACKETED.sub("", rest)


def format_quantity(value: Any) -> str:
    """Write a quantity compactly, the way :func:`quantity` reads it back: ``35万元/人``."""
    check("value", value, pint.Quantity, "a quantity (tt.quantity)")
    magnitude = float(value.magnitude)
    number = repr(magnitude)
    if number.endswith(".0"):
        number = number[:-2]
    units = f"{value.units:~}".replace(" ", "")
    if units == "":
        return number
    units = units.replace("**", "^")
    if "^" in units or "(" in units:
        raise UnitError(str(value), "a power of a unit has no written form here")
    return number + units


_DIMENSION_NAMES = {
    "[currency]": "money",
    "[enterprise]": "enterprise",
    "[item]": "item",
    "[person]": "person",
    "[visit]": "visit",
    "[length] ** 2": "area",
    "[length]": "length",
    "[mass]": "mass",
    "[energy]": "energy",
    "[energy] / [currency]": "energy intensity",
    "[currency] / [person]": "money per person",
    "[currency] / [enterprise]": "money per enterprise",
    "[currency] / [item]": "money per item",
    "[currency] / [length] ** 2": "money per area",
    "[time]": "time",
    "[computing]": "computing power",
    "[energy] / [time]": "power",
    "[length] ** 3": "volume",
    "[length] ** 3 / [currency]": "volume per money",
    "[mass] / [length] ** 3": "concentration",
    "[container]": "containers",
}


def dimension_name(value: Any) -> str:
    """A readable name of the dimension of a quantity or unit: ``ratio``, ``money``, ``enterprise``."""
    dimensionality = value.dimensionality
    if not dimensionality:
        return "ratio"
    key = str(dimensionality)
    return _DIMENSION_NAMES.get(key, key)
