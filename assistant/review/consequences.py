"""What a custom field edit costs, counted from the source profile, shown before it is saved.

A model the source object is not mapped to drops the column from every request; an option
dataType drops every value outside its options. Both are counted in the column's filled values.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap, MappingDocument
from assistant.mapping.models import DataType, FieldModel
from assistant.profile.models import ValueCount
from assistant.review.context import ReviewContext
from assistant.review.targets import MODEL_FOR_OBJECT

OPTION_TYPES = {DataType.SINGLE_OPTIONS, DataType.MULTIPLE_OPTIONS, DataType.RADIO, DataType.CHECKBOX}


def custom_field_consequence(
    document: MappingDocument,
    context: ReviewContext,
    item: FieldMap,
    *,
    data_type: DataType,
    options: list[str],
    model: FieldModel,
) -> str:
    """One line: how many source values the field would not receive, and why; '' when none."""
    profile = context.profiles.get(item.source_object)
    name = item.source_columns[0] if item.source_columns else ""
    column = context.column(item.source_object, name)
    if profile is None or column is None:
        return ""
    rows = column.row_count or profile.row_count
    filled = max(rows - column.null_count, 0) if column.row_count else round(rows * (1 - column.null_share))
    mapped = {
        MODEL_FOR_OBJECT.get(t.object)
        for o in document.objects
        if o.source_object == item.source_object
        for t in o.targets
    }
    if model not in mapped:
        return (
            f"{filled} values will not be sent: {item.source_object} is not mapped to "
            f"{model.value}, so no {model.value} request carries {name}"
        )
    if data_type in OPTION_TYPES:
        outside = outside_options(column.picklist or column.top_values, options, column.separator)
        if outside:
            names = [value for value, _ in outside]
            shown = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
            count = sum(n for _, n in outside)
            return f"{count} values will not be sent: not among the options ({shown})"
    return ""


def outside_options(
    values: list[ValueCount], options: list[str], separator: str | None
) -> list[tuple[str, int]]:
    """Source values (with their counts) holding a part that matches no option."""
    allowed = {o.strip().casefold() for o in options}
    out: list[tuple[str, int]] = []
    for entry in values:
        parts = entry.value.split(separator) if separator else [entry.value]
        if any(p.strip().casefold() not in allowed for p in parts if p.strip()):
            out.append((entry.value, entry.count))
    return out
