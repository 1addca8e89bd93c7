"""Name fields a column may not claim, though its header or values look like a name.

A column beside a link that names the linked record ('association.name'), a nested list of things
that folds into its parent (a location's 'customer_contact'), a column naming other rows of the
same list ('Reports To') and a nested object's name beside its own key ('site.name' by 'site.id')
all hold names, but not the name of the record their row fills.
"""

from __future__ import annotations

from assistant.ingest.table_names import innermost
from assistant.mapping.models import TargetObject
from assistant.profile.models import ColumnProfile
from assistant.propose.candidates import Candidate
from assistant.propose.charge_names import names_a_charge
from assistant.propose.fields.build import TableContext
from assistant.propose.fields.named_lists import holds_one_field
from assistant.propose.fields.nested_names import names_nested_object
from assistant.propose.normalize import object_words

T = TargetObject
OWN_NAMES = frozenset({"name", "title"})
NAMED_OWN_WAY = (T.TASK, T.OPPORTUNITY, T.APPOINTMENT)  # a line item is named after its product
PERSON_NAMES = frozenset({"name", "firstName", "lastName"})


def names_another_record(
    ctx: TableContext, col: ColumnProfile, cand: Candidate, other_rows: set[str]
) -> bool:
    """True when the candidate would give the record a name that belongs to another record."""
    return (
        _names_linked_record(ctx, col, cand)
        or _names_parent_from_a_list_of_things(ctx, cand)
        or (cand.field in PERSON_NAMES and col.column in other_rows)  # 'Reports To': another row's name
        or (cand.field in OWN_NAMES | PERSON_NAMES and names_nested_object(ctx.table, col))  # 'site.name'
        or names_a_charge(col, cand)  # 'Tax Name 1' = 'VAT': the tax's name
    )


def _names_linked_record(ctx: TableContext, col: ColumnProfile, cand: Candidate) -> bool:
    """'association.name' beside the linked 'association.id' names the linked record, not this task."""
    return (
        col.column in ctx.echoes
        and cand.object == ctx.primary
        and cand.object in NAMED_OWN_WAY
        and cand.field in OWN_NAMES
    )


def _names_parent_from_a_list_of_things(ctx: TableContext, cand: Candidate) -> bool:
    """A customer's nested locations fold into the customer: a location's 'customer_contact' is the
    person on site, not the customer's name; only a nested list of people names the person."""
    if not ctx.merged_nested_row or cand.object != T.CONTACT or cand.field not in PERSON_NAMES:
        return False
    if holds_one_field(ctx.table):  # 'fields.first name' = [{value}]: the record's own first name
        return False
    return "contact" not in object_words(innermost(ctx.table.table)[1])
