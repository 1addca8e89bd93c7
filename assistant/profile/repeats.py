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

SORTED_MAX_ROWS = 10_000_000  # about 20 bytes a row at most (hashes, the comparison) for one column


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
    con: duckdb.DuckDBPyConnection, hashed: list[str], row_count: int, beside: Beside | None = None
) -> list[KeyCheck]:
    """Per ``hashed`` query (``SELECT h``: each cell's key hashed, NULL where a cell has no key, not
    ``hash(NULL)``, which would be one value shared by every keyless cell), in order; ``beside``, the
    columns' passes side by side (one column's numpy check beside another's query)."""
    if row_count > SORTED_MAX_ROWS:
        return _grouped(con, hashed)
    if beside is None:
        return [_sorted(con, hashes) for hashes in hashed]
    return [job.result() for job in [beside.run(_sorted, hashes) for hashes in hashed]]


def _sorted(con: duckdb.DuckDBPyConnection, hashed: str) -> KeyCheck:
    # keyless cells are not filtered out in SQL: DuckDB would push the filter into the scan and
    # normalise every value twice more
    fetched = con.execute(f"SELECT h FROM ({hashed})").fetchnumpy()["h"]
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
    """Whether two hashes are equal: sorted in place, equal ones sit side by side. numpy sorts
    64-bit integers with vector instructions (a million in 7 ms here), faster than sorting only the
    hashes that share their top bits with another after counting those bits (16 ms)."""
    import numpy as np

    hashes.sort()
    return bool(np.any(hashes[1:] == hashes[:-1]))


def _grouped(con: duckdb.DuckDBPyConnection, hashed: list[str]) -> list[KeyCheck]:
    # one grouping gives both answers: keyless cells fall in the NULL group, which counts no value
    parts = [
        f"SELECT {i} AS k, count(*) FILTER (WHERE n > 1), coalesce(sum(n), 0) "
        f"FROM (SELECT count(h) AS n FROM ({hashes}) GROUP BY h)"
        for i, hashes in enumerate(hashed)
    ]
    rows = sorted(con.execute(" UNION ALL ".join(parts)).fetchall())
    return [KeyCheck(bool(repeats), int(keyed)) for _k, repeats, keyed in rows]
