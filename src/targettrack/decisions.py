"""A person's decisions on the machine's verdicts, kept as data and applied to every audit.

A **decisions file** (YAML, docs/review.md, its JSON Schema shipped as
``targettrack/data/report/decisions.schema.json``) holds, per goal, what a person decided —

- ``confirm: STATUS``: the machine's verdict stands (and must still be STATUS);
- ``use: EVIDENCE``: judge the goal on this evidence (an outcome id, or a span of a document:
  one of the near measures the reason names, say), by the machine's own arithmetic;
- ``no_evidence: WHY``: no evidence applies, the goal is unreported;
- ``not_a_goal: WHY``: not a goal; it is dropped from the audit, and the reports say so;
- ``set: {status, figure, reason}``: the verdict as the person read it —

each with who decided (``by``), when (``date``) and a ``note``. :func:`load_decisions`
reads the file, every problem one located line (:class:`DecisionsError`); the
:class:`Decisions` it returns is given to an audit (``targettrack.audit(…, decisions=…)``),
which applies each decision taken on or before its date.

**Stable identities.** A decision names its goal by the SHA-256 of its document's text (the
hash the reports record for raw documents), the goal's quote and its offset (a hint), not by
an id or an offset alone. The goal is looked for in the document with that text; failing that,
in the document of that name (or of that name with another suffix: the PDF of a ``.txt``);
failing that, in the one document whose goals of the goal's region and period hold the quote —
quotes
compared with their whitespace folded, so that a line broken inside a quote in a PDF matches.
Of several goals with the quote, the nearest to the offset (without one, none). A decision whose goal or evidence
can no longer be found is never dropped or applied to anything else: it is listed in
:attr:`targettrack.Audit.unapplied` with what it named and the nearest candidate.

**Proposals.** :func:`proposals` lists the goals a person should look at — unreported with
near measures named, or decided through a close wording (``Verdict.match``) — with
their candidates and what each would make the verdict; :func:`proposals_yaml` writes them as a
decisions file whose decisions are commented lines to uncomment (``targettrack review``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import json
from collections.abc import Iterable, Mapping, Sequence
from importlib import resources
from pathlib import Path
from typing import Any

import attrs
import yaml

from . import match
from ._errors import DataError, UnitError, ValidationError
from ._files import line_of, load_yaml
from .catalog import Catalog, default_catalog
from .match import Audit, SourceDocument
from .measure import NearIndex, measure_key
from .model import (
    Amount,
    Decided,
    DecisionAction,
    Outcome,
    Source,
    Status,
    Unapplied,
    Verdict,
    YearResult,
    amount_text,
)

__all__ = [
    "Candidate",
    "Decision",
    "Decisions",
    "DecisionsError",
    "Proposal",
    "Ref",
    "fold",
    "load_decisions",
    "proposals",
    "proposals_yaml",
    "schema",
]


def fold(text: str) -> str:
    """``text`` with its whitespace folded away: how quotes are compared."""
    return "".join(text.split())


def _one_line(text: str, limit: int = 80) -> str:
    """Text for a message or a comment: one line, control characters escaped, cut."""
    line = " ".join(text.split())
    line = "".join(c if c.isprintable() else repr(c)[1:-1] for c in line)
    return line if len(line) <= limit else line[: limit - 1] + "…"


class DecisionsError(DataError):
    """A decisions file that cannot be read as it is: every problem, one located line each
    (:attr:`problems`, each a :class:`~targettrack.DataError` with the file and the line)."""

    def __init__(self, problems: Sequence[DataError]) -> None:
        problems = tuple(problems)
        if not problems:
            raise ValueError("a DecisionsError needs at least one problem")
        first = problems[0]
        more = "" if len(problems) == 1 else f" (and {len(problems) - 1} more problems)"
        super().__init__(first.path, first.line, first.message + more)
        self.args = (problems,)
        self.problems = problems

    def __str__(self) -> str:
        return "\n".join(str(problem) for problem in self.problems)


def _tuple(items: Iterable[Any]) -> tuple[Any, ...]:
    return tuple(items)


# -- what a decision names ----------------------------------------------------------------------


def _hash(instance: Any, attribute: attrs.Attribute[str], value: str) -> None:
    if value and (len(value) != 64 or any(c not in "0123456789abcdef" for c in value)):
        raise ValidationError(attribute.name, "a SHA-256 in hex (64 characters)", value)


@attrs.frozen
class Ref:
    """A goal or an outcome, named so that it is found again: the quote (its text), the SHA-256
    of its document's text, the document's name and the quote's offset (hints), the goal's
    region and period (what tells apart a goal the next plan sets in the same words) — or, for
    evidence, an outcome's id."""

    quote: str = ""
    doc: str = ""
    sha256: str = attrs.field(default="", validator=_hash)
    start: int | None = None
    region: str = ""
    period: str = ""
    outcome: str = ""

    def __attrs_post_init__(self) -> None:
        if not self.quote and not self.outcome:
            raise ValidationError("quote", "the text of the goal or evidence", self.quote)

    @classmethod
    def of(
        cls,
        source: Source,
        documents: Mapping[str, SourceDocument],
        region: str = "",
        period: str = "",
    ) -> Ref:
        """The reference to what stands at ``source``."""
        document = documents.get(source.doc)
        sha256 = "" if document is None else document.sha256
        return cls(source.quote, source.doc, sha256, source.start, region, period)

    def describe(self) -> str:
        """``jiangsu_2025_gov_work_report.txt[15433:15440] “45件民生实事”``."""
        if self.outcome:
            return f"outcome {self.outcome}"
        where = self.doc or (f"the text {self.sha256[:12]}…" if self.sha256 else "")
        at = "" if self.start is None else f"[{self.start}:{self.start + len(self.quote)}]"
        return f"{where}{at} “{_one_line(self.quote, 60)}”".strip()

    def to_dict(self) -> dict[str, Any]:
        """The reference as a decisions file writes it."""
        if self.outcome:
            return {"outcome": self.outcome}
        data: dict[str, Any] = {"doc": self.doc} if self.doc else {}
        if self.sha256:
            data["sha256"] = self.sha256
        if self.start is not None:
            data["start"] = self.start
        data["quote"] = self.quote
        if self.region:
            data["region"] = self.region
        if self.period:
            data["period"] = self.period
        return data


