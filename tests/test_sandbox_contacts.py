"""The stand-in's contact rules, checked over HTTP against the live process."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import httpx
import pytest

from tests.sandbox_process import SandboxHandle, sandbox_fixture

sandbox = sandbox_fixture(rate_limit=100_000)
LOC = "Loc0Sandbox0Test0001"


@pytest.fixture
def api(sandbox: SandboxHandle) -> Iterator[httpx.Client]:
    sandbox.admin("POST", "reset")
    with sandbox.client(timeout=10) as client:
        yield client


def create(api: httpx.Client, **fields: object) -> httpx.Response:
    return api.post("/contacts/", json={"locationId": LOC, **fields})


def test_missing_or_wrong_token_and_missing_version_answer_401(sandbox: SandboxHandle) -> None:
    url = f"{sandbox.url}/contacts/abc"
    assert httpx.get(url, headers={"Version": "2021-07-28"}).json() == {
        "statusCode": 401,
        "message": "Invalid JWT",
        "error": "Unauthorized",
    }
    wrong = httpx.get(url, headers=sandbox.headers(token="nope"))
    assert wrong.status_code == 401 and wrong.json()["message"] == "Invalid token: access token is invalid"
    no_version = httpx.get(url, headers={"Authorization": f"Bearer {sandbox.token}"})
    assert no_version.status_code == 401 and no_version.json()["message"] == "Version header was not found"
    calendar_version_elsewhere = httpx.get(url, headers=sandbox.headers(version="2021-04-15"))
    assert calendar_version_elsewhere.status_code == 401


def test_other_location_is_forbidden_and_unknown_routes_404(api: httpx.Client) -> None:
    other = api.post("/contacts/", json={"locationId": "SomeOtherLocation123"})
    assert other.status_code == 403
    assert other.json()["message"] == "The token does not have access to this location."
    missing = api.get("/nothing/here")
    assert missing.status_code == 404 and missing.json()["message"] == "Cannot GET /nothing/here"


def test_body_validation_answers_422_with_highlevel_messages(api: httpx.Client) -> None:
    answer = create(api, email="a@example.com", foo=1, name=3)
    assert answer.status_code == 422
    assert answer.json() == {
        "statusCode": 422,
        "message": ["property foo should not exist", "name must be a string"],
        "error": "Unprocessable Entity",
    }
    missing = api.post("/contacts/", json={"email": "b@example.com"})
    assert missing.status_code == 422 and missing.json()["message"] == ["locationId should not be empty"]
    broken = api.post("/contacts/", content=b"{not json", headers={"Content-Type": "application/json"})
    assert broken.status_code == 400


def test_create_get_and_not_found(api: httpx.Client) -> None:
    created = create(api, firstName="Ana", lastName="Ruiz", email="Ana@Example.com", phone="(555) 201-0000")
    assert created.status_code == 201
    contact = created.json()["contact"]
    assert len(contact["id"]) == 20 and contact["id"].isalnum()
    assert contact["phone"] == "+15552010000" and contact["emailLowerCase"] == "ana@example.com"
    fetched = api.get(f"/contacts/{contact['id']}").json()["contact"]
    assert fetched["fullNameLowerCase"] == "ana ruiz"
    gone = api.get("/contacts/NoSuchContact0000001")
    assert gone.status_code == 400 and gone.json()["message"] == "Contact not found"


def test_duplicate_email_or_phone_is_rejected_with_the_existing_id(api: httpx.Client) -> None:
    first = create(api, email="dup@example.com", phone="+1 555 201 0001").json()["contact"]["id"]
    by_email = create(api, email="DUP@example.COM")
    assert by_email.status_code == 400
    assert by_email.json() == {
        "statusCode": 400,
        "message": "This location does not allow duplicated contacts.",
        "meta": {"contactId": first, "matchingField": "email"},
    }
    by_phone = create(api, email="other@example.com", phone="555-201-0001")
    assert by_phone.status_code == 400 and by_phone.json()["meta"] == {
        "contactId": first,
        "matchingField": "phone",
    }
    lookup = api.get("/contacts/search/duplicate", params={"locationId": LOC, "email": "dup@EXAMPLE.com"})
    assert lookup.json()["contact"]["id"] == first


def test_duplicates_are_accepted_when_the_location_allows_them(
    sandbox: SandboxHandle, api: httpx.Client
) -> None:
    sandbox.admin("POST", "settings", {"allowDuplicateContact": True})
    first = create(api, email="twice@example.com").json()["contact"]["id"]
    second = create(api, email="twice@example.com")
    assert second.status_code == 201 and second.json()["contact"]["id"] != first
    upserted = api.post(
        "/contacts/upsert",
        json={"locationId": LOC, "email": "twice@example.com", "createNewIfDuplicateAllowed": True},
    )
    assert upserted.json()["new"] is True
    location = api.get(f"/locations/{LOC}").json()["location"]
    assert location["settings"]["allowDuplicateContact"] is True


def test_upsert_replaces_tags_and_tag_endpoints_add_and_remove(api: httpx.Client) -> None:
    made = api.post(
        "/contacts/upsert", json={"locationId": LOC, "email": "t@example.com", "tags": ["A", "b"]}
    )
    assert made.status_code == 200 and made.json()["new"] is True
    contact_id = made.json()["contact"]["id"]
    again = api.post("/contacts/upsert", json={"locationId": LOC, "email": "T@example.com", "tags": ["c"]})
    assert again.json()["new"] is False and again.json()["contact"]["id"] == contact_id
    assert again.json()["contact"]["tags"] == ["c"]
    added = api.post(f"/contacts/{contact_id}/tags", json={"tags": ["d", "C"]})
    assert added.status_code == 201 and added.json()["tags"] == ["c", "d"]
    removed = api.request("DELETE", f"/contacts/{contact_id}/tags", json={"tags": ["c"]})
    assert removed.json()["tags"] == ["d"]
    put = api.put(f"/contacts/{contact_id}", json={"tags": ["e"]})
    assert put.json()["succeded"] is True and put.json()["contact"]["tags"] == ["e"]
    location_tags = {t["name"] for t in api.get(f"/locations/{LOC}/tags").json()["tags"]}
    assert {"a", "b", "c", "d", "e", "vip"} <= location_tags


@pytest.mark.parametrize(
    ("field_id", "value", "fragment"),
    [
        ("Fld0Budget0000000001", "a lot", "must be a number"),
        ("Fld0Since00000000001", "next tuesday", "must be a valid date"),
        ("Fld0Tier000000000001", "bronze", "must be one of: gold, silver"),
        ("Fld0Services00000001", "repair", "must be an array of strings"),
        ("Fld0Source0000000001", "web", "does not exist"),  # an opportunity field on a contact
        ("NoSuchField000000001", "x", "does not exist"),
    ],
)
def test_custom_field_values_are_checked_against_their_field(
    api: httpx.Client, field_id: str, value: object, fragment: str
) -> None:
    answer = create(api, email="cf@example.com", customFields=[{"id": field_id, "field_value": value}])
    assert answer.status_code == 422
    assert fragment in answer.json()["message"][0]


def test_valid_custom_values_are_stored_by_id(api: httpx.Client) -> None:
    values = [
        {"id": "Fld0Budget0000000001", "field_value": 1200.5},
        {"id": "Fld0Since00000000001", "field_value": "2019-03-01"},
        {"id": "Fld0Tier000000000001", "key": "contact.tier", "field_value": "gold"},
        {"id": "Fld0Services00000001", "field_value": ["repair", "install"]},
    ]
    contact = create(api, email="ok@example.com", customFields=values).json()["contact"]
    stored = {c["id"]: c["value"] for c in contact["customFields"]}
    key_only = create(
        api, email="k@example.com", customFields=[{"key": "contact.tier", "field_value": "gold"}]
    )
    assert key_only.json()["message"] == ["customFields.0.id should not be empty"]  # the spec requires id
    assert stored == {
        "Fld0Budget0000000001": 1200.5,
        "Fld0Since00000000001": "2019-03-01",
        "Fld0Tier000000000001": "gold",
        "Fld0Services00000001": ["repair", "install"],
    }


def test_delete_contact_deletes_its_notes_and_tasks(api: httpx.Client) -> None:
    contact_id = create(api, email="del@example.com").json()["contact"]["id"]
    note = api.post(f"/contacts/{contact_id}/notes", json={"body": "called"})
    assert note.status_code == 201
    task = api.post(
        f"/contacts/{contact_id}/tasks",
        json={"title": "Call", "dueDate": "2026-01-01T10:00:00Z", "completed": False},
    )
    assert task.status_code == 201 and task.json()["task"]["contactId"] == contact_id
    assert api.post(f"/contacts/{contact_id}/tasks", json={"title": "x"}).status_code == 422
    assert api.delete(f"/contacts/{contact_id}").json() == {"succeded": True}
    records = (
        api.get("/_sandbox/records/notes").json()["records"]
        + api.get("/_sandbox/records/tasks").json()["records"]
    )
    assert [r for r in records if r["contactId"] == contact_id] == []
    assert api.get(f"/contacts/{contact_id}/notes").status_code == 400


def test_search_filters_query_and_paging(api: httpx.Client) -> None:
    for index in range(5):
        create(
            api,
            email=f"s{index}@example.com",
            firstName=f"Name{index}",
            tags=["even" if index % 2 == 0 else "odd"],
        )
    even = api.post(
        "/contacts/search",
        json={
            "locationId": LOC,
            "pageLimit": 10,
            "filters": [{"field": "tags", "operator": "eq", "value": "even"}],
        },
    )
    assert even.json()["total"] == 3
    page = api.post("/contacts/search", json={"locationId": LOC, "pageLimit": 2, "page": 2}).json()
    assert page["total"] == 5 and len(page["contacts"]) == 2
    after = page["contacts"][-1]["searchAfter"]
    rest = api.post(
        "/contacts/search", json={"locationId": LOC, "pageLimit": 10, "searchAfter": after}
    ).json()
    assert len(rest["contacts"]) == 1
    assert api.post("/contacts/search", json={"locationId": LOC, "query": "name3"}).json()["total"] == 1
    too_big = api.post("/contacts/search", json={"locationId": LOC, "pageLimit": 501})
    assert too_big.status_code == 422


def test_business_answers_with_the_spec_typo_and_links_contacts(api: httpx.Client) -> None:
    created = api.post("/businesses/", json={"locationId": LOC, "name": "Acme"})
    assert created.status_code == 201 and created.json()["success"] is True
    business_id = created.json()["buiseness"]["id"]
    contact_id = create(api, email="acme@example.com").json()["contact"]["id"]
    linked = api.post(
        "/contacts/bulk/business", json={"locationId": LOC, "ids": [contact_id], "businessId": business_id}
    )
    assert linked.json() == {"success": True, "ids": [contact_id]}
    assert api.get(f"/contacts/{contact_id}").json()["contact"]["businessId"] == business_id
    assert api.delete(f"/businesses/{business_id}").json() == {"success": True}


def test_concurrent_creates_of_one_email_make_exactly_one_contact(
    sandbox: SandboxHandle, api: httpx.Client
) -> None:
    async def burst() -> list[int]:
        async with httpx.AsyncClient(base_url=sandbox.url, headers=sandbox.headers(), timeout=30) as client:
            body = {"locationId": LOC, "email": "race@example.com"}
            answers = await asyncio.gather(*(client.post("/contacts/", json=body) for _ in range(20)))
            return sorted(a.status_code for a in answers)

    assert asyncio.run(burst()) == [201] + [400] * 19
    records = api.get("/_sandbox/records/contacts").json()["records"]
    assert [r["email"] for r in records] == ["race@example.com"]
