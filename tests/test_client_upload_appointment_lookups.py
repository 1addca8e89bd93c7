"""File uploads and appointment creates look the record up after an ambiguous answer (a dropped
connection, or an error for a create HighLevel made), so a resend never makes a second one."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest

from assistant.highlevel.auth import Secret
from assistant.highlevel.client import HighLevelClient
from assistant.highlevel.idempotent import CreateOutcome, CreateResult
from assistant.highlevel.retry import RetryPolicy
from tests.sandbox_process import SandboxHandle, sandbox_fixture

sandbox = sandbox_fixture(rate_limit=100_000)
FAST = RetryPolicy(max_retries=5, base_delay=0.01, max_delay=0.05)
Create = Callable[[HighLevelClient, str], Awaitable[CreateResult]]
CASES: dict[str, tuple[str, Create]] = {
    "file upload": (
        "medias",
        lambda hl, c: hl.files.upload_media("plano.pdf", b"%PDF-1.4 plano", "application/pdf"),
    ),
    "appointment": (
        "appointments",
        lambda hl, c: hl.location.create_appointment(
            # sent with an offset; the stand-in keeps it as sent, HighLevel may answer it in UTC
            {
                "calendarId": "Cal0Visits0000000001",
                "contactId": c,
                "startTime": "2030-04-10T11:00:00+02:00",
                "title": "Visita",
                "ignoreDateRange": True,
                "ignoreFreeSlotValidation": True,
            }
        ),
    ),
}
FAULTS = {"dropped": {"dropAfterCommit": 1.0}, "error after create": {"errorAfterCreate": 1.0, "seed": 3}}


@pytest.mark.parametrize("fault", sorted(FAULTS))
@pytest.mark.parametrize("case", sorted(CASES))
def test_an_ambiguous_answer_is_looked_up_before_any_resend(
    sandbox: SandboxHandle, case: str, fault: str
) -> None:
    table, create = CASES[case]
    sandbox.admin("POST", "reset")

    async def go() -> CreateResult:
        async with HighLevelClient(
            sandbox.url, sandbox.location_id, Secret(sandbox.token), requests_per_window=100_000,
            policy=FAST,
        ) as hl:  # fmt: skip
            owner = await hl.contacts.create({"firstName": "Owner", "email": "owner@example.com"})
            sandbox.admin("POST", "faults", FAULTS[fault])
            try:
                return await create(hl, owner.id)
            finally:
                sandbox.admin("POST", "faults", {"dropAfterCommit": 0.0, "errorAfterCreate": 0.0})

    result = asyncio.run(go())
    stored = sandbox.admin("GET", f"records/{table}")["records"]
    assert [r["id"] for r in stored] == [result.id]  # one record, and the caller has its id
    assert result.outcome is CreateOutcome.RECOVERED