def _named(instance: Any, attribute: attrs.Attribute[str], value: str) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValidationError(attribute.name, "who decided (a name)", value)


def _day(instance: Any, attribute: attrs.Attribute[dt.date], value: dt.date) -> None:
    if not isinstance(value, dt.date) or isinstance(value, dt.datetime):
        raise ValidationError(attribute.name, "the date the decision was taken", value)


@attrs.frozen
class Decision:
    """One decision of a decisions file: the goal, what was decided, by whom, when and why."""

    goal: Ref = attrs.field(validator=attrs.validators.instance_of(Ref))
    action: DecisionAction = attrs.field(converter=DecisionAction)
    by: str = attrs.field(validator=_named)
    date: dt.date = attrs.field(validator=_day)
    note: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
    #: ``confirm``: the status confirmed; ``set``: the status set
    status: Status | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Status))
    )
    #: ``set``: the figure read (None: none)
    figure: Amount | None = attrs.field(
        default=None, validator=attrs.validators.optional(attrs.validators.instance_of(Amount))
    )
    #: ``no_evidence``, ``not_a_goal``, ``set``: why
    reason: str = attrs.field(default="", validator=attrs.validators.instance_of(str))
    #: ``use``: the evidence to judge the goal on
    evidence: tuple[Ref, ...] = attrs.field(default=(), converter=_tuple)
    file: str = ""
    line: int | None = None

    def __attrs_post_init__(self) -> None:
        """What each decision needs: evidence to use, a reason not to, a status to set."""
        action = self.action
        if action is DecisionAction.USE and not self.evidence:
            raise ValidationError("evidence", "the evidence to judge the goal on", self.evidence)
        if any(not isinstance(ref, Ref) for ref in self.evidence):
            raise ValidationError("evidence", "references (Ref)", self.evidence)
        needs_reason = (DecisionAction.NO_EVIDENCE, DecisionAction.NOT_A_GOAL, DecisionAction.SET)
        if action in needs_reason and not self.reason.strip():
            raise ValidationError("reason", f"why ({action.value})", self.reason)
        if action is DecisionAction.SET and self.status is None:
            raise ValidationError("status", "the status set (met, missed, unreported)", None)

    @property
    def where(self) -> str:
        return self.file if self.line is None else f"{self.file}:{self.line}"

    def unapplied(self, problem: str, nearest: str = "", named: str = "") -> Unapplied:
        """This decision, not applied for ``problem``."""
        return Unapplied(
            self.file, self.line, named or f"goal {self.goal.describe()}", problem, nearest
        )

    def decided(self, verdict: Verdict, found_by: str) -> Decided:
        """The record the verdict it makes carries (``verdict``: the machine's)."""
        return Decided(
            action=self.action,
            by=self.by,
            date=self.date,
            machine_status=verdict.status,
            machine_reason=verdict.reason,
            note=self.note,
            file=self.file,
            line=self.line,
            found_by=found_by,
        )


# -- finding what a decision names --------------------------------------------------------------


@attrs.frozen
class _Found:
    index: int
    how: str  # sha256 | name | quote


@attrs.frozen
class _Miss:
    problem: str
    nearest: str = ""


def _stem(name: str) -> str:
    return name.rsplit(".", 1)[0] if "." in name else name


