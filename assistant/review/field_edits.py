"""Decisions on field proposals: a new target from the valid list, an alternative, custom fields."""

from __future__ import annotations

from assistant.mapping.items import FieldMap, FieldTarget
from assistant.mapping.models import DataType, FieldKind, FieldModel, Status, TargetObject
from assistant.profile.models import SemanticType
from assistant.review.core import SessionCore
from assistant.review.errors import ReviewError
from assistant.review.targets import MODEL_FOR_OBJECT, TargetChoice, label_for, snake

OPTION_TYPES = {DataType.SINGLE_OPTIONS, DataType.MULTIPLE_OPTIONS, DataType.RADIO, DataType.CHECKBOX}

# A new custom field's dataType from what profiling saw in the column.
_TYPE_FOR_SEMANTIC: dict[SemanticType, DataType] = {
    SemanticType.EMAIL: DataType.EMAIL,
    SemanticType.PHONE: DataType.PHONE,
    SemanticType.DATE: DataType.DATE,
    SemanticType.DATETIME: DataType.DATE,
    SemanticType.MONEY: DataType.MONETORY,
    SemanticType.DECIMAL: DataType.NUMERICAL,
    SemanticType.INTEGER: DataType.NUMERICAL,
    SemanticType.BOOLEAN: DataType.CHECKBOX,
    SemanticType.PICKLIST: DataType.SINGLE_OPTIONS,
    SemanticType.MULTI_VALUE: DataType.MULTIPLE_OPTIONS,
    SemanticType.FREE_TEXT: DataType.LARGE_TEXT,
}


class FieldEdits(SessionCore):
    def field(self, item_id: str) -> FieldMap:
        item = self.item(item_id)
        if not isinstance(item, FieldMap):
            raise ReviewError(f"{item_id} is not a field proposal")
        return item

    def choices(self, item_id: str) -> list[TargetChoice]:
        """The edit picker's entries for a field: nothing else can be chosen."""
        return self.context.choices_for(self.document, self.field(item_id).source_object)

    def target_for(self, item_id: str, label: str) -> FieldTarget:
        """The target ``label`` stands for (a preview: nothing changes); refuses unknown labels."""
        item = self.field(item_id)
        choice = next((c for c in self.choices(item_id) if c.label == label), None)
        if choice is None:
            raise ReviewError(f"{label!r} is not a target in the catalog or the destination")
        return choice.to_field_target("+".join(item.source_columns), self._guess_type(item))

    def edit_target(self, item_id: str, label: str, *, model_confirmed: FieldModel | None = None) -> None:
        item = self.field(item_id)
        target = self.target_for(item_id, label)
        self._check_model(item_id, target, model_confirmed)
        self.apply_to(f"edit {item_id} -> {label}", item, lambda: self._set_target(item, target))

    def choose_alternative(
        self, item_id: str, index: int, *, model_confirmed: FieldModel | None = None
    ) -> None:
        self.edit_target(item_id, self.alternative_label(item_id, index), model_confirmed=model_confirmed)

    def alternative_label(self, item_id: str, index: int) -> str:
        """The picker label alternative ``index`` stands for (what keys 1/2/3 choose)."""
        item = self.field(item_id)
        if not 0 <= index < len(item.alternatives):
            raise ReviewError(f"{item_id} has no alternative {index + 1}")
        alternative = item.alternatives[index]
        value = alternative.value
        choices = self.choices(item_id)
        obj = str(value.get("object") or (item.target.object.value if item.target.object else ""))
        field = str(value.get("field") or "")
        kind = value.get("kind")
        if kind == FieldKind.CUSTOM_EXISTING.value:
            # The proposer names an existing field by its fieldKey ("contact.lead_source"), which
            # already carries the object: match it against the destination's fields, not obj + key.
            for choice in choices:
                if choice.kind is FieldKind.CUSTOM_EXISTING and field in {
                    choice.existing_key,
                    f"{obj}.{choice.existing_key}",
                    choice.field,
                }:
                    return choice.label
        if kind == FieldKind.CUSTOM_NEW.value:
            model = value.get("model")
            target = next((o for o, m in MODEL_FOR_OBJECT.items() if m.value == model), None)
            return f"{target.value if target else obj}: new custom field"
        if value:
            try:
                return label_for(FieldTarget.model_validate(value))
            except ValueError:
                pass
        return alternative.target

    def edit_custom_field(
        self,
        item_id: str,
        *,
        model_confirmed: FieldModel,
        data_type: DataType | None = None,
        options: list[str] | None = None,
        model: FieldModel | None = None,
    ) -> None:
        """Change a new custom field's dataType, options or model (confirming the model)."""
        item = self.field(item_id)
        spec = item.target.custom_field
        if item.target.kind is not FieldKind.CUSTOM_NEW or spec is None:
            raise ReviewError(f"{item_id} does not create a custom field; an existing field cannot change")
        new = spec.model_copy(deep=True)
        new.data_type = data_type or spec.data_type
        new.options = list(options) if options is not None else spec.options
        if new.options and new.data_type not in OPTION_TYPES:
            raise ReviewError(f"{item_id}: options need an option dataType, not {new.data_type.value}")
        target = item.target.model_copy(update={"custom_field": new})
        if model is not None and model is not spec.model:
            new.model = model
            new.field_key = f"{model.value}.{snake(new.name)}"
            new.model_reason = f"model changed to {model.value} in review"
            target.object = _object_for(model)
        self._check_model(item_id, target, model_confirmed)
        self.apply_to(f"edit custom field {item_id}", item, lambda: self._set_target(item, target))

    def _set_target(self, item: FieldMap, target: FieldTarget) -> None:
        item.target = target
        item.decide(Status.EDITED, self.who)

    def _check_model(self, item_id: str, target: FieldTarget, model_confirmed: FieldModel | None) -> None:
        spec = target.custom_field
        if target.kind is FieldKind.CUSTOM_NEW and spec is not None and model_confirmed is not spec.model:
            raise ReviewError(
                f"{item_id}: creates a {spec.model.value} custom field; the model is irreversible "
                "and must be confirmed explicitly"
            )

    def _guess_type(self, item: FieldMap) -> DataType:
        profile = self.context.column(item.source_object, item.source_columns[0])
        if profile is None:
            return DataType.TEXT
        return _TYPE_FOR_SEMANTIC.get(profile.semantic_type, DataType.TEXT)


def _object_for(model: FieldModel) -> TargetObject:
    return next(obj for obj, m in MODEL_FOR_OBJECT.items() if m is model)
