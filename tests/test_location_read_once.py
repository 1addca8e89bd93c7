"""A run reads its location once: the token check, the duplicate settings and the business name on
documents share that one request of the location's 100 per 10 s (live stand-in, real HTTP)."""

from __future__ import annotations

import asyncio

from assistant.highlevel.auth import Secret
from assistant.highlevel.client import HighLevelClient
from tests.sandbox_process import SandboxHandle, sandbox_fixture

sandbox = sandbox_fixture(rate_limit=100_000)


def test_the_location_record_is_read_once_per_client(sandbox: SandboxHandle) -> None:
    async def go() -> tuple[int, dict[str, object], dict[str, object]]:
        async with HighLevelClient(sandbox.url, sandbox.location_id, Secret(sandbox.token)) as hl:
            await hl.check_token()
            first = await hl.location.get()
            again = await hl.location.get()
            return hl.usage().requests_sent, first, again

    sent, first, again = asyncio.run(go())
    assert sent == 1
    assert first == again and first.get("id") == sandbox.location_id
    assert "allowDuplicateContact" in (first.get("settings") or {})