class _Pool:
    """Goals or outcomes of an audit, to find one a :class:`Ref` names (the module's rule)."""

    def __init__(
        self,
        kind: str,
        items: Sequence[tuple[Source, str, str]],
        audit: Audit,
        ids: Sequence[str] = (),
    ) -> None:
        self.kind = kind
        self.items = list(items)
        self.ids = {identifier: index for index, identifier in enumerate(ids)}
        self.by_quote: dict[str, list[int]] = {}
        for index, (source, _, _) in enumerate(self.items):
            self.by_quote.setdefault(fold(source.quote), []).append(index)
        self.hashes: dict[str, set[str]] = {}
        for document in audit.documents:
            if document.sha256:
                self.hashes.setdefault(document.sha256, set()).add(document.name)
        self.names = {d.name for d in audit.documents} | {s.doc for s, _, _ in self.items}
        self.stems: dict[str, set[str]] = {}
        for name in self.names:
            self.stems.setdefault(_stem(name), set()).add(name)
        self.left_out = {d.name for d in audit.left_out}
        self.as_of = audit.as_of

    def find(self, ref: Ref) -> _Found | _Miss:
        """The item ``ref`` names, or why there is none (with the nearest candidate)."""
        if ref.outcome:
            if ref.outcome in self.ids:
                return _Found(self.ids[ref.outcome], "id")
            close = difflib.get_close_matches(ref.outcome, list(self.ids), n=1)
            return _Miss(f"no {self.kind} of this audit has the id", close[0] if close else "")
        folded = fold(ref.quote)
        same = self.by_quote.get(folded, [])
        for how, names in (
            ("sha256", self.hashes.get(ref.sha256, set())),
            ("name", self._named(ref)),
        ):
            if not names:
                continue
            hits = [i for i in same if self.items[i][0].doc in names]
            if hits:  # of the region and period given, if any is; the nearest to the offset
                return self._nearest([i for i in hits if self._fits(ref, i)] or hits, ref, how)
            listed = ", ".join(sorted(names))
            if names <= self.left_out:
                return _Miss(f"its document {listed} is left out as of {self.as_of.isoformat()}")
            return _Miss(f"no {self.kind} with this quote in {listed}", self._closest(ref, names))
        hits = [i for i in same if self._fits(ref, i)]
        documents = sorted({self.items[i][0].doc for i in hits})
        if len(documents) == 1:
            return self._nearest(hits, ref, "quote")
        if documents:
            return _Miss(
                f"the quote is a {self.kind} of {len(documents)} documents "
                f"({', '.join(documents)}), none of the text or name decided on"
            )
        return _Miss(
            f"no document of this audit has its text or name, and no {self.kind} has its quote",
            self._closest(ref, None),
        )

    def _fits(self, ref: Ref, index: int) -> bool:
        """Whether item ``index`` has the region and period ``ref`` gives (when it gives them)."""
        _, region, period = self.items[index]
        return (not ref.region or region == ref.region) and (not ref.period or period == ref.period)

    def _named(self, ref: Ref) -> set[str]:
        """The documents of the name ``ref`` gives, else of its stem (``x.pdf`` for ``x.txt``)."""
        if not ref.doc:
            return set()
        if ref.doc in self.names:
            return {ref.doc}
        return set(self.stems.get(_stem(ref.doc), set()))

    def _nearest(self, hits: Sequence[int], ref: Ref, how: str) -> _Found | _Miss:
        """Of the items found, the one nearest to the offset ``ref`` gives; without one, the
        only one (several, and none is named)."""
        if len(hits) == 1:
            return _Found(hits[0], how)
        if ref.start is None:
            where = ", ".join(str(self.items[i][0]) for i in hits)
            return _Miss(f"{len(hits)} {self.kind}s have this quote ({where}): give start")
        start = ref.start
        return _Found(min(hits, key=lambda i: abs(self.items[i][0].start - start)), how)

    def _closest(self, ref: Ref, names: set[str] | None) -> str:
        """The item whose quote is most like ``ref``'s (in ``names``, or anywhere), shown."""
        folded = fold(ref.quote)
        best: tuple[float, int, int] | None = None
        for index, (source, _, _) in enumerate(self.items):
            if names is not None and source.doc not in names:
                continue
            score = difflib.SequenceMatcher(None, folded, fold(source.quote)).ratio()
            distance = 0 if ref.start is None else abs(source.start - ref.start)
            if best is None or (-score, distance) < (-best[0], best[1]):
                best = (score, distance, index)
        if best is None or best[0] < 0.3:
            return ""
        source = self.items[best[2]][0]
        return f"{source} “{_one_line(source.quote, 60)}”"


def _goal_pool(audit: Audit) -> _Pool:
    return _Pool(
        "goal", [(v.goal.source, v.goal.region, str(v.goal.period)) for v in audit.verdicts], audit
    )


