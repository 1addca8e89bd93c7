"""Invoice totals per status: the source export beside what a demo run left in the stand-in.

Run after ``hlmap demo --yes -w DIR`` (any platform whose invoices went native):

    python -m tests.benchmarks.bench_invoice_totals DIR

Reads the workspace's source table(s) mapped to ``invoice`` (stated total, amount paid) and the
stand-in's saved state (``DIR/standin-state.json``): per status, count and sum of totals on each
side; the documents held back and why; the customer messages (send, text-to-pay) the stand-in
recorded, which must be 0. The source status is read from the amounts (paid in full, in part, not
at all), as the executor reads a status without words. Asserts nothing.
"""

from __future__ import annotations

import json
import sys
from collections import defaultdict
from pathlib import Path

from assistant.mapping import store
from assistant.workspace import Workspace


def _source(ws: Workspace) -> dict[str, list[float]]:
    doc = store.load_confirmed(ws)
    fields = {(f.source_object, f.target.field): f.source_columns[0] for f in doc.fields if f.target.field}
    out: dict[str, list[float]] = defaultdict(list)
    for om in doc.objects:
        if om.targets[0].object.value != "invoice" or om.targets[0].role:
            continue
        total, paid = fields[(om.source_object, "total")], fields.get((om.source_object, "amountPaid"))
        paid_sql = f'TRY_CAST("{paid}" AS DOUBLE)' if paid else "0"
        rows = ws.connect().execute(
            f'SELECT TRY_CAST("{total}" AS DOUBLE), {paid_sql} FROM raw."{om.source_object}"'
        )
        for stated, got in rows.fetchall():
            status = "paid" if got and got >= stated else ("partially_paid" if got else "unpaid")
            out[status].append(float(stated or 0))
    return out


def main(folder: Path) -> None:
    ws = Workspace(folder)
    source = _source(ws)
    state = json.loads((folder / "standin-state.json").read_text(encoding="utf-8"))["tables"]
    dest: dict[str, list[float]] = defaultdict(list)
    for invoice in state["invoices"].values():
        dest[invoice["status"]].append(float(invoice["total"]))
    held = (
        ws.connect()
        .execute("SELECT count(*) FROM exec.transform_errors WHERE held AND target = 'invoice'")
        .fetchone()
    )
    print(f"{'status':<16}{'source n':>9}{'source sum':>14}{'HighLevel n':>13}{'HighLevel sum':>15}")
    for status in sorted(set(source) | set(dest)):
        s, d = source.get(status, []), dest.get(status, [])
        print(f"{status:<16}{len(s):>9}{sum(s):>14.2f}{len(d):>13}{sum(d):>15.2f}")
    print(f"invoices held back (exec.transform_errors): {held[0] if held else 0}")
    print(f"customer messages recorded by the stand-in (send, text-to-pay): {len(state['customerMessages'])}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
