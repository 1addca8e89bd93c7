"""An organisation's name that every entry of a nested list repeats: the account's own, no record's company.

APIs list, under each record, the organisations it belongs to inside the old system: the business
unit or branch of the account that exported it ('orgs': the same one under every client). Merged into
the record, its name would become every contact's company, although it is the name of the business
doing the migration, not of the people it serves. When a nested list's organisation name holds one
value on every entry (ten or more of them), it tells no record apart: the standard company field is
not offered, and the column is left to the fallback, which reads a constant as nothing to migrate.
A flat table's company column is not read so: a small export may hold the people of one company.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile
from assistant.propose.candidates import Candidate
from assistant.propose.fields.build import TableContext
from assistant.propose.value_shapes import constant_value

_ORGANISATION_CONCEPTS = frozenset({"company"})


def shared_organisation(ctx: TableContext, col: ColumnProfile, cand: Candidate) -> str | None:
    """The one organisation name a merged nested list repeats on every entry, when offered as a company."""
    if not ctx.merged_nested_row or cand.concept not in _ORGANISATION_CONCEPTS:
        return None
    return constant_value(col)
