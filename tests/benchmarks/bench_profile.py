"""Profile a generated 1,000,000-row × 25-column raw table and compare with DuckDB's SUMMARIZE.

Run: ``python -m tests.benchmarks.bench_profile [--rows N]``. Prints wall times and the ratio
(target: profile ≤ 3× SUMMARIZE of the same table, measured in the same run), the same ratio in
CPU seconds (all threads; steadier than wall time on a machine other jobs share) and peak memory.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from assistant.profile import profile_workspace
from assistant.workspace import Workspace

# Realistic column shapes, cycled to 25 columns; every value VARCHAR as ingest stores it.
_SHAPES = [
    "'user' || i || '@Example.com'",
    "'+34 6' || lpad((i % 100000000)::VARCHAR, 8, '0')",
    "lpad((i % 28 + 1)::VARCHAR, 2, '0') || '/' || lpad((i % 12 + 1)::VARCHAR, 2, '0') || '/2024'",
    "i::VARCHAR",
    "['Pendiente', 'Aceptado', 'Rechazado'][i % 3 + 1]",
    "format('{:,}', i % 100000) || '.50'",
    "'Calle Mayor ' || (i % 100)",
    "lpad((i % 52000)::VARCHAR, 5, '0')",
    "['sí', 'no'][i % 2 + 1]",
    "['Juan', 'María', 'Lucía'][i % 3 + 1] || ' García ' || ['López', 'Pérez'][i % 2 + 1]",
    "'2025-01-' || lpad((i % 28 + 1)::VARCHAR, 2, '0') || 'T00:00:00+0000'",
    "CASE WHEN i % 50 = 0 THEN 'nota ' || i END",
]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--columns", type=int, default=25)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workspace = Workspace(Path(tmp)).ensure()
        con = workspace.connect()
        select = ", ".join(f"({_SHAPES[j % len(_SHAPES)]})::VARCHAR AS col{j}" for j in range(args.columns))
        con.execute(f"CREATE TABLE raw.big AS SELECT {select}, i + 1 AS _row FROM range({args.rows}) t(i)")
        con.execute("CHECKPOINT")
        start, cpu = time.perf_counter(), _cpu_seconds()
        con.execute("SUMMARIZE raw.big").fetchall()
        summarize, summarize_cpu = time.perf_counter() - start, _cpu_seconds() - cpu
        start, cpu = time.perf_counter(), _cpu_seconds()
        (profile,) = profile_workspace(workspace)
        profiled, profiled_cpu = time.perf_counter() - start, _cpu_seconds() - cpu
        workspace.close()
    types = ", ".join(f"{c.column}={c.semantic_type.value}" for c in profile.columns[:12])
    print(f"rows={args.rows} columns={args.columns}")
    print(f"SUMMARIZE: {summarize:.2f} s")
    print(f"profile:   {profiled:.2f} s  ratio {profiled / summarize:.2f}x (target <= 3x)")
    print(
        f"CPU: SUMMARIZE {summarize_cpu:.2f} s, profile {profiled_cpu:.2f} s, "
        f"ratio {profiled_cpu / summarize_cpu:.2f}x"
    )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the process: {peak_mb:.0f} MB (target <= 1024 MB)")
    print(f"types: {types}")


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    main()
