"""``ingest_paths``: load every source file into raw tables, one transaction per file.

A file whose sha256 equals the last load of its objects is reported unchanged and not re-read.
Otherwise its objects' previous tables and rejects are dropped and rebuilt in the same
transaction, so a failed load leaves the previous data in place.
"""

from __future__ import annotations

import codecs
import csv
import json
import tempfile
import uuid
from pathlib import Path

import duckdb

from assistant.errors import InputError
from assistant.ingest.context import LoadContext, ObjectLoad, describe_table
from assistant.ingest.csv_reader import load_csv
from assistant.ingest.json_reader import load_json, load_ndjson
from assistant.ingest.meta import (
    LoadRecord,
    ensure_meta,
    last_path,
    latest_loads,
    record_load,
    repaired_count,
    replace_object,
)
from assistant.ingest.models import IngestSummary, ObjectResult
from assistant.ingest.scan import FileScan, scan_file
from assistant.ingest.sources import SourceFile, discover
from assistant.workspace import Workspace


def ingest_paths(workspace: Workspace, paths: list[Path], name: str | None = None) -> IngestSummary:
    """Load files and folders; whole-file errors become ``failed`` results, the rest still load.

    ``name`` overrides the raw table name of a single file. Raises InputError before loading
    anything when a path does not exist or is not a source file.
    """
    sources = discover(paths, name)
    ensure_meta(workspace.connect())
    summary = IngestSummary()
    for source in sources:
        summary.results.extend(_ingest_one(workspace, source))
    return summary


def _ingest_one(workspace: Workspace, source: SourceFile) -> list[ObjectResult]:
    path = str(source.path.resolve())
    try:
        scan = scan_file(source.path.resolve(), text=source.format != "xlsx")
        unchanged = _unchanged(workspace, source, scan, path)
        if unchanged:
            return unchanged
        load_id = uuid.uuid4().hex[:16]
        with tempfile.TemporaryDirectory(prefix="hlmap-ingest-") as tmp, workspace.transaction() as con:
            ctx = LoadContext(con, load_id, scan, Path(tmp), workspace.settings.ingest)
            loads = _read(ctx, source)
            results = [_record(ctx, source, load) for load in loads]
        return results
    except InputError as exc:
        return [_failed(source, path, str(exc))]
    except duckdb.Error as exc:  # a parse problem DuckDB could not turn into a reject
        return [_failed(source, path, f"{path}: {_one_line(exc)}")]
    except (csv.Error, UnicodeError, ValueError, OSError) as exc:  # a reader met input it did not expect
        return [
            _failed(source, path, f"{path}: cannot read the file ({type(exc).__name__}: {_one_line(exc)})")
        ]


def _one_line(exc: Exception) -> str:
    return " ".join(str(exc).split())


def _failed(source: SourceFile, path: str, message: str) -> ObjectResult:
    return ObjectResult(object=source.object, path=path, format=source.format, status="failed", error=message)


def _read(ctx: LoadContext, source: SourceFile) -> list[ObjectLoad]:
    # Drop the previous tables first so the new ones can take their names; rollback restores them.
    if source.format == "xlsx":
        return load_xlsx_replacing(ctx, source.object)
    replace_object(ctx.con, source.object)
    reader = {"csv": load_csv, "json": load_json, "ndjson": load_ndjson}[source.format]
    return [reader(ctx, source.object)]


def load_xlsx_replacing(ctx: LoadContext, obj: str) -> list[ObjectLoad]:
    # openpyxl (and the numpy it pulls in) costs about a second to import: only for workbooks
    from assistant.ingest.xlsx_reader import load_xlsx

    for previous in latest_loads(ctx.con, ctx.path):
        replace_object(ctx.con, previous["object"])
    replace_object(ctx.con, obj)
    return load_xlsx(ctx, obj)


def _record(ctx: LoadContext, source: SourceFile, load: ObjectLoad) -> ObjectResult:
    own = load.tables[0]
    previous_path = last_path(ctx.con, load.object)
    if previous_path not in (None, ctx.path):
        load.notes.append(f"replaces raw table {load.object!r} loaded before from {previous_path}")
    record = LoadRecord(
        load_id=ctx.load_id,
        object=load.object,
        path=ctx.path,
        size_bytes=ctx.scan.size_bytes,
        sha256=ctx.scan.sha256,
        row_count=own.rows,
        rejected_count=load.rejected,
        format=source.format,
        encoding=load.encoding,
        delimiter=load.delimiter,
        column_count=own.columns,
        tables=[t.table for t in load.tables],
        notes=load.notes,
    )
    record_load(ctx.con, record)
    return ObjectResult(
        object=load.object,
        path=ctx.path,
        format=source.format,
        status="loaded",
        load_id=ctx.load_id,
        rows=own.rows,
        rejected=load.rejected,
        repaired=load.repaired,
        columns=own.columns,
        encoding=load.encoding,
        delimiter=load.delimiter,
        sha256=ctx.scan.sha256,
        size_bytes=ctx.scan.size_bytes,
        tables=load.tables,
        notes=load.notes,
    )


def _unchanged(workspace: Workspace, source: SourceFile, scan: FileScan, path: str) -> list[ObjectResult]:
    """The previous results when this file, read the same way into the same tables, was loaded."""
    previous = latest_loads(workspace.connect(), path)
    if not previous or any(p["sha256"] != scan.sha256 for p in previous):
        return []
    if not all(workspace.table_exists("raw", p["object"]) for p in previous):
        return []
    if not all(p["object"] == source.object or p["object"].startswith(f"{source.object}_") for p in previous):
        return []  # loaded under another name (--name)
    forced = workspace.settings.ingest
    if forced.encoding and any(p["encoding"] != _codec(forced.encoding) for p in previous):
        return []
    if forced.delimiter and any(p["delimiter"] != forced.delimiter for p in previous):
        return []
    return [
        ObjectResult(
            object=p["object"],
            path=path,
            format=p["format"],
            status="unchanged",
            load_id=p["load_id"],
            rows=p["row_count"],
            rejected=p["rejected_count"],
            repaired=repaired_count(workspace.connect(), p["load_id"], p["object"]),
            columns=p["column_count"],
            encoding=p["encoding"],
            delimiter=p["delimiter"],
            sha256=p["sha256"],
            size_bytes=p["size_bytes"],
            tables=[describe_table(workspace.connect(), t) for t in json.loads(p["tables"])],
        )
        for p in previous
    ]


def _codec(name: str) -> str:
    try:
        return codecs.lookup(name).name
    except LookupError:
        return name
