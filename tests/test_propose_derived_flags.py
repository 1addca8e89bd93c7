"""A deal's yes/no flags that its stage decides on every row ('IsWon' beside 'StageName') are skipped."""

from __future__ import annotations

from assistant.mapping.models import FieldKind
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.propose.sourcedata import MemoryValues
from tests.propose_factory import S, destination, table

STAGES = ["Nuevo", "Presupuesto enviado", "Negociación", "Ganado"]
Row = dict[str, str | None]


def _deals(own_flag: bool) -> tuple[object, MemoryValues]:
    deals = table(
        "Opportunity",
        [("Name", S.FREE_TEXT, {}), ("Amount", S.MONEY, {}),
         ("StageName", S.PICKLIST, {"values": {s: 6 for s in STAGES}}),
         ("IsWon", S.BOOLEAN, {}), ("Urgent", S.BOOLEAN, {})],
        rows=24,
    )  # fmt: skip
    rows: list[Row] = [
        {"Name": f"Deal {i}", "Amount": "100", "StageName": STAGES[i % 4],
         "IsWon": "true" if STAGES[i % 4] == "Ganado" else "false",
         "Urgent": "true" if (i * 7) % 3 == 0 else "false"}
        for i in range(24)
    ]  # fmt: skip
    if own_flag:
        for r in rows[:6]:
            r["IsWon"] = "true"
    return deals, MemoryValues({"Opportunity": rows})


def _kind(own_flag: bool, column: str) -> FieldKind:
    deals, values = _deals(own_flag)
    doc = propose_offline(ProposeInputs([deals], destination(), values))  # type: ignore[list-item]
    return next(f for f in doc.fields if f.source_columns == [column]).target.kind


def test_a_flag_every_stage_decides_is_skipped() -> None:
    assert _kind(own_flag=False, column="IsWon") == FieldKind.SKIP


def test_a_flag_of_its_own_is_kept() -> None:
    assert _kind(own_flag=True, column="IsWon") != FieldKind.SKIP
    assert _kind(own_flag=False, column="Urgent") != FieldKind.SKIP


def test_a_tasks_closed_flag_its_status_decides_leaves_completion_to_the_status() -> None:
    statuses = ["Not Started", "In Progress", "Completed", "Deferred"]
    tasks = table(
        "Task",
        [("Subject", S.FREE_TEXT, {}), ("ActivityDate", S.DATE, {}),
         ("Status", S.PICKLIST, {"values": {s: 6 for s in statuses}}), ("IsClosed", S.BOOLEAN, {})],
        rows=24,
    )  # fmt: skip
    rows: list[Row] = [
        {"Subject": "Call", "ActivityDate": "2025-01-02", "Status": statuses[i % 4],
         "IsClosed": "true" if statuses[i % 4] == "Completed" else "false"}
        for i in range(24)
    ]  # fmt: skip
    doc = propose_offline(ProposeInputs([tasks], destination(), MemoryValues({"Task": rows})))
    targets = {f.source_columns[0]: (f.target.kind, f.target.field) for f in doc.fields}
    assert targets["IsClosed"][0] == FieldKind.SKIP
    assert targets["Status"] == (FieldKind.STANDARD, "completed")
