"""Estimates that name no contact of their own: their job does (estimate → job → client).

A small Contractor-style export: clients, jobs (each naming its client), estimates (each naming its
job, merged into that job's opportunity) and their lines. Where the destination takes native
estimates, the proposal keeps the merge and adds the native estimate beside it, with the profile
evidence of the link it follows; the run sends each estimate with its lines, number, dates and status
to the job's client, nothing to anyone; the accounting counts the estimates landed and their lines in
them; verify sums them per status. An estimate whose job has no migrated contact is held, saying so.
"""

from __future__ import annotations

import csv
import json
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from assistant.cli import app
from assistant.workspace import Workspace
from tests.sandbox_process import REPO_ROOT, SandboxHandle, sandbox_fixture

DESTINATION = REPO_ROOT / "fixtures" / "contractor_plus" / "destination.json"
runner = CliRunner()
sandbox = sandbox_fixture(seed=DESTINATION, rate_limit=100_000)

CLIENTS = [
    (f"CL-{100 + i}", f"Client{i} Person", f"client{i}@example.com", f"(512) 555-01{i:02d}") for i in range(8)
]
JOB_STATUS = ("Scheduled", "Completed", "In Progress", "New Job")
# (job, client): J-99 names a client the export lacks, so neither the job nor its estimate has a contact
JOBS = [(f"J-{i}", CLIENTS[i % 8][0]) for i in range(1, 13)] + [("J-99", "CL-999")]
EST_STATUS = ("Approved", "Sent", "Draft", "Declined")
ESTIMATES = [(f"E-{500 + i}", job, EST_STATUS[i % 4]) for i, (job, _) in enumerate(JOBS)]


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        writer.writerows(rows)


def _export(root: Path) -> Path:
    src = root / "export"
    src.mkdir()
    _write(src / "clients.csv", ["Client ID", "Client Name", "Email", "Phone"], [list(c) for c in CLIENTS])
    jobs = [[j, f"Fence - job {j}", c, JOB_STATUS[i % 4], f"${100 + i}.00"] for i, (j, c) in enumerate(JOBS)]
    _write(src / "jobs.csv", ["Job #", "Job Name", "Client ID", "Job Status", "Job Total"], jobs)
    header = ["Estimate #", "Job #", "Estimate Date", "Status", "Total", "Valid Until"]
    rows = [[n, j, f"05/{10 + i:02d}/2024", s, f"${20 * (i + 1)}.00", f"06/{10 + i:02d}/2024"]
            for i, (n, j, s) in enumerate(ESTIMATES)]  # fmt: skip
    _write(src / "estimates.csv", header, rows)
    lines = [
        [n, "Cedar Picket", "2", f"${5 * (i + 1)}.00", f"${10 * (i + 1)}.00"]
        for i, (n, _, _) in enumerate(ESTIMATES)
    ]
    lines += [
        [n, "Labor (hr)", "1", f"${10 * (i + 1)}.00", f"${10 * (i + 1)}.00"]
        for i, (n, _, _) in enumerate(ESTIMATES)
    ]
    _write(
        src / "estimate_line_items.csv",
        ["Estimate #", "Item Name", "Quantity", "Unit Price", "Line Total"],
        lines,
    )
    return src


def hlmap(*args: str) -> Any:
    return runner.invoke(app, list(args), catch_exceptions=False)


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("through")
    src, ws = _export(root), str(root / "ws")
    for step in (["ingest", str(src)], ["profile"], ["target", "load", str(DESTINATION)], ["propose"]):
        result = hlmap(*step, "-w", ws)
        assert result.exit_code == 0, result.output
    rejected = [a for k in ("field", "object", "tag", "stage", "owner") for a in ("--reject", f"kind={k}")]
    assert hlmap("decide", "--accept-above", "0.7", "-w", ws).exit_code == 0
    decided = hlmap("decide", *rejected, "--confirm", "-w", ws)
    assert decided.exit_code == 0, decided.output
    return root / "ws"


def _objects(ws: Path) -> dict[str, dict[str, Any]]:
    doc = yaml.safe_load((ws / "mapping.yaml").read_text(encoding="utf-8"))
    return {o["source_object"]: o for o in doc["objects"]}


def test_a_merged_estimate_gains_a_native_estimate_reached_through_its_job(ws: Path) -> None:
    objects = _objects(ws)
    estimates = objects["estimates"]
    targets = [(t["object"], t["role"]) for t in estimates["targets"]]
    assert targets == [("opportunity", "merge_into_parent"), ("estimate", "native_document")]
    evidence = " | ".join(e["detail"] for e in estimates["evidence"])
    assert "contact through 'jobs': 'Job #' names a jobs row, whose 'Client ID' names its contact" in evidence
    assert [(t["object"], t["role"]) for t in objects["estimate_line_items"]["targets"]] == [
        ("estimate", "line_items")
    ]


def test_each_estimate_lands_natively_on_its_jobs_client_and_nothing_is_sent(
    ws: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    at = ["--location-id", sandbox.location_id, "--base-url", sandbox.url]
    applied = hlmap("apply", "-w", str(ws), *at, "--skip-sample", "--preflight-ok", "--quiet", "--no-verify")
    assert "estimate:estimates" in applied.output, applied.output

    made = {e["name"]: e for e in sandbox.admin("GET", "records/estimates")["records"]}
    assert len(made) == len(ESTIMATES) - 1  # E-512 (job J-99) is held
    contacts = {c["email"]: c["id"] for c in sandbox.admin("GET", "records/contacts")["records"]}
    first = next(e for name, e in made.items() if "E-500" in name)
    assert first["contactDetails"]["id"] == contacts["client1@example.com"]  # J-1's client is CL-101
    assert [(i["name"], i["qty"], i["amount"]) for i in first["items"]] == [
        ("Cedar Picket", 2, 5),
        ("Labor (hr)", 1, 10),
    ]
    assert first["issueDate"].startswith("2024-05-10") and first["expiryDate"].startswith("2024-06-10")
    assert {e["estimateStatus"] for e in made.values()} == {"accepted", "sent", "draft", "declined"}
    assert sandbox.admin("GET", "state")["counts"]["customerMessages"] == 0

    assert hlmap("reconcile", "-w", str(ws), *at).exit_code in (0, 1)
    con = Workspace(ws).connect()
    rows = con.execute(
        """SELECT source_key, outcome, into_record, detail FROM exec.accounting WHERE source_table = ?
        ORDER BY "row" """,
        ["estimates"],
    ).fetchall()
    assert [r[1] for r in rows] == ["landed"] * (len(ESTIMATES) - 1) + ["held"]
    assert "links to CL-999, which no readable row of the export has" in rows[-1][3]
    lines = con.execute(
        """SELECT outcome, into_record FROM exec.accounting WHERE source_table = 'estimate_line_items'
        AND source_key = 'E-500'"""
    ).fetchall()
    assert lines == [("merged", "estimate:estimates:E-500")] * 2
    Workspace(ws).close()

    verified = hlmap("verify", "-w", str(ws), *at, "--json")
    totals = json.loads(verified.output[verified.output.index("{") :])["document_totals"]
    by_status = {(t["kind"], t["status"]): t for t in totals}
    accepted = by_status[("estimate", "accepted")]  # E-500, E-504, E-508 (E-512 is held)
    assert (accepted["native_n"], accepted["native_source_sum"], accepted["held_sum"]) == (3, 300.0, 300.0)
    assert sorted(s for k, s in by_status if k == "estimate") == ["accepted", "declined", "draft", "sent"]
    assert not any(t["differs"] for t in totals)
