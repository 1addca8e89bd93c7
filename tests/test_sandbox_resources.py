"""The stand-in's other resources over HTTP: opportunities, fields, users, calendars, objects, media..."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.sandbox_process import SandboxHandle, sandbox_fixture

sandbox = sandbox_fixture(rate_limit=100_000)
LOC = "Loc0Sandbox0Test0001"
SALES, NEW_STAGE, WON_STAGE = "Pip0Sales00000000001", "Stg0New0000000000001", "Stg0Won0000000000001"


@pytest.fixture
def api(sandbox: SandboxHandle) -> Iterator[httpx.Client]:
    sandbox.admin("POST", "reset")
    with sandbox.client(timeout=30) as client:
        yield client


def new_contact(api: httpx.Client, email: str) -> str:
    return str(api.post("/contacts/", json={"locationId": LOC, "email": email}).json()["contact"]["id"])


def test_pipelines_come_from_the_seed(api: httpx.Client) -> None:
    pipelines = api.get("/opportunities/pipelines", params={"locationId": LOC}).json()["pipelines"]
    assert [p["name"] for p in pipelines] == ["Sales", "Service"]
    assert [s["id"] for s in pipelines[0]["stages"]] == [NEW_STAGE, WON_STAGE]


def test_an_admin_creates_a_pipeline_that_the_api_then_lists_and_opportunities_use(
    sandbox: SandboxHandle, api: httpx.Client
) -> None:
    """HighLevel's API cannot create pipelines (the v2 spec only reads them); its admin UI can."""
    made = sandbox.admin("POST", "pipelines", {"name": "Partnerships", "stages": ["Intro", "Signed"]})[
        "pipeline"
    ]
    listed = api.get("/opportunities/pipelines", params={"locationId": LOC}).json()["pipelines"]
    partnerships = next(p for p in listed if p["name"] == "Partnerships")
    assert [(s["name"], s["position"]) for s in partnerships["stages"]] == [("Intro", 0), ("Signed", 1)]
    contact = new_contact(api, "partner@example.com")
    body = {"locationId": LOC, "name": "Alliance", "pipelineId": made["id"], "status": "open",
            "pipelineStageId": made["stages"][1]["id"], "contactId": contact}  # fmt: skip
    assert api.post("/opportunities/", json=body).status_code == 201
    with pytest.raises(httpx.HTTPStatusError) as again:  # one name, one pipeline, as in HighLevel's UI
        sandbox.admin("POST", "pipelines", {"name": " partnerships ", "stages": ["Intro"]})
    assert again.value.response.status_code == 400
    with pytest.raises(httpx.HTTPStatusError):
        sandbox.admin("POST", "pipelines", {"name": "Empty", "stages": []})


def test_opportunity_rules(api: httpx.Client) -> None:
    contact_id = new_contact(api, "opp@example.com")
    missing = api.post("/opportunities/", json={"locationId": LOC, "name": "Job"})
    assert missing.status_code == 422
    assert set(missing.json()["message"]) == {
        "pipelineId should not be empty",
        "status should not be empty",
        "contactId should not be empty",
    }
    body = {"locationId": LOC, "pipelineId": SALES, "name": "Job", "status": "open", "contactId": contact_id}
    created = api.post("/opportunities/", json=body)
    assert created.status_code == 201
    opportunity = created.json()["opportunity"]
    assert opportunity["pipelineStageId"] == NEW_STAGE and opportunity["contact"]["id"] == contact_id
    duplicate = api.post("/opportunities/", json={**body, "name": "Job again"})
    assert duplicate.status_code == 400
    assert duplicate.json()["code"] == "OPPORTUNITY_NO_DUPLICATE"
    assert duplicate.json()["meta"] == {"existingId": opportunity["id"]}
    wrong_stage = api.put(
        f"/opportunities/{opportunity['id']}", json={"pipelineStageId": "Stg0Booked0000000001"}
    )
    assert wrong_stage.status_code == 400
    moved = api.put(
        f"/opportunities/{opportunity['id']}", json={"pipelineStageId": WON_STAGE, "monetaryValue": 250}
    )
    assert moved.json()["opportunity"]["monetaryValue"] == 250
    assert api.put(f"/opportunities/{opportunity['id']}/status", json={"status": "won"}).json() == {
        "succeded": True
    }
    found = api.get("/opportunities/search", params={"location_id": LOC, "status": "won"}).json()
    assert [o["id"] for o in found["opportunities"]] == [opportunity["id"]] and found["meta"]["total"] == 1
    advanced = {
        "locationId": LOC,
        "query": "job",
        "limit": 10,
        "page": 1,
        "searchAfter": [],
        "additionalDetails": {
            "notes": False,
            "tasks": False,
            "calendarEvents": False,
            "unReadConversations": False,
        },
    }
    assert api.post("/opportunities/search", json=advanced).json()["total"] == 1
    assert (
        api.post("/opportunities/search", json={"locationId": LOC}).status_code == 422
    )  # the spec requires all
    bad_value = api.put(
        f"/opportunities/{opportunity['id']}",
        json={"customFields": [{"id": "Fld0Budget0000000001", "field_value": 1}]},
    )
    assert bad_value.status_code == 422  # a contact field on an opportunity
    assert api.delete(f"/opportunities/{opportunity['id']}").json() == {"succeded": True}


