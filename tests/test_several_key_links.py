"""A reference cell naming several parents ('C4;C2': a deal's associated contacts) links to the first.

A HighLevel opportunity has one contact. Before, such a row was held as naming a parent the export
lacks; now the plan links it to the first key and counts the rows it read so. A cell whose first part
is no key of the linked table is left as it is, and reported as before.
"""

from __future__ import annotations

import json
from pathlib import Path

from assistant.mapping.models import TransformKind
from assistant.workspace import Workspace
from tests.test_execute_flow import hlmap
from tests.test_execute_support import document, tiny_workspace


def _workspace(root: Path, cells: dict[str, str], key: str = "id") -> Workspace:
    doc = document()
    link = next(f for f in doc.fields if f.source_object == "quotes" and f.source_columns == ["client_id"])
    assert link.transform.kind == TransformKind.LOOKUP
    link.transform.params.update({"table": "clients", "key": key})
    ws = tiny_workspace(root, doc)
    con = ws.connect()
    for quote, cell in cells.items():
        con.execute("UPDATE raw.quotes SET client_id = ? WHERE id = ?", [cell, quote])
    ws.close()
    return ws


def _contact_of(ws: Workspace, quote: str) -> str | None:
    con = ws.connect()
    row = con.execute(
        """SELECT "values" FROM exec.records WHERE target = 'opportunity' AND source_key = ?""", [quote]
    ).fetchone()
    ws.close()
    return json.loads(row[0])["ref:contactId"] if row else None


def test_a_cell_naming_several_contacts_links_to_the_first_and_the_plan_says_so(tmp_path: Path) -> None:
    ws = _workspace(tmp_path / "ws", {"Q3": "C4;C2", "Q4": " C6 | C1 "})
    result = hlmap(ws.root, "plan")
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "quotes: 2 rows name several clients rows in 'client_id'; each links to the first" in out
    assert _contact_of(ws, "Q3") == "C4" and _contact_of(ws, "Q4") == "C6"


def test_a_cell_whose_first_part_is_no_key_is_reported_as_before(tmp_path: Path) -> None:
    ws = _workspace(tmp_path / "ws", {"Q3": "C9;C2"})
    result = hlmap(ws.root, "plan")
    assert result.exit_code == 0, result.output
    assert _contact_of(ws, "Q3") is None  # held: the export holds no parent C9;C2
    assert "rows name several" not in result.output


def test_a_key_column_this_export_lacks_leaves_the_cell_as_it_is(tmp_path: Path) -> None:
    ws = _workspace(tmp_path / "ws", {"Q3": "C4;C2"}, key="Client No")  # a map confirmed elsewhere
    result = hlmap(ws.root, "plan")
    assert result.exit_code == 0, result.output
    assert _contact_of(ws, "Q3") is None and _contact_of(ws, "Q2") == "C2"


def test_a_json_list_of_contacts_links_to_its_first_item(tmp_path: Path) -> None:
    ws = _workspace(tmp_path / "ws", {"Q3": '["C4", "C2"]', "Q4": "[6, 1]"})
    result = hlmap(ws.root, "plan")
    assert result.exit_code == 0, result.output
    out = " ".join(result.output.split())
    assert "quotes: 2 rows name several clients rows in 'client_id'" in out
    assert _contact_of(ws, "Q3") == "C4" and _contact_of(ws, "Q4") is None  # no client 6: held, reported


def test_a_cell_holding_the_parents_address_links_to_the_key_it_ends_in(tmp_path: Path) -> None:
    ws = _workspace(tmp_path / "ws", {"Q3": "https://api.example.com/v2/entities/Clients/C4"})
    result = hlmap(ws.root, "plan")
    assert result.exit_code == 0, result.output
    assert _contact_of(ws, "Q3") == "C4"
    assert "rows name several" not in result.output  # one parent, written as its address
