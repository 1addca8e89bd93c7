"""Remembered object and field decisions on top of a fresh proposal of the same (or a similar) table."""

from __future__ import annotations

from typing import Any

from assistant.highlevel.state import DestinationState
from assistant.mapping.items import FieldMap, FieldTarget, MappingDocument, ObjectMap, ObjectTarget, Transform
from assistant.mapping.models import Alternative, FieldKind, Status, TransformKind
from assistant.memory.match import TableMatch
from assistant.memory.models import RememberedDecision
from assistant.memory.on_top import MEMORY, closeness, put_on_top, rejected_again


def apply_object(item: ObjectMap, match: TableMatch, decision: RememberedDecision) -> str | None:
    """``"reused"``, ``"rejected"`` or None (nothing changed)."""
    confidence = match.similarity * 0.98
    if decision.status == "rejected":
        return rejected_again(item, match, decision, confidence)
    targets = [ObjectTarget.model_validate(t) for t in decision.decision.get("targets", [])]
    same = [t.object for t in targets] == [t.object for t in item.targets]
    replaced = None
    if not same and targets:
        label = "+".join(t.object.value for t in item.targets)
        replaced = Alternative(target=label, score=item.confidence, value={"targets": _dump(item.targets)})
        item.targets = targets
    if decision.decision.get("on_duplicate"):
        item.on_duplicate = decision.decision["on_duplicate"]
    put_on_top(item, match.remembered, decision, match, confidence, replaced)
    return "reused"


def _dump(targets: list[ObjectTarget]) -> list[dict[str, Any]]:
    return [t.model_dump(mode="json", exclude_none=True) for t in targets]


def apply_field(
    document: MappingDocument,
    table: str,
    match: TableMatch,
    decision: RememberedDecision,
    destination: DestinationState | None,
) -> str | None:
    confidence = closeness(match, decision)
    if confidence is None:
        return None
    renamed = {old: match.columns[old][0] for old in decision.columns}
    columns = [renamed[c] for c in decision.columns]
    suffix = decision.item.partition("@")[2]
    item_id = f"field:{table}." + "+".join(columns) + (f"@{suffix}" if suffix else "")
    item = next((f for f in document.fields if f.id == item_id), None)
    if item is not None and item.status != Status.PROPOSED:
        return None
    if decision.status == "rejected":
        if item is None:
            return None
        return rejected_again(item, match, decision, confidence)
    target = _target(decision, destination, item)
    transform = _transform(decision, renamed)
    if item is None:
        item = _new_item(item_id, table, columns, target, transform)
        document.fields.insert(_after(document, table), item)
        put_on_top(item, match.remembered, decision, match, confidence, None)
        return "reused"
    replaced = None
    if not same_target(item.target, target) or item.transform.kind != transform.kind:
        replaced = Alternative(
            target=_label(item.target), score=item.confidence, value=item.target.model_dump(mode="json")
        )
        item.target, item.transform = target, transform
    put_on_top(item, match.remembered, decision, match, confidence, replaced)
    return "reused"


def same_target(left: FieldTarget, right: FieldTarget) -> bool:
    if (left.kind, left.object, left.field) != (right.kind, right.object, right.field):
        return False
    a, b = left.custom_field, right.custom_field
    if a is None or b is None:
        return a is b
    return (a.field_key, a.data_type, a.model) == (b.field_key, b.data_type, b.model)


def _target(
    decision: RememberedDecision, destination: DestinationState | None, current: FieldMap | None
) -> FieldTarget:
    """The remembered target, its custom field found again in this destination by key (else created)."""
    target = FieldTarget.model_validate(decision.decision.get("target", {}))
    spec = target.custom_field
    if spec is None:
        return target
    existing = next(
        (f for f in (destination.customFields if destination else []) if f.fieldKey == spec.field_key), None
    )
    if existing is not None:
        spec.existing_id, target.kind = existing.id, FieldKind.CUSTOM_EXISTING
    elif target.kind == FieldKind.CUSTOM_EXISTING:
        spec.existing_id, target.kind = None, FieldKind.CUSTOM_NEW
    now = current.target.custom_field if current is not None else None
    # This export's own pick-list values when it has them, else the confirmed ones.
    spec.options = (
        list(now.options) if now is not None and now.options else decision.values.get("options", [])
    )
    return target


def _transform(decision: RememberedDecision, renamed: dict[str, str]) -> Transform:
    raw = decision.decision.get("transform")
    transform = Transform.model_validate(raw) if raw else Transform(kind=TransformKind.COPY)
    transform.params.update(decision.values.get("transform_params", {}))
    for key, value in list(transform.params.items()):  # params naming a column follow its new name
        if isinstance(value, str) and value in renamed:
            transform.params[key] = renamed[value]
        elif key == "template" and isinstance(value, str):
            for old, new in renamed.items():
                value = value.replace("{" + old + "}", "{" + new + "}")
            transform.params[key] = value
    return transform


def _label(target: FieldTarget) -> str:
    if target.kind == FieldKind.SKIP:
        return "skip"
    if target.custom_field is not None:
        return f"{target.kind.value} {target.custom_field.field_key}"
    return f"{target.object.value if target.object else '?'}.{target.field}"


def _after(document: MappingDocument, table: str) -> int:
    """Index just after the table's last field map (the end when it has none)."""
    last = max((i for i, f in enumerate(document.fields) if f.source_object == table), default=None)
    return len(document.fields) if last is None else last + 1


def _new_item(
    item_id: str, table: str, columns: list[str], target: FieldTarget, transform: Transform
) -> FieldMap:
    return FieldMap(
        id=item_id,
        source_object=table,
        source_columns=columns,
        target=target,
        transform=transform,
        origin=MEMORY,
    )
