"""The whole-column key check reads DuckDB's hashes as they come: a plain array when no cell is
NULL (without loading ``numpy.ma``), a masked one otherwise, keyless cells left out."""

from __future__ import annotations

import subprocess
import sys

import duckdb

from assistant.profile.repeats import check_keys

_NO_NULLS = "SELECT hash('user' || i || '@example.com') AS h FROM range(1000) t(i)"
_CHECK_IN_FRESH_PROCESS = f"""
import sys
import duckdb
from assistant.profile.repeats import check_keys
(check,) = check_keys(duckdb.connect(), [{_NO_NULLS!r}], 1000)
print(check.repeated, check.keyed, "numpy.ma" in sys.modules)
"""


def test_a_column_without_keyless_cells_is_checked_without_loading_numpy_ma() -> None:
    done = subprocess.run(
        [sys.executable, "-c", _CHECK_IN_FRESH_PROCESS], capture_output=True, text=True, check=True
    )
    assert done.stdout.split() == ["False", "1000", "False"]


def test_keyless_cells_are_left_out_and_repeats_found_among_the_rest() -> None:
    con = duckdb.connect()
    every_third_keyless = (
        "SELECT CASE WHEN i % 3 = 0 THEN NULL ELSE hash('k' || i) END AS h FROM range(900) t(i)"
    )
    one_repeat = (
        "SELECT CASE WHEN i % 3 = 0 THEN NULL ELSE hash('k' || least(i, 898)) END AS h FROM range(900) t(i)"
    )
    different, repeated = check_keys(con, [every_third_keyless, one_repeat], 900)
    assert (different.repeated, different.keyed) == (False, 600)
    assert (repeated.repeated, repeated.keyed) == (True, 600)


def test_a_column_without_keyless_cells_keeps_every_key_and_finds_a_repeat() -> None:
    one_repeat = "SELECT hash('k' || (i % 999)) AS h FROM range(1000) t(i)"
    different, repeated = check_keys(duckdb.connect(), [_NO_NULLS, one_repeat], 1000)
    assert (different.repeated, different.keyed) == (False, 1000)
    assert (repeated.repeated, repeated.keyed) == (True, 1000)
