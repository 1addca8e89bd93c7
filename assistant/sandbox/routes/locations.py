"""The location, its tags and its custom fields (a field's model is fixed when it is created)."""

from __future__ import annotations

import re

from assistant.sandbox.errors import JsonDict, bad_request, unprocessable
from assistant.sandbox.registry import Call, clean, handles
from assistant.sandbox.store import Store

SPEC = "locations"
DATA_TYPES = (
    "TEXT",
    "LARGE_TEXT",
    "NUMERICAL",
    "PHONE",
    "MONETORY",
    "CHECKBOX",
    "SINGLE_OPTIONS",
    "MULTIPLE_OPTIONS",
    "DATE",
    "TEXTBOX_LIST",
    "FILE_UPLOAD",
    "RADIO",
    "EMAIL",
)
_FIELD_KEYS = (
    "name",
    "placeholder",
    "acceptedFormat",
    "isMultipleFile",
    "maxNumberOfFiles",
    "textBoxListOptions",
    "position",
)


@handles(SPEC, "get-location")
def get_location(call: Call) -> JsonDict:
    return {"location": clean(call.store.location)}


@handles(SPEC, "get-location-tags")
def list_tags(call: Call) -> JsonDict:
    return {"tags": [clean(t) for t in call.store.table("tags").values()]}


def _unique_tag_name(store: Store, name: str, skip_id: str = "") -> str:
    wanted = name.strip().lower()
    if not wanted:
        raise unprocessable(["name should not be empty"])
    if any(t["name"] == wanted and t["id"] != skip_id for t in store.table("tags").values()):
        raise bad_request("Tag with this name already exists.")
    return wanted


@handles(SPEC, "create-tag")
def create_tag(call: Call) -> JsonDict:
    name = _unique_tag_name(call.store, call.json["name"])
    return {"tag": clean(call.store.insert("tags", {"name": name, "locationId": call.store.location_id}))}


@handles(SPEC, "get-tag-by-id")
def get_tag(call: Call) -> JsonDict:
    return {"tag": clean(call.store.get("tags", call.path["tagId"], "Tag"))}


@handles(SPEC, "update-tag")
def update_tag(call: Call) -> JsonDict:
    tag = call.store.get("tags", call.path["tagId"], "Tag")
    tag["name"] = _unique_tag_name(call.store, call.json["name"], skip_id=tag["id"])
    call.store.touch()
    return {"tag": clean(tag)}


@handles(SPEC, "delete-tag")
def delete_tag(call: Call) -> JsonDict:
    call.store.remove("tags", call.store.get("tags", call.path["tagId"], "Tag")["id"])
    return {"succeded": True}


@handles(SPEC, "get-custom-fields")
def list_fields(call: Call) -> JsonDict:
    model = call.query.get("model", "all")
    fields = [f for f in call.store.table("customFields").values() if model in ("all", f.get("model"))]
    return {"customFields": [clean(f) for f in fields]}


def _field_key(store: Store, model: str, name: str) -> str:
    base = f"{model}.{re.sub(r'[^a-z0-9]+', '_', name.lower()).strip('_') or 'field'}"
    taken = {f.get("fieldKey") for f in store.table("customFields").values()}
    key, suffix = base, 1
    while key in taken:
        key, suffix = f"{base}_{suffix}", suffix + 1
    return key


@handles(SPEC, "create-custom-field")
def create_field(call: Call) -> JsonDict:
    body, store = call.json, call.store
    data_type = str(body["dataType"]).upper()
    if data_type not in DATA_TYPES:
        raise unprocessable([f"dataType must be one of the following values: {', '.join(DATA_TYPES)}"])
    model = body.get("model") or "contact"
    field: JsonDict = {
        "locationId": store.location_id,
        "dataType": data_type,
        "model": model,
        "fieldKey": _field_key(store, model, body["name"]),
        "picklistOptions": [],
    }
    field.update({k: body[k] for k in _FIELD_KEYS if k in body})
    field.setdefault("position", len(store.table("customFields")))
    return {"customField": clean(store.insert("customFields", field))}


@handles(SPEC, "get-custom-field")
def get_field(call: Call) -> JsonDict:
    return {"customField": clean(call.store.get("customFields", call.path["id"], "Custom field"))}


@handles(SPEC, "update-custom-field")
def update_field(call: Call) -> JsonDict:
    """Name, placeholder, options and position change; ``model`` is kept as created."""
    field = call.store.get("customFields", call.path["id"], "Custom field")
    field.update({k: call.json[k] for k in _FIELD_KEYS if k in call.json})
    call.store.touch()
    return {"customField": clean(field)}


@handles(SPEC, "delete-custom-field")
def delete_field(call: Call) -> JsonDict:
    """Delete the field; its values go with it from every contact and opportunity, as in HighLevel."""
    field_id = call.store.get("customFields", call.path["id"], "Custom field")["id"]
    call.store.remove("customFields", field_id)
    for table in ("contacts", "opportunities"):
        for record in call.store.table(table).values():
            values = record.get("customFields") or []
            if any(item.get("id") == field_id for item in values):
                record["customFields"] = [item for item in values if item.get("id") != field_id]
    return {"succeded": True}
