"""The matcher: one verdict per goal — met, missed or unreported — with a reason a person can check.

Only outcomes of the goal's region and metric count, and only when they measure the same
thing the goal does (a level, a relative change, or a change in points). Values are converted
through the unit registry into the metric's unit; nothing of another kind is compared.

The rules, in the order a goal meets them:

* a recurring goal (每年) is judged year by year over its span;
* a baseline-relative goal (较2020年下降16%) compounds yearly changes, or compares two levels;
* a flow goal (新增…) over a span sums the flows of its years, or takes the difference of two
  stocks; a flow goal for one year takes that year's flow;
* a stock goal (累计…) is judged on the latest stock at or before its deadline;
* any other goal (a share, a rate, a level for a period) is judged on the outcome that covers
  most of its period; an outcome covering part of it decides a share or a rate provisionally.

A goal due after ``as_of`` without decisive evidence is unreported and marked not yet due.

What could be known on ``as_of``: when the audit is given its documents, a document issued
after ``as_of`` is left out — its goals are not set yet and its outcomes not reported yet —
and the audit names it (:attr:`Audit.left_out`). A document whose issue date is not known is
drawn on, named (:attr:`Audit.undated`), and every verdict that cites it is provisional.
"""

from __future__ import annotations

from .compare import DEFAULT_TOLERANCE
from .judge import judge
from .pace import PACE_TOLERANCE
from .result import Audit, Reviewer, SourceDocument, issue_dates
from .run import audit, audit_dataset

__all__ = [
    "DEFAULT_TOLERANCE",
    "PACE_TOLERANCE",
    "Audit",
    "Reviewer",
    "SourceDocument",
    "audit",
    "audit_dataset",
    "issue_dates",
    "judge",
]
