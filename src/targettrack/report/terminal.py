"""The audit on a terminal: a summary that fits the screen.

:func:`to_screen` gives the counts, the missed goals (as many as fit) and where the rest is —
the long listing (:func:`~targettrack.report.to_text`, ``--long``) or the full report
(``-o audit.html``). Lines are cut to the terminal's width, wide characters counting two.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..catalog import Catalog, default_catalog
from ..model import Status
from . import view
from .render import _count, _fit, _pct, _width

if TYPE_CHECKING:
    from ..match import Audit

__all__ = ["to_screen"]


def to_screen(
    audit: Audit,
    *,
    width: int = 80,
    height: int = 24,
    catalog: Catalog | None = None,
    notes: Sequence[str] = (),
    more: str = "every goal: add --long; the full report: -o audit.html",
) -> str:
    """At most ``height`` lines of at most ``width`` columns: the summary, ``notes`` (one line
    each, such as the pairs of a corpus), the missed goals that fit, and ``more`` (where the
    full listing is)."""
    report = view.build(audit, None, catalog=catalog or default_catalog())
    width = max(width, 40)
    fit = _fit
    head = [
        f"{report.summary} — {_pct(report.judged_share)} judged, {report.not_yet_due} not yet due",
        f"{_count(len(report.documents), 'document')}, "
        f"{_count(len(report.regions), 'region')}: " + ", ".join(report.regions),
        *notes,
    ]
    if report.unplaced:
        head.append(f"{_count(len(report.unplaced), 'statement')} read but not placed")
    if report.decisions:
        head.append(report.decisions)
    tail = ["", more]
    missed = [goal for goal in report.goals if goal.verdict.status is Status.MISSED]
    body: list[str] = []
    if missed:
        room = max(height - 1 - len(head) - len(tail) - 2, 1)
        shown = missed if len(missed) <= room else missed[: room - 1]
        body = ["", f"missed ({len(missed)}):"]
        for goal in shown:
            achieved = goal.achieved or "—"
            if goal.ratio is not None:
                achieved += f" ({_pct(goal.ratio)})"
            line = " ".join(
                [
                    _fit(goal.region, 8),
                    _fit(goal.metric_zh, 22),
                    _fit(goal.target, 12),
                    _fit(achieved, 18),
                    goal.id,
                ]
            )
            body.append(line.rstrip())
        if len(shown) < len(missed):
            body.append(f"… and {len(missed) - len(shown)} more missed")
    lines = [*head, *body, *tail]
    return (
        "\n".join(fit(line, width).rstrip() if _width(line) > width else line for line in lines)
        + "\n"
    )
