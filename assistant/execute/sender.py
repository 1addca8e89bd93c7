"""Send a :class:`Call` through the HighLevel client, and find a record a lost create may have made.

Creates go through the client's idempotent methods (a lost answer is looked up before any
resend). ``find_existing`` answers the same question for an operation a killed process left
``started``: is the record already in HighLevel?
"""

from __future__ import annotations

from collections.abc import Awaitable
from dataclasses import replace
from typing import Any

from assistant.execute.calls import Call
from assistant.execute.destination import paged
from assistant.execute.holding import HOLDING_TAG
from assistant.execute.identity import Ownership
from assistant.execute.products import find_product
from assistant.highlevel.client import HighLevelClient
from assistant.highlevel.errors import CreateOutcomeUnknown, JsonDict
from assistant.highlevel.idempotent import CreateOutcome, CreateResult, Lookup, record_id

CHILD_KEYS = {"task": ("title", "dueDate"), "note": ("body",)}


async def send_create(hl: HighLevelClient, call: Call, ownership: Ownership | None = None) -> CreateResult:
    """Create; a record a lookup finds that is not this create's own is reported ``existing``."""
    mine = ownership or Ownership()
    result = await _send(hl, call, mine)
    if result.outcome is CreateOutcome.RECOVERED and not mine.may_take(result.record | {"id": result.id}):
        # HighLevel's duplicate rule matched a record another source record (or nobody in this
        # migration) made: the same answer a clean run gets as a duplicate error.
        return replace(result, outcome=CreateOutcome.EXISTING)
    return result


async def _send(hl: HighLevelClient, call: Call, mine: Ownership) -> CreateResult:
    body = call.body
    lookup = _lookup(hl, call, mine)
    if call.target == "contact":
        return await hl.contacts.create(body, lookup=lookup)
    if call.target == "company":
        return await hl.records.create_business(body, lookup=lookup)
    if call.target == "opportunity":
        return await hl.opportunities.create(body)
    if call.target in CHILD_KEYS:
        contact = call.path_params["contactId"]
        create = hl.contacts.create_task if call.target == "task" else hl.contacts.create_note
        return await create(contact, body, lookup=lookup)
    if call.target == "appointment":
        return await hl.location.create_appointment(body, lookup=lookup)
    if call.target == "product":
        return await hl.files.create_product(body, lookup=lookup)
    if call.target == "custom_object":
        return await hl.records.create_record(
            call.path_params["schemaKey"], body["properties"], lookup=lookup
        )
    raise ValueError(f"no create for {call.target}")


async def send_update(hl: HighLevelClient, call: Call) -> JsonDict:
    return await hl.transport.request(
        call.method, call.template, path_params=call.path_params, json_body=call.body
    )


async def read_back(
    hl: HighLevelClient, target: str, hl_id: str, parent_id: str | None, schema_key: str | None
) -> JsonDict:
    """The record as HighLevel now holds it (GET by id)."""
    if target == "contact":
        return await hl.contacts.get(hl_id)
    if target == "opportunity":
        return await hl.opportunities.get(hl_id)
    if target == "product":
        answer = await hl.transport.request(
            "GET",
            "/products/{productId}",
            path_params={"productId": hl_id},
            params={"locationId": hl.location_id},
        )
        return _first_dict(answer, ("product",)) or answer
    if target == "company":
        answer = await hl.transport.request(
            "GET", "/businesses/{businessId}", path_params={"businessId": hl_id}
        )
        return _first_dict(answer, ("business", "buiseness")) or answer
    if target in CHILD_KEYS and parent_id:
        kind = "tasks" if target == "task" else "notes"
        template = (
            "/contacts/{contactId}/tasks/{taskId}" if target == "task" else "/contacts/{contactId}/notes/{id}"
        )
        params = {"contactId": parent_id, ("taskId" if target == "task" else "id"): hl_id}
        answer = await hl.transport.request("GET", template, path_params=params)
        return _first_dict(answer, (kind[:-1],)) or answer
    if target == "custom_object" and schema_key:
        answer = await hl.transport.request(
            "GET", "/objects/{schemaKey}/records/{id}", path_params={"schemaKey": schema_key, "id": hl_id}
        )
        return _first_dict(answer, ("record",)) or answer
    if target == "appointment":
        answer = await hl.transport.request(
            "GET", "/calendars/events/appointments/{eventId}", path_params={"eventId": hl_id}
        )
        return _first_dict(answer, ("appointment", "event")) or answer
    raise ValueError(f"cannot read back {target}")


