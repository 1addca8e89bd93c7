"""Documents: uploaded to HighLevel's media library when the file is at hand and at most 25 MB,
otherwise kept as a link; either way a note on the contact names the document and where it is."""

from __future__ import annotations

import mimetypes
from pathlib import Path

import duckdb

from assistant.execute import ledger
from assistant.execute.calls import Call
from assistant.execute.context import RunContext
from assistant.highlevel.errors import HighLevelError
from assistant.highlevel.idempotent import record_id


def local_file(con: duckdb.DuckDBPyConnection, source_object: str, reference: str) -> Path | None:
    """The file a source cell names, if it is a path on this machine (absolute or beside the export)."""
    if "://" in reference:
        return None
    candidate = Path(reference)
    if candidate.is_absolute():
        return candidate if candidate.is_file() else None
    row = (
        con.execute(
            "SELECT path FROM meta.loads WHERE object = ? ORDER BY loaded_at DESC LIMIT 1", [source_object]
        ).fetchone()
        if _has_loads(con)
        else None
    )
    base = Path(str(row[0])).parent if row else Path.cwd()
    found = base / reference
    return found if found.is_file() else None


def _has_loads(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'meta' AND table_name = 'loads'"
    ).fetchone()
    return bool(row and row[0])


async def upload_if_small(ctx: RunContext, call: Call, source_object: str, key: str, max_mb: float) -> None:
    """Upload the note's document when it is local and small enough; the note then links the upload."""
    lines = str(call.body.get("body", "")).split("\n")
    reference = next((line for line in lines[1:] if line.strip()), "")
    path = local_file(ctx.con, source_object, reference.strip()) if reference else None
    if path is None:
        return
    size_mb = path.stat().st_size / 1_048_576
    if size_mb > max_mb:
        call.body["body"] += f"\n(larger than {max_mb:g} MB: kept as a link, not uploaded)"
        return
    op = ledger.Op(f"media:file:{source_object}:{key}", 7, "create", "media", source_object, key, "")
    prior = ledger.current(ctx.con).get(op.op_id)
    ledger.start(ctx.con, ctx.run_id, op, {"name": path.name, "bytes": path.stat().st_size})
    try:
        # a run killed after the upload (before its ledger row or its note) finds the file first
        found = await ctx.hl.files.find_media(path.name) if prior is not None else None
        if found and record_id(found):
            hl_id, outcome, record = record_id(found), "recovered", found
        else:
            kind = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            result = await ctx.hl.files.upload_media(path.name, path.read_bytes(), kind)
            hl_id, outcome, record = result.id, result.outcome.value, result.record
    except HighLevelError as exc:
        ledger.failed(ctx.con, ctx.run_id, op.op_id, str(exc))
        call.body["body"] += f"\n(upload failed: {exc}; kept as a link)"
        return
    ledger.done(ctx.con, ctx.run_id, op.op_id, hl_id, outcome)
    ctx.audit.write("create", "media", source_object, key, hl_id, outcome)
    url = str(record.get("url") or "")
    call.body["body"] = "\n".join([lines[0], url or reference, *lines[2:]])
