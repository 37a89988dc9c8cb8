"""Benchmark of a corpus audit: processes, memory, a Dask cluster, and the HTML page.

    .venv/bin/python benchmarks/bench_corpus.py [--documents 1000] [--large 4000] [--skip-dask]

Generates corpora in a temporary folder from the project's corpus (``corpus/``): each of the
eight provincial plan→review pairs is copied under other governments (two-character names,
written where the province's name was) and shifted by an even number of years, so that every
generated government has a chain of reports two years apart, each plan with its review. Then,
in the same run:

1. ``targettrack audit DIR -f csv`` with ``--jobs 1`` (the baseline) and ``--jobs 2``, each in a
   fresh interpreter: wall time, and the speed-up (jobs 1 time / jobs 2 time); the two CSVs
   must be identical;
2. the peak memory (resident set of the command and its worker processes) of ``--jobs 1`` at
   ``--documents`` and at ``--large`` documents, and the ratio of the two to the ratio of the
   corpus sizes;
3. the same corpus read on a two-worker Dask ``LocalCluster`` (processes) through
   ``tt.audit_corpus(client=…)``, against the serial ``tt.audit_corpus(jobs=1)`` in this
   process: time and ratio, and the same combined CSV;
4. the HTML page of the first corpus (from the Dask run): its size, the time to write it, and (when a headless
   Chromium is on the PATH) the time a browser takes to load and draw it, against the same
   browser loading a page of the same goals as plain text.

Figures depend on the machine and its load: compare the ratios of one run.
"""

from __future__ import annotations

import argparse
import itertools
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"
PROVINCES = ("jiangsu", "shandong", "beijing", "hubei", "chongqing", "hebei", "shaanxi", "yunnan")
SHORT = {
    "jiangsu": "江苏",
    "shandong": "山东",
    "beijing": "北京",
    "hubei": "湖北",
    "chongqing": "重庆",
    "hebei": "河北",
    "shaanxi": "陕西",
    "yunnan": "云南",
}
STEMS = "甲乙丙丁戊己庚辛壬癸"
BRANCHES = "子丑寅卯辰巳午未申酉戌亥"
YEAR = re.compile(r"20\d\d(?=年|-|—)")


def governments() -> list[str]:
    return [a + b for a, b in itertools.product(STEMS, BRANCHES)]


def shifted(text: str, years: int) -> str:
    return YEAR.sub(lambda m: str(int(m.group()) + years), text)


