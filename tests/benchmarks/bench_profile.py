"""Profile a generated 1,000,000-row × 25-column raw table and compare with DuckDB's SUMMARIZE.

Run: ``python -m tests.benchmarks.bench_profile [--rows N] [--per-query] [--reopen]``. Prints wall
times and the ratio (target: profile ≤ 3× SUMMARIZE of the same table, measured in the same run), the
same ratio in CPU seconds (all threads; steadier than wall time on a machine other jobs share) and
peak memory. ``--per-query`` also prints the wall seconds of the costliest profiling queries (running
and fetching; queries run beside each other overlap). ``--reopen`` closes the workspace once the table
is made and opens it again before measuring, as ``hlmap profile`` finds a workspace ``hlmap ingest``
wrote: DuckDB reads only the rows a filter keeps from a table it loaded, but every row of one the same
connection has just written, so the profile's sample of a million rows costs several times more
without it.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path
from typing import Any, cast

import duckdb

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
    parser.add_argument("--per-query", action="store_true", help="print the costliest queries' wall seconds")
    parser.add_argument("--top", type=int, default=12, help="how many queries --per-query prints")
    parser.add_argument(
        "--reopen", action="store_true", help="measure on the workspace opened again, as `hlmap profile` does"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        workspace = Workspace(Path(tmp)).ensure()
        con = workspace.connect()
        select = ", ".join(f"({_SHAPES[j % len(_SHAPES)]})::VARCHAR AS col{j}" for j in range(args.columns))
        con.execute(f"CREATE TABLE raw.big AS SELECT {select}, i + 1 AS _row FROM range({args.rows}) t(i)")
        con.execute("CHECKPOINT")
        if args.reopen:
            workspace.close()
            workspace = Workspace(Path(tmp))
            con = workspace.connect()
        start, cpu = time.perf_counter(), _cpu_seconds()
        con.execute("SUMMARIZE raw.big").fetchall()
        summarize, summarize_cpu = time.perf_counter() - start, _cpu_seconds() - cpu
        timed = _TimedQueries(con)
        if args.per_query:  # every query of the run goes through the timing wrapper
            workspace.connect = lambda: cast(duckdb.DuckDBPyConnection, timed)  # type: ignore[method-assign]
        start, cpu = time.perf_counter(), _cpu_seconds()
        (profile,) = profile_workspace(workspace)
        profiled, profiled_cpu = time.perf_counter() - start, _cpu_seconds() - cpu
        workspace.close()
    types = ", ".join(f"{c.column}={c.semantic_type.value}" for c in profile.columns[:12])
    print(f"rows={args.rows} columns={args.columns}{' (workspace opened again)' if args.reopen else ''}")
    print(f"SUMMARIZE: {summarize:.2f} s")
    print(f"profile:   {profiled:.2f} s  ratio {profiled / summarize:.2f}x (target <= 3x)")
    print(
        f"CPU: SUMMARIZE {summarize_cpu:.2f} s, profile {profiled_cpu:.2f} s, "
        f"ratio {profiled_cpu / summarize_cpu:.2f}x"
    )
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of the process: {peak_mb:.0f} MB (target <= 1024 MB)")
    print(f"types: {types}")
    if args.per_query:
        beside = sum(1 for *_, side in timed.queries if side)
        in_queries = sum(seconds for seconds, *_ in timed.queries)
        print(
            f"queries: {len(timed.queries)} ({beside} on cursors beside the profile's own); their wall "
            f"seconds add up to {in_queries:.2f} s in the profile's {profiled:.2f} s (they overlap)"
        )
    for seconds, sql, side in sorted(timed.queries, reverse=True)[: args.top]:
        print(f"  {seconds:5.2f} s {'beside' if side else 'own   '}  {' '.join(sql.split())[:100]}")


class _TimedQueries:
    """The workspace connection, timing each query in wall seconds: running it and fetching its rows
    (DuckDB may run a query while its rows are fetched). Wall, not CPU, seconds: queries on the
    cursors the profile runs beside its own overlap, and the process's CPU seconds are shared."""

    def __init__(
        self, con: duckdb.DuckDBPyConnection, side: bool = False, queries: _Timings | None = None
    ) -> None:
        self.con, self.side = con, side
        self.queries: _Timings = [] if queries is None else queries

    def execute(self, sql: str, *args: Any) -> duckdb.DuckDBPyConnection:
        start = time.perf_counter()
        result = self.con.execute(sql, *args)
        self.queries.append((time.perf_counter() - start, sql, self.side))
        return cast(duckdb.DuckDBPyConnection, _TimedResult(result, self.queries, len(self.queries) - 1))

    def cursor(self) -> _TimedQueries:
        return _TimedQueries(self.con.cursor(), True, self.queries)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.con, name)


class _TimedResult:
    def __init__(self, result: duckdb.DuckDBPyConnection, queries: _Timings, index: int) -> None:
        self.result, self.queries, self.index = result, queries, index

    def __getattr__(self, name: str) -> Any:
        method = getattr(self.result, name)
        if not name.startswith("fetch"):
            return method

        def fetched(*args: Any) -> Any:
            start = time.perf_counter()
            rows = method(*args)
            seconds, sql, side = self.queries[self.index]
            self.queries[self.index] = (seconds + time.perf_counter() - start, sql, side)
            return rows

        return fetched


_Timings = list[tuple[float, str, bool]]


def _cpu_seconds() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


if __name__ == "__main__":
    main()
