"""Owners read from values: a nested list of assigned people, JSON lists in a cell, first names only."""

from __future__ import annotations

import duckdb

from assistant.evals.predictions import Predictions, PredOwner, owner_for
from assistant.execute.transforms import maps
from assistant.highlevel.state import User
from assistant.mapping.items import MappingDocument, OwnerMatch
from assistant.mapping.models import TargetObject, TransformKind
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.owner_match import match_owner
from assistant.propose.owner_values import cell_items, user_share
from assistant.propose.owners import SourceUser
from assistant.propose.sourcedata import MemoryValues
from assistant.transforms import kinds
from tests.propose_factory import S, col, destination, table

CREW = {"Laura Gómez": 6, "Pedro Ruiz": 5, "Omar Haddad": 2}
HELPERS = {'["Laura Gómez", "Pedro Ruiz"]': 7, '["Pedro Ruiz"]': 4}


def _jobs(crew_table: bool) -> MappingDocument:
    jobs = table(
        "jobs",
        [
            ("id", S.IDENTIFIER, {}),
            ("Title", S.FREE_TEXT, {}),
            ("Total", S.MONEY, {}),
            ("Stage", S.PICKLIST, {"values": {"Nuevo": 8, "Ganado": 6, "Negociación": 6}}),
            *([] if crew_table else [("Helpers", S.MULTI_VALUE, {"values": HELPERS})]),
        ],
        key="id",
    )  # fmt: skip
    tables = [jobs]
    rows: dict[str, list[dict[str, str | None]]] = {}
    if crew_table:  # the ingest of {"Team": [{"id": 7, "Name": "Laura Gómez"}, ...]} on each job
        tables.append(table("jobs__Team", [("id", S.IDENTIFIER, {}), ("Name", S.PICKLIST, {"values": CREW})],
                            parent="jobs"))  # fmt: skip
        rows["jobs__Team"] = [{"Name": name} for name, n in CREW.items() for _ in range(n)]
    else:
        rows["jobs"] = [{"Helpers": '["Laura Gómez", "Pedro Ruiz"]'}] * 7 + [
            {"Helpers": '["Pedro Ruiz"]'}
        ] * 4
    return propose_offline(ProposeInputs(tables, destination(), values=MemoryValues(rows)))


def test_a_nested_list_of_assigned_people_is_the_parent_records_owner() -> None:
    doc = _jobs(crew_table=True)
    name = next(f for f in doc.fields if f.source_object == "jobs__Team" and f.source_columns == ["Name"])
    assert (name.target.object, name.target.field) == (TargetObject.OPPORTUNITY, "assignedTo")
    assert name.transform.kind == TransformKind.OWNER
    assert "2 of 3 distinct values name a HighLevel user" in [e.detail for e in name.evidence]
    owners = {o.source_key: o.user_id for o in doc.owners if o.source_object == "jobs__Team"}
    assert owners == {"Laura Gómez": "u1", "Pedro Ruiz": "u2", "Omar Haddad": None}


def test_a_json_list_of_people_in_one_cell_is_an_owner_column_and_each_person_is_matched() -> None:
    doc = _jobs(crew_table=False)
    helpers = next(f for f in doc.fields if f.source_columns == ["Helpers"])
    assert (helpers.target.field, helpers.transform.kind) == ("assignedTo", TransformKind.OWNER)
    assert {o.source_key: o.user_id for o in doc.owners} == {"Laura Gómez": "u1", "Pedro Ruiz": "u2"}


def test_names_that_are_not_users_do_not_make_an_owner_column() -> None:
    clients = col("jobs", "Client", S.PERSON_NAME, values={"Ana Vidal": 3, "Luis Mora": 2, "Laura Gómez": 1})
    assert user_share(clients, destination())[0] < 0.5
    assert cell_items('["Laura Gómez", 7]') == ["Laura Gómez", "7"]
    assert cell_items("[not json") == ["[not json"] and cell_items("Pedro") == ["Pedro"]


def test_a_first_name_only_matches_a_unique_user_and_lists_the_namesakes_otherwise() -> None:
    users = [
        User(id="a", name="Megan Hart", firstName="Megan", email="megan@x.example"),
        User(id="b", name="Carlos Ruiz", firstName="Carlos", email="cr@x.example"),
        User(id="c", name="Carlos Diaz", firstName="Carlos", email="cd@x.example"),
    ]
    megan = match_owner(SourceUser("jobs__Team", "Megan", "Megan", None), users, None, None)
    assert megan.user_id == "a"
    carlos = match_owner(SourceUser("jobs__Team", "Carlos", "Carlos", None), users, None, None)
    assert carlos.user_id is None and carlos.confidence < 0.7
    assert sorted(a.value["user_id"] for a in carlos.alternatives) == ["b", "c"]
    assert "shared by 2 users: Carlos Ruiz, Carlos Diaz" in carlos.evidence[0].detail


def test_a_cell_listing_several_people_gives_the_record_its_first_one(con: duckdb.DuckDBPyConnection) -> None:
    doc = MappingDocument(project="t", owners=[
        OwnerMatch(id="o1", source_object="jobs", source_key="Pedro Ruiz", source_name="Pedro Ruiz",
                   user_id="u2", method="name", status="accepted"),
        OwnerMatch(id="o2", source_object="jobs", source_key="Laura Gómez", source_name="Laura Gómez",
                   user_id="u1", method="name", status="accepted"),
    ])  # fmt: skip
    maps.build_map_tables(con, doc)
    out = maps.owner(kinds.Context(key="assignedTo", columns=["c"], params={}))[0]
    con.execute("CREATE TABLE src (c VARCHAR, n INTEGER)")
    cells = ['["Pedro Ruiz", "Laura Gómez"]', "Laura Gómez", "[]", "Nadie"]
    con.executemany("INSERT INTO src VALUES (?, ?)", [(c, i) for i, c in enumerate(cells)])
    rows = con.execute(f"SELECT {out.value}, {out.error} IS NOT NULL FROM src ORDER BY n").fetchall()
    assert rows == [("u2", False), ("u1", False), (None, False), (None, True)]


def test_the_scorer_finds_a_person_listed_once_under_another_table() -> None:
    pred = Predictions(owners={("deals", "Hannah Price"): PredOwner("u9", "hannah@x.example")})
    assert owner_for(pred, "contacts", "hannah price") == (
        ("deals", "Hannah Price"),
        pred.owners[("deals", "Hannah Price")],
    )
    assert owner_for(pred, "contacts", "Amira Khan") == (("contacts", "Amira Khan"), None)
