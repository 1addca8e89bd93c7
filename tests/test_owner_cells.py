"""A people cell naming several people ('Laura Gómez, Pedro Ruiz') is owned by the first one's user."""

from __future__ import annotations

from assistant.mapping.items import OwnerMatch
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, table

OWNERS = ["Laura Gómez", "Pedro Ruiz", "Laura Gómez, Pedro Ruiz", "Pedro Ruiz; Laura Gómez", "Gómez, Laura"]


def _owners() -> dict[str, OwnerMatch]:
    values = {o: 4 for o in OWNERS}
    deals = table(
        "deals",
        [("Name", S.FREE_TEXT, {}), ("Owner", S.PICKLIST, {"values": values, "distinct_count": len(OWNERS)}),
         ("Deal Value", S.MONEY, {})],
        rows=20,
    )  # fmt: skip
    rows: list[dict[str, str | None]] = [
        {"Name": f"Deal {i}", "Owner": OWNERS[i % len(OWNERS)], "Deal Value": "100"} for i in range(20)
    ]
    doc = propose_offline(ProposeInputs([deals], destination(), MemoryValues({"deals": rows})))
    return {o.source_key: o for o in doc.owners}


def test_the_first_person_of_a_listed_cell_owns_the_record_and_the_others_are_named() -> None:
    owners = _owners()
    both = owners["Laura Gómez, Pedro Ruiz"]
    assert both.user_id == "u1" and both.confidence >= 0.7
    assert any("2 people in one cell: Laura Gómez, Pedro Ruiz" in e.detail for e in both.evidence)
    assert owners["Pedro Ruiz; Laura Gómez"].user_id == "u2"


def test_one_person_written_last_name_first_is_that_person_not_a_list() -> None:
    laura = _owners()["Gómez, Laura"]
    assert laura.user_id == "u1"
    assert not any("people in one cell" in e.detail for e in laura.evidence)
