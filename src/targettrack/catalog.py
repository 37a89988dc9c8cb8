"""The metric catalog: what each goal and outcome measures, and what keeps unlike things apart.

Metrics are data (``data/catalog/*.yaml``); each has a stable id, Chinese and English names, a
kind (stock, flow, level, share, ratio), the unit values are compared in, the direction of
improvement, a theme, the level of recognition (national or provincial) where a programme
exists at both, and the wordings different documents use for it.
"""

from __future__ import annotations

import enum
import functools
import re
from collections.abc import Iterable, Iterator, Mapping
from importlib import resources
from pathlib import Path
from typing import Any

import attrs

from ._checks import check_paths
from ._errors import DataError, UnitError, ValidationError
from ._files import line_of, load_yaml
from ._text import MAGNITUDES
from .units import dimension_name, quantity, unit

__all__ = [
    "About",
    "Catalog",
    "Direction",
    "Kind",
    "Metric",
    "catalog_files",
    "convert_between",
    "default_catalog",
]


class Kind(enum.StrEnum):
    """What a metric's values are."""

    STOCK = "stock"  # a total at a point in time (总量, 累计)
    FLOW = "flow"  # additions within a period (新增, 新培育, 新认定)
    LEVEL = "level"  # a value for a period (增加值, 营收, 投资额)
    SHARE = "share"  # a part of a whole (占…比重)
    RATIO = "ratio"  # another dimensionless level (覆盖率, 容积率)


class Direction(enum.StrEnum):
    """Which way is better."""

    HIGHER = "higher"
    LOWER = "lower"


class About(enum.StrEnum):
    """How a target written with 左右 ("about") is read for a metric."""

    FLOOR = "floor"  # met at or above the target: 增长5%左右 (higher is better)
    CEILING = "ceiling"  # met at or below the target: 居民消费价格涨幅2%左右 (lower is better)
    BAND = "band"  # met within the tolerance on either side


#: The fields of a metric that are texts, and those of them that cannot be empty.
_TEXTS = ("id", "zh", "en", "kind", "unit", "direction", "theme")
_REQUIRED_TEXTS = frozenset(("id", "zh", "en", "kind"))


def _unit_text(instance: Metric, attribute: attrs.Attribute[str], value: str) -> None:
    try:
        unit(value)
    except UnitError as error:
        raise ValidationError(attribute.name, "a unit targettrack knows", value) from error


@attrs.frozen
class Metric:
    """One measurable thing, such as ``little_giants_national`` (a stock of enterprises)."""

    id: str
    zh: str
    en: str
    kind: Kind = attrs.field(converter=Kind)
    unit: str = attrs.field(validator=_unit_text)
    direction: Direction = attrs.field(converter=Direction, default=Direction.HIGHER)
    theme: str = "other"
    recognition: str | None = None
    stock: str | None = None
    classifiers: tuple[str, ...] = attrs.field(converter=tuple, default=())
    aliases: tuple[str, ...] = attrs.field(converter=tuple, default=())
    about: About | None = attrs.field(default=None, converter=attrs.converters.optional(About))

    @property
    def about_reading(self) -> About:
        """How 左右 reads for this metric: as written in the catalog, else by its direction."""
        if self.about is not None:
            return self.about
        return About.FLOOR if self.direction is Direction.HIGHER else About.CEILING

    @classmethod
    def from_record(cls, record: Mapping[str, Any]) -> Metric:
        """Build a metric from a catalog record (a mapping of the YAML fields); a field of
        the wrong type (``id: [1, 2]``, ``aliases: 增加值``) is a :class:`ValidationError`
        naming it."""
        for key in record:
            if not isinstance(key, str):
                raise ValidationError("metric", "a record whose fields are names", key)
        fields = {k: v for k, v in record.items() if not k.startswith("__")}
        unknown = set(fields) - {a.name for a in attrs.fields(cls)}
        if unknown:
            raise ValidationError(
                "metric", "a record with the catalog's fields", ", ".join(sorted(unknown))
            )
        for required in ("id", "zh", "en", "kind", "unit"):
            if required not in fields:
                raise ValidationError(required, "present in every metric", None)
        for name in _TEXTS:
            value = fields.get(name, "")
            if not isinstance(value, str):
                expected = "a unit (a text; '' for a plain number)" if name == "unit" else "a text"
                raise ValidationError(name, expected, value)
            if name in _REQUIRED_TEXTS and not value.strip():
                raise ValidationError(name, "a text that is not empty", value)
        for name in ("recognition", "stock", "about"):
            value = fields.get(name)
            if value is not None and not isinstance(value, str):
                raise ValidationError(name, "a text", value)
        for name in ("classifiers", "aliases"):
            value = fields.get(name, [])
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise ValidationError(name, "a list of texts", value)
        try:
            return cls(**fields)
        except ValueError as error:
            if isinstance(error, ValidationError):
                raise
            raise ValidationError(
                "kind/direction", "one of the documented values", str(error)
            ) from None

    @property
    def dimension(self) -> str:
        """The readable dimension of the metric's unit: ``enterprise``, ``money``, ``ratio``."""
        return _dimension(self.unit)

    @property
    def is_count(self) -> bool:
        return self.dimension in {"enterprise", "item", "person", "visit"}

    def convert(self, value: float, unit_text: str, *, change: bool = False) -> float:
        """``value`` in ``unit_text`` expressed in the metric's unit (a plain ratio for changes).

        A count written with one of the metric's other ``classifiers`` (20家 for clusters
        counted in 个) counts the same thing. Raises :class:`ValidationError` when the unit
        cannot express the metric. The factor for a unit is worked out once and remembered,
        so converting many values costs a multiplication each.
        """
        factor = _factor(self.unit, self.classifiers, unit_text, change)
        if isinstance(factor, str):
            raise ValidationError("value", factor, f"{value:g}{unit_text}")
        return value * factor

    @property
    def classifier(self) -> str:
        """The metric's unit without its magnitude: 家 for 万家, 个 for 个, % for %."""
        return _classifier(self.unit)


