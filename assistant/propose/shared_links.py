"""A typed link of a shared map ('related_type' + 'related_id') meeting a type only this export holds.

The shared map's link knows the types the first client's export held ('contact', 'company'). A
second export's tasks may also hang off deals ('deal'): the value names a table the shared map
carries, by the rule the proposer reads types with (its words are the table's, singular), so the
link learns that table, pending like any addition.
"""

from __future__ import annotations

from typing import Any

from assistant.mapping.items import FieldMap, MappingDocument, ObjectMap
from assistant.mapping.models import Evidence, Status, TargetObject, TransformKind
from assistant.profile.models import TableProfile
from assistant.propose.normalize import singular, tokens

T = TargetObject
_REACHES_CONTACT = frozenset({T.CONTACT, T.COMPANY, T.OPPORTUNITY})


def _words(text: str) -> tuple[str, ...]:
    return tuple(singular(w) for w in tokens(text))


def _table_named(shared: MappingDocument, value: str, own: str) -> ObjectMap | None:
    """The carried source table whose name says the same words as the type value, reaching a contact."""
    for obj in shared.objects:
        if obj.source_object == own or not obj.confirmed or not obj.targets:
            continue
        if obj.targets[0].object in _REACHES_CONTACT and _words(obj.source_object) == _words(value):
            return obj
    return None


def _contact_link(table: str, contacts: set[str], profiles: dict[str, TableProfile]) -> str | None:
    profile = profiles.get(table)
    columns = profile.columns if profile else []
    return next((c.column for c in columns if c.foreign_key and c.foreign_key.target_table in contacts), None)


def extend_typed_link(
    field: FieldMap, shared: MappingDocument, profiles: dict[str, TableProfile]
) -> FieldMap | None:
    """The shared link with the types only this export holds, or None when there are none."""
    params: dict[str, Any] = dict(field.transform.params)
    kind_column, objects = params.get("object_column"), params.get("objects")
    if field.transform.kind != TransformKind.LOOKUP or not kind_column or not isinstance(objects, dict):
        return None
    profile = profiles.get(field.source_object)
    column = next((c for c in profile.columns if c.column == kind_column), None) if profile else None
    values = [v.value for v in (column.picklist or column.top_values)] if column else []
    tables, keys = dict(params.get("tables") or {}), dict(params.get("keys") or {})
    links = dict(params.get("contact_columns") or {})
    contacts = {
        o.source_object
        for o in shared.objects
        if o.confirmed and o.targets and o.targets[0].object == T.CONTACT
    }
    added: dict[str, str] = {}
    for value in [v for v in values if v not in objects]:
        obj = _table_named(shared, value, field.source_object)
        if obj is None:
            continue
        added[value] = obj.source_object
        objects, tables = (
            {**objects, value: obj.targets[0].object.value},
            {**tables, value: obj.source_object},
        )
        if obj.key_column:
            keys[obj.source_object] = obj.key_column
        link = _contact_link(obj.source_object, contacts, profiles)
        if obj.source_object not in contacts and obj.key_column and link:
            links[obj.source_object] = [obj.key_column, link]
    if not added:
        return None
    item = field.model_copy(deep=True)
    params.update(objects=objects, tables=tables, keys=keys, contact_columns=links)
    item.transform = item.transform.model_copy(update={"params": params})
    shown = ", ".join(f"'{value}' → {table}" for value, table in added.items())
    item.status, item.decided_by, item.decided_at = Status.PROPOSED, None, None
    item.rationale = (
        f"Values only this client's export holds, added to the shared decision: {shown} (each names a "
        f"table the shared map carries). The shared map's types are kept as decided "
        f"({field.status.value} by {field.decided_by})."
    )
    item.evidence = [
        Evidence(source="shared map", detail=f"new types of '{kind_column}': {shown}"),
        *item.evidence,
    ]
    return item
