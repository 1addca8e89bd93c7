"""A nested list's link to a table its parent record already links to by key.

A person's 'positions' list names the organisation of each position ('organisation': Ironwood
Bakery, found by name among the accounts), while the person's own row links that account by key
('account.id'). The list's rows merge into the parent's record, which holds one link to such a
record, and the parent's key fills it: the list's reference feeds no field of its own. Where it
names the row the parent links to on nearly every row it only repeats that link; where it names
others (a past position, a second organisation) it is left out all the same, held for a human.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap, Transform
from assistant.mapping.models import Alternative, Evidence
from assistant.profile.models import ColumnProfile, ForeignKey, TableProfile
from assistant.propose.fields.build import SKIP_TARGET, TableContext, evidence_of, make_map
from assistant.propose.name_references import name_key
from assistant.propose.sourcedata import SourceValues

PARENT_KEY = "_parent_key"  # where ingest writes each nested row's parent key
MIN_ROWS = 5  # a handful of rows proves nothing
MIN_AGREEING = 0.9  # share of the list's rows naming the parent's linked row: a repeat
REPEAT_CONFIDENCE = 0.7
OTHER_ROWS_CONFIDENCE = 0.55  # the list says more than the parent's link: a human decides


def _keyed_link(table: TableProfile, target: str) -> ColumnProfile | None:
    """The column of ``table`` linking rows of ``target`` by key (not by a name)."""
    for c in table.columns:
        if c.foreign_key is not None and not c.foreign_key.by_names and c.foreign_key.target_table == target:
            return c
    return None


def _target_key(values: SourceValues, fk: ForeignKey) -> dict[str, str]:
    """A cell of the list's column -> the key of the row it names (by key, or by each spelling of a name)."""
    if not fk.by_names:
        return {}
    out: dict[str, str] = {}
    for spelled in fk.by_names:
        for r in values.rows(fk.target_table, [*spelled, fk.target_column], limit=50000):
            parts = [(r[c] or "").strip() for c in spelled]
            if all(parts) and r[fk.target_column] is not None:
                out.setdefault(name_key(" ".join(parts)), str(r[fk.target_column]))
    return out


def _agreeing(
    values: SourceValues, table: TableProfile, column: ColumnProfile, parent: TableProfile, theirs: str
) -> float | None:
    """Share of the list's filled rows naming the row its parent's link names (None: too few rows)."""
    fk = column.foreign_key
    assert fk is not None
    if parent.primary_key is None:
        return None
    named = _target_key(values, fk)
    parent_rows = values.rows(parent.table, [parent.primary_key, theirs], limit=50000)
    linked = {r[parent.primary_key]: r[theirs] for r in parent_rows}
    rows = values.rows(table.table, [column.column, PARENT_KEY], limit=50000)
    rows = [r for r in rows if r[column.column] and r[PARENT_KEY] is not None]
    if len(rows) < MIN_ROWS:
        return None
    same = 0
    for r in rows:
        cell = r[column.column] or ""
        mine = named.get(name_key(cell)) if fk.by_names else cell
        same += mine is not None and mine == linked.get(r[PARENT_KEY])
    return same / len(rows)


def held_by_parent_link(
    ctx: TableContext, column: ColumnProfile, tables: dict[str, TableProfile]
) -> FieldMap | None:
    """A skip for a merged nested list's reference to the table its parent already links to by key."""
    fk = column.foreign_key
    parent = tables.get(ctx.table.parent_table or "")
    if fk is None or parent is None or not ctx.merged_nested_row or fk.target_table == parent.table:
        return None
    theirs = _keyed_link(parent, fk.target_table)
    if theirs is None:
        return None
    share = _agreeing(ctx.values, ctx.table, column, parent, theirs.column) if ctx.values else None
    repeat = share is not None and share >= MIN_AGREEING
    why = f"the parent '{parent.table}' links its record to '{fk.target_table}' by '{theirs.column}'"
    if share is not None and repeat:
        why += f", the row this list names on {share:.0%} of its rows: the parent's link carries it"
    elif share is not None:
        why += f"; a record holds one such link, yet this list names another row on {1 - share:.0%} of rows"
    else:
        why += "; a record holds one such link, and the parent's key fills it"
    confidence = REPEAT_CONFIDENCE if repeat else OTHER_ROWS_CONFIDENCE
    evidence = [*evidence_of(column), Evidence(source="links", detail=why)]
    alternatives = [Alternative(target="custom field", score=0.3, value={"kind": "custom_new"})]
    return make_map(ctx, [column.column], SKIP_TARGET, Transform(), confidence, why, evidence, alternatives)