@functools.lru_cache(maxsize=4096)
def _dimension(unit_text: str) -> str:
    return dimension_name(unit(unit_text))


@functools.lru_cache(maxsize=4096)
def _factor(
    metric_unit: str, classifiers: tuple[str, ...], unit_text: str, change: bool
) -> float | str:
    """The factor from ``unit_text`` to ``metric_unit``, or what was expected instead."""
    if change:
        try:
            amount = quantity(f"1{unit_text}")
        except UnitError:
            return "a ratio (a growth rate or change)"
        if amount.dimensionality:
            return "a ratio (a growth rate or change)"
        return float(amount.to("dimensionless").magnitude)
    target_unit = unit(metric_unit)
    text = unit_text
    classifier = _classifier(metric_unit)
    for other in classifiers:
        if text.endswith(other):
            text = text[: -len(other)] + classifier
            break
    try:
        amount = quantity(f"1{text}")
    except UnitError:
        return f"a unit targettrack knows (got {unit_text!r})"
    if amount.dimensionality != target_unit.dimensionality:
        return f"a quantity of {dimension_name(target_unit)} ({metric_unit})"
    return float(amount.to(target_unit).magnitude)


def _classifier(unit_text: str) -> str:
    for word in sorted(MAGNITUDES, key=len, reverse=True):
        if unit_text.startswith(word) and len(unit_text) > len(word):
            return unit_text[len(word) :]
    return unit_text


def convert_between(value: float, unit_text: str, target_unit: str, *, change: bool) -> float:
    """``value`` in ``unit_text`` expressed in ``target_unit`` (a plain ratio for changes), for
    measures the catalog does not know; raises :class:`ValidationError` when they differ in kind."""
    factor = _factor(target_unit if not change else "", (), unit_text, change)
    if isinstance(factor, str):
        raise ValidationError("value", factor, f"{value:g}{unit_text}")
    return value * factor


class _WordingIndex:
    """The catalog's wordings as one compiled pattern: at each position, the longest wording
    starting there, so that the longest wording in a text is found in one pass."""

    def __init__(self, metrics: Iterable[Metric]) -> None:
        words: dict[str, str] = {}
        for metric in sorted(metrics, key=lambda m: m.id):
            for word in (metric.zh, *metric.aliases):
                if word and word not in words:
                    words[word] = metric.id
        self.words = words
        # tested first: whether the character starts any wording at all
        first = "".join(sorted({word[0] for word in words}))
        self.pattern = (
            re.compile(f"(?=[{re.escape(first)}])(?=({_trie_pattern(words)}))")
            if words
            else re.compile("(?!)")  # an empty catalog places nothing
        )

    def longest(self, text: str) -> tuple[int, str | None]:
        best: tuple[int, str] | None = None
        for match in self.pattern.finditer(text):
            word = match.group(1)
            candidate = (-len(word), self.words[word])
            if best is None or candidate < best:
                best = candidate
        return (0, None) if best is None else (-best[0], best[1])


def _trie_pattern(words: Iterable[str]) -> str:
    """A pattern matching the longest of ``words`` at a position, written as a trie.

    ``国内生产总值|国内生产总值增速`` becomes ``国内生产总值(?:增速)?``: the engine follows one branch
    per character instead of trying every wording in turn (a catalog has hundreds of them).
    A longer wording is always tried before a shorter one ends.
    """
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}  # a wording ends here

    def branch(node: dict[str, Any]) -> str:
        children = [re.escape(char) + branch(child) for char, child in node.items() if char]
        if not children:
            return ""
        body = "(?:" + "|".join(children) + ")"
        return body + "?" if "" in node else body

    return branch(trie)


def _metrics(items: Iterable[Metric]) -> tuple[Metric, ...]:
    return tuple(items)


