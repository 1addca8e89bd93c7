"""Whose custom field an id column named after another record becomes.

A job export that embeds its client carries the client's own id ('ClientId') on each row: it
identifies the contact the row also makes, so it is kept on that contact rather than on the job's
opportunity (where it would name a record the opportunity is not).
"""

from __future__ import annotations

from assistant.mapping.models import TargetObject
from assistant.profile.models import ColumnProfile
from assistant.propose.fields.build import CUSTOM_FIELD_OBJECTS, TableContext
from assistant.propose.normalize import concepts, object_words


def named_holder(ctx: TableContext, col: ColumnProfile) -> TargetObject | None:
    """The other record this table lands in that an id column is named after, if it takes custom fields."""
    if "identifier" not in concepts(col.column):
        return None
    named = set(object_words(col.column))
    for target in ctx.decision.object_map.targets[1:]:
        own = target.object in CUSTOM_FIELD_OBJECTS and target.role != "company_of_record"
        if own and target.object.value in named:
            return target.object
    return None
