"""Invoice and estimate totals per status: the source's beside what HighLevel holds.

For every source status (as the plan read it: paid, partially paid, unpaid, void, draft; an
estimate's draft, sent, accepted, declined) the count and sum of stated totals in the source, then
where those documents went: native documents read back (their count, HighLevel's sum of their
totals and the statuses HighLevel gives them), notes on their contact (a contact without email or
phone), and documents sent but not found. A native sum that is not the source's sum of the same
documents, or a document missing, is flagged. Documents no run has sent yet are counted apart.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import duckdb

from assistant.execute import ledger
from assistant.execute.document_tax import UNTAXED
from assistant.highlevel.errors import JsonDict

NOTE_KIND = "document_as_note"


@dataclass
class StatusTotal:
    kind: str  # invoice or estimate
    status: str  # the source status
    source_n: int = 0
    source_sum: float = 0.0
    native_n: int = 0
    native_source_sum: float = 0.0  # what the source states for the documents that landed natively
    held_sum: float = 0.0  # what HighLevel holds for them
    held_statuses: Counter[str] = field(default_factory=Counter)
    noted_n: int = 0
    noted_sum: float = 0.0
    missing_n: int = 0  # sent, but not (or no longer) in HighLevel
    unsent_n: int = 0  # no run sent it yet
    causes: list[str] = field(default_factory=list)  # each native document whose total is not the source's

    @property
    def differs(self) -> bool:
        return self.missing_n > 0 or round(self.held_sum, 2) != round(self.native_source_sum, 2)

    def statuses(self) -> str:
        return ", ".join(f"{s} {n}" for s, n in sorted(self.held_statuses.items())) or "-"


def document_totals(
    con: duckdb.DuckDBPyConnection, location_id: str, held: dict[str, dict[str, JsonDict]]
) -> list[StatusTotal]:
    """Per (kind, source status); empty when the plan compiled no document."""
    if not _has_sources(con):
        return []
    sent = _sent(con, location_id)
    out: dict[tuple[str, str], StatusTotal] = {}
    rows = con.execute(
        f"SELECT kind, source_object, source_key, status, total, number, {_traced(con)} "
        "FROM exec.document_sources ORDER BY kind, status"
    ).fetchall()
    for kind, source_object, key, status, total, number, line_sum, reason in rows:
        row = out.setdefault((kind, status), StatusTotal(kind, status))
        row.source_n += 1
        row.source_sum = round(row.source_sum + total, 2)
        where = sent.get((kind, source_object, key)) or sent.get((NOTE_KIND, source_object, key))
        if where is None:
            row.unsent_n += 1
        elif where[0] == NOTE_KIND:
            row.noted_n += 1
            row.noted_sum = round(row.noted_sum + total, 2)
        elif (record := held.get(kind, {}).get(where[1])) is None:
            row.missing_n += 1
        else:
            row.native_n += 1
            row.native_source_sum = round(row.native_source_sum + total, 2)
            held_total = round(float(record.get("total") or 0), 2)
            row.held_sum = round(row.held_sum + held_total, 2)
            if held_total != round(total, 2):
                cause = _cause(number, total, line_sum, reason, held_total)
                row.causes.append(cause + _left_due(status, record))
            row.held_statuses[str(record.get("status") or record.get("estimateStatus") or "")] += 1
    return list(out.values())


def _cause(number: str, total: float, line_sum: float | None, reason: str | None, held: float) -> str:
    """Why one document's HighLevel total is not the source's stated total."""
    said = f"{number}: source {total:.2f}, HighLevel {held:.2f} ({held - total:+.2f})"
    if reason == UNTAXED:
        return f"{said}; {UNTAXED}"
    if line_sum is not None and round(line_sum, 2) == held:
        why = reason or "they sum to the total sent"
        return f"{said}; the source's total disagrees with its own lines ({why})"
    return f"{said}; HighLevel's total is not the sum of the lines sent ({line_sum or 0:.2f})"


def _left_due(status: str, record: JsonDict) -> str:
    """A source-paid invoice whose lines sum to more than its stated (and paid) total stays part due."""
    if status != "paid" or record.get("status") != "partially_paid":
        return ""
    due = float(record.get("amountDue") or 0)
    return f"; HighLevel holds it partially paid: the source's payment of its total leaves {due:.2f} due"


def _traced(con: duckdb.DuckDBPyConnection) -> str:
    """The line-sum columns, or NULLs for a table a compile before they existed wrote."""
    row = con.execute(
        "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'exec' "
        "AND table_name = 'document_sources' AND column_name = 'line_sum'"
    ).fetchone()
    return "line_sum, reason" if row and row[0] else "NULL, NULL"


def _has_sources(con: duckdb.DuckDBPyConnection) -> bool:
    row = con.execute(
        "SELECT count(*) FROM information_schema.tables "
        "WHERE table_schema = 'exec' AND table_name = 'document_sources'"
    ).fetchone()
    return bool(row and row[0])


def _sent(con: duckdb.DuckDBPyConnection, location_id: str) -> dict[tuple[str, str, str], tuple[str, str]]:
    """(kind, source object, key) -> (kind, HighLevel id) of every document or note a run made."""
    ledger.ensure(con)
    rows = con.execute(
        """SELECT object, source_object, source_key, hl_id, op_id FROM (
            SELECT l.* FROM exec.ledger l JOIN exec.runs r USING (run_id) WHERE r.location_id = ?
            QUALIFY row_number() OVER (PARTITION BY l.op_id ORDER BY l.updated_at DESC) = 1)
        WHERE status = 'done' AND action = 'create' AND hl_id IS NOT NULL""",
        [location_id],
    ).fetchall()
    out: dict[tuple[str, str, str], tuple[str, str]] = {}
    for obj, source_object, key, hl_id, op_id in rows:
        kind = NOTE_KIND if str(op_id).startswith(NOTE_KIND + ":") else str(obj)
        out[(kind, str(source_object), str(key))] = (kind, str(hl_id))
    return out


def totals_json(t: StatusTotal) -> dict[str, object]:
    keys = ("kind", "status", "source_n", "source_sum", "native_n", "native_source_sum", "held_sum")
    data: dict[str, object] = {k: getattr(t, k) for k in keys}
    data.update(held_statuses=dict(t.held_statuses), noted_n=t.noted_n, noted_sum=t.noted_sum)
    data.update(missing_n=t.missing_n, unsent_n=t.unsent_n, differs=t.differs, causes=list(t.causes))
    return data


CAUSES_SHOWN = 3  # on the terminal; the report lists every document


def totals_lines(totals: list[StatusTotal]) -> list[str]:
    """One readable line per (kind, status), flagged where HighLevel's sum or count differs."""
    lines = []
    for t in totals:
        flag = "DIFFERS" if t.differs else "equal"
        text = (
            f"{t.kind} {t.status}: source {t.source_n} = {t.source_sum:.2f}; native {t.native_n}: "
            f"source {t.native_source_sum:.2f}, HighLevel {t.held_sum:.2f} ({t.statuses()}) [{flag}]"
        )
        if t.noted_n:
            text += f"; as notes {t.noted_n} = {t.noted_sum:.2f}"
        if t.missing_n:
            text += f"; {t.missing_n} sent but not in HighLevel"
        if t.unsent_n:
            text += f"; {t.unsent_n} not sent yet"
        if t.causes:
            shown = "; ".join(t.causes[:CAUSES_SHOWN])
            more = len(t.causes) - CAUSES_SHOWN
            text += f"; caused by {len(t.causes)} document(s): {shown}"
            text += f" … and {more} more (every one in the verification report)" if more > 0 else ""
        lines.append(text)
    return lines


def totals_table(totals: list[StatusTotal]) -> list[str]:
    """The same per status as a Markdown table: source vs HighLevel, count and sum, then the causes."""
    out = [
        "| kind | source status | source count | source sum | native count | their source sum | "
        "HighLevel sum | difference | as notes (count, sum) | not in HighLevel | agrees |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for t in totals:
        diff = round(t.held_sum - t.native_source_sum, 2)
        out.append(
            f"| {t.kind} | {t.status} | {t.source_n} | {t.source_sum:.2f} | {t.native_n} | "
            f"{t.native_source_sum:.2f} | {t.held_sum:.2f} | {diff:+.2f} | {t.noted_n}, {t.noted_sum:.2f} | "
            f"{t.missing_n + t.unsent_n} | {'no' if t.differs else 'yes'} |"
        )
    causes = [f"- {t.kind} {t.status}: {c}" for t in totals for c in t.causes]
    if causes:
        out += ["", "Documents whose HighLevel total is not the source's stated total:", "", *causes]
    return out
