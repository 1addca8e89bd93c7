"""A person's company in a table of companies and people: the company row its company name names.

An object map whose company target takes the rows a kind column marks as companies
(``'Company Type' is 'Company'``, role ``company_rows``) makes one company per such row and a contact
of every other row. Each person's confirmed company-name map ('Related Company' → the contact's
company name) then names a company row: the contact is linked to the company made of it, found by
the name the company's own name map reads, among the company rows only (the people of a company
hold its name in the same column). A name that finds no company row, or several, is reported on
the contact; rejecting the company-name map or the split leaves the contact unlinked.
"""

from __future__ import annotations

from assistant.mapping.conditions import value_condition
from assistant.mapping.items import FieldMap, FieldTarget, MappingDocument, ObjectMap, Transform
from assistant.mapping.models import FieldKind, Status, TargetObject, TransformKind

ROLE = "company_rows"  # written by the proposer (propose.company_rows)


def company_link(om: ObjectMap, doc: MappingDocument) -> FieldMap | None:
    """The lookup linking each person's contact to its company row, from confirmed decisions."""
    target = next((t for t in om.targets if t.role == ROLE), None)
    if target is None or value_condition(target.condition) is None or not om.key_column:
        return None
    mine = [fm for fm in doc.fields if fm.confirmed and fm.source_object == om.source_object]
    name = next(
        (fm for fm in mine if (fm.target.object, fm.target.field) == (TargetObject.COMPANY, "name")), None
    )
    named = next(
        (fm for fm in mine if (fm.target.object, fm.target.field) == (TargetObject.CONTACT, "companyName")),
        None,
    )
    if name is None or named is None:
        return None
    params = {
        "object": "company",
        "table": om.source_object,
        "key": om.key_column,
        "by_names": [[name.source_columns[0]]],
        "only": target.condition,
    }
    return FieldMap(
        id=f"{named.id}@companyId",
        status=Status.ACCEPTED,
        source_object=om.source_object,
        source_columns=named.source_columns[:1],
        target=FieldTarget(kind=FieldKind.STANDARD, object=TargetObject.CONTACT, field="companyId"),
        transform=Transform(kind=TransformKind.LOOKUP, params=params),
        rationale=f"follows {named.id} and {om.id}: the contact's company is the company row it names",
        decided_by=named.decided_by,
    )
