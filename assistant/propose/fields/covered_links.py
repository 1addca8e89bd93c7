"""A reference whose record another column of the row already links: no field of its own.

Three cases, each of which would otherwise keep the referenced name or key in a new custom text field:
- the display name of a nested object whose key sits beside it ('customer.name' beside
  'customer.id'): the key is the link, the name only spells the same record;
- a second reference to the people the record's contact comes from ('lead.contact_person.id' beside
  a customer link that already gives the deal its contact): a record has one contact, so the second
  reference is left out, held for review because it may name that contact more precisely;
- a reference to a place kept as a note on its contact (a job's 'tasklocation.locationid' naming one
  of the client's sites): a record links to no note, and the site's contact is the record's already.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap, Transform
from assistant.mapping.models import Alternative, Evidence, TargetObject
from assistant.profile.models import ColumnProfile
from assistant.propose.fields.build import SKIP_TARGET, TableContext, evidence_of, make_map
from assistant.propose.linked_objects import linked_object_key

T = TargetObject
_NEEDS_CONTACT = {T.OPPORTUNITY, T.TASK, T.NOTE, T.APPOINTMENT}
SECOND_CONTACT_CONFIDENCE = 0.6  # left out, but the reviewer decides which reference names the contact


def name_beside_key(ctx: TableContext, column: ColumnProfile) -> FieldMap | None:
    """A skip for a nested object's name matched by name, when its key beside it links the record."""
    fk = column.foreign_key
    key = linked_object_key(column, ctx.table) if fk is not None and fk.by_names else None
    if key is None:
        return None
    why = f"the name of the record '{key}' links to: that key carries the link"
    evidence = [*evidence_of(column), Evidence(source="links", detail=why)]
    return make_map(ctx, [column.column], SKIP_TARGET, Transform(), 0.8, why, evidence, [])


def second_contact(ctx: TableContext, column: ColumnProfile) -> FieldMap | None:
    """A skip for a contact reference on a record whose contact another link already gives."""
    fk = column.foreign_key
    target = ctx.decisions.get(fk.target_table) if fk is not None else None
    if (
        fk is None
        or fk.by_names  # a name of another person is kept: it says more than a key the plan drops
        or target is None
        or target.primary != T.CONTACT
        or ctx.primary not in _NEEDS_CONTACT
        or not ctx.is_claimed(ctx.primary, "contactId")
    ):
        return None
    why = (
        f"a second reference to the people in '{fk.target_table}' ({1.0 - column.null_share:.0%} of "
        f"rows): the {ctx.primary.value}'s contact already comes from another link; a record has one"
    )
    return _link_skip(ctx, column, why)


def place_note_link(ctx: TableContext, column: ColumnProfile) -> FieldMap | None:
    """A skip for a reference to nested rows kept as notes on their parent's contact (further places)."""
    fk = column.foreign_key
    target = ctx.decisions.get(fk.target_table) if fk is not None else None
    if fk is None or target is None or target.primary != T.NOTE or not target.object_map.parent_object:
        return None
    parent = ctx.decisions.get(target.object_map.parent_object)
    if parent is None or parent.primary != T.CONTACT or ctx.primary not in _NEEDS_CONTACT:
        return None
    owner = parent.object_map.source_object
    why = (
        f"a reference to '{fk.target_table}', kept as notes on the contact of '{owner}' "
        f"({1.0 - column.null_share:.0%} of rows): HighLevel links no {ctx.primary.value} to a note"
    )
    return _link_skip(ctx, column, why)


def _link_skip(ctx: TableContext, column: ColumnProfile, why: str) -> FieldMap:
    """A reference skipped below the threshold for ``why``, its own custom field offered."""
    evidence = [*evidence_of(column), Evidence(source="links", detail=why)]
    alternatives = [Alternative(target="custom field", score=0.3, value={"kind": "custom_new"})]
    return make_map(
        ctx, [column.column], SKIP_TARGET, Transform(), SECOND_CONTACT_CONFIDENCE, why, evidence, alternatives
    )
