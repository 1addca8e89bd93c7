"""Contacts HighLevel already holds: skip, fill empty fields, overwrite or create separately, and undo."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from assistant.mapping.models import DuplicateChoice
from assistant.review.screens.object_screen import ObjectScreen
from tests.sandbox_process import SandboxHandle, start_sandbox
from tests.test_execute_flow import hlmap, records
from tests.test_execute_support import document, tiny_workspace
from tests.test_review_app import open_clients, review, settle

RUN = ("apply", "--skip-sample", "--preflight-ok", "--quiet")


@pytest.fixture()
def sandbox() -> Iterator[SandboxHandle]:
    with start_sandbox(rate_limit=1000, rate_window=1.0) as handle:
        yield handle


def existing_contacts(sandbox: SandboxHandle) -> None:
    """Two people the location held before the migration."""
    with sandbox.client(timeout=10) as api:
        for body in (
            {"email": "lucia@example.com", "firstName": "Lu", "tags": ["cliente-antiguo"]},
            {"email": "carlos@example.com", "firstName": "Carlos", "lastName": "Old"},
        ):
            assert api.post("/contacts/", json={"locationId": sandbox.location_id, **body}).status_code < 300


def by_email(sandbox: SandboxHandle) -> dict[str, dict[str, Any]]:
    return {str(c.get("email")): c for c in records(sandbox, "contacts")}


def test_fill_empty_from_the_mapping_writes_only_empty_fields_and_rollback_restores(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    existing_contacts(sandbox)
    before = by_email(sandbox)
    doc = document()
    doc.objects[0].on_duplicate = DuplicateChoice.FILL_EMPTY
    ws = tiny_workspace(tmp_path / "ws", doc)
    result = hlmap(ws.root, *RUN, sandbox=sandbox)
    assert result.exit_code == 0, result.output
    after = by_email(sandbox)
    assert len(after) == 6  # the two existing people were not created again
    lucia, carlos = after["lucia@example.com"], after["carlos@example.com"]
    assert (lucia["firstName"], lucia["lastName"]) == ("Lu", "Martín")  # only the empty last name
    assert (carlos["lastName"], sorted(carlos["tags"])) == ("Old", ["vip"])
    assert carlos["phone"] == "+34699888777"
    assert lucia["tags"] == ["cliente-antiguo"]

    undone = hlmap(ws.root, "rollback", "--yes", sandbox=sandbox)
    assert undone.exit_code == 0, undone.output
    restored = by_email(sandbox)
    assert set(restored) == {"lucia@example.com", "carlos@example.com"}  # never deleted
    for email, old in before.items():
        now = restored[email]
        for key in ("firstName", "lastName", "phone", "tags"):
            assert (now.get(key) or None) == (old.get(key) or None), (email, key, now.get(key))
        assert [c for c in now["customFields"] if c.get("value") not in (None, "")] == []


def test_overwrite_by_flag_and_skip_by_default(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    existing_contacts(sandbox)
    ws = tiny_workspace(tmp_path / "ws")
    bad = hlmap(ws.root, *RUN, "--on-duplicate", "clients=merge", sandbox=sandbox)
    assert bad.exit_code != 0 and "--on-duplicate clients=merge: choose one of skip" in bad.output
    result = hlmap(ws.root, *RUN, "--on-duplicate", "clients=overwrite", sandbox=sandbox)
    assert result.exit_code == 0, result.output
    carlos = by_email(sandbox)["carlos@example.com"]
    assert carlos["lastName"] == "Pérez Díaz"

    ws2 = tiny_workspace(tmp_path / "ws2")
    hlmap(ws.root, "rollback", "--yes", sandbox=sandbox)
    assert hlmap(ws2.root, *RUN, sandbox=sandbox).exit_code == 0
    assert by_email(sandbox)["carlos@example.com"]["lastName"] == "Old"  # skip: left as it was


def test_where_duplicates_are_allowed_separate_creates_and_fill_empty_looks_up_first(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    sandbox.admin("POST", "settings", {"allowDuplicateContact": True})
    existing_contacts(sandbox)
    ws = tiny_workspace(tmp_path / "ws")
    assert hlmap(ws.root, *RUN, "--on-duplicate", "clients=fill_empty", sandbox=sandbox).exit_code == 0
    emails = [c.get("email") for c in records(sandbox, "contacts")]
    assert emails.count("carlos@example.com") == 1
    hlmap(ws.root, "rollback", "--yes", sandbox=sandbox)
    ws2 = tiny_workspace(tmp_path / "ws2")
    assert hlmap(ws2.root, *RUN, "--on-duplicate", "clients=separate", sandbox=sandbox).exit_code == 0
    emails = [c.get("email") for c in records(sandbox, "contacts")]
    assert emails.count("carlos@example.com") == 2


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.mark.anyio
async def test_review_sets_the_choice_per_object(tmp_path: Path) -> None:
    async with review(tmp_path) as (app, pilot):
        await open_clients(pilot)
        await pilot.press("x", *"fill_empty", "enter")
        doc = await settle(app, pilot, tmp_path)
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("up", "enter")  # quotes: no contacts, so the choice is refused
        await pilot.pause()
        assert isinstance(app.screen, ObjectScreen) and app.screen.source_object == "quotes"
        await pilot.press("x", *"overwrite", "enter")
        await pilot.pause()
    assert doc.find("object:clients").on_duplicate is DuplicateChoice.FILL_EMPTY  # type: ignore[attr-defined]
    assert any("creates no contacts" in str(getattr(m, "reason", "")) for m in app.messages_posted)
