"""End to end against the stand-in process: plan, sample + diff, approve, full run, reconcile, rollback."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from assistant.cli import app
from assistant.mapping import store
from assistant.mapping.items import ObjectMap, ObjectTarget
from assistant.mapping.models import Status, TargetObject, TransformKind
from tests.sandbox_process import SandboxHandle, start_sandbox
from tests.test_execute_support import document, field_map, tiny_workspace

TABLES = (
    "contacts",
    "businesses",
    "opportunities",
    "tasks",
    "notes",
    "appointments",
    "customFields",
    "objectFields",
    "tags",
    "records",
    "relations",
    "products",
    "prices",
    "medias",
)
runner = CliRunner()


@pytest.fixture()
def sandbox() -> Iterator[SandboxHandle]:
    with start_sandbox(rate_limit=1000, rate_window=1.0) as handle:
        yield handle


def records(sandbox: SandboxHandle, table: str) -> list[dict[str, Any]]:
    return list(sandbox.admin("GET", f"records/{table}")["records"])


def snapshot(sandbox: SandboxHandle, ignore: tuple[str, ...] = ()) -> dict[str, list[str]]:
    """Every record of the stand-in's tables, as sorted JSON (``ignore`` drops keys such as dateUpdated)."""
    state = {}
    for table in TABLES:
        try:
            rows = [{k: v for k, v in r.items() if k not in ignore} for r in records(sandbox, table)]
            state[table] = sorted(json.dumps(r, sort_keys=True) for r in rows)
        except Exception:  # a table the stand-in does not keep is simply not compared
            continue
    return state


def hlmap(ws: Path, *args: str, sandbox: SandboxHandle | None = None) -> Any:
    extra = ["--location-id", sandbox.location_id, "--base-url", sandbox.url] if sandbox else []
    return runner.invoke(app, [args[0], "-w", str(ws), *args[1:], *extra], catch_exceptions=False)


def test_plan_prints_order_counts_and_previews_without_sending(tmp_path: Path) -> None:
    ws = tiny_workspace(tmp_path / "ws")
    result = hlmap(ws.root, "plan", "--show-requests", "3")
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.index("company:clients") < out.index("contact:clients") < out.index("opportunity:quotes")
    assert out.index("opportunity:quotes") < out.index("task:jobs")
    assert "POST /contacts/" in out and "Bearer ****" in out
    # the plan counts values a field would refuse, never the values themselves: those travel in a note
    assert "values HighLevel would refuse in their field" in " ".join(out.split())
    assert "ana.fuente@example" not in out
    assert (ws.root / "reports" / "workflow-rebuild-reference.md").read_text().count("Recordatorio") == 1


