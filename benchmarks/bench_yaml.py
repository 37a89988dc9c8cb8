"""Benchmark of reading YAML: libyaml's C parser against the pure-Python one, same files.

    .venv/bin/python benchmarks/bench_yaml.py [--repeat 5]

Reads every YAML file shipped in the checkout (the seed records, the catalog, the gold files)
with ``targettrack._files.load_yaml``, once with the C parser (what runs where PyYAML has
libyaml) and once with the pure-Python parser, both doing the same checks (depth, aliases,
keys given twice, lines). Prints the best of ``--repeat`` passes of each and their ratio,
measured in the same run. Not collected by pytest (run on demand).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import yaml

from targettrack._files import load_yaml

ROOT = Path(__file__).resolve().parent.parent


def best(files: list[Path], repeat: int, *, pure: bool) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        for path in files:
            load_yaml(path, _pure=pure)
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--repeat", type=int, default=5, help="passes of each (the best counts)")
    args = parser.parse_args()
    files = sorted(
        [
            *ROOT.glob("seeds/*.yaml"),
            *ROOT.glob("src/targettrack/data/catalog/*.yaml"),
            *ROOT.glob("tests/gold/*.yaml"),
        ]
    )
    size = sum(path.stat().st_size for path in files)
    if not yaml.__with_libyaml__:
        print("PyYAML has no libyaml here: both passes would use the pure-Python parser")
        return
    best(files, 1, pure=False)
    c_time = best(files, args.repeat, pure=False)
    pure_time = best(files, args.repeat, pure=True)
    print(f"{len(files)} YAML files, {size:,} bytes; best of {args.repeat} passes")
    print(f"C parser (libyaml):    {c_time * 1000:8.1f} ms")
    print(f"pure-Python parser:    {pure_time * 1000:8.1f} ms")
    print(f"ratio: the pure parser takes {pure_time / c_time:.1f}x the time of the C parser")


if __name__ == "__main__":
    main()
