"""How a document merged into another record reaches its contact: through that record's own link.

An estimate whose rows merge into their job's opportunity names no contact of its own; its job does.
The profile shows both links (the estimate's column pointing at the job table, the job table's column
pointing at a contact table), so the native estimate beside the merge can name the job's contact.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.mapping.items import ObjectMap

if TYPE_CHECKING:
    from assistant.propose.objects import ObjectDecision
    from assistant.propose.signals import TableSignals

MERGE_ROLE = "merge_into_parent"


def contact_through(
    object_map: ObjectMap, signals: dict[str, TableSignals], decided: dict[str, ObjectDecision]
) -> str | None:
    """Evidence that a merged table's rows reach a contact through their parent's link, else None."""
    parent = object_map.parent_object
    if object_map.targets[0].role != MERGE_ROLE or parent is None or parent not in signals:
        return None
    own = signals.get(object_map.source_object)
    link = next((c for c, t in (own.fk_targets if own else {}).items() if t == parent), None)
    if link is None:
        return None  # merged without a column naming the parent: nothing to follow
    for column, table in signals[parent].fk_targets.items():
        if table in decided and decided[table].kind == "contact":
            return (
                f"contact through '{parent}': '{link}' names a {parent} row, whose '{column}' names "
                f"its contact in '{table}'"
            )
    return None
