"""Typed errors and token secrecy, against the stand-in running as a real process."""

from __future__ import annotations

import asyncio
import logging
from typing import Any

import pytest

from assistant.highlevel.auth import Secret
from assistant.highlevel.client import HighLevelClient
from assistant.highlevel.errors import (
    BadRequest,
    DuplicateContact,
    DuplicateOpportunity,
    Forbidden,
    MissingRecord,
    NotFound,
    Unauthorized,
    Unprocessable,
)
from tests.client_tour import PIPELINE
from tests.sandbox_process import SandboxHandle, sandbox_fixture

sandbox = sandbox_fixture(rate_limit=100_000)


def _client(sandbox: SandboxHandle, token: str | None = None) -> HighLevelClient:
    return HighLevelClient(sandbox.url, sandbox.location_id, Secret(token or sandbox.token))


def _run(coro: Any) -> Any:
    return asyncio.run(coro)


def test_typed_errors_from_the_live_stand_in(sandbox: SandboxHandle) -> None:
    sandbox.admin("POST", "reset")

    async def go() -> dict[str, Exception]:
        caught: dict[str, Exception] = {}
        async with _client(sandbox) as hl:
            for name, call in {
                "missing": hl.contacts.get("NoSuchContact0000001"),
                "unprocessable": hl.records.create_business({"name": "X", "vatNumber": "B123"}),
                "bad_status": hl.opportunities.update_status("NoSuchOpp00000000001", "won"),
            }.items():
                try:
                    await call
                except Exception as exc:
                    caught[name] = exc
            first = await hl.contacts.create({"firstName": "Dup", "email": "dup@example.com"})
            try:
                await hl.transport.request(
                    "POST", "/contacts/", json_body=hl.contacts.create_body({"email": "dup@example.com"})
                )
            except Exception as exc:
                caught["duplicate"] = exc
            opp = {"name": "Dup deal", "pipelineId": PIPELINE, "status": "open", "contactId": first.id}
            await hl.opportunities.create(opp)
            try:
                await hl.transport.request(
                    "POST", "/opportunities/", json_body=hl.opportunities.create_body(opp)
                )
            except Exception as exc:
                caught["duplicate_opportunity"] = exc
        async with HighLevelClient(sandbox.url, "SomeOtherLocation123", Secret(sandbox.token)) as other:
            try:
                await other.location.tags()
            except Exception as exc:
                caught["forbidden"] = exc
        async with _client(sandbox, token="wrong-token") as bad:
            try:
                await bad.location.get()
            except Exception as exc:
                caught["unauthorized"] = exc
        return caught

    caught = _run(go())
    assert isinstance(caught["missing"], NotFound)
    unprocessable = caught["unprocessable"]
    assert isinstance(unprocessable, Unprocessable) and unprocessable.status == 422
    assert unprocessable.messages == ["property vatNumber should not exist"]
    assert isinstance(caught["bad_status"], MissingRecord | NotFound)
    duplicate = caught["duplicate"]
    assert isinstance(duplicate, DuplicateContact) and isinstance(duplicate, BadRequest)
    assert duplicate.contact_id and duplicate.matching_field == "email"
    assert "does not allow duplicated contacts" in duplicate.message
    dup_opp = caught["duplicate_opportunity"]
    assert isinstance(dup_opp, DuplicateOpportunity) and dup_opp.existing_id
    assert isinstance(caught["forbidden"], Forbidden)
    unauthorized = caught["unauthorized"]
    assert isinstance(unauthorized, Unauthorized) and "Invalid token" in unauthorized.message
    assert "wrong-token" not in repr(unauthorized) + str(unauthorized)


def test_token_never_appears_in_repr_errors_or_logs(
    sandbox: SandboxHandle, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)

    async def go() -> tuple[str, str]:
        async with _client(sandbox) as hl:
            try:
                await hl.contacts.get("NoSuchContact0000002")
            except NotFound as exc:
                error_text = repr(exc) + str(exc) + repr(exc.body)
            return repr(hl) + repr(hl.transport) + repr(hl.transport.http.auth), error_text

    reprs, error_text = _run(go())
    assert sandbox.token not in reprs + error_text + caplog.text
    assert sandbox.url in reprs and sandbox.location_id in reprs and "****" in reprs
