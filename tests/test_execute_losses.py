"""Loss classes found on the seeds, end to end against the stand-in process on generated seed data.

Each test builds a workspace as the demo's ``--yes`` does (propose offline, accept what is above the
threshold, reject the rest), runs the full apply against the stand-in and counts what landed.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rich.console import Console
from typer.testing import CliRunner

from assistant.cli import app
from assistant.demo.flow import accept_above_threshold, write_settings
from assistant.demo.history import set_up_history
from assistant.workspace import Workspace
from tests.sandbox_process import start_sandbox
from tests.test_execute_flow import hlmap

runner = CliRunner()
ROWS = 30


def cli(*args: str) -> None:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output


def landed(tmp: Path, platform: str, monkeypatch: pytest.MonkeyPatch) -> tuple[Workspace, dict[str, int]]:
    """The seed fixture through --yes decisions and a full apply; answers created records per kind:table."""
    cli("fixtures", "--platform", platform, "--rows", str(ROWS), "--out", str(tmp / "fx"))
    root, seed = tmp / "ws", tmp / "fx" / platform / "destination.json"
    root.mkdir(parents=True)
    write_settings(root, seed, Console(file=io.StringIO()))  # the demo's fallback owner
    cli("ingest", "-w", str(root), str(tmp / "fx" / platform / "source"))
    cli("profile", "-w", str(root))
    cli("target", "load", "-w", str(root), str(seed))
    cli("propose", "-w", str(root))
    shown = io.StringIO()
    accept_above_threshold(root, Console(file=shown, width=200))
    (root / "accept.txt").write_text(shown.getvalue(), encoding="utf-8")
    with start_sandbox(seed=seed, rate_limit=2000, rate_window=1.0) as sandbox:
        monkeypatch.setenv("HIGHLEVEL_TOKEN", sandbox.token)
        monkeypatch.setenv("HLMAP_HIGHLEVEL__REQUESTS_PER_WINDOW", "2000")
        monkeypatch.setenv("HLMAP_HIGHLEVEL__WINDOW_SECONDS", "1")
        set_up_history(root, sandbox.url, sandbox.token, Console(file=io.StringIO()))  # as the demo does
        sample = hlmap(root, "apply", "--sample", "30", "--quiet", sandbox=sandbox)  # as the demo does
        assert sample.exit_code == 0, sample.output
        ws = Workspace(root)
        run = ws.connect().execute("SELECT run_id FROM exec.runs WHERE mode = 'sample'").fetchone()
        ws.close()
        assert run is not None
        result = hlmap(
            root, "apply", "--approve-sample", str(run[0]), "--preflight-ok", "--quiet", sandbox=sandbox
        )
        assert result.exit_code == 0, result.output
    ws = Workspace(root)
    rows = (
        ws.connect()
        .execute(
            """SELECT split_part(op_id, ':', 1) || ':' || source_object, count(*) FROM exec.ledger
            WHERE status = 'done' AND action = 'create' GROUP BY 1"""
        )
        .fetchall()
    )
    return ws, {str(k): int(n) for k, n in rows}


def source_rows(ws: Workspace, table: str, where: str = "true") -> int:
    row = ws.connect().execute(f'SELECT count(*) FROM raw."{table}" WHERE {where}').fetchone()
    return int(row[0]) if row else 0


@pytest.mark.slow
def test_typed_links_stage_columns_and_mixed_dates_land_deals_tasks_and_notes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Perfect Books shape: deals carry pipeline + stage + status columns, tasks and notes point at a
    contact, company or deal through related_type + related_id, due dates come in several formats."""
    ws, counts = landed(tmp_path, "perfect_books", monkeypatch)
    con = ws.connect()
    decided = con.execute(
        """SELECT count(*) FROM raw.deals d WHERE trim(d.stage) IN (
        SELECT source_value FROM exec.map_stage WHERE source_object = 'deals')"""
    ).fetchone()
    assert decided and decided[0] > 0
    undecided = con.execute(
        """SELECT count(*) FROM raw.deals d WHERE trim(d.stage) NOT IN (
        SELECT source_value FROM exec.map_stage WHERE source_object = 'deals')"""
    ).fetchone()
    assert undecided and undecided[0] > 0  # the seed's pipeline with no destination counterpart
    said = (ws.root / "accept.txt").read_text(encoding="utf-8")  # --yes names what it leaves to a human
    assert f"stage values need a human ({undecided[0]} records" in said
    deals = counts.get("opportunity:deals", 0) + counts.get("kept_opportunity:deals", 0)
    assert deals >= 0.95 * decided[0]  # only undecided stages stay behind
    assert counts.get("task:tasks", 0) >= 0.8 * source_rows(ws, "tasks")
    assert counts.get("note:notes", 0) >= 0.8 * source_rows(ws, "notes")
    held = con.execute(
        "SELECT count(*) FROM exec.transform_errors WHERE source_object = 'tasks' AND held"
    ).fetchone()
    assert held is not None and counts.get("task:tasks", 0) + held[0] >= source_rows(ws, "tasks")
    unexplained = con.execute(
        """SELECT count(*) FROM exec.transform_errors h WHERE h.source_object = 'tasks' AND h.held
        AND h.field_id = 'required:contactId' AND NOT EXISTS (SELECT 1 FROM exec.transform_errors w
        WHERE w.source_object = 'tasks' AND w."row" = h."row"
        AND (w.error LIKE '%reaches no migrated contact%' OR w.error LIKE '%is not in the export%'))"""
    ).fetchone()
    assert unexplained == (0,)  # a task left behind names the record whose contact is missing
    for table in ("tasks", "notes"):  # a deal left behind (no stage decision) still names its contact
        on_deals = con.execute(
            f"""SELECT count(*) FROM exec.transform_errors e JOIN raw.{table} s ON s."_row" = e."row"
            WHERE e.source_object = '{table}' AND e.held AND s.related_type = 'deal'"""
        ).fetchone()
        assert on_deals == (0,)
    ws.close()


