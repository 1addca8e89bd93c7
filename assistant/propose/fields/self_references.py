"""A name column that names another row of its own table ('Reports To' on a contacts list).

A contact's manager, a company's parent or a referrer is often exported by display name: the value is
the first and last name of another row of the same list. It is a relation between two records, not
the record's own name, so it may not fill the record's name fields (a custom field or a note keeps
it). Found on the values: most filled values are other rows' joined names, and almost none its own.
"""

from __future__ import annotations

from assistant.profile.models import SemanticType, TableProfile
from assistant.propose.fields.name_echoes import MIN_ROWS, joins_parts, plain_name
from assistant.propose.signals import lead_concept
from assistant.propose.sourcedata import SourceValues

S = SemanticType
MIN_OTHER = 0.8  # share of filled values that are another row's name
MAX_OWN = 0.1  # share of filled values that are the row's own name
_NAMES = (S.PERSON_NAME, S.FREE_TEXT, S.PICKLIST)


def names_of_other_rows(table: TableProfile, values: SourceValues | None) -> set[str]:
    """Columns whose values name other rows of the table by their first and last name."""
    firsts = [c.column for c in table.columns if lead_concept(c) == "first_name"]
    lasts = [c.column for c in table.columns if lead_concept(c) == "last_name"]
    if values is None or len(firsts) != 1 or len(lasts) != 1:
        return set()
    first, last = firsts[0], lasts[0]
    candidates = [
        c.column
        for c in table.columns
        if c.column not in (first, last) and c.semantic_type in _NAMES and c.foreign_key is None
    ]
    if not candidates:
        return set()
    rows = values.rows(table.table, [first, last, *candidates], limit=50000)
    known = {plain_name(f"{r[first] or ''} {r[last] or ''}") for r in rows} - {""}
    out: set[str] = set()
    for column in candidates:
        filled = [r for r in rows if plain_name(r[column])]
        if len(filled) < MIN_ROWS:
            continue
        own = sum(1 for r in filled if joins_parts(r[column], r[first], r[last]))
        other = sum(1 for r in filled if plain_name(r[column]) in known) - own
        if other >= MIN_OTHER * len(filled) and own <= MAX_OWN * len(filled):
            out.add(column)
    return out
