"""The target catalog: HighLevel's objects and their standard fields, read from the official spec.

    catalog = load_catalog()
    for field in catalog.fields("contact"):
        print(field.name, field.json_type, field.enum, field.required, field.semantic)

Fields come from the request schemas named in ``catalog_sources.OBJECT_SOURCES`` (``$ref``s
resolved by ``assistant.hlspec``), so a new spec version changes the catalog without code edits.
"""

from __future__ import annotations

from dataclasses import replace
from functools import cache
from typing import Any

from assistant.errors import HlmapError
from assistant.highlevel.catalog_documents import document_object
from assistant.highlevel.catalog_fields import TargetField, TargetObjectSpec, field_of, hint
from assistant.highlevel.catalog_messages import message_object
from assistant.highlevel.catalog_sources import OBJECT_SOURCES, ObjectSource
from assistant.highlevel.state import Stage
from assistant.hlspec import find_operation, load_spec, resolve

JsonDict = dict[str, Any]


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


def _schema_fields(obj: str, schema: JsonDict, source: str, seen: dict[str, TargetField]) -> None:
    required = set(schema.get("required") or [])
    for name, prop in (schema.get("properties") or {}).items():
        if name not in seen:
            seen[name] = field_of(obj, name, prop, name in required, source)
        if name == "dndSettings":  # one yes/no per channel, so per-channel opt-outs have a target
            for channel in prop.get("properties") or {}:
                key = f"dndSettings.{channel}"
                about = {"type": "boolean", "description": f"Do not disturb on {channel} (active when true)"}
                seen.setdefault(key, replace(field_of(obj, key, about, False, source), semantic="boolean"))


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
            semantic=hint("stage", key),
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
    objects.update({kind: document_object(kind) for kind in ("invoice", "estimate")})
    objects["message"] = message_object()
    return Catalog(objects, _data_types())
