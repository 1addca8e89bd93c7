"""The agency credential and the fan-out, end to end on the Contractor+ fixture and the stand-in.

The destination starts without the seed's Invoice and Work Order custom objects: with only an agency
token, apply obtains the location token and creates both schemas. Then one command writes the same
confirmed map into three locations at once, one of whose tokens is revoked mid-run.
"""

from __future__ import annotations

import asyncio
import json
import shutil
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.execute.fanout import FanOutOptions, LocationResult, prepare_all, send_all
from assistant.execute.fanout_targets import targets_for
from assistant.mapping import store
from assistant.mapping.models import Status
from assistant.workspace import Workspace
from tests.sandbox_process import SandboxHandle, start_sandbox

runner = CliRunner()
ROWS = 4  # every Contractor+ object still appears; the runs stay short
WORK_ORDER = "custom_objects.work_order"  # Contractor+ work orders have no native HighLevel object


def cli(*args: str) -> str:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.output


@pytest.fixture(scope="module")
def pristine(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A confirmed Contractor+ workspace, and a destination without its custom objects."""
    tmp = tmp_path_factory.mktemp("agency")
    cli("fixtures", "--platform", "contractor_plus", "--rows", str(ROWS), "--out", str(tmp / "fx"))
    state = json.loads((tmp / "fx" / "contractor_plus" / "destination.json").read_text())
    state["customObjects"] = []
    state["customFields"] = [f for f in state["customFields"] if not f.get("objectKey")]
    seed = tmp / "destination-without-objects.json"
    seed.write_text(json.dumps(state))
    root = tmp / "ws"
    cli("ingest", "-w", str(root), str(tmp / "fx" / "contractor_plus" / "source"))
    cli("profile", "-w", str(root))
    cli("target", "load", "-w", str(root), str(seed))
    cli("propose", "-w", str(root))
    ws = Workspace(root).ensure()
    doc = store.load(ws)
    for item in doc.items():
        if item.status == Status.PROPOSED:
            item.decide(Status.ACCEPTED, "test")
    store.save_confirmed(ws, doc, by="test")
    ws.close()
    return root, seed


@pytest.fixture(scope="module")
def agency(pristine: tuple[Path, Path]) -> Iterator[SandboxHandle]:
    with start_sandbox(seed=pristine[1], locations=3, rate_limit=2000, rate_window=1.0) as handle:
        yield handle


@pytest.fixture
def workspace(
    pristine: tuple[Path, Path], agency: SandboxHandle, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """A fresh copy of the confirmed workspace, a reset stand-in, and only the agency token."""
    agency.admin("POST", "reset")
    for location in agency.tokens:  # the history maps' conversation provider, installed in every location
        agency.admin("POST", "conversation-providers", {"id": "Prv0History000000001"}, location=location)
    monkeypatch.setenv("HLMAP_EXECUTE__CONVERSATION_PROVIDER_ID", "Prv0History000000001")
    monkeypatch.delenv("HIGHLEVEL_TOKEN", raising=False)
    monkeypatch.setenv("HIGHLEVEL_AGENCY_TOKEN", agency.agency_token)
    monkeypatch.setenv("HLMAP_HIGHLEVEL__REQUESTS_PER_WINDOW", "2000")  # the stand-in's raised limit
    monkeypatch.setenv("HLMAP_HIGHLEVEL__WINDOW_SECONDS", "1")
    return Path(shutil.copytree(pristine[0], tmp_path / "ws"))


def _schemas(agency: SandboxHandle, location: str) -> set[str]:
    records = agency.admin("GET", "records/objectSchemas", location=location)["records"]
    return {r["key"] for r in records if not r.get("standard")}


def _count(agency: SandboxHandle, table: str, location: str) -> int:
    return len(agency.admin("GET", f"records/{table}", location=location)["records"])


def test_the_agency_token_creates_the_missing_custom_object_schemas(
    workspace: Path, agency: SandboxHandle
) -> None:
    loc = agency.location_id
    run = runner.invoke(
        app,
        [
            "apply",
            "-w",
            str(workspace),
            "--location-id",
            loc,
            "--base-url",
            agency.url,
            "--skip-sample",
            "--preflight-ok",
            "--no-verify",
            "--quiet",
        ],
    )
    assert run.exit_code == 0, run.output
    doc = store.load_confirmed(Workspace(workspace))
    keys = {t.custom_object_key for o in doc.objects if o.confirmed for t in o.targets if t.custom_object_key}
    assert WORK_ORDER in keys and _schemas(agency, loc) == keys
    kinds = {r["schemaKey"] for r in agency.admin("GET", "records/records", location=loc)["records"]}
    assert kinds == keys
    con = duckdb.connect(str(workspace / "workspace.duckdb"))
    ledgered = con.execute(
        "SELECT source_key, status FROM exec.ledger WHERE object = 'custom_object_schema' ORDER BY 1"
    ).fetchall()
    con.close()
    assert ledgered == [(key, "done") for key in sorted(keys)]
    undone = runner.invoke(app, ["rollback", "-w", str(workspace), "--yes"])
    assert undone.exit_code == 0, undone.output
    assert "Custom object schemas have no DELETE" in undone.output
    assert _schemas(agency, loc) == keys and _count(agency, "records", loc) == 0


def test_three_locations_at_once_one_token_revoked_mid_run(workspace: Path, agency: SandboxHandle) -> None:
    first, second, third = agency.tokens
    agency.admin("POST", "revoke", {"locationId": third, "afterRequests": 15})
    args = [
        "apply",
        "-w",
        str(workspace),
        "--locations",
        f"{first},{second},{third}",
        "--base-url",
        agency.url,
    ]
    run = runner.invoke(app, [*args, "--skip-sample", "--preflight-ok"])
    assert run.exit_code == 1, run.output
    assert "all locations: 2 of 3 done, 1 failed" in run.output
    assert "apply: 3 locations · 0 running, 2 done, 1 failed" in run.output  # the combined line
    assert f"{third}: HighLevel refused" in run.output or "Invalid token" in run.output
    contacts = _count(agency, "contacts", first)
    assert contacts > 0 and _count(agency, "contacts", second) == contacts
    assert 0 < _count(agency, "contacts", third) < contacts or _count(agency, "records", third) == 0
    for location in (first, second, third):  # one ledger per location, in its own workspace copy
        con = duckdb.connect(str(workspace / "locations" / location / "workspace.duckdb"))
        assert {r[0] for r in con.execute("SELECT location_id FROM exec.runs").fetchall()} == {location}
        con.close()
    # a new install of the app gives a fresh token: the failed location resumes, nothing twice
    args[4] = third
    again = runner.invoke(app, [*args, "--skip-sample", "--preflight-ok"])
    assert again.exit_code == 0, again.output
    assert _count(agency, "contacts", third) == contacts
    assert _count(agency, "records", third) == _count(agency, "records", first)
    assert (workspace / "reports" / "fan-out.md").is_file()


def test_target_pull_reads_a_location_with_only_the_agency_token(
    workspace: Path, agency: SandboxHandle
) -> None:
    second = list(agency.tokens)[1]
    pulled = runner.invoke(
        app, ["target", "pull", "-w", str(workspace), "--location-id", second, "--base-url", agency.url]
    )
    assert pulled.exit_code == 0, pulled.output
    state = json.loads((workspace / "highlevel" / "destination.json").read_text())
    assert state["location"]["id"] == second and agency.agency_token not in pulled.output


def test_a_sample_into_two_locations_writes_each_its_own_diff(workspace: Path, agency: SandboxHandle) -> None:
    first, second = list(agency.tokens)[:2]
    run = runner.invoke(
        app,
        [
            "apply",
            "-w",
            str(workspace),
            "--locations",
            f"{first},{second}",
            "--base-url",
            agency.url,
            "--sample",
            "3",
        ],
    )
    assert run.exit_code == 0, run.output
    assert "all locations: 2 of 2 done, 0 failed" in run.output
    for location in (first, second):
        reports = workspace / "locations" / location / "reports"
        assert list(reports.glob("sample-diff-*.csv")), location


def test_stopping_a_fan_out_interrupts_every_location_and_keeps_their_results(
    workspace: Path, agency: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HLMAP_HIGHLEVEL__REQUESTS_PER_WINDOW", "8")  # slow enough to stop mid-run
    monkeypatch.setenv("HLMAP_HIGHLEVEL__WINDOW_SECONDS", "1")
    first, second = list(agency.tokens)[:2]
    targets = targets_for([(workspace, first), (workspace, second)], agency.url)
    options = FanOutOptions("full", skip_sample=True, preflight_ok=True, verify=False)
    lines: list[str] = []

    async def stopped_after_a_while() -> list[LocationResult]:
        results, ready = prepare_all(targets, options)
        sending = asyncio.create_task(send_all(results, ready, options, lines.append))
        await asyncio.sleep(2)
        sending.cancel()  # what Ctrl-C does to the main task
        await sending
        return results

    results = asyncio.run(stopped_after_a_while())
    assert [r.status for r in results] == ["interrupted", "interrupted"]
    assert all(r.requests > 0 and r.run_id for r in results)  # each ran, and can resume its run
    assert any(line.startswith("stopping:") for line in lines)
    assert "0 running, 0 done, 0 failed, 2 interrupted" in lines[-1]
