"""A nested or dependent table whose rows merge into the record its parent table becomes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.mapping.items import ObjectMap, ObjectTarget
from assistant.mapping.models import Alternative, Cardinality, Evidence
from assistant.profile.models import TableProfile
from assistant.propose.object_targets import custom_object_key

if TYPE_CHECKING:
    from assistant.propose.objects import ObjectDecision
    from assistant.propose.signals import TableSignals

# Records HighLevel keeps apart from a contact: a lead's nested 'opportunities' are deals, not details.
RECORD_KINDS = ("opportunity", "task", "appointment")
OWN_KIND_WEIGHT = 0.6
# A row whose link is empty has no parent to merge into: when most rows are such, the table holds
# records of its own (jobs, a few of them converted from a quote), not parts of the parent's record.
MIN_LINKED_SHARE = 0.5


def links_most_rows(table: TableProfile, column: str) -> bool:
    found = next((c for c in table.columns if c.column == column), None)
    return found is not None and 1.0 - found.null_share >= MIN_LINKED_SHARE


def own_record_kind(sig: TableSignals, parent: ObjectDecision | None) -> str | None:
    """The kind a nested list's own name gives it, when that is a record kind its parent is not."""
    if sig.parent is None or parent is None or not sig.child_words:
        return None
    kind = sig.child_words[0]
    if kind == "contact" and parent.kind == "company":
        return kind  # an organisation's nested people are contacts of their own
    return kind if kind in RECORD_KINDS and kind != parent.kind else None


def merge_into_parent(
    table: TableProfile, parent: ObjectDecision, why: str, parent_table: str
) -> ObjectDecision:
    targets = [
        ObjectTarget(
            object=parent.primary,
            role="merge_into_parent",
            custom_object_key=parent.object_map.targets[0].custom_object_key,
        )
    ]
    mapped = ObjectMap(
        id=f"object:{table.table}",
        source_object=table.table,
        row_count=table.row_count,
        targets=targets,
        cardinality=Cardinality.MANY_TO_ONE,
        parent_object=parent_table,
        key_column=table.primary_key,
        confidence=0.75,
        rationale=f"{why}: values merge into the {parent.primary.value} made from '{parent_table}'",
        evidence=[Evidence(source="foreign_key", detail=f"rows belong to '{parent_table}'")],
        alternatives=[
            Alternative(
                target="no_equivalent",
                score=0.2,
                value={"targets": [{"object": "no_equivalent", "role": "rebuild_reference"}]},
            ),
            Alternative(
                target="custom_object",
                score=0.15,
                value={
                    "targets": [
                        {"object": "custom_object", "custom_object_key": custom_object_key(table.table)}
                    ]
                },
            ),
        ],
    )
    return type(parent)(parent.kind, parent.primary, mapped)
