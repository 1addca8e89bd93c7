"""Typed ranges of a big table's columns whose values repeat are read once per distinct value, with
the figures reading every cell gives, odd cells included; integer columns keep the cell by cell cast."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import duckdb
import pytest

from assistant.profile import typed
from assistant.profile.models import TableProfile
from assistant.profile.profiler import profile_tables
from assistant.profile.sql import SAMPLE_ROWS
from assistant.settings import ProfileSettings
from assistant.workspace import Workspace
from tests.query_recording import RecordingConnection

ROWS = SAMPLE_ROWS * 4
DISTINCT = 3_000  # more than a column of few values holds, far fewer than its cells


def _profile(tmp_path: Path, repeats: int, monkeypatch: pytest.MonkeyPatch) -> tuple[TableProfile, list[str]]:
    monkeypatch.setattr(typed, "REPEATS", repeats)
    workspace = Workspace(tmp_path / f"ws{repeats}").ensure()
    con = workspace.connect()
    con.execute(
        f"""CREATE TABLE raw.deals AS SELECT
              CASE WHEN i % 997 = 0 THEN 'n/a' WHEN i % 991 = 0 THEN ' ' || (i % {DISTINCT}) || ',5 '
                   WHEN i % 983 = 0 THEN '1e3' WHEN i % 89 = 0 THEN ''
                   ELSE format('{{:,}}', i % {DISTINCT} * 7) || '.25' END AS amount,
              CASE WHEN i % 499 = 0 THEN 'soon' ELSE lpad((i % 28 + 1)::VARCHAR, 2, '0') || '/'
                   || lpad((i % 12 + 1)::VARCHAR, 2, '0') || '/' || (1990 + i % 11) END AS closed,
              (i % {DISTINCT})::VARCHAR AS quantity,
              i + 1 AS _row
            FROM range({ROWS}) t(i)"""
    )
    recording = RecordingConnection(con)
    (profile,) = profile_tables(cast(duckdb.DuckDBPyConnection, recording), ["deals"], ProfileSettings())
    workspace.close()
    return profile, recording.queries


def test_repeated_values_give_the_typed_ranges_every_cell_gives(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    grouped, grouped_queries = _profile(tmp_path, typed.REPEATS, monkeypatch)
    every_cell, cell_queries = _profile(tmp_path, ROWS + 1, monkeypatch)
    assert grouped == every_cell
    kinds = [c.semantic_type.value for c in grouped.columns]
    assert kinds == ["money", "date", "integer"]
    amount, closed, quantity = grouped.columns
    assert (quantity.min_value, quantity.max_value) == ("0", str(DISTINCT - 1))
    # the largest: ' 2973,5 ', a comma taken as the column's thousands separator
    assert (amount.min_value, amount.max_value) == ("0.2500", "29735.0000")
    assert (closed.min_value, closed.max_value) == ("1990-01-01 00:00:00", "2000-12-28 00:00:00")
    assert 0 < amount.extra["typed_share"] < 1 and 0 < closed.extra["typed_share"] < 1
    # the decimals and dates were read per distinct value, the integers cell by cell
    assert sum("GROUP BY ALL)" in q and "try_strptime" in q for q in grouped_queries) == 1
    assert not any("GROUP BY ALL)" in q and "try_strptime" in q for q in cell_queries)
    assert any("try_cast(c2 AS BIGINT)" in q for q in grouped_queries)
