"""Hypothesis strategies for targettrack's values, to test code that uses targettrack.

Needs hypothesis, a test extra: ``pip install targettrack[test]``.

    from hypothesis import given
    from targettrack.testing import goals, quantities

    @given(quantities(kind="money"))
    def test_my_formatter_writes_yuan(value):
        assert my_formatter(value).endswith("元")

    @given(goals())
    def test_my_report_names_every_goal(goal):
        assert goal.id in my_report([goal])

Every strategy draws values that targettrack accepts: units from the package's registry
(``units_of("money")`` draws 元, 万元, 亿元 …), periods that format and parse back, goals and
outcomes built from metrics of a catalog (the default catalog unless one is given) with a
unit that expresses the metric, so that they validate.
"""

from __future__ import annotations

import functools
from typing import Any

from hypothesis import strategies as st

from ._text import MAGNITUDES
from .catalog import Catalog, Metric, default_catalog
from .dataset import check_record
from .model import (
    Amount,
    Bound,
    Change,
    Comparator,
    Goal,
    Outcome,
    Recurrence,
    Source,
    Strength,
)
from .periods import Period
from .units import dimension_name, known_units, quantity, unit

__all__ = [
    "HOSTILE_ALPHABET",
    "KINDS",
    "RECORD_SOURCE",
    "amounts",
    "compatible_unit_chains",
    "goals",
    "hostile_texts",
    "magnitudes",
    "number_texts",
    "outcomes",
    "periods",
    "quantities",
    "ratios",
    "record_files",
    "sources",
    "units_of",
    "years",
]

#: Compound kinds, as (numerator kind, denominator kind).
_COMPOUND: dict[str, tuple[str, str]] = {
    "energy intensity": ("energy", "money"),
    "money per person": ("money", "person"),
    "money per enterprise": ("money", "enterprise"),
    "money per item": ("money", "item"),
    "money per area": ("money", "area"),
}

#: 倍 (a multiple: 增长3倍) is dimensionless like a ratio but is not one; the ratio kind leaves
#: it out.
_SKIPPED = frozenset({"times", "倍"})


@functools.cache
def _simple_kinds() -> dict[str, tuple[str, ...]]:
    groups: dict[str, list[str]] = {}
    for name in sorted(known_units()):
        if name in _SKIPPED:
            continue
        groups.setdefault(dimension_name(unit(name)), []).append(name)
    groups["ratio"].append("")
    return {kind: tuple(names) for kind, names in groups.items()}


def _kinds() -> tuple[str, ...]:
    return tuple(sorted(set(_simple_kinds()) | set(_COMPOUND)))


#: Every kind :func:`units_of` draws from: ``money``, ``enterprise``, ``item``, ``person``,
#: ``area``, ``energy``, ``ratio``, ``energy intensity``, ``money per person`` and the rest.
KINDS: tuple[str, ...] = _kinds()

_MAGNITUDE_WORDS: tuple[str, ...] = tuple(MAGNITUDES)


def magnitudes(
    min_value: float = 1e-6, max_value: float = 1e12, *, signed: bool = False
) -> st.SearchStrategy[float]:
    """Finite positive floats (of either sign with ``signed=True``), no subnormals.

    The default range, 10⁻⁶ to 10¹², keeps a value and its conversions through 万亿 and 亩
    well inside float precision, so round trips agree within ``rel_tol=1e-12``.
    """
    positive = st.floats(
        min_value,
        max_value,
        allow_nan=False,
        allow_infinity=False,
        allow_subnormal=False,
    )
    if not signed:
        return positive
    return st.tuples(positive, st.booleans()).map(lambda pair: -pair[0] if pair[1] else pair[0])


def _simple_units(kind: str) -> st.SearchStrategy[str]:
    names = _simple_kinds()[kind]
    if kind == "ratio":
        # a magnitude in front of % or 个百分点 reads, but nobody writes it
        return st.sampled_from(names)
    plain = st.sampled_from(names)
    prefixed = st.tuples(st.sampled_from(_MAGNITUDE_WORDS), plain).map("".join)
    return st.one_of(plain, prefixed)


