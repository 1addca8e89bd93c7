"""The profiled primary key names the rows: a column of dates or amounts that happen to differ is none."""

from __future__ import annotations

from pathlib import Path

import duckdb

from assistant.profile import profile_workspace
from assistant.workspace import Workspace


def _raw(con: duckdb.DuckDBPyConnection, name: str, rows: list[dict[str, str]]) -> None:
    columns = list(rows[0])
    con.execute("CREATE SCHEMA IF NOT EXISTS raw")
    ddl = ", ".join(f'"{c}" VARCHAR' for c in columns)
    con.execute(f'CREATE TABLE raw."{name}" ({ddl}, _row BIGINT, _load_id VARCHAR)')
    marks = ", ".join("?" for _ in columns)
    con.executemany(
        f'INSERT INTO raw."{name}" VALUES ({marks}, ?, ?)',
        [[r[c] for c in columns] + [i + 1, "load-1"] for i, r in enumerate(rows)],
    )


def test_unique_dates_and_amounts_are_no_key_but_a_unique_code_is(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws").ensure()
    deals = [
        {
            "Name": f"Deal {i % 7}",
            "Deal value": f"{1000 + 50 * i}.0",
            "Expected close date": f"{i + 1:02d}/03/2025",
        }
        for i in range(28)
    ]
    _raw(ws.connect(), "deals", deals)
    _raw(ws.connect(), "coded", [{**d, "Code": f"D-{i:03d}"} for i, d in enumerate(deals)])
    try:
        keys = {p.table: p.primary_key for p in profile_workspace(ws)}
    finally:
        ws.close()
    assert keys == {"deals": None, "coded": "Code"}
