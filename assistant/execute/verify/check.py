"""Compare every written value with the value HighLevel holds: agreed, differs, missing or unread."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import duckdb

from assistant.execute.verify.added_tags import added_tags, tags_outcome
from assistant.execute.verify.document_totals import StatusTotal, document_totals
from assistant.execute.verify.messages import UNREAD_NOTE
from assistant.execute.verify.readback import Held, read_back
from assistant.execute.verify.values import empty, flatten, held_value, same, shown
from assistant.execute.verify.written import READABLE, Written, write_requests, written
from assistant.highlevel.client import HighLevelClient

OUTCOMES = ("agreed", "differs", "missing", "unread")
EXISTING = "existing"  # the ledger outcome of a create HighLevel answered with a record already there


@dataclass(frozen=True)
class FieldCheck:
    object: str
    source_object: str
    source_key: str
    hl_id: str
    field: str
    outcome: str  # one of OUTCOMES
    written: str
    held: str
    note: str = ""


@dataclass
class Verification:
    checks: list[FieldCheck] = field(default_factory=list)
    reads: int = 0
    writes: int = 0
    budget: int = 0
    totals: list[StatusTotal] = field(default_factory=list)  # invoices and estimates per status

    def count(self, outcome: str) -> int:
        return sum(1 for c in self.checks if c.outcome == outcome)

    @property
    def compared(self) -> int:
        return sum(1 for c in self.checks if c.outcome != "unread")

    @property
    def agreement(self) -> float:
        """Share of the written values that were read back and agree (1.0 when nothing was compared)."""
        return self.count("agreed") / self.compared if self.compared else 1.0

    @property
    def read_share(self) -> float:
        return self.reads / self.writes if self.writes else 0.0

    @property
    def passed(self) -> bool:
        totals_agree = not any(t.differs for t in self.totals)
        return not self.count("differs") and not self.count("missing") and totals_agree

    def by_field(self) -> dict[tuple[str, str], Counter[str]]:
        out: dict[tuple[str, str], Counter[str]] = {}
        for c in self.checks:
            out.setdefault((c.object, c.field), Counter())[c.outcome] += 1
        return out


async def verify(
    hl: HighLevelClient,
    con: duckdb.DuckDBPyConnection,
    read_share: float,
    country: str | None,
    zone: str | None = None,
) -> Verification:
    """``zone``: the source's time zone; date-times are also shown in its wall-clock time."""
    items = written(con, hl.location_id)
    result = Verification(writes=write_requests(con, hl.location_id))
    result.budget = math.floor(read_share * result.writes)
    held = await read_back(hl, [w for w in items if w.object in READABLE], result.budget)
    result.reads = held.reads
    result.totals = document_totals(con, hl.location_id, held.documents)
    last = _last_writers([w for w in items if not w.adds], held.field_names)
    added = added_tags(items)
    for item in items:
        result.checks += _check(item, held, last, added, country, zone)
    return result


def _last_writers(items: list[Written], names: dict[str, str]) -> dict[tuple[str, str, str], Written]:
    """(object, record id, field) -> the write that set it last."""
    out: dict[tuple[str, str, str], Written] = {}
    for item in items:
        if item.outcome == EXISTING:
            continue
        for label in flatten(item.sent, names):
            out[(item.object, item.hl_id, label)] = item
    return out


def _check(
    item: Written,
    held: Held,
    last: dict[tuple[str, str, str], Written],
    added: dict[str, set[str]],
    country: str | None,
    zone: str | None,
) -> list[FieldCheck]:
    record = held.records.get(item.object, {}).get(item.hl_id)
    out: list[FieldCheck] = []
    for label, value in flatten(item.sent, held.field_names).items():
        have: Any = None
        if item.object not in READABLE:
            outcome, note = "unread", f"no location-wide listing of {item.object} records to read it from"
        elif item.object == "message" and label in UNREAD_NOTE:
            outcome, note = "unread", UNREAD_NOTE[label]
        elif not held.was_read(item):
            outcome, note = "unread", "outside the read budget (execute.verify_read_share)"
        elif record is None:
            outcome, note = "missing", "record not found in HighLevel"
        else:
            have = held_value(record, label, held.field_names)
            by_tags = tags_outcome(item, value, have, added) if label == "tags" else None
            outcome, note = by_tags or _outcome(item, label, value, have, last, country)
        out.append(
            FieldCheck(
                item.object, item.source_object, item.source_key, item.hl_id, label, outcome,
                shown(value, zone), shown(have, zone), note,
            )
        )  # fmt: skip
    return out


def _outcome(
    item: Written,
    label: str,
    value: Any,
    have: Any,
    last: dict[tuple[str, str, str], Written],
    country: str | None,
) -> tuple[str, str]:
    if same(label, value, have, country):
        return "agreed", ""
    if item.outcome == EXISTING:
        outcome = "missing" if empty(have) else "differs"
        return outcome, "HighLevel matched an existing record (duplicate rule): this value was not written"
    if empty(have):
        return "missing", "no value held"
    writer = last.get((item.object, item.hl_id, label))
    if writer is not None and writer.op_id != item.op_id:
        return "differs", f"overwritten by a later write ({writer.op_id})"
    return "differs", ""
