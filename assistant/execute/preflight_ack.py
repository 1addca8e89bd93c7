"""The engineer's acknowledgement of the pre-flight checklist: kept per location and list, audited."""

from __future__ import annotations

import getpass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from assistant.errors import HlmapError
from assistant.execute.audit import AuditLog
from assistant.execute.preflight import Checklist

DDL = """CREATE TABLE IF NOT EXISTS exec.preflight (
    location_id VARCHAR, digest VARCHAR, who VARCHAR, "at" TIMESTAMPTZ, items VARCHAR[])"""


def acknowledged(con: duckdb.DuckDBPyConnection, location_id: str, checklist: Checklist) -> bool:
    con.execute(DDL)
    row = con.execute(
        "SELECT count(*) FROM exec.preflight WHERE location_id = ? AND digest = ?",
        [location_id, checklist.digest],
    ).fetchone()
    return bool(row and row[0])


def acknowledge(
    con: duckdb.DuckDBPyConnection, audit_file: Path, location_id: str, checklist: Checklist, who: str | None
) -> str:
    """Record who acknowledged which list and when, in the workspace and in the audit log."""
    con.execute(DDL)
    name = who or getpass.getuser()
    con.execute(
        "INSERT INTO exec.preflight VALUES (?, ?, ?, ?, ?)",
        [location_id, checklist.digest, name, datetime.now(UTC), checklist.items],
    )
    audit = AuditLog(con, audit_file, "preflight", with_payloads=False)
    detail = f"by {name}: " + " | ".join(checklist.items)
    audit.write("preflight", "location", "", location_id, None, "acknowledged", detail)
    audit.flush()
    return name


def require(
    con: duckdb.DuckDBPyConnection,
    audit_file: Path,
    location_id: str,
    checklist: Checklist,
    ok: bool,
    who: str | None,
) -> None:
    """Pass when the engineer acknowledges now (``--preflight-ok``) or did for this same list before."""
    if ok:
        acknowledge(con, audit_file, location_id, checklist, who)
    elif not acknowledged(con, location_id, checklist):
        raise HlmapError(
            "the pre-flight checklist is not acknowledged for this location: read the end of `hlmap plan`, "
            "settle each item in HighLevel, then re-run apply with --preflight-ok"
        )
