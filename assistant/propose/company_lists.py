"""A nested list that only company rows carry fills the company, not the contact.

One list can hold people and companies (a column marks each row's kind, see ``company_rows``).
Its nested lists merge into the parent's record; read from the profile alone that record is the
contact, the table's first target. Yet a list found only under rows marked as companies (a company's
name, its website, its annual revenue) describes those companies: merged into a contact it would
give a person a business's revenue. The rows tell: every entry's parent row is marked a company.
A list found under both kinds stays with the contact, the record most of its entries belong to.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.mapping.models import Evidence, TargetObject
from assistant.profile.models import TableProfile
from assistant.propose.company_rows import row_kinds
from assistant.propose.object_merge import merge_into_parent
from assistant.propose.sourcedata import SourceValues

if TYPE_CHECKING:
    from assistant.propose.objects import ObjectDecision

T = TargetObject
PARENT_KEY = "_parent_key"  # the parent row's id, written beside every nested entry at ingest
MERGE = "merge_into_parent"


def _company_keys(parent: TableProfile, values: SourceValues) -> dict[str, bool] | None:
    """Parent row id -> whether the row is marked a company; None when the list has no such split."""
    kinds = row_kinds(parent)
    if kinds is None or parent.primary_key is None:
        return None
    wanted = kinds.company_value.casefold()
    rows = values.rows(parent.table, [parent.primary_key, kinds.column])
    return {
        str(r[parent.primary_key]): (r[kinds.column] or "").strip().casefold() == wanted
        for r in rows
        if r[parent.primary_key] is not None
    }


def _only_on_companies(table: TableProfile, keys: dict[str, bool], values: SourceValues) -> bool:
    marks = [keys.get(r[PARENT_KEY] or "") for r in values.rows(table.table, [PARENT_KEY])]
    return bool(marks) and all(mark is True for mark in marks)


def move_company_lists(
    profiles: list[TableProfile], decisions: dict[str, ObjectDecision], values: SourceValues
) -> None:
    """Send nested lists carried only by company rows to the company those rows become (in place)."""
    by_name = {t.table: t for t in profiles}
    for name, decision in list(decisions.items()):
        target = decision.object_map.targets[0]
        parent_name = decision.object_map.parent_object or ""
        parent = decisions.get(parent_name)
        if target.role != MERGE or target.object is not T.CONTACT or parent is None:
            continue
        if not any(t.object is T.COMPANY for t in parent.object_map.targets) or parent_name not in by_name:
            continue
        keys = _company_keys(by_name[parent_name], values)
        if not keys or not _only_on_companies(by_name[name], keys, values):
            continue
        company = type(parent)("company", T.COMPANY, parent.object_map)
        moved = merge_into_parent(by_name[name], company, "a list only company rows carry", parent_name)
        moved.object_map.evidence.append(
            Evidence(source="values", detail=f"every entry sits under a row '{parent_name}' marks a company")
        )
        decisions[name] = moved
