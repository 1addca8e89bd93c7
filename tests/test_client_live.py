"""The HighLevel client against the stand-in running as a real process on 127.0.0.1."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.highlevel.auth import Secret
from assistant.highlevel.client import HighLevelClient
from assistant.highlevel.idempotent import CreateOutcome
from assistant.highlevel.snapshot import load_destination
from assistant.highlevel.state import load_state
from assistant.hlspec import find_operation, validate_request_body
from assistant.workspace import Workspace
from tests.client_tour import PIPELINE, Tour, recording_client, run_tour
from tests.sandbox_process import DEFAULT_SEED, SandboxHandle, sandbox_fixture

sandbox = sandbox_fixture(rate_limit=100_000)

# Every POST/PUT the client can send: the tour must exercise each one.
WRITES_WITH_BODY = {
    "POST /associations/",
    "POST /associations/relations",
    "POST /businesses/",
    "PUT /businesses/{businessId}",
    "POST /calendars/events/appointments",
    "POST /contacts/",
    "POST /contacts/search",
    "POST /contacts/upsert",
    "PUT /contacts/{contactId}",
    "POST /contacts/{contactId}/notes",
    "POST /contacts/{contactId}/tags",
    "POST /contacts/{contactId}/tasks",
    "POST /custom-fields/",
    "PUT /custom-fields/{id}",
    "POST /custom-fields/folder",
    "POST /locations/{locationId}/customFields",
    "PUT /locations/{locationId}/customFields/{id}",
    "POST /locations/{locationId}/tags",
    "POST /medias/upload-file",
    "POST /objects/{schemaKey}/records",
    "PUT /objects/{schemaKey}/records/{id}",
    "POST /opportunities/",
    "POST /opportunities/upsert",
    "PUT /opportunities/{id}",
    "PUT /opportunities/{id}/status",
    "POST /products/",
    "POST /products/{productId}/price",
}


def _client(sandbox: SandboxHandle, token: str | None = None) -> HighLevelClient:
    return HighLevelClient(sandbox.url, sandbox.location_id, Secret(token or sandbox.token))


@pytest.fixture(scope="module")
def tour(sandbox: SandboxHandle) -> Iterator[Tour]:
    sandbox.admin("POST", "reset")
    result = Tour()

    async def go() -> None:
        async with recording_client(sandbox, result) as hl:
            await run_tour(hl, result)

    asyncio.run(go())
    yield result


def test_every_body_the_client_sent_matches_the_official_request_schema(tour: Tour) -> None:
    checked = 0
    for sent in tour.sent:
        op = find_operation(sent.method, sent.path)
        if sent.content_type.startswith("application/json"):
            assert validate_request_body(op, sent.body) == [], (sent.method, sent.path, sent.body)
            checked += 1
        elif sent.method in ("POST", "PUT"):
            assert op.request_content_type == "multipart/form-data", (sent.method, sent.path)
    with_body = {
        f"{s.method} {find_operation(s.method, s.path).path}"
        for s in tour.sent
        if s.method in ("POST", "PUT")
    }
    assert with_body == WRITES_WITH_BODY
    assert checked == sum(1 for s in tour.sent if s.body is not None) > len(WRITES_WITH_BODY)


def test_contact_lifecycle_and_tag_semantics(tour: Tour) -> None:
    r = tour.results
    assert r["contact"].outcome is CreateOutcome.CREATED and r["contact"].id
    again = r["contact_again"]
    assert (again.outcome, again.id, again.created_by_us) == (CreateOutcome.EXISTING, r["contact"].id, False)
    assert r["upsert"]["new"] is False and r["upsert"]["contact"]["city"] == "Springfield"
    fetched = r["fetched"]
    assert fetched["lastName"] == "Pérez Gil"
    assert sorted(fetched["tags"]) == ["imported", "vip"]  # the tag endpoints add and remove, keeping "vip"
    assert {"id": "Fld0Budget0000000001", "value": "1200"} in fetched["customFields"]
    assert [c["id"] for c in r["search"]["contacts"]] == [r["contact"].id]
    assert r["task"].record["title"] == "Call back" and r["note"].record["body"].startswith("Imported")


def test_opportunity_lifecycle(tour: Tour) -> None:
    r = tour.results
    assert r["opportunity"].outcome is CreateOutcome.CREATED
    assert r["opportunity_again"].outcome is CreateOutcome.EXISTING
    assert r["opportunity_again"].id == r["opportunity"].id
    assert r["opp_updated"]["pipelineStageId"] == "Stg0Won0000000000001"
    assert r["opp_upsert"]["opportunity"]["status"] == "won"
    assert [o["id"] for o in r["opp_search"]] == [r["opportunity"].id]
    assert PIPELINE in {p["id"] for p in r["pipelines"]}


def test_location_records_files_and_deletes(tour: Tour) -> None:
    r = tour.results
    assert r["location"]["settings"]["allowDuplicateContact"] is False
    assert r["custom_field_updated"]["name"] == "Legacy ID" and r["custom_field"].record["model"] == "contact"
    assert "from-migration" in {t["name"] for t in r["tags"]}
    assert {u["email"] for u in r["users"]} >= {"ana@example.com"}
    assert r["appointment"].record["calendarId"] == "Cal0Visits0000000001"
    assert r["business"].record["name"] == "Deo Plumbing"  # read from the spec's "buiseness" key
    assert r["business_updated"]["city"] == "Austin"
    assert "custom_objects.pets" in {s["key"] for s in r["schemas"]}
    assert r["record_updated"]["properties"] == {"name": "Rex II"}
    assert r["relation"]["firstRecordId"] == r["record"].id
    assert r["media"].id and r["media"].record["url"].endswith("invoice-42.pdf")
    assert r["price"].record["product"] == r["product"].id
    deleted = r["deleted"]
    assert deleted.pop("contact_twice") is False  # already gone: reported, not raised
    assert all(deleted.values()), deleted


def test_target_pull_through_the_cli_matches_the_seeded_location(
    sandbox: SandboxHandle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sandbox.admin("POST", "reset")
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    args = [
        "target",
        "pull",
        "--location-id",
        sandbox.location_id,
        "--base-url",
        sandbox.url,
        "-w",
        str(tmp_path),
    ]
    Workspace(tmp_path).ensure().close()  # only ingest and demo start a workspace
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert sandbox.token not in result.output
    pulled = load_destination(Workspace(tmp_path).ensure())
    seeded = load_state(DEFAULT_SEED)
    assert pulled.location.id == seeded.location.id
    assert pulled.location.settings == seeded.location.settings
    assert [(p.id, [s.id for s in p.stages]) for p in pulled.pipelines] == [
        (p.id, [s.id for s in p.stages]) for p in seeded.pipelines
    ]
    assert {u.email for u in pulled.users} == {u.email for u in seeded.users}
    assert {t.name for t in pulled.tags} == {t.name for t in seeded.tags}
    assert {c.id for c in pulled.calendars} == {c.id for c in seeded.calendars}
    assert {o.key for o in pulled.customObjects} == {o.key for o in seeded.customObjects}
    assert pulled.nativeDocuments == ["invoice", "estimate"]  # the invoices API answered for both
    location_fields = {f.id for f in pulled.customFields if f.model in ("contact", "opportunity")}
    assert location_fields == {f.id for f in seeded.customFields if f.model in ("contact", "opportunity")}
    assert any(
        f.model == "custom_object" and f.objectKey == "custom_objects.pets" for f in pulled.customFields
    )
    assert sandbox.token not in (tmp_path / "highlevel" / "destination.json").read_text(encoding="utf-8")


def test_pull_without_a_token_says_where_to_put_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HIGHLEVEL_TOKEN", raising=False)
    import keyring

    monkeypatch.setattr(keyring, "get_password", lambda service, user: None)
    Workspace(tmp_path).ensure().close()
    result = CliRunner().invoke(app, ["target", "pull", "--location-id", "Loc1", "-w", str(tmp_path)])
    assert result.exit_code == 2 and "HIGHLEVEL_TOKEN" in result.output
