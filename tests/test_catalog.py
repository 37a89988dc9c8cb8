"""The metric catalog is one coherent catalog: unique ids and names, stock links that hold,
units that read, the documented directions and themes, and every metric used (docs/catalog.md)."""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

import targettrack as tt
from targettrack._text import MAGNITUDES
from targettrack.catalog import About, Direction, Kind
from targettrack.units import unit

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
CATALOG_DIR = Path(tt.__file__).resolve().parent / "data" / "catalog"
DOC = ROOT / "docs" / "catalog.md"

THEMES = {
    "industry",
    "investment",
    "innovation",
    "digital",
    "enterprises",
    "clusters",
    "green",
    "land",
    "standards",
    "services",
    "talent",
    "finance",
    "other",
    # the standard indicators (indicators.yaml)
    "agriculture",
    "consumption",
    "economy",
    "education",
    "employment",
    "energy",
    "environment",
    "health",
    "housing",
    "income",
    "population",
    "prices",
    "social",
    "trade",
    "transport",
}
DIRECTIONS = {"higher", "lower"}
RECOGNITIONS = {None, "national", "provincial"}
#: the provinces whose own metrics each provincial file holds
GROUPS = {
    "zhejiang.yaml": {"浙江"},
    "anhui.yaml": {"安徽"},
    "north.yaml": {"山东", "北京", "上海", "重庆"},
    "south.yaml": {"广东", "江苏", "海南", "云南", "甘肃"},
}


@pytest.fixture(scope="module")
def catalog() -> tt.Catalog:
    return tt.default_catalog()


@pytest.fixture(scope="module")
def files() -> dict[str, list[dict[str, Any]]]:
    return {
        path.name: yaml.safe_load(path.read_text(encoding="utf-8")) or []
        for path in sorted(CATALOG_DIR.glob("*.yaml"))
    }


