"""Statements: a candidate goal or outcome as the reader found it, with its value in base units,
and its JSON and YAML forms."""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterable
from typing import Any

import attrs
import yaml

from .._checks import check_items
from .._text import MAGNITUDES
from ..model import (
    Amount,
    Bound,
    Change,
    Comparator,
    Recurrence,
    Source,
    Strength,
    _optional_amount,
    _optional_period,
)
from ..periods import Period
from .document import DocumentText

__all__ = [
    "GOAL",
    "OUTCOME",
    "Statement",
    "canonical",
    "make_amount",
    "statements_from_json",
    "statements_to_json",
    "statements_to_yaml",
]

GOAL = "goal"
OUTCOME = "outcome"


#: Phrasings of the documents mapped to catalog ids, tried before the catalog's own names and
#: aliases (longest phrase first). Candidates for the catalog's aliases.
@attrs.frozen
class Statement:
    """A candidate goal or outcome read from a document, with the span it stands on."""

    kind: str  # goal | outcome
    region: str | None
    year: int | None  # the year of the sentence's context
    metric_text: str  # the metric as written
    metric: str | None  # a catalog id, when the catalog places it
    comparator: Comparator = attrs.field(converter=Comparator)
    value: Amount = attrs.field(converter=_optional_amount)
    canonical_value: float
    canonical_unit: str
    source: Source
    value_high: Amount | None = attrs.field(default=None, converter=_optional_amount)
    change: Change | None = attrs.field(default=None, converter=attrs.converters.optional(Change))
    baseline: Period | None = attrs.field(default=None, converter=_optional_period)
    period: Period | None = attrs.field(default=None, converter=_optional_period)
    span: Period | None = attrs.field(default=None, converter=_optional_period)
    deadline: bool = False
    estimate: bool = False
    bound: Bound = attrs.field(default=Bound.EXACT, converter=Bound)
    strength: Strength = attrs.field(default=Strength.STATED, converter=Strength)
    recurrence: Recurrence | None = attrs.field(
        default=None, converter=attrs.converters.optional(Recurrence)
    )
    confidence: float = 0.5

    def __attrs_post_init__(self) -> None:
        if self.kind not in (GOAL, OUTCOME):
            raise ValueError(f"kind must be goal or outcome (got {self.kind!r})")

    def to_dict(self) -> dict[str, Any]:
        """A plain mapping (the JSON form of docs/extract.md)."""
        return {
            "kind": self.kind,
            "region": self.region,
            "year": self.year,
            "metric_text": self.metric_text,
            "metric": self.metric,
            "comparator": self.comparator.value,
            "value": self.value.value,
            "unit": self.value.unit,
            "value_high": None if self.value_high is None else self.value_high.value,
            "canonical_value": self.canonical_value,
            "canonical_unit": self.canonical_unit,
            "change": None if self.change is None else self.change.value,
            "baseline": None if self.baseline is None else str(self.baseline),
            "period": None if self.period is None else str(self.period),
            "span": None if self.span is None else str(self.span),
            "deadline": self.deadline,
            "estimate": self.estimate,
            "bound": self.bound.value,
            "strength": self.strength.value,
            "recurrence": None if self.recurrence is None else self.recurrence.value,
            "confidence": self.confidence,
            "source": {
                "doc": self.source.doc,
                "start": self.source.start,
                "end": self.source.end,
                "quote": self.source.quote,
            },
        }

    @classmethod
    def from_dict(cls, record: dict[str, Any]) -> Statement:
        """The statement of :meth:`to_dict`'s mapping."""
        fields = dict(record)
        unit = fields.pop("unit", "")
        fields["value"] = Amount(fields["value"], unit)
        if fields.get("value_high") is not None:
            fields["value_high"] = Amount(fields["value_high"], unit)
        source = fields.pop("source")
        fields["source"] = Source(source["doc"], source["start"], source["end"], source["quote"])
        return cls(**fields)


# -- canonical values --------------------------------------------------------------------------

