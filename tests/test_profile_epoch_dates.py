"""Dates the profile once read as numbers or text: unix times under a date header (zeros for 'not set'),
year-first slash dates and times with a numeric offset after a space. The same numbers under a header
that names no date (a phone, an id, an amount) stay numbers, and the proposer sends the dates to the
date fields a date column gets."""

from __future__ import annotations

from pathlib import Path

from assistant.mapping.models import DataType, FieldKind, TargetObject, TransformKind
from assistant.profile import profile_workspace
from assistant.profile.epoch_dates import dated_header
from assistant.profile.models import ColumnProfile, SemanticType, TableProfile
from assistant.propose.engine import ProposeInputs, propose_offline
from assistant.workspace import Workspace
from tests.propose_factory import destination
from tests.test_profile_data import _varchar_table

ROWS = 24


def _seconds(i: int) -> str:
    return str(1_672_846_200 + i * 86_400 * 11 + i * 3_607)  # from January 2023, spread over the rows


def _profiles(tmp_path: Path, tables: dict[str, list[dict[str, str | None]]]) -> list[TableProfile]:
    ws = Workspace(tmp_path / "ws").ensure()
    for name, rows in tables.items():
        _varchar_table(ws.connect(), name, rows)
    try:
        return profile_workspace(ws)
    finally:
        ws.close()


def _column(profiles: list[TableProfile], table: str, name: str) -> ColumnProfile:
    return next(c for p in profiles if p.table == table for c in p.columns if c.column == name)


def test_unix_seconds_and_millis_under_a_date_header_are_date_times_with_zero_for_not_set(
    tmp_path: Path,
) -> None:
    rows: list[dict[str, str | None]] = [
        {
            "date_start": "0" if i % 2 else _seconds(i),  # half the jobs never scheduled
            "createdTime": _seconds(i) + "123",
            "phone": str(2_125_550_100 + i * 7),  # ten digits in the same range: a US phone number
            "account_number": _seconds(i),  # the very values, under a header naming no date
            "amount": _seconds(i),
        }
        for i in range(ROWS)
    ]
    profiles = _profiles(tmp_path, {"jobs": rows})
    start, created = _column(profiles, "jobs", "date_start"), _column(profiles, "jobs", "createdTime")
    assert (start.semantic_type, start.format) == (SemanticType.DATETIME, "epoch")
    assert any("12 zero value(s) read as not set" in e for e in start.evidence)
    assert start.min_value is not None and start.min_value.startswith("2023-01-04")  # the zeros are no 1970
    assert (created.semantic_type, created.format) == (SemanticType.DATETIME, "epoch-ms")
    for name in ("phone", "account_number", "amount"):
        assert _column(profiles, "jobs", name).semantic_type not in (SemanticType.DATE, SemanticType.DATETIME)


def test_year_first_slash_dates_and_offset_times_are_dates(tmp_path: Path) -> None:
    rows: list[dict[str, str | None]] = [
        {
            "due_date": f"2025/{1 + i % 12:02d}/{1 + i:02d}",
            "closed_time": f"2025/{1 + i % 12:02d}/{1 + i:02d} {8 + i % 12:02d}:33:59 -0500",
            "signed": f"2024-{1 + i % 12:02d}-{1 + i:02d} 14:02:11 +01:00",
        }
        for i in range(ROWS)
    ]
    profiles = _profiles(tmp_path, {"deals": rows})
    assert (
        _column(profiles, "deals", "due_date").semantic_type,
        _column(profiles, "deals", "due_date").format,
    ) == (
        SemanticType.DATE,
        "%Y/%m/%d",
    )
    closed, signed = _column(profiles, "deals", "closed_time"), _column(profiles, "deals", "signed")
    assert (closed.semantic_type, closed.format) == (SemanticType.DATETIME, "%Y/%m/%d %H:%M:%S %z")
    assert (signed.semantic_type, signed.format) == (SemanticType.DATETIME, "%Y-%m-%d %H:%M:%S %z")
    assert closed.min_value is not None and closed.min_value.startswith("2025-01-01 13:33:59")  # read as UTC


def test_a_date_header_is_read_from_its_words_not_from_letters_inside_them() -> None:
    assert dated_header("date_created") and dated_header("Date of Loss") and dated_header("updated_at")
    assert dated_header("createdTime") and dated_header("close_date") and dated_header("due")
    assert not dated_header("vendor") and not dated_header("attendees") and not dated_header("format")
    assert not dated_header("close_reason_id") and not dated_header("due_days")  # a key or a count
    assert not dated_header("created_by") and not dated_header("updatedBy")  # a person


def test_unix_times_reach_the_due_date_and_a_date_custom_field(tmp_path: Path) -> None:
    tasks: list[dict[str, str | None]] = [
        {"title": f"Call back {i}", "date_start": _seconds(i), "is_completed": "true" if i % 3 else "false"}
        for i in range(ROWS)
    ]
    deals: list[dict[str, str | None]] = [
        {
            "name": f"Roof repair {i}",
            "Date of Loss": None if i % 2 else _seconds(i),
            "value": str(1000 + i * 35),
        }
        for i in range(ROWS)
    ]
    profiles = _profiles(tmp_path, {"tasks": tasks, "deals": deals})
    doc = propose_offline(ProposeInputs(profiles, destination()))
    due = next(f for f in doc.fields if f.source_object == "tasks" and f.source_columns == ["date_start"])
    assert (due.target.object, due.target.field) == (TargetObject.TASK, "dueDate")
    assert due.transform.kind == TransformKind.DATE and due.transform.params["format"] == "epoch"
    loss = next(f for f in doc.fields if f.source_object == "deals" and f.source_columns == ["Date of Loss"])
    assert loss.target.kind == FieldKind.CUSTOM_NEW and loss.target.custom_field is not None
    assert loss.target.custom_field.data_type == DataType.DATE
    assert loss.transform.params["format"] == "epoch"
