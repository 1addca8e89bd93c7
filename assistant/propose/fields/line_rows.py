"""A document table whose rows are its lines: the document number repeats, a quantity sits beside it.

Accounting tools export invoices flat, one row per line item, each invoice's own columns (number,
dates, total, status) repeated on every one of its lines. Read as documents only, the line columns
(description, quantity, unit price, tax and discount) find no field and are dropped, though each row
holds one line of its document. Two things in the profile show the shape, whatever the headers: the
column numbering the document repeats its values across rows, and a quantity column is filled. Such
a table keeps its document keys and is offered the line keys too. The line's net amount is not
offered on the header alone (a bare 'Total' would read as it); only the amounts on its rows show
which column it is (``line_amounts``).
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.document_targets import DOCUMENT_OBJECTS, ROWS_ARE_LINES
from assistant.propose.fields.build import TableContext
from assistant.propose.normalize import tokens
from assistant.propose.signals import lead_concept

S = SemanticType
NUMBER_WORDS = frozenset({"number", "no", "num", "nr", "numero"})
_QUANTITIES = (S.INTEGER, S.DECIMAL)
MIN_REPEATED = 2  # documents with more than one line, so a repeat is no slip


def _repeats(col: ColumnProfile) -> bool:
    """A number column filled on every row whose values repeat across rows (several lines each)."""
    filled = col.row_count - col.null_count
    return col.null_count == 0 and 1 < col.distinct_count <= filled - MIN_REPEATED


def rows_are_lines(ctx: TableContext) -> bool:
    """A document table (no line table under it) whose number repeats beside a quantity column."""
    target = ctx.decision.object_map.targets[0]
    if target.object not in DOCUMENT_OBJECTS or target.role is not None:
        return False
    if any(d.object_map.parent_object == ctx.name for d in ctx.decisions.values()):
        return False  # its lines are a table of their own
    quantity = any(
        lead_concept(c) == "quantity" and c.semantic_type in _QUANTITIES for c in ctx.table.columns
    )
    numbers = [c for c in ctx.table.columns if NUMBER_WORDS & set(tokens(c.column))]
    return quantity and any(_repeats(c) for c in numbers)


def line_role(ctx: TableContext) -> str | None:
    """The role the field rules read the table in: its object map's, or lines where rows are lines."""
    role = ctx.decision.object_map.targets[0].role
    return ROWS_ARE_LINES if role is None and rows_are_lines(ctx) else role
