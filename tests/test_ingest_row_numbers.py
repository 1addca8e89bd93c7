"""``_row`` on a file DuckDB reads in parallel: still the data record number, in file order.

DuckDB splits a file of more than a few megabytes between its threads; the rows keep the file's
order in the table, and ``_row`` is numbered from that order after the read. A file large enough
for several parallel pieces, with rejects, blank rows and empty lines scattered through it,
checks every row against the record number written into its own ``id`` field.
"""

from __future__ import annotations

from pathlib import Path

from assistant.ingest import ingest_paths
from assistant.workspace import Workspace

RECORDS = 400_000
"""About 20 MB: more than two of the pieces DuckDB hands its threads."""


def _write(path: Path) -> tuple[int, int, int]:
    """Rows whose id is their data record number; the numbers of blank rows, bad rows and empty
    lines written among them."""
    lines = ["id,name,note"]
    blank = bad = empty = 0
    for record in range(1, RECORDS + 1):
        if record % 49_999 == 0:
            lines.append(",,")  # a record of empty fields: counted, moved to the rejects
            blank += 1
        elif record % 70_001 == 0:
            lines.append(f"{record},too,many,fields,here")  # rejected, or read back (meta.repairs)
            bad += 1
        else:
            lines.append(f"{record},name number {record:07d},a note long enough to fill the file")
        if record % 90_001 == 0:
            lines.append("")  # not a record: kept as a reject, not numbered
            empty += 1
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return blank, bad, empty


def test_row_numbers_follow_the_file_when_duckdb_reads_it_in_parallel(tmp_path: Path) -> None:
    src = tmp_path / "people.csv"
    blank, bad, empty = _write(src)
    assert src.stat().st_size > 16 * 1024 * 1024
    ws = Workspace(tmp_path / "ws").ensure()
    result = ingest_paths(ws, [src]).by_object("people")
    con = ws.connect()
    count, wrong, first, last = con.execute(
        "SELECT count(*), count(*) FILTER (WHERE _row <> id::BIGINT), min(_row), max(_row) FROM raw.people"
    ).fetchone() or (0, 0, 0, 0)
    rejects = con.execute("SELECT count(*) FROM meta.rejects WHERE object = 'people'").fetchone()
    repairs = con.execute("SELECT count(*) FROM meta.repairs WHERE object = 'people'").fetchone()
    assert wrong == 0
    assert (first, last) == (1, RECORDS)
    assert count == result.rows == RECORDS - blank - bad + (repairs[0] if repairs else 0)
    assert result.rejected == (rejects[0] if rejects else 0) == blank + bad + empty - result.repaired
