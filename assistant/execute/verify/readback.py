"""Read back what HighLevel holds, in pages, counting every read request against a budget.

Location-wide listings come first (contacts search, businesses, opportunities search, products,
task search, custom object record search, calendar events): one request answers up to a page of
records. The opportunity search also carries the notes of each opportunity's contact (``getNotes``);
other contacts' notes can only be read one contact per request, so those reads spend what the
budget has left, the contacts with most notes first; notes of contacts not read are reported as
unread. Messages come from the location-wide message export (see ``messages``), read before them.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from assistant.execute import destination
from assistant.execute.document_readback import DOCUMENT_OBJECTS, all_documents, document_view
from assistant.execute.verify.messages import location_messages
from assistant.execute.verify.written import Written
from assistant.highlevel.client import HighLevelClient
from assistant.highlevel.errors import JsonDict, NotFound

TASK_PAGE = 100
OPPORTUNITY_PAGE = 100  # the spec's maximum for GET /opportunities/search
RECORD_PAGE = 100


@dataclass
class Held:
    """Records HighLevel answered with, by object and id; ``read_parents`` for per-contact reads."""

    records: dict[str, dict[str, JsonDict]] = field(default_factory=lambda: defaultdict(dict))
    read_parents: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    field_names: dict[str, str] = field(default_factory=dict)  # custom field id -> "name (fieldKey)"
    documents: dict[str, dict[str, JsonDict]] = field(default_factory=dict)  # invoices, estimates as held
    reads: int = 0
    messages_complete: bool = False  # the message export was read to its last page

    def was_read(self, item: Written) -> bool:
        if item.object == "note":  # read one contact per request
            return (item.parent_id or "") in self.read_parents["note"]
        if item.object == "message":
            return self.messages_complete or item.hl_id in self.records["message"]
        return True


async def read_back(hl: HighLevelClient, items: list[Written], budget: int) -> Held:
    start = hl.usage().requests_sent
    held = Held()
    kinds = {w.object for w in items}
    fields = await hl.location.custom_fields()
    held.field_names = {str(f["id"]): f"{f.get('name')} ({f.get('fieldKey')})" for f in fields if f.get("id")}
    if kinds & {"contact"}:
        held.records["contact"] = await destination.all_contacts(hl)
    if "company" in kinds:
        held.records["company"] = await destination.all_businesses(hl)
    if "opportunity" in kinds or "note" in kinds:
        await _opportunities(hl, held, with_notes="note" in kinds)
    if "product" in kinds:
        held.records["product"] = await destination.all_products(hl)
    if "task" in kinds:
        held.records["task"] = await _tasks(hl)
    for schema in sorted({w.parent_id for w in items if w.object == "custom_object" and w.parent_id}):
        held.records["custom_object"].update(await _object_records(hl, schema))
    for kind in sorted(kinds & set(DOCUMENT_OBJECTS)):
        held.documents[kind] = await all_documents(hl, kind)
        held.records[kind] = {i: document_view(r) for i, r in held.documents[kind].items()}
    if "appointment" in kinds:
        held.records["appointment"] = await _events(hl, [w.sent for w in items if w.object == "appointment"])
    if "message" in kinds:  # a handful of export pages for the whole location, before per-contact reads
        held.records["message"], held.messages_complete = await location_messages(
            hl, lambda: hl.usage().requests_sent - start >= budget
        )
    notes = Counter(w.parent_id for w in items if w.object == "note" and w.parent_id)
    for contact, _ in sorted(notes.items(), key=lambda kv: (-kv[1], kv[0])):
        if contact in held.read_parents["note"]:
            continue  # its notes came with one of its opportunities
        if hl.usage().requests_sent - start >= budget:
            break
        held.records["note"].update(await _notes(hl, contact))
        held.read_parents["note"].add(contact)
    held.reads = hl.usage().requests_sent - start
    return held


async def _opportunities(hl: HighLevelClient, held: Held, with_notes: bool) -> None:
    """GET /opportunities/search, 100 a page; with ``getNotes`` each carries its contact's notes, so
    the notes of every contact with an opportunity are read without a request of their own."""
    page = 1
    while True:
        params: dict[str, str | int] = {"location_id": hl.location_id, "limit": OPPORTUNITY_PAGE}
        params["page"] = page
        if with_notes:
            params["getNotes"] = "true"
        answer = await hl.transport.request("GET", "/opportunities/search", params=params)
        items = [o for o in answer.get("opportunities") or [] if isinstance(o, dict) and o.get("id")]
        for item in items:
            held.records["opportunity"][str(item["id"])] = item
            if with_notes and "notes" in item and item.get("contactId"):
                notes = _flat(item.get("notes"))
                held.records["note"].update({str(n["id"]): n for n in notes if n.get("id")})
                held.read_parents["note"].add(str(item["contactId"]))
        if len(items) < OPPORTUNITY_PAGE:
            return
        page += 1


async def _tasks(hl: HighLevelClient) -> dict[str, JsonDict]:
    """POST /locations/{id}/tasks/search, ``skip``/``limit`` paged."""
    out: dict[str, JsonDict] = {}
    skip = 0
    while True:
        answer = await hl.transport.request(
            "POST",
            "/locations/{locationId}/tasks/search",
            path_params={"locationId": hl.location_id},
            json_body={"limit": TASK_PAGE, "skip": skip},
        )
        page = _flat(answer.get("tasks"))
        out.update({str(t["id"]): t for t in page if t.get("id")})
        if len(page) < TASK_PAGE:
            return out
        skip += len(page)


def _flat(items: Any) -> list[JsonDict]:
    """Task objects, also when an answer nests them in arrays as the spec's schema types them."""
    out: list[JsonDict] = []
    for item in items or []:
        if isinstance(item, dict):
            out.append(item)
        elif isinstance(item, list):
            out.extend(i for i in item if isinstance(i, dict))
    return out


