"""A relation an API did not expand is the related record's address, ending in its key."""

from __future__ import annotations

from pathlib import Path

import duckdb

from assistant.execute.transforms.several_keys import first_key_sql
from assistant.profile import profile_workspace
from assistant.profile.models import ForeignKey
from assistant.transforms.sqltext import SOURCE_ALIAS
from assistant.workspace import Workspace
from tests.test_profile_data import _varchar_table

API = "https://eu.api.example.com/api/v1/spaces/7/entities"
ACCOUNTS = [f"a{i:02d}-9f3c-4e2b" for i in range(10)]
USERS = [f"u{i}-77aa" for i in range(3)]


def _keys(tmp_path: Path, account_cells: list[str]) -> dict[str, ForeignKey]:
    ws = Workspace(tmp_path / "ws").ensure()
    con = ws.connect()
    _varchar_table(con, "accounts", [{"id": a, "name": f"Account {i}"} for i, a in enumerate(ACCOUNTS)])
    _varchar_table(con, "users", [{"id": u, "email": f"user{i}@example.com"} for i, u in enumerate(USERS)])
    people = [
        {
            "id": f"p{i}",
            "primary_account": cell,
            "owner_id": USERS[i % 3],
            "owner": f"{API}/Users/{USERS[i % 3]}",
            "website": f"https://shop{i}.example.org/about/",
        }
        for i, cell in enumerate(account_cells)
    ]
    _varchar_table(con, "people", people)
    try:
        profiles = profile_workspace(ws)
    finally:
        ws.close()
    people_table = next(p for p in profiles if p.table == "people")
    return {c.column: c.foreign_key for c in people_table.columns if c.foreign_key}


def test_addresses_ending_in_another_tables_keys_link_to_that_table(tmp_path: Path) -> None:
    keys = _keys(tmp_path, [f"{API}/Accounts/{ACCOUNTS[(i * 3) % 10]}" for i in range(12)])
    account = keys["primary_account"]
    assert (account.target_table, account.target_column, account.resolved_share) == ("accounts", "id", 1.0)
    # a URI repeating the id column beside it is its path twin, as an X-path column is
    assert keys["owner"].target_table == "users" and keys["owner_id"].path_column == "owner"
    assert "website" not in keys  # web pages end in words, never in another table's keys


def test_addresses_ending_in_unknown_keys_are_no_link(tmp_path: Path) -> None:
    cells = [f"{API}/Accounts/{ACCOUNTS[i % 10]}" for i in range(6)]
    cells += [f"{API}/Accounts/x{i}" for i in range(6)]
    assert "primary_account" not in _keys(tmp_path, cells)  # half resolve: too few for a header without 'id'


def test_the_executor_reads_the_key_an_address_ends_in() -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE accounts (id VARCHAR)")
    con.execute("INSERT INTO accounts VALUES ('a1'), ('a2')")
    con.execute("CREATE SCHEMA raw; CREATE TABLE raw.accounts AS SELECT * FROM accounts")
    cells = f"('{API}/Accounts/a2/'), ('a1'), ('{API}/x/zz')"
    con.execute(f"CREATE TABLE people AS SELECT * FROM (VALUES {cells})")
    read = first_key_sql("col0", "accounts", "id")
    rows = con.execute(f"SELECT {read} FROM people AS {SOURCE_ALIAS}").fetchall()
    assert [r[0] for r in rows] == ["a2", "a1", f"{API}/x/zz"]  # an unknown key is reported as it is
