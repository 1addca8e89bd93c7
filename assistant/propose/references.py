"""References and keys the profile did not record, inferred from names (and values when available).

CSV exports often repeat the parent's key under the same header ('Job #' in jobs, estimates,
invoices); a reference found that way is kept only when the values agree, so a shared header
alone never links two tables.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile, ForeignKey, TableProfile
from assistant.propose.bare_references import bare_key_candidates
from assistant.propose.name_references import describe, name_reference
from assistant.propose.normalize import concepts, normalise, singular, tokens
from assistant.propose.signals import lead_concept, visible_columns
from assistant.propose.sourcedata import SourceValues

_KEYISH = ("identifier", "reference")
MIN_OVERLAP = 0.5


def source_key(table: TableProfile) -> str | None:
    """The profiled primary key, else an early, unique, always-filled id-like column."""
    if table.primary_key:
        return table.primary_key
    for col in visible_columns(table)[:3]:
        if lead_concept(col) in _KEYISH and col.unique_share >= 0.95 and col.null_share <= 0.05:
            return col.column
    return None


def _nouns(table: str) -> set[str]:
    return {singular(w) for w in tokens(table)}


def _overlap(values: SourceValues, child: ColumnProfile, parent: str, column: str) -> float | None:
    mine = {v.value.strip() for v in values.distinct(child.table, child.column, limit=5000)}
    if not mine:
        return None
    theirs = {v.value.strip() for v in values.distinct(parent, column, limit=50000)}
    return len(mine & theirs) / len(mine)


def infer_references(tables: list[TableProfile], values: SourceValues) -> list[TableProfile]:
    """Copies of the profiles with keys and name-matched references filled in where missing."""
    keys = {t.table: source_key(t) for t in tables}
    keyed = [(t, k) for t in tables if (k := keys[t.table]) is not None]
    out: list[TableProfile] = []
    for table in tables:
        by_key = [_with_reference(table, col, tables, keys, values) for col in table.columns]
        linked = table.model_copy(update={"columns": by_key})
        columns = [_by_name(linked, col, keyed, values) for col in by_key]
        out.append(table.model_copy(update={"columns": columns, "primary_key": keys[table.table]}))
    return out


def _by_name(
    table: TableProfile, col: ColumnProfile, keyed: list[tuple[TableProfile, str]], values: SourceValues
) -> ColumnProfile:
    fk = name_reference(table, col, keyed, values)
    if fk is None:
        return col
    return col.model_copy(update={"foreign_key": fk, "evidence": [*col.evidence, describe(fk)]})


def _with_reference(
    table: TableProfile,
    col: ColumnProfile,
    tables: list[TableProfile],
    keys: dict[str, str | None],
    values: SourceValues,
) -> ColumnProfile:
    keyish = lead_concept(col) in _KEYISH or "identifier" in concepts(col.column)
    if col.foreign_key is not None or col.column.startswith("_") or col.column == keys.get(table.table):
        return col
    candidates = (
        _candidates(table, col, tables, keys) if keyish else bare_key_candidates(table, col, tables, keys)
    )
    for other, twin, how in candidates:
        share = _overlap(values, col, other.table, twin)
        if (share is None and not keyish) or (share is not None and share < MIN_OVERLAP):
            continue  # a bare noun links only when values are there to agree
        fk = ForeignKey(
            table=table.table,
            column=col.column,
            target_table=other.table,
            target_column=twin,
            resolved_share=share if share is not None else 0.0,
        )
        evidence = [*col.evidence, f"reference to {other.table}.{twin} inferred from {how}"]
        return col.model_copy(update={"foreign_key": fk, "evidence": evidence})
    return col


def _candidates(
    table: TableProfile, col: ColumnProfile, tables: list[TableProfile], keys: dict[str, str | None]
) -> list[tuple[TableProfile, str, str]]:
    """Tables the column may point at: same header as their key, or '<noun>_id' naming the table."""
    name = normalise(col.column)
    words = [singular(w) for w in tokens(col.column)]
    found: list[tuple[TableProfile, str, str]] = []
    for other in tables:
        twin = next((c for c in other.columns if normalise(c.column) == name), None)
        if (
            other.table != table.table
            and twin is not None
            and (twin.column == keys.get(other.table) or _nouns(other.table) & set(words))
        ):
            found.append((other, twin.column, "the shared header"))
    stem = [w for w in words if w not in ("id", "key", "ref", "number", "code")]
    for other in tables:
        noun = [singular(w) for w in tokens(other.table)]
        key = keys.get(other.table)
        self_ref = other.table == table.table
        if key and stem[-len(noun) :] == noun and (not self_ref or len(stem) > len(noun)):
            found.append((other, key, f"the name '{col.column}'"))
    return found
