"""Which key an id column points at, and how a tie between keys is settled.

Every candidate key is counted in one query over the column's distinct values. On a small export
several keys can hold all of a column's few values ('agent-id' = 3 is an employee's id and an incident
state's): the column's name decides first, then a table's own primary key over another unique id
column of it, then the key the export's other columns of the same name reach too (one export names
one thing one way: an 'agent-id' whose values also fit the incident states, where every other
'agent-id' fits only employees and document states, is an employee's).
"""

from __future__ import annotations

from collections import Counter

import duckdb

from assistant.profile.models import ColumnProfile
from assistant.profile.sql import quote_ident

MIN_RESOLVED = 0.5  # below this share a column is not reported as pointing anywhere
Target = tuple[str, str]  # (table, key column)
Candidates = tuple[float, list[Target]]  # the best share and every key reaching it


def _norm(name: str) -> str:
    return "".join(ch for ch in name.lower() if ch.isalnum())


def best_targets(
    con: duckdb.DuckDBPyConnection,
    table: str,
    column: ColumnProfile,
    targets: list[Target],
    primary: dict[str, str | None],
    stem: str = "",
) -> Candidates | None:
    """The keys that most of the column's distinct values resolve to (all tied at the best), or None."""
    targets = [(t, k) for t, k in targets if t != table]
    if not targets:
        return None
    col = quote_ident(column.column)
    hits = ", ".join(
        f"count(*) FILTER (WHERE v IN (SELECT trim({quote_ident(k)}) FROM raw.{quote_ident(t)}))"
        for t, k in targets
    )
    row = con.execute(
        f"SELECT count(*), {hits} FROM (SELECT DISTINCT trim({col}) AS v FROM raw.{quote_ident(table)} "
        f"WHERE trim({col}) <> '')"
    ).fetchone()
    if not row or not row[0]:
        return None
    scored = [
        ((round(n / row[0], 4), bool(stem) and _norm(t).startswith(stem), k == primary.get(t)), (t, k))
        for (t, k), n in zip(targets, row[1:], strict=True)
    ]
    top = max(rank for rank, _ in scored)
    if top[0] < MIN_RESOLVED:
        return None
    return top[0], sorted(target for rank, target in scored if rank == top)


def settle_ties(found: dict[tuple[str, str], Candidates]) -> dict[tuple[str, str], tuple[str, str, float]]:
    """(table, column) -> (target table, key, share); a tie goes to the key most columns of the same
    name can reach too (one export names one thing one way), else the last in name order (as before)."""
    reach: dict[str, Counter[Target]] = {}
    for (_, column), (_, tied) in found.items():
        reach.setdefault(column, Counter()).update(tied)
    out: dict[tuple[str, str], tuple[str, str, float]] = {}
    for (table, column), (share, tied) in found.items():
        target = max(tied, key=lambda t: (reach[column][t], t))
        out[(table, column)] = (target[0], target[1], share)
    return out
