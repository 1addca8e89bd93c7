"""The profile's queries run side by side on cursors of their own give what they give one by one.

A table past the sample size takes every path that runs beside another: the whole-column
statistics beside the detectors (with a sparse column the sample barely sees), the typed ranges
beside the duplicate search, and each e-mail or phone column's passes beside the others'.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import duckdb
import pytest

from assistant.profile import beside
from assistant.profile.profiler import profile_tables
from assistant.profile.sql import SAMPLE_ROWS
from assistant.settings import ProfileSettings
from assistant.workspace import Workspace
from tests.query_recording import RecordingConnection

ROWS = SAMPLE_ROWS * 4


def _profile(tmp_path: Path, workers: int, monkeypatch: pytest.MonkeyPatch) -> tuple[list[Any], list[str]]:
    monkeypatch.setattr(beside, "WORKERS", workers)
    workspace = Workspace(tmp_path / f"ws{workers}").ensure()
    con = workspace.connect()
    con.execute(
        """CREATE TABLE raw.people AS SELECT
             'user' || CASE WHEN i % 1000 = 0 THEN 1 ELSE i END || '@Example.com' AS email,
             '(555) 2' || lpad((CASE WHEN i = 19000 THEN 5 ELSE i END)::VARCHAR, 6, '0') AS phone,
             'u' || i || '@example.org' AS login,
             lpad((i % 28 + 1)::VARCHAR, 2, '0') || '/03/2024' AS signed,
             format('{:,}', i % 50000) || '.25' AS amount,
             ['New', 'Won', 'Lost'][i % 3 + 1] AS stage,
             CASE WHEN i % 400 = 0 THEN 'note ' || i ELSE '' END AS note,
             i + 1 AS _row
           FROM range($1) t(i)""",
        [ROWS],
    )
    recording = RecordingConnection(con)
    profiles = profile_tables(cast(duckdb.DuckDBPyConnection, recording), ["people"], ProfileSettings())
    workspace.close()
    return [p.model_dump(mode="json") for p in profiles], recording.queries


def test_side_by_side_profile_equals_the_one_by_one_profile(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone, alone_queries = _profile(tmp_path, 0, monkeypatch)
    together, together_queries = _profile(tmp_path, beside.WORKERS or 2, monkeypatch)
    assert together == alone
    assert sorted(together_queries) == sorted(alone_queries)
    (people,) = together
    kinds = {c["column"]: c["semantic_type"] for c in people["columns"]}
    # the paths under test ran: groups of both kinds, typed ranges, a sparse column topped up
    assert {kinds["email"], kinds["phone"]} == {"email", "phone"}
    assert {d["column"] for d in people["duplicates"]} == {"email", "phone"}
    assert next(c for c in people["columns"] if c["column"] == "amount")["max_value"] is not None
    assert any(q.startswith("INSERT INTO profile_sample") for q in together_queries)