def generate(folder: Path, documents: int) -> Path:
    """``documents`` reports (an even number): plan→review pairs under generated governments."""
    folder.mkdir(parents=True)
    texts = {
        (name, year): (CORPUS / f"{name}_{year}_gov_work_report.txt").read_text(encoding="utf-8")
        for name in PROVINCES
        for year in (2025, 2026)
    }
    names = governments()
    for index in range(documents // 2):
        province = PROVINCES[index % len(PROVINCES)]
        government = names[index % len(names)]
        years = 2 * (index // len(names))
        for year in (2025, 2026):
            text = shifted(texts[(province, year)].replace(SHORT[province], government), years)
            target = folder / f"{government}_{year + years}_{province}.txt"
            target.write_text(text, encoding="utf-8")
    return folder


MEASURE = """
import resource, sys, time
from targettrack import cli
start = time.perf_counter()
status = cli.main(sys.argv[1:])
elapsed = time.perf_counter() - start
own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"{status} {elapsed} {own} {children}", file=sys.stderr)
"""


def run_audit(folder: Path, jobs: int, output: Path) -> tuple[float, float, float]:
    """Seconds, and the peak resident megabytes of the command's own process and of its
    largest worker process."""
    command = [sys.executable, "-c", MEASURE, "audit", str(folder), "-f", "csv"]
    command += ["--as-of", "2100-12-31", "-j", str(jobs), "-o", str(output)]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(command[3:])} failed:\n{done.stderr}")
    status, elapsed, own, children = done.stderr.strip().splitlines()[-1].split()
    if status != "0":
        raise SystemExit(done.stderr)
    return float(elapsed), int(own) / 1024, int(children) / 1024


def dask_run(folder: Path, baseline: float, baseline_csv: Path) -> object:
    """The corpus on a two-worker LocalCluster, against the ``--jobs 1`` baseline."""
    import datetime as dt

    import distributed

    import targettrack as tt
    from targettrack.report import compare

    as_of = dt.date(2100, 12, 31)
    with (
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        client.run(lambda: __import__("targettrack.corpus"))  # workers import before timing
        start = time.perf_counter()
        on_dask = tt.audit_corpus([folder], client=client, as_of=as_of)
        dask_time = time.perf_counter() - start
    same = compare.to_corpus_csv(on_dask) == baseline_csv.read_text(encoding="utf-8")
    print(
        f"Dask LocalCluster, 2 workers: {dask_time:6.1f} s   --jobs 1 (baseline): "
        f"{baseline:6.1f} s   speed-up {baseline / dask_time:4.2f}×   same CSV: {same}"
    )
    return on_dask


def html_run(result: Any, work: Path) -> None:
    import html

    from targettrack.report import compare

    start = time.perf_counter()
    page = compare.to_corpus_html(result)
    written = time.perf_counter() - start
    target = work / "corpus.html"
    target.write_text(page, encoding="utf-8")
    goals = len(result.audit.verdicts)
    print(
        f"HTML page: {goals} goals, {len(page.encode()) / 1e6:.1f} MB, written in {written:.2f} s"
    )
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        print("  (no chromium on the PATH: the browser's load time is not measured)")
        return
    plain = work / "plain.html"
    rows = "".join(
        f"<p>{html.escape(v.goal.id)} {v.status.value} {html.escape(v.reason)}</p>"
        for v in result.audit.verdicts
    )
    plain.write_text(f"<!DOCTYPE html><meta charset=utf-8><body>{rows}</body>", encoding="utf-8")

    def load(path: Path) -> float:
        best = float("inf")
        for _ in range(3):
            start = time.perf_counter()
            subprocess.run(
                [
                    chromium,
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--dump-dom",
                    path.as_uri(),
                ],
                capture_output=True,
                check=True,
                timeout=120,
            )
            best = min(best, time.perf_counter() - start)
        return best

    page_time, plain_time = load(target), load(plain)
    print(
        f"  Chromium load and draw: the page {page_time:.2f} s, the same goals as plain "
        f"paragraphs {plain_time:.2f} s, ratio {page_time / plain_time:.2f}×"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=1000)
    parser.add_argument("--large", type=int, default=4000)
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument(
        "--speed-only", action="store_true", help="only --jobs 1 against --jobs 2 (step 1)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temporary:
        work = Path(temporary)
        small = generate(work / "small", args.documents)
        large = None if args.speed_only else generate(work / "large", args.large)
        print(f"generated: {args.documents} and {args.large} documents under {work}")

        one, own_one, _ = run_audit(small, 1, work / "one.csv")
        two, own_two, worker_two = run_audit(small, 2, work / "two.csv")
        same = (work / "one.csv").read_bytes() == (work / "two.csv").read_bytes()
        print(
            f"--jobs 1 (baseline): {one:6.1f} s   --jobs 2: {two:6.1f} s   "
            f"speed-up {one / two:4.2f}×   same CSV: {same}"
        )
        if large is None:
            return
        big, own_big, worker_big = run_audit(large, 2, work / "large.csv")
        size = args.large / args.documents
        print(
            f"peak memory, --jobs 2, the command / its largest worker: {own_two:5.0f} / "
            f"{worker_two:5.0f} MB at {args.documents} documents, {own_big:5.0f} / "
            f"{worker_big:5.0f} MB at {args.large} ({own_big / own_two:4.2f}× and "
            f"{worker_big / worker_two:4.2f}× for {size:.0f}× the documents); "
            f"time {two:.1f} s and {big:.1f} s ({big / two:4.2f}×)"
        )
        print(f"(--jobs 1 at {args.documents} documents: {own_one:5.0f} MB)")
        if not args.skip_dask:
            result = dask_run(small, one, work / "one.csv")
        else:
            import datetime as dt

            import targettrack as tt

            result = tt.audit_corpus([small], as_of=dt.date(2100, 12, 31))
        html_run(result, work)


if __name__ == "__main__":
    main()