async def _object_records(hl: HighLevelClient, schema_key: str) -> dict[str, JsonDict]:
    out: dict[str, JsonDict] = {}
    page = 1
    while True:
        body = {
            "locationId": hl.location_id,
            "page": page,
            "pageLimit": RECORD_PAGE,
            "query": "",
            "searchAfter": [],
        }
        answer = await hl.transport.request(
            "POST",
            "/objects/{schemaKey}/records/search",
            path_params={"schemaKey": schema_key},
            json_body=body,
        )
        items = [r for r in answer.get("records") or [] if isinstance(r, dict) and r.get("id")]
        out.update({str(r["id"]): r for r in items})
        if len(items) < RECORD_PAGE:
            return out
        page += 1


async def _events(hl: HighLevelClient, sent: list[JsonDict]) -> dict[str, JsonDict]:
    """Events of every calendar written to, between the earliest and latest start sent (one read each)."""
    starts = [_instant(s.get("startTime")) for s in sent]
    moments = [m for m in starts if m is not None]
    if not moments:
        return {}
    low, high = min(moments) - timedelta(days=1), max(moments) + timedelta(days=1)
    out: dict[str, JsonDict] = {}
    for calendar in sorted({str(s["calendarId"]) for s in sent if s.get("calendarId")}):
        params: dict[str, str | int] = {
            "locationId": hl.location_id,
            "calendarId": calendar,
            "startTime": int(low.timestamp() * 1000),
            "endTime": int(high.timestamp() * 1000),
        }
        answer = await hl.transport.request("GET", "/calendars/events", params=params)
        out.update(
            {str(e["id"]): e for e in answer.get("events") or [] if isinstance(e, dict) and e.get("id")}
        )
    return out


def _instant(value: Any) -> datetime | None:
    try:
        moment = datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


async def _notes(hl: HighLevelClient, contact_id: str) -> dict[str, JsonDict]:
    try:
        answer = await hl.transport.request(
            "GET", "/contacts/{contactId}/notes", path_params={"contactId": contact_id}
        )
    except NotFound:
        return {}
    return {str(n["id"]): n for n in answer.get("notes") or [] if isinstance(n, dict) and n.get("id")}