def test_sample_diff_approve_full_reconcile_rollback(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    ws = tiny_workspace(tmp_path / "ws")
    before = snapshot(sandbox)

    refused = hlmap(ws.root, "apply", "--quiet", sandbox=sandbox)
    assert refused.exit_code == 2 and "no approved sample" in refused.output

    sample = hlmap(ws.root, "apply", "--sample", "4", "--quiet", sandbox=sandbox)
    assert sample.exit_code == 0, sample.output
    con = ws.connect()
    run_id = str(con.execute("SELECT run_id FROM exec.runs WHERE mode = 'sample'").fetchall()[0][0])
    diff_csv = ws.root / "reports" / f"sample-diff-{run_id}.csv"
    rows = list(csv.DictReader(diff_csv.open(encoding="utf-8")))
    assert {r["object"] for r in rows} >= {"contact", "opportunity", "task", "note"}
    assert rows and all(r["match"] == "True" for r in rows), [r for r in rows if r["match"] != "True"]
    first = next(
        r for r in rows if r["object"] == "contact" and r["field"] == "lastName" and r["source_key"] == "C1"
    )
    assert (first["source"], first["actual"]) == ("María José García López", "García López")  # case kept
    vat = next(
        r for r in rows if r["object"] == "contact" and r["field"] == "VAT number (contact.vat_number)"
    )
    assert vat["source"] and vat["match"] == "True"  # a custom field by its name and key, with its source

    full = hlmap(ws.root, "apply", "--approve-sample", run_id, "--preflight-ok", "--quiet", sandbox=sandbox)
    assert full.exit_code == 0, full.output
    contacts = records(sandbox, "contacts")
    assert len(contacts) == 6 and len({c["id"] for c in contacts}) == 6
    assert len(records(sandbox, "opportunities")) == 4
    maria = next(c for c in contacts if c.get("email") == "mj.garcia@example.com")
    assert (maria["firstName"], maria["lastName"], maria["phone"]) == (
        "María José",
        "García López",
        "+34612345678",
    )
    assert sorted(maria["tags"]) == ["priority-client", "vip"]

    recon = hlmap(ws.root, "reconcile", "--json", sandbox=sandbox)
    assert recon.exit_code == 0, recon.output
    report = json.loads(recon.output)
    assert report["clean"] and {o["object"]: o["destination"] for o in report["objects"]}["contact"] == 6

    audit = [json.loads(line) for line in (ws.root / "audit.jsonl").read_text().splitlines()]
    assert sum(1 for a in audit if a["action"] == "create" and a["object"] == "contact") == 6
    assert sandbox.token not in (ws.root / "audit.jsonl").read_text()

    for _ in range(2):  # the full run, then the sample run
        undone = hlmap(ws.root, "rollback", "--yes", sandbox=sandbox)
        assert undone.exit_code == 0, undone.output
    assert snapshot(sandbox) == before


def test_delta_creates_new_updates_changed_reports_deleted_and_rolls_back(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    ws = tiny_workspace(tmp_path / "ws")
    full = hlmap(ws.root, "apply", "--skip-sample", "--preflight-ok", "--quiet", sandbox=sandbox)
    assert full.exit_code == 0
    before_delta = snapshot(sandbox, ignore=("dateUpdated",))
    con = ws.connect()
    con.execute("UPDATE raw.clients SET name = 'Lucía Martín Serrano' WHERE id = 'C5'")
    con.execute("DELETE FROM raw.clients WHERE id = 'C3'")
    con.execute(
        "INSERT INTO raw.clients VALUES ('C7', 'Elena Torres', 'elena@example.com', '611 222 333', '', "
        "'VIP', 'Bob', '02/02/2023', 'B7', 7, 'load-2')"
    )
    ws.close()

    delta = hlmap(ws.root, "apply", "--delta", "--quiet", sandbox=sandbox)
    assert delta.exit_code == 0, delta.output
    assert "1 new, 1 changed" in delta.output
    assert "deleted in the source (not applied): contact:clients:C3" in delta.output
    contacts = {c.get("email"): c for c in records(sandbox, "contacts")}
    assert contacts["lucia@example.com"]["lastName"] == "Martín Serrano"
    assert contacts["elena@example.com"]["tags"] == ["vip"]
    assert len(contacts) == 7  # C3 stays: source deletions are reported, never applied

    undone = hlmap(ws.root, "rollback", "--yes", sandbox=sandbox)
    assert undone.exit_code == 0, undone.output
    assert "1 deleted, 1 restored" in undone.output
    # an update's restore cannot restore HighLevel's own dateUpdated; everything else is as before
    assert snapshot(sandbox, ignore=("dateUpdated",)) == before_delta


def test_documents_upload_when_small_and_stay_links_when_large(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    monkeypatch.setenv("HLMAP_EXECUTE__MAX_FILE_MB", "0.01")  # 10 KB: one small document, one "large"
    (tmp_path / "small.pdf").write_bytes(b"%PDF-1.4 small")
    (tmp_path / "large.pdf").write_bytes(b"x" * 20_000)
    doc = document()
    doc.objects.append(
        ObjectMap(id="object:docs", source_object="docs", key_column="id", status=Status.ACCEPTED,
                  targets=[ObjectTarget(object=TargetObject.FILE, role="attachment")])
    )  # fmt: skip
    f = TargetObject.FILE
    doc.fields += [
        field_map("docs", ["title"], f, "name"),
        field_map("docs", ["path"], f, "fileUrl"),
        field_map(
            "docs", ["client_id"], f, "contactId", kind=TransformKind.LOOKUP, params={"object": "clients"}
        ),
    ]
    ws = tiny_workspace(tmp_path / "ws", doc)
    con = ws.connect()
    con.execute(
        'CREATE TABLE raw.docs (id VARCHAR, client_id VARCHAR, title VARCHAR, path VARCHAR, "_row" BIGINT)'
    )
    con.executemany(
        "INSERT INTO raw.docs VALUES (?, ?, ?, ?, ?)",
        [
            ("D1", "C1", "Factura 1", str(tmp_path / "small.pdf"), 1),
            ("D2", "C2", "Plano", str(tmp_path / "large.pdf"), 2),
        ],
    )
    ws.close()
    before = snapshot(sandbox)
    result = hlmap(ws.root, "apply", "--skip-sample", "--preflight-ok", "--quiet", sandbox=sandbox)
    assert result.exit_code == 0, result.output
    medias = records(sandbox, "medias")
    assert len(medias) == 1
    bodies = [n["body"] for n in records(sandbox, "notes") if n["body"].startswith("Document:")]
    # the small one links its upload (no local path left), the large one keeps its path as a link
    assert any("Factura 1" in b and str(tmp_path) not in b and "://" in b for b in bodies), bodies
    assert any("Plano" in b and "kept as a link" in b for b in bodies), bodies
    assert hlmap(ws.root, "rollback", "--yes", sandbox=sandbox).exit_code == 0
    assert snapshot(sandbox) == before


def test_plan_refuses_items_still_waiting_for_a_decision(tmp_path: Path) -> None:
    ws = tiny_workspace(tmp_path / "ws")
    doc = document()
    doc.fields[2].status = Status.PROPOSED  # edited by hand after confirmation: the executor must notice
    store.write_atomic(ws.confirmed_mapping_path, store.dump_yaml(doc))
    result = hlmap(ws.root, "plan")
    assert result.exit_code == 2
    assert "1 mapping items still need a decision" in result.output and "field:clients.email" in result.output


def test_a_sample_whose_creates_failed_says_so_in_its_diff_report(
    tmp_path: Path, sandbox: SandboxHandle, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A quote's stage is no stage of its pipeline: HighLevel refuses each such opportunity (400). The
    report an engineer approves from names those failures above its rows, not only '0 mismatches'."""
    monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
    doc = document()
    for stage in doc.stages:
        stage.stage_id = "Stg0Gone000000000001"
    ws = tiny_workspace(tmp_path / "ws", doc)
    sample = hlmap(ws.root, "apply", "--sample", "4", "--quiet", sandbox=sandbox)
    assert sample.exit_code == 1, sample.output
    con = ws.connect()
    run_id = str(con.execute("SELECT run_id FROM exec.runs WHERE mode = 'sample'").fetchall()[0][0])
    text = (ws.root / "reports" / f"sample-diff-{run_id}.md").read_text(encoding="utf-8")
    head = text[: text.index("Approve with")]
    assert "operations of this sample failed" in head
    assert "- opportunity:quotes:" in head and "does not belong to pipeline" in head


def test_the_sample_report_names_setup_it_could_not_do(tmp_path: Path) -> None:
    """A company custom field the location has no folder for is not created: its values are not sent,
    so the report says so above rows that would otherwise all match."""
    from assistant.execute.diff import write_reports

    problem = "custom field business.vat_number: its object has no field folder; create one first"
    md, _ = write_reports([], tmp_path, "RUN", problems=[problem])
    text = md.read_text(encoding="utf-8")
    assert f"- {problem}" in text[: text.index("Approve with")]
    md, _ = write_reports([], tmp_path, "RUN")
    assert "Setup not done" not in md.read_text(encoding="utf-8")
