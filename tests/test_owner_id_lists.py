"""An owner column of JSON lists of source user ids: the first person, matched through the users table."""

from __future__ import annotations

import duckdb

from assistant.execute.transforms import maps
from assistant.mapping.items import MappingDocument
from assistant.mapping.models import Status, TargetObject, TransformKind
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from assistant.transforms import kinds
from tests.propose_factory import S, destination, table

TECHS = [
    ("51", "Laura Gómez", "laura@demo.es"),
    ("52", "P. Ruiz", "pedro@demo.es"),  # named otherwise: matched by e-mail
    ("53", "Ana Vidal", ""),
]
CREWS = ["[51, 52]", '["52"]', "[53, 51]", "[52]", "[]"]


def _propose(cells: list[str]) -> MappingDocument:
    jobs = table(
        "jobs",
        [
            ("id", S.IDENTIFIER, {"unique_share": 1.0}),
            ("Title", S.FREE_TEXT, {}),
            ("Stage", S.PICKLIST, {"values": {"Nuevo": 3, "Ganado": 2}}),
            ("technicianIds", S.MULTI_VALUE, {"values": dict.fromkeys(cells, 1)}),
        ],
        rows=len(cells),
        key="id",
    )
    technicians = table(
        "technicians",
        [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("name", S.PERSON_NAME, {}), ("email", S.EMAIL, {})],
        rows=3,
        key="id",
    )
    values = MemoryValues(
        {
            "jobs": [{"id": str(i), "Title": f"Job {i}", "technicianIds": c} for i, c in enumerate(cells)],
            "technicians": [{"id": k, "name": n, "email": e} for k, n, e in TECHS],
        }
    )
    return propose_offline(ProposeInputs([jobs, technicians], destination(), values=values))


def test_a_cell_of_user_ids_is_the_owner_and_each_id_is_matched_through_the_users_table() -> None:
    doc = _propose(CREWS)
    crew = next(f for f in doc.fields if f.source_columns == ["technicianIds"])
    assert (crew.target.object, crew.target.field) == (TargetObject.OPPORTUNITY, "assignedTo")
    assert crew.transform.kind == TransformKind.OWNER and crew.transform.params["table"] == "technicians"
    assert "100% of 3 listed ids are keys of technicians.id" in " ".join(e.detail for e in crew.evidence)
    owners = {o.source_key: o.user_id for o in doc.owners}
    assert owners == {"51": "u1", "52": "u2", "53": None}  # by e-mail; Ana Vidal is no HighLevel user


def test_lists_of_ids_that_are_no_users_stay_what_they_were() -> None:
    doc = _propose(["[901, 902]", "[903]", "[904, 901]"])
    crew = next(f for f in doc.fields if f.source_columns == ["technicianIds"])
    assert crew.transform.kind != TransformKind.OWNER


def test_a_column_of_mostly_single_ids_is_no_list_of_owners() -> None:
    doc = _propose(["51", "52", "53", "[51, 52]", "52"])  # one list among single ids
    crew = next(f for f in doc.fields if f.source_columns == ["technicianIds"])
    assert "listed ids" not in " ".join(e.detail for e in crew.evidence)


def test_the_record_gets_the_first_listed_id_as_its_user(con: duckdb.DuckDBPyConnection) -> None:
    doc = _propose(CREWS)
    for match in doc.owners:
        match.status = Status.ACCEPTED
    maps.build_map_tables(con, doc)
    out = maps.owner(kinds.Context(key="assignedTo", columns=["c"], params={}))[0]
    con.execute("CREATE TABLE src (c VARCHAR, n INTEGER)")
    con.executemany("INSERT INTO src VALUES (?, ?)", [(c, i) for i, c in enumerate(CREWS)])
    rows = con.execute(f"SELECT {out.value}, {out.error} IS NOT NULL FROM src ORDER BY n").fetchall()
    # 53 has no HighLevel user and no fallback: that record is held with the reason, not sent
    assert rows == [("u1", False), ("u2", False), (None, True), ("u2", False), (None, False)]
