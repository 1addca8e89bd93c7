"""The name of an object nested in the row, which has its own key: that object's name, not the row's.

An API export embeds the things a record points at as small objects, each with its key and its
name ('site': {'id': 50160, 'name': 'Summit Fitness - Columbus'}, 'location.id' / 'location.name').
Flattened, 'site.name' reads like a name, yet it names the site the job happens at, not the job:
composed into the job's title or split into a person's name, it would give every record another
record's name. The nested key beside it is what says so on any export: a container of the record's
own fields ('properties.name', 'attributes.name') carries no key of its own, and a prefix naming the
table's own kind ('job.name' on jobs) is the record itself.
"""

from __future__ import annotations

from assistant.ingest.table_names import innermost
from assistant.profile.models import ColumnProfile, TableProfile
from assistant.propose.normalize import concepts, reads_as_key, singular, tokens

_NAME_LEADS = frozenset({"name", "full_name", "title"})


def _own_kind(prefix: str, table: str) -> bool:
    """'job' on a table of 'jobs' (or a nested list 'customers__jobs'): the row's own object."""
    own = {singular(w) for w in tokens(innermost(table)[1])}
    return bool(own) and {singular(w) for w in tokens(prefix)} <= own


def nested_object(table: TableProfile, col: ColumnProfile) -> str | None:
    """The nested object a name column names ('site' for 'site.name' beside 'site.id'), or None."""
    prefix, dot, leaf = col.column.rpartition(".")
    if not dot or concepts(leaf)[:1] not in {(lead,) for lead in _NAME_LEADS}:
        return None
    if _own_kind(prefix, table.table):
        return None
    keyed = any(
        c is not col and c.column.rpartition(".")[0] == prefix and reads_as_key(c.column.rpartition(".")[2])
        for c in table.columns
    )
    return prefix if keyed else None


def names_nested_object(table: TableProfile, col: ColumnProfile) -> bool:
    return nested_object(table, col) is not None
