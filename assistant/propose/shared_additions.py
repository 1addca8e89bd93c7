"""What one client's export needs beyond a map confirmed for another client on the same platform.

A shared map decides the values the first client's export held. A second export holds its own:
a stage value ("New"), a message type ("Call"), a tag spelling, an owner. Each becomes a pending
addition, proposed from this export like any proposal, while every shared decision stays as it was.
A value map inside a decided field (a history's type column) is offered again, pending, with the
new values added beside the shared ones.
"""

from __future__ import annotations

from typing import Any

from assistant.mapping.items import FieldMap, MappingDocument, TagCluster
from assistant.mapping.models import Evidence, Proposal, Status
from assistant.profile.models import TableProfile
from assistant.propose.shared_links import extend_typed_link

# Dicts keyed by source values: a value map's targets (message types, pipelines) and a typed link's
# tables (related_type 'deal' -> deals); what a typed link needs per table follows its new values.
_VALUE_KEYS = ("map", "values", "objects")
_SUPPORT_KEYS = ("tables", "keys", "contact_columns")


def _new_entries(shared: dict[str, Any], fresh: dict[str, Any]) -> dict[str, Any]:
    return {key: value for key, value in fresh.items() if key not in shared}


def _field_addition(shared: FieldMap, fresh: FieldMap) -> FieldMap | None:
    """The shared field with the values only this export holds added to its value map, or None."""
    if shared.transform.kind != fresh.transform.kind:
        return None
    params = dict(shared.transform.params)
    added: dict[str, Any] = {}
    for key in _VALUE_KEYS:
        old, new = params.get(key), fresh.transform.params.get(key)
        if isinstance(old, dict) and isinstance(new, dict) and (more := _new_entries(old, new)):
            params[key] = {**old, **more}
            added |= more
    known = {*(params.get("values") or {}), *(params.get("unmatched") or [])}
    unmatched = [v for v in fresh.transform.params.get("unmatched") or [] if v not in known]
    if unmatched:  # a source pipeline this location lacks: the plan's setup step names it
        params["unmatched"] = [*(params.get("unmatched") or []), *unmatched]
        added |= {name: "(no pipeline here: a setup step)" for name in unmatched}
    if not added:
        return None
    for key in _SUPPORT_KEYS:
        old, new = params.get(key), fresh.transform.params.get(key)
        if isinstance(old, dict) and isinstance(new, dict):
            params[key] = {**new, **old}
    shown = ", ".join(f"'{value}' → {target}" for value, target in added.items())
    item = shared.model_copy(deep=True)
    item.transform = item.transform.model_copy(update={"params": params})
    item.status, item.decided_by, item.decided_at = Status.PROPOSED, None, None
    item.confidence = fresh.confidence
    item.rationale = (
        f"Values only this client's export holds, added to the shared decision: {shown}. "
        f"The shared map's values are kept as decided ({shared.status.value} by {shared.decided_by})."
    )
    item.evidence = [Evidence(source="shared map", detail=f"new values: {shown}"), *fresh.evidence]
    return item


def _covered_spellings(shared: MappingDocument) -> set[str]:
    return {
        spelling.strip()
        for cluster in shared.tags
        if cluster.status != Status.PROPOSED
        for spelling in (*cluster.members, cluster.canonical)
    }


def _tag_additions(shared: MappingDocument, fresh: MappingDocument) -> list[TagCluster]:
    """Clusters of the spellings no shared cluster decides (shared spellings stay in their clusters)."""
    covered, taken = _covered_spellings(shared), {c.id for c in shared.tags}
    out: list[TagCluster] = []
    for cluster in fresh.tags:
        members = [m for m in cluster.members if m.strip() not in covered]
        if not members:
            continue
        item = cluster.model_copy(deep=True)
        item.members = members
        item.counts = {m: n for m, n in cluster.counts.items() if m in members}
        if item.id in taken:  # the same canonical tag: a second cluster of new spellings beside it
            item.id = f"{item.id}+{members[0].strip()}"
        out.append(item)
    return out


def _new_items(shared: MappingDocument, section: str, fresh: MappingDocument) -> list[Any]:
    """Fresh items the shared map has no decision for, on tables the shared map carries."""
    known = {item.id for item in getattr(shared, section)}
    left = {o.source_object for o in shared.objects if o.status == Status.REJECTED}
    return [i for i in getattr(fresh, section) if i.id not in known and i.source_object not in left]


def add_to_shared(
    shared: MappingDocument, fresh: MappingDocument, profiles: list[TableProfile] | None = None
) -> tuple[MappingDocument, list[Proposal]]:
    """The shared map's decisions with this export's additions, and the additions themselves."""
    document = shared.model_copy(deep=True)
    document.confirmed_by = document.confirmed_at = None
    additions: list[Proposal] = []
    fresh_fields = {f.id: f for f in fresh.fields}
    by_table = {p.table: p for p in profiles or []}
    for index, field in enumerate(document.fields):
        if not field.confirmed:
            continue
        other = fresh_fields.get(field.id)
        extended = _field_addition(field, other) if other is not None else None
        extended = extended or extend_typed_link(field, shared, by_table)
        if extended is not None:
            document.fields[index] = extended
            additions.append(extended)
    for section in ("stages", "owners"):
        new = _new_items(shared, section, fresh)
        getattr(document, section).extend(new)
        additions += new
    tags = _tag_additions(shared, fresh)
    document.tags.extend(tags)
    additions += tags
    return document, additions
