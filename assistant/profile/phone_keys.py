"""Phone numbers as duplicates compare them: punctuation and leading zeros dropped, the national part kept.

Normalising every value of a big table is most of the duplicate search's cost, so the SQL is shaped
by what the detectors' sample shows of the column; whatever the sample shows, the keys are the same.
"""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from assistant.profile.sql import SAMPLE_TABLE, is_blank

PUNCTUATION = " ().+/-"  # "-" last: a regex class takes it as itself there
# a value whose last characters are this already ends in its key: nothing to drop, no leading zero
_ENDS_IN_KEY = f"'[1-9][^{PUNCTUATION}]*'"


@dataclass(frozen=True)
class PhoneShape:
    """What the sample shows of a phone column: the punctuation its values use, and whether most of
    them already end in their key (``+34 612345678``, unlike ``(555) 201-0001``)."""

    marks: str = PUNCTUATION
    ends_in_key: bool = False


def national_digits(country: str | None) -> int | None:
    """How many trailing characters are compared, so +34 612… and 612… meet (all, country unknown)."""
    return {"ES": 9, "US": 10}.get(country or "")


def sampled_shapes(
    con: duckdb.DuckDBPyConnection, table_index: int, columns: dict[int, int | None]
) -> dict[int, PhoneShape]:
    """Shapes of the sampled columns at these positions (position → national digits), in one query."""
    marks = ", ".join(f"bool_or(contains(raw, '{mark}'))" for mark in PUNCTUATION)
    parts = [
        f"SELECT {position}, avg(CASE WHEN regexp_full_match({_tail('raw', keep)}, {_ENDS_IN_KEY}) "
        f"THEN 1 ELSE 0 END), {marks} FROM {SAMPLE_TABLE} WHERE t = {table_index} AND col = {position}"
        for position, keep in columns.items()
    ]
    shapes: dict[int, PhoneShape] = {}
    for position, ends_in_key, *seen in con.execute(" UNION ALL ".join(parts)).fetchall():
        used = "".join(mark for mark, present in zip(PUNCTUATION, seen, strict=True) if present)
        shapes[position] = PhoneShape(used, ends_in_key is not None and ends_in_key >= 0.5)
    return shapes


def _tail(col: str, keep: int | None) -> str:
    """The last ``keep`` characters (code points, as ``right`` counts them): ``substr`` with a negative
    start gives the same text for less than ``right`` costs, which counts every value's characters."""
    return f"substr({col}, -{keep})" if keep else col


def phone_keys(col: str, source: str, carried: str, names: str, keep: int | None, shape: PhoneShape) -> str:
    """``SELECT names, n``: the last ``keep`` characters of each value once punctuation and leading
    zeros are dropped (NULL when nothing is left); ``carried`` projects ``names`` but ``n``.

    Marks the sample saw are dropped from every value; a mark it did not see costs a ``contains``
    scan first, not a ``replace`` copy of every value. Where most values already end in their key,
    those values take their last characters and skip the rest.
    """
    tail = _tail(col, keep)
    fast = (
        f"CASE WHEN regexp_full_match({tail}, {_ENDS_IN_KEY}) THEN {tail} END"
        if shape.ends_in_key
        else "NULL"
    )
    query = f"SELECT {carried}{is_blank(col)} AS b, {fast} AS f, {col} AS x FROM {source}"
    for mark in PUNCTUATION:
        needed = ["f IS NULL"] if shape.ends_in_key else []
        if mark not in shape.marks:
            needed.append(f"contains(x, '{mark}')")
        dropped = f"replace(x, '{mark}', '')"
        value = f"CASE WHEN {' AND '.join(needed)} THEN {dropped} ELSE x END" if needed else dropped
        query = f"SELECT {names}, f, {value} AS x FROM ({query})"
    # ltrim() is slow even with nothing to trim: call it only for values starting with a zero
    trimmed = "CASE WHEN starts_with(x, '0') THEN ltrim(x, '0') ELSE x END"
    key = f"nullif({_tail(trimmed, keep)}, '')"
    return f"SELECT {names}, CASE WHEN f IS NULL THEN {key} ELSE f END AS n FROM ({query})"
