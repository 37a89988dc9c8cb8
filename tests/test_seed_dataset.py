"""The curated records of the seeds: loadable, cited, and saying what the text says."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

import targettrack as tt
from targettrack.dataset import quoted_numbers

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


@pytest.fixture(scope="module")
def dataset() -> tt.Dataset:
    return tt.load_dataset(SEEDS)


def test_every_seed_document_has_its_records_file() -> None:
    texts = sorted(p.stem for p in SEEDS.glob("*.txt"))
    records = sorted(p.stem for p in SEEDS.glob("*.yaml"))
    assert texts == records


def test_every_quote_is_the_text_at_its_span(dataset: tt.Dataset) -> None:
    texts = dataset.texts()
    records = [*dataset.goals, *dataset.outcomes]
    assert records
    for record in records:
        source = record.source
        assert texts[source.doc][source.start : source.end] == source.quote, record.id


def test_ids_are_unique_and_metrics_are_in_the_catalog(dataset: tt.Dataset) -> None:
    catalog = tt.default_catalog()
    records = [*dataset.goals, *dataset.outcomes]
    assert len({r.id for r in records}) == len(records)
    assert all(r.metric in catalog for r in records)


def test_the_guidance_has_about_fifty_goals(dataset: tt.Dataset) -> None:
    guidance = next(d for d in dataset if d.name.startswith("001_"))
    assert len(guidance.goals) >= 50
    assert not guidance.outcomes


def test_every_plan_section_of_the_seeds_is_represented(dataset: tt.Dataset) -> None:
    years = Counter((g.region, g.period.end_year) for g in dataset.goals)
    for plan in [
        ("浙江", 2025),
        ("安徽", 2021),
        ("安徽", 2024),
        ("安徽", 2026),
        ("山东", 2024),
        ("山东", 2025),
        ("北京", 2025),
        ("上海", 2025),
        ("甘肃", 2025),
    ]:
        assert years[plan], plan


def test_every_value_is_a_number_the_quote_states(dataset: tt.Dataset) -> None:
    # the loader refuses a record whose value its quote does not state; checked again here
    # on every record, so that the seeds can be trusted whatever the loader becomes
    wrong = []
    for record in [*dataset.goals, *dataset.outcomes]:
        amount = record.target if isinstance(record, tt.Goal) else record.value
        if round(abs(amount.value), 9) not in quoted_numbers(record.source.quote):
            wrong.append((record.id, str(amount), record.source.quote))
    assert wrong == []


def test_the_decimal_glyph_is_read_as_a_point(dataset: tt.Dataset) -> None:
    guidance = next(d for d in dataset if d.name.startswith("001_"))
    goals = {g.id: g for g in guidance.goals}
    assert goals["001-zj-2025-industrial-rd-intensity"].target == tt.Amount(2.5, "%")
    assert goals["001-zj-2025-high-tech-enterprises"].target == tt.Amount(3.5, "万家")
    assert goals["001-zj-2025-park-floor-area-ratio"].target == tt.Amount(1.5)


def test_the_examples_of_the_dataset_page_are_seed_records(dataset: tt.Dataset) -> None:
    page = (SEEDS.parent / "docs" / "dataset.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```yaml\n(- id: .*?)```", page, re.S)
    assert len(blocks) == 2
    records = {r.id: r for r in [*dataset.goals, *dataset.outcomes]}
    for block in blocks:
        example = yaml.safe_load(block)[0]
        record = records[example["id"]]
        source = record.source
        assert (example["quote"], example["start"], example["end"]) == (
            source.quote,
            source.start,
            source.end,
        )
        assert example["metric"] == record.metric
        assert (
            str(example["period"]) == str(record.period)
            or tt.Period.parse(str(example["period"])) == record.period
        )
