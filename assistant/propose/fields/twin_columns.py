"""E-mail, phone and link columns that hold, on every row, the value another column of the row holds.

Some exports give one value under two headers ('phone-number' and 'phone', 'email-address' and
'email': an API field and its legacy alias; 'owner_id' and the nested 'owner.id'). The second
carries nothing: kept, it would become a custom field repeating the contact's own phone, or fill a
text body with an id the link already resolves. A column is read as a copy when, on every row where
it is filled, an earlier column of the same kind (links: to the same table) holds the same value,
and that column is filled wherever it is; a handful of rows proves nothing. Only contact points and
links are read so: a billing city equal to the service city is still a second address that may
differ tomorrow. A bare host name beside the full web address it is the host of is read the same
way (url_hosts).
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile, SemanticType, TableProfile
from assistant.propose.fields.url_hosts import host_columns
from assistant.propose.sourcedata import SourceValues

MIN_ROWS = 5
_CONTACT_POINTS = (SemanticType.EMAIL, SemanticType.PHONE)


def _compared(value: str | None, kind: SemanticType) -> str:
    """The value as two spellings of it agree: a phone's digits ('+34 600' is '+34600'), else casefolded."""
    if kind == SemanticType.PHONE:
        return "".join(ch for ch in value or "" if ch.isdigit())
    return " ".join((value or "").split()).casefold()


def _copies(values: SourceValues, table: str, first: ColumnProfile, later: ColumnProfile) -> bool:
    rows = values.rows(table, [first.column, later.column])
    filled = [r for r in rows if (r[later.column] or "").strip() or (r[first.column] or "").strip()]
    kind = first.semantic_type
    return len(filled) >= MIN_ROWS and all(
        _compared(r[first.column], kind) == _compared(r[later.column], kind) for r in filled
    )


def _same_kind(first: ColumnProfile, later: ColumnProfile) -> bool:
    if first.foreign_key is not None or later.foreign_key is not None:
        return (
            first.foreign_key is not None
            and later.foreign_key is not None
            and first.foreign_key.target_table == later.foreign_key.target_table
        )
    return first.semantic_type == later.semantic_type


def twin_columns(table: TableProfile, values: SourceValues | None) -> dict[str, str]:
    """Column -> the earlier column of the same table it repeats on every row."""
    if values is None:
        return {}
    points = sorted(
        (
            c
            for c in table.columns
            if (c.semantic_type in _CONTACT_POINTS or c.foreign_key is not None)
            and not c.column.startswith("_")
        ),
        key=lambda c: c.position,
    )
    out: dict[str, str] = {}
    for i, later in enumerate(points):
        for first in points[:i]:
            if first.column in out or not _same_kind(first, later):
                continue
            if _copies(values, table.table, first, later):
                out[later.column] = first.column
                break
    return host_columns(table, values) | out  # 'domain' beside the 'website' it is the host of
