"""A row's whole name when a nested list of the row holds its people ('customers__contacts').

An account export that nests its people (each with a first and a last name) names the account
itself by a display name: a business's name, or for a household "Last, First". The people's names
come from the nested rows; the row's own name is the account's, which HighLevel keeps as the
contact's company name. Split into first and last name it would make a business a person.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap, Transform
from assistant.mapping.models import Alternative, Evidence, TargetObject
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.fields.build import TableContext, evidence_of, make_map, standard_target
from assistant.propose.other_names import other_name_reason
from assistant.propose.signals import lead_concept

S = SemanticType
ACCOUNT_NAME_CONFIDENCE = 0.7  # the display name may still be a person's on some rows


def account_name_map(
    ctx: TableContext, columns: list[ColumnProfile], people_below: str | None
) -> FieldMap | None:
    """The row's whole-name column -> the contact's company name, when ``people_below`` holds its people."""
    if people_below is None or ctx.primary != TargetObject.CONTACT:
        return None
    if any(lead_concept(c) in ("first_name", "last_name", "company") for c in columns):
        return None  # the row names its person or its company itself
    whole = [
        c
        for c in columns
        if lead_concept(c) in ("full_name", "name")
        and c.semantic_type not in (S.EMAIL, S.IDENTIFIER, S.EMPTY)
        and c.column != ctx.table.primary_key
        and other_name_reason(c) is None
    ]
    if len(whole) != 1 or not ctx.claim(TargetObject.CONTACT, "companyName"):
        return None
    col = whole[0]
    why = (
        f"'{col.column}' names the account; its people, with their first and last names, are the "
        f"nested list '{people_below}'"
    )
    evidence = [*evidence_of(col), Evidence(source="profile", detail=f"people nested in '{people_below}'")]
    alt = [Alternative(target="skip", score=0.5, value={"kind": "skip"})]
    target = standard_target(TargetObject.CONTACT, "companyName")
    return make_map(ctx, [col.column], target, Transform(), ACCOUNT_NAME_CONFIDENCE, why, evidence, alt)
