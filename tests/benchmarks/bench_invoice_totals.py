"""Invoice totals per status: the source export beside what a demo run left in the stand-in.

Run after ``hlmap demo --yes -w DIR`` (any platform whose invoices went native):

    python -m tests.benchmarks.bench_invoice_totals DIR

Reads the workspace's source table(s) mapped to ``invoice`` (stated total, amount paid) and the
stand-in's saved state (``DIR/standin-state.json``): per status, count and sum of totals on each
side (all source invoices, and those that landed, matched by number); how each source status
landed; the customer messages (send, text-to-pay) the stand-in
recorded, which must be 0; and the invoices that went as a note on their contact (their contact had
no email or phone, which HighLevel requires on an invoice), counted and summed apart, never as
native. The source status is read from the amounts (paid in full, in part, not
at all), as the executor reads a status without words. Asserts nothing.
"""

from __future__ import annotations

import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

from assistant.mapping import store
from assistant.workspace import Workspace

Row = tuple[str, float, str, str]  # invoice number, stated total, status read from the amounts, source key
NOTE_KIND = "document_as_note"  # the record kind of an invoice carried as a note on its contact


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
            f'SELECT "{number}", TRY_CAST("{total}" AS DOUBLE), {paid_sql}, "{om.key_column or number}" '
            f'FROM raw."{om.source_object}"'
        )
        for key, stated, got, source_key in rows.fetchall():
            status = "paid" if got and got >= stated else ("partially_paid" if got else "unpaid")
            out.append((str(key), float(stated or 0), status, str(source_key)))
    return out


def main(folder: Path) -> None:
    ws = Workspace(folder)
    state = json.loads((folder / "standin-state.json").read_text(encoding="utf-8"))["tables"]
    landed = {str(i["invoiceNumber"]): i for i in state["invoices"].values()}
    per: dict[str, list[float]] = defaultdict(lambda: [0, 0.0, 0, 0.0, 0.0])
    moves: Counter[tuple[str, str]] = Counter()
    as_notes = {
        str(r[0])
        for r in ws.connect()
        .execute(
            "SELECT DISTINCT source_key FROM exec.ledger WHERE op_id LIKE ? AND status = 'done'",
            [NOTE_KIND + ":%"],
        )
        .fetchall()
    }
    noted = [0, 0.0]
    off = 0  # landed invoices whose HighLevel total is not the source's stated total
    for number, stated, status, source_key in _source(ws):
        if source_key in as_notes:  # landed as a note: never counted among native invoices
            noted[0] += 1
            noted[1] += stated
        row = per[status]
        row[0] += 1
        row[1] += stated
        made = landed.get(number)
        if made is not None:
            row[2] += 1
            row[3] += stated
            row[4] += float(made["total"])
            off += round(float(made["total"]), 2) != round(stated, 2)
            moves[(status, str(made["status"]))] += 1
    head = ("source status", "source n", "source sum", "landed n", "landed src sum", "HighLevel sum")
    print("".join(f"{h:>16}" for h in head))
    for status, (n, total, got, got_src, got_hl) in sorted(per.items()):
        print(f"{status:>16}{n:>16.0f}{total:>16.2f}{got:>16.0f}{got_src:>16.2f}{got_hl:>16.2f}")
    print(
        "source status -> HighLevel status: "
        + ", ".join(f"{a} -> {b}: {n}" for (a, b), n in sorted(moves.items()))
    )
    print(f"landed invoices whose HighLevel total differs from the source's stated total: {off}")
    print(
        f"invoices carried as a note on their contact (no email or phone): {noted[0]}, total {noted[1]:.2f}"
    )
    print(f"customer messages recorded by the stand-in (send, text-to-pay): {len(state['customerMessages'])}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
