"""Values the profile once read as text because of how an export wrote them: phones behind a
spreadsheet's formula guard (an apostrophe, an invisible joiner), .NET JSON dates
('/Date(1712102400000+0000)/') and timestamps with a fraction of a second ('2022-07-13 00:00:00.0').
The guard is read through only where a spreadsheet would have run the value ("'Tis" stays text)."""

from __future__ import annotations

from pathlib import Path

from assistant.profile import profile_workspace
from assistant.profile.cell_guards import unguarded
from assistant.profile.models import ColumnProfile, SemanticType, TableProfile
from assistant.workspace import Workspace
from tests.test_profile_data import _varchar_table

ROWS = 12
_DAY_MS = 86_400_000


def _profile(tmp_path: Path, rows: list[dict[str, str | None]]) -> TableProfile:
    ws = Workspace(tmp_path / "ws").ensure()
    _varchar_table(ws.connect(), "records", rows)
    try:
        return profile_workspace(ws)[0]
    finally:
        ws.close()


def _column(profile: TableProfile, name: str) -> ColumnProfile:
    return next(c for c in profile.columns if c.column == name)


def test_phones_behind_a_formula_guard_are_phones(tmp_path: Path) -> None:
    rows: list[dict[str, str | None]] = [
        {
            "phoneNumber": f"'+1512555{1000 + i * 37}",
            "Mobile": f"\u200d+1 (415) 555-{2000 + i * 13}",
            "motto": f"'Tis the season {i}",
        }
        for i in range(ROWS)
    ]
    profile = _profile(tmp_path, rows)
    assert _column(profile, "phoneNumber").semantic_type is SemanticType.PHONE
    assert _column(profile, "Mobile").semantic_type is SemanticType.PHONE
    assert _column(profile, "motto").semantic_type is SemanticType.FREE_TEXT
    assert unguarded("'+1 512") == "+1 512" and unguarded("'Tis") == "'Tis" and unguarded("\ufeff=1") == "=1"


def test_dotnet_dates_and_fractional_timestamps_are_dates(tmp_path: Path) -> None:
    start = 1_712_102_400_000  # 2024-04-03 00:00 UTC
    rows: list[dict[str, str | None]] = [
        {
            "Date": f"/Date({start + i * _DAY_MS}+0000)/",
            "UpdatedDateUTC": f"/Date({start + i * _DAY_MS + 3_600_000 * i + 61_000}+0000)/",
            "datecreated": f"2022-07-{10 + i:02d} 09:00:0{i % 10}.{i % 10}",
        }
        for i in range(ROWS)
    ]
    profile = _profile(tmp_path, rows)
    day, stamp = _column(profile, "Date"), _column(profile, "UpdatedDateUTC")
    assert (day.semantic_type, day.format) == (SemanticType.DATE, "dotnet")
    assert (day.min_value or "").startswith("2024-04-03") and (day.max_value or "").startswith("2024-04-14")
    assert (stamp.semantic_type, stamp.format) == (SemanticType.DATETIME, "dotnet")
    created = _column(profile, "datecreated")
    assert (created.semantic_type, created.format) == (SemanticType.DATETIME, "%Y-%m-%d %H:%M:%S.%f")


def test_four_digit_postcodes_under_a_postal_header_only(tmp_path: Path) -> None:
    codes = ["3066", "2640", "3220", "0800", "3000", "3121"]
    rows: list[dict[str, str | None]] = [
        {"POPostalCode": codes[i % 6], "SAPostalCode": codes[i % 4] if i % 3 else None, "Year": codes[i % 6]}
        for i in range(ROWS)
    ]
    profile = _profile(tmp_path, rows)
    for name in ("POPostalCode", "SAPostalCode"):
        assert _column(profile, name).semantic_type is SemanticType.POSTAL_CODE, name
    assert _column(profile, "Year").semantic_type is not SemanticType.POSTAL_CODE