def _outcome_pool(audit: Audit) -> _Pool:
    outcomes = audit.outcomes
    return _Pool(
        "outcome",
        [(o.source, o.region, str(o.period)) for o in outcomes],
        audit,
        [o.id for o in outcomes],
    )


# -- applying the decisions ---------------------------------------------------------------------


def _judged_on(
    verdict: Verdict, evidence: Sequence[Outcome], audit: Audit, catalog: Catalog
) -> Verdict:
    """The machine's verdict on the goal of ``verdict`` with ``evidence`` as the only outcomes,
    taken as the goal's measure and region (a person said they are); the verdict cites them
    as they are."""
    goal = verdict.goal
    outcomes = [attrs.evolve(o, metric=goal.metric, region=goal.region) for o in evidence]
    judged = match.audit([goal], outcomes, audit.as_of, catalog=catalog, documents=audit.documents)
    made = judged.verdicts[0]
    original = {o.id: o for o in evidence}
    cited: tuple[Outcome, ...] = tuple(original.get(o.id, o) for o in made.evidence)
    years: tuple[YearResult, ...] = tuple(
        attrs.evolve(year, evidence=tuple(original.get(o.id, o) for o in year.evidence))
        for year in made.years
    )
    changes: dict[str, Any] = {"evidence": cited, "years": years}
    return attrs.evolve(made, **changes)


class _Context:
    """What deciding needs of an audit: its outcomes to find evidence in, and the catalog."""

    def __init__(self, audit: Audit, catalog: Catalog) -> None:
        self.audit = audit
        self.catalog = catalog
        self.outcomes = _outcome_pool(audit)


def _use(decision: Decision, verdict: Verdict, context: _Context) -> Verdict | Unapplied:
    evidence = []
    for ref in decision.evidence:
        found = context.outcomes.find(ref)
        if isinstance(found, _Miss):
            return decision.unapplied(found.problem, found.nearest, f"evidence {ref.describe()}")
        evidence.append(context.audit.outcomes[found.index])
    judged = _judged_on(verdict, evidence, context.audit, context.catalog)
    if not judged.evidence:
        named = "evidence " + "; ".join(ref.describe() for ref in decision.evidence)
        return decision.unapplied(
            "the evidence decides nothing for the goal", f"the machine says {judged.reason}", named
        )
    return judged


def _no_evidence(decision: Decision, verdict: Verdict, context: _Context) -> Verdict:
    bare = _judged_on(verdict, (), context.audit, context.catalog)
    due = " The deadline has not passed yet." if bare.not_yet_due else ""
    return attrs.evolve(bare, reason=f"unreported: no evidence applies — {decision.reason}.{due}")


def _set(decision: Decision, verdict: Verdict) -> Verdict | Unapplied:
    goal = verdict.goal
    status = decision.status or Status.UNREPORTED
    figure = decision.figure
    if figure is None:
        return Verdict.from_goal(goal, status, f"{status.value}: {decision.reason}.")
    try:
        achieved = figure.to(goal.target.unit)
    except (UnitError, TypeError, ValueError):
        return decision.unapplied(
            f"the figure {amount_text(figure)} cannot be put in the goal's unit "
            f"({goal.target.unit or 'a plain number'})"
        )
    ratio = achieved / goal.target.value if goal.target.value else None
    return Verdict.from_goal(
        goal,
        status,
        f"{status.value}: {amount_text(figure)} — {decision.reason}.",
        achieved=achieved,
        achieved_unit=goal.target.unit,
        achieved_ratio=ratio,
    )


def _decide(
    decision: Decision, verdict: Verdict, found_by: str, context: _Context
) -> Verdict | Unapplied:
    """The verdict ``decision`` makes of the machine's ``verdict``, or why it cannot."""
    action = decision.action
    made: Verdict | Unapplied
    if action is DecisionAction.CONFIRM:
        if decision.status is not None and decision.status is not verdict.status:
            return decision.unapplied(
                f"it confirms {decision.status.value}, but the verdict is now "
                f"{verdict.status.value}",
                f"the machine says {verdict.reason}",
            )
        made = verdict
    elif action is DecisionAction.USE:
        made = _use(decision, verdict, context)
    elif action is DecisionAction.NO_EVIDENCE:
        made = _no_evidence(decision, verdict, context)
    elif action is DecisionAction.SET:
        made = _set(decision, verdict)
    else:  # not a goal: the verdict, with the person's reason, is listed as dropped
        made = attrs.evolve(verdict, reason=f"not a goal: {decision.reason}.")
    if isinstance(made, Unapplied):
        return made
    return attrs.evolve(made, decided=decision.decided(verdict, found_by))


