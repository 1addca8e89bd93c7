"""A catalog entry's shapes: one target field and one target object, as read from a spec schema."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assistant.highlevel.catalog_sources import CONTEXT_FIELDS, CUSTOM_VALUES_FIELD, SEMANTIC_HINTS

JsonDict = dict[str, Any]


@dataclass(frozen=True)
class TargetField:
    name: str
    json_type: str  # string | number | integer | boolean | array | object | any
    format: str | None = None
    enum: tuple[str, ...] = ()
    required: bool = False
    nullable: bool = False
    description: str = ""
    item_type: str | None = None  # element type of an array
    example: Any = None
    semantic: str | None = None  # from the hint table, a profile SemanticType value
    source: str = ""  # "contacts.json#CreateContactDto"

    @property
    def mappable(self) -> bool:
        """False for fields the client fills itself and for the custom-values carrier."""
        return self.name not in CONTEXT_FIELDS and self.name != CUSTOM_VALUES_FIELD


@dataclass(frozen=True)
class TargetObjectSpec:
    name: str
    label: str
    spec: str
    fields: tuple[TargetField, ...]
    create: tuple[str, str] | None
    read_only: bool
    create_version: str | None  # the Version header of the create operation

    def field(self, name: str) -> TargetField | None:
        return next((f for f in self.fields if f.name == name), None)


def _json_type(schema: JsonDict) -> str:
    if "type" in schema:
        return str(schema["type"])
    for combinator in ("allOf", "anyOf", "oneOf"):
        parts = [_json_type(part) for part in schema.get(combinator, [])]
        if parts and all(part == parts[0] for part in parts):
            return parts[0]
        if parts:
            return "object" if all(p == "object" for p in parts if p != "any") else "any"
    return "any"


def hint(object_name: str, field_name: str) -> str | None:
    return SEMANTIC_HINTS.get(f"{object_name}.{field_name}", SEMANTIC_HINTS.get(field_name))


def field_of(obj: str, name: str, schema: JsonDict, required: bool, source: str) -> TargetField:
    items = schema.get("items") if isinstance(schema.get("items"), dict) else None
    return TargetField(
        name=name,
        json_type=_json_type(schema),
        format=schema.get("format"),
        enum=tuple(str(value) for value in schema.get("enum", [])),
        required=required,
        nullable=bool(schema.get("nullable", False)),
        description=str(schema.get("description", "")).strip(),
        item_type=_json_type(items) if items else None,
        example=schema.get("example"),
        semantic=hint(obj, name),
        source=source,
    )
