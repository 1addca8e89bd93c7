"""JSON and NDJSON files (API dumps, one file per endpoint) into raw tables and child tables."""

from __future__ import annotations

import json
from pathlib import Path
from typing import IO

from assistant.errors import InputError
from assistant.ingest.context import LoadContext, ObjectLoad
from assistant.ingest.encoding import readable_utf8
from assistant.ingest.flatten import DECODER
from assistant.ingest.json_stream import JsonRecords
from assistant.ingest.record_writer import RecordWriter


def load_json(ctx: LoadContext, obj: str) -> ObjectLoad:
    encoding, readable, decoding_notes = readable_utf8(ctx.scan, ctx.settings.encoding, ctx.tmpdir)
    if _is_ndjson(readable):  # a .json file that is really one object per line
        return load_ndjson(ctx, obj)
    writer = RecordWriter(ctx, obj)
    with _open(ctx, readable) as handle:
        records = JsonRecords(handle, ctx.path)
        for index, record in records:
            writer.write(record, index)
    tables = writer.finish()
    notes = decoding_notes + writer.notes
    if records.envelope_keys:
        notes.append(f"envelope keys not loaded: {', '.join(records.envelope_keys)}")
    return ObjectLoad(obj, [ctx.table_result(t) for t in tables], 0, encoding=encoding, notes=notes)


def load_ndjson(ctx: LoadContext, obj: str) -> ObjectLoad:
    """One object per line; a line that is not a JSON object is rejected with its line and column."""
    encoding, readable, decoding_notes = readable_utf8(ctx.scan, ctx.settings.encoding, ctx.tmpdir)
    writer = RecordWriter(ctx, obj)
    rejects = ctx.rejects(obj)
    with _open(ctx, readable) as handle:
        for number, line in enumerate(handle, start=1):
            text = line.strip()
            if not text:
                continue
            try:
                record = DECODER.decode(text)
            except json.JSONDecodeError as exc:
                column = exc.colno + len(line) - len(line.lstrip())
                rejects.add(
                    number, str(column), f"invalid JSON at column {column}: {exc.msg}", line.rstrip("\r\n")
                )
                continue
            if not isinstance(record, dict):
                rejects.add(number, "1", "expected a JSON object on the line", line.rstrip("\r\n"))
                continue
            writer.write(record, number)
    rejects.flush()
    tables = writer.finish()
    return ObjectLoad(
        obj,
        [ctx.table_result(t) for t in tables],
        rejects.count,
        encoding=encoding,
        notes=decoding_notes + writer.notes,
    )


def _open(ctx: LoadContext, readable: Path) -> IO[str]:
    try:
        return readable.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise InputError(f"cannot read file ({exc.strerror})", file=ctx.path) from exc


def _is_ndjson(readable: Path) -> bool:
    with readable.open(encoding="utf-8-sig") as handle:
        first = handle.readline().strip()
        second = ""
        while not second and (line := handle.readline()):
            second = line.strip()
    if not (first.startswith("{") and second.startswith("{")):
        return False
    try:
        DECODER.decode(first)
    except json.JSONDecodeError:
        return False
    return True
