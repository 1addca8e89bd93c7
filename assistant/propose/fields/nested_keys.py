"""Keys the old system gave the objects it nests in a record ('mainContact.id', 'siteAddress.id').

An API export writes each embedded object whole, its own key included: a customer's contact person,
its addresses, a job's lead source, the country of an address each carry the id the old system filed
them under, and the entries of a nested list ('tags' [{ID, Name}], a field's entries with their
'field_id') do the same. The object's content migrates through its own columns (the street, the
names, the source's name); its key resolves into no table the export holds (a key that does is a
link, taken by the link maps first), so nothing in HighLevel can ever use it and a field of bare
numbers tells a reader nothing. Such a key is no country, no state and no flag either, whatever its
header shares with those fields or however few values it has ('country.id' = 1 on every row).

A nested key that holds the row's own key on every row ('financials.jobId' = the job's 'id') is a
copy of it, even where the profile read it as a link to the row's own table.

Likewise the 'type' half of a nested reference that holds one word on every row ('manager.Type' =
'employee' beside 'manager.ID'): which kind of record the old system's reference points at.
"""

from __future__ import annotations

import re

from assistant.profile.models import ColumnProfile
from assistant.propose.candidates import Candidate
from assistant.propose.fields.build import TableContext
from assistant.propose.fields.compound_keys import compound_key, listed_values
from assistant.propose.fields.hypermedia import hypermedia_reason
from assistant.propose.fields.sibling_constants import list_label_reason
from assistant.propose.normalize import concepts

# a key leaf: 'id', 'ID', 'uuid', 'field_id', 'jobId', 'TypeId' (a record number is business data)
_KEY_LEAF = re.compile(r"(?:^|[-_ ])(?:id|uuid|guid)$", re.IGNORECASE)
_CAMEL_KEY_LEAF = re.compile(r"[a-z](?:Id|ID|Uuid|Guid)$")
# an id value: digits, or one unbroken run of letters, digits and dashes holding a digit (a UUID)
_ID_VALUE = re.compile(r"(?=\S*\d)[0-9A-Za-z][0-9A-Za-z_-]*")
# what a nested key may still fill: stage and pipeline ids match by value, owners by the user list
_KEYED_KINDS = frozenset({"stage", "pipeline", "owner"})


def _leaf(column: str) -> tuple[str, str]:
    prefix, _, leaf = column.rpartition(".")
    return prefix, leaf


def nested_key(ctx: TableContext, col: ColumnProfile) -> bool:
    """A key of an object nested in the row, or of a nested list's entry, that links to nothing."""
    prefix, leaf = _leaf(col.column)
    nested = bool(prefix) or ctx.table.parent_table is not None
    if not nested or col.column == ctx.table.primary_key or col.foreign_key is not None:
        return False
    if compound_key(col):  # 'substatus.substatusid' = 'MR4ipfapBQegeA=='
        return True
    if not (_KEY_LEAF.search(leaf) or _CAMEL_KEY_LEAF.search(leaf)):
        return False
    values = listed_values(col)
    return bool(values) and all(_ID_VALUE.fullmatch(v) for v in values)


def fills_no_field(ctx: TableContext, col: ColumnProfile, cand: Candidate) -> bool:
    """A nested key's header may name a country or a state; its values are ids, never that field."""
    return cand.value_kind not in _KEYED_KINDS and nested_key(ctx, col)


def _constant_reference_type(ctx: TableContext, col: ColumnProfile) -> str | None:
    """The reference whose kind 'x.Type' names with one word on every filled row, beside 'x.ID'."""
    prefix, leaf = _leaf(col.column)
    if not prefix or concepts(leaf) != ("type",) or col.distinct_count != 1:
        return None
    siblings = [c for c in ctx.table.columns if c is not col and _leaf(c.column)[0] == prefix]
    keyed = any(nested_key(ctx, c) for c in siblings)
    return prefix if keyed else None


OLD_KEY_CONFIDENCE = 0.75  # the header says key, and no table of the export holds its values


def nested_key_reason(ctx: TableContext, col: ColumnProfile) -> str | None:
    """Why a column is the old system's key of a nested object or entry (or its kind), an API link
    to the record itself or the label of a nested list, or None."""
    if nested_key(ctx, col):
        owner = _leaf(col.column)[0] or ctx.name
        return (
            f"the old system's key of the nested '{owner}': its ids name no row the export holds, "
            "and what it keys migrates through its own columns"
        )
    reference = _constant_reference_type(ctx, col)
    if reference is not None:
        return f"which kind of record the old system's reference '{reference}' points at: its bookkeeping"
    return hypermedia_reason(ctx, col) or list_label_reason(ctx, col)


MIN_COPIES = 5  # fewer rows agree by chance


def own_key_copy(ctx: TableContext, col: ColumnProfile) -> str | None:
    """The row's key column a nested key repeats on every filled row, or None."""
    key = ctx.table.primary_key
    prefix, leaf = _leaf(col.column)
    if key is None or col.column == key or ctx.values is None or not prefix:
        return None
    if not (_KEY_LEAF.search(leaf) or _CAMEL_KEY_LEAF.search(leaf)):
        return None
    rows = [r for r in ctx.values.rows(ctx.name, [col.column, key]) if (r.get(col.column) or "").strip()]
    same = all((r.get(col.column) or "").strip() == (r.get(key) or "").strip() for r in rows)
    return key if len(rows) >= MIN_COPIES and same else None
