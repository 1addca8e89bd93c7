"""Custom object schemas (no DELETE in the API) and their records with typed properties."""

from __future__ import annotations

from assistant.sandbox.errors import JsonDict, NotFoundError, bad_request, unprocessable
from assistant.sandbox.ids import new_id, now_iso
from assistant.sandbox.registry import Call, clean, handles
from assistant.sandbox.routes.business_values import BUSINESS, business_record
from assistant.sandbox.rules import value_problem
from assistant.sandbox.store import Store

SPEC = "objects"
# HighLevel's help centre (Custom Objects, October 2025): every plan gets 10 custom objects per location.
MAX_CUSTOM_OBJECTS = 10


def schema_by_key(store: Store, key: str) -> JsonDict:
    for schema in store.table("objectSchemas").values():
        if schema["key"] == key:
            return schema
    raise NotFoundError("Object schema")


def object_fields(store: Store, object_key: str) -> list[JsonDict]:
    return [f for f in store.table("objectFields").values() if f.get("objectKey") == object_key]


@handles(SPEC, "get-object-by-location-id")
def list_schemas(call: Call) -> JsonDict:
    call.require_query("locationId")
    return {"objects": [clean(s) for s in call.store.table("objectSchemas").values()]}


@handles(SPEC, "get-object-schema-by-key")
def get_schema(call: Call) -> JsonDict:
    schema = schema_by_key(call.store, call.path["key"])
    fields = [clean(f) for f in object_fields(call.store, schema["key"])]
    return {"object": clean(schema), "cache": False, "fields": fields}


@handles(SPEC, "create-custom-object-schema")
def create_schema(call: Call) -> JsonDict:
    body, store = call.json, call.store
    key = str(body["key"])
    if not key.startswith("custom_objects.") or key == "custom_objects.":
        raise bad_request("key must start with custom_objects.")
    if any(s["key"] == key for s in store.table("objectSchemas").values()):
        raise bad_request(f"Object with key {key} already exists")
    if sum(1 for s in store.table("objectSchemas").values() if not s.get("standard")) >= MAX_CUSTOM_OBJECTS:
        raise bad_request(f"A location can have at most {MAX_CUSTOM_OBJECTS} custom objects")
    primary = body["primaryDisplayPropertyDetails"]
    stamp = now_iso()
    schema = {
        "standard": False,
        "key": key,
        "labels": body["labels"],
        "description": body.get("description"),
        "locationId": store.location_id,
        "primaryDisplayProperty": primary["key"],
        "dateAdded": stamp,
        "dateUpdated": stamp,
        "type": "USER_DEFINED",
    }
    store.insert("objectSchemas", schema)
    folder = store.insert(
        "fieldFolders", {"objectKey": key, "locationId": store.location_id, "name": "General"}
    )
    store.insert(
        "objectFields",
        {
            "locationId": store.location_id,
            "name": primary["name"],
            "fieldKey": primary["key"],
            "dataType": primary["dataType"],
            "objectKey": key,
            "parentId": folder["id"],
            "showInForms": True,
            "dateAdded": stamp,
            "dateUpdated": stamp,
        },
    )
    return {"object": clean(schema)}


def _short(key: str, object_key: str) -> str:
    """A field key without its object's prefix; a company's fields also carry the 'company.' one."""
    short = key.removeprefix(f"{object_key}.")
    return short.removeprefix("company.") if object_key == "business" else short


def _properties(store: Store, object_key: str, properties: object) -> JsonDict:
    """Properties keyed by short field key, each checked against its field's dataType."""
    if not isinstance(properties, dict):
        raise unprocessable(["properties must be an object"])
    fields = {_short(str(f["fieldKey"]), object_key): f for f in object_fields(store, object_key)}
    problems, clean_props = [], {}
    for name, value in properties.items():
        short = _short(str(name), object_key)
        field = fields.get(short)
        if field is None:
            problems.append(f"properties.{name}: no such field on {object_key}")
        elif value not in (None, "") and (problem := value_problem(field, value)):
            problems.append(f"properties.{name} {problem} for {field.get('dataType')} field")
        else:
            clean_props[short] = value
    if problems:
        raise unprocessable(problems)
    return clean_props


def _record_view(record: JsonDict) -> JsonDict:
    return {k: record[k] for k in ("id", "owner", "followers", "properties", "dateAdded", "dateUpdated")}


@handles(SPEC, "create-object-record")
def create_record(call: Call) -> JsonDict:
    body, store = call.json, call.store
    if not body.get("locationId"):
        raise unprocessable(["locationId should not be empty"])
    schema = schema_by_key(store, call.path["schemaKey"])
    properties = _properties(store, schema["key"], body.get("properties", {}))
    stamp = now_iso()
    record = {
        "id": new_id(),
        "schemaKey": schema["key"],
        "locationId": store.location_id,
        "owner": list(body.get("owner") or []),
        "followers": list(body.get("followers") or []),
        "properties": properties,
        "dateAdded": stamp,
        "dateUpdated": stamp,
    }
    store.insert("records", record)
    return {"record": _record_view(record)}


def _record(call: Call) -> JsonDict:
    schema = schema_by_key(call.store, call.path["schemaKey"])
    if schema["key"] == BUSINESS:  # a company's custom values, under the company's id
        return business_record(call.store, call.path["id"])
    record = call.store.get("records", call.path["id"], "Record")
    if record["schemaKey"] != schema["key"]:
        raise NotFoundError("Record")
    return record


@handles(SPEC, "get-record-by-id")
def get_record(call: Call) -> JsonDict:
    return {"record": _record_view(_record(call))}


@handles(SPEC, "update-object-record")
def update_record(call: Call) -> JsonDict:
    record = _record(call)
    body = call.json
    if "properties" in body:
        record["properties"] = {
            **record["properties"],
            **_properties(call.store, record["schemaKey"], body["properties"]),
        }
    for key in ("owner", "followers"):
        if key in body:
            record[key] = list(body[key] or [])
    record["dateUpdated"] = now_iso()
    call.store.touch()
    return {"record": _record_view(record)}


@handles(SPEC, "delete-object-record")
def delete_record(call: Call) -> JsonDict:
    record = _record(call)
    call.store.remove("records", record["id"])
    for relation in list(call.store.table("relations").values()):
        if record["id"] in (relation.get("firstRecordId"), relation.get("secondRecordId")):
            call.store.remove("relations", relation["id"])
    return {"id": record["id"], "success": True}
