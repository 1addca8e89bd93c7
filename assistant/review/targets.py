"""The targets a field may be pointed at: the edit picker offers these and nothing else.

Built from the catalog's standard fields of the object's targets, the destination's existing
custom fields, "new custom field" and "skip", so a target that exists in neither the catalog
nor the destination cannot be chosen.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from assistant.highlevel.state import CustomField, DestinationState
from assistant.mapping.items import CustomFieldSpec, FieldTarget
from assistant.mapping.models import DataType, FieldKind, FieldModel, TargetObject

# Custom field models HighLevel offers per target object (the model is fixed once created).
MODEL_FOR_OBJECT: dict[TargetObject, FieldModel] = {
    TargetObject.CONTACT: FieldModel.CONTACT,
    TargetObject.OPPORTUNITY: FieldModel.OPPORTUNITY,
    TargetObject.COMPANY: FieldModel.COMPANY,
    TargetObject.CUSTOM_OBJECT: FieldModel.CUSTOM_OBJECT,
}


@dataclass(frozen=True)
class TargetChoice:
    """One entry of the edit picker; ``label`` is what the engineer sees and searches."""

    label: str
    kind: FieldKind
    object: TargetObject | None = None
    field: str | None = None
    existing_id: str | None = None
    existing_key: str | None = None  # the destination's fieldKey, reused as-is
    existing_type: DataType | None = None

    def to_field_target(self, column_name: str, data_type: DataType = DataType.TEXT) -> FieldTarget:
        if self.kind is FieldKind.SKIP:
            return FieldTarget(kind=FieldKind.SKIP)
        if self.kind is FieldKind.STANDARD:
            return FieldTarget(kind=FieldKind.STANDARD, object=self.object, field=self.field)
        model = MODEL_FOR_OBJECT.get(self.object or TargetObject.CONTACT, FieldModel.CONTACT)
        return FieldTarget(
            kind=self.kind, object=self.object, custom_field=self._spec(column_name, model, data_type)
        )

    def _spec(self, column_name: str, model: FieldModel, data_type: DataType) -> CustomFieldSpec:
        name = self.field or column_name
        return CustomFieldSpec(
            name=name,
            field_key=self.existing_key or f"{model.value}.{snake(name)}",
            data_type=self.existing_type or data_type,
            model=model,
            existing_id=self.existing_id,
            model_reason=f"chosen in review for a {(self.object or TargetObject.CONTACT).value} target",
        )


def snake(text: str) -> str:
    return re.sub(r"[^0-9a-z]+", "_", text.lower()).strip("_") or "field"


def label_for(target: FieldTarget) -> str:
    """The picker label of a target already in the document (used to match alternatives)."""
    obj = target.object.value if target.object else ""
    if target.kind is FieldKind.SKIP:
        return "skip"
    if target.kind is FieldKind.STANDARD:
        return f"{obj}.{target.field}"
    spec = target.custom_field
    name = spec.name if spec else "?"
    return (
        f"{obj}.{name} (new custom field)"
        if target.kind is FieldKind.CUSTOM_NEW
        else f"{obj}.{name} (custom)"
    )


def build_choices(
    objects: Sequence[TargetObject],
    standard_fields: Mapping[TargetObject, Sequence[str]],
    destination: DestinationState | None,
) -> list[TargetChoice]:
    """Every valid target for a field of a source object landing in ``objects``."""
    choices: list[TargetChoice] = []
    for obj in objects:
        for name in standard_fields.get(obj, ()):
            choices.append(TargetChoice(f"{obj.value}.{name}", FieldKind.STANDARD, obj, name))
        model = MODEL_FOR_OBJECT.get(obj)
        if model is None:
            continue
        for custom in _existing_custom_fields(destination, model):
            label = f"{obj.value}.{custom.name} (custom)"
            data_type = DataType(custom.dataType) if custom.dataType in DataType.__members__ else None
            choices.append(
                TargetChoice(
                    label, FieldKind.CUSTOM_EXISTING, obj, custom.name, custom.id, custom.fieldKey, data_type
                )
            )
        choices.append(TargetChoice(f"{obj.value}: new custom field", FieldKind.CUSTOM_NEW, obj))
    choices.append(TargetChoice("skip", FieldKind.SKIP))
    return choices


def _existing_custom_fields(destination: DestinationState | None, model: FieldModel) -> list[CustomField]:
    if destination is None:
        return []
    return [field for field in destination.customFields if field.model == model.value]
