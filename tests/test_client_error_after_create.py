"""A create answered with an error that still made the record is found by a lookup, whatever the error.

The stand-in's ``errorAfterCreate`` fault commits the create and then answers 400, 404, 409, 422 or
a 5xx. The client must look the record up before it resends or gives up, so each create ends with
exactly one record and the caller gets its id.
"""

from __future__ import annotations

import asyncio

import httpx
import pytest

from assistant.highlevel.auth import Secret
from assistant.highlevel.client import HighLevelClient
from assistant.highlevel.errors import Unprocessable
from assistant.highlevel.idempotent import CreateOutcome, CreateResult
from assistant.highlevel.retry import RetryPolicy
from assistant.sandbox.faults import ERROR_AFTER_CREATE
from tests.client_tour import PETS
from tests.sandbox_process import SandboxHandle, sandbox_fixture
from tests.test_client_lookups import CASES

sandbox = sandbox_fixture(rate_limit=100_000)
FAST = RetryPolicy(max_retries=5, base_delay=0.01, max_delay=0.05)


def _client(sandbox: SandboxHandle, statuses: list[int] | None = None) -> HighLevelClient:
    async def seen(response: httpx.Response) -> None:
        if statuses is not None and response.request.method == "POST":
            statuses.append(response.status_code)

    return HighLevelClient(
        sandbox.url,
        sandbox.location_id,
        Secret(sandbox.token),
        requests_per_window=100_000,
        policy=FAST,
        event_hooks={"response": [seen]},
    )


def test_every_error_class_after_a_committed_create_is_recovered_once(sandbox: SandboxHandle) -> None:
    sandbox.admin("POST", "reset")
    statuses: list[int] = []

    async def go() -> list[CreateResult]:
        async with _client(sandbox, statuses) as hl:
            sandbox.admin("POST", "faults", {"errorAfterCreate": 1.0, "seed": 11})
            try:
                return [
                    await hl.contacts.create({"firstName": f"P{n}", "email": f"p{n}@example.com"})
                    for n in range(70)
                ]
            finally:
                sandbox.admin("POST", "faults", {"errorAfterCreate": 0.0})

    results = asyncio.run(go())
    stored = sandbox.admin("GET", "records/contacts")["records"]
    assert set(statuses) == set(ERROR_AFTER_CREATE)  # every class was answered at least once
    assert len(stored) == 70 and {r.id for r in results} == {c["id"] for c in stored}
    assert {r.outcome for r in results} == {CreateOutcome.RECOVERED}


@pytest.mark.parametrize("case", sorted(CASES))
def test_each_object_answered_with_an_error_after_create_is_found(sandbox: SandboxHandle, case: str) -> None:
    table, create = CASES[case]
    sandbox.admin("POST", "reset")

    async def go() -> CreateResult:
        async with _client(sandbox) as hl:
            owner = await hl.contacts.create({"firstName": "Owner", "email": "owner@example.com"})
            before = len(sandbox.admin("GET", f"records/{table}")["records"])
            sandbox.admin("POST", "faults", {"errorAfterCreate": 1.0, "seed": 5})
            try:
                result = await create(hl, owner.id)
            finally:
                sandbox.admin("POST", "faults", {"errorAfterCreate": 0.0})
            assert len(sandbox.admin("GET", f"records/{table}")["records"]) == before + 1
            return result

    result = asyncio.run(go())
    assert result.outcome is CreateOutcome.RECOVERED and result.id


def test_a_refusal_that_made_nothing_is_still_raised(sandbox: SandboxHandle) -> None:
    sandbox.admin("POST", "reset")

    async def go() -> None:
        async with _client(sandbox) as hl:
            await hl.contacts.create({"firstName": "Bad", "email": "bad@example.com"}, {"Fld0Nope": "x"})

    with pytest.raises(Unprocessable):
        asyncio.run(go())
    assert sandbox.admin("GET", "records/contacts")["records"] == []


def test_a_relation_answered_with_an_error_after_commit_is_found_once(sandbox: SandboxHandle) -> None:
    sandbox.admin("POST", "reset")

    async def go() -> CreateResult:
        async with _client(sandbox) as hl:
            owner = await hl.contacts.create({"firstName": "Vet", "email": "vet@example.com"})
            pet = await hl.records.create_record(PETS, {"name": "Rex"})
            assoc = await hl.records.create_association("pet_vet", (PETS, "Pet"), ("contact", "Vet"))
            sandbox.admin("POST", "faults", {"errorAfterCreate": 1.0, "seed": 2})
            try:
                return await hl.records.relate(assoc.id, pet.id, owner.id)
            finally:
                sandbox.admin("POST", "faults", {"errorAfterCreate": 0.0})

    result = asyncio.run(go())
    relations = sandbox.admin("GET", "records/relations")["records"]
    assert result.outcome is CreateOutcome.RECOVERED and [r["id"] for r in relations] == [result.id]