@attrs.frozen
class Decisions:
    """The decisions of a decisions file (:func:`load_decisions`), to give to an audit."""

    decisions: tuple[Decision, ...] = attrs.field(converter=_tuple)
    #: the file they were read from
    file: str = ""
    #: the entries of the file with no decision taken yet (every decision left commented)
    pending: int = 0

    def __len__(self) -> int:
        return len(self.decisions)

    def apply(self, audit: Audit, *, catalog: Catalog | None = None) -> Audit:
        """``audit`` with the decisions taken on or before its date applied: for each goal the
        latest that can be applied (an earlier one if the latest cannot); the verdicts of the
        goals decided not to be goals moved to :attr:`Audit.dropped`; every decision that
        cannot be applied, and why, in :attr:`Audit.unapplied`. Other verdicts are untouched."""
        context = _Context(audit, catalog or default_catalog())
        goals = _goal_pool(audit)
        unapplied = list(audit.unapplied)
        chosen: dict[int, list[tuple[Decision, str]]] = {}
        for decision in sorted(self.decisions, key=lambda d: d.date):
            if decision.date > audit.as_of:
                unapplied.append(
                    decision.unapplied(
                        f"taken on {decision.date.isoformat()}, after the audit's date "
                        f"({audit.as_of.isoformat()})"
                    )
                )
                continue
            found = goals.find(decision.goal)
            if isinstance(found, _Miss):
                unapplied.append(decision.unapplied(found.problem, found.nearest))
                continue
            chosen.setdefault(found.index, []).append((decision, found.how))
        verdicts = list(audit.verdicts)
        for index, candidates in chosen.items():
            for decision, how in reversed(candidates):  # the latest first
                made = _decide(decision, audit.verdicts[index], how, context)
                if isinstance(made, Verdict):
                    verdicts[index] = made
                    break
                unapplied.append(made)
        dropped = [v for v in verdicts if _dropped(v)]
        return attrs.evolve(
            audit,
            verdicts=[v for v in verdicts if not _dropped(v)],
            dropped=[*audit.dropped, *dropped],
            unapplied=unapplied,
        )


def _dropped(verdict: Verdict) -> bool:
    return verdict.decided is not None and verdict.decided.action is DecisionAction.NOT_A_GOAL


# -- reading a decisions file -------------------------------------------------------------------

_ACTIONS = tuple(action.value for action in DecisionAction)
_ENTRY_KEYS = ("goal", "by", "date", "note", *_ACTIONS)
_GOAL_KEYS = ("doc", "sha256", "start", "quote", "region", "period")
_EVIDENCE_KEYS = ("outcome", "doc", "sha256", "start", "quote")
_SET_KEYS = ("status", "figure", "reason")
_STATUSES = ", ".join(status.value for status in Status)