def units_of(kind: str) -> st.SearchStrategy[str]:
    """Unit texts of one kind, as :func:`targettrack.quantity` reads them.

    ``units_of("money")`` draws 元, 万元, 亿元, 万亿元, CNY …; ``units_of("enterprise")`` draws
    家, 户, 万家 …; ``units_of("energy intensity")`` draws 吨标准煤/万元 and its kin. See
    :data:`KINDS` for every kind.
    """
    if kind in _COMPOUND:
        top, bottom = _COMPOUND[kind]
        return st.tuples(_simple_units(top), _simple_units(bottom)).map(
            lambda pair: f"{pair[0]}/{pair[1]}"
        )
    if kind not in _simple_kinds():
        raise ValueError(f"unknown kind {kind!r}; one of {', '.join(KINDS)}")
    return _simple_units(kind)


def compatible_unit_chains(
    kind: str | None = None, *, min_size: int = 2, max_size: int = 6
) -> st.SearchStrategy[list[str]]:
    """Lists of unit texts of one kind (元 → 万元 → 亿元 → 元), to convert through in turn."""
    kinds = st.sampled_from(KINDS) if kind is None else st.just(kind)
    return kinds.flatmap(
        lambda chosen: st.lists(units_of(chosen), min_size=min_size, max_size=max_size)
    )


def quantities(
    kind: str | None = None, values: st.SearchStrategy[float] | None = None
) -> st.SearchStrategy[Any]:
    """pint quantities of targettrack's registry, read from text by :func:`targettrack.quantity`.

    ``kind`` restricts them to one kind (see :data:`KINDS`); ``values`` draws the numbers
    (:func:`magnitudes` of either sign by default).
    """
    kinds = st.sampled_from(KINDS) if kind is None else st.just(kind)
    numbers = values if values is not None else magnitudes(signed=True)
    return st.tuples(numbers, kinds.flatmap(units_of)).map(
        lambda pair: quantity(f"{pair[0]!r}{pair[1]}")
    )


def ratios(min_percent: float = -100.0, max_percent: float = 100.0) -> st.SearchStrategy[Any]:
    """Ratios (dimensionless quantities) written as ``13.6%``, ``136‰``, ``0.136`` or
    ``13.6percent``, between ``min_percent`` and ``max_percent`` per cent."""
    percents = st.floats(min_percent, max_percent, allow_nan=False, allow_subnormal=False)
    written = st.sampled_from(("%", "‰", "", "percent"))

    def build(pair: tuple[float, str]) -> Any:
        value, how = pair
        if how == "‰":
            return quantity(f"{value * 10!r}‰")
        if how == "":
            return quantity(repr(value / 100))
        return quantity(f"{value!r}{'%' if how == '%' else 'percent'}")

    return st.tuples(percents, written).map(build)


def years(min_year: int = 1949, max_year: int = 2100) -> st.SearchStrategy[int]:
    """Calendar years (four digits, as documents write them)."""
    return st.integers(min_year, max_year)


def periods(
    min_year: int = 1949, max_year: int = 2100, *, max_years: int = 10
) -> st.SearchStrategy[Period]:
    """Periods of the shapes documents use, and any other inclusive month range.

    Whole years and spans of years (2021—2025年), quarters, halves, months to date (1—11月),
    single months, and ranges across a year end, starting between ``min_year`` and
    ``max_year`` and at most ``max_years`` years long.
    """
    first_year = years(min_year, max_year)

    def span(start: int, length: int) -> Period:
        return Period(start, start + length - 1)

    whole = st.tuples(first_year, st.integers(0, max_years - 1)).map(
        lambda pair: Period.from_years(pair[0], pair[0] + pair[1])
    )
    quarter = st.tuples(first_year, st.integers(1, 4)).map(
        lambda pair: Period.from_months(pair[0], 3 * pair[1] - 2, 3 * pair[1])
    )
    to_date = st.tuples(first_year, st.integers(1, 12)).map(
        lambda pair: Period.from_months(pair[0], 1, pair[1])
    )
    month = st.tuples(first_year, st.integers(1, 12)).map(
        lambda pair: Period.from_months(pair[0], pair[1])
    )
    ordinals = st.integers(min_year * 12, max_year * 12 + 11)
    anything = st.tuples(ordinals, st.integers(1, 12 * max_years)).map(
        lambda pair: span(pair[0], pair[1])
    )
    return st.one_of(whole, quarter, to_date, month, anything)


