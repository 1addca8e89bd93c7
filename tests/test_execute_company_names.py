"""A client that is a company keeps its own name whole: never split into a person's first/last name."""

from __future__ import annotations

import json
from pathlib import Path

from assistant.execute.prepare import prepare
from tests.test_execute_support import CLIENTS, load_raw, tiny_workspace

TRADING = ("C9", "Reformas Levante", "admin@levante.example", "", "Reformas Levante C.B.", "", "Bob", "", "")
OWN_NAME = ("C8", "Laura López Serrano", "laura@example.com", "", "Laura López Serrano", "", "Bob", "", "")


def test_a_trading_name_stays_whole_and_a_person_is_still_split(tmp_path: Path) -> None:
    ws = tiny_workspace(tmp_path / "ws")
    load_raw(ws, [*CLIENTS, TRADING, OWN_NAME])
    prepare(ws)
    rows = (
        ws.connect()
        .execute(
            'SELECT source_key, "values" FROM exec.records '
            "WHERE target = 'contact' AND source_object = 'clients'"
        )
        .fetchall()
    )
    names = {key: json.loads(values) for key, values in rows}
    company = names["C9"]
    assert (company.get("firstName"), company.get("lastName")) == ("Reformas Levante", None)
    assert company["companyName"] == "Reformas Levante C.B."
    # the same name in the company column but no legal form: a person, split as before
    assert (names["C8"]["firstName"], names["C8"]["lastName"]) == ("Laura", "López Serrano")
    assert (names["C1"]["firstName"], names["C1"]["lastName"]) == ("María José", "García López")
