"""What a request may say about source names when no source value may leave the machine.

Column and table names are usually words ("Phone", "clients"), but an export can turn values into
names: a nested object keyed by e-mail address flattens into columns named after the e-mails, and a
pivoted export names columns after phone numbers, customer numbers or free-text answers. Under
``--no-values`` every column is answered by a placeholder (``column_3``), and only ordinary names
are shown beside it, inside the DATA block, so the model can still read them. The DATA block's
markers are escaped in every value, so no name or value can close the block and speak outside it.
"""

from __future__ import annotations

import re

_EMAIL = re.compile(r"[^\s@]+@[^\s@]+")
_DIGITS = re.compile(r"\d[\d\s().+/-]{4,}\d")  # five or more digits in a run: phones, ids, accounts
_URL = re.compile(r"(https?://|www\.)", re.IGNORECASE)
_MAX_WORDS = 6  # a header is a few words; a sentence is free text
_MAX_LENGTH = 48


def reads_like_a_value(name: str) -> bool:
    """True for a name that carries data (an e-mail, a phone, a long number, a URL, a sentence)."""
    leaf = name.rsplit(".", 1)[-1]
    if _EMAIL.search(name) or _URL.search(name) or _DIGITS.search(leaf):
        return True
    return len(leaf) > _MAX_LENGTH or len(leaf.split()) > _MAX_WORDS


def shown_names(names: list[str], send_values: bool) -> dict[str, str]:
    """Real name -> the id a request answers by: the name itself, or under ``--no-values`` a numbered
    placeholder (the answer schema, which JSON mode puts into the instructions, then names no column)."""
    if send_values:
        return {name: name for name in names}
    return {name: f"column_{index}" for index, name in enumerate(names, start=1)}


def readable_header(name: str) -> str | None:
    """The header shown beside a placeholder under ``--no-values``: None when the name carries data."""
    return None if reads_like_a_value(name) else name


def escape_block(text: str) -> str:
    """JSON text whose ``<`` is escaped, so nothing inside it reads as ``</DATA>``."""
    return text.replace("<", "\\u003c")
