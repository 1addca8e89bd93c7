"""A header that joins the table's own noun to 'name' or 'title' ('taskname' in 'tasks', 'Job Name' in
'jobs') is each record's name, whatever kind of record the table was read as.

APIs write such headers as one token ('taskname', 'quotename'), which the vocabulary cannot split,
and a small export of a trade business repeats its job titles ('Gas heater service' on a third of
the rows), so the values alone read as a pick-list. The header still says what the column holds:
the name the platform shows for each record. A nested object's column ('task.taskname' on a quote)
names that object, not the row, and keeps its own reading.
"""

from __future__ import annotations

from assistant.ingest.table_names import innermost
from assistant.profile.models import ColumnProfile
from assistant.propose.normalize import singular, tokens

NAME_WORDS = ("name", "title")


def own_noun(table: str) -> str:
    """The table name's head noun, singular ('tasks' -> 'task', 'clients__contacts' -> 'contact')."""
    words = tokens(innermost(table)[1])
    return singular(words[-1]) if words else ""


def names_own_noun(table: str, column: ColumnProfile) -> bool:
    """The header is the table's noun followed by a name word, with nothing nested before it."""
    noun = own_noun(table)
    if not noun or "." in column.column:
        return False
    joined = "".join(tokens(column.column))
    return any(joined in (noun + word, singular(noun) + word) for word in NAME_WORDS)
