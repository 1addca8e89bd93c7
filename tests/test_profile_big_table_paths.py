"""Big tables (more rows than the sample) take the whole-column paths: their figures must equal what
the values themselves say, computed here in Python, however the cells are padded, blank or punctuated."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from pathlib import Path

import pytest

from assistant.profile import profile_workspace
from assistant.profile.models import TableProfile
from assistant.profile.sql import SAMPLE_ROWS
from assistant.workspace import Workspace

ROWS = SAMPLE_ROWS + 1_000
_PUNCTUATION = " ().+/-"
# written next to each other on two rows; which share a key is for the reference below to say
_MESSY_PHONES = [
    ("+34 612 345 678", "612345678"), ("0034-612-345-678", "(+34) 612.345.678"),
    ("612345678/", "612 34 56 78"), ("0612345678", "612345678 "), ("6123", "0006123"), ("000", "+"),
    ("61234567-8", "00 612345678"), ("tel 612345678", "612345678"), ("612 345 67٨", "61234567٨"),
    ("9 1234 5678\t", "912345678\t"), ("+1 (555) 201-0001", "555.201.0001"),
    ("(555) 201-0001", "1-555-201-0001"), ("0 555 201 0001", "5552010001"),
]  # fmt: skip


def _phone_key(value: str, keep: int) -> str | None:
    """How duplicates compare phone numbers: punctuation and leading zeros dropped, the last ``keep`` kept."""
    digits = "".join(ch for ch in value if ch not in _PUNCTUATION).lstrip("0")
    return digits[-keep:] or None


def _blank(value: str | None) -> bool:
    return value is None or value.strip(" \t\r\n") == ""


def _expected_groups(values: list[str | None], keep: int) -> list[tuple[str, list[int]]]:
    rows: dict[str, list[int]] = defaultdict(list)
    for number, value in enumerate(values, start=1):
        key = None if _blank(value) else _phone_key(value or "", keep)
        if key is not None:
            rows[key].append(number)
    groups = [(key, numbers) for key, numbers in rows.items() if len(numbers) > 1]
    return sorted(groups, key=lambda group: (-len(group[1]), group[0]))


def _profile(tmp_path: Path, columns: dict[str, list[str | None]]) -> TableProfile:
    workspace = Workspace(tmp_path).ensure()
    con = workspace.connect()
    names = list(columns)
    con.execute(
        "CREATE TABLE raw.people AS SELECT "
        + ", ".join(f"unnest(${i + 1}::VARCHAR[]) AS {name}" for i, name in enumerate(names))
        + f", unnest(range(1, {ROWS + 1})) AS _row",
        [columns[name] for name in names],
    )
    (profile,) = profile_workspace(workspace)
    workspace.close()
    return profile


@pytest.mark.parametrize(
    ("country", "keep", "make"),
    [
        ("ES", 9, lambda i: f"+34 6{i:08d}"),
        ("US", 10, lambda i: f"({200 + i % 700}) 555-{i:04d}" if i < 10_000 else ""),
    ],
)
def test_phone_duplicates_are_the_rows_sharing_a_key(
    tmp_path: Path, country: str, keep: int, make: Callable[[int], str]
) -> None:
    values: list[str | None] = [make(i) for i in range(ROWS)]
    # the messy pairs sit past the sample's reach only by chance: the whole-column pass must find them
    for k, (first, second) in enumerate(_MESSY_PHONES):
        values[100 + 40 * k], values[ROWS - 1 - 40 * k] = first, second
    values[7], values[8] = "\t", "  "
    profile = _profile(tmp_path, {"phone": values})
    (phone,) = profile.columns
    assert (phone.semantic_type.value, phone.country) == ("phone", country)
    found = [(g.value, g.row_numbers) for g in profile.duplicates]
    assert found == _expected_groups(values, keep)
    assert len(found) >= 5  # the messy pairs do make groups; the test is not vacuous


def test_whole_column_figures_match_the_values(tmp_path: Path) -> None:
    """Columns without blank cells, with empty ones only, and with whitespace too (spaces, a tab, a
    leading space): every figure counts non-blank values only, whichever reading settled it."""
    filled = [f"v{i % 3_000:04d}" for i in range(ROWS)]
    emptied = ["" if i % 9 == 0 else f"e{i % 700}" for i in range(ROWS)]
    blanks = [["", " ", "\t", "\r\n", None][i % 5] if i % 7 == 0 else f" x{i}" for i in range(ROWS)]
    numbers = ["  " if i % 11 == 0 else str(i - 3_000) for i in range(ROWS)]
    columns = {"filled": filled, "emptied": emptied, "blanks": blanks, "numbers": numbers}
    profile = _profile(tmp_path, columns)
    for column in profile.columns:
        values = columns[column.column]
        kept = [v for v in values if not _blank(v)]
        assert column.null_count == ROWS - len(kept), column.column
        assert column.distinct_count == len(set(kept)), column.column
        assert (column.min_length, column.max_length) == (min(map(len, kept)), max(map(len, kept)))
        assert column.avg_length == round(sum(map(len, kept)) / len(kept), 2)
        if column.column != "numbers":  # text: its range is the text's own
            assert (column.min_value, column.max_value) == (min(kept), max(kept))
    numbers_profile = profile.columns[3]
    assert numbers_profile.semantic_type.value == "integer"
    ints = [int(v) for v in numbers if not _blank(v)]
    assert (numbers_profile.min_value, numbers_profile.max_value) == (str(min(ints)), str(max(ints)))
    assert numbers_profile.extra["typed_share"] == 1.0
