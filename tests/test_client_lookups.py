"""Every create with a built-in lookup finds its own record when the answer is dropped after commit."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

import pytest

from assistant.highlevel.auth import Secret
from assistant.highlevel.client import HighLevelClient
from assistant.highlevel.idempotent import CreateOutcome, CreateResult
from assistant.highlevel.retry import RetryPolicy
from tests.client_tour import PETS, PIPELINE
from tests.sandbox_process import SandboxHandle, sandbox_fixture

sandbox = sandbox_fixture(rate_limit=100_000)
Create = Callable[[HighLevelClient, str], Awaitable[CreateResult]]

CASES: dict[str, tuple[str, Create]] = {
    "contact by phone": (
        "contacts",
        lambda hl, c: hl.contacts.create({"firstName": "Tel", "phone": "+1 202 555 0199"}),
    ),
    "opportunity": (
        "opportunities",
        lambda hl, c: hl.opportunities.create(
            {"name": "Deal", "pipelineId": PIPELINE, "status": "open", "contactId": c}
        ),
    ),
    "task": (
        "tasks",
        lambda hl, c: hl.contacts.create_task(c, {"title": "Visit", "dueDate": "2026-12-01T10:00:00Z"}),
    ),
    "note": ("notes", lambda hl, c: hl.contacts.create_note(c, {"body": "legacy note"})),
    "location tag": ("tags", lambda hl, c: hl.location.create_tag("Imported-2024")),
    "custom field": (
        "customFields",
        lambda hl, c: hl.location.create_custom_field(
            {"name": "Legacy ref", "dataType": "TEXT", "model": "contact"}
        ),
    ),
    "business": ("businesses", lambda hl, c: hl.records.create_business({"name": "Deo Plumbing"})),
    "field folder": ("fieldFolders", lambda hl, c: hl.records.create_field_folder(PETS, "Imported")),
    "association": (
        "associations",
        lambda hl, c: hl.records.create_association("pet_vet", (PETS, "Pet"), ("contact", "Vet")),
    ),
}


def _count(sandbox: SandboxHandle, table: str) -> int:
    return len(sandbox.admin("GET", f"records/{table}")["records"])


@pytest.mark.parametrize("case", sorted(CASES))
def test_dropped_create_is_recovered_once(sandbox: SandboxHandle, case: str) -> None:
    table, create = CASES[case]
    sandbox.admin("POST", "reset")

    async def go() -> CreateResult:
        policy = RetryPolicy(base_delay=0.01, max_delay=0.1)
        async with HighLevelClient(
            sandbox.url, sandbox.location_id, Secret(sandbox.token), policy=policy
        ) as hl:
            owner = await hl.contacts.create({"firstName": "Owner", "email": "owner@example.com"})
            before = _count(sandbox, table)
            sandbox.admin("POST", "faults", {"dropAfterCommit": 1.0})
            try:
                result = await create(hl, owner.id)
            finally:
                sandbox.admin("POST", "faults", {"dropAfterCommit": 0.0})
            assert _count(sandbox, table) == before + 1
            return result

    result = asyncio.run(go())
    assert result.outcome is CreateOutcome.RECOVERED and result.id
