"""Phone keys are the same whatever the sample said of the column's shape: the shape only picks the
cheaper SQL, never another key."""

from __future__ import annotations

import duckdb
import pytest

from assistant.profile.phone_keys import PUNCTUATION, PhoneShape, phone_keys

VALUES = [
    "+34 612 345 678", "0034-612-345-678", "(+34) 612.345.678", "612345678/", "612 34 56 78", "0612345678",
    "612345678 ", "6123", "0006123", "000", "+", "61234567-8", "00 612345678", "tel 612345678",
    "612 345 67٨", "61234567٨", "9 1234 5678\t", "+1 (555) 201-0001", "555.201.0001", "(555) 201-0001",
    "1-555-201-0001", "0 555 201 0001", "5552010001", "612345678", "0", "(0)612345678", "6/12/34/56/78",
]  # fmt: skip
# counted in characters, never bytes: letters outside ASCII, combining marks, values shorter than the key
WIDE = [
    "612345678", "ñ612345678", "€ 612 345 678", "😀612345678", "612345678😀", "6123456é8", "61234567e\u0301",
    "+34 ６12345678", "12345", "ñ", "😀", "e\u0301", "٦١٢٣٤٥٦٧٨", "0😀12345678", "(+34)\u00a0612345678",
]  # fmt: skip
SHAPES = [
    PhoneShape(),  # nothing known: every mark dropped from every value
    PhoneShape(marks="", ends_in_key=True),  # the sample saw no mark: each one checked before dropping
    PhoneShape(marks=" +", ends_in_key=True),  # "+34 612345678": most values end in their key
    PhoneShape(marks=" ()-", ends_in_key=False),  # "(555) 201-0001"
]


def _reference(value: str, keep: int | None) -> str | None:
    digits = "".join(ch for ch in value if ch not in PUNCTUATION).lstrip("0")
    return (digits[-keep:] if keep else digits) or None


@pytest.mark.parametrize("values", [VALUES, WIDE], ids=["ascii", "wide"])
@pytest.mark.parametrize("shape", SHAPES)
@pytest.mark.parametrize("keep", [9, 10, None])
def test_every_shape_gives_the_same_keys(values: list[str], shape: PhoneShape, keep: int | None) -> None:
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE phones AS SELECT unnest(?::VARCHAR[]) AS phone, generate_subscripts(?, 1) AS i",
        [values, values],
    )
    query = phone_keys('"phone"', "phones", "i AS r, ", "r, b", keep, shape)
    keys = dict(con.execute(f"SELECT r, n FROM ({query})").fetchall())
    assert [keys[i + 1] for i in range(len(values))] == [_reference(v, keep) for v in values]
