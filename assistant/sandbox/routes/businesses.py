"""Businesses (companies); create and update answer under the spec's misspelt key ``buiseness``."""

from __future__ import annotations

from assistant.sandbox.errors import JsonDict
from assistant.sandbox.ids import now_iso
from assistant.sandbox.registry import Call, clean, handles
from assistant.sandbox.routes.contact_model import set_or_clear

SPEC = "businesses"
_KEYS = (
    "name",
    "phone",
    "email",
    "website",
    "address",
    "city",
    "postalCode",
    "state",
    "country",
    "description",
)


@handles(SPEC, "create-business")
def create(call: Call) -> JsonDict:
    stamp = now_iso()
    business: JsonDict = {"locationId": call.store.location_id, "createdAt": stamp, "updatedAt": stamp}
    business.update({k: call.json[k] for k in _KEYS if k in call.json})
    return {"success": True, "buiseness": clean(call.store.insert("businesses", business))}


@handles(SPEC, "get-business")
def get(call: Call) -> JsonDict:
    return {"business": clean(call.store.get("businesses", call.path["businessId"], "Business"))}


@handles(SPEC, "get-businesses-by-location")
def list_all(call: Call) -> JsonDict:
    call.require_query("locationId")
    skip, limit = call.int_query("skip", 0), call.int_query("limit", 100, maximum=500)
    records = list(call.store.table("businesses").values())[skip : skip + limit]
    return {"businesses": [clean(b) for b in records]}


@handles(SPEC, "update-business")
def update(call: Call) -> JsonDict:
    business = call.store.get("businesses", call.path["businessId"], "Business")
    for key in (k for k in _KEYS if k in call.json):
        set_or_clear(business, key, call.json[key])
    business["updatedAt"] = now_iso()
    call.store.touch()
    return {"success": True, "buiseness": clean(business)}


@handles(SPEC, "delete-Business")
def delete(call: Call) -> JsonDict:
    business_id = call.store.get("businesses", call.path["businessId"], "Business")["id"]
    call.store.remove("businesses", business_id)
    call.store.remove("records", business_id)  # its custom values (``business_values``)
    for contact in call.store.where("contacts", businessId=business_id):
        contact["businessId"] = None
    return {"success": True}
