"""Keys under a bare noun: a deals table whose 'contact' or 'stage' column holds another table's ids.

API dumps often name a reference by the record it points at, without an 'id' suffix ("contact":
"124", "stage": "3", "owner": "2"). Such a column is a candidate link only when its values are
numbers or codes (never words) and its header names the other table's head noun, or names an
owner and the other table holds users; the caller keeps the link only when the values resolve.
"""

from __future__ import annotations

from assistant.profile.models import ColumnProfile, SemanticType, TableProfile
from assistant.propose.normalize import object_words, singular, tokens
from assistant.propose.signals import lead_concept

S = SemanticType
_KEY_VALUES = (S.INTEGER, S.IDENTIFIER)


def bare_key_candidates(
    table: TableProfile, col: ColumnProfile, tables: list[TableProfile], keys: dict[str, str | None]
) -> list[tuple[TableProfile, str, str]]:
    """(table, key column, how) the column may point at, by its header; none for a column of words."""
    if col.semantic_type not in _KEY_VALUES:
        return []
    words = [singular(w) for w in tokens(col.column)]
    owner = lead_concept(col) == "owner"
    found: list[tuple[TableProfile, str, str]] = []
    for other in tables:
        key = keys.get(other.table)
        if other.table == table.table or not key:
            continue
        nouns = [singular(w) for w in tokens(other.table)]
        if len(words) == 1 and nouns and words[-1] == nouns[-1]:
            found.append((other, key, f"the name '{col.column}'"))
        elif owner and "user" in object_words(other.table):
            found.append((other, key, f"an owner column beside the users of '{other.table}'"))
    return found
