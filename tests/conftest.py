"""Test-wide isolation: the memory of confirmed maps is a user-wide file (``~/.config/hlmap``), so
tests neither read nor write it unless they point ``memory.path`` somewhere of their own; and the
output width is the runner's business, not the tests': a parallel worker inherits ``COLUMNS=80``,
which would fold the lines the command line leaves whole in a pipe."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    import duckdb

os.environ.setdefault("HLMAP_MEMORY__ENABLED", "false")
for _name in ("COLUMNS", "LINES"):
    os.environ.pop(_name, None)


@pytest.fixture()
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    """A DuckDB connection with the executor's functions and its ``exec`` schema, for map-table tests."""
    import duckdb  # after the environment above is set: the product reads it on import

    from assistant.transforms import udfs

    connection = duckdb.connect()
    udfs.register(connection)
    connection.execute("CREATE SCHEMA exec")
    yield connection
    connection.close()
