"""The stand-in's location-wide reads: task search, custom object record search, calendar events."""

from __future__ import annotations

from typing import Any

import httpx

from tests.sandbox_process import SandboxHandle, sandbox_fixture

sandbox = sandbox_fixture(rate_limit=100_000)


def _contact(api: httpx.Client, location_id: str, email: str) -> str:
    answer = api.post("/contacts/", json={"firstName": "Ana", "email": email, "locationId": location_id})
    answer.raise_for_status()
    return str(answer.json()["contact"]["id"])


def test_task_search_pages_tasks_of_the_whole_location_with_their_contact(sandbox: SandboxHandle) -> None:
    with sandbox.client() as api:
        contacts = [_contact(api, sandbox.location_id, f"task{i}@example.com") for i in range(3)]
        for n in range(7):
            body = {"title": f"Call {n}", "dueDate": "2024-05-01T09:00:00Z", "completed": n == 0}
            api.post(f"/contacts/{contacts[n % 3]}/tasks", json=body).raise_for_status()
        url = f"/locations/{sandbox.location_id}/tasks/search"
        pages: list[dict[str, Any]] = []
        for skip in (0, 3, 6):
            answer = api.post(url, json={"limit": 3, "skip": skip, "contactId": contacts})
            assert answer.status_code == 200, answer.text
            pages += answer.json()["tasks"]
        assert len(pages) == 7 and len({t["id"] for t in pages}) == 7
        assert {t["contactId"] for t in pages} == set(contacts)
        assert all(t["dueDate"] == "2024-05-01T09:00:00Z" for t in pages)
        done = api.post(url, json={"completed": True, "contactId": contacts}).json()["tasks"]
        assert [t["title"] for t in done] == ["Call 0"]
        capped = api.post(url, json={"limit": 1000}).json()["tasks"]
        assert len(capped) <= 100


def test_calendar_events_between_two_times_in_milliseconds(sandbox: SandboxHandle) -> None:
    with sandbox.client() as api:
        contact = _contact(api, sandbox.location_id, "events@example.com")
    with sandbox.client("2021-04-15") as api:
        calendars = api.get("/calendars/", params={"locationId": sandbox.location_id}).json()["calendars"]
        calendar = calendars[0]["id"]
        body = {
            "calendarId": calendar,
            "locationId": sandbox.location_id,
            "contactId": contact,
            "startTime": "2024-03-10T10:00:00Z",
            "endTime": "2024-03-10T11:00:00Z",
            "title": "Medición",
            "ignoreFreeSlotValidation": True,  # a past slot, as a migration writes
        }
        made = api.post("/calendars/events/appointments", json=body)
        assert made.status_code in (200, 201), made.text
        params = {
            "locationId": sandbox.location_id,
            "calendarId": calendar,
            "startTime": 1_710_000_000_000,  # 2024-03-09T16:00Z
            "endTime": 1_710_100_000_000,  # 2024-03-10T19:46Z
        }
        events = api.get("/calendars/events", params=params).json()["events"]
        assert [(e["title"], e["contactId"]) for e in events] == [("Medición", contact)]
        later = {**params, "startTime": 1_710_100_000_000, "endTime": 1_710_200_000_000}
        assert api.get("/calendars/events", params=later).json()["events"] == []
        unnamed = {k: v for k, v in params.items() if k != "calendarId"}
        assert api.get("/calendars/events", params=unnamed).status_code == 400


def test_custom_object_record_search_pages_by_page_and_by_search_after(sandbox: SandboxHandle) -> None:
    url = "/objects/custom_objects.pets/records"
    with sandbox.client() as api:
        for n in range(5):
            body = {"locationId": sandbox.location_id, "properties": {"name": f"Pet {n}", "age": n}}
            api.post(url, json=body).raise_for_status()
        search: dict[str, Any] = {
            "locationId": sandbox.location_id,
            "pageLimit": 2,
            "query": "",
            "searchAfter": [],
        }
        first = api.post(f"{url}/search", json={**search, "page": 1}).json()
        second = api.post(f"{url}/search", json={**search, "page": 2}).json()
        assert first["total"] >= 5 and len(first["records"]) == len(second["records"]) == 2
        assert first["records"][0]["properties"]["name"] == "Pet 0"  # properties as an object
        after = {**search, "page": 1, "searchAfter": first["records"][-1]["searchAfter"]}
        assert api.post(f"{url}/search", json=after).json()["records"] == second["records"]
        named = api.post(f"{url}/search", json={**search, "page": 1, "query": "name:Pet 3"}).json()
        assert [r["properties"]["name"] for r in named["records"]] == ["Pet 3"]


def test_opportunity_search_carries_the_contacts_notes_when_asked(sandbox: SandboxHandle) -> None:
    with sandbox.client() as api:
        contact = _contact(api, sandbox.location_id, "notes@example.com")
        api.post(f"/contacts/{contact}/notes", json={"body": "Prefiere WhatsApp"}).raise_for_status()
        pipeline = api.get("/opportunities/pipelines", params={"locationId": sandbox.location_id}).json()
        body = {
            "locationId": sandbox.location_id,
            "contactId": contact,
            "pipelineId": pipeline["pipelines"][0]["id"],
            "name": "Reforma",
            "status": "open",
        }
        api.post("/opportunities/", json=body).raise_for_status()
        query = {"location_id": sandbox.location_id, "contact_id": contact}
        plain = api.get("/opportunities/search", params=query).json()["opportunities"]
        assert len(plain) == 1 and "notes" not in plain[0]
        rich = api.get("/opportunities/search", params={**query, "getNotes": "true"}).json()["opportunities"]
        assert [n["body"] for n in rich[0]["notes"]] == ["Prefiere WhatsApp"]
