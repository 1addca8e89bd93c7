"""A name column that only joins its row's first and last name columns ('Display Name' beside them).

HighLevel composes a contact's name from its first and last name, so a column that holds exactly
that join on nearly every row (or, on a business's row, the row's own company name, as a display
name does) adds nothing; mapped to the contact's name it would compete with the
parts. Found on the values, whatever the header says.

A column that joins the parts on most rows but holds another name on a good share of them ('Customer
Name': the person, or the business on a business customer's row, with no company column beside it)
is a display name: as the contact's name it would overwrite the person's name with the business's,
so it is kept as text of its own, and the review is told why.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap
from assistant.mapping.models import Evidence
from assistant.profile.models import ColumnProfile, SemanticType, TableProfile
from assistant.propose.fields.build import TableContext
from assistant.propose.fields.custom import fallback_map
from assistant.propose.signals import lead_concept
from assistant.propose.sourcedata import SourceValues

S = SemanticType
MIN_AGREEING = 0.9  # share of rows with a name whose value is the join of the parts
MIN_DISPLAY = 0.5  # below MIN_AGREEING, down to this share: a display name, another name on the rest
MIN_ROWS = 5
_TEXT = (S.PERSON_NAME, S.FREE_TEXT, S.COMPANY_NAME, S.PICKLIST)


def plain_name(value: str | None) -> str:
    return " ".join((value or "").replace(",", " ").split()).casefold()


def joins_parts(value: str | None, first: str | None, last: str | None) -> bool:
    parts = [plain_name(first), plain_name(last)]
    return plain_name(value) in {" ".join(p for p in parts if p), " ".join(p for p in reversed(parts) if p)}


def joined_names(table: TableProfile, values: SourceValues | None) -> dict[str, tuple[str, str]]:
    """Column -> (first name column, last name column) whose join it repeats on nearly every row."""
    return {col: parts for col, (parts, share) in _agreeing(table, values).items() if share >= MIN_AGREEING}


def display_names(table: TableProfile, values: SourceValues | None) -> dict[str, float]:
    """Column -> share of rows whose value joins the parts, for a column that names something else on
    the other rows (at least one in ten): the person's name on most rows, a business's on the rest; or,
    under a header that says name, the person's on some rows and another name on most."""
    named = {c.column for c in table.columns if lead_concept(c) in ("name", "full_name")}
    return {
        col: share
        for col, (_parts, share) in _agreeing(table, values).items()
        if (share >= MIN_DISPLAY or (col in named and share > 0)) and share < MIN_AGREEING
    }


def name_parts(table: TableProfile) -> tuple[str, str] | None:
    """The row's own (first name, last name) columns, if the table has one of each to tell."""
    first, last = _main_part(table, "first_name"), _main_part(table, "last_name")
    return None if first is None or last is None else (first, last)


def _main_part(table: TableProfile, concept: str) -> str | None:
    """The row's own first (or last) name column: the only one, else the one filled on more rows than
    any other ('FirstName' beside a further person's 'Person1FirstName', blank on most rows)."""
    parts = sorted((c for c in table.columns if lead_concept(c) == concept), key=lambda c: c.null_count)
    if not parts or (len(parts) > 1 and parts[0].null_count >= parts[1].null_count):
        return None
    return parts[0].column


def _agreeing(table: TableProfile, values: SourceValues | None) -> dict[str, tuple[tuple[str, str], float]]:
    """Column -> ((first, last), share of named rows whose value is their join or the row's company)."""
    parts = name_parts(table)
    if values is None or parts is None:
        return {}
    first, last = parts
    firms = [c.column for c in table.columns if lead_concept(c) == "company"]
    out: dict[str, tuple[tuple[str, str], float]] = {}
    for col in table.columns:
        if col.column in (first, last) or col.semantic_type not in _TEXT or col.foreign_key is not None:
            continue
        others = [f for f in firms if f != col.column]
        read = values.rows(table.table, [col.column, first, last, *others])
        rows = [r for r in read if plain_name(r[col.column])]
        named = [r for r in rows if plain_name(r[first]) or plain_name(r[last])]
        if len(named) < MIN_ROWS:
            continue
        same = sum(
            1
            for r in named
            if joins_parts(r[col.column], r[first], r[last])
            or any(plain_name(r[col.column]) == plain_name(r[f]) for f in others)
        )
        out[col.column] = ((first, last), same / len(named))
    return out


DISPLAY_NAME_CONFIDENCE = 0.65  # a business's name or the person's: the engineer may prefer the company name


def display_name_map(ctx: TableContext, col: ColumnProfile, share: float) -> FieldMap:
    """A display name: the join of the first and last name on most rows, another name on the rest."""
    fmap = fallback_map(ctx, col, [])
    fmap.confidence = min(fmap.confidence, DISPLAY_NAME_CONFIDENCE)
    detail = (
        f"joins the first and last name on {share:.0%} of rows and names something else on the rest "
        "(a business?): as the contact's name it would replace the person's"
    )
    fmap.evidence.append(Evidence(source="profile", detail=detail))
    return fmap
