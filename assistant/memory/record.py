"""A confirmed mapping document -> remembered tables (one per source object) and its tag decisions."""

from __future__ import annotations

from assistant.mapping.items import (
    FieldMap,
    MappingDocument,
    ObjectMap,
    OwnerMatch,
    StageValueMap,
    TagCluster,
)
from assistant.mapping.models import Proposal, Status
from assistant.memory.models import MemoryFile, RememberedColumn, RememberedDecision, RememberedTable
from assistant.memory.shapes import column_shape, header_signature
from assistant.profile.models import TableProfile

TAGS_TABLE = "*tags*"  # the pseudo-table holding a migration's tag decisions
# Transform parameters that spell source values (boolean words, value maps, type values).
VALUE_PARAMS = ("true_values", "false_values", "objects", "map", "values", "unmatched")


def _decision(item: Proposal, kind: str, item_key: str, columns: list[str]) -> RememberedDecision:
    status = item.status.value if item.status != Status.PROPOSED else "rejected"
    return RememberedDecision(
        kind=kind,
        item=item_key,
        columns=columns,
        status=status,
        decided_by=item.decided_by,
        decided_at=item.decided_at,
    )


def _field(item: FieldMap) -> RememberedDecision:
    key = item.id.removeprefix(f"field:{item.source_object}.")
    out = _decision(item, "field", key, list(item.source_columns))
    target = item.target.model_dump(mode="json", exclude_none=True)
    transform = item.transform.model_dump(mode="json")
    # Pick-list options and value spellings are source values: kept apart, under ``values``.
    options = target.get("custom_field", {}).pop("options", [])
    spelled = {k: transform["params"].pop(k) for k in VALUE_PARAMS if k in transform["params"]}
    out.decision = {"target": target, "transform": transform}
    out.values = {k: v for k, v in (("options", options), ("transform_params", spelled)) if v}
    return out


def _object(item: ObjectMap) -> RememberedDecision:
    out = _decision(item, "object", item.source_object, [])
    out.decision = item.model_dump(
        mode="json", include={"targets", "cardinality", "on_duplicate"}, exclude_none=True
    )
    return out


def _stage(item: StageValueMap) -> RememberedDecision:
    out = _decision(item, "stage", item.source_column, [item.source_column])
    out.decision = item.model_dump(
        mode="json", include={"pipeline_id", "pipeline_name", "stage_id", "stage_name", "opportunity_status"}
    )
    out.values = {"source_value": item.source_value}
    return out


def _owner(item: OwnerMatch) -> RememberedDecision:
    out = _decision(item, "owner", "owner", [])
    out.decision = item.model_dump(mode="json", include={"user_email", "user_name", "method"})
    out.values = {"source_key": item.source_key, "source_name": item.source_name}
    return out


def _tag(item: TagCluster) -> RememberedDecision:
    out = _decision(item, "tag", "tag", [])
    out.decision = {"canonical": item.canonical}
    out.values = {"members": list(item.members)}
    return out


def remembered_tables(
    document: MappingDocument, profiles: list[TableProfile], migration: str
) -> list[RememberedTable]:
    """One remembered table per profiled source object of ``document`` (plus one for its tags)."""
    by_table = {p.table: p for p in profiles}
    out: list[RememberedTable] = []
    for obj in document.objects:
        profile = by_table.get(obj.source_object)
        if profile is None:
            continue
        name = obj.source_object
        decisions = [_object(obj)]
        decisions += [_field(f) for f in document.fields if f.source_object == name]
        decisions += [_stage(s) for s in document.stages if s.source_object == name]
        decisions += [_owner(o) for o in document.owners if o.source_object == name]
        out.append(_table(document, migration, name, profile, decisions))
    if document.tags:
        out.append(
            RememberedTable(
                table=TAGS_TABLE,
                signature="",
                migration=migration,
                confirmed_by=document.confirmed_by,
                confirmed_at=document.confirmed_at,
                decisions=[_tag(t) for t in document.tags],
            )
        )
    return out


def _table(
    document: MappingDocument,
    migration: str,
    name: str,
    profile: TableProfile,
    decisions: list[RememberedDecision],
) -> RememberedTable:
    columns = [
        RememberedColumn(name=c.column, position=c.position, shape=column_shape(c)) for c in profile.columns
    ]
    return RememberedTable(
        table=name,
        signature=header_signature([c.column for c in profile.columns]),
        migration=migration,
        confirmed_by=document.confirmed_by,
        confirmed_at=document.confirmed_at,
        columns=columns,
        decisions=decisions,
    )


def remember(memory: MemoryFile, tables: list[RememberedTable], migration: str) -> None:
    """Replace what ``memory`` held of ``migration`` with ``tables`` (a re-confirmed map wins)."""
    memory.forget(migration)
    memory.tables += [t for t in tables if t.table != TAGS_TABLE]
    memory.tags += [t for t in tables if t.table == TAGS_TABLE]
