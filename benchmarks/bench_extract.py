"""Benchmark of the extractor: characters per second against a single compiled-regex pass.

    .venv/bin/python benchmarks/bench_extract.py [--mb 10] [--phases]

Builds a corpus of at least ``--mb`` megabytes (UTF-8) by repeating the five seed documents,
then, in the same run and over the same documents:

* the floor: one compiled regex finding every number (``re.finditer``), document by document;
  the best of five passes, since one pass takes only a few hundredths of a second;
* the extractor: ``targettrack.extract`` document by document.

It prints both speeds in characters per second and their ratio; the speed of a first pass over
the five seeds with the extractor's caches cold (the corpus repeats them, so most of its
documents find the caches warm); then the peak memory the extractor takes (tracemalloc) on a
corpus of a tenth of ``--mb`` (at least 0.5 MB) and of four times that, processed document by
document: it stays flat because nothing is kept between documents and every cache is bounded.
``--phases`` adds where the extractor's time goes. Not collected by pytest (run on demand).
"""

from __future__ import annotations

import argparse
import gc
import re
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import attrs

import targettrack as tt
from targettrack.dataset import read_text
from targettrack.extract.scan import scan
from targettrack.extract.structure import document_year, sentences
from targettrack.extract.text import prepare

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
NUMBER = re.compile(r"[0-9０-９]+(?:[.\ue010．][0-9０-９]+)?")
#: Loads the catalog and the unit registry before any timing, without reading a seed.
WARM_UP = "2024年工作成效\n全省规上工业增加值增长7.3%，新增规上工业企业2753户。"


def seed_texts() -> list[str]:
    return [read_text(path) for path in sorted(SEEDS.glob("*.txt"))]


def corpus(texts: list[str], megabytes: float) -> list[str]:
    """``texts`` repeated until ``megabytes`` of UTF-8 text, one document per item.

    Built before any timing, so that neither pass pays for reading or measuring the files; the
    list holds references to the same few strings, so it takes no memory to speak of.
    """
    sizes = [len(text.encode("utf-8")) for text in texts]
    target = megabytes * 1_000_000
    documents: list[str] = []
    given = 0
    while given < target:
        for text, size in zip(texts, sizes, strict=True):
            documents.append(text)
            given += size
            if given >= target:
                break
    return documents


def regex_pass(documents: list[str]) -> float:
    start = time.perf_counter()
    found = 0
    for text in documents:
        for _ in NUMBER.finditer(text):
            found += 1
    return time.perf_counter() - start


def extractor_pass(documents: list[str]) -> tuple[float, int]:
    statements = 0
    start = time.perf_counter()
    for index, text in enumerate(documents):
        statements += len(tt.extract_statements(text, doc=f"doc{index}.txt"))
    return time.perf_counter() - start, statements


def peak_memory(documents: list[str]) -> int:
    gc.collect()
    tracemalloc.start()
    for index, text in enumerate(documents):
        tt.extract_statements(text, doc=f"doc{index}.txt")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def timed(work: Callable[[], object]) -> float:
    start = time.perf_counter()
    work()
    return time.perf_counter() - start


def phases(documents: list[str], floor_seconds: float, extract_seconds: float) -> None:
    """Where the extractor's time goes: its stages timed on their own over the same corpus
    (each the best of three passes; a stage's time is what it adds to the stages before it)."""

    def context() -> None:
        for text in documents:
            compact = prepare(text).compact
            sentences(compact, year=document_year(compact))

    def quantities() -> None:
        for text in documents:
            compact = prepare(text).compact
            for sentence in sentences(compact, year=document_year(compact))[0]:
                scan(compact, sentence.start, sentence.end)

    def rebuild() -> float:
        # the output objects alone: every statement and its source built again from their
        # fields, which are gathered before the timing
        seconds = 0.0
        for index, text in enumerate(documents):
            made = []
            for statement in tt.extract_statements(text, doc=f"doc{index}.txt"):
                fields = attrs.asdict(statement, recurse=False)
                source = attrs.asdict(fields.pop("source"), recurse=False)
                made.append((fields, source))
            seconds += timed(
                lambda made=made: [
                    tt.Statement(source=tt.Source(**source), **fields) for fields, source in made
                ]
            )
        return seconds

    def best(work: Callable[[], object]) -> float:
        return min(timed(work) for _ in range(3))

    compact_seconds = best(lambda: [prepare(text) for text in documents])
    context_seconds = best(context) - compact_seconds
    scan_seconds = best(quantities) - compact_seconds - context_seconds
    rest = extract_seconds - compact_seconds - context_seconds - scan_seconds
    rows = [
        ("normalise and compact the text", compact_seconds),
        ("sentences, region, year, section", context_seconds),
        ("find the quantities (scan)", scan_seconds),
        ("read each quantity into statements", rest),
        ("  of which building the Statement objects", rebuild()),
    ]
    print("where the extractor's time goes:")
    for name, seconds in rows:
        print(f"  {name:42} {seconds:6.2f} s  {seconds / floor_seconds:5.1f}x the floor")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--mb", type=float, default=10.0, help="corpus size in MB (default 10)")
    parser.add_argument("--phases", action="store_true", help="time the extractor's stages")
    args = parser.parse_args()
    tt.extract_statements(WARM_UP)
    seeds = seed_texts()
    cold_seconds, _ = extractor_pass(seeds)
    documents = corpus(seeds, args.mb)
    characters = sum(len(text) for text in documents)
    floor_seconds = min(regex_pass(documents) for _ in range(5))
    extract_seconds, statements = extractor_pass(documents)
    floor = characters / floor_seconds
    speed = characters / extract_seconds
    cold = sum(len(text) for text in seeds) / cold_seconds
    print(f"corpus: {characters:,} characters ({args.mb:g} MB of UTF-8), {statements:,} statements")
    print(f"regex floor: {floor:15,.0f} characters/s ({floor_seconds:.2f} s)")
    print(f"extractor:   {speed:15,.0f} characters/s ({extract_seconds:.2f} s)")
    print(f"ratio: {floor / speed:.1f}x the regex floor (aim: at most 5x)")
    print(f"first pass over the seeds, caches cold: {cold:,.0f} characters/s ({floor / cold:.1f}x)")
    if args.phases:
        phases(documents, floor_seconds, extract_seconds)
    small = max(args.mb / 10, 0.5)
    for size in (small, 4 * small):
        peak = peak_memory(corpus(seeds, size))
        print(f"peak memory, {size:g} MB corpus: {peak / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
