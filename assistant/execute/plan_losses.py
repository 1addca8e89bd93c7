"""What the plan will not carry, next to the decision that causes it, and the totals.

The mapping document's own losses (rejected maps, unmapped columns, undecided stages, per-document
values overwritten on a parent) come from ``mapping.loss``; the compile adds the records HighLevel
would refuse and the values that fail their transform. The totals come from the source accounting
run over the compiled plan: every source row is either sent (or already there) or left behind.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb

from assistant.execute import holding
from assistant.execute.accounting.build import build
from assistant.execute.accounting.repairs import missing_in_export
from assistant.execute.condition_losses import condition_losses
from assistant.execute.prepare import Prepared
from assistant.mapping.loss import Loss, decision_losses

CARRIED = ("pending", "landed", "merged")  # to be sent, or already in HighLevel
FAILED_WRITE = "failed_write"  # a row an earlier run sent and HighLevel refused (its error is in the ledger)


@dataclass
class PlanLosses:
    lines: list[Loss] = field(default_factory=list)
    rows: dict[str, int] = field(default_factory=dict)  # source-row outcome -> count
    parked: int = 0  # rows carried to the holding contact: their parent is not in the export
    missing_in_export: list[str] = field(default_factory=list)
    """Rows read back from lines cut short: the values their export line does not hold."""

    @property
    def source_rows(self) -> int:
        return sum(self.rows.values())

    @property
    def rows_left(self) -> int:
        return sum(n for outcome, n in self.rows.items() if outcome not in CARRIED)

    @property
    def values_left(self) -> int:
        return sum(line.values for line in self.lines)


def plan_losses(con: duckdb.DuckDBPyConnection, prepared: Prepared) -> PlanLosses:
    out = PlanLosses(decision_losses(con, prepared.doc) + condition_losses(con, prepared.specs))
    held = con.execute(
        """SELECT source_object, target, count(DISTINCT "row"), min(error), count(DISTINCT error)
        FROM exec.transform_errors WHERE held GROUP BY source_object, target, field ORDER BY ALL"""
    ).fetchall()
    for source, target, n, error, kinds in held:
        why = f"this object map leaves {n} '{source}' rows without a {target} record: {error}"
        why += f" (and {kinds - 1} more reasons like it: exec.transform_errors)" if kinds > 1 else ""
        out.lines.append(Loss(f"object:{source}", int(n), 0, why))
    failed = con.execute(
        """SELECT field_id, field, count(*) FROM exec.transform_errors WHERE NOT held
        GROUP BY ALL ORDER BY ALL"""
    ).fetchall()
    for field_id, key, n in failed:
        why = f"{n} values fail their transform to {key}: their records go without them"
        out.lines.append(Loss(str(field_id), 0, int(n), why))
    out.lines.sort(key=lambda line: (-line.records, -line.values, line.item_id))
    build(con, prepared.doc, prepared.specs)
    # a failed row is either an export line the ingest could not read (rule 'ingest') or a record an
    # earlier run could not write (a sample's 422, say): the totals name them apart
    counts = con.execute(
        f"""SELECT CASE WHEN outcome = 'failed' AND coalesce(rule, '') <> 'ingest' THEN '{FAILED_WRITE}'
        ELSE outcome END, count(*) FROM exec.accounting GROUP BY ALL"""
    ).fetchall()
    out.rows = {str(o): int(n) for o, n in counts}
    row = con.execute("SELECT count(*) FROM exec.accounting WHERE policy = ?", [holding.POLICY]).fetchone()
    out.parked = int(row[0]) if row else 0
    out.missing_in_export = missing_in_export(con)
    return out
