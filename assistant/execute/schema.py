"""Pass 0: the schema records need before they load — custom fields and tags.

Existing destination fields and tags are reused (never recreated, never deleted by a rollback);
new ones are created once, with a ledger row each so a rollback can remove exactly those.
Custom object schemas come first (their fields need them): created with the agency token when
one is given (``object_schemas``), else reported as a setup step for the admin.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import duckdb

from assistant.execute import ledger
from assistant.execute.audit import AuditLog
from assistant.execute.calls import Ids
from assistant.execute.field_folders import field_folder
from assistant.execute.object_schemas import ensure_object_schemas
from assistant.highlevel.agency import AgencyClient
from assistant.highlevel.client import HighLevelClient
from assistant.highlevel.errors import HighLevelError
from assistant.mapping.items import CustomFieldSpec, MappingDocument
from assistant.mapping.models import FieldModel
from assistant.transforms.kinds import option_key


@dataclass
class SchemaWork:
    fields: list[CustomFieldSpec] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    object_keys: list[str] = field(default_factory=list)


def schema_work(con: duckdb.DuckDBPyConnection, doc: MappingDocument) -> SchemaWork:
    """Every custom field the confirmed map writes and every tag the compiled records carry."""
    seen: dict[str, CustomFieldSpec] = {}
    as_notes = {  # a document's values written as a note need no contact field
        (om.source_object, t.object) for om in doc.objects for t in om.targets if t.role == "document_note"
    }
    for fm in doc.fields:
        spec = fm.target.custom_field
        if (fm.source_object, fm.target.object) in as_notes:
            continue
        if fm.confirmed and spec is not None and spec.field_key not in seen:
            seen[spec.field_key] = spec
    rows = con.execute(
        """SELECT DISTINCT t FROM (SELECT unnest(CAST(json_extract("values", '$.tags') AS VARCHAR[])) AS t
        FROM exec.records WHERE json_extract("values", '$.tags') IS NOT NULL)
        WHERE t IS NOT NULL ORDER BY t"""
    ).fetchall()
    keys = sorted(
        {t.custom_object_key for o in doc.objects if o.confirmed for t in o.targets if t.custom_object_key}
    )
    return SchemaWork(list(seen.values()), [r[0] for r in rows], keys)


def field_op(spec: CustomFieldSpec) -> ledger.Op:
    return ledger.Op(
        f"schema:field:{spec.field_key}", 0, "schema", "custom_field", "", spec.field_key, spec.data_type
    )


def tag_op(name: str) -> ledger.Op:
    return ledger.Op(f"schema:tag:{name.lower()}", 0, "schema", "tag", "", name, "")


LOCATION_MODELS = (FieldModel.CONTACT, FieldModel.OPPORTUNITY)  # the locations API; others: custom-fields API


def _object_key(spec: CustomFieldSpec) -> str:
    return "business" if spec.model == FieldModel.COMPANY else spec.field_key.rsplit(".", 1)[0]


def _scope_of(object_key: str) -> str:
    """Where a field's name is unique: companies share one model, each custom object is its own."""
    return "company" if object_key == "business" else object_key


def _spec_scope(spec: CustomFieldSpec) -> str:
    return spec.model.value if spec.model in LOCATION_MODELS else _scope_of(_object_key(spec))


def field_body(spec: CustomFieldSpec) -> dict[str, Any]:
    if spec.model in LOCATION_MODELS:
        return {"name": spec.name, "dataType": spec.data_type.value, "model": spec.model.value}
    body: dict[str, Any] = {"name": spec.name, "dataType": spec.data_type.value, "fieldKey": spec.field_key}
    body["objectKey"] = _object_key(spec)
    if spec.options:
        body["options"] = [{"key": option_key(o), "label": o} for o in spec.options]
    return body


