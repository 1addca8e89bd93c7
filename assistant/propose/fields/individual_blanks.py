"""A 'Name' blank on exactly the rows marked as individuals, beside first and last names: a business name.

Invoicing and billing tools keep one client list for businesses and people. The client's 'Name' is
the business's name, left blank when the client is a private person, whose name sits in the first
and last name columns beside it; a kind column says which ('Individual', 'Company', 'Partnership').
Profiled alone, the values look like people's names ('Cedar Fitness' reads as two names) and the
header says the contact's name. The blanks say otherwise: a column never filled for a person and
filled for the other kinds names the business, the contact's company name.
"""

from __future__ import annotations

from assistant.mapping.models import TargetObject
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.candidates import Candidate
from assistant.propose.fields.build import TableContext
from assistant.propose.signals import lead_concept

PERSON_KINDS = frozenset({"individual", "person", "private", "personal", "consumer", "private person"})
MAX_KINDS = 8
MIN_ROWS = 3  # persons and businesses each on at least this many rows
BLANK_FOR_PERSONS = 0.95


def _person_kind_column(ctx: TableContext, name: ColumnProfile) -> ColumnProfile | None:
    kinds = [c for c in ctx.table.columns if c is not name and c.semantic_type == SemanticType.PICKLIST]
    for col in kinds:
        values = {v.value.strip().casefold() for v in col.picklist or col.top_values}
        if 2 <= len(values) <= MAX_KINDS and values & PERSON_KINDS:
            return col
    return None


def _blank_for_persons(ctx: TableContext, name: ColumnProfile, kind: ColumnProfile) -> bool:
    if ctx.values is None:
        return False
    rows = ctx.values.rows(ctx.name, [name.column, kind.column])
    persons = [r for r in rows if (r[kind.column] or "").strip().casefold() in PERSON_KINDS]
    others = [r for r in rows if (r[kind.column] or "").strip() and r not in persons]
    filled = [r for r in others if (r[name.column] or "").strip()]
    blank = not any((r[name.column] or "").strip() for r in persons)
    return len(persons) >= MIN_ROWS and len(filled) >= MIN_ROWS and len(filled) == len(others) and blank


def with_individual_blank_evidence(ctx: TableContext, col: ColumnProfile, cands: list[Candidate]) -> None:
    """Give the company name to a bare name column that is blank for individuals and only for them."""
    if ctx.primary != TargetObject.CONTACT or lead_concept(col) != "name":
        return
    parts = {lead_concept(c) for c in ctx.table.columns if c is not col}
    kind = _person_kind_column(ctx, col) if {"first_name", "last_name"} <= parts else None
    if kind is None or not _blank_for_persons(ctx, col, kind):
        return
    company = next((c for c in cands if c.object == TargetObject.CONTACT and c.field == "companyName"), None)
    if company is None:
        return
    company.score = max(company.score, BLANK_FOR_PERSONS)
    company.evidence.append(
        f"blank on every row '{kind.column}' marks as an individual, filled for the other kinds, beside "
        "first and last name columns: the business's name"
    )
    cands[:] = [c for c in cands if not (c.object == TargetObject.CONTACT and c.field == "name")]