def test_location_custom_field_model_is_fixed_at_creation(api: httpx.Client) -> None:
    created = api.post(
        f"/locations/{LOC}/customFields",
        json={"name": "Job Size", "dataType": "NUMERICAL", "model": "opportunity"},
    )
    assert created.status_code == 201
    field = created.json()["customField"]
    assert field["fieldKey"] == "opportunity.job_size" and field["model"] == "opportunity"
    updated = api.put(
        f"/locations/{LOC}/customFields/{field['id']}", json={"name": "Job size", "model": "contact"}
    )
    assert updated.status_code == 200
    assert (
        updated.json()["customField"]["model"] == "opportunity"
        and updated.json()["customField"]["name"] == "Job size"
    )
    contact_only = api.get(f"/locations/{LOC}/customFields", params={"model": "contact"}).json()[
        "customFields"
    ]
    assert field["id"] not in {f["id"] for f in contact_only}
    unknown_property = api.post(
        f"/locations/{LOC}/customFields", json={"name": "X", "dataType": "TEXT", "options": []}
    )
    assert unknown_property.json()["message"] == ["property options should not exist"]
    assert api.delete(f"/locations/{LOC}/customFields/{field['id']}").json() == {"succeded": True}


def test_users_search_and_filter_by_email_needs_the_agency_token(
    sandbox: SandboxHandle, api: httpx.Client
) -> None:
    found = api.get("/users/search", params={"companyId": sandbox.company_id, "query": "ana"}).json()
    assert [u["email"] for u in found["users"]] == ["ana@example.com"] and found["count"] == 1
    body = {"companyId": sandbox.company_id, "emails": "bob@example.com"}
    refused = api.post("/users/search/filter-by-email", json=body)
    assert (
        refused.status_code == 401
        and refused.json()["message"] == "The token is not authorized for this scope."
    )
    agency = httpx.post(
        f"{sandbox.url}/users/search/filter-by-email",
        json=body,
        headers=sandbox.headers(token=sandbox.agency_token),
    )
    assert [u["id"] for u in agency.json()["users"]] == ["Usr0Bob0000000000001"]


def test_appointments_use_the_calendar_version(sandbox: SandboxHandle) -> None:
    with sandbox.client(version="2021-04-15", timeout=10) as calendars, sandbox.client(timeout=10) as api:
        contact_id = new_contact(api, "appt@example.com")
        assert [
            c["id"] for c in calendars.get("/calendars/", params={"locationId": LOC}).json()["calendars"]
        ] == ["Cal0Visits0000000001"]
        body = {
            "calendarId": "Cal0Visits0000000001",
            "locationId": LOC,
            "contactId": contact_id,
            "startTime": "2026-03-02T10:00:00+00:00",
            "ignoreDateRange": True,  # a past slot: HighLevel refuses it without the override
        }
        assert api.post("/calendars/events/appointments", json=body).status_code == 401  # wrong Version
        created = calendars.post("/calendars/events/appointments", json=body)
        assert created.status_code == 200  # the spec documents 200 for this create
        event = created.json()
        assert event["endTime"].startswith("2026-03-02T10:30")
        assert (
            calendars.get(f"/calendars/events/appointments/{event['id']}").json()["event"]["contactId"]
            == contact_id
        )
        listed = api.get(f"/contacts/{contact_id}/appointments").json()["events"]
        assert [e["id"] for e in listed] == [event["id"]]
        assert calendars.request("DELETE", f"/calendars/events/{event['id']}", json={}).json() == {
            "succeeded": True
        }