class _Reader:
    """The entries of a decisions file read into :class:`Decision`, every problem collected
    (one located :class:`DataError` each) rather than the first raised."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[DataError] = []
        self.pending = 0

    def problem(self, line: int | None, message: str) -> None:
        self.problems.append(DataError(self.path, line, message))

    def unknown(self, mapping: Mapping[Any, Any], keys: Sequence[str], what: str) -> None:
        for key in mapping:
            if key not in keys:
                # YAML reads on, yes, no, off as true or false: on: 2026-03-01 is True: …
                hint = (
                    " (YAML reads on, yes, no, off as true or false)"
                    if isinstance(key, bool)
                    else ""
                )
                self.problem(
                    line_of(mapping, key),
                    f"{what}: unknown key {str(key)!r}{hint} (expected one of {', '.join(keys)})",
                )

    def entries(self, data: Any) -> list[Decision]:
        if data is None:
            return []
        if not isinstance(data, dict) or "decisions" not in data:
            self.problem(1, "expected a mapping with 'decisions:', a list of decisions")
            return []
        self.unknown(data, ("decisions",), "the file")
        listed = data["decisions"]
        if listed is None:
            return []
        if not isinstance(listed, list):
            self.problem(line_of(data, "decisions"), "decisions: expected a list of decisions")
            return []
        found = []
        for index, entry in enumerate(listed):
            line = line_of(entry) if isinstance(entry, dict) else self.item_line(index)
            decision = self.entry(entry, line or line_of(data, "decisions"))
            if decision is not None:
                found.append(decision)
        return found

    def item_line(self, index: int) -> int | None:
        """The line the ``index``-th decision starts on, for one that is no mapping (the loader
        keeps the lines of mappings only): from the file's YAML nodes."""
        try:
            text = Path(self.path).read_text(encoding="utf-8-sig")
            root = yaml.compose(text, Loader=yaml.SafeLoader)
        except (OSError, UnicodeError, yaml.YAMLError):
            return None
        if not isinstance(root, yaml.MappingNode):
            return None
        for key, value in root.value:
            listed = isinstance(value, yaml.SequenceNode) and index < len(value.value)
            if key.value == "decisions" and listed:
                return int(value.value[index].start_mark.line) + 1
        return None

    def entry(self, entry: Any, line: int | None) -> Decision | None:
        if not isinstance(entry, dict):
            self.problem(line, f"expected a decision (a mapping with goal:), got {entry!r}")
            return None
        line = line_of(entry)
        self.unknown(entry, _ENTRY_KEYS, "a decision")
        goal = self.ref(entry.get("goal"), line_of(entry, "goal"), _GOAL_KEYS, "goal")
        actions = [key for key in _ACTIONS if key in entry]
        if len(actions) > 1:
            self.problem(line, f"one decision per goal: {' and '.join(actions)} are both given")
            return None
        if not actions:
            self.pending += 1
            return None
        action = actions[0]
        by, date = self.who(entry, line), self.when(entry, line)
        note = entry.get("note")
        if note is not None and not isinstance(note, str):
            self.problem(line_of(entry, "note"), f"note: expected a text, got {note!r}")
        details = self.action(action, entry[action], line_of(entry, action))
        if goal is None or by is None or date is None or details is None:
            return None
        return Decision(goal, action, by, date, note or "", file=self.path, line=line, **details)

    def who(self, entry: Mapping[str, Any], line: int | None) -> str | None:
        by = entry.get("by")
        if not isinstance(by, str) or not by.strip():
            self.problem(line_of(entry, "by") or line, "by: expected who decided (a name)")
            return None
        return by.strip()

    def when(self, entry: Mapping[str, Any], line: int | None) -> dt.date | None:
        date = entry.get("date")
        if isinstance(date, str):
            with contextlib.suppress(ValueError):
                date = dt.date.fromisoformat(date)
        if not isinstance(date, dt.date) or isinstance(date, dt.datetime):
            self.problem(
                line_of(entry, "date") or line,
                f"date: expected the date the decision was taken, YYYY-MM-DD, got {date!r}",
            )
            return None
        return date

    def ref(self, data: Any, line: int | None, keys: Sequence[str], what: str) -> Ref | None:
        """A goal or a piece of evidence as a decision names it."""
        if not isinstance(data, dict):
            wanted = "a mapping with its quote (and doc, sha256, start)"
            if what != "goal":
                wanted = "an outcome id (outcome: ID) or a span (doc, sha256, start, quote)"
            self.problem(line, f"{what}: expected {wanted}, got {data!r}")
            return None
        line = line_of(data) or line
        self.unknown(data, keys, what)
        fields: dict[str, Any] = {}
        for key in keys:
            if key not in data:
                continue
            value = data[key]
            if key == "start":
                if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                    self.problem(line_of(data, key), f"{what}: start: expected an offset ≥ 0")
                    return None
            elif not isinstance(value, str):
                self.problem(line_of(data, key), f"{what}: {key}: expected a text, got {value!r}")
                return None
            fields[key] = value
        try:
            return Ref(**fields)
        except ValidationError as error:
            self.problem(line, f"{what}: {error}")
            return None

    def action(self, action: str, value: Any, line: int | None) -> dict[str, Any] | None:
        """The details of the decision ``action: value``, as :class:`Decision` fields."""
        if action == "confirm":
            status = self.status(value, line, "confirm")
            return None if status is None else {"status": status}
        if action == "use":
            listed = value if isinstance(value, list) else [value]
            refs = [self.ref(item, line, _EVIDENCE_KEYS, "use") for item in listed]
            if not listed or any(ref is None for ref in refs):
                if not listed:
                    self.problem(line, "use: expected the evidence to judge the goal on")
                return None
            return {"evidence": refs}
        if action in ("no_evidence", "not_a_goal"):
            if not isinstance(value, str) or not value.strip():
                self.problem(line, f"{action}: expected why (a text), got {value!r}")
                return None
            return {"reason": value.strip()}
        return self.setting(value, line)

    def status(self, value: Any, line: int | None, what: str) -> Status | None:
        try:
            return Status(value)
        except ValueError:
            self.problem(line, f"{what}: expected a status ({_STATUSES}), got {value!r}")
            return None

    def setting(self, value: Any, line: int | None) -> dict[str, Any] | None:
        if not isinstance(value, dict):
            self.problem(line, f"set: expected status, figure and reason, got {value!r}")
            return None
        self.unknown(value, _SET_KEYS, "set")
        status = self.status(value.get("status"), line_of(value, "status") or line, "set")
        reason = value.get("reason")
        if not isinstance(reason, str) or not reason.strip():
            self.problem(line_of(value, "reason") or line, "set: reason: expected why (a text)")
            reason = None
        figure = value.get("figure")
        amount = None
        if figure is not None:
            try:
                amount = Amount.from_text(str(figure))
            except (UnitError, ValidationError) as error:
                self.problem(line_of(value, "figure") or line, f"set: figure: {error}")
                return None
        if status is None or reason is None:
            return None
        return {"status": status, "figure": amount, "reason": reason.strip()}


