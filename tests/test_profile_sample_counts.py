"""The detectors' sample: counts per sampled row however often a value repeats; big tables sampled."""

from __future__ import annotations

from pathlib import Path

import duckdb

from assistant.profile import profile_workspace
from assistant.profile.patterns import DETECTORS
from assistant.profile.sample import count_detectors, make_sample
from assistant.profile.sql import SAMPLE_ROWS, SAMPLE_TABLE
from assistant.profile.stats import ColumnStats
from assistant.workspace import Workspace


def test_repeated_values_count_once_per_row() -> None:
    con = duckdb.connect()
    con.execute("CREATE SCHEMA raw")
    con.execute(
        "CREATE TABLE raw.t AS SELECT * FROM (VALUES ('ana@mail.es', '28001'), ('ana@mail.es', '28001'), "
        "(' ana@mail.es', 'Madrid'), ('no email', '28001'), ('bo@web.com', ' '), ('bo@web.com', '1,5')) "
        "AS v(email, postal)"
    )
    make_sample(con, [(0, "t", ["email", "postal"], False)])
    stats = [ColumnStats(name=c, position=i, row_count=6) for i, c in enumerate(["email", "postal"])]
    count_detectors(con, {0: stats})
    row_by_row = ", ".join(f"count(*) FILTER (WHERE {p.replace('{v}', 'v')})" for p in DETECTORS.values())
    for column in stats:
        row = con.execute(f"SELECT {row_by_row} FROM {SAMPLE_TABLE} WHERE col = {column.position}").fetchone()
        assert row is not None
        assert column.counts == dict(zip(DETECTORS, row, strict=True))
    assert (stats[0].counts["email"], stats[0].sample_nonblank) == (5, 6)
    assert (stats[1].counts["postal5"], stats[1].sample_nonblank) == (3, 5)
    assert stats[0].top[0][0] == "ana@mail.es"  # candidates for the exact top counts still come


def test_big_table_with_a_rowid_column_is_sampled(tmp_path: Path) -> None:
    """Big tables are sampled by row id; a source column named like DuckDB's row id still works."""
    workspace = Workspace(tmp_path).ensure()
    con = workspace.connect()
    rows = SAMPLE_ROWS + 1_000
    con.execute(
        "CREATE TABLE raw.people AS SELECT 'p' || i || '@mail.es' AS RowId, "
        "'+34 6' || lpad(i::VARCHAR, 8, '0') AS phone, i AS _row FROM range(1, ?) t(i)",
        [rows + 1],
    )
    con.execute(
        "CREATE TABLE raw.visits AS SELECT 'v' || i || '@mail.es' AS email, i AS _row FROM range(1, ?) t(i)",
        [rows + 1],
    )
    people, visits = profile_workspace(workspace)
    workspace.close()
    assert [(c.column, c.semantic_type.value) for c in people.columns] == [
        ("RowId", "email"),
        ("phone", "phone"),
    ]
    assert [c.semantic_type.value for c in visits.columns] == ["email"]


def test_top_values_of_a_big_table_are_the_most_frequent(tmp_path: Path) -> None:
    """Candidates are the sample's most frequent values, counted exactly over the whole column."""
    workspace = Workspace(tmp_path).ensure()
    con = workspace.connect()
    # values 0..39 repeat 120, 117, 114 … times; then a tail of unique codes
    con.execute(
        "CREATE TABLE raw.jobs AS SELECT code FROM ("
        "SELECT 'R' || lpad(k::VARCHAR, 2, '0') AS code FROM range(40) a(k), range(120) b(j) "
        "WHERE j < 120 - 3 * k "
        "UNION ALL SELECT 'U' || i FROM range(?) t(i))",
        [SAMPLE_ROWS],
    )
    (jobs,) = profile_workspace(workspace)
    workspace.close()
    top = [(v.value, v.count) for v in jobs.columns[0].top_values]
    assert top == [(f"R{k:02d}", 120 - 3 * k) for k in range(10)]
