"""Ingest of wide CSVs (1,000 / 2,000 / 5,000 columns): time and peak memory must grow linearly.

Run: ``python -m tests.benchmarks.bench_ingest_wide [--rows N] [--columns 1000,2000,5000]``

Each file has the same number of rows, with a few blank and ragged rows, so every step of the CSV
load (read, blank-row check, rejects) runs. Each load runs in its own child process, which times
the load alone (imports and start-up left out); peak RSS is that child's (``os.wait4``). DuckDB's
own ``read_csv`` into a table is measured the same way beside it. Prints seconds per 1,000
columns for each width: a linear cost keeps that figure flat. Asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path


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


_HLMAP = """
import sys, time
from pathlib import Path
from assistant.ingest import ingest_paths
from assistant.workspace import Workspace
ws = Workspace(Path(sys.argv[2])).ensure()
start = time.perf_counter()
[result] = ingest_paths(ws, [Path(sys.argv[1])]).results
print(time.perf_counter() - start, result.status, result.rows, result.rejected)
"""

_DUCKDB = """
import sys, time, duckdb
con = duckdb.connect(sys.argv[2] + ".duckdb")
start = time.perf_counter()
con.execute("CREATE TABLE t AS SELECT * FROM read_csv(?, all_varchar=true, ignore_errors=true)",
            [sys.argv[1]])
print(time.perf_counter() - start, "loaded", con.execute("SELECT count(*) FROM t").fetchone()[0], "?")
"""


@dataclass
class Load:
    seconds: float
    peak_mb: float
    summary: str


def run(code: str, src: Path, out: Path) -> Load:
    proc = subprocess.Popen([sys.executable, "-c", code, str(src), str(out)], stdout=subprocess.PIPE)
    assert proc.stdout is not None
    lines = proc.stdout.read().decode(errors="replace").strip().splitlines()
    output = lines[-1].split() if lines else []  # DuckDB may draw a progress bar above it
    _, status, usage = os.wait4(proc.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0 or len(output) != 4:
        return Load(float("nan"), usage.ru_maxrss / 1024, "FAILED")
    seconds, state, rows, rejected = output
    return Load(float(seconds), usage.ru_maxrss / 1024, f"{state}, {rows} rows, {rejected} rejected")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=200)
    parser.add_argument("--columns", default="1000,2000,5000")
    args = parser.parse_args()
    root = Path(tempfile.mkdtemp(prefix="hlmap-bench-wide-"))
    print(f"CSV ingest, {args.rows} rows per file; load time alone, peak RSS of the child process")
    first: tuple[int, float] | None = None
    try:
        for width in (int(w) for w in args.columns.split(",")):
            src = root / f"wide_{width}.csv"
            generate(src, width, args.rows)
            ours, base = run(_HLMAP, src, root / f"ws{width}"), run(_DUCKDB, src, root / f"base{width}")
            src.unlink()
            print(
                f"  {width:>6} columns  hlmap {ours.seconds:6.2f} s ({ours.seconds / width * 1000:5.2f} s per"
                f" 1,000 columns) {ours.peak_mb:5.0f} MB ({ours.summary})"
                f"  | duckdb read_csv {base.seconds:6.2f} s {base.peak_mb:5.0f} MB"
            )
            if first is None:
                first = (width, ours.seconds)
            else:
                print(f"          {width / first[0]:.1f}x the width: {ours.seconds / first[1]:.1f}x the time")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