async def find_existing(
    hl: HighLevelClient, call: Call, ownership: Ownership | None = None
) -> tuple[str, str] | None:
    """(id, outcome) of a record equal to what ``call`` creates, if HighLevel already holds one:
    ``recovered`` when this create may own it, ``existing`` when it is another's (a duplicate)."""
    mine = ownership or Ownership()
    found: JsonDict | None = None
    if call.target == "contact" and (call.body.get("email") or call.body.get("phone")):
        found = await hl.contacts.find_duplicate(call.body)
    elif call.target == "opportunity":
        found = await hl.opportunities.find_same(call.body)
    else:
        lookup = _lookup(hl, call, mine)
        if lookup is None:  # resending could duplicate it, skipping could lose it: a person must look
            raise CreateOutcomeUnknown(
                f"{call.method} {call.path}: a previous run stopped before its answer and nothing identifies "
                "the record to look it up; check HighLevel, then re-run (reconcile lists it)"
            )
        found = await lookup()
    if not found or not record_id(found):
        return None
    return record_id(found), "recovered" if mine.may_take(found) else "existing"


def _lookup(hl: HighLevelClient, call: Call, mine: Ownership) -> Lookup | None:
    """How to find the record ``call`` creates; only records this create may own are taken."""
    if call.target == "company":
        return lambda: _find_business(hl, call.body, mine)
    if call.target == "contact" and HOLDING_TAG in (call.body.get("tags") or []):
        return lambda: _find_tagged(hl, call.body, mine)  # no email or phone: found by its tag and name
    if call.target == "product":
        return lambda: find_product(hl, call.body, mine.may_take)
    if call.target == "custom_object":
        schema, properties = call.path_params["schemaKey"], call.body.get("properties") or {}
        return lambda: hl.records.find_record(schema, properties, mine.may_take)
    if call.target in CHILD_KEYS:
        kind = call.target + "s"
        template = f"/contacts/{{contactId}}/{kind}"
        return lambda: _find_in(
            hl, "GET", template, call.path_params, kind, call.body, CHILD_KEYS[call.target], mine
        )
    if call.target == "appointment" and call.body.get("contactId"):
        return lambda: _taken(hl.location.find_appointment(call.body), mine)
    return None


async def _taken(found: Awaitable[JsonDict | None], mine: Ownership) -> JsonDict | None:
    """The record a lookup found, when this create may own it."""
    record = await found
    return record if record is not None and mine.may_take(record) else None


async def _find_in(
    hl: HighLevelClient,
    method: str,
    template: str,
    path: dict[str, str],
    key: str,
    sent: JsonDict,
    same: tuple[str, ...],
    mine: Ownership,
) -> JsonDict | None:
    params: dict[str, Any] = {"locationId": hl.location_id} if "{" not in template else {}
    answer = await hl.transport.request(method, template, path_params=path, params=params)
    for item in answer.get(key) or []:
        if isinstance(item, dict) and all(item.get(k) == sent.get(k) for k in same) and mine.may_take(item):
            return item
    return None


async def _find_tagged(hl: HighLevelClient, sent: JsonDict, mine: Ownership) -> JsonDict | None:
    """A contact carrying the sent tags and names that this create may own."""
    tags = [str(t).lower() for t in sent.get("tags") or []]
    answer = await hl.contacts.search(filters=[{"field": "tags", "operator": "contains", "value": tags[0]}])
    for found in answer.get("contacts") or []:
        held = {str(t).lower() for t in found.get("tags") or []}
        named = all(found.get(k) == sent.get(k) for k in ("firstName", "lastName"))
        if isinstance(found, dict) and set(tags) <= held and named and mine.may_take(found):
            return dict(found)
    return None


async def _find_business(hl: HighLevelClient, sent: JsonDict, mine: Ownership) -> JsonDict | None:
    """A business of the same name this create may own, searched through every page."""
    listed = await paged(hl, "/businesses/", "businesses", {"locationId": hl.location_id}, "skip")
    return next((b for b in listed if b.get("name") == sent.get("name") and mine.may_take(b)), None)


def _first_dict(answer: JsonDict, keys: tuple[str, ...]) -> JsonDict | None:
    for key in keys:
        value = answer.get(key)
        if isinstance(value, dict):
            return value
    return None
