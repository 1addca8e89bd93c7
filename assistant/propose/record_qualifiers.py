"""A destination field whose name qualifies its head word with a record kind: 'Payment Terms'.

A field named for a record kind ('Invoice Number') belongs to tables of that kind. But on a contact a
record noun in front of another word often only says what the contact's setting is about: 'Payment
Terms' are the terms the contact pays on, no payment's field. A column headed with exactly the
remaining words ('Terms') on a table of another kind is that setting, unless the head word is a key,
date or amount word, which a record of the named kind would carry itself ('Invoice Number').
"""

from __future__ import annotations

from assistant.propose.normalize import phrase_matcher, tokens
from assistant.propose.vocabulary_records import RECORD_NOUNS

_record_nouns = phrase_matcher(RECORD_NOUNS)
_KIND_OWN_WORDS = frozenset(
    {"id", "no", "nr", "number", "num", "ref", "reference", "code", "date", "total", "amount", "status",
     "numero", "fecha", "importe", "estado"}
)  # fmt: skip
_NOUN_WORDS = frozenset(word for phrases in RECORD_NOUNS.values() for p in phrases for word in p.split())


def qualified_head(field_name: str, column: str) -> bool:
    """True when the column names the field's head word and the field only adds a record noun before it."""
    field, header = tokens(field_name), tokens(column.rsplit(".", 1)[-1])
    if not header or len(field) <= len(header) or tuple(field[-len(header) :]) != header:
        return False
    qualifier = field[: -len(header)]
    if not _record_nouns(" ".join(qualifier)) or not set(qualifier) <= _NOUN_WORDS:
        return False
    return not set(header) & _KIND_OWN_WORDS
