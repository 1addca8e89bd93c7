"""The stand-in's location-wide message export: query checked as the spec types it, answers in the
spec's response schema, cursor pages that cover every message once, and e-mails only on request."""

from __future__ import annotations

from typing import Any

import httpx

from assistant.hlspec import operation_by_id
from assistant.hlspec.validate import check_value
from tests.sandbox_process import SandboxHandle, sandbox_fixture

sandbox = sandbox_fixture(rate_limit=100_000)
V = "2021-04-15"
EXPORT = "/conversations/messages/export"


def _history(s: SandboxHandle, http: httpx.Client, email: str, texts: int, emails: int) -> str:
    """A new contact's conversation holding ``texts`` SMS and calls and ``emails`` e-mails."""
    made = http.post(
        "/contacts/", json={"locationId": s.location_id, "email": email}, headers={"Version": "2021-07-28"}
    )
    contact = str(made.json()["contact"]["id"])
    provider = s.admin("POST", "conversation-providers", {"name": "History", "type": "SMS"})["id"]
    conversation = str(
        http.post("/conversations/", json={"locationId": s.location_id, "contactId": contact}).json()[
            "conversation"
        ]["id"]
    )
    for n in range(texts + emails):
        kind = "Email" if n >= texts else ("Call" if n % 3 == 0 else "SMS")
        body: dict[str, Any] = {
            "type": kind,
            "conversationId": conversation,
            "conversationProviderId": provider,
            "contactId": contact,
        }
        body |= {"message": f"m{n}", "date": f"2022-01-{n + 1:02d}T10:00:00Z", "direction": "inbound"}
        if kind == "Email":
            body |= {"subject": f"s{n}", "html": f"<p>m{n}</p>"}
        assert http.post("/conversations/messages/inbound", json=body).status_code == 200
    return conversation


def _pages(http: httpx.Client, params: dict[str, Any]) -> tuple[list[dict[str, Any]], int]:
    found: list[dict[str, Any]] = []
    requests = 0
    while True:
        answer = http.get(EXPORT, params=params)
        requests += 1
        assert answer.status_code == 200, answer.text
        body = answer.json()
        assert (
            check_value(
                operation_by_id("conversations", "export-messages-by-location").response_schemas["200"], body
            )
            == []
        )
        found += body["messages"]
        if "nextCursor" not in body:
            return found, requests
        params = {**params, "cursor": body["nextCursor"]}


def test_cursor_pages_cover_every_message_once_newest_first(sandbox: SandboxHandle) -> None:
    with sandbox.client(V) as http:
        conversation = _history(sandbox, http, "export-pages@x.es", texts=23, emails=0)
        query: dict[str, Any] = {
            "locationId": sandbox.location_id,
            "conversationId": conversation,
            "limit": 10,
        }
        found, requests = _pages(http, query)
        assert requests == 3 and len(found) == 23 and len({m["id"] for m in found}) == 23
        dates = [m["dateAdded"] for m in found]
        assert dates == sorted(dates, reverse=True)
        oldest_first, _ = _pages(http, {**query, "sortOrder": "asc", "limit": 500})
        assert [m["id"] for m in oldest_first] == [m["id"] for m in reversed(found)]
        assert http.get(EXPORT, params={**query, "limit": 10}).json()["total"] == 23
        assert all("subject" not in m and "html" not in m for m in found)


def test_emails_come_only_with_channel_email(sandbox: SandboxHandle) -> None:
    with sandbox.client(V) as http:
        conversation = _history(sandbox, http, "export-mail@x.es", texts=4, emails=3)
        query = {"locationId": sandbox.location_id, "conversationId": conversation}
        plain, _ = _pages(http, query)
        assert len(plain) == 4 and "TYPE_EMAIL" not in {m["messageType"] for m in plain}
        mails, _ = _pages(http, {**query, "channel": "Email"})
        assert [m["messageType"] for m in mails] == ["TYPE_EMAIL"] * 3
        calls, _ = _pages(http, {**query, "channel": "Call"})
        assert {m["messageType"] for m in calls} == {"TYPE_CALL"} and len(calls) == 2
        dated, _ = _pages(
            http, {**query, "startDate": "2022-01-02T00:00:00Z", "endDate": "2022-01-03T23:00:00Z"}
        )
        assert sorted(m["body"] for m in dated) == ["m1", "m2"]


def test_query_is_checked_as_the_spec_types_it(sandbox: SandboxHandle) -> None:
    base: dict[str, Any] = {"locationId": sandbox.location_id}
    refused: list[dict[str, Any]] = [
        {"limit": 5}, {"limit": 501}, {"limit": "many"}, {"sortBy": "name"}, {"sortOrder": "up"},
        {"channel": "Fax"}, {"cursor": "not-a-cursor"}, {"startDate": "yesterday"},
    ]  # fmt: skip
    with sandbox.client(V) as http:
        for extra in refused:
            answer = http.get(EXPORT, params={**base, **extra})
            assert answer.status_code == 400, (extra, answer.text)
            assert next(iter(extra)) in answer.json()["message"]
        assert http.get(EXPORT, params={}).status_code == 400
    without_version = httpx.get(
        sandbox.url + EXPORT, params=base, headers={"Authorization": f"Bearer {sandbox.token}"}
    )
    assert without_version.status_code == 401
