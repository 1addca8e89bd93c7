"""Big tables' columns of few values are counted value by value: every figure equals what the values
say (blanks, padding, accents and emoji included), the distinct count is exact, and a column holding
more values than the grouping keeps goes back to the aggregates with the same figures."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from assistant.profile import few_values, profile_workspace, scan
from assistant.profile.models import ColumnProfile, TableProfile
from assistant.profile.sql import SAMPLE_ROWS
from assistant.workspace import Workspace

ROWS = SAMPLE_ROWS + 1_000
_STATUSES = ["Pendiente", "Aceptado", "Rechazado", " Aceptado", "Ñandú", "Cafe\u0301", "👍🏽 ok"]
_BLANKS = ["", " ", "\t", "\r\n", None]


def _status(i: int) -> str | None:
    if i % 13 == 0:
        return _BLANKS[i // 13 % len(_BLANKS)]
    return "Raro" if i in (17, ROWS - 2) else _STATUSES[i % len(_STATUSES)]  # 2 rows: the sample may miss it


_COLUMNS: dict[str, list[str | None]] = {
    "status": [_status(i) for i in range(ROWS)],
    "flag": ["sí" if i % 3 else "no" for i in range(ROWS)],
    "code": [f"C{i:05d}" for i in range(ROWS)],  # many values: the aggregates' path
    "zone": [f"Zona {i * 7 % 200:03d}" for i in range(ROWS)],  # 200 values, each on 30 rows
}


def _blank(value: str | None) -> bool:
    return value is None or value.strip(" \t\r\n") == ""


def _profile(tmp_path: Path) -> TableProfile:
    workspace = Workspace(tmp_path).ensure()
    con = workspace.connect()
    names = list(_COLUMNS)
    con.execute(
        "CREATE TABLE raw.orders AS SELECT "
        + ", ".join(f"unnest(${i + 1}::VARCHAR[]) AS {name}" for i, name in enumerate(names))
        + f", unnest(range(1, {ROWS + 1})) AS _row",
        [_COLUMNS[name] for name in names],
    )
    (profile,) = profile_workspace(workspace)
    workspace.close()
    return profile


def _assert_figures_match_the_values(column: ColumnProfile) -> None:
    kept = [v for v in _COLUMNS[column.column] if v is not None and not _blank(v)]
    counts = Counter(kept)
    assert column.null_count == ROWS - len(kept)
    assert column.distinct_count == len(counts)
    assert (column.min_length, column.max_length) == (min(map(len, kept)), max(map(len, kept)))
    assert column.avg_length == round(sum(map(len, kept)) / len(kept), 2)
    assert (column.min_value, column.max_value) == (min(kept), max(kept))
    if len(counts) <= 30:  # every value, most frequent first
        expected = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        assert [(t.value, t.count) for t in column.top_values] == expected[:10]


@pytest.fixture(autouse=True)
def _estimated_distinct_counts(monkeypatch: pytest.MonkeyPatch) -> None:
    # distinct counts of tables this size are exact by default; estimate them as for big ones
    monkeypatch.setattr(scan, "EXACT_DISTINCT_MAX_ROWS", SAMPLE_ROWS)


def test_columns_of_few_values_take_every_figure_from_their_values(tmp_path: Path) -> None:
    profile = _profile(tmp_path)
    status, flag, code, zone = profile.columns
    for column in (status, flag, zone):
        _assert_figures_match_the_values(column)
        assert "distinct_estimated" not in column.extra  # counted, not estimated
    assert code.extra.get("distinct_estimated")
    assert flag.semantic_type.value == "boolean"
    assert status.semantic_type.value == "picklist"
    assert ("Raro", 2) in [(p.value, p.count) for p in status.picklist]


def test_a_column_past_the_group_limit_goes_back_to_the_aggregates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(few_values, "MAX_GROUPS", 4)
    profile = _profile(tmp_path)
    status, flag, _code, _zone = profile.columns
    assert status.extra.get("distinct_estimated")  # more stored values than 4: aggregated
    assert "distinct_estimated" not in flag.extra
    for column in (status, flag):
        _assert_figures_match_the_values(column)
