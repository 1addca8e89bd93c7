"""A person's company named in a column is both the company's name and the link to its record.

'Organization', 'Account Name' or 'Company' on a people export names the firm the person works
for. When the export holds the firms as records of their own, the migration links the contact to
that company rather than (or beside) copying the name, so retrieval offers the contact's company
link next to the company-name field: the rules or the model choose, but both are on the list.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.mapping.models import TargetObject
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.normalize import concepts

if TYPE_CHECKING:
    from assistant.propose.candidates import Candidate

S = SemanticType
LINK_SCORE = 0.4  # offered, not preferred: without a companies table the name is all there is
MIN_SHARE = 0.6
# value kinds a firm's name is read as (a firm named after a person reads as a person's name)
_NAME_KINDS = frozenset({S.COMPANY_NAME, S.PERSON_NAME, S.PICKLIST, S.FREE_TEXT})


def names_the_company(column: ColumnProfile) -> bool:
    """The header says only 'company', or it says nothing and the values are firms' names."""
    said = concepts(column.column)
    if column.semantic_type not in _NAME_KINDS or column.foreign_key is not None:
        return False
    by_values = not said and column.semantic_type == S.COMPANY_NAME and column.type_share >= MIN_SHARE
    return said == ("company",) or by_values


def with_company_link_evidence(cands: list[Candidate], column: ColumnProfile) -> None:
    if not names_the_company(column):
        return
    for cand in cands:
        if cand.object == TargetObject.CONTACT and cand.field == "companyId" and cand.score < LINK_SCORE:
            cand.score = LINK_SCORE
            cand.evidence.append("names the person's company: the link to its record, if the export holds it")
