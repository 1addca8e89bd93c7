"""Two value shapes the profile read as something else: phone numbers whose area code a slash parts off
('0497/21.54.70', a Belgian, German and Austrian habit), and unix times under a 'due by' header (the
time a job is due by; 'created_by' still names a person)."""

from __future__ import annotations

from pathlib import Path

from assistant.profile import profile_workspace
from assistant.profile.epoch_dates import dated_header
from assistant.profile.models import ColumnProfile, SemanticType, TableProfile
from assistant.workspace import Workspace
from tests.test_profile_data import _varchar_table

ROWS = 20


def _profile(tmp_path: Path, rows: list[dict[str, str | None]]) -> TableProfile:
    ws = Workspace(tmp_path / "ws").ensure()
    _varchar_table(ws.connect(), "entries", rows)
    try:
        return profile_workspace(ws)[0]
    finally:
        ws.close()


def _column(profile: TableProfile, name: str) -> ColumnProfile:
    return next(c for c in profile.columns if c.column == name)


def test_numbers_with_a_slash_after_the_area_code_are_phones_on_every_row(tmp_path: Path) -> None:
    rows: list[dict[str, str | None]] = [
        {"number": f"0497/{10 + i}.{20 + i}.{30 + i}" if i % 2 else f"+32 475 {10 + i} {40 + i} {50 + i}"}
        for i in range(ROWS)
    ]
    number = _column(_profile(tmp_path, rows), "number")
    assert number.semantic_type == SemanticType.PHONE
    assert number.type_share == 1.0


def test_slashed_dates_stay_dates(tmp_path: Path) -> None:
    rows: list[dict[str, str | None]] = [{"when": f"{1 + i:02d}/03/2024"} for i in range(ROWS)]
    when = _column(_profile(tmp_path, rows), "when")
    assert when.semantic_type in (SemanticType.DATE, SemanticType.DATETIME)


def test_unix_seconds_under_due_by_are_a_date_and_by_alone_still_names_a_person(tmp_path: Path) -> None:
    rows: list[dict[str, str | None]] = [
        {"dueBy": str(1_705_338_000 + i * 86_400 * 3), "created_by": str(1_705_338_000 + i * 7)}
        for i in range(ROWS)
    ]
    profile = _profile(tmp_path, rows)
    due = _column(profile, "dueBy")
    assert (due.semantic_type, due.format) == (SemanticType.DATETIME, "epoch")
    assert _column(profile, "created_by").semantic_type != SemanticType.DATETIME
    assert dated_header("due_by") and not dated_header("modifiedBy")
