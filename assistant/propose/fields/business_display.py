"""A display name that is the person's on a few rows and a business's sharing none of its words on the rest.

Accounting tools keep one contact list for businesses and people: the contact's display name is the
business ('Granite Dental') for a business customer, else the person ('Mia Brooks'), while the first
and last name columns beside it hold the person to write to on every row. Where the display name
joins those parts on only a minority of rows, and on every other row shares no word with them, most
rows are businesses and the column is the only one naming them on every row: the contact's company
name (and the company record's name), never the contact's own name, which the parts compose. A
display name that is mostly the person's stays text of its own (``name_echoes``), and one that shares
a word with the parts on a business row (a family firm, 'Brooks Plumbing') may be the person's.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap
from assistant.mapping.models import TargetObject
from assistant.profile.models import ColumnProfile
from assistant.propose.candidates import Candidate
from assistant.propose.fields.build import TableContext
from assistant.propose.fields.evidence_first import put_first
from assistant.propose.fields.name_echoes import MIN_ROWS, joins_parts, name_parts, plain_name
from assistant.propose.fields.standard_fields import standard_maps
from assistant.propose.targets import standard_fields

T = TargetObject
MAX_PERSON_SHARE = 0.5  # the person's name on fewer than half the rows: most rows are businesses
BUSINESS_DISPLAY_SCORE = 0.9


def _words(*values: str | None) -> set[str]:
    return {w for v in values for w in plain_name(v).split()}


def _businesses_apart(ctx: TableContext, col: ColumnProfile, first: str, last: str) -> int:
    """How many rows name something sharing no word with the row's first and last name; 0 when any
    row that does not join the parts shares a word with them."""
    if ctx.values is None:
        return 0
    rows = [r for r in ctx.values.rows(ctx.name, [col.column, first, last]) if plain_name(r[col.column])]
    others = [r for r in rows if (r[first] or r[last]) and not joins_parts(r[col.column], r[first], r[last])]
    if any(_words(r[col.column]) & _words(r[first], r[last]) for r in others):
        return 0
    return len(others)


def business_display_maps(ctx: TableContext, col: ColumnProfile, share: float) -> list[FieldMap] | None:
    """The contact's company name from a display name that is a business's on most rows, else None."""
    parts = name_parts(ctx.table)
    if ctx.primary != T.CONTACT or parts is None or not 0 < share < MAX_PERSON_SHARE:
        return None
    apart = _businesses_apart(ctx, col, *parts)
    target = next((t for t in standard_fields() if t.object == T.CONTACT and t.name == "companyName"), None)
    if apart < MIN_ROWS or target is None or ctx.is_claimed(T.CONTACT, "companyName"):
        return None
    why = (
        f"the join of '{parts[0]}' and '{parts[1]}' on {share:.0%} of rows; on the other {apart} rows "
        "a name sharing no word with them: the business's display name"
    )
    cands: list[Candidate] = []
    put_first(cands, target, BUSINESS_DISPLAY_SCORE, "company", why)
    ctx.claim(T.CONTACT, target.name)
    return standard_maps(ctx, col, cands[0], cands)
