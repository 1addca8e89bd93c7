"""A big table's email column proved free of repeats by the duplicate search is a primary key
without counting its distinct values again; one the search cannot clear is still counted exactly."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import duckdb
import pytest

from assistant.profile import scan
from assistant.profile.profiler import profile_tables
from assistant.profile.sql import SAMPLE_ROWS
from assistant.settings import ProfileSettings
from assistant.workspace import Workspace
from tests.query_recording import RecordingConnection

ROWS = SAMPLE_ROWS + 1_000


def _profile_emails(tmp_path: Path, emails: list[str]) -> tuple[str | None, list[str]]:
    workspace = Workspace(tmp_path).ensure()
    con = workspace.connect()
    con.execute(
        "CREATE TABLE raw.people AS SELECT unnest($1::VARCHAR[]) AS email, unnest($2::VARCHAR[]) AS city, "
        "unnest(range(1, $3 + 1)) AS _row",
        [emails, ["Madrid", "Sevilla"] * (len(emails) // 2), len(emails)],
    )
    recording = RecordingConnection(con)
    (profile,) = profile_tables(cast(duckdb.DuckDBPyConnection, recording), ["people"], ProfileSettings())
    workspace.close()
    (email, _city) = profile.columns
    assert email.semantic_type.value == "email"
    assert email.extra.get("distinct_estimated")  # the path under test: an estimated distinct count
    return profile.primary_key, recording.queries


@pytest.fixture(autouse=True)
def _estimated_distinct_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    # distinct counts of tables this size are exact by default; estimate them as for big ones
    monkeypatch.setattr(scan, "EXACT_DISTINCT_MAX_ROWS", SAMPLE_ROWS)


def test_email_column_without_repeats_is_the_key_without_a_recount(tmp_path: Path) -> None:
    key, queries = _profile_emails(tmp_path, [f"user{i}@Example.com" for i in range(ROWS)])
    assert key == "email"
    assert not [q for q in queries if 'count(DISTINCT "email")' in q]


def test_emails_equal_but_for_case_are_counted_exactly(tmp_path: Path) -> None:
    """'A@x' and 'a@x' repeat as duplicates compare them, yet differ as stored: the exact count says
    the column is still a key."""
    emails = [f"user{i}@example.com" for i in range(ROWS)]
    emails[ROWS - 10] = "USER0@example.com"
    key, queries = _profile_emails(tmp_path, emails)
    assert key == "email"
    assert [q for q in queries if 'count(DISTINCT "email")' in q]
