"""A phone key keeps the last national digits counted in characters, never bytes: letters outside
ASCII, marks that combine with the letter before them, and values shorter than the key all keep the
characters a reader counts."""

from __future__ import annotations

import duckdb
import pytest

from assistant.profile.phone_keys import PUNCTUATION, PhoneShape, phone_keys, sampled_shapes
from assistant.profile.sql import SAMPLE_TABLE

VALUES = [
    "612345678", "ñ612345678", "€ 612 345 678", "😀612345678", "612345678😀", "6123456é8", "61234567e\u0301",
    "+34 ６12345678", "12345", "ñ", "😀", "e\u0301", "٦١٢٣٤٥٦٧٨", "0😀12345678", "(+34)\u00a0612345678",
]  # fmt: skip
SHAPES = [PhoneShape(), PhoneShape(marks=" +", ends_in_key=True), PhoneShape(marks="", ends_in_key=True)]


def _reference(value: str, keep: int | None) -> str | None:
    digits = "".join(ch for ch in value if ch not in PUNCTUATION).lstrip("0")
    return (digits[-keep:] if keep else digits) or None


@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("keep", [9, 10])
def test_keys_keep_the_last_characters_of_any_text(shape: PhoneShape, keep: int) -> None:
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE phones AS SELECT unnest(?::VARCHAR[]) AS phone, generate_subscripts(?, 1) AS i",
        [VALUES, VALUES],
    )
    query = phone_keys('"phone"', "phones", "i AS r, ", "r, b", keep, shape)
    keys = dict(con.execute(f"SELECT r, n FROM ({query})").fetchall())
    assert [keys[i + 1] for i in range(len(VALUES))] == [_reference(v, keep) for v in VALUES]


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
