"""A nested label's key beside its name ('lead_source.id' 3 beside 'lead_source.name' 'Referral').

An API export that embeds a small object (a source, a status, a category) writes its key next to
its words, often twice ('source_id' and 'source.id'). The words are what a reviewer and HighLevel
can use; the key names the same thing in the old system's numbering, so when every key always comes
with one name it carries nothing more and is skipped. A key of another table is a link and is left to
the link maps; a key paired with several names is kept for a human.
"""

from __future__ import annotations

import re
from collections import defaultdict

from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.fields.key_lists import listed_keys
from assistant.propose.sourcedata import SourceValues
from assistant.propose.value_shapes import all_uuids

S = SemanticType
KEY_TYPES = (S.IDENTIFIER, S.INTEGER)
LABEL_ENDINGS = ("name", "label", "title")
MIN_KEYS = 2  # one key beside one name pairs with anything
_KEY = re.compile(r"^(?P<object>.+?)(?:[._\- ]id|\.key)$", re.IGNORECASE)


def _object_key(prefix: str) -> str:
    """'category', 'Category' and 'lead-source' / 'lead_source' compare alike."""
    return prefix.casefold().replace("-", "_").replace(" ", "_")


def _labels(columns: list[ColumnProfile]) -> dict[str, ColumnProfile]:
    """Object prefix -> its label column ('lead_source' -> 'lead_source.name')."""
    out: dict[str, ColumnProfile] = {}
    for col in columns:
        head, dot, tail = col.column.rpartition(".")
        if dot and tail.casefold() in LABEL_ENDINGS and col.foreign_key is None:
            out.setdefault(_object_key(head), col)
    return out


_SIBLING_KEY = re.compile(r"(?:^|[._\- ])u?id$|[._\- ]key$", re.IGNORECASE)


def _sibling_label(key: ColumnProfile, columns: list[ColumnProfile]) -> ColumnProfile | None:
    """The label of the same nested object ('job_category.category_name' beside '.category_uid')."""
    head, dot, tail = key.column.rpartition(".")
    if not dot or not _SIBLING_KEY.search(tail):
        return None
    return next(
        (
            c
            for c in columns
            if c.column.rpartition(".")[0] == head
            and c.column != key.column
            and c.column.rpartition(".")[2].casefold().endswith(LABEL_ENDINGS)
            and c.foreign_key is None
        ),
        None,
    )


def one_to_one(rows: list[dict[str, str | None]], key: str, name: str, min_keys: int = MIN_KEYS) -> bool:
    """Each key always comes with one name and each name with one key, over enough keys."""
    names: dict[str, set[str]] = defaultdict(set)
    keys: dict[str, set[str]] = defaultdict(set)
    for row in rows:
        k, n = (row[key] or "").strip(), (row[name] or "").strip()
        if k and n:
            names[k].add(n.casefold())
            keys[n.casefold()].add(k)
    return (
        len(names) >= min_keys
        and all(len(v) == 1 for v in names.values())
        and all(len(v) == 1 for v in keys.values())
    )


def label_keys(table: str, columns: list[ColumnProfile], values: SourceValues | None) -> dict[str, str]:
    """Key column -> the label column naming the same things on every row."""
    if values is None:
        return {}
    labels = _labels(columns)
    out: dict[str, str] = {}
    for col in columns:
        match = _KEY.match(col.column)
        label = labels.get(_object_key(match.group("object"))) if match else _sibling_label(col, columns)
        keyed = col.semantic_type in KEY_TYPES or all_uuids(col)
        if label is None or col.foreign_key is not None or not keyed:
            continue
        if one_to_one(values.rows(table, [col.column, label.column]), col.column, label.column):
            out[col.column] = label.column
    return out | listed_keys(table, columns, values)  # a list of keys beside the object naming them
