"""Creates under injected faults never duplicate a record (live stand-in process, real HTTP)."""

from __future__ import annotations

import asyncio
from collections import Counter

import pytest

from assistant.highlevel.auth import Secret
from assistant.highlevel.client import HighLevelClient
from assistant.highlevel.errors import CreateOutcomeUnknown, RateLimited, ServerError
from assistant.highlevel.idempotent import CreateOutcome, CreateResult
from assistant.highlevel.retry import RetryPolicy
from tests.sandbox_process import SandboxHandle, sandbox_fixture, start_sandbox

sandbox = sandbox_fixture(rate_limit=100_000)
FAST_RETRIES = RetryPolicy(max_retries=5, base_delay=0.01, max_delay=0.2)


def _contacts(sandbox: SandboxHandle) -> list[dict[str, object]]:
    records: list[dict[str, object]] = sandbox.admin("GET", "records/contacts")["records"]
    return records


def _client(sandbox: SandboxHandle, per_window: int = 100_000) -> HighLevelClient:
    return HighLevelClient(
        sandbox.url,
        sandbox.location_id,
        Secret(sandbox.token),
        requests_per_window=per_window,
        policy=FAST_RETRIES,
    )


def test_a_create_whose_answer_is_dropped_is_found_not_resent(sandbox: SandboxHandle) -> None:
    sandbox.admin("POST", "reset")
    sandbox.admin("POST", "faults", {"dropAfterCommit": 1.0, "rate429": 0, "rate5xx": 0})

    async def go() -> CreateResult:
        async with _client(sandbox) as hl:
            return await hl.contacts.create({"firstName": "Lost", "email": "lost@example.com"})

    try:
        result = asyncio.run(go())
    finally:
        sandbox.admin("POST", "faults", {"dropAfterCommit": 0.0})
    assert result.outcome is CreateOutcome.RECOVERED and result.created_by_us
    stored = _contacts(sandbox)
    assert [c["id"] for c in stored] == [result.id]


def test_a_lost_create_with_nothing_to_look_up_is_reported_not_resent(sandbox: SandboxHandle) -> None:
    sandbox.admin("POST", "reset")
    sandbox.admin("POST", "faults", {"dropAfterCommit": 1.0})

    async def go() -> None:
        async with _client(sandbox) as hl:
            await hl.contacts.create({"firstName": "Nameless"})

    try:
        with pytest.raises(CreateOutcomeUnknown, match="no email, phone or source id"):
            asyncio.run(go())
    finally:
        sandbox.admin("POST", "faults", {"dropAfterCommit": 0.0})
    assert len(_contacts(sandbox)) == 1  # created once, never sent a second time


def test_a_caller_lookup_by_source_id_recovers_any_record(sandbox: SandboxHandle) -> None:
    sandbox.admin("POST", "reset")

    async def go() -> CreateResult:
        async with _client(sandbox) as hl:

            async def by_legacy_id() -> dict[str, object] | None:
                businesses = await hl.transport.request(
                    "GET", "/businesses/", params={"locationId": hl.location_id}
                )
                return next(
                    (b for b in businesses["businesses"] if b.get("description") == "legacy:77"), None
                )

            sandbox.admin("POST", "faults", {"dropAfterCommit": 1.0})
            try:
                return await hl.records.create_business(
                    {"name": "Acme", "description": "legacy:77"}, lookup=by_legacy_id
                )
            finally:
                sandbox.admin("POST", "faults", {"dropAfterCommit": 0.0})

    result = asyncio.run(go())
    assert result.outcome is CreateOutcome.RECOVERED
    stored = sandbox.admin("GET", "records/businesses")["records"]
    assert [b["id"] for b in stored] == [result.id]


def test_retries_are_bounded_and_end_in_typed_errors(sandbox: SandboxHandle) -> None:
    sandbox.admin("POST", "reset")
    policy = RetryPolicy(max_retries=2, max_rate_limited=3, base_delay=0.01, max_delay=0.05)

    async def attempt() -> None:
        async with HighLevelClient(
            sandbox.url, sandbox.location_id, Secret(sandbox.token), policy=policy
        ) as hl:
            try:
                await hl.location.tags()
            finally:
                counts.append((hl.usage().requests_sent, hl.usage().rate_limited))

    counts: list[tuple[int, int]] = []
    try:
        sandbox.admin("POST", "faults", {"rate5xx": 1.0, "rate429": 0.0})
        with pytest.raises(ServerError):
            asyncio.run(attempt())
        sandbox.admin("POST", "faults", {"rate5xx": 0.0, "rate429": 1.0})
        with pytest.raises(RateLimited):
            asyncio.run(attempt())
    finally:
        sandbox.admin("POST", "faults", {"rate5xx": 0.0, "rate429": 0.0})
    assert counts == [(3, 0), (4, 4)]  # first try + 2 retries; first try + 3 resends after 429


def test_an_update_whose_answer_is_dropped_is_simply_resent(sandbox: SandboxHandle) -> None:
    sandbox.admin("POST", "reset")

    async def go() -> dict[str, object]:
        async with _client(sandbox) as hl:
            created = await hl.contacts.create({"firstName": "Up", "email": "up@example.com"})
            sandbox.admin("POST", "faults", {"dropAfterCommit": 0.5, "seed": 3})
            try:
                for n in range(6):  # PUT is idempotent: a resend after a lost answer is harmless
                    await hl.contacts.update(created.id, {"city": f"City{n}"})
            finally:
                sandbox.admin("POST", "faults", {"dropAfterCommit": 0.0})
            return await hl.contacts.get(created.id)

    assert asyncio.run(go())["city"] == "City5"
    assert len(_contacts(sandbox)) == 1


async def _create_many(hl: HighLevelClient, count: int, workers: int) -> list[CreateResult]:
    queue: asyncio.Queue[int] = asyncio.Queue()
    for number in range(count):
        queue.put_nowait(number)
    results: list[CreateResult] = []

    async def worker() -> None:
        while not queue.empty():
            n = queue.get_nowait()
            fields = {"firstName": f"Person{n}", "lastName": "Fault", "email": f"person{n}@example.com"}
            results.append(await hl.contacts.create(fields))

    await asyncio.gather(*(worker() for _ in range(workers)))
    return results


@pytest.mark.slow
def test_two_thousand_creates_under_faults_make_exactly_two_thousand_contacts() -> None:
    # The stand-in's burst limit is raised to 1,000 per 10 s (and the client told so) to keep this
    # under a minute; the real 100 per 10 s is measured by tests/benchmarks/bench_client.py.
    faults = {"rate429": 0.2, "rate5xx": 0.05, "dropAfterCommit": 0.02, "seed": 20260611}
    with start_sandbox(faults=faults, rate_limit=1000, rate_window=10.0) as handle:

        async def go() -> tuple[list[CreateResult], int]:
            hl = HighLevelClient(
                handle.url,
                handle.location_id,
                Secret(handle.token),
                requests_per_window=1000,
                window_seconds=10.0,
            )
            async with hl:
                results = await _create_many(hl, 2000, workers=20)
                return results, hl.usage().rate_limited

        results, rate_limited = asyncio.run(go())
        stored = _contacts(handle)
    outcomes = Counter(r.outcome for r in results)
    assert len(stored) == 2000
    assert len({c["email"] for c in stored}) == 2000
    assert {r.id for r in results} == {c["id"] for c in stored}
    assert outcomes[CreateOutcome.RECOVERED] > 0  # answers really were lost, and found
    assert outcomes[CreateOutcome.EXISTING] == 0
    assert rate_limited > 0