def test_custom_object_records_are_typed_and_related(api: httpx.Client) -> None:
    schema = api.get("/objects/custom_objects.pets", params={"locationId": LOC}).json()
    assert {f["fieldKey"] for f in schema["fields"]} == {
        "custom_objects.pets.name",
        "custom_objects.pets.age",
    }
    bad = api.post(
        "/objects/custom_objects.pets/records",
        json={"locationId": LOC, "properties": {"name": "Rex", "age": "old", "color": "red"}},
    )
    assert bad.status_code == 422 and len(bad.json()["message"]) == 2
    record = api.post(
        "/objects/custom_objects.pets/records",
        json={"locationId": LOC, "properties": {"name": "Rex", "age": 3}},
    )
    assert record.status_code == 201
    record_id = record.json()["record"]["id"]
    association = api.post(
        "/associations/",
        json={
            "locationId": LOC,
            "key": "pet_owner",
            "firstObjectLabel": "pet",
            "firstObjectKey": "custom_objects.pets",
            "secondObjectLabel": "owner",
            "secondObjectKey": "contact",
        },
    )
    assert association.status_code == 201
    contact_id = new_contact(api, "owner@example.com")
    relation = api.post(
        "/associations/relations",
        json={
            "locationId": LOC,
            "associationId": association.json()["id"],
            "firstRecordId": record_id,
            "secondRecordId": contact_id,
        },
    )
    assert relation.status_code == 201
    listed = api.get(
        f"/associations/relations/{contact_id}", params={"locationId": LOC, "skip": 0, "limit": 10}
    )
    assert [r["id"] for r in listed.json()["relations"]] == [relation.json()["id"]]
    wrong_side = api.post(
        "/associations/relations",
        json={
            "locationId": LOC,
            "associationId": association.json()["id"],
            "firstRecordId": contact_id,
            "secondRecordId": record_id,
        },
    )
    assert wrong_side.status_code == 400
    deleted = api.delete(f"/objects/custom_objects.pets/records/{record_id}")
    assert deleted.json() == {"id": record_id, "success": True}
    assert (
        api.get(
            f"/associations/relations/{contact_id}", params={"locationId": LOC, "skip": 0, "limit": 10}
        ).json()["total"]
        == 0
    )


def test_media_upload_limit_and_delete(api: httpx.Client) -> None:
    uploaded = api.post(
        "/medias/upload-file", files={"file": ("a.txt", b"hello", "text/plain")}, data={"name": "a.txt"}
    )
    assert uploaded.status_code == 200 and set(uploaded.json()) == {"fileId", "url"}
    too_big = api.post("/medias/upload-file", files={"file": ("big.bin", b"\0" * (25 * 1024 * 1024 + 1))})
    assert too_big.status_code == 413
    hosted = api.post("/medias/upload-file", data={"hosted": "true"})
    assert hosted.status_code == 400
    assert (
        api.delete(
            f"/medias/{uploaded.json()['fileId']}", params={"altType": "location", "altId": LOC}
        ).status_code
        == 200
    )


def test_products_and_prices(api: httpx.Client) -> None:
    product = api.post(
        "/products/", json={"name": "Boiler service", "locationId": LOC, "productType": "SERVICE"}
    )
    assert product.status_code == 201
    product_id = product.json()["_id"]
    price = api.post(
        f"/products/{product_id}/price",
        json={"name": "Standard", "type": "one_time", "currency": "USD", "amount": 120, "locationId": LOC},
    )
    assert price.status_code == 201 and price.json()["product"] == product_id
    prices = api.get(f"/products/{product_id}/price", params={"locationId": LOC}).json()
    assert prices["total"] == 1
    assert api.get("/products/", params={"locationId": LOC}).json()["total"] == [{"total": 1}]
    assert api.delete(f"/products/{product_id}", params={"locationId": LOC}).json() == {"status": True}
    assert (
        api.get(f"/products/{product_id}/price/{price.json()['_id']}", params={"locationId": LOC}).status_code
        == 400
    )
