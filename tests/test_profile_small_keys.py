"""Keys on a 12-row export: a two-row table's columns are unique by chance, and a few small ids fit
several tables. A link must still find the table it names, not a chance key."""

from __future__ import annotations

from pathlib import Path

from assistant.profile import profile_workspace
from assistant.workspace import Workspace
from tests.test_profile_data import _varchar_table


def _links(tmp_path: Path) -> dict[tuple[str, str], tuple[str, str]]:
    ws = Workspace(tmp_path / "ws").ensure()
    con = ws.connect()
    _varchar_table(con, "employees", [{"id": str(i), "name": f"Person {i}"} for i in range(1, 8)])
    _varchar_table(con, "incidentStates", [{"id": str(i), "name": f"State {i}"} for i in range(1, 4)])
    _varchar_table(
        con,
        "incidents",  # two open tickets: every column unique, one assignee
        [
            {"id": "400001", "incident-state-id": "3", "assignee-id": "3"},
            {"id": "400002", "incident-state-id": "1", "assignee-id": None},
        ],
    )
    _varchar_table(con, "clients", [{"id": str(1000 + i), "agent-id": str(3 + i % 5)} for i in range(12)])
    _varchar_table(
        con, "potentialClients", [{"id": "50001", "agent-id": "3"}, {"id": "50002", "agent-id": "3"}]
    )
    try:
        profiles = profile_workspace(ws)
    finally:
        ws.close()
    return {
        (p.table, c.column): (c.foreign_key.target_table, c.foreign_key.target_column)
        for p in profiles
        for c in p.columns
        if c.foreign_key is not None
    }


def test_an_id_column_named_after_another_table_is_no_key_others_point_at(tmp_path: Path) -> None:
    links = _links(tmp_path)
    assert links[("incidents", "incident-state-id")] == ("incidentStates", "id")
    assert not [link for link, target in links.items() if target[0] == "incidents"]


def test_a_tie_between_keys_goes_to_the_one_the_same_named_columns_reach(tmp_path: Path) -> None:
    """'agent-id' = 3 is an employee's id and an incident state's; every other 'agent-id' is an
    employee's only (4 to 7 are no state)."""
    links = _links(tmp_path)
    assert links[("clients", "agent-id")] == ("employees", "id")
    assert links[("potentialClients", "agent-id")] == ("employees", "id")
