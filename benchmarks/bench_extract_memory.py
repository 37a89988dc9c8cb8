"""Peak memory of ``targettrack extract`` on a corpus and on one four times as large, next to
the same output built whole in memory, in one run.

Run on demand (this is not a test): ``python benchmarks/bench_extract_memory.py``. It copies
the corpus's work reports into a temporary folder ``--copies`` and ``4 × --copies`` times and,
in a fresh process each, measures the peak resident memory of

- **the command**: ``targettrack extract -o out.json FILES…``, which sets each document's
  statements aside on disk as it reads them;
- **whole in memory**: the same statements gathered in a list and written with
  ``statements_to_json`` (what the command did before), the baseline.

It prints each peak in MB and, for each, the ratio of the large corpus's peak to the small
one's: about 1 when memory does not grow with the corpus.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

CORPUS = Path(__file__).resolve().parents[1] / "corpus"

WHOLE = """
import json, sys
from pathlib import Path
import targettrack as tt
from targettrack.extract import extract_statements, statements_to_json
files = sys.argv[2:]
documents = [tt.read_document(f) for f in files]
statements = [s for d, f in zip(documents, files) for s in extract_statements(d.text, doc=Path(f).name)]
text = json.dumps(statements_to_json(statements, documents), ensure_ascii=False, indent=2)
Path(sys.argv[1]).write_text(text + "\\n", encoding="utf-8")
"""


def peak_mb(command: list[str]) -> float:
    """The peak resident memory of ``command``, run in a fresh process, in MB."""
    script = (
        "import resource, subprocess, sys; "
        "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, *command], capture_output=True, text=True, check=True
    )
    return int(done.stdout) / 1024


def corpus(folder: Path, copies: int) -> list[str]:
    """``copies`` copies of every work report of the corpus in ``folder``."""
    folder.mkdir()
    files = []
    for copy in range(copies):
        for source in sorted(CORPUS.glob("*.txt")):
            target = folder / f"{copy:04d}_{source.name}"
            shutil.copyfile(source, target)
            files.append(str(target))
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=3, help="copies of the corpus (small)")
    args = parser.parse_args()
    command = [str(Path(sys.executable).parent / "targettrack"), "extract"]
    if not Path(command[0]).exists():
        command = [sys.executable, "-m", "targettrack", "extract"]
    print(f"Python {sys.version.split()[0]}; peak resident memory in MB, a fresh process each")
    rows = []
    with tempfile.TemporaryDirectory() as temporary:
        root = Path(temporary)
        for copies in (args.copies, 4 * args.copies):
            files = corpus(root / f"c{copies}", copies)
            size = sum(Path(f).stat().st_size for f in files) / 1e6
            out = root / f"out{copies}.json"
            streamed = peak_mb([*command, "-o", str(out), *files])
            whole = peak_mb([sys.executable, "-c", WHOLE, str(root / "whole.json"), *files])
            rows.append((len(files), size, streamed, whole))
    print(f"{'documents':>10} {'MB of text':>11} {'command':>9} {'whole in memory':>16}")
    for count, size, streamed, whole in rows:
        print(f"{count:>10} {size:>11.1f} {streamed:>9.0f} {whole:>16.0f}")
    (_, _, small_c, small_w), (_, _, large_c, large_w) = rows
    print(
        f"\nlarge / small: command {large_c / small_c:.2f}x, whole in memory "
        f"{large_w / small_w:.2f}x"
    )


if __name__ == "__main__":
    main()
