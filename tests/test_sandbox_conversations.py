"""The stand-in's conversations: one per contact, messages added with their original date through
a provider the location has set up, direction as HighLevel takes it, and sends recorded, never made."""

from __future__ import annotations

from typing import Any

import httpx

from tests.sandbox_process import SandboxHandle, sandbox_fixture

sandbox = sandbox_fixture(rate_limit=100_000)
V = "2021-04-15"


def _setup(s: SandboxHandle, http: httpx.Client, email: str) -> tuple[str, str, str]:
    """(contact id, conversation id, provider id) of a new contact in a location with a provider."""
    body = {"locationId": s.location_id, "firstName": "Ana", "email": email}
    made = http.post("/contacts/", json=body, headers={"Version": "2021-07-28"})
    assert made.status_code == 201, made.text
    contact = str(made.json()["contact"]["id"])
    provider = s.admin("POST", "conversation-providers", {"name": "History", "type": "SMS"})["id"]
    conv = http.post("/conversations/", json={"locationId": s.location_id, "contactId": contact})
    assert conv.status_code == 201, conv.text
    return contact, str(conv.json()["conversation"]["id"]), str(provider)


def _message(conversation: str, provider: str, **extra: Any) -> dict[str, Any]:
    body = {"type": "Email", "conversationId": conversation, "conversationProviderId": provider}
    return {**body, "subject": "Quote", "html": "<p>Hi</p>", "date": "2021-03-04T09:15:00Z", **extra}


def test_one_conversation_per_contact_found_by_search(sandbox: SandboxHandle) -> None:
    with sandbox.client(V) as http:
        contact, conv, _ = _setup(sandbox, http, "conv-one@x.es")
        again = http.post("/conversations/", json={"locationId": sandbox.location_id, "contactId": contact})
        assert again.status_code == 400
        assert again.json()["message"] == f"Conversation with the contact id:{contact} already exists!"
        found = http.get(
            "/conversations/search", params={"locationId": sandbox.location_id, "contactId": contact}
        )
        assert found.status_code == 200 and [c["id"] for c in found.json()["conversations"]] == [conv]
        assert http.delete(f"/conversations/{conv}").json() == {"success": True}
        gone = http.get(
            "/conversations/search", params={"locationId": sandbox.location_id, "contactId": contact}
        )
        assert gone.json()["total"] == 0


def test_messages_keep_their_date_and_need_a_known_provider(sandbox: SandboxHandle) -> None:
    with sandbox.client(V) as http:
        contact, conv, provider = _setup(sandbox, http, "conv-msg@x.es")
        unknown = http.post(
            "/conversations/messages/inbound", json=_message(conv, "NoSuchProvider", contactId=contact)
        )
        assert unknown.status_code == 400 and "provider" in unknown.json()["message"]
        missing = http.post("/conversations/messages/inbound", json={"type": "SMS", "conversationId": conv})
        assert missing.status_code == 422
        email = http.post(
            "/conversations/messages/inbound",
            json=_message(conv, provider, contactId=contact, direction="inbound"),
        )
        assert email.status_code == 200, email.text
        call = {"type": "Call", "conversationId": conv, "conversationProviderId": provider}
        call |= {"date": "2020-12-31T23:30:00Z", "call": {"status": "completed", "to": "+34600000001"}}
        out = http.post("/conversations/messages/outbound", json=call)
        assert out.status_code == 200, out.text
        listed = http.get(f"/conversations/{conv}/messages").json()
        got = {(m["messageType"], m["direction"], m["dateAdded"]) for m in listed["messages"]}
        assert got == {
            ("TYPE_EMAIL", "inbound", "2021-03-04T09:15:00Z"),
            ("TYPE_CALL", "outbound", "2020-12-31T23:30:00Z"),
        }
        assert listed["nextPage"] is False


def test_direction_takes_the_strings_highlevel_takes(sandbox: SandboxHandle) -> None:
    with sandbox.client(V) as http:
        contact, conv, provider = _setup(sandbox, http, "conv-dir@x.es")
        for value, status in (("outbound", 200), ("inbound", 200), ("sideways", 422), ({"a": 1}, 422)):
            body = _message(conv, provider, contactId=contact, direction=value)
            answer = http.post("/conversations/messages/inbound", json=body)
            assert answer.status_code == status, (value, answer.text)


def _send(contact: str) -> dict[str, Any]:
    return {"type": "SMS", "subType": {}, "status": "pending", "contactId": contact, "message": "hi"}


def test_a_send_is_recorded_never_delivered(sandbox: SandboxHandle) -> None:
    before = len(sandbox.admin("GET", "records/customerMessages")["records"])
    with sandbox.client(V) as http:
        contact, _, _ = _setup(sandbox, http, "conv-send@x.es")
        sent = http.post("/conversations/messages", json=_send(contact))
        assert sent.status_code == 200, sent.text
    records = sandbox.admin("GET", "records/customerMessages")["records"]
    assert len(records) == before + 1 and records[-1]["kind"] == "conversation-message"
