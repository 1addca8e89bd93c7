"""Records sharing an email or phone number once case, spaces and punctuation are ignored.

The detectors' sample answers first: a value repeated there is repeated in the table, and a
table sampled whole has no other values. Only big tables' columns without a repeat in the
sample need the pass over every value that proves them free of duplicates.
"""

from __future__ import annotations

from concurrent.futures import Future
from dataclasses import dataclass, field

import duckdb

from assistant.profile.beside import Beside
from assistant.profile.models import ColumnProfile, DuplicateGroup, SemanticType, TableProfile
from assistant.profile.phone_keys import PhoneShape, national_digits, phone_keys, sampled_shapes
from assistant.profile.repeats import check_keys
from assistant.profile.sql import SAMPLE_TABLE, is_blank, quote_ident

MAX_GROUPS_PER_COLUMN = 500
MIN_UNIQUE_SHARE = 0.8  # enough to show the problem; the full list is one SQL query away
_COMPARED = (SemanticType.EMAIL, SemanticType.PHONE)


@dataclass(frozen=True)
class SampledTable:
    """Where a table's values are in the sample table: its number, and whether all rows are."""

    index: int
    whole: bool


def _keys(column: ColumnProfile, col: str, source: str, shape: PhoneShape, carry: str = "") -> str:
    """``SELECT [r,] b, n``: per row of ``source``, whether ``col`` is blank (``b``, whitespace only, as
    the profile counts it) and its value as duplicates are compared (``n``, NULL when nothing is left).

    ``carry`` (an SQL expression) comes along as ``r``. Blankness is worked out beside the normalised
    value, not around it: wrapped in a CASE, DuckDB would compute the normalisation three times.
    """
    carried = f"{carry} AS r, " if carry else ""
    names = "r, b" if carry else "b"
    if column.semantic_type is SemanticType.EMAIL:
        # trim only the few values that need it: trimming every value costs more than grouping them
        email = f"lower(CASE WHEN {col} LIKE ' %' OR {col} LIKE '% ' THEN trim({col}) ELSE {col} END)"
        return f"SELECT {carried}{is_blank(col)} AS b, nullif({email}, '') AS n FROM {source}"
    if column.semantic_type is SemanticType.PHONE:
        return phone_keys(col, source, carried, names, national_digits(column.country), shape)
    raise ValueError(f"{column.column} holds neither emails nor phone numbers")


def _compared(column: ColumnProfile, col: str, source: str, shape: PhoneShape = PhoneShape()) -> str:
    """``SELECT v``: each normalised value of ``col`` in ``source``, NULL for blank cells and for
    values with nothing left: neither is shared."""
    return f"SELECT CASE WHEN b THEN NULL ELSE n END AS v FROM ({_keys(column, col, source, shape)})"


def _hashed(column: ColumnProfile, col: str, source: str, shape: PhoneShape) -> str:
    """``SELECT h``: the hash of each cell's value as ``_compared`` gives it, NULL where that is NULL.

    An e-mail's hash is taken in each branch of one CASE rather than of a CASE choosing between the
    trimmed and the stored text: DuckDB copies the text a CASE passes on, which costs a column's
    check a sixth more. Only blank cells have no key there: trimming spaces leaves some text of any
    other cell, so ``_compared``'s empty-key NULL never falls on one.
    """
    if column.semantic_type is not SemanticType.EMAIL:
        keys = _keys(column, col, source, shape)
        return f"SELECT CASE WHEN b OR n IS NULL THEN NULL ELSE hash(n) END AS h FROM ({keys})"
    padded = f"{col} LIKE ' %' OR {col} LIKE '% '"
    return (
        f"SELECT CASE WHEN {col} IS NULL OR {is_blank(col)} THEN NULL WHEN {padded} "
        f"THEN hash(lower(trim({col}))) ELSE hash(lower({col})) END AS h FROM {source}"
    )


def _candidates(profile: TableProfile) -> list[ColumnProfile]:
    # columns where values mostly repeat (an owner's email on every deal) name people, not records
    return [
        column
        for column in profile.columns
        if column.semantic_type in _COMPARED and column.unique_share >= MIN_UNIQUE_SHARE
    ]


def _repeated_in_sample(
    con: duckdb.DuckDBPyConnection, sample: SampledTable, columns: list[ColumnProfile]
) -> set[int]:
    """Positions in ``columns`` of those with a normalised value on two sampled rows."""
    parts = [
        f"SELECT {k} AS k, count(*) AS n FROM (SELECT 1 FROM ("
        f"{_compared(c, 'raw', f'{SAMPLE_TABLE} WHERE t = {sample.index} AND col = {c.position}')}"
        ") GROUP BY v HAVING count(v) > 1)"
        for k, c in enumerate(columns)
    ]
    return {k for k, n in con.execute(" UNION ALL ".join(parts)).fetchall() if n}


