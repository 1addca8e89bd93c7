"""A bare 'name' header over legal business names, on a table whose rows also name a person.

The header alone says the contact's name; the values (a legal-form suffix on nearly every one) say
a company's. When the table's object map already makes a company of each row (a person column sits
beside it), the values win: the column is the contact's company name, and the company's own name.
A table of businesses alone keeps the header's reading.
"""

from __future__ import annotations

from assistant.mapping.models import TargetObject
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.candidates import Candidate
from assistant.propose.fields.build import TableContext
from assistant.propose.fields.individual_blanks import with_individual_blank_evidence

MIN_LEGAL_SHARE = 0.95  # nearly every value ends in S.L., Inc, LLC…: a few family firms prove nothing


def with_business_name_evidence(ctx: TableContext, col: ColumnProfile, cands: list[Candidate]) -> None:
    """Raise the contact's company name field for a column of legal names on a person-at-company table."""
    with_individual_blank_evidence(ctx, col, cands)  # or a 'Name' blank on exactly the individuals' rows
    if not any(t.role == "company_of_record" for t in ctx.decision.object_map.targets):
        return
    if col.semantic_type != SemanticType.COMPANY_NAME or col.type_share < MIN_LEGAL_SHARE:
        return
    for cand in cands:
        if cand.object == TargetObject.CONTACT and cand.field == "companyName":
            cand.score = max(cand.score, round(0.55 + 0.35 * col.type_share, 4))
            cand.evidence.append(
                f"{col.type_share:.0%} of values end in a legal form, and each row makes a company"
            )
