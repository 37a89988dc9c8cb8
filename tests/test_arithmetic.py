"""The arithmetic a reader expects: a range beaten on the better side, a stock as an earlier
total plus the additions since, and a curated value that is the number its quote states."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
import yaml

import targettrack as tt
from test_match import goal, judge, outcome

# -- a range is judged by the metric's direction ------------------------------------------------


def _growth(metric: str, value: str, **extra: Any) -> tt.Verdict:
    return judge(
        goal(metric=metric, comparator="range", target="5%", target_high="5.5%", change="relative"),
        outcome(metric=metric, value=value, change="relative", **extra),
    )


@pytest.mark.parametrize(
    ("metric", "value", "status", "words"),
    [
        ("gdp", "7.1%", "met", "7.1% above the range [5%, 5.5%] (above meets a higher-is-better"),
        ("gdp", "5.2%", "met", "5.2% within [5%, 5.5%]"),
        ("gdp", "4.8%", "missed", "4.8% below the range [5%, 5.5%]"),
        ("cpi", "4.8%", "met", "4.8% below the range [5%, 5.5%] (below meets a lower-is-better"),
        ("cpi", "7.1%", "missed", "7.1% above the range [5%, 5.5%] ("),
        # a metric whose 左右 is a band (PPI) is met only within its range
        ("ppi", "7.1%", "missed", "7.1% above the range [5%, 5.5%] ("),
        ("ppi", "4.8%", "missed", "4.8% below the range [5%, 5.5%] ("),
    ],
)
def test_a_range_is_beaten_on_the_better_side(
    metric: str, value: str, status: str, words: str
) -> None:
    verdict = _growth(metric, value)
    assert verdict.status.value == status
    assert words in verdict.reason


# -- a stock: the latest earlier total plus the additions since -------------------------------


def _stock_goal(target: str = "1000家", comparator: str = "at_least") -> tt.Goal:
    return goal(
        metric="little_giants_national",
        target=target,
        comparator=comparator,
        period="2025年",
        deadline=True,
    )


def _total(value: str, period: str) -> tt.Outcome:
    return outcome(metric="little_giants_national", value=value, period=period)


def _added(value: str, period: str, metric: str = "little_giants_national_new") -> tt.Outcome:
    return outcome(metric=metric, value=value, period=period)


def test_an_earlier_total_plus_the_additions_since_meets_a_stock_goal() -> None:
    total = _total("600家", "2021年")
    added = [_added(v, f"{y}年") for v, y in (("100家", 2022), ("150家", 2023), ("170家", 2024))]
    verdict = judge(_stock_goal(), total, *added)
    assert verdict.status is tt.Status.MET
    assert verdict.achieved == pytest.approx(1020)
    assert set(verdict.evidence) == {total, *added}
    assert "total 600家 (2021年" in verdict.reason
    assert "+ additions since (little_giants_national_new: 100家 (2022年" in verdict.reason
    assert "= 1020家 ≥ 1000家 already" in verdict.reason


def test_additions_covering_every_year_decide_a_miss() -> None:
    total = _total("600家", "2021年")
    added = [_added("50家", f"{y}年") for y in range(2022, 2026)]
    verdict = judge(_stock_goal(), total, *added)
    assert verdict.status is tt.Status.MISSED
    assert "= 800家 < 1000家 by the end of 2025年" in verdict.reason


def test_additions_with_a_year_missing_do_not_decide_a_miss() -> None:
    total = _total("600家", "2021年")
    added = [_added("50家", f"{y}年") for y in (2022, 2023, 2025)]
    verdict = judge(_stock_goal(), total, *added)
    assert verdict.status is tt.Status.UNREPORTED
    assert verdict.provisional
    assert verdict.achieved == pytest.approx(750)
    assert "do not cover every month from 2021年 to the end of 2025年" in verdict.reason


def test_a_later_total_is_used_as_it_is() -> None:
    verdict = judge(
        _stock_goal(),
        _total("600家", "2021年"),
        _added("500家", "2022年"),
        _total("900家", "2025年"),
    )
    assert verdict.status is tt.Status.MISSED
    assert "additions since" not in verdict.reason


def test_of_two_flows_into_a_stock_the_smaller_sum_counts_toward_at_least() -> None:
    # 新增规上工业企业2753户 counts entries only; 净增1869户 counts what stayed
    g = goal(
        metric="above_scale_industrial_enterprises",
        target="25000家",
        period="2023年",
        deadline=True,
    )
    total = outcome(metric="above_scale_industrial_enterprises", value="22000户", period="2022年")
    gross = outcome(
        metric="above_scale_industrial_enterprises_new", value="2753户", period="2023年"
    )
    net = outcome(
        metric="above_scale_industrial_enterprises_net_new", value="1869户", period="2023年"
    )
    verdict = judge(g, total, gross, net)
    assert verdict.status is tt.Status.MISSED
    assert "above_scale_industrial_enterprises_net_new: 1869户" in verdict.reason
    assert gross not in verdict.evidence


# -- a curated value is the number its quote states ---------------------------------------------

SEEDS = Path(__file__).resolve().parents[1] / "seeds"


def test_a_value_its_quote_does_not_state_is_refused_on_load(tmp_path: Path) -> None:
    source = SEEDS / "000_6faf6b9d7d4512a8.yaml"
    text = source.read_text(encoding="utf-8")
    (tmp_path / "000_6faf6b9d7d4512a8.txt").write_text(
        (SEEDS / "000_6faf6b9d7d4512a8.txt").read_text(encoding="utf-8"), encoding="utf-8"
    )
    record = re.search(r"^- id: 000-zj-2025-digital-core-share\n(?:  .*\n)+", text, re.M)
    assert record is not None and "value: 13.6%" in record.group()
    # the error names the line of the field that is wrong
    line = text[: record.start() + record.group().index("value: 13.6%")].count("\n") + 1
    broken = text.replace(record.group(), record.group().replace("value: 13.6%", "value: 16.3%"))
    path = tmp_path / "000.yaml"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(tt.DataError) as caught:
        tt.load_dataset(path)
    error = caught.value
    assert (error.path, error.line) == (str(path), line)
    assert "000-zj-2025-digital-core-share" in error.message
    assert "'value' must be a number the quote states" in error.message
    assert "16.3" in error.message and "13.6" in error.message


def test_a_goal_target_is_checked_too(tmp_path: Path) -> None:
    (tmp_path / "plan.txt").write_text("到2025年，培育企业3200家。", encoding="utf-8")
    record = {
        "id": "g",
        "region": "浙江",
        "metric": "little_giants_national",
        "comparator": "at_least",
        "target": "2800家",
        "period": "2025年",
        "quote": "培育企业3200家",
        "start": 7,
        "end": 16,
    }
    path = tmp_path / "plan.yaml"
    path.write_text(
        yaml.safe_dump(
            {"document": "plan.txt", "issued": dt.date(2022, 1, 1), "goals": [record]},
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    with pytest.raises(tt.DataError, match=r"'target' must be a number the quote states"):
        tt.load_dataset(path)
    record["target"] = "3200家"
    path.write_text(
        yaml.safe_dump(
            {"document": "plan.txt", "issued": dt.date(2022, 1, 1), "goals": [record]},
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    assert tt.load_dataset(path).goals[0].target == tt.Amount(3200, "家")
