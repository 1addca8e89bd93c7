"""``POST /oauth/locationToken``: an agency token buys a token for one of the agency's locations."""

from __future__ import annotations

from assistant.sandbox.errors import JsonDict, bad_request
from assistant.sandbox.registry import Call, handles

SPEC = "oauth"
TOKEN_SECONDS = 86_399  # what HighLevel's location tokens report


@handles(SPEC, "get-location-access-token")
def location_token(call: Call) -> JsonDict:
    body, agency = call.json, call.agency
    store = agency.stores.get(str(body["locationId"])) if agency else None
    if store is None:
        raise bad_request("Location not found")
    if store.location.get("companyId") != body["companyId"]:
        raise bad_request("Location does not belong to this company")
    assert agency is not None  # a store was found in it
    users = list(store.table("users"))
    return {
        "access_token": agency.issue(store.location_id),
        "token_type": "Bearer",
        "expires_in": TOKEN_SECONDS,
        "scope": "contacts.write opportunities.write objects/record.write locations.readonly",
        "locationId": store.location_id,
        "userId": users[0] if users else store.location_id,
    }
