"""Lost opportunities carry their lost reason through HighLevel's status endpoint."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from assistant.highlevel.catalog import load_catalog
from assistant.mapping.models import TargetObject
from tests.sandbox_process import TEST_DESTINATION, SandboxHandle, start_sandbox
from tests.test_execute_flow import app, hlmap, records, runner
from tests.test_execute_support import document, field_map, tiny_workspace

REASONS = [{"id": "Lr0Price000000000001", "name": "Too expensive"}]


SEED = Path(tempfile.mkdtemp(prefix="hlmap-lost-")) / "destination.json"


@pytest.fixture(scope="module")
def sandbox() -> Iterator[SandboxHandle]:
    SEED.write_text(json.dumps({**TEST_DESTINATION, "lostReasons": REASONS}), encoding="utf-8")
    with start_sandbox(seed=SEED, rate_limit=1000, rate_window=1.0) as handle:
        yield handle


@pytest.fixture()
def fresh(sandbox: SandboxHandle) -> SandboxHandle:
    sandbox.admin("POST", "reset")
    return sandbox


def _opportunity(http: httpx.Client, sandbox: SandboxHandle) -> str:
    contact = http.post("/contacts/", json={"locationId": sandbox.location_id, "firstName": "Ana"})
    body = {
        "locationId": sandbox.location_id,
        "name": "Roof",
        "status": "open",
        "contactId": contact.json()["contact"]["id"],
        "pipelineId": "Pip0Sales00000000001",
    }
    return str(http.post("/opportunities/", json=body).json()["opportunity"]["id"])


def test_stand_in_takes_a_lost_reason_only_as_highlevel_does(fresh: SandboxHandle) -> None:
    with fresh.client() as http:
        listed = http.get("/opportunities/lost-reason", params={"locationId": fresh.location_id}).json()
        assert [r["name"] for r in listed["lostReasons"]] == ["Too expensive"]
        oid = _opportunity(http, fresh)
        status = f"/opportunities/{oid}/status"
        unknown = http.put(status, json={"status": "lost", "lostReasonId": "Lr0Nobody"})
        assert unknown.status_code == 400 and "not found" in unknown.json()["message"]
        not_lost = http.put(status, json={"status": "open", "lostReasonId": REASONS[0]["id"]})
        assert not_lost.status_code == 400 and "status lost" in not_lost.json()["message"]
        on_update = http.put(f"/opportunities/{oid}", json={"lostReasonId": REASONS[0]["id"]})
        assert on_update.status_code == 422  # the update body has no such property
        assert http.put(status, json={"status": "lost", "lostReasonId": REASONS[0]["id"]}).status_code == 200
        held = http.get(f"/opportunities/{oid}").json()["opportunity"]
        assert (held["status"], held["lostReasonId"]) == ("lost", REASONS[0]["id"])
        assert http.put(status, json={"status": "open"}).status_code == 200  # reopened: reason cleared
        assert "lostReasonId" not in http.get(f"/opportunities/{oid}").json()["opportunity"]


def test_catalog_offers_the_lost_reason_of_the_status_endpoint() -> None:
    field = next(f for f in load_catalog().fields("opportunity") if f.name == "lostReasonId")
    assert "UpdateStatusDto" in field.source


def _workspace(root: Path, reasons: dict[str, str]) -> Path:
    doc = document()
    doc.fields.append(field_map("quotes", ["reason"], TargetObject.OPPORTUNITY, "lostReasonId"))
    ws = tiny_workspace(root, doc)
    con = ws.connect()
    con.execute("ALTER TABLE raw.quotes ADD COLUMN reason VARCHAR")
    for key, reason in reasons.items():
        con.execute("UPDATE raw.quotes SET reason = ? WHERE id = ?", [reason, key])
    ws.close()
    return ws.root


def _by_name(sandbox: SandboxHandle) -> dict[str, dict[str, object]]:
    return {str(o["name"]): o for o in records(sandbox, "opportunities")}


def test_a_lost_quote_lands_lost_with_its_reason(
    tmp_path: Path, fresh: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", fresh.token)
    # Q3 is rejected (mapped to lost); Q1 is still open, so its reason is not sent.
    ws = _workspace(tmp_path / "ws", {"Q3": " too EXPENSIVE", "Q1": "Too expensive"})
    plan = " ".join(hlmap(ws, "plan").output.split())
    assert "quotes: 1 lost reasons go through the status endpoint after the create" in plan
    assert "1 on opportunities whose status is not lost are not sent" in plan
    result = hlmap(ws, "apply", "--skip-sample", "--preflight-ok", "--quiet", sandbox=fresh)
    assert result.exit_code == 0, result.output
    held = _by_name(fresh)
    lost, still_open = held["P-003 Tejado"], held["P-001 Reforma baño"]
    assert (lost["status"], lost.get("lostReasonId")) == ("lost", REASONS[0]["id"])
    assert (still_open["status"], still_open.get("lostReasonId")) == ("open", None)
    again = hlmap(ws, "apply", "--skip-sample", "--preflight-ok", "--quiet", sandbox=fresh)
    assert again.exit_code == 0, again.output  # nothing left to send: the ledger has the status
    verified = hlmap(ws, "verify", sandbox=fresh)
    assert verified.exit_code == 0, verified.output


def test_a_reason_the_location_lacks_is_a_named_failure(
    tmp_path: Path, fresh: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", fresh.token)
    ws = _workspace(tmp_path / "ws", {"Q3": "Went with a cousin"})
    loaded = runner.invoke(app, ["target", "load", str(SEED), "-w", str(ws)])
    assert loaded.exit_code == 0, loaded.output
    plan = " ".join(hlmap(ws, "plan").output.split())
    assert (
        "not among the location's lost reasons (add them in HighLevel first): 'Went with a cousin' ×1" in plan
    )
    result = hlmap(ws, "apply", "--skip-sample", "--preflight-ok", "--quiet", sandbox=fresh)
    assert "'Went with a cousin' is not one of the location's lost reasons" in result.output
    assert _by_name(fresh)["P-003 Tejado"]["status"] == "lost"  # the opportunity itself landed
