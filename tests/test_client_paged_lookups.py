"""A lost create is looked up through every page of a collection, not only the first one.

Each case fills the stand-in with more records than one page holds, then creates one more with
every answer dropped after commit: the lookup must find it beyond page one, so exactly one copy
exists afterwards (reading only the first page resent the create until six copies existed).
"""

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
FAST = RetryPolicy(max_retries=5, base_delay=0.01, max_delay=0.05)
FILLER = 130  # more than the 100 a page holds by default

Fill = Callable[[HighLevelClient, str, int], Awaitable[object]]
Create = Callable[[HighLevelClient, str], Awaitable[CreateResult]]


async def _fill_opportunities(hl: HighLevelClient, contact: str, n: int) -> object:
    # One opportunity per contact and pipeline: each filler gets its own contact.
    other = await hl.contacts.create({"firstName": f"F{n}", "email": f"f{n}@example.com"})
    return await hl.opportunities.create(
        {"name": f"Deal {n}", "pipelineId": PIPELINE, "status": "open", "contactId": other.id}
    )


CASES: dict[str, tuple[str, Fill, Create]] = {
    "company": (
        "businesses",
        lambda hl, c, n: hl.records.create_business({"name": f"Filler {n:03d}"}),
        lambda hl, c: hl.records.create_business({"name": "Zed Plumbing"}),
    ),
    "opportunity": (
        "opportunities",
        _fill_opportunities,
        lambda hl, c: hl.opportunities.create(
            {"name": "Deal", "pipelineId": PIPELINE, "status": "open", "contactId": c}
        ),
    ),
    "association": (
        "associations",
        lambda hl, c, n: hl.records.create_association(f"pet_{n:03d}", (PETS, f"P{n}"), ("contact", "C")),
        lambda hl, c: hl.records.create_association("pet_zed", (PETS, "Pet"), ("contact", "Vet")),
    ),
    "custom object record": (
        "records",
        lambda hl, c, n: hl.records.create_record(PETS, {"name": f"Filler {n:03d}", "age": n}),
        lambda hl, c: hl.records.create_record(PETS, {"name": "Zed", "age": 3}),
    ),
    "product": (
        "products",
        lambda hl, c, n: hl.files.create_product({"name": f"Filler {n:03d}"}),
        lambda hl, c: hl.files.create_product({"name": "Zed service"}),
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_dropped_create_is_found_beyond_the_first_page(sandbox: SandboxHandle, case: str) -> None:
    table, fill, create = CASES[case]
    sandbox.admin("POST", "reset")

    async def go() -> CreateResult:
        async with HighLevelClient(
            sandbox.url, sandbox.location_id, Secret(sandbox.token), requests_per_window=100_000, policy=FAST
        ) as hl:
            contact = await hl.contacts.create({"firstName": "Owner", "email": "owner@example.com"})
            for n in range(FILLER):
                await fill(hl, contact.id, n)
            sandbox.admin("POST", "faults", {"dropAfterCommit": 1.0})
            try:
                return await create(hl, contact.id)
            finally:
                sandbox.admin("POST", "faults", {"dropAfterCommit": 0.0})

    result = asyncio.run(go())
    records = sandbox.admin("GET", f"records/{table}")["records"]
    assert result.outcome is CreateOutcome.RECOVERED
    assert len(records) == FILLER + 1
    assert result.id in {r["id"] for r in records}
