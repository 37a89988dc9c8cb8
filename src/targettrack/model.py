"""The typed core: amounts, sources, goals, outcomes and verdicts, as frozen attrs classes.

Every class is validated on construction and built through ``from_*`` classmethods from the
forms people write (``Goal.from_record({...})``, ``Amount.from_text("3.5万家")``).
"""

from __future__ import annotations

import datetime as dt
import enum
import math
from collections.abc import Mapping
from fractions import Fraction
from typing import Any

import attrs

from ._errors import PeriodError, SourceError, UnitError, ValidationError
from ._text import MAX_MAGNITUDE, MIN_MAGNITUDE
from .periods import Period
from .units import format_quantity, quantity, split_quantity, unit

__all__ = [
    "Amount",
    "Bound",
    "Change",
    "Comparator",
    "Decided",
    "DecisionAction",
    "Goal",
    "Outcome",
    "Pace",
    "PaceStatus",
    "Recurrence",
    "Source",
    "Status",
    "Strength",
    "Unapplied",
    "Unplaced",
    "Verdict",
]


class Comparator(enum.StrEnum):
    """How a goal's target is to be reached."""

    AT_LEAST = "at_least"  # 以上, 不低于, 不少于, 突破, 超过
    AT_MOST = "at_most"  # 以内, 以下, 不高于, 控制在
    ABOUT = "about"  # 左右
    EXACTLY = "exactly"
    RANGE = "range"  # 5%—5.5%

    @property
    def symbol(self) -> str:
        return {"at_least": "≥", "at_most": "≤", "about": "≈", "exactly": "=", "range": "∈"}[
            self.value
        ]


class Strength(enum.StrEnum):
    """How firmly a goal is set."""

    BINDING = "binding"  # 确保
    ASPIRATIONAL = "aspirational"  # 力争, 争取
    STATED = "stated"


class Change(enum.StrEnum):
    """What a value measures when it is not the metric's level."""

    RELATIVE = "relative"  # a growth rate or a decline in % (增长7%, 下降16%)
    POINTS = "points"  # a change in percentage points (提高2个百分点)


class Bound(enum.StrEnum):
    """How exact a reported value is."""

    EXACT = "exact"
    LOWER = "lower"  # 超, 突破, 超过, 以上, 多, 余: at least the value
    UPPER = "upper"  # 不到, 以内: at most the value
    APPROXIMATE = "approximate"  # 近, 约, 左右


class Recurrence(enum.StrEnum):
    """Goals that hold again for every year of their span."""

    ANNUAL = "annual"  # 每年


class Status(enum.StrEnum):
    """The verdict on a goal."""

    MET = "met"
    MISSED = "missed"
    UNREPORTED = "unreported"


def _finite(instance: Any, attribute: attrs.Attribute[float], value: float) -> None:
    if not math.isfinite(value):
        raise ValidationError(attribute.name, "a finite number", value)
    if abs(value) > MAX_MAGNITUDE or 0 < abs(value) < MIN_MAGNITUDE:
        # within these bounds every conversion and every ratio of two amounts stays finite
        raise ValidationError(
            attribute.name, f"0 or a magnitude within [{MIN_MAGNITUDE:g}, {MAX_MAGNITUDE:g}]", value
        )


def _number(value: Any) -> float:
    """A number as a float; anything else (a bool, a text) is a :class:`ValidationError`."""
    if isinstance(value, bool) or not isinstance(value, int | float | Fraction):
        raise ValidationError("value", "a finite number", value)
    return float(value)


def _flag(instance: Any, attribute: attrs.Attribute[bool], value: bool) -> None:
    if not isinstance(value, bool):
        raise ValidationError(attribute.name, "true or false", value)


def _note(instance: Any, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str):
        raise ValidationError(attribute.name, "a text", value)


def _unit_known(instance: Any, attribute: attrs.Attribute[str], value: str) -> None:
    try:
        unit(value)
    except UnitError as error:
        raise ValidationError(attribute.name, "a unit targettrack knows", value) from error


