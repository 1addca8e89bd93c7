"""The whole-column key check hashes each cell's key as the duplicate search compares it: the same hash
for every cell, NULL for the same cells (blank ones, and phones with nothing left), odd cells included."""

from __future__ import annotations

import duckdb
import pytest

from assistant.profile.duplicates import _compared, _hashed
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.profile.phone_keys import PhoneShape

_EMAILS = [
    None, "", "   ", "\t", " \t\r\n", "a@b.com", "A@B.com", " a@b.com", "a@b.com ", "  A@b.COM  ",
    "\ta@b.com", "a@b.com\t", "\x01a@b.com", "ä@ö.de", "Ä@Ö.DE ", "x y@z.org", " x",
]  # fmt: skip
_PHONES = [
    None, "", "  ", "+34 612 345 678", "612345678", "0034612345678", "(555) 201-0001", "555.201.0001",
    "+1 555 201 0001", "000", "+", "()-", " 612345678 ", "6 1 2 3 4 5 6 7 8", "0612345678", "ext. 12",
]  # fmt: skip


def _column(kind: SemanticType, country: str | None = None) -> ColumnProfile:
    return ColumnProfile(table="t", column="v", position=0, semantic_type=kind, country=country)


@pytest.mark.parametrize(
    ("column", "values", "shape"),
    [
        (_column(SemanticType.EMAIL), _EMAILS, PhoneShape()),
        (_column(SemanticType.PHONE, "ES"), _PHONES, PhoneShape()),
        (_column(SemanticType.PHONE, "ES"), _PHONES, PhoneShape(marks=" +", ends_in_key=True)),
        (_column(SemanticType.PHONE), _PHONES, PhoneShape(marks=" ().-", ends_in_key=False)),
    ],
)
def test_each_cell_hashes_as_its_compared_key(
    column: ColumnProfile, values: list[str | None], shape: PhoneShape
) -> None:
    con = duckdb.connect()
    con.execute(
        "CREATE TABLE cells AS SELECT unnest($1::VARCHAR[]) AS v, generate_subscripts($1, 1) AS i", [values]
    )
    # the same rows in the same order: one query numbers them, the other reads them in that order
    source = "(SELECT * FROM cells ORDER BY i)"
    keys = _compared(column, "v", source, shape)
    compared = con.execute(f"SELECT CASE WHEN v IS NULL THEN NULL ELSE hash(v) END FROM ({keys})").fetchall()
    hashed = con.execute(f"SELECT h FROM ({_hashed(column, 'v', source, shape)})").fetchall()
    assert hashed == compared
    assert any(h is None for (h,) in hashed) and any(h is not None for (h,) in hashed)
