"""How many edits a fresh proposal still needs to reach a confirmed map (the memory measure).

Items are paired by what they are about (table, columns after renames, status value, owner key,
tag spellings) and compared by what was decided: carried or rejected, and where to. A confirmed
item the proposal lacks needs an edit when it was carried (a person would have to add it).
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass, field

from assistant.mapping.items import FieldMap, MappingDocument, ObjectMap, OwnerMatch, StageValueMap
from assistant.mapping.models import FieldKind, Proposal, Status

Renames = dict[tuple[str, str], str]  # (table, old column) -> new column


@dataclass
class EditCount:
    compared: int = 0  # confirmed items with a counterpart question in the proposal
    edits: int = 0  # proposals that differ from the confirmed decision
    by_kind: dict[str, int] = field(default_factory=dict)
    examples: list[str] = field(default_factory=list)


def _key(item: Proposal, renames: Renames) -> Hashable:
    if isinstance(item, ObjectMap):
        return ("object", item.source_object)
    if isinstance(item, FieldMap):
        columns = tuple(renames.get((item.source_object, c), c) for c in item.source_columns)
        return ("field", item.source_object, columns, item.id.partition("@")[2])
    if isinstance(item, StageValueMap):
        column = renames.get((item.source_object, item.source_column), item.source_column)
        return ("stage", item.source_object, column, item.source_value.strip().casefold())
    if isinstance(item, OwnerMatch):
        return ("owner", item.source_object, item.source_key)
    return ("tag", item.id)


def decision(item: Proposal) -> Hashable:
    """What was decided, without ids that differ between two destinations of the same kind."""
    if item.status == Status.REJECTED:
        return "rejected"
    if isinstance(item, ObjectMap):
        return tuple(t.object.value for t in item.targets)
    if isinstance(item, FieldMap):
        target, spec = item.target, item.target.custom_field
        custom = None
        if spec is not None:
            existing = spec.field_key if target.kind == FieldKind.CUSTOM_EXISTING else None
            custom = (spec.model.value, spec.data_type.value, existing)
        return (target.kind.value, target.object, target.field, custom, item.transform.kind.value)
    if isinstance(item, StageValueMap):
        names = ((item.pipeline_name or "").casefold(), (item.stage_name or "").casefold())
        return (*names, item.opportunity_status.value)
    if isinstance(item, OwnerMatch):
        return (item.user_email or "").lower() or item.method
    return getattr(item, "canonical", None)


def edits_needed(confirmed: MappingDocument, proposed: MappingDocument, renames: Renames) -> EditCount:
    count = EditCount()
    fresh = {_key(item, {}): item for item in proposed.items() if not _is_tag(item)}
    for item in confirmed.items():
        kind = item.id.split(":", 1)[0]
        other = _tag_twin(item, proposed) if _is_tag(item) else fresh.get(_key(item, renames))
        if other is None and (kind in ("stage", "owner", "tag") or item.status == Status.REJECTED):
            continue  # a value this export does not hold, or a rejection nothing asks again
        count.compared += 1
        if other is None or decision(other) != decision(item):
            count.edits += 1
            count.by_kind[kind] = count.by_kind.get(kind, 0) + 1
            if len(count.examples) < 12:
                found = "missing" if other is None else str(decision(other))
                count.examples.append(f"{item.id}: confirmed {decision(item)}, proposed {found}")
    return count


def _is_tag(item: Proposal) -> bool:
    return item.id.startswith("tag:")


def _tag_twin(item: Proposal, proposed: MappingDocument) -> Proposal | None:
    members = set(getattr(item, "members", []))
    scored = [(len(members & set(t.members)), t) for t in proposed.tags]
    best = max(scored, key=lambda pair: pair[0], default=(0, None))
    return best[1] if best[0] else None
