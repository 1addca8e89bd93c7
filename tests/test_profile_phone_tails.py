"""The sampled shape reads a value's last national digits counted in characters, never bytes (the
keys themselves are checked on such values in test_profile_phone_keys.py)."""

from __future__ import annotations

import duckdb

from assistant.profile.phone_keys import sampled_shapes
from assistant.profile.sql import SAMPLE_TABLE


def test_the_sampled_shape_reads_the_last_characters() -> None:
    con = duckdb.connect()
    # half of the values end in their key once their last nine characters are read as characters
    ends = ["😀612345678", "ñ612345678", "+34 612345678", "é712345678", "61234567😀"]
    others = ["612 345 678", "(555) 201-0001", "612-345-678", "612 34567😀", "+34 (6) 1234567"]
    con.execute(
        f"CREATE TEMP TABLE {SAMPLE_TABLE} AS SELECT 0 AS t, 0 AS col, unnest(?::VARCHAR[]) AS raw",
        [ends + others],
    )
    assert sampled_shapes(con, 0, {0: 9})[0].ends_in_key
    con.execute(f"DELETE FROM {SAMPLE_TABLE} WHERE raw = ?", [ends[0]])
    assert not sampled_shapes(con, 0, {0: 9})[0].ends_in_key  # four of nine: not most
