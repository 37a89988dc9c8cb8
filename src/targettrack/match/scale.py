"""A goal's values in its metric's unit: conversion (:class:`_Scale`, linear, one factor per
unit), display, and the catalog's indicator a goal is judged as (:func:`metric_of`)."""

from __future__ import annotations

from typing import NamedTuple

from .._errors import UnitError, ValidationError
from ..catalog import Catalog, Kind, Metric, convert_between
from ..model import (
    Change,
    Comparator,
    Goal,
    Outcome,
    show,
)

_ADDITIVE_DIMENSIONS = {"money", "enterprise", "item", "person", "visit", "area", "energy"}


class _Reading(NamedTuple):
    """An outcome's value in the metric's unit, ready to compare (a tuple: one is made for
    every outcome a goal can use, and a tuple is built several times faster than a class)."""

    outcome: Outcome
    value: float


class _Scale:
    """Conversion and display of a goal's values in its metric's unit."""

    def __init__(self, goal: Goal, metric: Metric | None) -> None:
        self.goal = goal
        self.metric = metric
        self.change = goal.change
        # the factor from each unit met so far to the scale's unit (None: cannot be put in it);
        # every conversion is linear, so a value costs one multiplication once its unit is known
        self._factors: dict[str, float | None] = {}

    def target(self) -> tuple[float, float | None]:
        goal = self.goal
        low = self.convert(goal.target.value, goal.target.unit)
        high = (
            None
            if goal.target_high is None
            else self.convert(goal.target_high.value, goal.target_high.unit)
        )
        return low, high

    def convert(self, value: float, unit: str) -> float:
        factor = self.factor(unit)
        if factor is None:
            return self._convert(value, unit)  # raises, saying what was expected
        return value * factor

    def factor(self, unit: str) -> float | None:
        """The factor from ``unit`` to the scale's unit, or None when it cannot be put in it."""
        try:
            return self._factors[unit]
        except KeyError:
            pass
        factor: float | None
        try:
            factor = self._convert(1.0, unit)
        except (ValidationError, UnitError):
            factor = None
        self._factors[unit] = factor
        return factor

    def _convert(self, value: float, unit: str) -> float:
        if self.metric is None:
            # a measure the catalog does not know: in the goal's own unit
            target = "" if self.change is not None else self.goal.target.unit
            return convert_between(value, unit, target, change=self.change is not None)
        return self.metric.convert(value, unit, change=self.change is not None)

    def read(self, outcome: Outcome) -> _Reading:
        return _Reading(outcome, self.convert(outcome.value.value, outcome.value.unit))

    def show(self, value: float) -> str:
        if self.change is Change.RELATIVE:
            return f"{show(value * 100)}%"
        if self.change is Change.POINTS:
            return f"{show(value * 100)}个百分点"
        unit = self.metric.unit if self.metric else self.goal.target.unit
        return f"{show(value)}{unit}"


def _describe(goal: Goal, scale: _Scale) -> str:
    """The target in the metric's unit: ``≥ 130家``, ``≈ 6.5% ±5%``, ``∈ [5%, 5.5%]``."""
    low, high = scale.target()
    if goal.comparator is Comparator.RANGE and high is not None:
        return f"∈ [{scale.show(low)}, {scale.show(high)}]"
    return f"{goal.comparator.symbol} {scale.show(low)}"


def _is_additive(metric: Metric | None, goal: Goal) -> bool:
    """Values that accumulate through a period (flows, amounts), so part of it is not the whole."""
    if metric is None or goal.change is not None:
        return False
    return metric.kind in (Kind.FLOW, Kind.LEVEL) and metric.dimension in _ADDITIVE_DIMENSIONS


def metric_of(goal: Goal, key: str, catalog: Catalog) -> Metric | None:
    """The catalog's indicator a goal of measure ``key`` is judged as, or None: a goal whose
    target is in a unit the indicator cannot take (新开工改造城镇老旧小区3011万平方米 when the
    indicator counts 个) keeps the unit its text says and is compared only with figures in a
    unit that converts to it."""
    metric = catalog.get(key)
    if metric is not None and _Scale(goal, metric).factor(goal.target.unit) is None:
        return None
    return metric


def _unit_of(scale: _Scale) -> str:
    if scale.change is Change.RELATIVE:
        return "ratio"
    if scale.change is Change.POINTS:
        return "percentage_point_fraction"
    return scale.metric.unit if scale.metric else ""