async def apply_schema(
    hl: HighLevelClient,
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    work: SchemaWork,
    ids: Ids,
    audit: AuditLog,
    agency: AgencyClient | None = None,
) -> list[str]:
    """Create what is missing; fill ``ids.fields``. Answers the problems the admin must solve."""
    problems = await ensure_object_schemas(hl, agency, con, run_id, work.object_keys, audit)
    existing = {f.get("fieldKey"): f for f in await hl.location.custom_fields()}
    # A field's name is unique within its object only: two custom objects may each hold a "Source ID".
    by_name = {(f.get("name"), f.get("model")): f for f in existing.values()}
    listings: dict[str, dict[str, Any]] = {}  # object key -> its fields and folders
    folders: dict[str, tuple[str | None, str]] = {}  # object key -> (folder for its new fields, why none)
    for key in sorted({_object_key(s) for s in work.fields if s.model not in LOCATION_MODELS}):
        listed = await hl.records.object_fields(key)
        for f in listed.get("fields") or []:
            existing[f.get("fieldKey")] = f
            by_name[(f.get("name"), _scope_of(key))] = f
        listings[key] = listed
    known = ledger.current(con)
    for spec in work.fields:
        op = field_op(spec)
        prior = known.get(op.op_id)
        found = (
            spec.existing_id
            or _id(existing.get(spec.field_key))
            or _id(by_name.get((spec.name, _spec_scope(spec))))
        )
        if prior is not None and prior.status == "done" and prior.hl_id:
            ids.fields[spec.field_key] = prior.hl_id
            continue
        if found:
            if prior is not None and prior.status == "started":  # ours: created before a crash
                ledger.done(con, prior.run_id, op.op_id, found, "recovered")
            ids.fields[spec.field_key] = found
            continue
        body = field_body(spec)
        if spec.model not in LOCATION_MODELS:
            key = _object_key(spec)
            if key not in folders:  # made only when a field of that object is new
                folders[key] = await field_folder(hl, con, run_id, key, listings[key], audit)
            folder, why = folders[key]
            if folder is None:
                problems.append(f"custom field {spec.field_key}: {why}")
                continue
            body["parentId"] = folder
        ledger.start(con, run_id, op, body)
        try:
            if spec.model in LOCATION_MODELS:
                result = await hl.location.create_custom_field(body)
            else:
                result = await hl.records.create_object_field(body)
        except HighLevelError as exc:
            ledger.failed(con, run_id, op.op_id, str(exc))
            audit.write("error", "custom_field", "", spec.field_key, None, "failed", str(exc))
            problems.append(f"custom field {spec.field_key}: {exc}")
            continue
        ledger.done(con, run_id, op.op_id, result.id, result.outcome.value)
        audit.write("create", "custom_field", "", spec.field_key, result.id, result.outcome.value)
        ids.fields[spec.field_key] = result.id
    await _tags(hl, con, run_id, work.tags, known, audit, problems)
    return problems


async def _tags(
    hl: HighLevelClient,
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    tags: list[str],
    known: dict[str, ledger.Entry],
    audit: AuditLog,
    problems: list[str],
) -> None:
    have = {str(t.get("name", "")).lower(): str(t.get("id", "")) for t in await hl.location.tags()}
    for name in tags:
        op = tag_op(name)
        prior = known.get(op.op_id)
        if prior is not None and prior.status == "started" and name.lower() in have:
            ledger.done(con, prior.run_id, op.op_id, have[name.lower()], "recovered")  # ours, before a crash
            continue
        if name.lower() in have or (prior is not None and prior.status == "done"):
            continue
        ledger.start(con, run_id, op, {"name": name})
        try:
            result = await hl.location.create_tag(name)
        except HighLevelError as exc:
            ledger.failed(con, run_id, op.op_id, str(exc))
            problems.append(f"tag {name}: {exc}")
            continue
        ledger.done(con, run_id, op.op_id, result.id, result.outcome.value)
        audit.write("create", "tag", "", name, result.id, result.outcome.value)


def _id(record: dict[str, Any] | None) -> str | None:
    return str(record["id"]) if record and record.get("id") else None
