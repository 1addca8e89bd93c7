"""The target catalog: HighLevel's objects and their standard fields, read from the official spec.

    catalog = load_catalog()
    for field in catalog.fields("contact"):
        print(field.name, field.json_type, field.enum, field.required, field.semantic)

Fields come from the request schemas named in ``catalog_sources.OBJECT_SOURCES`` (``$ref``s
resolved by ``assistant.hlspec``), so a new spec version changes the catalog without code edits.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from assistant.errors import HlmapError
from assistant.highlevel.catalog_sources import (
    CONTEXT_FIELDS,
    CUSTOM_VALUES_FIELD,
    OBJECT_SOURCES,
    SEMANTIC_HINTS,
    ObjectSource,
)
from assistant.highlevel.state import Stage
from assistant.hlspec import find_operation, load_spec, resolve

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


class Catalog:
    def __init__(self, objects: dict[str, TargetObjectSpec], data_types: tuple[str, ...]) -> None:
        self.objects = objects
        self._data_types = data_types

    def fields(self, object_name: str) -> list[TargetField]:
        try:
            return list(self.objects[object_name].fields)
        except KeyError as exc:
            known = ", ".join(sorted(self.objects))
            raise HlmapError(f"no HighLevel object {object_name!r} in the catalog; known: {known}") from exc

    def custom_field_data_types(self) -> list[str]:
        """The ``dataType`` values a custom field can have (TEXT, LARGE_TEXT, NUMERICAL, ...)."""
        return list(self._data_types)


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


def _hint(object_name: str, field_name: str) -> str | None:
    return SEMANTIC_HINTS.get(f"{object_name}.{field_name}", SEMANTIC_HINTS.get(field_name))


def _field(obj: str, name: str, schema: JsonDict, required: bool, source: str) -> TargetField:
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
        semantic=_hint(obj, name),
        source=source,
    )


def _schema_fields(obj: str, schema: JsonDict, source: str, seen: dict[str, TargetField]) -> None:
    required = set(schema.get("required") or [])
    for name, prop in (schema.get("properties") or {}).items():
        if name not in seen:
            seen[name] = _field(obj, name, prop, name in required, source)
        if name == "dndSettings":  # one yes/no per channel, so per-channel opt-outs have a target
            for channel in prop.get("properties") or {}:
                key = f"dndSettings.{channel}"
                about = {"type": "boolean", "description": f"Do not disturb on {channel} (active when true)"}
                seen.setdefault(key, replace(_field(obj, key, about, False, source), semantic="boolean"))


def _object(name: str, src: ObjectSource) -> TargetObjectSpec:
    seen: dict[str, TargetField] = {}
    components = load_spec(src.spec).get("components", {}).get("schemas", {})
    for schema_name in src.schemas:
        if schema_name not in components:
            raise HlmapError(f"spec {src.spec}.json has no schema {schema_name!r} (catalog source of {name})")
        _schema_fields(
            name, resolve(components[schema_name], src.spec), f"{src.spec}.json#{schema_name}", seen
        )
    if src.operation is not None:
        op = find_operation(*src.operation)
        _schema_fields(
            name, op.request_schema or {}, f"{src.spec}.json {src.operation[0]} {src.operation[1]}", seen
        )
    version = find_operation(*src.create).version if src.create else None
    fields = tuple(_with_data_types(f) for f in seen.values())
    return TargetObjectSpec(name, src.label, src.spec, fields, src.create, src.read_only, version)


def _stage() -> TargetObjectSpec:
    # The spec leaves pipeline stages untyped; their shape is the destination state's Stage model.
    fields = tuple(
        TargetField(
            name=key,
            json_type="integer" if key == "position" else "string",
            required=info.is_required(),
            semantic=_hint("stage", key),
            source="assistant.highlevel.state.Stage",
        )
        for key, info in Stage.model_fields.items()
    )
    return TargetObjectSpec("stage", "Pipeline stage", "opportunities", fields, None, True, None)


def _with_data_types(field: TargetField) -> TargetField:
    # locations.json leaves a custom field's dataType a bare string; custom-fields.json lists the
    # values both APIs share, so the catalog offers that list for either.
    if field.name == "dataType" and not field.enum:
        return replace(field, enum=_data_types())
    return field


@cache
def _data_types() -> tuple[str, ...]:
    schema = load_spec("custom-fields")["components"]["schemas"]["CreateCustomFieldsDTO"]
    return tuple(str(value) for value in schema["properties"]["dataType"].get("enum", []))


@cache
def load_catalog() -> Catalog:
    """The catalog of every HighLevel object the migration can write or must read."""
    objects = {name: _object(name, src) for name, src in OBJECT_SOURCES.items()}
    objects["stage"] = _stage()
    return Catalog(objects, _data_types())
