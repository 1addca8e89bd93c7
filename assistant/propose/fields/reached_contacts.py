"""A link to a company or a deal on a record that needs a contact: it reaches that record's contact.

HighLevel hangs an opportunity, a task or a note on a contact. When the row names a company (a
client account whose people are another table) or a deal (a job the task belongs to) instead, the
plan reaches the contact through it: the company's first contact, the deal's own contact. The link
is proposed as the record's contact, with the way it is reached as evidence.
"""

from __future__ import annotations

from typing import Any

from assistant.mapping.items import FieldMap, Transform
from assistant.mapping.models import Alternative, Evidence, TargetObject
from assistant.mapping.models import TransformKind as K
from assistant.profile.models import ColumnProfile, TableProfile
from assistant.propose.fields.build import TableContext, evidence_of, make_map, standard_target

T = TargetObject
_NEEDS_CONTACT = {T.OPPORTUNITY, T.TASK, T.NOTE, T.APPOINTMENT}


def _people_link_to(table: str, ctx: TableContext, tables: dict[str, TableProfile]) -> str | None:
    """A table of contacts whose rows point at ``table`` (a company's people), if any."""
    for name, profile in tables.items():
        decision = ctx.decisions.get(name)
        if decision is None or decision.primary != T.CONTACT or name == table:
            continue
        if any(c.foreign_key is not None and c.foreign_key.target_table == table for c in profile.columns):
            return name
    return None


def _same_nested_record(a: str, b: str) -> bool:
    """'customer.id' and 'customer.name': two keys of one nested object, so one record."""
    return "." in a and "." in b and a.rsplit(".", 1)[0] == b.rsplit(".", 1)[0]


def _names_a_contact(ctx: TableContext, column: ColumnProfile) -> bool:
    for col in ctx.table.columns:
        by_names = col.foreign_key is not None and col.foreign_key.by_names
        if by_names and _same_nested_record(col.column, column.column):
            continue  # the name of the record the key names, matched by name elsewhere: the key decides
        target = col.foreign_key.target_table if col.foreign_key is not None else None
        decision = ctx.decisions.get(target) if target else None
        if decision is not None and decision.primary == T.CONTACT:
            return True
    return False


def reached_contact_map(
    ctx: TableContext,
    column: ColumnProfile,
    linked: TargetObject,
    resolve: dict[str, Any],
    tables: dict[str, TableProfile],
) -> FieldMap | None:
    """The record's contact, reached through the company or deal the column names."""
    fk = column.foreign_key
    if fk is None or ctx.primary not in _NEEDS_CONTACT or ctx.is_claimed(ctx.primary, "contactId"):
        return None
    if _names_a_contact(ctx, column):  # a column of the row names its contact itself: that link wins
        return None
    if linked == T.COMPANY:
        people = _people_link_to(fk.target_table, ctx, tables)
        if people is None:
            return None
        how = f"the company's first contact (its people in '{people}' point at it)"
    elif linked == T.OPPORTUNITY and ctx.primary != T.OPPORTUNITY:
        how = "the deal's own contact"
    else:
        return None
    ctx.claim(ctx.primary, "contactId")
    why = f"names a {linked.value} in '{fk.target_table}': the record reaches {how}"
    evidence = [*evidence_of(column), Evidence(source="links", detail=why)]
    return make_map(
        ctx,
        [column.column],
        standard_target(ctx.primary, "contactId"),
        Transform(kind=K.LOOKUP, params={**resolve, "object": "contact"}),
        0.85 * max(fk.resolved_share, 0.6),
        why,
        evidence,
        [Alternative(target="skip", score=0.2, value={"kind": "skip"})],
    )
