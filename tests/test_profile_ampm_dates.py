"""US exports write date-times as 'MM/DD/YYYY hh:mm AM/PM': read as date-times with that format,
beside the ISO rows a phone system synced into the same column."""

from __future__ import annotations

from pathlib import Path

from assistant.profile import profile_workspace
from assistant.profile.models import SemanticType
from assistant.workspace import Workspace
from tests.test_profile_data import _varchar_table


def test_month_first_date_times_with_am_pm_are_date_times(tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws").ensure()
    rows: list[dict[str, str | None]] = [
        {"Date": f"{m:02d}/{d:02d}/2024 {h:02d}:{mi:02d} {'PM' if d % 2 else 'AM'}"}
        for m, d, h, mi in ((m, 13 + m, 1 + m % 12, m * 4) for m in range(1, 13))
    ] * 2 + [{"Date": "2024-03-26T17:33:00-06:00"}] * 3
    _varchar_table(ws.connect(), "calls", rows)
    try:
        date = next(c for p in profile_workspace(ws) for c in p.columns if c.column == "Date")
    finally:
        ws.close()
    assert (date.semantic_type, date.format) == (SemanticType.DATETIME, "%m/%d/%Y %I:%M %p")
    assert any("ISO 8601 with offset" in e for e in date.evidence)  # the second format is named
