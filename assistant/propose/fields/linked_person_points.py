"""A person's name, phone or e-mail on a deal row whose person is already the contact it links to.

A lead or deal export that links to its customer often repeats that person's details on the row:
name, e-mail, phone. When one of them (the e-mail) is held by the linked table, the row's person is
that linked contact, so another contact point beside it (a phone whose numbers the contact's own
row does not hold) is the same person's too: captured on the lead, newer or older than the
contact's. HighLevel keeps phones and e-mails on the contact, where they reach the person; as a
custom field of the opportunity they would reach no one. The contact already takes its own number
from the linked table, and whether the lead's number should replace it is a judgement about data
quality the values cannot make: the column is skipped below the review threshold, with the
reason, and the custom field is left as the alternative. The person's name under a header naming
a person ('Contact Name', 'Customer Name'), every value of it a name of the linked table's rows,
is that contact's name: held there like the e-mail.
"""

from __future__ import annotations

from assistant.mapping.models import TargetObject
from assistant.profile.models import ColumnProfile, SemanticType, TableProfile
from assistant.propose.fields.build import TableContext
from assistant.propose.fields.held_person_details import held_by_linked_table
from assistant.propose.name_references import name_key, spelled_names
from assistant.propose.normalize import concepts, object_words

S = SemanticType
_POINTS = (S.EMAIL, S.PHONE)
LINKED_PERSON_CONFIDENCE = 0.62
HELD_CONFIDENCE = 0.7
MIN_NAMES = 5  # a handful of names proves nothing
_PERSON_NAMES = frozenset({"full_name", "first_name", "last_name"})


def _point(col: ColumnProfile) -> bool:
    return col.semantic_type in _POINTS and col.foreign_key is None and "owner" not in concepts(col.column)


def _has_kind(table: TableProfile, kind: SemanticType) -> bool:
    return any(c.semantic_type in (kind, S.MULTI_VALUE) for c in table.columns)


def linked_detail_skips(ctx: TableContext, tables: dict[str, TableProfile]) -> dict[str, tuple[str, float]]:
    """Column -> (why it is skipped, confidence): details the linked table holds, and on a deal the
    row person's other details when that person is the linked contact."""
    held = held_by_linked_table(ctx.table, tables, ctx.values)
    out = {
        column: (f"every value is one '{parent}' (linked by '{via}') already holds: its records carry them",
                 HELD_CONFIDENCE)
        for column, (via, parent) in held.items()
    }  # fmt: skip
    kinds = {c.column: c.semantic_type for c in ctx.table.columns}
    person = next(((n, via, p) for n, (via, p) in held.items() if kinds.get(n) in _POINTS), None)
    parent = tables.get(person[2]) if person else None
    if ctx.primary != TargetObject.OPPORTUNITY or person is None or parent is None:
        return out
    name, via, _ = person
    for col in (c for c in ctx.table.columns if _point(c) and c.column not in held):
        if _has_kind(parent, col.semantic_type):
            why = (
                f"the row's person is the contact '{via}' links to ('{name}' is that contact's), whose "
                f"own '{parent.table}' row gives it a {col.semantic_type.value}: whether this one "
                "replaces it is the reviewer's call"
            )
            out[col.column] = (why, LINKED_PERSON_CONFIDENCE)
    named = f"every value names a '{parent.table}' row: the name of the contact '{via}' links to"
    return out | _person_names(ctx, parent, set(out), named)


def _person_names(
    ctx: TableContext, parent: TableProfile, done: set[str], why: str
) -> dict[str, tuple[str, float]]:
    """Person-name columns headed as a person ('Contact Name') whose names are all the linked rows'."""
    out: dict[str, tuple[str, float]] = {}
    for col in ctx.table.columns:
        header = concepts(col.column)
        if col.column in done or col.foreign_key is not None or col.semantic_type != S.PERSON_NAME:
            continue
        if not (header and header[0] in _PERSON_NAMES and "contact" in object_words(col.column)):
            continue
        assert ctx.values is not None  # held details were found in the values
        mine = {name_key(v.value) for v in ctx.values.distinct(ctx.name, col.column, limit=5000)} - {""}
        if len(mine) >= MIN_NAMES and mine <= spelled_names(ctx.values, parent):
            out[col.column] = (why, HELD_CONFIDENCE)
    return out
