"""Which field maps make a deal table's ``contact_tags`` records (HighLevel opportunities hold no tags).

A table made into opportunities and no contact may map a column to ``contact.tags``: the row's tags
go to the contact its opportunity links to. The record carries those tags and the opportunity's own
contact link (by id or by name: the link's transform resolves it as it does for the opportunity).
A table that also makes a contact of each row sends its tags inside that contact's create instead.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap, MappingDocument, ObjectMap
from assistant.mapping.models import FieldKind, TargetObject, TransformKind
from assistant.transforms.values import field_key

DEAL_TAGS = "contact_tags"


def deal_tag_fields(om: ObjectMap, kinds: set[str], doc: MappingDocument) -> list[FieldMap]:
    """The confirmed tag maps of ``om`` aimed at its contact, with its contact link; empty for none."""
    if "opportunity" not in kinds or "contact" in kinds:
        return []
    mine = [fm for fm in doc.fields if fm.confirmed and fm.source_object == om.source_object]
    tags = [
        fm
        for fm in mine
        if fm.target.kind == FieldKind.STANDARD
        and fm.target.object == TargetObject.CONTACT
        and fm.target.field == "tags"
    ]
    if not tags:
        return []
    links = [
        fm
        for fm in mine
        if fm.target.object == TargetObject.OPPORTUNITY
        and fm.transform.kind == TransformKind.LOOKUP
        and field_key(fm) == "contactId"
    ]
    return [*tags, *links[:1]]