@pytest.fixture(scope="module")
def records() -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for path in sorted(SEEDS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        found += [*(data.get("goals") or []), *(data.get("outcomes") or [])]
    assert found
    return found


def _province(record: dict[str, Any]) -> str:
    return str(record["region"]).split("/")[0]


def _classifier(text: str) -> str:
    """The classifier of a unit as written: 万家 → 家, 亿元 → 元 is not a count (kept)."""
    for word in sorted(MAGNITUDES, key=len, reverse=True):
        if text.startswith(word) and len(text) > len(word):
            return text[len(word) :]
    return text


def test_ids_are_unique_across_the_files(files: dict[str, list[dict[str, Any]]]) -> None:
    ids = Counter(record["id"] for metrics in files.values() for record in metrics)
    assert ids, "no metrics"
    assert [i for i, n in ids.items() if n > 1] == []
    assert all(re.fullmatch(r"[a-z][a-z0-9_]*", i) for i in ids)


def test_the_catalog_loads_every_file(
    catalog: tt.Catalog, files: dict[str, list[dict[str, Any]]]
) -> None:
    assert len(catalog) == sum(len(metrics) for metrics in files.values())


def test_no_two_metrics_share_a_name_or_a_wording(catalog: tt.Catalog) -> None:
    zh = Counter(m.zh for m in catalog)
    assert [name for name, n in zh.items() if n > 1] == []
    en = Counter(m.en for m in catalog)
    assert [name for name, n in en.items() if n > 1] == []
    owner: dict[str, set[str]] = defaultdict(set)
    for metric in catalog:
        for word in (metric.zh, *metric.aliases):
            owner[word].add(metric.id)
    # Catalog.find places a wording on one metric only
    assert {w: ids for w, ids in owner.items() if len(ids) > 1} == {}


def test_every_flow_links_to_a_stock_that_can_take_its_additions(catalog: tt.Catalog) -> None:
    for metric in catalog:
        if metric.stock is None:
            continue
        assert metric.kind is Kind.FLOW, metric.id
        stock = catalog[metric.stock]
        assert stock.kind is Kind.STOCK, metric.id
        # the matcher lists additions toward a stock goal: they must count the same thing
        stock.convert(1, metric.unit)
        metric.convert(1, stock.unit)
        assert metric.recognition in (None, stock.recognition), metric.id


def test_a_flow_and_a_stock_of_the_same_name_are_linked(catalog: tt.Catalog) -> None:
    # xxx_new (新增…) and xxx (the total) are one concept: the flow points to the stock
    for metric in catalog:
        if metric.kind is Kind.FLOW and metric.id.endswith("_new"):
            stock = catalog.get(metric.id.removesuffix("_new"))
            if stock is not None and stock.kind is Kind.STOCK:
                assert metric.stock == stock.id, metric.id


def test_units_and_classifiers_are_readable(catalog: tt.Catalog) -> None:
    for metric in catalog:
        unit(metric.unit)
        assert metric.dimension
        for classifier in metric.classifiers:
            unit(classifier)
            assert classifier != _classifier(metric.unit), metric.id


def test_directions_themes_kinds_and_recognition_are_documented(catalog: tt.Catalog) -> None:
    text = DOC.read_text(encoding="utf-8")
    for theme in THEMES:
        assert f"`{theme}`" in text, theme
    for metric in catalog:
        assert metric.direction.value in DIRECTIONS, metric.id
        assert metric.theme in THEMES, metric.id
        assert metric.recognition in RECOGNITIONS, metric.id
        assert metric.kind in Kind, metric.id
        assert metric.stock is None or metric.kind is Kind.FLOW, metric.id


def _indicator_ids() -> set[str]:
    """The standard indicators of the statistical system: shared by every report by design."""
    records = yaml.safe_load((CATALOG_DIR / "indicators.yaml").read_text(encoding="utf-8"))
    return {record["id"] for record in records}


def test_ceilings_are_lower_is_better(catalog: tt.Catalog) -> None:
    for metric_id in (
        "industrial_energy_intensity",
        "energy_intensity",
        "five_g_approval_steps",
        "five_g_approval_time",
    ):
        assert catalog[metric_id].direction is Direction.LOWER, metric_id
    for metric_id in ("cpi", "surveyed_unemployment_rate", "pm25_concentration"):
        if metric_id in catalog:
            assert catalog[metric_id].direction is Direction.LOWER, metric_id
            assert catalog[metric_id].about_reading is About.CEILING, metric_id
    # the industry files' ceilings are energy use and approval steps; the standard
    # indicators' are prices, unemployment, pollution, debt and the like
    seeds_lower = {
        m.id for m in catalog if m.direction is Direction.LOWER and m.id not in _indicator_ids()
    }
    assert all(re.search("能耗|审批", catalog[i].zh) for i in seeds_lower), seeds_lower


def test_shares_and_ratios_are_dimensionless(catalog: tt.Catalog) -> None:
    for metric in catalog:
        if metric.kind in (Kind.SHARE, Kind.RATIO):
            assert metric.dimension == "ratio", metric.id


def test_every_cited_metric_exists(catalog: tt.Catalog, records: list[dict[str, Any]]) -> None:
    assert sorted({r["metric"] for r in records} - {m.id for m in catalog}) == []


def test_the_records_write_the_metric_classifiers(
    catalog: tt.Catalog, records: list[dict[str, Any]]
) -> None:
    # ``classifiers`` lists every other classifier the records use for a count (家 and 户)
    for record in records:
        metric = catalog[record["metric"]]
        if record.get("change") or not metric.is_count:
            continue
        amount = tt.Amount.from_text(str(record.get("target", record.get("value"))))
        written = _classifier(amount.unit)
        assert written in {_classifier(metric.unit), *metric.classifiers}, (record["id"], written)


def test_every_metric_is_used_or_shared(
    catalog: tt.Catalog, files: dict[str, list[dict[str, Any]]], records: list[dict[str, Any]]
) -> None:
    cited = {r["metric"] for r in records}
    linked = {m.stock for m in catalog if m.stock is not None and m.id in cited}
    common = {m["id"] for m in files["common.yaml"]} | _indicator_ids()
    for metric in catalog:
        # a provincial metric is cited by a record, or is the stock a cited flow adds to
        # (single_champions_provincial: 新认定省级制造业单项冠军 is reported, the total is not)
        assert metric.id in cited | linked | common, metric.id


def test_concepts_of_several_provinces_live_in_common(
    files: dict[str, list[dict[str, Any]]], records: list[dict[str, Any]]
) -> None:
    provinces: dict[str, set[str]] = defaultdict(set)
    for record in records:
        provinces[record["metric"]].add(_province(record))
    for name, group in GROUPS.items():
        for metric in files[name]:
            assert provinces[metric["id"]] <= group, (name, metric["id"], provinces[metric["id"]])


def test_the_examples_of_the_catalog_doc_run() -> None:
    import doctest

    result = doctest.testfile(
        str(DOC), module_relative=False, optionflags=doctest.ELLIPSIS, report=True
    )
    assert result.attempted >= 5
    assert result.failed == 0


@settings(max_examples=200)
@given(
    st.lists(
        st.sampled_from(sorted(tt.default_catalog().wordings)) | st.text(max_size=6),
        max_size=4,
    ).map("".join)
)
def test_longest_is_the_first_metric_find_gives(text: str) -> None:
    catalog = tt.default_catalog()
    found = catalog.find(text)
    length, metric = catalog.longest(text)
    if not found:
        assert (length, metric) == (0, None)
    else:
        assert metric == found[0]
        words = [w for w in (metric.zh, *metric.aliases) if w and w in text]
        assert length == max(len(w) for w in words)