@attrs.frozen
class Amount:
    """A number with the unit it was written in: ``Amount(35.0, "万元/人")``.

    Kept as a float and the unit's text, so that it hashes and compares exactly;
    :attr:`quantity` builds the pint quantity on demand.
    """

    value: float = attrs.field(converter=_number, validator=_finite)
    unit: str = attrs.field(default="", validator=_unit_known)

    @classmethod
    def from_text(cls, text: str) -> Amount:
        """Read an amount as written (``3.5万家``, ``15%``, ``1/3``, ``百分之十五``).

        The classifier is kept as written: ``Amount.from_text("5户")`` is ``Amount(5.0, "户")``.
        """
        value, unit_text = split_quantity(text)
        return cls(value, unit_text)

    @classmethod
    def from_quantity(cls, value: Any) -> Amount:
        """An amount from a pint quantity of targettrack's registry."""
        written = format_quantity(value)
        magnitude = float(value.magnitude)
        return cls(magnitude, written[len(_number_text(magnitude)) :])

    @property
    def quantity(self) -> Any:
        """The pint quantity."""
        return quantity(f"{self.value!r}{self.unit}")

    def to(self, unit_text: str) -> float:
        """The magnitude in another unit (raises pint's DimensionalityError if incompatible)."""
        return float(self.quantity.to(unit(unit_text)).magnitude)

    def __str__(self) -> str:
        return f"{_number_text(self.value)}{self.unit}"


def _number_text(value: float) -> str:
    text = repr(float(value))
    return text[:-2] if text.endswith(".0") else text


def show(value: float) -> str:
    """A number for people: up to four significant decimals, no trailing zeros."""
    if value == int(value) and abs(value) < 1e15:
        return str(int(value))
    text = f"{value:.4g}" if abs(value) < 1 else f"{value:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", "")


def number_text(value: float) -> str:
    """A number for people; a simple fraction (1/3) stays a fraction."""
    if abs(round(value, 4) - value) > 1e-12:
        fraction = Fraction(value).limit_denominator(12)
        if fraction.denominator > 1 and abs(float(fraction) - value) < 1e-12:
            return f"{fraction.numerator}/{fraction.denominator}"
    return show(value)


def amount_text(amount: Amount) -> str:
    """An amount as people write it: ``15%``, ``3.5万家``, ``1/3``."""
    return f"{number_text(amount.value)}{amount.unit}"


@attrs.frozen
class Source:
    """Where a statement stands: a document and a span of its original text."""

    doc: str
    start: int
    end: int
    quote: str

    def __attrs_post_init__(self) -> None:
        if not isinstance(self.start, int) or self.start < 0:
            raise ValidationError("start", "an offset ≥ 0", self.start)
        if not isinstance(self.end, int) or self.end < self.start:
            raise ValidationError("end", f"an offset ≥ start ({self.start})", self.end)
        if len(self.quote) != self.end - self.start:
            raise ValidationError(
                "quote", f"{self.end - self.start} characters long (end − start)", self.quote
            )

    @classmethod
    def from_span(cls, doc: str, text: str, start: int, end: int) -> Source:
        """The source for ``text[start:end]`` of document ``doc``."""
        if not 0 <= start <= end <= len(text):
            raise ValidationError("span", f"within the text (0…{len(text)})", (start, end))
        return cls(doc, start, end, text[start:end])

    def check(self, text: str) -> None:
        """Raise :class:`SourceError` unless the quote is ``text[start:end]``."""
        if text[self.start : self.end] != self.quote:
            found = text[self.start : self.end]
            raise SourceError(
                self.doc,
                None,
                f"the quote {self.quote!r} is not the text at [{self.start}:{self.end}], "
                f"which reads {found!r}",
            )

    def __str__(self) -> str:
        return f"{self.doc}[{self.start}:{self.end}]"


def _period(value: Any) -> Period:
    if isinstance(value, Period):
        return value
    return Period.parse(str(value))


def _optional_period(value: Any) -> Period | None:
    return None if value is None else _period(value)


def _amount(value: Any) -> Amount:
    if isinstance(value, Amount):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return Amount(float(value))
    return Amount.from_text(str(value))


def _optional_amount(value: Any) -> Amount | None:
    return None if value is None else _amount(value)


def _field_errors(
    cls: type, record: Mapping[str, Any], required: tuple[str, ...]
) -> dict[str, Any]:
    fields = {k: v for k, v in record.items() if not str(k).startswith("__")}
    names = {a.name for a in attrs.fields(cls)}
    unknown = sorted(set(fields) - names - {"quote", "start", "end", "doc"})
    if unknown:
        raise ValidationError(
            unknown[0], f"one of the fields of {cls.__name__}", fields[unknown[0]]
        )
    for name in required:
        if fields.get(name) in (None, ""):
            raise ValidationError(name, f"present in every {cls.__name__.lower()}", None)
    return fields


