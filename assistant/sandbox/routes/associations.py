"""Association definitions and the relations that link two records through one."""

from __future__ import annotations

from assistant.sandbox.errors import JsonDict, NotFoundError, bad_request
from assistant.sandbox.registry import Call, clean, handles
from assistant.sandbox.routes.objects import schema_by_key
from assistant.sandbox.store import Store

SPEC = "associations"
_STANDARD_TABLES = {"contact": "contacts", "opportunity": "opportunities", "business": "businesses"}


def _record_exists(store: Store, object_key: str, record_id: str) -> bool:
    table = _STANDARD_TABLES.get(object_key)
    if table:
        return record_id in store.table(table)
    record = store.table("records").get(record_id)
    return record is not None and record["schemaKey"] == object_key


@handles(SPEC, "create-association")
def create_association(call: Call) -> JsonDict:
    body, store = call.json, call.store
    for side in ("firstObjectKey", "secondObjectKey"):
        schema_by_key(store, str(body[side]))
    if any(a["key"] == body["key"] for a in store.table("associations").values()):
        raise bad_request(f"Association with key {body['key']} already exists")
    association = {
        k: body[k]
        for k in ("key", "firstObjectLabel", "firstObjectKey", "secondObjectLabel", "secondObjectKey")
    }
    association.update(locationId=store.location_id, associationType="USER_DEFINED")
    return clean(store.insert("associations", association))


@handles(SPEC, "get-association-by-ID")
def get_association(call: Call) -> JsonDict:
    return clean(call.store.get("associations", call.path["associationId"], "Association"))


@handles(SPEC, "get-association-key-by-key-name")
def association_by_key(call: Call) -> JsonDict:
    for association in call.store.table("associations").values():
        if association["key"] == call.path["key_name"]:
            return clean(association)
    raise NotFoundError("Association")


@handles(SPEC, "find-associations")
def list_associations(call: Call) -> JsonDict:
    call.require_query("locationId")
    skip, limit = call.int_query("skip", 0), call.int_query("limit", 100, maximum=500)
    every = list(call.store.table("associations").values())
    return {"associations": [clean(a) for a in every[skip : skip + limit]], "total": len(every)}


def _relation_view(store: Store, relation: JsonDict) -> JsonDict:
    association = store.table("associations").get(relation["associationId"], {})
    return clean({**{k: v for k, v in association.items() if k != "id"}, **relation})


@handles(SPEC, "create-relation")
def create_relation(call: Call) -> JsonDict:
    body, store = call.json, call.store
    association = store.get("associations", body["associationId"], "Association")
    first, second = body["firstRecordId"], body["secondRecordId"]
    if not _record_exists(store, association["firstObjectKey"], first):
        raise NotFoundError(f"Record {first} of {association['firstObjectKey']}")
    if not _record_exists(store, association["secondObjectKey"], second):
        raise NotFoundError(f"Record {second} of {association['secondObjectKey']}")
    for existing in store.where("relations", associationId=association["id"], firstRecordId=first):
        if existing["secondRecordId"] == second:
            raise bad_request("Relation already exists", meta={"existingId": existing["id"]})
    relation = {
        "associationId": association["id"],
        "firstRecordId": first,
        "secondRecordId": second,
        "locationId": store.location_id,
    }
    return _relation_view(store, store.insert("relations", relation))


@handles(SPEC, "get-relations-by-record-id")
def relations_of(call: Call) -> JsonDict:
    record_id = call.path["recordId"]
    skip, limit = call.int_query("skip", 0), call.int_query("limit", 100, maximum=500)
    wanted = set(call.query_lists.get("associationIds", []))
    found = [
        r
        for r in call.store.table("relations").values()
        if record_id in (r["firstRecordId"], r["secondRecordId"])
        and (not wanted or r["associationId"] in wanted)
    ]
    return {
        "relations": [_relation_view(call.store, r) for r in found[skip : skip + limit]],
        "total": len(found),
    }


@handles(SPEC, "delete-association")
def delete_association(call: Call) -> JsonDict:
    """Delete a USER_DEFINED association and, as the spec says, every relation made through it."""
    store = call.store
    association = store.get("associations", call.path["associationId"], "Association")
    if association.get("associationType", "USER_DEFINED") != "USER_DEFINED":
        raise bad_request("Only USER_DEFINED associations can be deleted")
    for relation in store.where("relations", associationId=association["id"]):
        store.remove("relations", relation["id"])
    store.remove("associations", association["id"])
    return {"deleted": True, "id": association["id"], "message": "Association deleted successfully"}


@handles(SPEC, "delete-relation")
def delete_relation(call: Call) -> JsonDict:
    call.require_query("locationId")  # required by the spec
    relation = call.store.get("relations", call.path["relationId"], "Relation")
    call.store.remove("relations", relation["id"])
    return _relation_view(call.store, relation)
