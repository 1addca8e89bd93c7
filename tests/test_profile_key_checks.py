"""The whole-column key check of big tables: sorted hashes prove a phone column all different (so the
primary-key check counts nothing again), keyless cells still get the exact count, and the grouped
check used past the sorting limit gives the same answers."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import duckdb
import numpy as np
import pytest

from assistant.profile import repeats, scan
from assistant.profile.models import TableProfile
from assistant.profile.profiler import profile_tables
from assistant.profile.sql import SAMPLE_ROWS
from assistant.settings import ProfileSettings
from assistant.workspace import Workspace
from tests.query_recording import RecordingConnection

ROWS = SAMPLE_ROWS + 1_000


def _profile_phones(tmp_path: Path, phones: list[str]) -> tuple[TableProfile, list[str]]:
    workspace = Workspace(tmp_path).ensure()
    con = workspace.connect()
    con.execute(
        "CREATE TABLE raw.people AS SELECT unnest($1::VARCHAR[]) AS phone, unnest($2::VARCHAR[]) AS city, "
        "unnest(range(1, $3 + 1)) AS _row",
        [phones, ["Madrid", "Sevilla"] * (len(phones) // 2), len(phones)],
    )
    recording = RecordingConnection(con)
    (profile,) = profile_tables(cast(duckdb.DuckDBPyConnection, recording), ["people"], ProfileSettings())
    workspace.close()
    assert profile.columns[0].semantic_type.value == "phone"
    assert profile.columns[0].extra.get("distinct_estimated")  # the path under test
    return profile, recording.queries


def _recounted(queries: list[str]) -> bool:
    return any('count(DISTINCT "phone")' in q for q in queries)


@pytest.fixture(autouse=True)
def _estimated_distinct_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    # distinct counts of tables this size are exact by default; estimate them as for big ones
    monkeypatch.setattr(scan, "EXACT_DISTINCT_MAX_ROWS", SAMPLE_ROWS)


def _phones() -> list[str]:
    return [f"+34 6{i:08d}" for i in range(ROWS)]


def test_phone_column_proved_all_different_is_the_key_without_a_recount(tmp_path: Path) -> None:
    profile, queries = _profile_phones(tmp_path, _phones())
    assert profile.primary_key == "phone"
    assert not profile.duplicates
    assert not _recounted(queries)


def test_cells_without_a_key_are_counted_exactly(tmp_path: Path) -> None:
    """'+' and '-' have no phone key, so the key check says nothing about them: the exact count does."""
    phones = _phones()
    phones[ROWS - 3], phones[ROWS - 2] = "+", "-"
    profile, queries = _profile_phones(tmp_path, phones)
    assert profile.primary_key == "phone"
    assert _recounted(queries)


def test_a_repeat_the_sample_missed_is_found(tmp_path: Path) -> None:
    phones = _phones()
    phones[ROWS - 1] = "+34 6 0000 0007"  # row 8's number, punctuated otherwise
    profile, queries = _profile_phones(tmp_path, phones)
    assert [(g.value, g.row_numbers) for g in profile.duplicates] == [("600000007", [8, ROWS])]
    # the cells themselves still differ: the exact count, not the key check, says so
    assert profile.primary_key == "phone"
    assert _recounted(queries)


@pytest.mark.parametrize("repeat", [False, True])
def test_grouped_check_past_the_sorting_limit_answers_the_same(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, repeat: bool
) -> None:
    phones = _phones()
    phones[ROWS - 3] = "+"
    if repeat:
        phones[ROWS - 1] = "600000007"
    sorted_profile, _ = _profile_phones(tmp_path / "sorted", phones)
    monkeypatch.setattr(repeats, "SORTED_MAX_ROWS", SAMPLE_ROWS)
    grouped_profile, queries = _profile_phones(tmp_path / "grouped", phones)
    assert any("GROUP BY h)" in q for q in queries)
    assert grouped_profile.duplicates == sorted_profile.duplicates
    assert [g.row_numbers for g in grouped_profile.duplicates] == ([[8, ROWS]] if repeat else [])
    assert grouped_profile.primary_key == sorted_profile.primary_key == "phone"


def test_equal_hashes_are_found_wherever_they_fall() -> None:
    rng = np.random.default_rng(7)
    for size in (2, 300, 100_000):
        hashes = rng.integers(0, np.iinfo(np.uint64).max, size, dtype=np.uint64)
        assert not repeats._any_equal(hashes.copy())
        for other in {0, (size - 1) // 2, size - 2}:
            twice = hashes.copy()
            twice[size - 1] = twice[other]
            assert repeats._any_equal(twice)
