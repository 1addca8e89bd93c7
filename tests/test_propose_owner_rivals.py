"""Two columns naming different users on the rows ('Assign To' beside 'Dispatcher'): the owner is asked."""

from __future__ import annotations

from assistant.mapping.items import FieldMap
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, table

LAURA, PEDRO = ("Laura", "laura@demo.es"), ("Pedro", "pedro@demo.es")


def _owner_map(first: str, second: str, rows: list[tuple[str, str]]) -> FieldMap:
    pick = {name: i for i, name in enumerate(sorted({a for a, _ in rows}))}
    jobs = table(
        "jobs",
        [
            ("Job Title", S.FREE_TEXT, {}),
            (first, S.PICKLIST, {"values": {a: 1 for a in pick}, "distinct_count": len(pick)}),
            (
                second,
                S.EMAIL,
                {"values": {b: 1 for _, b in rows}, "distinct_count": len({b for _, b in rows})},
            ),
        ],
        rows=len(rows),
    )
    values = [{"Job Title": f"Job {i}", first: a, second: b} for i, (a, b) in enumerate(rows)]
    doc = propose_offline(ProposeInputs([jobs], destination(), MemoryValues({"jobs": values})))
    return next(f for f in doc.fields if f.target.field == "assignedTo")


def test_an_owner_column_beside_another_naming_other_users_is_a_question() -> None:
    # the technician on the schedule is not the dispatcher who booked the job on most rows
    rows = [(LAURA[0], PEDRO[1]), (PEDRO[0], LAURA[1]), (LAURA[0], LAURA[1]), (PEDRO[0], LAURA[1])] * 2
    owner = _owner_map("Assign To", "Dispatcher", rows)  # neither the seller (owner_roles) nor the owner
    assert owner.confidence < 0.7
    assert any("names users too" in e.detail for e in owner.evidence)


def test_two_spellings_of_the_same_user_are_no_rivals() -> None:
    rows = [(LAURA[0], LAURA[1]), (PEDRO[0], PEDRO[1])] * 4
    owner = _owner_map("Assign To", "Assignee Email", rows)
    assert not any("names users too" in e.detail for e in owner.evidence)