def load_decisions(path: str | Path) -> Decisions:
    """Read a decisions file (docs/review.md). Raises :class:`DecisionsError` listing every
    problem of the file, each with its line: a key that is not one of a decision's, a goal
    without its quote, two decisions in one entry, a decision without ``by`` or ``date``, a
    status that is none. An entry with no decision (all of them left commented, as
    ``targettrack review`` writes it) is pending: counted, not applied."""
    reader = _Reader(str(path))
    decisions = reader.entries(load_yaml(path))
    if reader.problems:
        raise DecisionsError(sorted(reader.problems, key=lambda problem: problem.line or 0))
    return Decisions(decisions, str(path), reader.pending)


def schema() -> dict[str, Any]:
    """The JSON Schema of a decisions file (``targettrack/data/report/decisions.schema.json``)."""
    text = (
        resources.files("targettrack")
        .joinpath("data/report/decisions.schema.json")
        .read_text(encoding="utf-8")
    )
    loaded: dict[str, Any] = json.loads(text)
    return loaded


# -- proposals: the goals to decide on, with their candidates -----------------------------------

#: The most candidates a proposal lists.
MAX_CANDIDATES = 8


@attrs.frozen
class Candidate:
    """An outcome a person may take as a goal's evidence, and the verdict it would make."""

    outcome: Outcome
    would_be: Verdict
    #: the machine took it as evidence already
    taken: bool = False

    @property
    def usable(self) -> bool:
        """Whether the verdict on it alone would cite it (its unit and period fit the goal)."""
        return bool(self.would_be.evidence)


@attrs.frozen
class Proposal:
    """A goal a person should decide on: why, and the candidates for its evidence."""

    verdict: Verdict
    #: ``near``: unreported, with near measures named; ``wording``: decided through a close
    #: wording (:attr:`targettrack.Verdict.match`), for a person to confirm
    why: str
    candidates: tuple[Candidate, ...] = attrs.field(converter=_tuple)

    @property
    def why_text(self) -> str:
        if self.why == "near":
            return "unreported; near measures were named, none taken as evidence"
        differing = "、".join(self.verdict.differing)
        words = f" (differing by {differing})" if differing else ""
        return f"decided through a close wording{words}: check it is the goal's measure"


class _Measures:
    """The outcomes of an audit by (region, measure key), with the near keys of each region."""

    def __init__(self, audit: Audit, catalog: Catalog) -> None:
        keys: dict[str, str] = {}
        self.outcomes: dict[tuple[str, str], list[Outcome]] = {}
        for outcome in audit.outcomes:
            key = keys.get(outcome.metric)
            if key is None:
                key = keys[outcome.metric] = measure_key(outcome.metric, catalog)
            self.outcomes.setdefault((outcome.region, key), []).append(outcome)
        regions: dict[str, set[str]] = {}
        for region, key in self.outcomes:
            regions.setdefault(region, set()).add(key)
        self.near = {region: NearIndex(found) for region, found in regions.items()}

    def near_outcomes(self, region: str, key: str, catalog: Catalog) -> list[Outcome]:
        """The outcomes of the measures near ``key`` in ``region``; for a catalog indicator, not
        those of another indicator (the catalog keeps the two apart on purpose)."""
        index = self.near.get(region)
        if index is None:
            return []
        keys = [k for k in index.near(key) if key not in catalog or k not in catalog]
        return [o for other in keys for o in self.outcomes[(region, other)]]


def proposals(audit: Audit, *, catalog: Catalog | None = None) -> list[Proposal]:
    """The goals of ``audit`` a person should decide on, in the audit's order: every goal due
    that the machine decided through a close wording (``Verdict.match``: 新建50个养老服务中心
    judged on 新建50个区域养老服务中心), and every one it left unreported with near measures
    named (:func:`targettrack.measure.near`). Goals already decided by a person, and goals not
    yet due, are left out. The candidates: the evidence taken, then the outcomes of the near
    measures, each with the verdict it would make alone, the usable ones first."""
    catalog = catalog or default_catalog()
    measures = _Measures(audit, catalog)
    found = []
    for verdict in audit.verdicts:
        if verdict.decided is not None or verdict.not_yet_due:
            continue
        goal = verdict.goal
        wording = verdict.match == "close wording"
        near = [
            o
            for o in measures.near_outcomes(goal.region, goal.metric, catalog)
            if o not in verdict.evidence
        ]
        unreported = verdict.status is Status.UNREPORTED and not verdict.evidence
        if not wording and not (unreported and near):
            continue
        candidates = [Candidate(o, verdict, taken=True) for o in verdict.evidence]
        others = [
            Candidate(o, _judged_on(verdict, [o], audit, catalog))
            for o in near[: MAX_CANDIDATES * 2]
        ]
        others.sort(key=lambda c: not c.usable)
        candidates.extend(others[: max(0, MAX_CANDIDATES - len(candidates))])
        found.append(Proposal(verdict, "wording" if wording else "near", candidates))
    return found


