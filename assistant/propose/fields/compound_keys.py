"""A nested object's key written as one lower-case word: 'substatus.substatusid', 'terms.termid'.

Some APIs glue the object's name to 'id' without a separator or a capital ('orgid', 'substatusid'),
and write their ids in base64 ('MR4ipfapBQegeA=='), so neither the key-leaf patterns nor the id
value pattern of the nested keys see them. The header still says it: the leaf is the nested
object's own name followed by 'id', under that object. Its values are what tells a key from
business data: single tokens holding a digit, letters and digits with at most base64's '+', '/'
and closing '=' signs (an order number with a space or a dash-separated date is none).
"""

from __future__ import annotations

import re

from assistant.profile.models import ColumnProfile
from assistant.propose.normalize import singular

_KEY_SUFFIXES = ("id", "uuid", "guid")
_BASE64_ID = re.compile(r"(?=\S*\d)[0-9A-Za-z+/_-]+={0,2}")


def listed_values(col: ColumnProfile) -> list[str]:
    """The values the profile kept (top values, then samples), trimmed, blanks left out."""
    listed = [v.value for v in col.top_values] + list(col.samples)
    return [v.strip() for v in listed if v and v.strip()]


def compound_key(col: ColumnProfile) -> bool:
    """'x.xid' over id-like values: the key of the object 'x' nested in the row."""
    prefix, _, leaf = col.column.rpartition(".")
    owner = prefix.rpartition(".")[2].casefold().replace("_", "").replace("-", "")
    if not owner:
        return False
    names = {owner, singular(owner)}
    if leaf.casefold() not in {n + s for n in names for s in _KEY_SUFFIXES}:
        return False
    values = listed_values(col)
    return bool(values) and all(_BASE64_ID.fullmatch(v) for v in values)
