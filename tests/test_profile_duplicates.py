"""Duplicate search over every email and phone column of a table: the sample first, then every value."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.profile import profile_workspace
from assistant.profile.duplicates import MAX_GROUPS_PER_COLUMN
from assistant.profile.sql import SAMPLE_ROWS
from assistant.workspace import Workspace


def test_each_column_keeps_its_own_groups(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path).ensure()
    con = workspace.connect()
    # 40 people; rows 1/2 share an email in two spellings, rows 3/4 share a phone in two formats,
    # and row 5's email text equals row 6's work email: different columns never make a group
    con.execute(
        "CREATE TABLE raw.people AS SELECT "
        "CASE i WHEN 2 THEN ' ANA@mail.es' WHEN 1 THEN 'ana@mail.es' WHEN 5 THEN 'x@mail.es' "
        "ELSE 'p' || i || '@mail.es' END AS email, "
        "CASE i WHEN 6 THEN 'x@mail.es' ELSE 'w' || i || '@work.es' END AS work_email, "
        "CASE i WHEN 3 THEN '+34 611 000 003' WHEN 4 THEN '611-000-003' "
        "ELSE '+34 6' || lpad(i::VARCHAR, 8, '0') END AS phone, i AS _row FROM range(1, 41) t(i)"
    )
    (people,) = profile_workspace(workspace)
    workspace.close()
    assert [(g.column, g.value, g.row_numbers) for g in people.duplicates] == [
        ("email", "ana@mail.es", [1, 2]),
        ("phone", "611000003", [3, 4]),
    ]


def test_most_repeated_values_first_and_capped(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path).ensure()
    con = workspace.connect()
    pairs = MAX_GROUPS_PER_COLUMN + 20
    # pairs of equal emails, then one email on three rows: it leads, and the list stops at the cap
    con.execute(
        "CREATE TABLE raw.leads AS SELECT CASE WHEN i < 3 THEN 'top@mail.es' "
        f"WHEN i < {3 + 2 * pairs} THEN 'pair' || lpad(((i - 3) // 2)::VARCHAR, 5, '0') || '@mail.es' "
        "ELSE 'u' || i || '@mail.es' END AS email "
        f"FROM range(0, {3 + 2 * pairs + 20 * pairs}) t(i)"
    )
    (leads,) = profile_workspace(workspace)
    workspace.close()
    groups = leads.duplicates
    assert len(groups) == MAX_GROUPS_PER_COLUMN
    assert (groups[0].value, groups[0].row_numbers) == ("top@mail.es", [1, 2, 3])  # storage order
    assert [g.value for g in groups[1:3]] == ["pair00000@mail.es", "pair00001@mail.es"]
    assert all(len(g.row_numbers) == 2 for g in groups[1:])


def test_blank_and_unique_columns_make_no_groups(tmp_path: Path) -> None:
    workspace = Workspace(tmp_path).ensure()
    con = workspace.connect()
    # every other email blank (blanks are not a shared value); phones unique once normalised
    con.execute(
        "CREATE TABLE raw.people AS SELECT CASE WHEN i % 2 = 0 THEN '' ELSE 'p' || i || '@mail.es' END "
        "AS email, '+34 6' || lpad(i::VARCHAR, 8, '0') AS phone, i AS _row FROM range(1, 401) t(i)"
    )
    (people,) = profile_workspace(workspace)
    workspace.close()
    assert [c.semantic_type.value for c in people.columns] == ["email", "phone"]
    assert people.duplicates == []


@pytest.mark.parametrize("rows", [40, SAMPLE_ROWS + 1_000])
def test_whitespace_cells_are_blank_not_shared(tmp_path: Path, rows: int) -> None:
    """Cells holding only a tab or line break are blank, as the profile counts them: no group."""
    workspace = Workspace(tmp_path).ensure()
    con = workspace.connect()
    con.execute(
        "CREATE TABLE raw.people AS SELECT CASE WHEN i IN (2, 3) THEN chr(9) WHEN i = 4 THEN chr(10) "
        "ELSE 'p' || i || '@mail.es' END AS email, CASE WHEN i IN (5, 6) THEN chr(9) "
        "ELSE '+34 6' || lpad(i::VARCHAR, 8, '0') END AS phone, i AS _row FROM range(1, ?) t(i)",
        [rows + 1],
    )
    (people,) = profile_workspace(workspace)
    workspace.close()
    assert [c.semantic_type.value for c in people.columns] == ["email", "phone"]
    assert people.duplicates == []


def test_big_table_finds_a_pair_the_sample_missed(tmp_path: Path) -> None:
    """In a table too big to sample whole, one pair among unique values is still found."""
    workspace = Workspace(tmp_path).ensure()
    con = workspace.connect()
    rows = SAMPLE_ROWS * 4
    con.execute(
        f"CREATE TABLE raw.people AS SELECT CASE i WHEN {rows} THEN 'P1@Mail.es' ELSE 'p' || i || '@mail.es' "
        "END AS email, i AS _row FROM range(1, ?) t(i)",
        [rows + 1],
    )
    (people,) = profile_workspace(workspace)
    workspace.close()
    assert [(g.value, g.row_numbers) for g in people.duplicates] == [("p1@mail.es", [1, rows])]
