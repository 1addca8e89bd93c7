"""Polymorphic references: a '<x>_type' column saying which kind of record '<x>_id' points at."""

from __future__ import annotations

from assistant.mapping.items import FieldMap, Transform
from assistant.mapping.models import TransformKind as K
from assistant.profile.models import ColumnProfile
from assistant.propose.field_build import TableContext, evidence_of, make_map, standard_target
from assistant.propose.normalize import concepts, object_words, tokens
from assistant.propose.signals import lead_concept


def polymorphic_link(ctx: TableContext, columns: list[ColumnProfile]) -> FieldMap | None:
    """'related_type' + 'related_id' -> a link to whichever record the type names (contact, company, deal)."""
    lookups = {f.name for f in ctx.catalog if f.object == ctx.primary and f.value_kind == "lookup"}
    if "contactId" not in lookups or ctx.is_claimed(ctx.primary, "contactId"):
        return None
    for kind_col in columns:
        if lead_concept(kind_col) != "type" or not kind_col.picklist:
            continue
        stem = [w for w in tokens(kind_col.column) if w not in ("type", "tipo", "kind")]
        id_col = next(
            (
                c
                for c in columns
                if c is not kind_col
                and "identifier" in concepts(c.column)
                and [w for w in tokens(c.column) if w not in ("id", "key")] == stem
            ),
            None,
        )
        if id_col is None:
            continue
        objects = {v.value: _object_named(ctx, v.value) for v in kind_col.picklist}
        if not any(objects.values()):
            continue
        ctx.claim(ctx.primary, "contactId")
        tables = {v: t for v, t in ((v, _table_of(ctx, o)) for v, o in objects.items() if o) if t}
        transform = Transform(
            kind=K.LOOKUP,
            params={
                "object_column": kind_col.column,
                "objects": {v: o for v, o in objects.items() if o},
                "tables": tables,
                "via": "the contact of the linked record",
            },
        )
        why = (
            f"'{kind_col.column}' says which record '{id_col.column}' points at; HighLevel attaches "
            f"{ctx.primary.value}s to a contact, so companies and deals resolve to their contact"
        )
        return make_map(
            ctx,
            [kind_col.column, id_col.column],
            standard_target(ctx.primary, "contactId"),
            transform,
            0.78,
            why,
            evidence_of(id_col),
            [],
        )
    return None


def _object_named(ctx: TableContext, value: str) -> str | None:
    words = object_words(value)
    kinds = {"contact": "contact", "company": "company", "opportunity": "opportunity", "task": "task"}
    return next((kinds[w] for w in words if w in kinds), None)


def _table_of(ctx: TableContext, obj: str) -> str | None:
    return next(
        (
            name
            for name, d in ctx.decisions.items()
            if d.primary.value == obj and d.object_map.targets[0].role is None
        ),
        None,
    )


_ID_WORDS = frozenset({"id", "key", "number", "no", "nr", "num", "code", "ref", "uuid"})
_ECHO_WORDS = frozenset({"name", "nombre", "nom", "nome", "type", "tipo", "kind", "label"})


def echo_columns(columns: list[ColumnProfile], linked: set[str]) -> dict[str, str]:
    """Columns that only repeat what a linked id already says: 'Client Name' beside the linked 'Client ID',
    'related_type' beside 'related_id'. Returns echo column -> the linked column."""
    stems: dict[tuple[str, ...], str] = {}
    for col in columns:
        words = tokens(col.column)
        if col.column in linked and words and words[-1] in _ID_WORDS and len(words) > 1:
            stems.setdefault(words[:-1], col.column)
    out: dict[str, str] = {}
    for col in columns:
        words = tokens(col.column)
        if col.column not in linked and len(words) > 1 and words[-1] in _ECHO_WORDS and words[:-1] in stems:
            out[col.column] = stems[words[:-1]]
    return out
