"""A reference cell written as the related record's address (`https://…/entities/Accounts/<id>`).

An API that does not expand a relation writes the related record's URI; the profile links such a
column to the table whose keys the addresses end in. The key to look up is that last path segment;
any cell that is no address (or whose address ends in no key) goes on as it is.
"""

from __future__ import annotations

# the last path segment of an address, without a trailing '/', query or fragment
_LAST_SEGMENT = "^[A-Za-z][A-Za-z0-9+.-]*://[^/]+/(?:[^?#]*/)?([^/?#]+)/?(?:[?#].*)?$"


def address_key_sql(raw: str) -> str:
    """SQL for the key an address cell ends in (NULL when the cell is no address)."""
    return f"nullif(regexp_extract({raw}, '{_LAST_SEGMENT}', 1), '')"