def amounts(kind: str | None = None) -> st.SearchStrategy[Amount]:
    """Amounts (a number and the unit it is written in) of one kind or any."""
    kinds = st.sampled_from(KINDS) if kind is None else st.just(kind)
    return st.tuples(magnitudes(signed=True), kinds.flatmap(units_of)).map(
        lambda pair: Amount(pair[0], pair[1])
    )


_QUOTE_TEXT = st.text(
    alphabet=st.sampled_from(
        "浙江省培育企业家个数字经济核心产业增加值比重达到１５％，。3.5万亿元 \n"
    ),
    min_size=0,
    max_size=60,
)


@st.composite
def _source(draw: st.DrawFn, doc: st.SearchStrategy[str]) -> Source:
    text = draw(_QUOTE_TEXT)
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    return Source.from_span(draw(doc), text, start, end)


def sources(doc: str | None = None) -> st.SearchStrategy[Source]:
    """Sources: a span of a made-up document text and its quote (``quote == text[start:end]``)."""
    docs = st.just(doc) if doc is not None else st.sampled_from(("000.txt", "001.txt", "doc"))
    return _source(docs)


def _fitting_unit(metric: Metric) -> st.SearchStrategy[str]:
    """Unit texts that express ``metric``: its own unit and classifiers for counts, any unit of
    its dimension otherwise."""
    if metric.is_count:
        words = st.sampled_from((metric.unit, *metric.classifiers))
        # 3.5万家: a magnitude in front of the bare classifier (not of 万人: 万万人 is no unit)
        bare = st.sampled_from((metric.classifier, *metric.classifiers))
        prefixed = st.tuples(st.sampled_from(("十", "百", "千", "万")), bare).map("".join)
        return st.one_of(words, prefixed)
    dimension = metric.dimension
    if dimension == "ratio":
        return st.sampled_from(("%", "‰", ""))
    if dimension in KINDS:
        return units_of(dimension)
    return st.just(metric.unit)


def _catalog_metrics(catalog: Catalog | None) -> st.SearchStrategy[Metric]:
    chosen = catalog if catalog is not None else default_catalog()
    metrics = tuple(chosen)
    if not metrics:
        raise ValueError("the catalog has no metric to draw from")
    return st.sampled_from(metrics)


@st.composite
def _change_and_value(
    draw: st.DrawFn, metric: Metric, period: Period
) -> tuple[Change | None, Amount, Period | None]:
    """A change (or None), a value that fits it and the metric, and a baseline (or None)."""
    # a change in points is a change of a ratio; any metric can change by a relative amount
    choices = [None, Change.RELATIVE]
    if metric.dimension == "ratio":
        choices.append(Change.POINTS)
    change = draw(st.sampled_from(choices))
    if change is None:
        return None, Amount(draw(magnitudes(1e-3, 1e6)), draw(_fitting_unit(metric))), None
    # 增长7%, 下降16% (relative) or 提高2个百分点 (points)
    number = draw(st.floats(-60.0, 60.0).map(lambda x: round(x, 2)))
    value = Amount(number, "%" if change is Change.RELATIVE else "个百分点")
    # 较2020年: a baseline some years before the period, or the default (a year earlier)
    baseline = draw(st.none() | st.integers(1, 5).map(lambda k: period.shift_years(-k)))
    return change, value, baseline


