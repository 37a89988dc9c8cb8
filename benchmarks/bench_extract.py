"""Benchmark of the extractor: characters per second against a single compiled-regex pass.

    .venv/bin/python benchmarks/bench_extract.py [--mb 10]

Builds a corpus of at least ``--mb`` megabytes (UTF-8) by repeating the five seed documents,
then, in the same run and over the same documents:

* the floor: one compiled regex finding every number (``re.finditer``), document by document;
* the extractor: ``targettrack.extract`` document by document.

It prints both speeds in characters per second and their ratio, then the peak memory the
extractor takes (tracemalloc) on a corpus of one and of four times that size, processed
document by document: it stays flat because nothing is kept between documents.
Not collected by pytest (run on demand).
"""

from __future__ import annotations

import argparse
import gc
import re
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import targettrack as tt
from targettrack.dataset import read_text

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NUMBER = re.compile(r"[0-9０-９]+(?:[.\ue010．][0-9０-９]+)?")


def seed_texts() -> list[str]:
    return [read_text(path) for path in sorted(SEEDS.glob("*.txt"))]


def corpus(megabytes: float) -> Iterator[str]:
    """The seeds repeated until ``megabytes`` of UTF-8 text were given, one document at a time."""
    texts = seed_texts()
    target = megabytes * 1_000_000
    given = 0
    while given < target:
        for text in texts:
            yield text
            given += len(text.encode("utf-8"))
            if given >= target:
                return


def regex_pass(megabytes: float) -> tuple[int, float]:
    characters = 0
    found = 0
    start = time.perf_counter()
    for text in corpus(megabytes):
        characters += len(text)
        for _ in NUMBER.finditer(text):
            found += 1
    return characters, time.perf_counter() - start


def extractor_pass(megabytes: float) -> tuple[int, float, int]:
    characters = 0
    statements = 0
    start = time.perf_counter()
    for index, text in enumerate(corpus(megabytes)):
        characters += len(text)
        statements += len(tt.extract(text, doc=f"doc{index}.txt"))
    return characters, time.perf_counter() - start, statements


def peak_memory(megabytes: float) -> int:
    gc.collect()
    tracemalloc.start()
    for index, text in enumerate(corpus(megabytes)):
        tt.extract(text, doc=f"doc{index}.txt")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (default 10)")
    args = parser.parse_args()
    tt.extract(seed_texts()[0])  # warm the caches (catalog, units) outside the timing
    characters, floor_seconds = regex_pass(args.mb)
    _, extract_seconds, statements = extractor_pass(args.mb)
    floor = characters / floor_seconds
    speed = characters / extract_seconds
    print(f"corpus: {characters:,} characters ({args.mb:g} MB of UTF-8), {statements:,} statements")
    print(f"regex floor: {floor:15,.0f} characters/s ({floor_seconds:.2f} s)")
    print(f"extractor:   {speed:15,.0f} characters/s ({extract_seconds:.2f} s)")
    print(f"ratio: {floor / speed:.1f}x the regex floor (aim: at most 5x)")
    small = max(args.mb / 10, 0.5)
    for size in (small, 4 * small):
        print(f"peak memory, {size:g} MB corpus: {peak_memory(size) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
