"""Per-table outcome counts of ``exec.accounting`` and the one word that sums them up: clean or not."""

from __future__ import annotations

from dataclasses import dataclass, field

import duckdb

from assistant.execute.accounting.build import NOT_CLEAN, SEVERITY
from assistant.execute.accounting.repairs import repaired_rows
from assistant.execute.accounting.short_records import short_records
from assistant.execute.accounting.values_lost import lost_values

OUTCOMES = tuple(reversed(SEVERITY))  # landed first, the way a report reads


@dataclass
class TableAccount:
    table: str
    rows: int
    counts: dict[str, int] = field(default_factory=dict)
    decision: str | None = None
    reasons: list[str] = field(default_factory=list)  # the most common reasons a row did not land
    # rows that landed as something other than their own record (a note in place of an invoice)
    other_forms: list[str] = field(default_factory=list)
    values_lost: int = 0  # values of rows that landed which did not arrive (``values_lost``)
    lost: list[str] = field(default_factory=list)  # per field: how many, and the first reason
    records_short: int = 0  # records beside a landed row's own that did not land (``short_records``)

    @property
    def clean(self) -> bool:
        short = self.values_lost or self.records_short
        return not any(self.counts.get(o) for o in NOT_CLEAN) and not short

    @property
    def carried(self) -> int:
        return self.counts.get("landed", 0) + self.counts.get("merged", 0)


@dataclass
class Accounting:
    tables: list[TableAccount]
    repaired: list[str] = field(default_factory=list)
    """Rows read back from broken export lines: file, line, what was done and their outcome."""

    @property
    def clean(self) -> bool:
        return all(t.clean for t in self.tables)

    def totals(self) -> dict[str, int]:
        return {o: sum(t.counts.get(o, 0) for t in self.tables) for o in OUTCOMES}

    @property
    def values_lost(self) -> int:
        return sum(t.values_lost for t in self.tables)


def summarise(con: duckdb.DuckDBPyConnection, reasons: int = 3) -> Accounting:
    rows = con.execute(
        """SELECT source_table, outcome, count(*), any_value(decision) FROM exec.accounting
        GROUP BY ALL ORDER BY source_table"""
    ).fetchall()
    tables: dict[str, TableAccount] = {}
    for table, outcome, count, decision in rows:
        account = tables.setdefault(table, TableAccount(table, 0))
        account.rows += int(count)
        account.counts[outcome] = int(count)
        account.decision = account.decision or decision
    why = con.execute(
        """SELECT source_table, outcome, why, n, kinds FROM (SELECT source_table, outcome,
        min(coalesce(rule || ': ', '') || coalesce(detail, '')) AS why, count(*) AS n,
        count(DISTINCT coalesce(detail, '')) AS kinds
        FROM exec.accounting WHERE outcome <> 'landed'
        GROUP BY source_table, outcome, rule, regexp_replace(coalesce(detail, ''), '[0-9]+', '#', 'g'))
        QUALIFY row_number() OVER (PARTITION BY source_table ORDER BY n DESC, outcome, why) <= ?
        ORDER BY source_table, n DESC, outcome, why""",
        [reasons],
    ).fetchall()
    shown: dict[str, int] = {}
    for table, outcome, text, n, kinds in why:
        like = " (and the like)" if kinds > 1 else ""  # details that differ only in their numbers
        tables[table].reasons.append(f"{n} {outcome}: {_short(text)}{like}")
        shown[table] = shown.get(table, 0) + int(n)
    for table, account in tables.items():  # reasons that name a value ('links to Ava Ortiz') group apart
        rest = sum(n for outcome, n in account.counts.items() if outcome != "landed") - shown.get(table, 0)
        if rest > 0 and account.reasons:
            account.reasons.append(f"… and {rest} more rows for other reasons: each one in accounting.csv")
    forms = con.execute(
        """SELECT source_table, policy, count(*), min(detail) FROM exec.accounting
        WHERE outcome = 'landed' AND policy IS NOT NULL GROUP BY ALL ORDER BY source_table, 3 DESC"""
    ).fetchall()
    for table, policy, n, detail in forms:
        tables[table].other_forms.append(f"{n} landed by policy {policy}: {_short(detail or '')}")
    for lost in lost_values(con):
        account = tables.setdefault(lost.table, TableAccount(lost.table, 0))
        account.values_lost += lost.count
        account.lost.append(f"{lost.count} {lost.field} values did not arrive: {_short(lost.example)}")
    for short in short_records(con):
        account = tables[short.table]
        account.records_short += short.count
        said = f"{short.count} {short.record} {short.outcome} beside their row's landed record"
        account.lost.append(f"{said}: {_short(short.why)}")
    return Accounting(list(tables.values()), repaired_rows(con))


def _short(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"