def _source_from(record: Mapping[str, Any], doc: str | None, text: str | None) -> Source:
    if isinstance(record.get("source"), Source):
        source: Source = record["source"]
    else:
        for name in ("quote", "start", "end"):
            if name not in record:
                raise ValidationError(name, "present (the span the record cites)", None)
        start, end = record["start"], record["end"]
        for name, value in (("start", start), ("end", end)):
            if not isinstance(value, int) or isinstance(value, bool):
                raise ValidationError(name, "a character offset (an int)", value)
        source = Source(doc or str(record.get("doc", "")), start, end, str(record["quote"]))
    if text is not None:
        source.check(text)
    return source


def _enum(kind: type[enum.StrEnum], field: str, value: Any) -> Any:
    if value is None or isinstance(value, kind):
        return value
    try:
        return kind(value)
    except ValueError:
        choices = ", ".join(member.value for member in kind)
        raise ValidationError(field, f"one of {choices}", value) from None


def _is_points(amount: Amount) -> bool:
    return amount.unit.endswith("百分点") or amount.unit.endswith("percentage_point")


def _check_change(field: str, amount: Amount, change: Change | None) -> None:
    """A relative change is in % (or a plain ratio), a points change in percentage points:
    the two kinds of change are never confused. (A level in points is checked against its
    metric: only metrics counted in points take one.)"""
    if change is None:
        return
    if amount.quantity.dimensionality:
        raise ValidationError(field, "a ratio for a change (a % or percentage points)", str(amount))
    if change is Change.RELATIVE and _is_points(amount):
        raise ValidationError(
            field, "a relative change in % (percentage points need change: points)", str(amount)
        )
    if change is Change.POINTS and not _is_points(amount):
        raise ValidationError(
            field, "a change in percentage points (个百分点) for change: points", str(amount)
        )


def _prepare(
    cls: type,
    record: Mapping[str, Any],
    *,
    required: tuple[str, ...],
    enums: Mapping[str, type[enum.StrEnum]],
    amounts: tuple[str, ...],
    periods: tuple[str, ...],
    doc: str | None,
    text: str | None,
) -> dict[str, Any]:
    """A record's fields read into the typed values of ``cls``, each error naming its field."""
    fields = _field_errors(cls, record, required)
    source = _source_from(fields, doc, text)
    for name in ("quote", "start", "end", "doc"):
        fields.pop(name, None)
    fields["source"] = source
    for name, kind in enums.items():
        if name in fields:
            fields[name] = _enum(kind, name, fields[name])
    for name in amounts:
        if fields.get(name) is not None:
            try:
                fields[name] = _amount(fields[name])
            except UnitError as error:
                raise ValidationError(
                    name, "a quantity", f"{fields[name]}: {error.reason}"
                ) from None
    for name in periods:
        if fields.get(name) is not None:
            try:
                fields[name] = _period(fields[name])
            except PeriodError as error:
                raise ValidationError(name, "a period", f"{fields[name]}: {error.reason}") from None
    return fields


