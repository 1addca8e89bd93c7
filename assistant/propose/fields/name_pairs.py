"""Two sets of name columns, each filled on the rows the other leaves blank: one first and one last name.

Customer lists that hold private people and businesses often name the person twice: 'Name' /
'Surname' on a private customer's row, 'Contact first name' / 'Contact surname' on a business's (the
person to ask for), the other pair blank on that row. Read column by column, the first pair's bare
'Name' looks like the whole name and the second pair's surname loses the last name to the first's,
becoming a custom field. The rows say otherwise: a bare 'name' filled only where a last name is and
no first name is the first name of those rows, and columns of one name part that are never filled
on the same row are one field written in two places. Each part is proposed as one map over its
columns: on any row only one of them holds a value, so joining them yields that value.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap, Transform
from assistant.mapping.models import Alternative, Evidence, TargetObject
from assistant.mapping.models import TransformKind as K
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.fields.build import TableContext, evidence_of, make_map, standard_target
from assistant.propose.other_names import other_name_reason
from assistant.propose.signals import lead_concept

S = SemanticType
T = TargetObject
MIN_ROWS = 3  # rows each column of a part fills
ALONGSIDE = 0.95  # of a bare name's rows, the share the other part must fill
PAIR_CONFIDENCE = 0.85
Row = dict[str, str | None]


def _filled(row: Row, column: str) -> bool:
    return bool((row.get(column) or "").strip())


def _half_of(rows: list[Row], bare: str, parts: list[str], others: list[str]) -> bool:
    """On the bare name's rows the other part is filled and no column of this part is."""
    mine = [r for r in rows if _filled(r, bare)]
    beside = sum(1 for r in mine if any(_filled(r, o) for o in others))
    alone = not any(_filled(r, p) for r in mine for p in parts)
    return len(mine) >= MIN_ROWS and alone and beside >= ALONGSIDE * len(mine)


def _disjoint(rows: list[Row], group: list[str]) -> bool:
    each = all(sum(1 for r in rows if _filled(r, c)) >= MIN_ROWS for c in group)
    return each and all(sum(1 for c in group if _filled(r, c)) <= 1 for r in rows)


def _part_map(ctx: TableContext, cols: list[ColumnProfile], field: str, why: str) -> FieldMap:
    names = [c.column for c in cols]
    template = " ".join("{" + n + "}" for n in names)
    transform = Transform(kind=K.CONCAT, params={"template": template}) if len(cols) > 1 else Transform()
    evidence = [*evidence_of(cols[0]), Evidence(source="values", detail=why)]
    alt = [
        Alternative(
            target="contact.name", score=0.4, value={"kind": "standard", "object": "contact", "field": "name"}
        )
    ]
    return make_map(
        ctx, names, standard_target(ctx.primary, field), transform, PAIR_CONFIDENCE, why, evidence, alt
    )


def name_pair_maps(ctx: TableContext, columns: list[ColumnProfile]) -> list[FieldMap]:
    """The first and last name, each over the columns that hold it on alternate rows."""
    if ctx.primary != T.CONTACT or ctx.values is None:
        return []
    usable = [c for c in columns if other_name_reason(c) is None and c.semantic_type != S.EMPTY]
    firsts = [c for c in usable if lead_concept(c) == "first_name"]
    lasts = [c for c in usable if lead_concept(c) == "last_name"]
    bare = [c for c in usable if lead_concept(c) == "name" and c.column != ctx.table.primary_key]
    if not firsts or not lasts or len(bare) > 1:
        return []
    rows = ctx.values.rows(ctx.name, [c.column for c in [*firsts, *lasts, *bare]])
    first_names, last_names = [c.column for c in firsts], [c.column for c in lasts]
    added = None
    if bare and _half_of(rows, bare[0].column, first_names, last_names):
        firsts, added = [bare[0], *firsts], "firstName"
    elif bare and _half_of(rows, bare[0].column, last_names, first_names):
        lasts, added = [bare[0], *lasts], "lastName"
    out: list[FieldMap] = []
    for field, group in (("firstName", firsts), ("lastName", lasts)):
        other = "last" if field == "firstName" else "first"
        beside = f"'{group[0].column}' is filled only beside a {other} name" if field == added else ""
        if len(group) > 1 and _disjoint(rows, [c.column for c in group]) and ctx.claim(ctx.primary, field):
            listed = "', '".join(c.column for c in group)
            why = f"'{listed}' hold the {field} on different rows, never two on one row: one field"
            out.append(_part_map(ctx, group, field, f"{why}; {beside}" if beside else why))
        elif beside and ctx.claim(ctx.primary, field):
            out.append(_part_map(ctx, group[:1], field, f"{beside} and no other {field}: the other half"))
    return out