@st.composite
def _goal(draw: st.DrawFn, catalog: Catalog | None) -> Goal:
    metric = draw(_catalog_metrics(catalog))
    period = draw(periods(2000, 2035, max_years=5))
    change, target, baseline = draw(_change_and_value(metric, period))
    comparator = draw(st.sampled_from(tuple(Comparator)))
    record: dict[str, Any] = {
        "id": draw(st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}", fullmatch=True)),
        "region": draw(st.sampled_from(("浙江", "安徽", "山东", "浙江/山区26县"))),
        "metric": metric.id,
        "comparator": comparator,
        "target": target,
        "period": period,
        "source": draw(sources()),
        "strength": draw(st.sampled_from(tuple(Strength))),
        "deadline": draw(st.booleans()),
    }
    if comparator is Comparator.RANGE:
        width = draw(st.just(0.0) | magnitudes(1e-3, 1e3))  # amounts are 0 or ≥ MIN_MAGNITUDE
        record["target_high"] = Amount(target.value + width, target.unit)
    if comparator is Comparator.ABOUT and draw(st.booleans()):
        record["tolerance"] = draw(st.floats(0.001, 0.5))
    if draw(st.booleans()):
        first = draw(years(2000, 2030))
        record["span"] = Period.from_years(first, first + draw(st.integers(0, 4)))
        if draw(st.booleans()):
            record["recurrence"] = Recurrence.ANNUAL
    if change is not None:
        record["change"] = change
        if baseline is not None:
            record["baseline"] = baseline
    goal = Goal.from_record(record)
    check_record(goal, catalog or default_catalog())
    return goal


def goals(catalog: Catalog | None = None) -> st.SearchStrategy[Goal]:
    """Goals that validate: a metric of ``catalog`` (the default catalog when None), a target
    in a unit that expresses it (or a change in % or percentage points), any comparator with
    the fields it needs, a period, and now and then a span, an annual recurrence, a baseline."""
    return _goal(catalog)


@st.composite
def _outcome(draw: st.DrawFn, catalog: Catalog | None) -> Outcome:
    metric = draw(_catalog_metrics(catalog))
    period = draw(periods(2000, 2035, max_years=2))
    change, value, baseline = draw(_change_and_value(metric, period))
    record: dict[str, Any] = {
        "id": draw(st.from_regex(r"[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,3}", fullmatch=True)),
        "region": draw(st.sampled_from(("浙江", "安徽", "山东", "浙江/山区26县"))),
        "metric": metric.id,
        "value": value,
        "period": period,
        "source": draw(sources()),
        "estimate": draw(st.booleans()),
        "bound": draw(st.sampled_from(tuple(Bound))),
    }
    if change is not None:
        record["change"] = change
        if baseline is not None:
            record["baseline"] = baseline
    outcome = Outcome.from_record(record)
    check_record(outcome, catalog or default_catalog())
    return outcome


def outcomes(catalog: Catalog | None = None) -> st.SearchStrategy[Outcome]:
    """Outcomes that validate: a metric of ``catalog`` (the default catalog when None), a value
    in a unit that expresses it (or a change in % or points), a period, an estimate flag and a
    bound."""
    return _outcome(catalog)


# -- hostile input ----------------------------------------------------------------------------

#: Characters of hostile text: numerals and digits of both widths, units, the words the
#: extractor reads, clause marks, quotes and brackets, white space, and characters that must
#: never reach a report raw (NUL, ESC, CR, DEL, C1, a byte-order mark, a right-to-left override,
#: a lone surrogate).
HOSTILE_ALPHABET = (
    "0123456789０１２３４５６７８９.．/／%％‰\ue010+-eE"
    "零〇一二两三四五六七八九十百千万亿分之成大多余左右以上下内超近约达到至为"
    "年月日季度前全今去上每累计截底以来增长下降提高个百分点家项元吨标准煤人次户台套"
    "力争确保争取预计有望新增培育第居位规模工业增加值比重占浙江安徽省政府工作报告"
    " \n\t\u3000,，。;；:：、()（）“”《》—~●*"
    "\x00\x1b\r\x7f\x85\x9b\ufeff\u202e\ud800"
)

