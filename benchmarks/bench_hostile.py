"""Benchmark of the extractor on hostile text: time per character against ordinary text.

    .venv/bin/python benchmarks/bench_hostile.py [--chars 60000] [--repeat 3]

Ordinary text is the five seed documents, one after another, cut to ``--chars`` characters.
Each hostile text has the same length: long runs of Chinese numerals (九九九…, 十四五十四五…,
一二一二…), of digits, of 百分之九九九…, and text made of nothing but figures (九家九家…,
9家9家…, 9/9/9/…), each inside one sentence with no punctuation to cut it. In the same run it
prints, for each text, the extractor's time per character, its ratio to ordinary text's, the
quantities the extractor reads in it (each one a candidate statement) and the time per
quantity, and how the time per character changes on the same text four times as long (the
growth column: about 1 when the work grows linearly with the length, about 4 when it grows
with its square, as it did on runs of numerals before). The time of each text is the best of
``--repeat`` runs (one run for the longer text). Not collected by pytest (run on demand).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import targettrack as tt
from targettrack.dataset import read_text
from targettrack.extract.scan import scan
from targettrack.extract.text import prepare

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
WARM_UP = "2024年工作成效\n全省规上工业增加值增长7.3%，新增规上工业企业2753户。"

#: (name, the unit repeated): each hostile text is 到2025年，培育 + the unit repeated + 家企业。
HOSTILE = [
    ("run of 九", "九"),
    ("run of 十四五", "十四五"),
    ("run of 一二", "一二"),
    ("run of digits", "9"),
    ("百分之 + 九…", "百分之九九九九九九九九九九九九九九九九九九九九九九"),
    ("figures only: 九家", "九家"),
    ("figures only: 9家", "9家"),
    ("figures only: 9/", "9/"),
]


def hostile(unit: str, chars: int) -> str:
    head, tail = "到2025年，培育", "家企业。"
    body = (unit * (chars // len(unit) + 1))[: chars - len(head) - len(tail)]
    return head + body + tail


def timed(text: str, repeat: int) -> tuple[float, int]:
    """The best time of ``repeat`` extractions of ``text``, and the quantities read in it."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        tt.extract_statements(text, doc="bench.txt")
        best = min(best, time.perf_counter() - start)
    return best, len(scan(prepare(text).compact))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--chars", type=int, default=60_000, help="length of each text")
    parser.add_argument("--repeat", type=int, default=3, help="runs per text (the best counts)")
    args = parser.parse_args()
    tt.extract_statements(WARM_UP)
    seeds = "\n".join(read_text(path) for path in sorted(SEEDS.glob("*.txt")))
    ordinary = (seeds * (args.chars // len(seeds) + 1))[: args.chars]
    base, base_found = timed(ordinary, args.repeat)
    base_per_char = base / len(ordinary)
    print(f"{len(ordinary)} characters per text; best of {args.repeat} runs\n")
    print(
        f"{'text':24} {'µs/char':>8} {'× ordinary':>10} {'quantities':>10} "
        f"{'µs/quantity':>12} {'growth ×4':>9}"
    )
    per_quantity = base / base_found if base_found else float("nan")
    print(
        f"{'ordinary (the seeds)':24} {base_per_char * 1e6:8.2f} {1.0:10.2f} {base_found:10d} "
        f"{per_quantity * 1e6:12.1f} {'':>9}"
    )
    for name, unit in HOSTILE:
        text = hostile(unit, args.chars)
        seconds, found = timed(text, args.repeat)
        longer = hostile(unit, 4 * args.chars)
        longer_seconds, _ = timed(longer, 1 if found else args.repeat)
        per_char = seconds / len(text)
        growth = (longer_seconds / len(longer)) / per_char
        per_quantity_text = f"{seconds / found * 1e6:12.1f}" if found else f"{'—':>12}"
        print(
            f"{name:24} {per_char * 1e6:8.2f} {per_char / base_per_char:10.2f} {found:10d} "
            f"{per_quantity_text} {growth:9.2f}"
        )


if __name__ == "__main__":
    main()
