"""Polymorphic references: a type column saying which table an id column points at.

The pair is found on evidence, not on names: the type column's values name source tables, and on
most rows the id column holds a key of the table its row's type names.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap, Transform
from assistant.mapping.models import Evidence, TargetObject
from assistant.mapping.models import TransformKind as K
from assistant.profile.models import ColumnProfile, TableProfile
from assistant.propose.fields.build import TableContext, evidence_of, make_map, standard_target
from assistant.propose.normalize import singular, tokens

T = TargetObject

REACHES_CONTACT = frozenset({T.CONTACT, T.COMPANY, T.OPPORTUNITY})
MIN_RESOLVED = 0.9  # share of a record's ids that must name a row of the table its type column names


def polymorphic_link(
    ctx: TableContext, columns: list[ColumnProfile], profiles: dict[str, TableProfile] | None = None
) -> FieldMap | None:
    """A type column naming which table an id column points at ('related_type' + 'related_id',
    'Attached To' + 'Record #') -> a link to the contact of whichever record each row names."""
    lookups = {f.name for f in ctx.catalog if f.object == ctx.primary and f.value_kind == "lookup"}
    if "contactId" not in lookups or ctx.is_claimed(ctx.primary, "contactId"):
        return None
    for kind_col in columns:
        tables = {v.value: t for v in kind_col.picklist if (t := _table_named(ctx, v.value))}
        if not tables or len(kind_col.picklist) > 12:
            continue
        found = _id_column(ctx, kind_col, columns, tables)
        if found is None:
            continue
        id_col, share = found
        ctx.claim(ctx.primary, "contactId")
        transform = Transform(
            kind=K.LOOKUP,
            params={
                "object_column": kind_col.column,
                "objects": {v: ctx.decisions[t].primary.value for v, t in tables.items()},
                "tables": tables,
                "contact_columns": _contact_columns(ctx, tables, profiles or {}),
                "keys": {
                    t: k
                    for t in sorted(set(tables.values()))
                    if (k := ctx.decisions[t].object_map.key_column)
                },
                "via": "the contact of the linked record",
            },
        )
        why = (
            f"'{kind_col.column}' says which table '{id_col.column}' points at ({share:.0%} of the ids "
            f"name a row there); HighLevel attaches {ctx.primary.value}s to a contact, so companies and "
            "deals resolve to their contact"
        )
        evidence = [*evidence_of(id_col), Evidence(source="values", detail=f"{share:.0%} of ids resolve")]
        return make_map(
            ctx,
            [kind_col.column, id_col.column],
            standard_target(ctx.primary, "contactId"),
            transform,
            round(0.6 + 0.35 * share, 3),
            why,
            evidence,
            [],
        )
    return None


def _contact_columns(
    ctx: TableContext, tables: dict[str, str], profiles: dict[str, TableProfile]
) -> dict[str, list[str]]:
    """Per linked deal or document table: [its key column, its column naming a contact table's key], so a
    row linked to a deal that is not migrated still reaches the deal's contact."""
    contacts = {t for t in tables.values() if ctx.decisions[t].primary == T.CONTACT}
    out: dict[str, list[str]] = {}
    for table in set(tables.values()) - contacts:
        key = ctx.decisions[table].object_map.key_column
        profile = profiles.get(table)
        link = next(
            (
                c.column
                for c in (profile.columns if profile else [])
                if c.foreign_key is not None and c.foreign_key.target_table in contacts
            ),
            None,
        )
        if key and link:
            out[table] = [key, link]
    return out


def _table_named(ctx: TableContext, value: str) -> str | None:
    """The source table a type value names ('deal' -> deals, 'Estimate' -> estimates), reaching a contact."""
    wanted = tuple(singular(w) for w in tokens(value))
    for name, decision in ctx.decisions.items():
        if name == ctx.name or decision.primary not in REACHES_CONTACT:
            continue
        if decision.object_map.targets[0].role is not None and not decision.object_map.parent_object:
            continue
        if wanted and tuple(singular(w) for w in tokens(name)) == wanted:
            return name
    return None


def _id_column(
    ctx: TableContext, kind_col: ColumnProfile, columns: list[ColumnProfile], tables: dict[str, str]
) -> tuple[ColumnProfile, float] | None:
    """The column whose values are keys of the table the type column names, on most rows."""
    if ctx.values is None:
        return None
    keys: dict[str, set[str]] = {}
    for table in set(tables.values()):
        key = ctx.decisions[table].object_map.key_column
        cells = ctx.values.rows(table, [key]) if key else []
        keys[table] = {str(r[key]).strip() for r in cells if key and r.get(key)}
    best: tuple[ColumnProfile, float] | None = None
    for col in columns:
        if col is kind_col or col.column.startswith("_"):
            continue
        rows = ctx.values.rows(ctx.name, [kind_col.column, col.column])
        named: list[tuple[str, str]] = []
        for r in rows:
            table, value = tables.get(str(r[kind_col.column] or "")) or "", str(r[col.column] or "").strip()
            if table and value:
                named.append((table, value))
        if not named:
            continue
        share = sum(v in keys[t] for t, v in named) / len(named)
        if share >= MIN_RESOLVED and (best is None or share > best[1]):
            best = (col, share)
    return best