_NUMERAL_UNITS = ("九", "十四五", "一二", "9", "九百", "百分之九", "9/", "九家", "9家", "1e9")


def _runs() -> st.SearchStrategy[str]:
    """A long run of numerals, digits or figures: the shapes that once took quadratic time."""
    return st.tuples(st.sampled_from(_NUMERAL_UNITS), st.integers(1, 1500)).map(
        lambda pair: pair[0] * pair[1]
    )


def hostile_texts(max_size: int = 400) -> st.SearchStrategy[str]:
    """Texts a hostile or careless source could give: characters of :data:`HOSTILE_ALPHABET`
    mixed with long runs of numerals and figures and with whole sentences of the documents'
    kind (到2025年，培育企业100家。)."""
    sentences = st.sampled_from(
        (
            "到2025年,培育专精特新企业100家以上。",
            "2024年工作回顾\n全省规上工业增加值增长7.3%。",
            "到0000年,新增企业9家。",
            "到9999年,每年新增企业100家。",
            "浙江省人民政府关于印发…的通知\n",
        )
    )
    piece = st.text(st.sampled_from(HOSTILE_ALPHABET), max_size=max_size) | _runs() | sentences
    return st.lists(piece, max_size=6).map("".join)


def number_texts() -> st.SearchStrategy[str]:
    """Texts that look like numbers, of any length and size: long runs of digits and numerals,
    exponents (1e308), fractions with a zero denominator, 百分之 before anything, magnitudes
    (万亿) after huge values — with or without a unit after them."""
    digits = st.integers(1, 600).map(lambda n: "9" * n)
    numerals = st.integers(1, 600).map(lambda n: "九" * n)
    exponent = st.integers(-400, 400).map(lambda n: f"1e{n}")
    fraction = st.tuples(st.integers(0, 10**50), st.integers(0, 3)).map(
        lambda pair: f"{pair[0]}/{pair[1]}"
    )
    decimal = st.floats(allow_nan=True, allow_infinity=True).map(repr)
    number = st.one_of(digits, numerals, exponent, fraction, decimal, _runs())
    prefix = st.sampled_from(("", "百分之", "-", "+", "三分之"))
    suffix = st.sampled_from(("", "家", "万亿元", "万亿", "%", "个百分点", "亿元/万人", "分之一"))
    return st.tuples(prefix, number, suffix).map("".join)


def _yaml_scalar() -> st.SearchStrategy[str]:
    return st.one_of(
        st.sampled_from(
            (
                "100家",
                "1e308万亿元",
                "'false'",
                "'no'",
                "[a, b]",
                "{a: b}",
                "2025-13-45",
                "2025-01-01 10:00:00",
                '"\\ud800"',
                "*anchor",
                "~",
                "0000年",
                "9999年",
                "-1",
                "999999999999999999999999",
            )
        ),
        number_texts().map(lambda text: '"' + text.replace("\\", "").replace('"', "") + '"'),
        st.text(st.sampled_from(HOSTILE_ALPHABET.replace("\ud800", "")), max_size=20).map(
            lambda text: '"' + text.replace("\\", "").replace('"', "") + '"'
        ),
    )


_RECORD_FIELDS = (
    "id",
    "region",
    "metric",
    "comparator",
    "target",
    "period",
    "quote",
    "start",
    "end",
    "deadline",
    "estimate",
    "note",
    "span",
    "change",
    "__line__",
)


@st.composite
def _record_lines(draw: st.DrawFn) -> str:
    lines = ["- id: g1", "  region: 浙江", "  metric: 新增企业", "  comparator: at_least"]
    lines += ["  target: 100家", "  period: 2025年", "  quote: 新增企业100家"]
    lines += ["  start: 13", "  end: 21"]
    for _ in range(draw(st.integers(0, 4))):
        field = draw(st.sampled_from(_RECORD_FIELDS))
        lines.insert(draw(st.integers(1, len(lines))), f"  {field}: {draw(_yaml_scalar())}")
    return "\n".join(lines)


