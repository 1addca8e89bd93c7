"""Invoice totals per status: the source export beside what a demo run left in the stand-in.

Run after ``hlmap demo --yes -w DIR`` (any platform whose invoices went native):

    python -m tests.benchmarks.bench_invoice_totals DIR

Reads the workspace's source table(s) mapped to ``invoice`` (stated total, amount paid) and the
stand-in's saved state (``DIR/standin-state.json``): per status, count and sum of totals on each
side (all source invoices, and those that landed, matched by number); how each source status
landed; the customer messages (send, text-to-pay) the stand-in
recorded, which must be 0. The source status is read from the amounts (paid in full, in part, not
at all), as the executor reads a status without words. Asserts nothing.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from assistant.mapping import store
from assistant.workspace import Workspace

Row = tuple[str, float, str]  # invoice number, stated total, status read from the amounts


def _source(ws: Workspace) -> list[Row]:
    doc = store.load_confirmed(ws)
    fields = {(f.source_object, f.target.field): f.source_columns[0] for f in doc.fields if f.target.field}
    out: list[Row] = []
    for om in doc.objects:
        if om.targets[0].object.value != "invoice" or om.targets[0].role:
            continue
        number, total = fields[(om.source_object, "invoiceNumber")], fields[(om.source_object, "total")]
        paid = fields.get((om.source_object, "amountPaid"))
        paid_sql = f'TRY_CAST("{paid}" AS DOUBLE)' if paid else "0"
        rows = ws.connect().execute(
            f'SELECT "{number}", TRY_CAST("{total}" AS DOUBLE), {paid_sql} FROM raw."{om.source_object}"'
        )
        for key, stated, got in rows.fetchall():
            status = "paid" if got and got >= stated else ("partially_paid" if got else "unpaid")
            out.append((str(key), float(stated or 0), status))
    return out


def main(folder: Path) -> None:
    ws = Workspace(folder)
    state = json.loads((folder / "standin-state.json").read_text(encoding="utf-8"))["tables"]
    landed = {str(i["invoiceNumber"]): i for i in state["invoices"].values()}
    per: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0, 0.0, 0.0])
    moves: Counter[tuple[str, str]] = Counter()
    for number, stated, status in _source(ws):
        row = per[status]
        row[0] += 1
        row[1] += stated
        made = landed.get(number)
        if made is not None:
            row[2] += 1
            row[3] += stated
            row[4] += float(made["total"])
            moves[(status, str(made["status"]))] += 1
    head = ("source status", "source n", "source sum", "landed n", "landed src sum", "HighLevel sum")
    print("".join(f"{h:>16}" for h in head))
    for status, (n, total, got, got_src, got_hl) in sorted(per.items()):
        print(f"{status:>16}{n:>16.0f}{total:>16.2f}{got:>16.0f}{got_src:>16.2f}{got_hl:>16.2f}")
    print(
        "source status -> HighLevel status: "
        + ", ".join(f"{a} -> {b}: {n}" for (a, b), n in sorted(moves.items()))
    )
    print(f"customer messages recorded by the stand-in (send, text-to-pay): {len(state['customerMessages'])}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
