"""Writes that must not message anyone: appointments are created silent, and past ones are accepted."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.execute.calls import TEMPLATES, UPDATE_TEMPLATES
from assistant.highlevel.quiet import QUIET
from assistant.hlspec.operations import find_operation
from assistant.mapping.items import ObjectTarget
from assistant.mapping.models import TargetObject, TransformKind
from tests.sandbox_process import SandboxHandle, start_sandbox
from tests.test_execute_flow import hlmap, records
from tests.test_execute_support import document, field_map, tiny_workspace

TRIGGERS = re.compile(r"notif|automation|workflow", re.IGNORECASE)
CALENDAR = "Cal0Visits0000000001"


@pytest.fixture()
def sandbox() -> Iterator[SandboxHandle]:
    with start_sandbox(rate_limit=1000, rate_window=1.0) as handle:
        yield handle


def _bodies_the_executor_sends() -> list[tuple[str, str]]:
    creates = [("POST", t) for t in TEMPLATES.values()]
    updates = [("PUT", t) for t in UPDATE_TEMPLATES.values()]
    return [*creates, *updates, ("PUT", "/calendars/events/appointments/{eventId}")]


def test_every_property_that_triggers_messages_is_forced_silent() -> None:
    found = []
    for method, template in _bodies_the_executor_sends():
        schema = find_operation(method, template).request_schema or {}
        for name, prop in (schema.get("properties") or {}).items():
            if prop.get("type") == "boolean" and TRIGGERS.search(f"{name} {prop.get('description', '')}"):
                found.append((method, template, name))
                assert name in QUIET.get((method, template), {}), (method, template, name)
    assert ("POST", "/calendars/events/appointments", "toNotify") in found


def test_stand_in_refuses_past_slots_and_records_what_it_would_send(sandbox: SandboxHandle) -> None:
    with sandbox.client(timeout=10) as api, sandbox.client(version="2021-04-15", timeout=10) as cal:
        created = api.post("/contacts/", json={"locationId": sandbox.location_id, "email": "p@example.com"})
        base = {
            "calendarId": CALENDAR,
            "locationId": sandbox.location_id,
            "contactId": created.json()["contact"]["id"],
            "startTime": "2024-04-10T09:00:00+00:00",
        }
        refused = cal.post("/calendars/events/appointments", json=base)
        assert refused.status_code == 400 and "no longer available" in refused.json()["message"]
        loud = cal.post("/calendars/events/appointments", json={**base, "ignoreDateRange": True})
        assert loud.status_code == 200
        silent = {**base, "ignoreFreeSlotValidation": True, "toNotify": False}
        assert cal.post("/calendars/events/appointments", json=silent).status_code == 200
    sent = records(sandbox, "notifications")
    assert [n["appointmentId"] for n in sent] == [loud.json()["id"]]


def test_executor_moves_past_appointments_without_notifying(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    doc = document()
    a = TargetObject.APPOINTMENT
    jobs = next(o for o in doc.objects if o.source_object == "jobs")
    jobs.targets.append(ObjectTarget(object=a))
    doc.fields += [
        field_map("jobs", ["title"], a, "title", suffix="@appt"),
        field_map(
            "jobs", ["date"], a, "startTime", kind=TransformKind.DATE, params={"format": "%d/%m/%Y"},
            suffix="@a",
        ),
        field_map(
            "jobs", ["client_id"], a, "contactId", kind=TransformKind.LOOKUP, params={"object": "clients"},
            suffix="@appt",
        ),
    ]  # fmt: skip
    ws = tiny_workspace(tmp_path / "ws", doc)
    result = hlmap(ws.root, "apply", "--skip-sample", "--preflight-ok", "--quiet", sandbox=sandbox)
    assert result.exit_code == 0, result.output
    appointments = records(sandbox, "appointments")
    assert sorted(e["title"] for e in appointments) == ["Instalación", "Revisión", "Visita técnica"]
    assert records(sandbox, "notifications") == []