# -- the proposals as a decisions file ----------------------------------------------------------

#: Line breaks YAML reads inside a line (NEL, LS, PS) and the byte order mark: escaped.
_YAML_BREAKS = {0x85: "\\u0085", 0x2028: "\\u2028", 0x2029: "\\u2029", 0xFEFF: "\\ufeff"}


def _scalar(value: Any) -> str:
    """A value as one line of YAML: a text double-quoted (JSON's escapes are YAML's)."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False).translate(_YAML_BREAKS)
    if value is None:
        return "null"
    return str(value)


def _flow(data: Mapping[str, Any]) -> str:
    return "{" + ", ".join(f"{key}: {_scalar(value)}" for key, value in data.items()) + "}"


def _goal_line(verdict: Verdict, catalog: Catalog) -> str:
    goal = verdict.goal
    metric = catalog.get(goal.metric)
    name = goal.metric if metric is None else metric.zh
    return f"{goal.region} {name} {goal.describe_target()}（{goal.period}）"


def _candidate_line(candidate: Candidate, documents: Mapping[str, SourceDocument]) -> str:
    """A candidate as a ``use:`` line to uncomment, with the verdict it would make; one that
    cannot be used (its unit or period does not fit the goal) as a note of why not."""
    outcome = candidate.outcome
    said = f"{amount_text(outcome.value)} ({outcome.period}), {outcome.metric}"
    if not candidate.usable:
        why = _one_line(f"{candidate.would_be.reason}", 240)
        return f"  #   not usable: {outcome.source} “{_one_line(outcome.source.quote, 60)}” — {why}"
    ref = _flow(Ref.of(outcome.source, documents).to_dict())
    if candidate.taken:
        return f"  # use: {ref}  # the machine's evidence: {_one_line(said, 200)}"
    would = _one_line(f"{said} — would be {candidate.would_be.reason}", 240)
    return f"  # use: {ref}  # {would}"


def _entry(
    number: int,
    proposal: Proposal,
    documents: Mapping[str, SourceDocument],
    by: str,
    date: dt.date,
    catalog: Catalog,
) -> list[str]:
    verdict = proposal.verdict
    goal = verdict.goal
    ref = Ref.of(goal.source, documents, goal.region, str(goal.period))
    status = verdict.status.value
    lines = [
        f"# {number}. {_one_line(_goal_line(verdict, catalog), 120)} — {proposal.why_text}",
        f"#    the machine: {_one_line(verdict.reason, 400)}",
        f"- goal: {_flow(ref.to_dict())}",
        f"  by: {_scalar(by)}",
        f"  date: {date.isoformat()}",
        '  note: ""',
        "  # uncomment one decision:",
        f"  # confirm: {status}",
    ]
    lines += [_candidate_line(candidate, documents) for candidate in proposal.candidates]
    reject = (
        "the evidence taken measures something else"
        if proposal.why == "wording"
        else "none of the candidates measures what the goal sets"
    )
    lines += [
        f"  # no_evidence: {_scalar(reject)}",
        '  # not_a_goal: "WHY it is not a quantified goal"',
        '  # set: {status: STATUS, figure: "FIGURE", reason: "WHY"}',
        "",
    ]
    return lines


def proposals_yaml(
    audit: Audit,
    found: Sequence[Proposal],
    *,
    by: str = "",
    date: dt.date | None = None,
    catalog: Catalog | None = None,
) -> str:
    """``found`` (:func:`proposals`) as a decisions file to edit: an entry per goal naming it,
    with ``by`` and ``date`` filled in (default: the audit's date) and every decision — confirm,
    each candidate to use (with the verdict it would make), no evidence, not a goal, set — a
    commented line to uncomment. As written, every entry is pending and the file changes no
    verdict."""
    date = date or audit.as_of
    documents = {d.name: d for d in audit.documents}
    names = sorted({v.goal.source.doc for v in audit.verdicts})
    candidates = sum(len(p.candidates) for p in found)
    lines = [
        f"# Decisions to take on the audit of {_one_line(', '.join(names), 300) or 'no goals'}",
        f"# as of {audit.as_of.isoformat()}, written by targettrack review (docs/review.md): "
        f"{len(found)} goal{'' if len(found) == 1 else 's'} to decide on, "
        f"{candidates} candidate{'' if candidates == 1 else 's'}.",
        "# In an entry, uncomment one decision and say who decides (by), when (date) and why",
        "# (note). An entry left without a decision is pending: it changes no verdict.",
    ]
    if not found:
        return "\n".join([*lines, "decisions: []", ""])
    lines += ["decisions:", ""]
    for number, proposal in enumerate(found, 1):
        lines += _entry(number, proposal, documents, by, date, catalog or default_catalog())
    return "\n".join(lines)
