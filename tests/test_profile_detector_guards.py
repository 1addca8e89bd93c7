"""Each detector's guard holds for every value the detector matches, so guarded counts are the same."""

from __future__ import annotations

import csv
import random
from pathlib import Path

import duckdb
import pytest

from assistant.profile.guards import GUARDS, guarded
from assistant.profile.patterns import DETECTORS

_FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
# values each guarded detector matches, some in the very shapes a guard could be wrong about
_MATCHING = [
    "ana@mail.es", "ana@mail.es; bo@web.com", "/clients/123", "2024-04-09T22:00:00+02:00",
    "2024-04-09T22:00", "2024-04-09 22:00", "2024-04-09 22:00:15", "28001-1234", '["a", "b"]', "ES",
    "VIP; Gold", "VIP | Gold", "VIP / Gold", "VIP, Gold", "VIP*/*Gold",
    "Ana García", "Ana\tGarcía", "Ana\nGarcía López",
    "Call back tomorrow.", "Call\tback on\nMonday\rat\fnoon", "one two three four five",
    "2025/5/3", "2025/05/03 14:02:11", "2025/05/03 14:02:11 -05:00", "2025-05-03 14:02:11 -0500",
]  # fmt: skip


def _corpus() -> list[str]:
    values = list(_MATCHING)
    for path in sorted(_FIXTURES.rglob("*.csv")):
        with path.open(newline="", encoding="utf-8", errors="replace") as handle:
            values += [cell.strip() for row in csv.reader(handle) for cell in row if cell.strip()]
    rng = random.Random(7)
    alphabet = "aZ@ /;|,:T-[]\t\n.!?0123456789"
    values += ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 30))) for _ in range(20_000)]
    return values


@pytest.mark.parametrize("name", sorted(GUARDS))
def test_guard_holds_wherever_its_detector_matches(name: str) -> None:
    predicate, guard = DETECTORS[name].replace("{v}", "v"), GUARDS[name].replace("{v}", "v")
    rows = duckdb.execute(
        f"SELECT v, coalesce({predicate}, false), {guard} FROM unnest($1::VARCHAR[]) t(v)", [_corpus()]
    ).fetchall()
    assert [v for v, matched, allowed in rows if matched and not allowed] == []
    assert any(matched for _v, matched, _allowed in rows)  # the corpus does reach the detector


def test_guarded_detector_counts_what_the_plain_one_counts() -> None:
    counts = ", ".join(
        f"count(*) FILTER (WHERE {DETECTORS[n].replace('{v}', 'v')}), "
        f"count(*) FILTER (WHERE {guarded(n, DETECTORS[n]).replace('{v}', 'v')})"
        for n in sorted(GUARDS)
    )
    row = duckdb.execute(f"SELECT {counts} FROM unnest($1::VARCHAR[]) t(v)", [_corpus()]).fetchone()
    assert row is not None
    assert list(row[0::2]) == list(row[1::2])
