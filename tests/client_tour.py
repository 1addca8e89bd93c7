"""Drive every typed client method once against a live stand-in, recording each request sent.

Used by tests/test_client_live.py: the tour's results are asserted on, and every JSON body the
client sent is validated against the official spec's request schema.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import httpx

from assistant.highlevel.auth import Secret
from assistant.highlevel.client import HighLevelClient
from tests.sandbox_process import SandboxHandle

PIPELINE = "Pip0Sales00000000001"
STAGE_WON = "Stg0Won0000000000001"
CALENDAR = "Cal0Visits0000000001"
PETS = "custom_objects.pets"
BUDGET_FIELD = "Fld0Budget0000000001"


@dataclass
class SentRequest:
    method: str
    path: str
    content_type: str
    body: Any


@dataclass
class Tour:
    sent: list[SentRequest] = field(default_factory=list)
    results: dict[str, Any] = field(default_factory=dict)


def recording_client(sandbox: SandboxHandle, tour: Tour, **kwargs: Any) -> HighLevelClient:
    async def record(request: httpx.Request) -> None:
        content_type = request.headers.get("content-type", "")
        body = json.loads(request.content) if content_type.startswith("application/json") else None
        tour.sent.append(SentRequest(request.method, request.url.path, content_type, body))

    return HighLevelClient(
        sandbox.url, sandbox.location_id, Secret(sandbox.token), event_hooks={"request": [record]}, **kwargs
    )


async def run_tour(hl: HighLevelClient, tour: Tour) -> None:
    r = tour.results
    contact = await hl.contacts.create(
        {"firstName": "Rosa", "lastName": "Pérez", "email": "rosa@example.com", "phone": "+1 202 555 0101",
         "tags": ["vip"], "address1": "1 Main St", "city": "Dolomite", "source": "migration", "dnd": False},
        custom={BUDGET_FIELD: "1200"},
    )  # fmt: skip
    r["contact"] = contact
    r["contact_again"] = await hl.contacts.create({"firstName": "Rosa", "email": "rosa@example.com"})
    r["upsert"] = await hl.contacts.upsert({"email": "rosa@example.com", "city": "Springfield"})
    r["updated"] = await hl.contacts.update(contact.id, {"lastName": "Pérez Gil"})
    await hl.contacts.add_tags(contact.id, ["imported", "2024"])
    await hl.contacts.remove_tags(contact.id, ["2024"])
    r["fetched"] = await hl.contacts.get(contact.id)
    r["search"] = await hl.contacts.search(query="rosa", page_limit=10)
    task = await hl.contacts.create_task(
        contact.id, {"title": "Call back", "dueDate": "2026-12-01T10:00:00Z"}
    )
    note = await hl.contacts.create_note(contact.id, {"body": "Imported from the old system (id 42)."})
    r["task"], r["note"] = task, note

    opportunity = await hl.opportunities.create(
        {"name": "Boiler repair", "pipelineId": PIPELINE, "status": "open", "contactId": contact.id,
         "monetaryValue": 950.5}
    )  # fmt: skip
    r["opportunity"] = opportunity
    r["opportunity_again"] = await hl.opportunities.create(
        {"name": "Boiler repair", "pipelineId": PIPELINE, "status": "open", "contactId": contact.id}
    )
    r["opp_updated"] = await hl.opportunities.update(opportunity.id, {"pipelineStageId": STAGE_WON})
    r["opp_status"] = await hl.opportunities.update_status(opportunity.id, "won")
    r["opp_upsert"] = await hl.opportunities.upsert(
        {"id": opportunity.id, "pipelineId": PIPELINE, "name": "Boiler repair", "status": "won"}
    )
    r["opp_search"] = await hl.opportunities.search(contact_id=contact.id)
    r["pipelines"] = await hl.opportunities.pipelines()

    r["location"] = await hl.location.get()
    field_result = await hl.location.create_custom_field(
        {"name": "Legacy id", "dataType": "TEXT", "model": "contact"}
    )
    r["custom_field"] = field_result
    r["custom_field_updated"] = await hl.location.update_custom_field(field_result.id, {"name": "Legacy ID"})
    r["custom_fields"] = await hl.location.custom_fields()
    tag = await hl.location.create_tag("from-migration")
    r["tag"], r["tags"] = tag, await hl.location.tags()
    r["users"] = await hl.location.search_users(str(r["location"]["companyId"]))
    r["calendars"] = await hl.location.calendars()
    appointment = await hl.location.create_appointment(
        {"calendarId": CALENDAR, "contactId": contact.id, "startTime": "2026-12-02T09:00:00-05:00",
         "endTime": "2026-12-02T10:00:00-05:00", "title": "Site visit", "ignoreFreeSlotValidation": True}
    )  # fmt: skip
    r["appointment"] = appointment

    business = await hl.records.create_business({"name": "Deo Plumbing", "email": "office@deo.example"})
    r["business"] = business
    r["business_updated"] = await hl.records.update_business(business.id, {"city": "Austin"})
    r["schemas"] = await hl.records.object_schemas()
    r["schema"] = await hl.records.object_schema(PETS)
    record = await hl.records.create_record(PETS, {"name": "Rex"})
    r["record"] = record
    r["record_updated"] = await hl.records.update_record(PETS, record.id, {"name": "Rex II"})
    association = await hl.records.create_association("pet_owner", (PETS, "Pet"), ("contact", "Owner"))
    r["association"] = association
    r["relation"] = await hl.records.create_relation(association.id, record.id, contact.id)
    folder = await hl.records.create_field_folder(PETS, "Imported")
    r["folder"] = folder
    object_field = await hl.records.create_object_field(
        {
            "name": "Breed",
            "dataType": "TEXT",
            "fieldKey": f"{PETS}.breed",
            "objectKey": PETS,
            "parentId": folder.id,
        }
    )
    r["object_field"] = object_field
    r["object_field_updated"] = await hl.records.update_object_field(
        object_field.id, {"name": "Breed (import)"}
    )
    r["object_fields"] = await hl.records.object_fields(PETS)
    media = await hl.files.upload_media("invoice-42.pdf", b"%PDF-1.4 tiny", "application/pdf")
    r["media"] = media
    product = await hl.files.create_product({"name": "Boiler service", "description": "Annual check"})
    price = await hl.files.create_price(product.id, {"name": "Standard", "currency": "USD", "amount": 120.0})
    r["product"], r["price"] = product, price

    deletions = {
        "price": await hl.files.delete_price(product.id, price.id),
        "product": await hl.files.delete_product(product.id),
        "media": await hl.files.delete_media(media.id),
        "object_field": await hl.records.delete_object_field(object_field.id),
        "record": await hl.records.delete_record(PETS, record.id),
        "business": await hl.records.delete_business(business.id),
        "appointment": await hl.location.delete_appointment(appointment.id),
        "tag": await hl.location.delete_tag(tag.id),
        "custom_field": await hl.location.delete_custom_field(field_result.id),
        "task": await hl.contacts.delete_task(contact.id, task.id),
        "note": await hl.contacts.delete_note(contact.id, note.id),
        "opportunity": await hl.opportunities.delete(opportunity.id),
        "contact": await hl.contacts.delete(contact.id),
        "contact_twice": await hl.contacts.delete(contact.id),
    }
    r["deleted"] = deletions
