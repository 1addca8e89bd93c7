"""Choosing a sample: N records spread over every object, with the parents their children need."""

from __future__ import annotations

import duckdb

from assistant.errors import HlmapError
from assistant.execute import ledger
from assistant.execute.calls import op_id
from assistant.execute.specs import RecordSpec


def choose_sample(con: duckdb.DuckDBPyConnection, specs: list[RecordSpec], size: int) -> set[str]:
    """Op ids of about ``size`` records: contacts spread over the source, children of those contacts,
    and the companies they belong to; objects without a contact link are sampled evenly."""
    quota = max(1, size // max(1, len(specs)))
    chosen: set[str] = set()
    contacts: dict[str, set[str]] = {}  # source object -> chosen contact keys
    for spec in specs:
        if spec.target == "contact":
            keys = _spread(con, spec, quota)
            contacts[spec.source_object] = set(keys)
            chosen |= {op_id("contact", spec.source_object, k) for k in keys}
    for spec in specs:
        if spec.target == "contact":
            continue
        ref = next((r for r in spec.refs if r.key == "contactId"), None)
        parents = contacts.get(ref.source_object, set()) if ref else set()
        picked = _children(con, spec, parents, quota) if parents else []
        if len(picked) < quota:
            for key, parent in _spread_with_parent(con, spec, quota - len(picked), exclude=set(picked)):
                picked.append(key)
                if ref is not None and parent:
                    chosen.add(op_id("contact", ref.source_object, parent))
        chosen |= {op_id(spec.target, spec.source_object, k) for k in picked}
    for spec in specs:  # companies of chosen contacts
        ref = next((r for r in spec.refs if r.key == "companyId"), None)
        if spec.target == "contact" and ref is not None:
            rows = con.execute(
                """SELECT DISTINCT json_extract_string("values", '$."ref:companyId"') FROM exec.records
                WHERE target = 'contact' AND source_object = ? AND list_contains(?, source_key)""",
                [spec.source_object, sorted(contacts.get(spec.source_object, set()))],
            ).fetchall()
            chosen |= {op_id("company", ref.source_object, r[0]) for r in rows if r[0]}
    return chosen


def _spread(con: duckdb.DuckDBPyConnection, spec: RecordSpec, count: int) -> list[str]:
    return [k for k, _ in _spread_with_parent(con, spec, count, set())]


def _spread_with_parent(
    con: duckdb.DuckDBPyConnection, spec: RecordSpec, count: int, exclude: set[str]
) -> list[tuple[str, str | None]]:
    """Every k-th record so the sample covers the whole source, not just its first rows."""
    rows = con.execute(
        """SELECT source_key, json_extract_string("values", '$."ref:contactId"') FROM (
            SELECT *, row_number() OVER (ORDER BY "row") AS n, count(*) OVER () AS total FROM exec.records
            WHERE target = ? AND source_object = ? AND NOT list_contains(?, source_key)
            AND coalesce(json_extract_string("values", '$."ref:contactId"') IN (
                SELECT source_key FROM exec.records WHERE target = 'contact'), true))
        WHERE (n - 1) % greatest(1, total // ?) = 0 ORDER BY n LIMIT ?""",
        [spec.target, spec.source_object, sorted(exclude), max(1, count), count],
    ).fetchall()
    return [(r[0], r[1]) for r in rows]


def _children(con: duckdb.DuckDBPyConnection, spec: RecordSpec, parents: set[str], count: int) -> list[str]:
    rows = con.execute(
        """SELECT source_key FROM exec.records WHERE target = ? AND source_object = ?
        AND list_contains(?, json_extract_string("values", '$."ref:contactId"')) ORDER BY "row" LIMIT ?""",
        [spec.target, spec.source_object, sorted(parents), count],
    ).fetchall()
    return [r[0] for r in rows]


def approve(con: duckdb.DuckDBPyConnection, run_id: str) -> None:
    ledger.ensure(con)
    row = con.execute("SELECT mode, status FROM exec.runs WHERE run_id = ?", [run_id]).fetchone()
    if row is None or row[0] != "sample":
        raise HlmapError(f"{run_id} is not a sample run (see `hlmap apply --sample N`)")
    if row[1] in ("rolled_back", "rollback_incomplete"):
        raise HlmapError(f"sample run {run_id} was rolled back; run a new sample (`hlmap apply --sample N`)")
    if row[1] != "done":
        raise HlmapError(f"sample run {run_id} did not finish (status {row[1]}); run the sample again")
    con.execute("UPDATE exec.runs SET approved_at = ? WHERE run_id = ?", [ledger.now(), run_id])


def approved_sample(con: duckdb.DuckDBPyConnection, location_id: str) -> str | None:
    ledger.ensure(con)
    row = con.execute(
        """SELECT run_id FROM exec.runs WHERE mode = 'sample' AND location_id = ? AND approved_at IS NOT NULL
        AND status = 'done' ORDER BY approved_at DESC LIMIT 1""",
        [location_id],
    ).fetchone()
    return str(row[0]) if row else None
