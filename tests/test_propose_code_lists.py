"""A table named like a code list ('calendar_entries') whose rows are due, done and assigned is tasks."""

from __future__ import annotations

from typing import Any

from assistant.mapping.items import MappingDocument
from assistant.mapping.models import FieldKind, TargetObject
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, people_table, table

USERS = [("7", "Laura", "Gómez", "laura@demo.es"), ("8", "Pedro", "Ruiz", "pedro@demo.es")]
PEOPLE = [("12", "Ana", "Vidal"), ("15", "Luis", "Mora"), ("18", "Eva", "Sanz")]
TITLES = [
    "Send revised proposal",
    "Call back",
    "Site visit",
    "Call back",
    "Send revised proposal",
    "Site visit",
]


def _propose(extra: list[tuple[str, Any, dict[str, Any]]]) -> MappingDocument:
    entries = table(
        "calendar_entries",
        [
            ("id", S.IDENTIFIER, {"unique_share": 1.0}),
            ("name", S.PICKLIST, {"values": dict.fromkeys(TITLES, 2)}),
            ("due_date", S.DATE, {}),
            ("complete", S.BOOLEAN, {}),
            ("owner_id", S.FOREIGN_KEY, {"fk": ("users", "id")}),
            *extra,
        ],
        rows=len(TITLES),
        key="id",
    )
    users = people_table("users")
    people = people_table("people")
    rows = [
        {
            "id": str(i),
            "name": t,
            "due_date": f"2025-07-{10 + i}",
            "complete": "false",
            "owner_id": USERS[i % 2][0],
        }
        | {"association_id": PEOPLE[i % 3][0], "association.id": PEOPLE[i % 3][0]}
        | {"association.name": f"{PEOPLE[i % 3][1]} {PEOPLE[i % 3][2]}"}
        for i, t in enumerate(TITLES)
    ]
    values = MemoryValues(
        {
            "calendar_entries": rows,
            "users": [{"id": k, "first name": f, "last name": la, "email": e} for k, f, la, e in USERS],
            "people": [
                {"id": k, "first name": f, "last name": la, "email": f"{f}@x.es"} for k, f, la in PEOPLE
            ],
        }
    )
    return propose_offline(ProposeInputs([entries, users, people], destination(), values=values))


LINKS: list[tuple[str, Any, dict[str, Any]]] = [
    ("association_id", S.FOREIGN_KEY, {"fk": ("people", "id")}),
    ("association.id", S.FOREIGN_KEY, {"fk": ("people", "id")}),
    ("association.name", S.FREE_TEXT, {"distinct_count": 3}),
]


def test_dated_assigned_rows_of_a_calendar_are_tasks_not_a_lookup() -> None:
    doc = _propose(LINKS)
    entries = next(o for o in doc.objects if o.source_object == "calendar_entries")
    assert entries.targets[0].object == TargetObject.TASK


def test_the_linked_records_name_is_not_the_tasks_title_and_a_repeated_link_is_skipped() -> None:
    doc = _propose(LINKS)
    by_column = {f.source_columns[0]: f for f in doc.fields if f.source_object == "calendar_entries"}
    assert (by_column["name"].target.object, by_column["name"].target.field) == (TargetObject.TASK, "title")
    assert by_column["association.name"].target.field != "title"
    assert (by_column["association_id"].target.field, by_column["association.id"].target.kind) == (
        "contactId",
        FieldKind.SKIP,
    )
    assert "value of 'association_id'" in by_column["association.id"].rationale
