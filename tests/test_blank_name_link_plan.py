"""The plan links a row whose name link is blank by its own e-mail, and only there.

A map confirmed on another export may name an e-mail column this one lacks: the name alone then
links, as before, and the plan still runs.
"""

from __future__ import annotations

import json
from pathlib import Path

from assistant.workspace import Workspace
from tests.test_execute_flow import hlmap
from tests.test_execute_support import CLIENTS, document, tiny_workspace


def _workspace(root: Path, own_email: str, blanks: dict[str, str]) -> Workspace:
    """Quotes name their client by name; ``blanks``: quote -> the e-mail a blank-named row carries."""
    doc = document()
    link = next(f for f in doc.fields if f.source_object == "quotes" and f.source_columns == ["client_id"])
    link.transform.params.update(
        {
            "table": "clients",
            "key": "id",
            "by_names": [["name"]],
            "blank_by": {"column": own_email, "target_column": "email"},
        }
    )
    ws = tiny_workspace(root, doc)
    con = ws.connect()
    con.execute('ALTER TABLE raw.quotes ADD COLUMN "contact_email" VARCHAR')
    for client, name, *_ in CLIENTS:
        con.execute("UPDATE raw.quotes SET client_id = ? WHERE client_id = ?", [name, client])
    for quote, email in blanks.items():
        con.execute("UPDATE raw.quotes SET client_id = '', contact_email = ? WHERE id = ?", [email, quote])
    ws.close()
    return ws


def _contacts(ws: Workspace) -> dict[str, str | None]:
    con = ws.connect()
    rows = con.execute("""SELECT source_key, "values" FROM exec.records WHERE target = 'opportunity'""")
    found = {key: json.loads(values).get("ref:contactId") for key, values in rows.fetchall()}
    ws.close()
    return found


def test_a_blank_name_links_by_the_rows_own_email_and_a_name_by_the_name(tmp_path: Path) -> None:
    # Q1's e-mail differs from C1's in case and spacing ('MJ.Garcia@Example.com '); Q3's names nobody
    ws = _workspace(tmp_path / "ws", "contact_email", {"Q1": "mj.garcia@example.com", "Q3": "nobody@x.test"})
    result = hlmap(ws.root, "plan")
    assert result.exit_code == 0, result.output
    assert _contacts(ws) == {"Q1": "C1", "Q2": "C2", "Q4": "C6"}  # Q3 held: HighLevel needs a contact
    out = " ".join(result.output.split())
    assert "quotes: 1 of 2 rows with a blank 'client_id' and an e-mail link to the clients row" in out
    assert "1 find none or are held back" in out


def test_a_fallback_column_this_export_lacks_leaves_the_name_link_alone(tmp_path: Path) -> None:
    ws = _workspace(tmp_path / "ws", "Work Email", {"Q1": "mj.garcia@example.com"})
    result = hlmap(ws.root, "plan")
    assert result.exit_code == 0, result.output
    assert _contacts(ws) == {"Q2": "C2", "Q3": "C4", "Q4": "C6"}
    assert "with a blank 'client_id'" not in result.output
