"""How long the matcher takes when every goal and outcome sits in one region, next to the same
work spread over many regions, in one run.

Run on demand (this is not a test): ``python benchmarks/bench_match.py``. It builds the same
number of goals, outcomes and (region, measure) buckets twice:

- **spread**: ``--buckets`` buckets made of ``--regions`` regions × a few measures each (the
  shape of a corpus of many governments, each with its own few indicators);
- **one region**: the same buckets, all in one region, told apart by their measure alone (a
  single government's long run of reports, or a national database keyed by indicator).

Both layouts have the same goals per bucket, outcomes per bucket, units, years and share of
goals with no outcome (whose reasons name the near measures, the costliest part of an
unreported verdict), so any difference between their times is the cost of many measures in
one region. It prints the time of ``tt.audit`` on each, and the ratio one-region / spread.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import random
import sys
import time

import targettrack as tt
from targettrack.measure import measure_key
from targettrack.model import Amount, Goal, Outcome, Source
from targettrack.periods import Period

#: Sectors and measures whose products name the open-vocabulary measures (no catalog id).
SECTORS = [
    "新能源汽车", "集成电路", "生物医药", "光伏组件", "锂电池", "工业机器人", "智能手机", "数控机床",
    "风电装备", "轨道交通", "航空航天", "海洋工程", "新材料", "节能环保", "现代农业", "冷链物流",
    "跨境电商", "文化旅游", "数字创意", "养老服务", "托育服务", "职业教育", "智慧医疗", "绿色建筑",
    "氢能装备", "储能电站", "充电桩", "算力中心", "工业互联网", "低空经济",
]  # fmt: skip
MEASURES = [
    "产量", "产值", "营业收入", "出口额", "投资额", "利润总额", "税收", "从业人员", "企业数量",
    "项目数量", "研发投入", "专利授权量", "用电量", "货运量", "客运量", "接待人次",
]  # fmt: skip
#: Catalog indicators in the mix (so that conversion through the catalog is exercised too).
INDICATORS = [("gdp", "亿元"), ("general_public_budget_revenue", "亿元"), ("grain_output", "万吨")]
YEARS = range(2019, 2026)


def _measures(count: int) -> list[tuple[str, str]]:
    """``count`` distinct measures (wording, unit): catalog ids first, then sector × measure
    products, numbered once those run out."""
    catalog = tt.default_catalog()
    found: list[tuple[str, str]] = list(INDICATORS)
    n = 0
    while len(found) < count:
        sector = SECTORS[n % len(SECTORS)]
        measure = MEASURES[(n // len(SECTORS)) % len(MEASURES)]
        round_ = n // (len(SECTORS) * len(MEASURES))
        wording = f"{sector}{'第' + str(round_) + '类' if round_ else ''}{measure}"
        n += 1
        if measure_key(wording, catalog) not in catalog:  # 新能源汽车产量 is the catalog's
            found.append((wording, "亿元"))
    return found[:count]


def build(
    layout: str, goals: int, outcomes: int, buckets: int, regions: int, seed: int
) -> tuple[list[Goal], list[Outcome]]:
    """The goals and outcomes of one layout (see the module doc)."""
    rng = random.Random(seed)
    per_region = max(buckets // regions, 1)
    if layout == "spread":
        names = _measures(per_region)
        keys = [(f"地区{b // per_region}", *names[b % per_region]) for b in range(buckets)]
    else:
        keys = [("某省", *measure) for measure in _measures(buckets)]
    source = Source("bench.txt", 0, 4, "2025")
    periods = [Period.from_year(year) for year in YEARS]
    outcome_list = []
    for n in range(outcomes):
        region, metric, unit = keys[n % buckets]
        # the same figure in 亿元 or 万元, so that the matcher converts it
        value, written = (rng.uniform(1, 1000), unit)
        if unit == "亿元" and n % 2:
            value, written = value * 1e4, "万元"
        outcome_list.append(
            Outcome(
                f"o{n}", region, metric, Amount(value, written), periods[n % len(periods)], source
            )
        )
    goal_list = []
    for n in range(goals):
        region, metric, unit = keys[n % buckets]
        if n % 10 == 9:  # one goal in ten has no outcome: its reason names the near measures
            metric = f"{metric}增量"
        goal_list.append(
            Goal(
                f"g{n}",
                region,
                metric,
                "at_least",
                Amount(rng.uniform(1, 1000), unit),
                periods[-1 - n % 3],
                source,
            )
        )
    return goal_list, outcome_list


def timed(goals: list[Goal], outcomes: list[Outcome]) -> tuple[float, float, tt.Audit]:
    """The wall-clock and CPU seconds of the audit, and the audit."""
    gc.collect()
    wall, cpu = time.perf_counter(), time.process_time()
    result = tt.audit(goals, outcomes, as_of=dt.date(2026, 6, 30))
    return time.perf_counter() - wall, time.process_time() - cpu, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--goals", type=int, default=100_000)
    parser.add_argument("--outcomes", type=int, default=1_000_000)
    parser.add_argument("--buckets", type=int, default=10_000, help="(region, measure) pairs")
    parser.add_argument("--regions", type=int, default=1_000, help="regions of the spread layout")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    print(f"Python {sys.version.split()[0]}, targettrack {tt.__version__}")
    print(
        f"{args.goals:,} goals × {args.outcomes:,} outcomes in {args.buckets:,} "
        f"(region, measure) buckets; spread over {args.regions:,} regions or all in one"
    )
    print()
    print(f"{'layout':<12} {'wall s':>8} {'CPU s':>8}   verdicts")
    times: dict[str, float] = {}
    for layout in ("spread", "one region"):
        goals, outcomes = build(
            layout, args.goals, args.outcomes, args.buckets, args.regions, args.seed
        )
        wall, cpu, result = timed(goals, outcomes)
        times[layout] = cpu
        counts = result.counts()
        print(
            f"{layout:<12} {wall:>8.2f} {cpu:>8.2f}   "
            + ", ".join(f"{n} {status.value}" for status, n in counts.items())
        )
        del goals, outcomes, result
    ratio = times["one region"] / times["spread"]
    print(f"\none region / spread (CPU time): {ratio:.2f}x")


if __name__ == "__main__":
    main()
