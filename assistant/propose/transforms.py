"""The transform a column needs to land in a field of a given kind, with parameters from its profile."""

from __future__ import annotations

from typing import Any

from assistant.mapping.items import Transform
from assistant.mapping.models import DataType
from assistant.mapping.models import TransformKind as K
from assistant.profile.models import ColumnProfile, SemanticType

S = SemanticType

_KIND_OF_DATA_TYPE = {
    DataType.EMAIL: "email",
    DataType.PHONE: "phone",
    DataType.DATE: "date",
    DataType.MONETORY: "money",
    DataType.NUMERICAL: "number",
    DataType.CHECKBOX: "boolean",
    DataType.SINGLE_OPTIONS: "options",
    DataType.MULTIPLE_OPTIONS: "multi_options",
    DataType.RADIO: "options",
}


def value_kind_of(data_type: DataType) -> str:
    return _KIND_OF_DATA_TYPE.get(data_type, "text")


def _multi(column: ColumnProfile, params: dict[str, Any]) -> dict[str, Any]:
    if column.semantic_type == S.MULTI_VALUE and column.separator:
        params["separator"] = column.separator
    return params


def transform_for(column: ColumnProfile, value_kind: str, default_country: str | None = None) -> Transform:
    """Pick the transform for ``column`` landing in a field holding ``value_kind`` values."""
    sem = column.semantic_type
    if value_kind == "email":
        return Transform(kind=K.EMAIL, params=_multi(column, {}))
    if value_kind == "phone":
        region = column.country or default_country
        return Transform(kind=K.PHONE_E164, params=_multi(column, {"region": region} if region else {}))
    if value_kind == "date" and sem in (S.DATE, S.DATETIME, S.EMPTY, S.FREE_TEXT, S.PICKLIST):
        return Transform(kind=K.DATE, params={"format": column.format or "iso"})
    if value_kind == "money" or (value_kind == "number" and sem == S.MONEY):
        params: dict[str, Any] = {"locale": column.locale or "en"}
        if column.currency:
            params["currency"] = column.currency
        return Transform(kind=K.MONEY, params=params)
    if value_kind == "number":
        return Transform(kind=K.NUMBER, params={"locale": column.locale or "en"})
    if value_kind == "boolean":
        return Transform(
            kind=K.BOOLEAN, params={"true_values": column.true_values or ["true", "1", "yes", "si"]}
        )
    if value_kind in ("tags", "multi_options"):
        return Transform(
            kind=K.TAGS if value_kind == "tags" else K.MULTI_VALUE,
            params={"separator": column.separator or ","},
        )
    if value_kind == "text" and sem == S.MULTI_VALUE and column.separator == "json":
        # a JSON list in a text field: its items, not the brackets and quotes ('[]' is empty)
        return Transform(kind=K.MULTI_VALUE, params={"separator": "json", "joined": True})
    if value_kind == "options" and column.picklist:
        return Transform(
            kind=K.VALUE_MAP, params={"map": "options", "values": [v.value for v in column.picklist]}
        )
    return Transform(kind=K.COPY)
