"""How long targettrack takes to read and convert quantities, next to bare pint, in one run.

Run on demand (this is not a test): ``python benchmarks/bench_units.py``. It prints the time per
call of ``targettrack.quantity`` on several forms and of a conversion, the same work done by a
bare ``pint.UnitRegistry()`` with the same Chinese units defined, and the ratio of the two; then
the import time of ``targettrack`` next to ``import pint``, each in a fresh interpreter.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import subprocess
import sys
import timeit
import unicodedata
from collections.abc import Callable
from typing import Any

import pint

import targettrack as tt
from targettrack.units import unit

#: The same units, defined on a bare default registry (what a user of pint alone would write).
PINT_DEFINITIONS = [
    "万- = 1e4",
    "亿- = 1e8",
    "CNY = [currency] = 元",
    "enterprise = [enterprise] = 家",
    "person = [person] = 人",
    "tce = 29.3076 * gigajoule = 吨标准煤",
]


def pad(text: str, width: int) -> str:
    """``text`` padded to ``width`` terminal columns (CJK characters take two)."""
    columns = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(width - columns, 0)


def per_call(action: Callable[[], object], repeat: int) -> float:
    """The best of ``repeat`` timings, in microseconds per call."""
    timer = timeit.Timer(action)
    number, _ = timer.autorange()
    best = min(timer.repeat(repeat=repeat, number=number))
    return best / number * 1e6


def import_time(module: str, runs: int) -> float:
    """The median time, in milliseconds, of ``import module`` in a fresh interpreter."""
    code = (
        "import time; t = time.perf_counter(); "
        f"import {module}; print((time.perf_counter() - t) * 1000)"
    )
    times = []
    for _ in range(runs):
        done = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        times.append(float(done.stdout))
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="timing repeats (best is kept)")
    parser.add_argument("--imports", type=int, default=5, help="fresh interpreters per import")
    args = parser.parse_args()

    ureg: Any = pint.UnitRegistry()
    for definition in PINT_DEFINITIONS:
        ureg.define(definition)
    bare = ureg.Quantity
    per_person = unit("元/人")
    bare_per_person = ureg.Unit("CNY / person")
    ours = tt.quantity("35万元/人")
    theirs: Any = bare("35 万元 / 人")
    assert abs(ours.to(per_person).magnitude - theirs.to(bare_per_person).magnitude) < 1e-6

    # the same unit with a different number each call, as in a document
    numbers = [f"{n / 100:.2f}" for n in range(1, 100_001)]
    ours_texts = itertools.cycle([f"{n}万元/人" for n in numbers])
    pint_texts = itertools.cycle([f"{n} 万元 / 人" for n in numbers])

    cases: list[tuple[str, Callable[[], object], Callable[[], object]]] = [
        ("quantity('35万元/人')", lambda: tt.quantity("35万元/人"), lambda: bare("35 万元 / 人")),
        (
            "quantity('<n>万元/人'), n varies",
            lambda: tt.quantity(next(ours_texts)),
            lambda: bare(next(pint_texts)),
        ),
        ("quantity('3.5万家')", lambda: tt.quantity("3.5万家"), lambda: bare("3.5 万家")),
        ("quantity('8000亿元')", lambda: tt.quantity("8000亿元"), lambda: bare("8000 亿元")),
        (
            "quantity('0.52吨标准煤/万元')",
            lambda: tt.quantity("0.52吨标准煤/万元"),
            lambda: bare("0.52 吨标准煤 / 万元"),
        ),
        ("quantity('１５％')", lambda: tt.quantity("１５％"), lambda: bare("15 percent")),
        ("quantity('百分之十五')", lambda: tt.quantity("百分之十五"), lambda: bare("15 percent")),
        (
            "35万元/人 .to(元/人)",
            lambda: ours.to(per_person),
            lambda: theirs.to(bare_per_person),
        ),
    ]

    print(f"Python {sys.version.split()[0]}, pint {pint.__version__}, targettrack {tt.__version__}")
    print("best of", args.repeat, "repeats; µs per call; bare pint parses the same text")
    print("(written with spaces and ASCII % where its parser needs them)")
    print()
    header = f"{'operation':<34} {'targettrack µs':>15} {'bare pint µs':>13} {'ratio':>7}"
    print(header)
    print("-" * len(header))
    for label, ours_call, pint_call in cases:
        mine = per_call(ours_call, args.repeat)
        base = per_call(pint_call, args.repeat)
        print(f"{pad(label, 34)} {mine:>15.1f} {base:>13.1f} {mine / base:>6.2f}x")

    print()
    header = f"{'import (fresh interpreter)':<34} {'median ms':>15}"
    print(header)
    print("-" * len(header))
    pint_ms = import_time("pint", args.imports)
    ours_ms = import_time("targettrack", args.imports)
    print(f"{'import pint':<34} {pint_ms:>15.1f}")
    print(f"{'import targettrack':<34} {ours_ms:>15.1f}   ({ours_ms / pint_ms:.2f}x pint)")


if __name__ == "__main__":
    main()
