"""Two amount columns holding the same figure on every row, one of them named for the record.

List-view exports often give a record's amount twice: as the record's own labelled field
('Opportunity Amount', 'Deal Value') and again under the bare word ('Amount', 'Value'), a copy in the
system currency or a column the list view repeats. Scored on header words alone, the bare word is
the plainer match and would take the standard field while the labelled one became a custom field
repeating it. The header naming the table's own kind of record is the record's amount; the bare
copy carries nothing more. Only a header that is the other's words plus the record's kind is read
so: 'Subtotal' and 'Total', equal while no tax applies, are two amounts that may differ tomorrow.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile, SemanticType, TableProfile
from assistant.propose.normalize import object_words, tokens
from assistant.propose.sourcedata import SourceValues

MIN_ROWS = 5
# A figure worked out from the amount ('calculated_value' = value x probability, 'Weighted Amount')
# yields the record's value to the amount itself when both could take it.
DERIVED_WORDS = frozenset({"calculated", "weighted", "computed", "derived", "prorated"})
DERIVED_PENALTY = 0.2
_AMOUNTS = (SemanticType.MONEY, SemanticType.DECIMAL)


def _names_record(extra: set[str], table: str, primary: str) -> bool:
    named = set(object_words(" ".join(sorted(extra))))
    return bool(extra) and bool(named) and bool(named & ({primary} | set(object_words(table))))


def _same_figures(values: SourceValues, table: str, a: str, b: str) -> bool:
    rows = [r for r in values.rows(table, [a, b]) if (r[a] or "").strip() or (r[b] or "").strip()]
    same = all(" ".join((r[a] or "").split()) == " ".join((r[b] or "").split()) for r in rows)
    return len(rows) >= MIN_ROWS and same


def own_kind_amounts(table: TableProfile, primary: str, values: SourceValues | None) -> dict[str, str]:
    """Bare amount column -> the column naming the record's kind that holds the same figures."""
    if values is None:
        return {}
    amounts = [c for c in table.columns if c.semantic_type in _AMOUNTS and not c.column.startswith("_")]
    out: dict[str, str] = {}
    for labelled in amounts:
        for bare in amounts:
            if bare is labelled or bare.column in out or labelled.column in out:
                continue
            if _is_labelled_copy(table, primary, labelled, bare, values):
                out[bare.column] = labelled.column
    return out


def _is_labelled_copy(
    table: TableProfile, primary: str, labelled: ColumnProfile, bare: ColumnProfile, values: SourceValues
) -> bool:
    mine, theirs = set(tokens(labelled.column)), set(tokens(bare.column))
    if not theirs or not theirs < mine or not _names_record(mine - theirs, table.table, primary):
        return False
    return _same_figures(values, table.table, labelled.column, bare.column)


def derived_amount_penalty(col: ColumnProfile, field: str | None) -> float:
    """How much a derived figure's claim on the record's value is lowered (0 for any other column)."""
    derived = field in ("monetaryValue", "amount") and bool(DERIVED_WORDS & set(tokens(col.column)))
    return DERIVED_PENALTY if derived else 0.0
