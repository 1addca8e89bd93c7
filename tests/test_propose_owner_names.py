"""A users table's person is named by first and last name, not by a column merely called a name."""

from __future__ import annotations

from assistant.propose.owners import users_from_table
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, table

TEAM = table(
    "team_members",
    [("uuid", S.IDENTIFIER, {"unique_share": 1.0}), ("first_name", S.PERSON_NAME, {}),
     ("last_name", S.PERSON_NAME, {}), ("email", S.EMAIL, {}), ("business_role_name", S.PICKLIST, {})],
    rows=2,
    key="uuid",
)  # fmt: skip


def test_a_role_name_column_does_not_name_the_person() -> None:
    rows: list[dict[str, str | None]] = [
        {"uuid": "u1", "first_name": "Theo", "last_name": "Lambert", "email": "theo@gmail.test",
         "business_role_name": "business_admin"},
        {"uuid": "u2", "first_name": "Nadia", "last_name": "Okafor", "email": None,
         "business_role_name": "owner"},
    ]  # fmt: skip
    users = users_from_table(TEAM, MemoryValues({"team_members": rows}))
    assert [(u.key, u.name) for u in users] == [("u1", "Theo Lambert"), ("u2", "Nadia Okafor")]
