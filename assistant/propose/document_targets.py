"""The keys of HighLevel's native invoice and estimate as field targets, and which table takes which.

A document table's columns land in the document's own keys (number, dates, total, status, the
amount paid and when); its line table's columns land in the line keys (name, quantity, unit price,
tax and discount rates). The two sets share the object, so the role of the table's map decides.
"""

from __future__ import annotations

from assistant.mapping.models import TargetObject
from assistant.profile.models import ColumnProfile, SemanticType

T = TargetObject
S = SemanticType
DOCUMENT_OBJECTS = (T.INVOICE, T.ESTIMATE)
# (field, concepts, value kind), as in targets._STANDARD.
_HEADER: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("invoiceNumber", ("reference",), "text"),
    ("issueDate", ("date", "created_at"), "date"),
    ("dueDate", ("due_date",), "date"),
    ("currency", ("currency",), "text"),
    ("name", ("title", "name"), "text"),
    ("total", ("amount",), "money"),
    ("status", ("status",), "text"),
    ("amountPaid", ("paid",), "money"),
    ("paidAt", ("paid",), "date"),
    ("pdfUrl", ("file_path",), "url"),
    ("contactId", (), "lookup"),
)
_LINE: tuple[tuple[str, tuple[str, ...], str], ...] = (
    ("name", ("name", "title"), "text"),
    ("description", ("notes",), "text"),
    ("qty", ("quantity",), "number"),
    ("amount", ("price",), "money"),
    ("taxRate", ("tax_rate",), "number"),
    ("discount", ("discount",), "number"),
    ("lineTotal", ("amount",), "money"),  # the line's net amount as the source states it
)
LINE_ONLY = frozenset(name for name, _c, _k in _LINE) - {name for name, _c, _k in _HEADER}
_DATE_KEYS = frozenset(name for name, _c, kind in _HEADER if kind == "date")
HEADER_ONLY = frozenset(name for name, _c, _k in _HEADER) - {name for name, _c, _k in _LINE}
ROWS_ARE_LINES = "rows_are_lines"  # a flat document export, one row per line (fields.line_rows)


def document_standard() -> list[tuple[TargetObject, str, tuple[str, ...], str]]:
    """Every document key of both kinds, in the shape of the standard field table."""
    out: list[tuple[TargetObject, str, tuple[str, ...], str]] = []
    for obj in DOCUMENT_OBJECTS:
        seen: set[str] = set()
        for name, meaning, kind in (*_HEADER, *_LINE):
            if name not in seen:
                seen.add(name)
                out.append((obj, name, meaning, kind))
    return out


def fits_document(column: ColumnProfile, obj: TargetObject, field: str, role: str | None) -> bool:
    """Line keys for a line table's columns, document keys for the document's own (both where each
    row is one line); a document date only from a column of dates (a 'settled' yes/no is no payment date)."""
    if obj not in DOCUMENT_OBJECTS:
        return True
    if field in _DATE_KEYS and column.semantic_type not in (S.DATE, S.DATETIME):
        return False
    if role == ROWS_ARE_LINES:  # one row per line: document keys and line keys, the net amount on values
        return field != "lineTotal"
    return field not in (HEADER_ONLY if role == "line_items" else LINE_ONLY)
