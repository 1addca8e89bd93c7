"""A nested list found only under rows marked as companies: its values are the company's.

A table of people and companies (``record_type`` = person / company, see ``propose.company_rows``)
sends its company rows to HighLevel companies. A nested list every one of whose entries hangs on a
company row (a ``company name``, an ``annual revenue``) describes those companies, not a person;
merged into the contact it would land on a field no person has. ``propose.company_lists`` sends
such a list to the company; should one still reach a contact, its field maps are held below the
review threshold with that reason.
"""

from __future__ import annotations

from assistant.mapping.conditions import value_condition
from assistant.mapping.items import FieldMap
from assistant.mapping.models import Evidence, FieldKind, TargetObject
from assistant.propose.company_rows import ROLE
from assistant.propose.fields.build import TableContext

COMPANY_ONLY_CONFIDENCE = 0.6
_KEY = "_parent_key"


def company_only(ctx: TableContext) -> str | None:
    """Why the list's entries are the company's: every one sits on a row marked as a company."""
    parent = ctx.table.parent_table
    decision = ctx.decisions.get(parent) if parent else None
    if parent is None or decision is None or ctx.values is None or ctx.primary != TargetObject.CONTACT:
        return None
    target = next((t for t in decision.object_map.targets if t.role == ROLE), None)
    split = value_condition(target.condition) if target is not None else None
    key = decision.object_map.key_column or "id"
    if split is None:
        return None
    column, value, _negated = split
    marked = {
        str(r[key])
        for r in ctx.values.rows(parent, [key, column])
        if r.get(key) is not None and (r.get(column) or "").strip().casefold() == value.strip().casefold()
    }
    owners = [r[_KEY] for r in ctx.values.rows(ctx.name, [_KEY]) if r.get(_KEY) is not None]
    if not owners or not marked or any(str(o) not in marked for o in owners):
        return None
    return (
        f"every entry sits on a row '{column}' marks '{value}': it describes the company, "
        "not a person; send the list to the company"
    )


def held_for_company(ctx: TableContext, maps: list[FieldMap]) -> list[FieldMap]:
    """The maps of a company-only list, held for review with the reason (others unchanged)."""
    why = company_only(ctx) if ctx.table.parent_table else None
    if why is None:
        return maps
    for fm in maps:
        if fm.target.kind != FieldKind.SKIP and fm.target.object == TargetObject.CONTACT:
            fm.confidence = min(fm.confidence, COMPANY_ONLY_CONFIDENCE)
            fm.rationale = f"{fm.rationale}; {why}"
            fm.evidence.append(Evidence(source="values", detail=why))
    return maps
