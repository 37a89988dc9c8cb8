"""The governments documents are written by: names, short forms, levels, as data.

``data/places.yaml`` lists the nation, every provincial-level unit and every prefecture-level
city, 地区, 自治州 and 盟, each with its full name (苏州市, 广西壮族自治区, 延边朝鲜族自治州), the
short form documents use (苏州, 广西, 延边), its level and, below the provinces, its province. A
user adds a county or a district in a file of the same shape (:meth:`Places.from_files`,
``--places FILE``) without reading Python.

:meth:`Places.find` finds every name of a text, the longest first, so that 苏州市 is never read
as a province and 国家统计局苏州调查队 names 苏州, not the nation.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from ._errors import DataError
from ._files import line_of, load_yaml

__all__ = [
    "LEVELS",
    "Place",
    "PlaceMention",
    "Places",
    "default_places",
    "places_files",
]

#: The levels of government, from the nation down; the words a level is written with.
LEVELS: dict[str, str] = {
    "nation": "全国",
    "province": "省",
    "autonomous_region": "自治区",
    "municipality": "直辖市",
    "sar": "特别行政区",
    "prefecture": "地级市",
    "prefecture_area": "地区、自治州、盟",
    "county": "县、县级市、区、旗",
    "city": "市 (a city whose level the table does not say)",
}
#: The levels whose government reports to the nation (a province's peers).
PROVINCIAL = frozenset({"province", "autonomous_region", "municipality", "sar"})


def _level(instance: Any, attribute: attrs.Attribute[str], value: str) -> None:
    if value not in LEVELS:
        raise ValueError(f"'{attribute.name}' must be one of {', '.join(LEVELS)} (got {value!r})")


@attrs.frozen
class Place:
    """A government: its full name, the short form documents use, its level and province."""

    name: str
    short: str
    level: str = attrs.field(validator=_level)
    province: str | None = None
    #: the short form is also another place's (吉林市 / 吉林省): only the full name names it
    ambiguous: bool = False

    @property
    def provincial(self) -> bool:
        return self.level in PROVINCIAL or self.level == "nation"


@attrs.frozen
class PlaceMention:
    """A name of a place found in a text, at ``[start, end)``."""

    place: Place
    start: int
    end: int
    #: the full name was written (苏州市), not only the short form (苏州)
    full: bool


def places_files() -> list[Path]:
    """The shipped place files."""
    return [Path(str(resources.files("targettrack") / "data" / "places.yaml"))]


class Places:
    """A table of places, looked up by full name and by short form."""

    def __init__(self, places: Iterable[Place]) -> None:
        self._places = list(places)
        self._names: dict[str, Place] = {}
        self._shorts: dict[str, Place] = {}
        for place in self._places:
            self._names[place.name] = place
            if not place.ambiguous:
                # a province's short form wins over a city's ambiguous one (吉林)
                self._shorts.setdefault(place.short, place)
        names = sorted({*self._names, *self._shorts}, key=lambda n: (-len(n), n))
        self._pattern = re.compile("|".join(map(re.escape, names))) if names else None

    @classmethod
    def from_files(cls, files: Sequence[str | Path]) -> Places:
        """The places of ``files`` in order; a later file's entry replaces an earlier one of
        the same full name."""
        table: dict[str, Place] = {}
        for file in files:
            for place in _read(Path(file)):
                table[place.name] = place
        return cls(table.values())

    def __iter__(self) -> Iterator[Place]:
        return iter(self._places)

    def __len__(self) -> int:
        return len(self._places)

    def get(self, name: str) -> Place | None:
        """The place of a full name (苏州市) or an unambiguous short form (苏州)."""
        return self._names.get(name) or self._shorts.get(name)

    def find(self, text: str, start: int = 0, end: int | None = None) -> Iterator[PlaceMention]:
        """Every name of a place in ``text[start:end]``, longest first where names overlap."""
        if self._pattern is None:
            return
        for match in self._pattern.finditer(text, start, len(text) if end is None else end):
            name = match.group()
            place = self._names.get(name)
            full = place is not None
            place = place or self._shorts[name]
            yield PlaceMention(place, match.start(), match.end(), full)


def _read(path: Path) -> list[Place]:
    data = load_yaml(path)
    entries = data.get("places") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise DataError(str(path), 1, "expected a mapping with a list 'places'")
    result = []
    for entry in entries:
        line = line_of(entry)
        if not isinstance(entry, dict):
            raise DataError(
                str(path), line, f"expected a place (name, short, level), got {entry!r}"
            )
        fields: dict[str, Any] = {}
        for key in ("name", "short", "level", "province"):
            value = entry.get(key)
            if value is not None and not isinstance(value, str):
                raise DataError(str(path), line, f"'{key}' must be text (got {value!r})")
            fields[key] = value
        if not fields["name"] or not fields["short"] or not fields["level"]:
            raise DataError(str(path), line, "a place needs a name, a short form and a level")
        ambiguous = entry.get("ambiguous", False)
        if not isinstance(ambiguous, bool):
            raise DataError(
                str(path), line, f"'ambiguous' must be true or false (got {ambiguous!r})"
            )
        try:
            result.append(Place(ambiguous=ambiguous, **fields))
        except ValueError as error:
            raise DataError(str(path), line, str(error)) from None
    return result


@functools.cache
def default_places() -> Places:
    """The shipped places."""
    return Places.from_files(places_files())