@attrs.frozen
class Catalog:
    """A set of metrics, by id, with a lookup by Chinese wording."""

    metrics: tuple[Metric, ...] = attrs.field(converter=_metrics)
    _by_id: dict[str, Metric] = attrs.field(init=False, repr=False, eq=False)
    _index: _WordingIndex | None = attrs.field(init=False, default=None, repr=False, eq=False)

    def __attrs_post_init__(self) -> None:
        by_id: dict[str, Metric] = {}
        for metric in self.metrics:
            if metric.id in by_id:
                raise ValidationError("id", "unique in the catalog", metric.id)
            by_id[metric.id] = metric
        for metric in self.metrics:
            if metric.stock is not None and metric.stock not in by_id:
                raise ValidationError(f"{metric.id}.stock", "the id of a metric", metric.stock)
        object.__setattr__(self, "_by_id", by_id)

    @classmethod
    def from_files(cls, paths: Iterable[str | Path]) -> Catalog:
        """Load catalog YAML files (each a list of metric records)."""
        metrics: list[Metric] = []
        seen: dict[str, str] = {}
        for path in check_paths("paths", paths):
            metrics.extend(_load_file(path, seen))
        return cls(metrics)

    def __contains__(self, metric_id: object) -> bool:
        return metric_id in self._by_id

    def __getitem__(self, metric_id: str) -> Metric:
        try:
            return self._by_id[metric_id]
        except KeyError:
            raise KeyError(f"no metric {metric_id!r} in the catalog") from None

    def __iter__(self) -> Iterator[Metric]:
        return iter(self.metrics)

    def __len__(self) -> int:
        return len(self.metrics)

    def get(self, metric_id: str) -> Metric | None:
        return self._by_id.get(metric_id)

    @property
    def wordings(self) -> dict[str, str]:
        """Every name and alias, mapped to its metric's id (the first metric by id wins)."""
        return self._wording_index().words

    def longest(self, text: str) -> tuple[int, Metric | None]:
        """The metric whose wording found in ``text`` is the longest (ties by id), and that
        wording's length — the first of :meth:`find`, from one compiled pattern."""
        length, metric_id = self._wording_index().longest(text)
        return length, None if metric_id is None else self._by_id[metric_id]

    def _wording_index(self) -> _WordingIndex:
        if self._index is None:
            object.__setattr__(self, "_index", _WordingIndex(self.metrics))
        assert self._index is not None
        return self._index

    def check(
        self, metric_id: str, field: str, value: float, unit_text: str, *, change: bool
    ) -> None:
        """Raise :class:`ValidationError` (naming ``field``) unless ``value`` in ``unit_text``
        can be a figure of the metric ``metric_id``: a change is a ratio; a level is in the
        metric's dimension, and in percentage points only for a metric counted in points.
        A metric the catalog does not know (a measure as the text words it) is not checked."""
        metric = self.get(metric_id)
        if metric is None:
            return
        written = f"{value:g}{unit_text}"
        points = unit_text.endswith(("百分点", "percentage_point"))
        if not change and points and not metric.unit.endswith("百分点"):
            # a level in percentage points is a change in disguise, unless the metric is one
            # counted in points (a contribution to growth: 拉动…2个百分点)
            raise ValidationError(
                field,
                f"a level of {metric.id} in {metric.unit} (a change in percentage points needs "
                "change: points)",
                written,
            )
        try:
            metric.convert(value, unit_text, change=change)
        except ValidationError as error:
            expected = (
                "a ratio (a change in % or percentage points)"
                if change
                else f"a quantity of {metric.dimension} ({metric.id} is counted in {metric.unit})"
            )
            raise ValidationError(field, expected, written) from error

    def find(self, text: str) -> list[Metric]:
        """Metrics whose name or an alias occurs in ``text``, longest wording first."""
        hits: list[tuple[int, Metric]] = []
        for metric in self.metrics:
            words = [metric.zh, *metric.aliases]
            best = max((len(w) for w in words if w and w in text), default=0)
            if best:
                hits.append((best, metric))
        hits.sort(key=lambda pair: (-pair[0], pair[1].id))
        return [metric for _, metric in hits]


def _load_file(path: Path, seen: dict[str, str]) -> list[Metric]:
    records = load_yaml(path)
    if records is None:
        return []
    if not isinstance(records, list):
        raise DataError(str(path), 1, "expected a list of metrics")
    metrics = []
    for record in records:
        line = line_of(record)
        if not isinstance(record, dict):
            raise DataError(str(path), line, f"expected a metric record, got {record!r}")
        try:
            metric = Metric.from_record(record)
        except (ValueError, TypeError) as error:
            field = getattr(error, "field", None)
            where = line_of(record, field) if field in record else line
            raise DataError(str(path), where, str(error)) from None
        if metric.id in seen:
            raise DataError(
                str(path), line, f"metric {metric.id!r} is already defined in {seen[metric.id]}"
            )
        seen[metric.id] = f"{path.name}:{line}"
        metrics.append(metric)
    return metrics


def catalog_files() -> list[Path]:
    """The catalog files shipped with targettrack (``data/catalog/*.yaml``), in load order."""
    folder = resources.files("targettrack").joinpath("data/catalog")
    return sorted(
        (Path(str(entry)) for entry in folder.iterdir() if entry.name.endswith(".yaml")),
        key=lambda p: (p.name != "common.yaml", p.name),
    )


@functools.cache
def default_catalog() -> Catalog:
    """The catalog shipped with targettrack (:func:`catalog_files`)."""
    return Catalog.from_files(catalog_files())
