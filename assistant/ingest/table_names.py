"""How ingest names the table of a nested list, and how the rest of the product reads that name back.

A record's list field ``jobs`` of table ``customers`` becomes table ``customers__jobs``; a list inside
one of those entries nests again (``customers__jobs__visits``). Every reader of a table name splits
it here, so the separator is spelled once.
"""

from __future__ import annotations

NESTED_SEP = "__"


def nested_table(parent: str, field: str) -> str:
    """The table ingest writes a list field's entries to."""
    return f"{parent}{NESTED_SEP}{field}"


def is_nested(table: str) -> bool:
    return NESTED_SEP in table


def innermost(table: str) -> tuple[str, str]:
    """(parent table, list name) of the innermost list: 'a__b__c' -> ('a__b', 'c'); ('', table) at the top."""
    parent, sep, child = table.rpartition(NESTED_SEP)
    return (parent, child) if sep else ("", table)


def outermost(table: str) -> tuple[str, str]:
    """(root table, path below it): 'a__b__c' -> ('a', 'b__c'); (table, '') at the top."""
    root, sep, path = table.partition(NESTED_SEP)
    return (root, path) if sep else (table, "")
