"""A task's or a merged child row's creation time is bookkeeping: skipped, unless it is the only date."""

from __future__ import annotations

from typing import Any

from assistant.mapping.items import MappingDocument
from assistant.mapping.models import FieldKind
from assistant.propose.engine import ProposeInputs, propose_offline
from tests.propose_factory import S, destination, people_table, table


def _tasks(dated: bool) -> MappingDocument:
    columns: list[tuple[str, Any, dict[str, Any]]] = [
        ("id", S.IDENTIFIER, {"unique_share": 1.0}),
        ("title", S.FREE_TEXT, {}),
        ("contact_id", S.FOREIGN_KEY, {"fk": ("people", "id")}),
        ("completed", S.BOOLEAN, {}),
        ("date_created", S.DATETIME, {}),
    ]
    if dated:
        columns.insert(2, ("due_date", S.DATE, {}))
    return propose_offline(
        ProposeInputs([table("tasks", columns, key="id"), people_table("people")], destination())
    )


def _target(doc: MappingDocument, column: str) -> Any:
    return next(f for f in doc.fields if f.source_object == "tasks" and f.source_columns == [column]).target


def test_a_tasks_creation_time_beside_its_due_date_is_skipped() -> None:
    assert _target(_tasks(dated=True), "date_created").kind == FieldKind.SKIP


def test_a_creation_time_that_is_a_tasks_only_date_is_kept() -> None:
    assert _target(_tasks(dated=False), "date_created").kind != FieldKind.SKIP


def test_a_contact_keeps_its_creation_time() -> None:
    people = table("people", [("id", S.IDENTIFIER, {"unique_share": 1.0}), ("first name", S.PERSON_NAME, {}),
                              ("email", S.EMAIL, {}), ("created_at", S.DATETIME, {})], key="id")  # fmt: skip
    doc = propose_offline(ProposeInputs([people], destination()))
    created = next(f for f in doc.fields if f.source_columns == ["created_at"])
    assert created.target.kind != FieldKind.SKIP


def _invoices(stamp: Any) -> MappingDocument:
    columns: list[tuple[str, Any, dict[str, Any]]] = [
        ("id", S.IDENTIFIER, {"unique_share": 1.0}),
        ("invoice_number", S.IDENTIFIER, {"unique_share": 1.0}),
        ("contact_id", S.FOREIGN_KEY, {"fk": ("people", "id")}),
        ("date", S.DATE, {}),
        ("due_date", S.DATE, {}),
        ("total", S.MONEY, {}),
        ("created_at", stamp, {}),
    ]
    return propose_offline(
        ProposeInputs([table("invoices", columns, key="id"), people_table("people")], destination())
    )


def test_an_invoices_saved_time_beside_its_own_date_is_skipped_but_a_plain_creation_day_is_not() -> None:
    saved = _invoices(S.DATETIME)
    created = next(
        f for f in saved.fields if f.source_object == "invoices" and f.source_columns == ["created_at"]
    )
    assert saved.objects[0].targets[0].object.value in ("invoice", "custom_object")
    assert created.target.kind == FieldKind.SKIP and "bookkeeping" in created.rationale
    day = _invoices(S.DATE)
    kept = next(f for f in day.fields if f.source_object == "invoices" and f.source_columns == ["created_at"])
    assert "bookkeeping" not in kept.rationale