@attrs.frozen
class Goal:
    """A quantified goal of a plan."""

    id: str
    region: str
    metric: str
    comparator: Comparator = attrs.field(converter=Comparator)
    target: Amount = attrs.field(converter=_amount)
    period: Period = attrs.field(converter=_period)
    source: Source
    target_high: Amount | None = attrs.field(default=None, converter=_optional_amount)
    tolerance: float | None = None
    deadline: bool = attrs.field(default=False, validator=_flag)
    recurrence: Recurrence | None = attrs.field(
        default=None, converter=attrs.converters.optional(Recurrence)
    )
    span: Period | None = attrs.field(default=None, converter=_optional_period)
    baseline: Period | None = attrs.field(default=None, converter=_optional_period)
    change: Change | None = attrs.field(default=None, converter=attrs.converters.optional(Change))
    strength: Strength = attrs.field(default=Strength.STATED, converter=Strength)
    note: str = attrs.field(default="", validator=_note)

    def __attrs_post_init__(self) -> None:
        for name in ("id", "region", "metric"):
            if not isinstance(getattr(self, name), str) or not getattr(self, name):
                raise ValidationError(name, "a non-empty text", getattr(self, name))
        if self.comparator is Comparator.RANGE:
            if self.target_high is None:
                raise ValidationError("target_high", "the upper end of a range goal", None)
            if (
                self.target_high.unit != self.target.unit
                or self.target_high.value < self.target.value
            ):
                raise ValidationError(
                    "target_high",
                    f"≥ target ({self.target}) in the same unit",
                    str(self.target_high),
                )
        elif self.target_high is not None:
            raise ValidationError(
                "target_high", "absent unless comparator is range", str(self.target_high)
            )
        if self.tolerance is not None:
            if self.comparator is not Comparator.ABOUT:
                raise ValidationError(
                    "tolerance", "absent unless comparator is about", self.tolerance
                )
            if not isinstance(self.tolerance, int | float) or not 0 < self.tolerance < 1:
                raise ValidationError("tolerance", "a fraction between 0 and 1", self.tolerance)
        if self.recurrence is Recurrence.ANNUAL and self.span is None:
            raise ValidationError("span", "the years of an annual goal (每年…)", None)
        if self.span is not None and not self.span.is_whole_years:
            raise ValidationError("span", "whole calendar years", str(self.span))
        if self.baseline is not None and self.change is None:
            raise ValidationError("change", "relative or points when a baseline is given", None)
        _check_change("target", self.target, self.change)

    @classmethod
    def from_record(
        cls,
        record: Mapping[str, Any],
        *,
        doc: str | None = None,
        text: str | None = None,
    ) -> Goal:
        """Build a goal from a dataset record (the fields of docs/dataset.md).

        With ``text``, the record's quote must be the text at its span. The record is not
        checked against a catalog here (see :meth:`targettrack.Catalog.check`).
        """
        fields = _prepare(
            cls,
            record,
            required=("id", "region", "metric", "comparator", "target", "period"),
            enums={
                "comparator": Comparator,
                "recurrence": Recurrence,
                "change": Change,
                "strength": Strength,
            },
            amounts=("target", "target_high"),
            periods=("period", "span", "baseline"),
            doc=doc,
            text=text,
        )
        return cls(**fields)

    def describe_target(self) -> str:
        """The target as people write it: ``≥ 15%``, ``≈ 1/3 (±5%)``, ``∈ [5%, 5.5%]``."""
        low = f"{show(self.target.value)}{self.target.unit}"
        if self.comparator is Comparator.RANGE and self.target_high is not None:
            return f"∈ [{low}, {show(self.target_high.value)}{self.target_high.unit}]"
        return f"{self.comparator.symbol} {low}"


@attrs.frozen
class Outcome:
    """A reported value of a metric for a region and period."""

    id: str
    region: str
    metric: str
    value: Amount = attrs.field(converter=_amount)
    period: Period = attrs.field(converter=_period)
    source: Source
    change: Change | None = attrs.field(default=None, converter=attrs.converters.optional(Change))
    baseline: Period | None = attrs.field(default=None, converter=_optional_period)
    estimate: bool = attrs.field(default=False, validator=_flag)
    bound: Bound = attrs.field(default=Bound.EXACT, converter=Bound)
    note: str = attrs.field(default="", validator=_note)

    def __attrs_post_init__(self) -> None:
        for name in ("id", "region", "metric"):
            if not isinstance(getattr(self, name), str) or not getattr(self, name):
                raise ValidationError(name, "a non-empty text", getattr(self, name))
        if self.baseline is not None and self.change is None:
            raise ValidationError("change", "relative or points when a baseline is given", None)
        _check_change("value", self.value, self.change)

    @classmethod
    def from_record(
        cls,
        record: Mapping[str, Any],
        *,
        doc: str | None = None,
        text: str | None = None,
    ) -> Outcome:
        """Build an outcome from a dataset record (see :meth:`Goal.from_record`)."""
        fields = _prepare(
            cls,
            record,
            required=("id", "region", "metric", "value", "period"),
            enums={"change": Change, "bound": Bound},
            amounts=("value",),
            periods=("period", "baseline"),
            doc=doc,
            text=text,
        )
        return cls(**fields)

    @property
    def effective_baseline(self) -> Period | None:
        """The period a change is measured from: the given baseline, else a year earlier."""
        if self.change is None:
            return None
        return self.baseline or self.period.shift_years(-1)


def _text(instance: Any, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str):
        raise ValidationError(attribute.name, "a text", value)


