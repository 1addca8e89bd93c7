"""Request-body validation with the messages HighLevel's API returns in its 422 answers.

HighLevel validates bodies with a whitelist (class-validator with ``forbidNonWhitelisted``): a
property the DTO does not declare is rejected as "property X should not exist", a missing required
field as "X should not be empty", a wrong type as "X must be a string". The checks below apply the
spec's schema with those messages instead of JSON-Schema's wording.
"""

from __future__ import annotations

from typing import Any

from assistant.hlspec.loader import JsonDict
from assistant.hlspec.operations import Operation

_TYPE_MESSAGES = {
    "string": "must be a string",
    "number": "must be a number conforming to the specified constraints",
    "integer": "must be an integer number",
    "boolean": "must be a boolean value",
    "array": "must be an array",
    "object": "must be an object",
}


def _is_type(value: Any, expected: str) -> bool:
    if expected == "string":
        return isinstance(value, str)
    if expected == "number":
        return isinstance(value, int | float) and not isinstance(value, bool)
    if expected == "integer":
        return isinstance(value, int) and not isinstance(value, bool)
    if expected == "boolean":
        return isinstance(value, bool)
    if expected == "array":
        return isinstance(value, list)
    if expected == "object":
        return isinstance(value, dict)
    return True


def _label(path: str) -> str:
    return path or "body"


def _check_any_of(branches: list[JsonDict], value: Any, path: str) -> list[str]:
    best: list[str] | None = None
    for branch in branches:
        errors = check_value(branch, value, path)
        if not errors:
            return []
        if best is None or len(errors) < len(best):
            best = errors
    return best or []


def _check_object(schema: JsonDict, value: JsonDict, path: str) -> list[str]:
    properties: JsonDict = schema.get("properties") or {}
    extra = schema.get("additionalProperties")
    errors: list[str] = []
    for name in schema.get("required") or []:
        present = value.get(name)
        if present is None or present == "" or (name not in properties and name not in value):
            errors.append(f"{_join(path, name)} should not be empty")
    for name, item in value.items():
        where = _join(path, name)
        if name in properties:
            if item is not None:  # class-validator's IsOptional lets null through
                errors.extend(check_value(properties[name], item, where))
        elif isinstance(extra, dict):
            errors.extend(check_value(extra, item, where))
        elif properties and extra is not True:
            errors.append(f"property {where} should not exist")
    return errors


def _merge_all_of(schema: JsonDict) -> JsonDict:
    """One schema from ``allOf`` parts, so that one part's properties are not "unknown" to another."""
    merged: JsonDict = {key: value for key, value in schema.items() if key != "allOf"}
    for part in schema["allOf"]:
        flat = _merge_all_of(part) if "allOf" in part else part
        for key, value in flat.items():
            if key == "properties":
                merged["properties"] = {**merged.get("properties", {}), **value}
            elif key == "required":
                merged["required"] = [*merged.get("required", []), *value]
            else:
                merged.setdefault(key, value)
    return merged


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


def check_value(schema: JsonDict, value: Any, path: str = "") -> list[str]:
    """Messages for everything wrong with ``value`` under ``schema`` (empty list: valid)."""
    if not schema:
        return []
    if value is None:
        return [] if schema.get("nullable") or not path else [f"{_label(path)} should not be empty"]
    for combinator in ("anyOf", "oneOf"):
        if combinator in schema:
            return _check_any_of(list(schema[combinator]), value, path)
    if "allOf" in schema:
        return check_value(_merge_all_of(schema), value, path)
    expected = schema.get("type")
    is_free_object = (
        expected == "object" and not schema.get("properties") and "additionalProperties" not in schema
    )
    if is_free_object:
        return []  # the spec types several free-form values (dates, file maps) as bare "object"
    if isinstance(expected, str) and not _is_type(value, expected):
        return [f"{_label(path)} {_TYPE_MESSAGES.get(expected, 'has the wrong type')}"]
    if "enum" in schema and value not in schema["enum"]:
        allowed = ", ".join(str(v) for v in schema["enum"])
        return [f"{_label(path)} must be one of the following values: {allowed}"]
    if isinstance(value, dict):
        return _check_object(schema, value, path)
    if isinstance(value, list) and isinstance(schema.get("items"), dict):
        return [
            msg for i, item in enumerate(value) for msg in check_value(schema["items"], item, f"{path}.{i}")
        ]
    return _check_bounds(schema, value, path)


def _check_bounds(schema: JsonDict, value: Any, path: str) -> list[str]:
    if isinstance(value, str) and "maxLength" in schema and len(value) > int(schema["maxLength"]):
        return [f"{_label(path)} must be shorter than or equal to {schema['maxLength']} characters"]
    if isinstance(value, int | float) and not isinstance(value, bool):
        if "minimum" in schema and value < schema["minimum"]:
            return [f"{_label(path)} must not be less than {schema['minimum']}"]
        if "maximum" in schema and value > schema["maximum"]:
            return [f"{_label(path)} must not be greater than {schema['maximum']}"]
    return []


def validate_request_body(op: Operation, body: Any) -> list[str]:
    """HighLevel-style 422 messages for ``body`` sent to ``op`` (empty list: acceptable)."""
    schema = op.request_schema
    if schema is None:
        return []
    if body is None:  # no body at all: every required property is missing
        return check_value(schema, {}) if schema.get("required") else []
    if op.request_content_type == "application/json" and not isinstance(body, dict | list):
        return ["body must be a JSON object"]
    return check_value(schema, body)
