"""Rollback puts records that existed before the run back exactly as they were, field for field.

Twenty contacts are in the location before the migration (some with a city, a budget, a start
date, tags; others without). The full run meets them as duplicates; a delta after a source edit
writes phone, owner, tags and two custom fields onto them. Rolling both runs back must leave the
location equal to its pre-run snapshot: values restored, fields that were empty emptied again,
and none of the twenty deleted.
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.execute.prior_state import prior_state, restore_body
from assistant.highlevel.auth import Secret
from assistant.highlevel.client import HighLevelClient
from assistant.mapping import store
from assistant.workspace import Workspace
from tests.sandbox_process import SandboxHandle, start_sandbox
from tests.test_execute_flow import hlmap, records, snapshot
from tests.test_execute_support import document, load_raw

BUDGET, SINCE = "Fld0Budget0000000001", "Fld0Since00000000001"
COUNT = 20


def _clients(edited: bool) -> list[tuple[str, ...]]:
    rows = []
    for n in range(COUNT):
        phone = f"612 000 {n:03d}" if edited or n % 2 else ""
        since = "01/02/2023" if edited else ("05/03/2021" if n % 3 == 0 else "")
        tags = "VIP" if edited or n % 4 == 0 else ""
        vat = f"B{n:03d}" if edited else ""
        owner = "Bob" if edited else ""
        rows.append((f"C{n}", f"Persona Número{n}", f"p{n}@example.com", phone, "", tags, owner, since, vat))
    return rows


async def _seed_existing(sandbox: SandboxHandle) -> None:
    async with HighLevelClient(
        sandbox.url, sandbox.location_id, Secret(sandbox.token), requests_per_window=1000, window_seconds=1
    ) as hl:
        for n in range(COUNT):
            fields: dict[str, object] = {
                "firstName": "Persona",
                "lastName": f"Número{n}",
                "email": f"p{n}@example.com",
            }
            if n % 2 == 0:
                fields["city"] = "Madrid"
            if n % 4 == 0:
                fields["tags"] = ["cliente-antiguo"]
            custom = {BUDGET: 100 + n} if n % 3 == 0 else {}
            if n % 5 == 0:
                custom[SINCE] = "2019-01-01"
            await hl.contacts.create(fields, custom)


@pytest.fixture()
def sandbox() -> Iterator[SandboxHandle]:
    with start_sandbox(rate_limit=1000, rate_window=1.0) as handle:
        yield handle


def test_rollback_after_updates_of_existing_contacts_equals_the_pre_run_snapshot(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    monkeypatch.setenv("HLMAP_HIGHLEVEL__REQUESTS_PER_WINDOW", "1000")
    monkeypatch.setenv("HLMAP_HIGHLEVEL__WINDOW_SECONDS", "1")
    asyncio.run(_seed_existing(sandbox))
    before = snapshot(sandbox, ignore=("dateUpdated",))
    ws = Workspace(tmp_path / "ws").ensure()
    load_raw(ws, _clients(edited=False))
    store.save_confirmed(ws, document(), by="test")
    ws.close()
    ran = hlmap(ws.root, "apply", "--skip-sample", "--preflight-ok", "--quiet", sandbox=sandbox)
    assert ran.exit_code == 0, ran.output

    con = ws.connect()
    con.execute("DELETE FROM raw.clients")
    con.executemany(
        "INSERT INTO raw.clients VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'load-2')",
        [(*row, i + 1) for i, row in enumerate(_clients(edited=True))],
    )
    ws.close()
    delta = hlmap(ws.root, "apply", "--delta", "--preflight-ok", "--quiet", sandbox=sandbox)
    assert delta.exit_code == 0, delta.output
    written = records(sandbox, "contacts")
    assert len(written) == COUNT and all(c.get("assignedTo") for c in written)  # the delta did write

    undone = hlmap(ws.root, "rollback", "--all", "--yes")
    assert undone.exit_code == 0, undone.output
    assert f"0 deleted, {COUNT} restored" in undone.output
    assert snapshot(sandbox, ignore=("dateUpdated",)) == before


def test_prior_state_keeps_every_touched_key_and_the_restore_clears_what_was_empty() -> None:
    current = {"firstName": "Ana", "city": "", "customFields": [{"id": "F1", "value": "x"}]}
    custom = [{"id": "F1", "field_value": "y"}, {"id": "F2", "field_value": 3}]
    sent = {"locationId": "L", "firstName": "Ana María", "city": "Sevilla", "phone": "+34600000000",
            "tags": ["vip"], "customFields": custom}  # fmt: skip
    previous = prior_state(current, sent)
    assert previous == {
        "firstName": "Ana",
        "city": None,
        "phone": None,
        "tags": None,
        "customFields": [{"id": "F1", "field_value": "x"}, {"id": "F2", "field_value": None}],
    }
    body, cannot = restore_body("PUT", "/contacts/{contactId}", previous)
    assert body == {
        "firstName": "Ana",
        "city": None,
        "phone": None,
        "tags": [],
        "customFields": [{"id": "F1", "field_value": "x"}, {"id": "F2", "field_value": ""}],
    }
    assert cannot == []
    opp_body, opp_cannot = restore_body("PUT", "/opportunities/{id}", {"monetaryValue": None, "name": "X"})
    assert opp_body == {"name": "X"} and opp_cannot == ["monetaryValue"]