def _non_empty(instance: Any, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value:
        raise ValidationError(attribute.name, "a non-empty text", value)


def _is_source(instance: Any, attribute: attrs.Attribute[Source], value: Source) -> None:
    if not isinstance(value, Source):
        raise ValidationError(attribute.name, "a Source (doc, start, end, quote)", value)


@attrs.frozen
class Unplaced:
    """A statement read from a document that could not become a :class:`Goal` or :class:`Outcome`.

    Kept, never dropped, so that a reader sees what the audit did not judge and why: the
    metric and the value as written, the region and period the statement had (``""`` when it
    had none), the span it stands on, and the ``reason`` it was not placed.
    """

    kind: str  # goal | outcome
    region: str = attrs.field(validator=_text)
    metric_text: str = attrs.field(validator=_text)
    value: str = attrs.field(validator=_text)
    period: str = attrs.field(validator=_text)
    source: Source = attrs.field(validator=_is_source)
    reason: str = attrs.field(validator=_non_empty)

    def __attrs_post_init__(self) -> None:
        if self.kind not in ("goal", "outcome"):
            raise ValidationError("kind", "goal or outcome", self.kind)


@attrs.frozen
class YearResult:
    """The result of one year of a recurring goal."""

    year: int
    status: Status
    achieved: float | None
    evidence: tuple[Outcome, ...] = ()


def _texts(items: Any) -> tuple[str, ...]:
    return tuple(str(item) for item in items)


class PaceStatus(enum.StrEnum):
    """Where a goal not yet due stands against the path to its target."""

    AHEAD = "ahead"
    ON_TRACK = "on_track"
    BEHIND = "behind"


@attrs.frozen
class Pace:
    """A goal not yet due, set against the path from its baseline to its target.

    The path runs from ``baseline`` (the value at the end of ``baseline_period``) to
    ``target`` at the end of the goal's period: ``linear`` for levels, shares, ratios, totals
    and additions, ``compound`` for a growth target (a relative change since a baseline). At
    the end of ``observed_period``, ``elapsed`` of the time has passed and the path requires
    ``required``; ``ratio`` is the progress observed over the progress required (for a
    compound path: the yearly rate observed over the yearly rate required). The status is
    ahead above ``1 + tolerance``, behind below ``1 − tolerance``, on track between.
    Values are in the metric's unit (changes as fractions, like :attr:`Verdict.achieved`).
    """

    path: str  # linear | compound
    baseline: float
    baseline_period: Period = attrs.field(converter=_period)
    observed: float
    observed_period: Period = attrs.field(converter=_period)
    target: float
    elapsed: float
    required: float
    ratio: float | None
    status: PaceStatus = attrs.field(converter=PaceStatus)
    tolerance: float
    evidence: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    #: the unit of the values, as :attr:`Verdict.achieved_unit`
    unit: str = ""
    #: the value observed already meets the target (then ahead, or on track for a target to
    #: stay near: 左右, a range, exactly)
    reached: bool = False

    def __attrs_post_init__(self) -> None:
        if self.path not in ("linear", "compound"):
            raise ValidationError("path", "linear or compound", self.path)
        for name in ("baseline", "observed", "target", "elapsed", "required", "tolerance"):
            if not math.isfinite(getattr(self, name)):
                raise ValidationError(name, "a finite number", getattr(self, name))
        if not 0 < self.elapsed <= 1:
            raise ValidationError("elapsed", "a share of the time in (0, 1]", self.elapsed)


class DecisionAction(enum.StrEnum):
    """What a person decided about a verdict (a decisions file, docs/review.md)."""

    CONFIRM = "confirm"  # the machine's verdict stands
    USE = "use"  # judged on the evidence the person names
    NO_EVIDENCE = "no_evidence"  # no evidence applies: unreported
    NOT_A_GOAL = "not_a_goal"  # not a goal: dropped from the audit
    SET = "set"  # the verdict the person read, with the figure and the reason

    @property
    def words(self) -> str:
        """The decision in words: ``use this evidence``, ``not a goal``."""
        return {
            "confirm": "confirmed",
            "use": "use this evidence",
            "no_evidence": "no evidence applies",
            "not_a_goal": "not a goal",
            "set": "verdict set",
        }[self.value]


def _date(instance: Any, attribute: attrs.Attribute[dt.date], value: dt.date) -> None:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise ValidationError(attribute.name, "a date", value)


@attrs.frozen
class Decided:
    """A person's decision, as the verdict it made (or confirmed) carries it: what was
    decided, by whom, on which date and why, where the decision is written, and the verdict
    the machine gave before it (:mod:`targettrack.decisions`)."""

    action: DecisionAction = attrs.field(converter=DecisionAction)
    by: str = attrs.field(validator=_non_empty)
    date: dt.date = attrs.field(validator=_date)
    machine_status: Status = attrs.field(converter=Status)
    machine_reason: str = attrs.field(validator=_text)
    note: str = attrs.field(default="", validator=_text)
    #: the decisions file and the line its entry starts on
    file: str = attrs.field(default="", validator=_text)
    line: int | None = None
    #: how the goal was found: by the hash of its document's text (``sha256``), by the
    #: document's name (``name``: the text differs from the one decided on) or by its quote
    #: alone (``quote``: in a document of another name and text)
    found_by: str = "sha256"

    @property
    def where(self) -> str:
        """``review.yaml:12``: the decision's entry."""
        return self.file if self.line is None else f"{self.file}:{self.line}"

    def describe(self) -> str:
        """``decided by 王芳 on 2026-03-01 (use this evidence): the 45 projects are these``."""
        note = f": {self.note}" if self.note else ""
        return f"decided by {self.by} on {self.date.isoformat()} ({self.action.words}){note}"


@attrs.frozen
class Unapplied:
    """A decision that was not applied, and why: its goal or evidence can no longer be found,
    it contradicts the verdict it confirms, or it was taken after the audit's date. Never
    dropped silently: every report lists it, with the nearest candidate when there is one."""

    file: str = attrs.field(validator=_text)
    line: int | None
    #: what the decision named: ``goal jiangsu_2025….txt[15433:15440] “45件民生实事”``
    named: str = attrs.field(validator=_text)
    problem: str = attrs.field(validator=_non_empty)
    #: the nearest goal or outcome found instead, ``doc[start:end] “quote”`` ("" when none)
    nearest: str = attrs.field(default="", validator=_text)

    @property
    def where(self) -> str:
        return self.file if self.line is None else f"{self.file}:{self.line}"

    @property
    def message(self) -> str:
        """The problem, what was named and the nearest candidate, in one line."""
        nearest = f"; nearest: {self.nearest}" if self.nearest else ""
        return f"{self.problem}: {self.named}{nearest}"

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


#: How a verdict's evidence was found (:attr:`Verdict.match`).
MATCHES = ("same measure", "close wording")


@attrs.frozen
class Verdict:
    """The judgement on one goal: met, missed or unreported, with the evidence and the reason."""

    goal: Goal
    status: Status = attrs.field(converter=Status)
    reason: str
    evidence: tuple[Outcome, ...] = attrs.field(default=(), converter=tuple)
    achieved: float | None = None
    achieved_unit: str = ""
    achieved_ratio: float | None = None
    provisional: bool = False
    not_yet_due: bool = False
    years: tuple[YearResult, ...] = attrs.field(default=(), converter=tuple)
    #: the share of the goal's period (its span, for a flow over a span or a recurring goal)
    #: that the evidence covers, 0…1; for a stock, how far into the period the latest total
    #: reaches; ``None`` without evidence
    coverage: float | None = None
    #: an estimate (预计, 有望) is among the evidence
    estimate: bool = False
    #: the least exact bound among the evidence (a lower bound for 超, 突破…; exact otherwise)
    bound: Bound = attrs.field(default=Bound.EXACT, converter=Bound)
    #: why the verdict is provisional, one reason a line (empty when it is not)
    provisional_why: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    #: a goal not yet due against the path from its baseline to its target, when both a
    #: baseline and a later observation are known
    pace: Pace | None = None
    #: how the evidence was found: ``same measure`` (the same indicator or wording) or
    #: ``close wording`` (a wording that differs as data/wordings.yaml allows), for a person
    #: to confirm; ``differing``: the words one wording has and the other has not
    match: str = attrs.field(default="same measure", validator=attrs.validators.in_(MATCHES))
    differing: tuple[str, ...] = attrs.field(default=(), converter=_texts)
    #: the decision of a person this verdict is (None: the machine's verdict)
    decided: Decided | None = None

    @classmethod
    def from_goal(cls, goal: Goal, status: Status | str, reason: str, **details: Any) -> Verdict:
        """A verdict on ``goal``."""
        return cls(goal=goal, status=Status(status), reason=reason, **details)