@pytest.mark.slow
def test_attachments_by_record_number_and_estimates_through_their_job(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Contractor+ shape: attachments name their record by 'Attached To' + 'Record #'; estimates merge
    into the opportunity of their job and become native estimates on its client's contact."""
    ws, counts = landed(tmp_path, "contractor_plus", monkeypatch)
    con = ws.connect()
    assert counts.get("file:attachments", 0) >= 0.6 * source_rows(ws, "attachments")
    merged = con.execute(
        """SELECT count(*) FROM exec.records WHERE target = 'opportunity' AND source_object = 'jobs'
        AND "values"::VARCHAR LIKE '%E-2%'"""
    ).fetchone()
    assert merged is not None and merged[0] > 0  # estimate numbers ride on their job's opportunity
    errors = con.execute(
        """SELECT count(*) FROM exec.transform_errors WHERE source_object = 'estimates'
        AND field_id LIKE 'required:%'"""
    ).fetchone()
    assert errors == (0,)
    native = con.execute(
        "SELECT count(*) FROM exec.records WHERE target = 'estimate' AND source_object = 'estimates'"
    ).fetchone()
    assert native is not None and native[0] >= merged[0]  # each is also a native estimate with its lines
    several = """FROM exec.records r JOIN raw.clients c ON r.source_key = trim(c."Client ID")
        WHERE r.target = 'contact' AND r.source_object = 'clients' AND c."Phone Numbers" LIKE '%,%'"""
    assert con.execute(f"SELECT count(*) {several}").fetchone() != (0,)  # cells with several numbers
    phoneless = f"""SELECT count(*) {several} AND json_extract_string(r."values", '$.phone') IS NULL"""
    assert con.execute(phoneless).fetchone() == (0,)  # the first number is kept, the cell is not rejected
    # one opportunity per contact and pipeline allowed: later jobs arrive as notes, none merged away
    assert counts.get("kept_opportunity:jobs", 0) > 0
    merged_away = con.execute(
        "SELECT count(*) FROM exec.ledger WHERE source_object = 'jobs' AND outcome = 'existing'"
    ).fetchone()
    assert merged_away == (0,)
    ws.close()
