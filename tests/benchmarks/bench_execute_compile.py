"""Plan compile of 1,000,000 source rows: wall time and peak memory, against a plain-scan baseline.

    python -m tests.benchmarks.bench_execute_compile [--rows 1000000]

Synthesises the tiny test migration's raw tables at scale (clients 50%, quotes 30%, jobs 20% of the
rows, every value distinct where real exports are), then times ``prepare`` — every transform, UDF,
value map and merge — against a baseline in the same run: copying the same tables with one
``CREATE TABLE AS SELECT *``. Targets: compile ≤ 60 s on two cores.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from pathlib import Path

from assistant.execute.prepare import prepare
from assistant.mapping import store
from assistant.workspace import Workspace
from tests.test_execute_support import document

CLIENTS_SQL = """CREATE OR REPLACE TABLE raw.clients AS SELECT
    'C' || i AS id,
    (['María', 'José', 'Ana', 'Luis', 'Carmen', 'Pedro'])[1 + i % 6] || ' ' ||
    (['José', 'Luis', 'García', 'Isabel', ''])[1 + i % 5] || ' ' ||
    (['García', 'López', 'Martín', 'Sánchez', 'Pérez', 'Gómez'])[1 + (i // 7) % 6] || ' ' ||
    (['Ruiz', 'Díaz', 'Moreno', 'Muñoz', 'Álvarez'])[1 + (i // 11) % 5] AS name,
    'user' || i || '@example' || (i % 97) || '.com' AS email,
    '6' || lpad(CAST(10000000 + (i * 7919) % 89999999 AS VARCHAR), 8, '0') AS phone,
    CASE WHEN i % 3 = 0 THEN 'Empresa ' || i || ' SL' ELSE '' END AS company,
    (['VIP;Prioritario', 'vip', '', 'Prioritario'])[1 + i % 4] AS tags,
    (['ana@example.com', 'Bob'])[1 + i % 2] AS owner,
    lpad(CAST(1 + i % 28 AS VARCHAR), 2, '0') || '/' || lpad(CAST(1 + i % 12 AS VARCHAR), 2, '0') || '/20'
        || CAST(10 + i % 14 AS VARCHAR) AS since,
    'B' || i AS vat,
    i AS _row, 'load-1' AS _load_id
FROM range(1, ? + 1) t(i)"""
QUOTES_SQL = """CREATE OR REPLACE TABLE raw.quotes AS SELECT
    'Q' || i AS id, 'C' || (1 + i % ?) AS client_id, 'P-' || i AS number, 'Reforma ' || i AS title,
    (['sent', 'accepted', 'rejected'])[1 + i % 3] AS status,
    CAST(i % 9000 AS VARCHAR) || '.' || lpad(CAST(i % 1000 AS VARCHAR), 3, '0') || ',' ||
        lpad(CAST(i % 100 AS VARCHAR), 2, '0') AS total,
    i AS _row, 'load-1' AS _load_id
FROM range(1, ? + 1) t(i)"""
JOBS_SQL = """CREATE OR REPLACE TABLE raw.jobs AS SELECT
    'J' || i AS id, 'C' || (1 + i % ?) AS client_id, 'Trabajo ' || i AS title,
    lpad(CAST(1 + i % 28 AS VARCHAR), 2, '0') || '/04/2024' AS date, 'Nota ' || i AS notes,
    i AS _row, 'load-1' AS _load_id
FROM range(1, ? + 1) t(i)"""


def build(root: Path, rows: int) -> Workspace:
    ws = Workspace(root).ensure()
    con = ws.connect()
    clients, quotes = rows // 2, rows * 3 // 10
    jobs = rows - clients - quotes
    con.execute(CLIENTS_SQL, [clients])
    con.execute(QUOTES_SQL, [clients, quotes])
    con.execute(JOBS_SQL, [clients, jobs])
    con.execute(
        "CREATE OR REPLACE TABLE raw.workflows (id VARCHAR, name VARCHAR, _row BIGINT, _load_id VARCHAR)"
    )
    store.save_confirmed(ws, document(), by="bench")
    return ws


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    rows = parser.parse_args().rows
    with tempfile.TemporaryDirectory() as tmp:
        ws = build(Path(tmp) / "ws", rows)
        con = ws.connect()
        started = time.perf_counter()
        for table in ("clients", "quotes", "jobs"):
            con.execute(f"CREATE OR REPLACE TABLE main.copy_{table} AS SELECT * FROM raw.{table}")
        baseline = time.perf_counter() - started
        started = time.perf_counter()
        prepared = prepare(ws)
        compile_seconds = time.perf_counter() - started
        records = sum(c.records for c in prepared.compiled)
        errors = sum(c.errors for c in prepared.compiled)
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"source rows           {rows:,}")
        print(f"records compiled      {records:,} ({errors:,} values reported by their transform)")
        print(f"baseline (plain copy) {baseline:.2f} s")
        print(
            f"plan compile          {compile_seconds:.2f} s  "
            f"({compile_seconds / baseline:.1f}x baseline; target ≤ 60 s)"
        )
        print(f"peak memory (RSS)     {peak_mb:.0f} MB")
        ws.close()


if __name__ == "__main__":
    main()
