"""Turning the model's choice for a column into field maps, grounded in the offline machinery."""

from __future__ import annotations

from assistant.highlevel.state import DestinationState
from assistant.mapping.items import FieldMap, FieldTarget, Transform
from assistant.mapping.models import Evidence, FieldKind, Origin, TargetObject
from assistant.profile.models import ColumnProfile
from assistant.propose.customfields import find_reusable, label_for, new_field
from assistant.propose.llm.options import Option
from assistant.propose.transforms import transform_for, value_kind_of

_CUSTOM_HOLDERS = (
    TargetObject.CONTACT,
    TargetObject.OPPORTUNITY,
    TargetObject.COMPANY,
    TargetObject.CUSTOM_OBJECT,
)


def _base(offline: list[FieldMap], column: str) -> FieldMap:
    first = offline[0]
    return first.model_copy(update={"id": f"field:{first.source_object}.{column}"}, deep=True)


def apply_choice(
    offline: list[FieldMap],
    column: ColumnProfile,
    option: Option,
    confidence: float,
    rationale: str,
    origin: Origin,
    holders: list[TargetObject],
    custom_object_key: str | None,
    destination: DestinationState | None,
) -> list[FieldMap]:
    """The field maps for ``column`` after the model chose ``option``."""
    note = Evidence(source="llm", detail=f"{origin.model} chose '{option.label}' ({confidence:.2f})")
    if option.kind == "keep":
        return [
            m.model_copy(
                update={
                    "origin": origin,
                    "confidence": round((m.confidence + confidence) / 2, 3),
                    "rationale": f"{rationale} (agrees with the offline proposal)",
                    "evidence": [*m.evidence, note],
                }
            )
            for m in offline
        ]
    item = _base(offline, column.column)
    item.origin, item.rationale, item.confidence = origin, rationale, round(min(confidence, 0.95), 3)
    item.evidence = [*item.evidence, note]
    country = column.country
    if option.kind == "skip":
        item.target, item.transform = FieldTarget(kind=FieldKind.SKIP), Transform()
    elif option.kind == "new_custom":
        holder = next((h for h in holders if h in _CUSTOM_HOLDERS), None)
        if holder is None:  # the object takes no custom fields: keep what offline proposed
            return offline
        spec = new_field(column, label_for(column), holder, item.source_object, custom_object_key)
        reused = find_reusable(spec, column, destination)
        spec = reused[0] if reused else spec
        kind = FieldKind.CUSTOM_EXISTING if spec.existing_id else FieldKind.CUSTOM_NEW
        item.target = FieldTarget(kind=kind, object=holder, custom_field=spec)
        item.transform = transform_for(column, value_kind_of(spec.data_type), country)
    else:
        existing = _existing_spec(option, column, destination, item.source_object)
        if existing is not None:
            item.target = existing
            kept = existing.custom_field
            item.transform = transform_for(column, value_kind_of(kept.data_type) if kept else "text", country)
        else:
            item.target = FieldTarget(kind=FieldKind.STANDARD, object=option.object, field=option.field)
            item.transform = transform_for(column, option.value_kind, country)
    return [item]


def _existing_spec(
    option: Option, column: ColumnProfile, destination: DestinationState | None, source_object: str
) -> FieldTarget | None:
    if option.kind != FieldKind.CUSTOM_EXISTING.value or destination is None or option.object is None:
        return None
    field = next((f for f in destination.customFields if f.id == option.custom_field_id), None)
    if field is None:
        return None
    spec = new_field(column, field.name, option.object, source_object)
    spec = spec.model_copy(
        update={
            "field_key": field.fieldKey,
            "existing_id": field.id,
            "options": list(field.picklistOptions) or spec.options,
        }
    )
    return FieldTarget(kind=FieldKind.CUSTOM_EXISTING, object=option.object, custom_field=spec)
