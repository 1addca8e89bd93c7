"""A company's custom field values, as the objects API serves them (schema key ``business``).

HighLevel's ``/businesses/`` bodies carry no custom fields: a company's values are written and read
through the records API of its standard object ("Supported Objects are business and custom objects").
The stand-in keeps them as a record under the company's own id, made on its first write and removed
with the company.
"""

from __future__ import annotations

from assistant.sandbox.errors import JsonDict
from assistant.sandbox.store import Store

BUSINESS = "business"


def business_record(store: Store, business_id: str) -> JsonDict:
    """The record of the company ``business_id`` (404 "Record not found" when there is no company)."""
    record = store.table("records").get(business_id)
    if record is not None:
        return record
    business = store.get("businesses", business_id, "Record")
    stamp = str(business.get("createdAt", ""))
    return store.insert(
        "records",
        {
            "id": business_id,
            "schemaKey": BUSINESS,
            "locationId": store.location_id,
            "owner": [],
            "followers": [],
            "properties": {},
            "dateAdded": stamp,
            "dateUpdated": stamp,
        },
    )