_RATIO_UNITS = {"%": 0.01, "‰": 0.001, "个百分点": 0.01, "百分点": 0.01, "倍": 1.0, "": 1.0}
_MAGNITUDE_WORDS = sorted(MAGNITUDES, key=len, reverse=True)
_BRACKET = re.compile(r"\([^()]*\)$")


def _split_magnitude(part: str) -> tuple[float, str]:
    for word in _MAGNITUDE_WORDS:
        if part.startswith(word) and len(part) > len(word):
            return float(MAGNITUDES[word]), part[len(word) :]
    return 1.0, part


def canonical(amount: Amount) -> tuple[float, str]:
    """The value in base units (元, a count, a fraction) and that unit's text.

    >>> canonical(Amount(3.5, "万家"))
    (35000.0, '家')
    >>> canonical(Amount(15, "%"))
    (0.15, '')
    """
    factor, base = _base_unit(amount.unit)
    return amount.value * factor, base


@functools.lru_cache(maxsize=1024)
def _base_unit(unit: str) -> tuple[float, str]:
    """The factor from ``unit`` to base units and the base unit's text (read once per unit)."""
    unit_text = _BRACKET.sub("", unit)
    if unit_text in _RATIO_UNITS:
        return _RATIO_UNITS[unit_text], ""
    factor = 1.0
    names: list[str] = []
    for index, part in enumerate(unit_text.split("/")):
        scale, name = _split_magnitude(part)
        factor = factor * scale if index == 0 else factor / scale
        names.append(name)
    return factor, "/".join(names)


#: Amounts already built, by unit, value and sign (``0.0 == -0.0``, but they print apart).
_AMOUNTS: dict[tuple[str, float, bool], Amount] = {}


def make_amount(value: float, unit: str) -> Amount:
    """``Amount(value, unit)``, shared between the statements that state the same figure.

    Amounts are immutable; building one checks its unit against the registry, which is worth
    doing once per figure rather than once per statement.
    """
    key = (unit, value, math.copysign(1.0, value) < 0)
    amount = _AMOUNTS.get(key)
    if amount is None:
        amount = Amount(value, unit)
        if len(_AMOUNTS) >= 4096:
            _AMOUNTS.clear()  # bounded: memory stays flat however many documents are read
        _AMOUNTS[key] = amount
    return amount


def statements_to_json(
    statements: Iterable[Statement],
    documents: Iterable[DocumentText] = (),
    identities: Iterable[dict[str, Any]] | None = None,
) -> dict[str, Any]:
    """``{"statements": [...]}``: every statement as a plain mapping (docs/extract.md).

    With the ``documents`` the statements were read from (:func:`~targettrack.read_document`),
    a ``documents`` list says how each was read, and a statement of a PDF cites its page
    (``source.page``); with their ``identities`` (``identity_to_dict`` of each, in the same
    order), each document says who wrote it, for which year and on what evidence.
    """
    statements = check_items("statements", statements, Statement, "statements (Statement)")
    documents = check_items("documents", documents, DocumentText, "DocumentText")
    read = {document.name: document for document in documents}
    data: dict[str, Any] = {}
    if read:
        listed = [document.to_dict() for document in read.values()]
        if identities is not None:
            for item, identity in zip(listed, identities, strict=True):
                item["identity"] = identity
        data["documents"] = listed
    items = []
    for statement in statements:
        item = statement.to_dict()
        document = read.get(statement.source.doc)
        if document is not None and document.pages:
            item["source"]["page"] = document.page_of(statement.source.start)
        items.append(item)
    data["statements"] = items
    return data


def statements_from_json(data: dict[str, Any]) -> list[Statement]:
    """The statements of :func:`statements_to_json`'s mapping."""
    return [Statement.from_dict(record) for record in data.get("statements", [])]


def statements_to_yaml(
    statements: Iterable[Statement],
    documents: Iterable[DocumentText] = (),
    identities: Iterable[dict[str, Any]] | None = None,
) -> str:
    """The statements as YAML text (the same mapping as :func:`statements_to_json`)."""
    return yaml.safe_dump(
        statements_to_json(statements, documents, identities),
        allow_unicode=True,
        sort_keys=False,
        width=1000,
    )
