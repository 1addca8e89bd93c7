"""``_row`` and ``_load_id``, the bookkeeping columns a raw CSV table ends with, added after the read.

DuckDB's parallel CSV reader keeps the file's order in the table it creates, so numbering the
stored rows in order numbers the records. ``row_number() OVER ()`` in the read would number them
as they stream, on one thread, and hold the parallel reader to it; an UPDATE from the row ids
afterwards makes the commit write every column of the new table again. A column added with a
sequence as its default is filled row by row in stored order and written on its own.
"""

from __future__ import annotations

import duckdb


def add_bookkeeping(con: duckdb.DuckDBPyConnection, table: str, load_id: str) -> None:
    """Append ``_row`` (1, 2, … in stored order) and ``_load_id`` to ``table``, just created."""
    sequence = f"hlmap_rows_{load_id.replace('-', '')}"
    literal = "'" + load_id.replace("'", "''") + "'"
    con.execute(f"CREATE TEMP SEQUENCE {sequence} START 1")
    con.execute(f"ALTER TABLE {table} ADD COLUMN _row BIGINT DEFAULT nextval('{sequence}')")
    # the defaults only fill the rows there are: the table keeps no tie to the sequence
    con.execute(f"ALTER TABLE {table} ALTER COLUMN _row DROP DEFAULT")
    con.execute(f"DROP SEQUENCE {sequence}")
    con.execute(f"ALTER TABLE {table} ADD COLUMN _load_id VARCHAR DEFAULT {literal}")
    con.execute(f"ALTER TABLE {table} ALTER COLUMN _load_id DROP DEFAULT")
