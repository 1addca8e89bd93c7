"""Writing streamed records (JSON items, spreadsheet rows) into raw tables with bounded memory.

Rows are appended to one temporary NDJSON file per table (parent and each child table) as they
arrive; at the end DuckDB reads each file into its raw table. Keys can appear late in a stream,
so the column list is only known at the end; the temp files use positional keys c0, c1, ...
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO, Any

from assistant.ingest.context import LoadContext
from assistant.ingest.flatten import flatten
from assistant.ingest.naming import quote_ident, unique_columns
from assistant.ingest.table_names import nested_table


class _TempTable:
    def __init__(self, name: str, path: Path) -> None:
        self.name = name
        self.path = path
        self.keys: dict[str, str] = {}  # source key -> positional key in the temp file
        self.handle: IO[str] = path.open("w", encoding="utf-8")
        self.rows = 0

    def write(self, flat: dict[str, str | None], bookkeeping: dict[str, Any]) -> None:
        line: dict[str, Any] = dict(bookkeeping)
        for key, value in flat.items():
            slot = self.keys.setdefault(key, f"c{len(self.keys)}")
            line[slot] = value
        self.handle.write(json.dumps(line, ensure_ascii=False) + "\n")
        self.rows += 1


class RecordWriter:
    """Flattens records for ``root`` and its child tables ``root__field`` and loads them."""

    def __init__(self, ctx: LoadContext, root: str) -> None:
        self._ctx = ctx
        self._root = root
        self._tables: dict[str, _TempTable] = {}
        self.notes: list[str] = []

    def write(self, record: dict[str, Any], row: int) -> None:
        self._write(self._root, record, {"r": row})

    def _write(self, table: str, record: dict[str, Any], bookkeeping: dict[str, Any]) -> None:
        flat, children = flatten(record)
        temp = self._table(table)
        temp.write(flat, bookkeeping)
        parent_key = flat.get("id")
        for field, items in children:
            child = self._table(nested_table(table, field))
            for index, item in enumerate(items, start=1):
                self._write(
                    child.name,
                    item,
                    {"r": child.rows + 1, "pr": bookkeeping["r"], "pk": parent_key, "ix": index},
                )

    def _table(self, name: str) -> _TempTable:
        if name not in self._tables:
            path = self._ctx.tmpdir / f"part{len(self._tables)}.ndjson"
            self._tables[name] = _TempTable(name, path)
        return self._tables[name]

    def finish(self) -> list[str]:
        """Create every raw table (root first, even when no record arrived) and return their names."""
        self._table(self._root)
        for temp in self._tables.values():
            temp.handle.close()
            self._load(temp)
        return list(self._tables)

    def _load(self, temp: _TempTable) -> None:
        columns = unique_columns(list(temp.keys))
        is_child = temp.name != self._root
        self.notes.extend(f"{temp.name}: {note}" if is_child else note for note in columns.renamed)
        book = (
            {"r": "BIGINT", "pr": "BIGINT", "pk": "VARCHAR", "ix": "BIGINT"} if is_child else {"r": "BIGINT"}
        )
        spec = {**{slot: "VARCHAR" for slot in temp.keys.values()}, **book}
        selected = [
            f"{slot} AS {quote_ident(name)}"
            for slot, name in zip(temp.keys.values(), columns.names, strict=True)
        ]
        selected.append("r AS _row")
        if is_child:
            selected += ["pr AS _parent_row", "pk AS _parent_key", "ix AS _index"]
        selected.append(f"'{self._ctx.load_id}' AS _load_id")
        spec_sql = "{" + ", ".join(f"'{k}': '{v}'" for k, v in spec.items()) + "}"
        path_sql = "'" + str(temp.path).replace("'", "''") + "'"
        self._ctx.con.execute(
            f"""CREATE TABLE raw.{quote_ident(temp.name)} AS SELECT {", ".join(selected)}
                FROM read_json({path_sql}, format='newline_delimited', columns={spec_sql})"""
        )
