"""Custom object schemas a confirmed map writes to: created with the agency token when missing.

``POST /objects/`` accepts only an agency-level token, and a schema can never be deleted, so it is
created only when the run needs it, counted against HighLevel's cap of custom objects per location
first, and ledgered (a rollback leaves it and says so).
"""

from __future__ import annotations

from typing import Any

import duckdb

from assistant.execute import ledger
from assistant.execute.audit import AuditLog
from assistant.highlevel.agency import AgencyClient
from assistant.highlevel.client import HighLevelClient
from assistant.highlevel.errors import HighLevelError
from assistant.highlevel.state import DestinationState

# HighLevel's help centre (Custom Objects, October 2025): every plan gets 10 per location.
MAX_CUSTOM_OBJECTS = 10
SCHEMA_OBJECT = "custom_object_schema"


def labels_of(key: str) -> dict[str, str]:
    """``custom_objects.work_order`` → Work Order / Work Orders."""
    singular = key.removeprefix("custom_objects.").replace("_", " ").strip().title() or key
    plural = singular + ("es" if singular.endswith(("s", "x", "ch", "sh")) else "s")
    return {"singular": singular, "plural": plural}


def schema_body(key: str, location_id: str) -> dict[str, Any]:
    return {
        "labels": labels_of(key),
        "key": key,
        "locationId": location_id,
        # Every record shows a name: the map's own ``<key>.name`` field, when it has one, is this one.
        "primaryDisplayPropertyDetails": {"key": f"{key}.name", "name": "Name", "dataType": "TEXT"},
    }


def cap_problem(existing_custom: int, missing: list[str]) -> str | None:
    """The refusal when creating ``missing`` would pass HighLevel's cap, else None."""
    if existing_custom + len(missing) <= MAX_CUSTOM_OBJECTS:
        return None
    return (
        f"custom objects: the location has {existing_custom} and the map needs {len(missing)} more "
        f"({', '.join(missing)}); HighLevel allows {MAX_CUSTOM_OBJECTS} per location"
    )


def schema_op(key: str) -> ledger.Op:
    return ledger.Op(f"schema:object:{key}", 0, "schema", SCHEMA_OBJECT, "", key, "")


async def ensure_object_schemas(
    hl: HighLevelClient,
    agency: AgencyClient | None,
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    keys: list[str],
    audit: AuditLog,
) -> list[str]:
    """Create the missing schemas of ``keys``; answers the problems the admin must solve."""
    if not keys:
        return []
    schemas = await hl.records.object_schemas()
    have = {str(o.get("key")) for o in schemas}
    missing = [key for key in keys if key not in have]
    if not missing:
        return []
    if agency is None:
        return [
            f"custom object schema {key} does not exist: create it in HighLevel, or give an agency "
            "token (HIGHLEVEL_AGENCY_TOKEN or keyring hlmap/agency) so apply creates it"
            for key in missing
        ]
    refusal = cap_problem(sum(1 for o in schemas if not o.get("standard")), missing)
    if refusal:
        return [refusal]
    problems: list[str] = []
    for key in missing:
        op, body = schema_op(key), schema_body(key, hl.location_id)
        ledger.start(con, run_id, op, body)
        try:
            created = await agency.create_object_schema(body)
        except HighLevelError as exc:
            ledger.failed(con, run_id, op.op_id, str(exc))
            audit.write("error", SCHEMA_OBJECT, "", key, None, "failed", str(exc))
            problems.append(f"custom object schema {key}: {exc}")
            continue
        schema_id = str(created.get("id") or key)
        ledger.done(con, run_id, op.op_id, schema_id, "created")
        audit.write("create", SCHEMA_OBJECT, "", key, schema_id, "created")
    return problems


def plan_line(keys: list[str], dest: DestinationState | None, records: int) -> str:
    """The plan's custom object line: what exists, what apply creates, and HighLevel's cap."""
    line = f"Custom objects: {len(keys)} ({', '.join(keys)}) with {records} records"
    if dest is None:
        return (
            f"{line}; destination not pulled: check the schemas exist (HighLevel allows {MAX_CUSTOM_OBJECTS})"
        )
    existing = {o.key for o in dest.customObjects}
    missing = [key for key in keys if key not in existing]
    refusal = cap_problem(len(existing), missing)
    if refusal:
        return f"{line}; OVER HIGHLEVEL'S CAP, apply will not create them: {refusal}"
    used = f"{len(existing) + len(missing)} of HighLevel's {MAX_CUSTOM_OBJECTS} per location"
    if missing:
        return f"{line}; apply creates {', '.join(missing)} with the agency token ({used})"
    return f"{line}; every schema exists ({used})"
