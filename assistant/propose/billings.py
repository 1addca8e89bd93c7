"""Native documents whose contact has no email or phone: bill them to the business's own details?

HighLevel refuses an invoice or estimate whose ``contactDetails`` lack an email or a phone
(GoHighLevel/highlevel-api-docs#16). The executor first searches the export for what the contact
lacks; a document still without one travels as a note. The alternative offered here addresses such
a document to the location's own email and phone (``GET /locations/{locationId}``), so it lands as a
native document with its lines while the contact record stays as exported.

The confidence is a policy's, not a reading's: nothing is ever sent (``/send`` is never called), so
the business's own address on the document reaches no customer, and rejecting it keeps the note.
It sits above the threshold but below a certain reading, because the document then names details
that are not the customer's, which an engineer may prefer to see before it is done.
"""

from __future__ import annotations

from assistant.mapping.items import BusinessBilling, FieldMap, ObjectMap
from assistant.mapping.models import Evidence, TargetObject, TransformKind
from assistant.propose.sourcedata import SourceValues

DOCUMENTS = (TargetObject.INVOICE, TargetObject.ESTIMATE)
CONFIDENCE = 0.8  # a side-effect-free policy (nothing is sent), yet not the customer's own details
MAX_ROWS = 10_000_000
WHY = (
    "nothing is sent to anyone (/send is never called), so no customer sees the business's details; "
    "the contact record is not changed; rejected, each such document stays a note on its contact"
)


def propose_billings(
    objects: list[ObjectMap], fields: list[FieldMap], values: SourceValues
) -> list[BusinessBilling]:
    """One proposal per source table that lands as native documents, unless every contact it names
    already holds both an email and a phone in its own row."""
    out: list[BusinessBilling] = []
    for om in objects:
        for target in om.targets:
            if target.object not in DOCUMENTS or target.role in ("line_items", "merge_into_parent"):
                continue  # lines, and a nested list merged into its document, are no documents of their own
            link = _contact_link(fields, om.source_object, target.object)
            table, lacking = _lacking(fields, link, values) if link else ("", None)
            if lacking == 0:
                continue
            out.append(_proposal(om, target.object.value, table, lacking))
    return out


def _contact_link(fields: list[FieldMap], table: str, kind: TargetObject) -> FieldMap | None:
    """The document's own lookup of its contact (none when it is read through another record)."""
    return next(
        (
            fm
            for fm in fields
            if fm.source_object == table
            and fm.target.object == kind
            and fm.target.field == "contactId"
            and fm.transform.kind == TransformKind.LOOKUP
            and fm.transform.params.get("table")
            and fm.transform.params.get("key")
            and fm.source_columns
        ),
        None,
    )


def _lacking(fields: list[FieldMap], link: FieldMap, values: SourceValues) -> tuple[str, int | None]:
    """(contact table, documents whose contact row fills no email or no phone column it maps)."""
    table, key = str(link.transform.params["table"]), str(link.transform.params["key"])
    columns = {
        wanted: [
            c
            for fm in fields
            if fm.source_object == table
            and fm.target.object == TargetObject.CONTACT
            and fm.target.field == wanted
            for c in fm.source_columns
        ]
        for wanted in ("email", "phone")
    }
    wanted_columns = sorted({key, *columns["email"], *columns["phone"]})
    held: dict[str, set[str]] = {}
    for row in values.rows(table, wanted_columns, limit=MAX_ROWS):
        filled = {w for w, cs in columns.items() if any((row.get(c) or "").strip() for c in cs)}
        held[(row.get(key) or "").strip()] = filled
    column = link.source_columns[0]
    documents = values.rows(link.source_object, [column], limit=MAX_ROWS)
    named = [(r.get(column) or "").strip() for r in documents]
    return table, sum(1 for k in named if k and k in held and len(held[k]) < 2)


def _proposal(om: ObjectMap, kind: str, table: str, lacking: int | None) -> BusinessBilling:
    counted = (
        f"{lacking} of {om.row_count} {kind}s name a contact whose own row has no email or no phone"
        if lacking is not None
        else f"its {kind}s reach their contact through another record: the plan counts those without one"
    )
    return BusinessBilling(
        id=f"billing:{om.source_object}",
        source_object=om.source_object,
        document=kind,
        contact_table=table,
        documents=lacking,
        row_count=om.row_count,
        confidence=CONFIDENCE,
        rationale=(
            f"{om.source_object}: a native {kind} whose contact has no email or phone anywhere in the "
            "export is addressed to the location's own email and phone (its billing contact), so it lands "
            f"as a native {kind} with its lines instead of a note; {WHY}"
        ),
        evidence=[
            Evidence(source="profile", detail=counted + " (the rest of the export is searched first)"),
            Evidence(
                source="destination",
                detail="HighLevel refuses an invoice or estimate whose contactDetails lack an email or a "
                "phone (GoHighLevel/highlevel-api-docs#16); the location's email and phone come from its "
                "snapshot (GET /locations/{locationId})",
            ),
            Evidence(source="policy", detail=f"confidence {CONFIDENCE}: {WHY}"),
        ],
    )