@st.composite
def _record_file(draw: st.DrawFn) -> str:
    head = ["document: doc.txt"]
    for _ in range(draw(st.integers(0, 3))):
        field = draw(st.sampled_from(("title", "issued", "document", "goals", "extra")))
        head.append(f"{field}: {draw(_yaml_scalar())}")
    body = "goals:\n" + "\n".join(draw(st.lists(_record_lines(), min_size=1, max_size=3)))
    text = "\n".join([*head, body]) + "\n"
    damage = draw(st.sampled_from(("", "nest", "bomb", "control", "cut")))
    if damage == "nest":
        depth = draw(st.integers(1, 200))
        text += "extra: " + "[" * depth + "]" * depth + "\n"
    elif damage == "bomb":
        levels = draw(st.integers(1, 9))
        lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
        lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, levels)]
        text = "\n".join(lines) + "\n" + text
    elif damage == "control":
        position = draw(st.integers(0, len(text)))
        char = draw(st.sampled_from("\x00\x01\x1b\x7f\x85\x9b\ufffe"))
        text = text[:position] + char + text[position:]
    elif damage == "cut":
        text = text[: draw(st.integers(0, len(text)))]
    return text


def record_files() -> st.SearchStrategy[str]:
    """The text of record files (docs/dataset.md) naming ``doc.txt``, damaged: fields of the
    wrong type or out of range, keys given twice, unknown fields, nesting hundreds deep, alias
    bombs, control characters, files cut short. The source text they are meant for is
    :data:`RECORD_SOURCE`."""
    return _record_file()


#: The source text the records of :func:`record_files` cite (新增企业100家 at [13:21]).
RECORD_SOURCE = "一、目标。\n到2025年,新增企业100家。\n"


# -- the shapes real copies of a document come in ----------------------------------------------


def without_header(text: str) -> str:
    """The document from its address (各位代表) on, as reports are often copied."""
    start = text.find("各位代表")
    return text if start <= 0 else text[start:]


def header_broken(text: str, at: int) -> str:
    """The header's lines (before 各位代表) broken once more, ``at`` characters into each line
    long enough, as scraped pages and PDFs break them."""
    start = text.find("各位代表")
    if start <= 0:
        return text
    lines = text[:start].split("\n")
    broken = [line[:at] + "\n" + line[at:] if len(line) > at + 2 else line for line in lines]
    return "\n".join(broken) + text[start:]


def hard_wrapped(text: str, width: int) -> str:
    """Every line wrapped at ``width`` characters, as a PDF's text layer gives it."""
    out: list[str] = []
    for line in text.split("\n"):
        out.extend(line[i : i + width] for i in range(0, max(len(line), 1), width))
    return "\n".join(out)


def with_chrome(text: str) -> str:
    """A saved web page: the site's chrome before and after."""
    return "下载\n打印\n【字号：\n大\n中\n小\n】\n" + text + "\n相关报道：\n责任编辑：某某\n"


def crlf(text: str) -> str:
    """The same text with CRLF line ends."""
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


def cr_only(text: str) -> str:
    """The same text with a carriage return alone for a line end (old Mac files)."""
    return text.replace("\r\n", "\n").replace("\n", "\r")


def line_separators(text: str) -> str:
    """The same text with Unicode's line separator (U+2028) for a line end."""
    return text.replace("\r\n", "\n").replace("\n", "\u2028")


def indented(text: str) -> str:
    """Every paragraph indented with two ideographic spaces."""
    return "\n".join("\u3000\u3000" + line if line.strip() else line for line in text.split("\n"))


def with_glossary(text: str) -> str:
    """The document with a glossary after it, whose notes hold figures of their own."""
    return (
        text.rstrip("\n")
        + "\n名词解释\n1.“两新”：指新一轮大规模设备更新和消费品以旧换新，全年安排资金300亿元。\n"
        + "2.“三个一批”：指每年谋划实施重点项目1000个，新增就业岗位50万个。\n"
    )
