"""The folder a new company or custom object field goes in: the object's own, else one made for the run.

HighLevel's custom-fields API (every object but contacts and opportunities) creates a field only
inside a folder of its object (``parentId``). A location whose companies have no custom field yet
has no such folder, so the run creates one, with a ledger row: a rollback deletes it after the
fields in it (HighLevel refuses to delete a folder that still holds fields).
"""

from __future__ import annotations

from typing import Any

import duckdb

from assistant.execute import ledger
from assistant.execute.audit import AuditLog
from assistant.highlevel.client import HighLevelClient
from assistant.highlevel.errors import HighLevelError

FOLDER_OBJECT = "custom_field_folder"
FOLDER_NAME = "Imported fields"


def folder_op(object_key: str) -> ledger.Op:
    return ledger.Op(f"schema:folder:{object_key}", 0, "schema", FOLDER_OBJECT, "", object_key, "")


async def field_folder(
    hl: HighLevelClient,
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    object_key: str,
    listed: dict[str, Any],
    audit: AuditLog,
) -> tuple[str | None, str]:
    """(folder id, "") or (None, why none could be had) for the new fields of ``object_key``."""
    found = next((str(f["id"]) for f in listed.get("folders") or [] if f.get("id")), None)
    if found:
        return found, ""
    op = folder_op(object_key)
    body = {"objectKey": object_key, "name": FOLDER_NAME}
    ledger.start(con, run_id, op, body)
    try:
        result = await hl.records.create_field_folder(object_key, FOLDER_NAME)
    except HighLevelError as exc:
        ledger.failed(con, run_id, op.op_id, str(exc))
        audit.write("error", FOLDER_OBJECT, "", object_key, None, "failed", str(exc))
        return None, f"its object has no field folder and HighLevel refused to create one: {exc}"
    ledger.done(con, run_id, op.op_id, result.id, result.outcome.value)
    audit.write("create", FOLDER_OBJECT, "", object_key, result.id, result.outcome.value)
    return result.id, ""
