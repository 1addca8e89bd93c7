"""Top values from the sample: the most frequent per column, ties broken by value, for big tables'
candidates and for small tables' exact top values alike."""

from __future__ import annotations

from collections import Counter

import duckdb

from assistant.profile.sample import _top_candidates, fill_small_tables, make_sample
from assistant.profile.sql import TOP_CANDIDATES
from assistant.profile.stats import ColumnStats

# many ties (every value of 'b' once), values that sort differently as bytes and as lower case
_A = ["Zeta", "alpha", "Ñu", "beta", "Beta", "é", "alpha", "Zeta", "x"] * 7 + ["only", "twice", "twice"]
_B = [f"v{i:03d}" for i in range(len(_A))][::-1]


def _expected(values: list[str], top: int) -> list[tuple[str, int]]:
    counts = Counter(v.strip() for v in values)
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:top]


def _con() -> duckdb.DuckDBPyConnection:
    con = duckdb.connect()
    con.execute("CREATE SCHEMA raw")
    con.execute(
        "CREATE TABLE raw.t AS SELECT unnest($1::VARCHAR[]) AS a, unnest($2::VARCHAR[]) AS b", [_A, _B]
    )
    make_sample(con, [(0, "t", ["a", "b"], False)])
    return con


def test_candidates_are_the_most_frequent_values_ties_by_value() -> None:
    con = _con()
    stats = [ColumnStats(name=c, position=i, row_count=len(_A)) for i, c in enumerate("ab")]
    _top_candidates(con, {0: stats})
    for column, values in zip(stats, (_A, _B), strict=True):
        assert column.top == [(v, 0) for v, _n in _expected(values, TOP_CANDIDATES)]


def test_small_tables_top_values_carry_their_counts() -> None:
    con = _con()
    stats = [ColumnStats(name=c, position=i, row_count=len(_A)) for i, c in enumerate("ab")]
    fill_small_tables(con, {0: stats}, 5)
    assert [c.top for c in stats] == [_expected(_A, 5), _expected(_B, 5)]
