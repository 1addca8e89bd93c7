"""Ingest of wide CSVs (1,000 / 2,000 / 5,000 columns): time and peak memory must grow linearly.

Run: ``python -m tests.benchmarks.bench_ingest_wide [--rows N] [--columns 1000,2000,5000]``

Each file has the same number of rows and a few blank and ragged rows, so every step of the CSV
load (read, blank-row check, rejects) runs. Each ingest is its own child process (wall time and
that child's peak RSS). Prints seconds and MB per 1,000 columns for each width; a linear cost keeps
that figure flat. Asserts nothing.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from tests.benchmarks.bench_ingest_profile import Run, hlmap_argv, measure


def generate(path: Path, columns: int, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        handle.write(",".join(f"field_{c}" for c in range(columns)) + "\n")
        for n in range(1, rows + 1):
            if n % 50 == 0:
                handle.write("," * (columns - 1) + "\n")  # a blank row
            elif n % 70 == 0:
                handle.write(",".join(["x"] * (columns - 1)) + "\n")  # a ragged row
            else:
                handle.write(",".join(f"v{n}_{c}" for c in range(columns)) + "\n")


_BASELINE = """
import sys, duckdb
con = duckdb.connect(sys.argv[2])
con.execute("CREATE TABLE t AS SELECT * FROM read_csv(?, all_varchar=true, ignore_errors=true)",
            [sys.argv[1]])
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=200)
    parser.add_argument("--columns", default="1000,2000,5000")
    args = parser.parse_args()
    widths = [int(w) for w in args.columns.split(",")]
    root = Path(tempfile.mkdtemp(prefix="hlmap-bench-wide-"))
    runs: list[tuple[int, Run, Run]] = []
    try:
        for width in widths:
            src = root / f"wide_{width}.csv"
            generate(src, width, args.rows)
            argv = hlmap_argv("ingest", str(src), "--workspace", str(root / f"ws{width}"))
            base_argv = [sys.executable, "-c", _BASELINE, str(src), str(root / f"base{width}.duckdb")]
            base = measure("duckdb read_csv", base_argv, root)
            runs.append((width, measure(f"{width} columns", argv, root), base))
            src.unlink()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    print(f"\nhlmap ingest, {args.rows} rows per file (beside DuckDB's own read_csv into a table)")
    for width, run, base in runs:
        state = "ok" if run.ok else "FAILED"
        per_k = run.seconds / (width / 1000)
        print(
            f"  {run.label:<14} {run.seconds:7.2f} s  ({per_k:5.2f} s per 1,000 columns)"
            f"   peak RSS {run.peak_mb:6.0f} MB   {state}"
            f"   | duckdb {base.seconds:6.2f} s, {base.peak_mb:4.0f} MB"
        )
        if run.detail:
            print("    " + run.detail.strip().replace("\n", "\n    "))
    (w0, first, _), (w1, last, _) = runs[0], runs[-1]
    print(f"  time ratio {w1}/{w0} columns: {last.seconds / first.seconds:.1f}x for {w1 / w0:.1f}x the width")


if __name__ == "__main__":
    main()