def _groups(
    con: duckdb.DuckDBPyConnection, table: str, column: ColumnProfile, row_column: str, shape: PhoneShape
) -> list[tuple[str, list[int]]]:
    """The most repeated values by count alone, then row lists for those few values only.

    Each row's key is worked out once and kept for both steps: normalising every value, not
    grouping or reading the kept keys, is what the search costs (a phone column's most of all).
    """
    keys = _keys(column, quote_ident(column.column), table, shape, row_column)
    rows = con.execute(
        f"WITH keys AS MATERIALIZED ({keys}), "
        f"top AS (SELECT v FROM (SELECT CASE WHEN b THEN NULL ELSE n END AS v FROM keys) "
        f"GROUP BY v HAVING count(v) > 1 ORDER BY count(v) DESC, v LIMIT {MAX_GROUPS_PER_COLUMN}) "
        "SELECT n AS v, list(r ORDER BY r) FROM keys WHERE n IN (SELECT v FROM top) "
        "GROUP BY n ORDER BY count(*) DESC, n"
    ).fetchall()
    return [(v, [int(r) for r in rs]) for v, rs in rows]


@dataclass
class DuplicateSearch:
    """Groups of rows sharing a value, and the columns the search proved to hold no value twice.

    The proof is in when the search returns; the groups may still be looked for beside it, and
    ``groups`` waits for them, so what needs only the proof goes first.
    """

    found: list[tuple[str, Future[list[tuple[str, list[int]]]]]] = field(default_factory=list)
    all_different: frozenset[str] = frozenset()
    table: str = ""

    @property
    def groups(self) -> list[DuplicateGroup]:
        return [
            DuplicateGroup(table=self.table, column=column, value=v, row_numbers=rows)
            for column, job in self.found
            for v, rows in job.result()
        ]


def find_duplicates(
    con: duckdb.DuckDBPyConnection,
    profile: TableProfile,
    row_column: str,
    sample: SampledTable | None = None,
) -> list[DuplicateGroup]:
    """Groups of rows sharing a value, per email/phone column; ``sample`` where its values are."""
    return search_duplicates(con, profile, row_column, sample).groups


def search_duplicates(
    con: duckdb.DuckDBPyConnection,
    profile: TableProfile,
    row_column: str,
    sample: SampledTable | None = None,
    beside: Beside | None = None,
) -> DuplicateSearch:
    """``find_duplicates``, also naming the columns whose whole-column pass proved every cell different.

    Equal cells have equal keys, so where every non-blank cell has a key (every email does; a phone
    cell of punctuation only does not) and no key repeats, no cell repeats: a primary-key check
    need not count that column's distinct values again. With ``beside``, the passes over whole
    columns run there, each column's beside the others'.
    """
    candidates = _candidates(profile)
    if not candidates:
        return DuplicateSearch()
    table = f"raw.{quote_ident(profile.table)}"
    repeated = _repeated_in_sample(con, sample, candidates) if sample else set()
    shapes = _shapes(con, sample, candidates)
    side = beside or Beside(con, workers=0)

    def search(k: int) -> Future[list[tuple[str, list[int]]]]:
        return side.run(_groups, table, candidates[k], row_column, shapes[k])

    # the groups of columns the sample shows repeated are looked for while the others are checked
    found = {k: search(k) for k in repeated}
    unsure = [k for k in range(len(candidates)) if k not in repeated]
    proven: set[str] = set()
    if unsure and not (sample and sample.whole):
        hashed = [_hashed(candidates[k], quote_ident(candidates[k].column), table, shapes[k]) for k in unsure]
        for k, check in zip(unsure, check_keys(con, hashed, profile.row_count, beside), strict=True):
            if check.repeated:
                found[k] = search(k)
            elif check.keyed == candidates[k].row_count - candidates[k].null_count:
                # every non-blank cell has a key and no key repeats: no two cells are equal either
                proven.add(candidates[k].column)
    ordered = [(candidates[k].column, found[k]) for k in sorted(found)]
    return DuplicateSearch(ordered, frozenset(proven), profile.table)


def _shapes(
    con: duckdb.DuckDBPyConnection, sample: SampledTable | None, candidates: list[ColumnProfile]
) -> list[PhoneShape]:
    """Per candidate, what the sample shows of its phone numbers; nothing is assumed without a sample
    or for a table sampled whole (its few rows cost less than the query asking)."""
    phones = {
        c.position: national_digits(c.country) for c in candidates if c.semantic_type is SemanticType.PHONE
    }
    seen = sampled_shapes(con, sample.index, phones) if sample and not sample.whole and phones else {}
    return [seen.get(c.position, PhoneShape()) for c in candidates]
