"""What must hold before a run into a location starts: an approved sample before a full run, a full
run before a delta, and the plan's pre-flight checklist acknowledged for that location."""

from __future__ import annotations

import duckdb

from assistant.errors import HlmapError
from assistant.execute import ledger
from assistant.execute.audit import audit_path
from assistant.execute.history_setup import refuse_without_provider
from assistant.execute.plan_command import destination_or_none
from assistant.execute.preflight import build_checklist
from assistant.execute.preflight_ack import require
from assistant.execute.prepare import Prepared
from assistant.execute.sample import approved_sample
from assistant.workspace import Workspace


def check_mode(con: duckdb.DuckDBPyConnection, location_id: str, mode: str, skip_sample: bool) -> None:
    """Refuse a full run without an approved sample and a delta without a finished full run."""
    if mode == "full" and not skip_sample and approved_sample(con, location_id) is None:
        raise HlmapError(
            "no approved sample: run `hlmap apply --sample N`, read the diff, then "
            "`hlmap apply --approve-sample RUN_ID` (or pass --skip-sample)"
        )
    ledger.ensure(con)
    full_runs = con.execute(
        "SELECT count(*) FROM exec.runs WHERE mode = 'full' AND status = 'done' AND location_id = ?",
        [location_id],
    ).fetchone()
    if mode == "delta" and not (full_runs and full_runs[0]):
        raise HlmapError("--delta needs a finished full run into this location first")


def check_preflight(
    ws: Workspace, location_id: str, prepared: Prepared, mode: str, acknowledged: bool, who: str | None
) -> None:
    """A full or delta run waits for the plan's checklist to be acknowledged for this location; any run
    with history waits for its conversation provider."""
    refuse_without_provider(ws.connect(), ws.settings.execute, destination_or_none(ws))
    if mode == "sample":
        return
    con = ws.connect()
    checklist = build_checklist(con, prepared, destination_or_none(ws))
    require(con, audit_path(ws.root), location_id, checklist, acknowledged, who)
