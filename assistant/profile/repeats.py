"""Whether any key of a column repeats, proved over every value of a big table.

Each column's keys come back as 64-bit hashes in one array: equal keys have equal hashes, so an
array without two equal hashes proves the column free of repeats. Checking a million integers in
numpy costs a fraction of what grouping them in DuckDB costs; a hash collision only costs the
exact search, which then finds no group. Past ``SORTED_MAX_ROWS``
the arrays would outgrow memory, so DuckDB groups the hashes instead (it can spill to disk).
numpy is imported in a thread while the sample is drawn (``import_numpy_beside``), not with the
profile: its tenth of a second then uses the core the sample leaves idle instead of coming before
every query.
"""

from __future__ import annotations

import importlib
import threading
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import duckdb

from assistant.profile.beside import Beside

if TYPE_CHECKING:
    import numpy as np

SORTED_MAX_ROWS = 10_000_000  # about 40 bytes a row at most (hashes, buckets, counts) for one column
MAX_BUCKET_BITS = 24
HALVES_MIN = 200_000  # from here on, sorting halves beats sorting whole hashes
HALF_TABLE_BITS = 20  # a one-megabyte table of which halves repeat


def import_numpy_beside() -> None:
    """Start importing numpy in a thread (the key checks of a big table need it later); an import
    that is under way makes a later ``import numpy`` wait for it, not import it twice."""
    threading.Thread(target=importlib.import_module, args=("numpy",), name="numpy import").start()


@dataclass(frozen=True)
class KeyCheck:
    """One column's answer: whether a key repeats, and how many of its cells have a key."""

    repeated: bool
    keyed: int


def check_keys(
    con: duckdb.DuckDBPyConnection, compared: list[str], row_count: int, beside: Beside | None = None
) -> list[KeyCheck]:
    """Per ``compared`` query (``SELECT v``, NULL where a cell has no key), in order; ``beside``, the
    columns' passes side by side (one column's numpy check beside another's query)."""
    if row_count > SORTED_MAX_ROWS:
        return _grouped(con, compared)
    if beside is None:
        return [_sorted(con, values) for values in compared]
    return [job.result() for job in [beside.run(_sorted, values) for values in compared]]


def _sorted(con: duckdb.DuckDBPyConnection, values: str) -> KeyCheck:
    # NULL stays NULL (hash(NULL) would be one value shared by every keyless cell). Not filtered out
    # in SQL: DuckDB would push the filter into the scan and normalise every value twice more.
    fetched = con.execute(
        f"SELECT CASE WHEN v IS NULL THEN NULL ELSE hash(v) END AS h FROM ({values})"
    ).fetchnumpy()["h"]
    hashes = _keyed(fetched)
    return KeyCheck(_any_equal(hashes), int(hashes.size))


def _keyed(fetched: Any) -> np.ndarray[Any, np.dtype[np.uint64]]:
    """The hashes of keyed cells: a column without NULLs comes back whole, where selecting through
    an all-false mask would copy every hash.

    DuckDB returns a masked array only when some cell is NULL, and imports ``numpy.ma`` for it; a
    plain array is used without asking ``numpy.ma`` about it, which would import it (tens of
    milliseconds where Python keeps no bytecode) for nothing.
    """
    import numpy as np

    if type(fetched) is np.ndarray:
        return np.asarray(fetched, dtype=np.uint64)
    mask = np.ma.getmaskarray(fetched)
    data = np.asarray(np.ma.getdata(fetched), dtype=np.uint64)
    if not mask.any():
        return data
    return data[~mask]


def _any_equal(hashes: np.ndarray[Any, np.dtype[np.uint64]]) -> bool:
    """Whether two hashes are equal. Equal hashes share their top bits, so only hashes sharing them
    with another are compared: with two to four buckets a hash, about a third of them. Past
    ``HALVES_MIN`` of those, sorting their halves costs less than sorting them."""
    import numpy as np

    bits = min(MAX_BUCKET_BITS, max(8, (2 * hashes.size).bit_length()))
    # the shifted hashes fit an int64 as they are (a view, not a copy), and the buckets are looked up
    # in a table of one byte each (which ones hold two hashes or more), not in the counts: a fraction
    # of the memory, which a million hashes would otherwise first touch several times over
    buckets = (hashes >> np.uint64(64 - bits)).view(np.int64)
    crowded = hashes[(np.bincount(buckets, minlength=1 << bits) > 1)[buckets]]
    if crowded.size > HALVES_MIN:
        return _any_equal_by_halves(crowded)
    crowded.sort()
    return bool(np.any(crowded[1:] == crowded[:-1]))


def _any_equal_by_halves(hashes: np.ndarray[Any, np.dtype[np.uint64]]) -> bool:
    """Equal hashes share their top half: sorting the 32-bit halves costs less than sorting the whole
    hashes (or counting millions of buckets, whose counts outgrow the cache), and whole hashes are
    compared only where a half repeats, which among a million random ones happens about a hundred
    times. Those are found again through a table of their halves' low bits."""
    import numpy as np

    halves = (hashes >> np.uint64(32)).astype(np.uint32)
    ordered = np.sort(halves)
    shared = ordered[1:][ordered[1:] == ordered[:-1]]
    if shared.size == 0:
        return False
    low = np.uint32((1 << HALF_TABLE_BITS) - 1)
    marked = np.zeros(1 << HALF_TABLE_BITS, dtype=bool)
    marked[shared & low] = True
    near = hashes[marked[halves & low]]
    near.sort()
    return bool(np.any(near[1:] == near[:-1]))


def _grouped(con: duckdb.DuckDBPyConnection, compared: list[str]) -> list[KeyCheck]:
    # one grouping gives both answers: keyless cells fall in the NULL group, which counts no value
    parts = [
        f"SELECT {i} AS k, count(*) FILTER (WHERE n > 1), coalesce(sum(n), 0) "
        f"FROM (SELECT count(v) AS n FROM ({values}) GROUP BY hash(v))"
        for i, values in enumerate(compared)
    ]
    rows = sorted(con.execute(" UNION ALL ".join(parts)).fetchall())
    return [KeyCheck(bool(repeats), int(keyed)) for _k, repeats, keyed in rows]
