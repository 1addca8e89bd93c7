"""Typed ranges of a big table's few-valued columns come from their counted values, with the figures
a scan of the whole column gives, odd cells included."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import duckdb
import pytest

from assistant.profile import typed
from assistant.profile.models import TableProfile
from assistant.profile.profiler import profile_tables
from assistant.profile.sql import SAMPLE_ROWS
from assistant.profile.typed import fill_typed_ranges
from assistant.settings import ProfileSettings
from assistant.workspace import Workspace
from tests.query_recording import RecordingConnection

ROWS = SAMPLE_ROWS * 2
_DATES = ["03/04/2024", "28/02/2023", "15/11/2025", "31/12/2022", "not a date", " 01/01/2024 "]
_AMOUNTS = ["1,234.50", "12.00", "99.95", "1e3", "$7.00", "0.5", "250.00", "3,000.00", "18.25", "42.00"]


def _profile(tmp_path: Path) -> tuple[TableProfile, list[str], duckdb.DuckDBPyConnection]:
    workspace = Workspace(tmp_path).ensure()
    con = workspace.connect()
    con.execute(
        "CREATE TABLE raw.deals AS SELECT $1[i % 6 + 1] AS closed, $2[i % 10 + 1] AS amount, "
        "CASE WHEN i % 5 = 0 THEN '' ELSE 'd' || i END AS id, i + 1 AS _row FROM range($3) t(i)",
        [_DATES, _AMOUNTS, ROWS],
    )
    recording = RecordingConnection(con)
    (profile,) = profile_tables(cast(duckdb.DuckDBPyConnection, recording), ["deals"], ProfileSettings())
    return profile, recording.queries, con


def test_few_valued_columns_get_their_typed_range_without_a_scan(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile, queries, con = _profile(tmp_path)
    monkeypatch.setattr(typed, "REPEATS", ROWS + 1)  # no column repeats enough: every cell is read
    closed, amount = profile.columns[0], profile.columns[1]
    assert (closed.semantic_type.value, amount.semantic_type.value) == ("date", "money")
    found = [(c.min_value, c.max_value, c.extra["typed_share"]) for c in (closed, amount)]
    # the same columns read by the whole-column scan, as tables whose values were not counted are
    fill_typed_ranges(con, profile)
    assert [(c.min_value, c.max_value, c.extra["typed_share"]) for c in (closed, amount)] == found
    assert found[0][:2] == ("2022-12-31 00:00:00", "2025-11-15 00:00:00")
    assert found[1][:2] == ("0.5000", "3000.0000")  # '1e3' reads as 13, as the rule says
    assert not any("try_strptime" in q and 'FROM raw."deals"' in q for q in queries)
