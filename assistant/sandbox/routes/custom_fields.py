"""The custom-fields API: fields and folders of custom objects and of the business (company) object."""

from __future__ import annotations

from assistant.sandbox.errors import JsonDict, NotFoundError, bad_request
from assistant.sandbox.ids import now_iso
from assistant.sandbox.registry import Call, clean, handles
from assistant.sandbox.routes.objects import object_fields, schema_by_key

SPEC = "custom-fields"
_CHANGEABLE = (
    "name",
    "description",
    "placeholder",
    "showInForms",
    "options",
    "acceptedFormats",
    "maxFileLimit",
    "allowCustomOption",
)


def _folder(call: Call, folder_id: str, object_key: str | None = None) -> JsonDict:
    folder = call.store.get("fieldFolders", folder_id, "Folder")
    if object_key is not None and folder["objectKey"] != object_key:
        raise NotFoundError("Folder")
    return folder


@handles(SPEC, "create-custom-field")
def create_field(call: Call) -> JsonDict:
    body, store = call.json, call.store
    object_key = str(body["objectKey"])
    schema_by_key(store, object_key)
    _folder(call, body["parentId"], object_key)
    if not str(body["fieldKey"]).startswith(f"{object_key}."):
        raise bad_request(f"fieldKey must start with {object_key}.")
    if any(f.get("fieldKey") == body["fieldKey"] for f in store.table("objectFields").values()):
        raise bad_request(f"Field with key {body['fieldKey']} already exists")
    stamp = now_iso()
    field: JsonDict = {
        "locationId": store.location_id,
        "objectKey": object_key,
        "parentId": body["parentId"],
        "fieldKey": body["fieldKey"],
        "dataType": body["dataType"],
        "dateAdded": stamp,
        "dateUpdated": stamp,
    }
    field.update({k: body[k] for k in _CHANGEABLE if k in body})
    return {"field": clean(store.insert("objectFields", field))}


@handles(SPEC, "get-custom-field-by-id")
def get_field(call: Call) -> JsonDict:
    return {"field": clean(call.store.get("objectFields", call.path["id"], "Custom field"))}


@handles(SPEC, "update-custom-field")
def update_field(call: Call) -> JsonDict:
    """dataType, objectKey and fieldKey are fixed at creation; the body cannot carry them."""
    field = call.store.get("objectFields", call.path["id"], "Custom field")
    field.update({k: call.json[k] for k in _CHANGEABLE if k in call.json})
    field["dateUpdated"] = now_iso()
    call.store.touch()
    return {"field": clean(field)}


@handles(SPEC, "delete-custom-field")
def delete_field(call: Call) -> JsonDict:
    field = call.store.get("objectFields", call.path["id"], "Custom field")
    call.store.remove("objectFields", field["id"])
    return {"succeded": True, "id": field["id"], "key": field["fieldKey"]}


@handles(SPEC, "get-custom-fields-by-object-key")
def by_object(call: Call) -> JsonDict:
    call.require_query("locationId")
    object_key = schema_by_key(call.store, call.path["objectKey"])["key"]
    folders = [clean(f) for f in call.store.where("fieldFolders", objectKey=object_key)]
    return {"fields": [clean(f) for f in object_fields(call.store, object_key)], "folders": folders}


@handles(SPEC, "create-custom-field-folder")
def create_folder(call: Call) -> JsonDict:
    schema_by_key(call.store, call.json["objectKey"])
    folder = {
        "objectKey": call.json["objectKey"],
        "locationId": call.store.location_id,
        "name": call.json["name"],
    }
    return clean(call.store.insert("fieldFolders", folder))


@handles(SPEC, "update-custom-field-folder")
def update_folder(call: Call) -> JsonDict:
    folder = _folder(call, call.path["id"])
    folder["name"] = call.json["name"]
    call.store.touch()
    return clean(folder)


@handles(SPEC, "delete-custom-field-folder")
def delete_folder(call: Call) -> JsonDict:
    folder = _folder(call, call.path["id"])
    if call.store.where("objectFields", parentId=folder["id"]):
        raise bad_request("Folder is not empty")
    call.store.remove("fieldFolders", folder["id"])
    return {"succeded": True, "id": folder["id"], "key": folder["objectKey"]}
