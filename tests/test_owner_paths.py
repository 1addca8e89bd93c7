"""An owner reached through another record's path ('quote.estimator.userid' on a job) is held for review."""

from __future__ import annotations

from assistant.mapping.items import FieldMap
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, people_table, table

USERS = [("7", "Laura", "Gómez", "laura@demo.es"), ("8", "Pedro", "Ruiz", "pedro@demo.es")]


def _owner(column: str) -> FieldMap:
    columns = [
        ("id", S.IDENTIFIER, {"unique_share": 1.0}),
        ("name", S.FREE_TEXT, {}),
        (column, S.FOREIGN_KEY, {"fk": ("users", "id")}),
    ]
    deals = table("deals", columns, rows=6, key="id")
    rows = [{"id": str(i), "name": f"Deal {i}", column: USERS[i % 2][0]} for i in range(6)]
    users = [{"id": k, "first name": f, "last name": la, "email": e} for k, f, la, e in USERS]
    values = MemoryValues({"deals": rows, "users": users})
    doc = propose_offline(ProposeInputs([deals, people_table("users")], destination(), values))
    return next(f for f in doc.fields if f.source_object == "deals" and f.source_columns == [column])


def test_the_user_of_a_linked_quote_owns_the_deal_only_if_the_engineer_says_so() -> None:
    owner = _owner("quote.estimator.userid")
    assert owner.target.field == "assignedTo"  # kept: often it is the owner
    assert owner.confidence < 0.7
    assert any("linked 'quote'" in e.detail for e in owner.evidence)


def test_the_records_own_owner_path_is_not_held() -> None:
    for column in ("owner.id", "deal.owner.id"):
        owner = _owner(column)
        assert owner.target.field == "assignedTo"
        assert not any("linked '" in e.detail for e in owner.evidence)
