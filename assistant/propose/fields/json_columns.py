"""A column whose cells are JSON objects holds several fields: one custom field per key.

Exports often pack a record's extra fields into one JSON column (``{"source": "Referral",
"renewal": true}``). Kept as one TEXT field it would be unreadable in HighLevel; each key becomes
its own field, typed from that key's values, with the key in the transform's ``json_key``.
"""

from __future__ import annotations

import json
import re
from typing import Any

from assistant.mapping.items import FieldMap
from assistant.profile.models import ColumnProfile, SemanticType, ValueCount
from assistant.propose.fields.build import TableContext
from assistant.propose.fields.custom import fallback_map
from assistant.propose.fields.json_address import address_part_maps
from assistant.propose.sourcedata import SourceValues
from assistant.propose.value_shapes import PLACEHOLDERS, shape_of

S = SemanticType
OBJECT_SHARE = 0.9
MAX_OPTIONS = 20
_TRUE = frozenset({"true", "yes", "y", "si", "sí", "1", "x", "ja", "oui", "sim"})
_FALSE = frozenset({"false", "no", "n", "0", "nein", "non", "nao", "não"})
# '12 months', '30 days': a number with its unit is still a number.
_WITH_UNIT = re.compile(r"^[+-]?\d+([.,]\d+)?\s*[^\W\d_]{0,12}$")


def _cells(col: ColumnProfile, table: str, values: SourceValues | None) -> list[ValueCount]:
    if values is not None:
        found = values.distinct(table, col.column)
        if found:
            return found
    return col.top_values


def json_keys(col: ColumnProfile, table: str, values: SourceValues | None) -> dict[str, list[ValueCount]]:
    """Key -> its distinct non-blank values with counts; empty unless nearly every cell is a JSON object."""
    tops = col.top_values or [ValueCount(value=s, count=1) for s in col.samples]
    if not tops or not all(v.value.lstrip().startswith("{") for v in tops):
        return {}
    cells = _cells(col, table, values)
    total = sum(c.count for c in cells)
    parsed = 0
    by_key: dict[str, dict[str, int]] = {}
    for cell in cells:
        try:
            obj: Any = json.loads(cell.value)
        except ValueError:
            continue
        if not isinstance(obj, dict):
            continue
        parsed += cell.count
        for key, value in obj.items():
            counts = by_key.setdefault(str(key), {})
            text = _text(value)
            if text:
                counts[text] = counts.get(text, 0) + cell.count
    if not total or parsed / total < OBJECT_SHARE:
        return {}
    return {
        key: [ValueCount(value=v, count=n) for v, n in sorted(counts.items(), key=lambda kv: -kv[1])]
        for key, counts in by_key.items()
    }


def _text(value: Any) -> str:
    if value is None or isinstance(value, dict | list):
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value).strip()


def _semantic(values: list[ValueCount]) -> tuple[SemanticType, list[str]]:
    """The key's value type and, for booleans, which spellings mean true."""
    real = [v for v in values if v.value.lower() not in PLACEHOLDERS]
    total = sum(v.count for v in real)
    if not total:
        return S.EMPTY, []
    lowered = {v.value.lower() for v in real}
    if lowered <= _TRUE | _FALSE and lowered & _TRUE and len(lowered) > 1:
        return S.BOOLEAN, sorted({v.value for v in real if v.value.lower() in _TRUE})

    def share(test: Any) -> float:
        return sum(v.count for v in real if test(v.value)) / total

    if share(lambda v: bool(_WITH_UNIT.match(v))) >= OBJECT_SHARE:
        return S.DECIMAL, []
    if share(lambda v: shape_of(v) == "date") >= OBJECT_SHARE:
        return S.DATE, []
    spellings = {" ".join(v.value.lower().split()) for v in real}
    if len(spellings) <= MAX_OPTIONS and total >= 2 * len(spellings):
        return S.PICKLIST, []
    return S.FREE_TEXT, []


def key_profile(col: ColumnProfile, key: str, values: list[ValueCount]) -> ColumnProfile:
    """A profile of one JSON key, shaped like a column's so the custom-field rules read it unchanged."""
    semantic, true_values = _semantic(values)
    filled = sum(v.count for v in values)
    lengths = [len(v.value) for v in values] or [0]
    return ColumnProfile(
        table=col.table,
        column=key,
        position=col.position,
        semantic_type=semantic,
        evidence=[f"key '{key}' of the JSON objects in '{col.column}'"],
        type_share=1.0,
        true_values=true_values,
        picklist=values if semantic == S.PICKLIST else [],
        top_values=values[:10],
        row_count=col.row_count,
        null_count=max(col.row_count - filled, 0),
        null_share=max(col.row_count - filled, 0) / col.row_count if col.row_count else 0.0,
        distinct_count=len(values),
        unique_share=len(values) / filled if filled else 0.0,
        min_length=min(lengths),
        max_length=max(lengths),
        avg_length=sum(lengths) / len(lengths),
    )


def as_json_key_map(fmap: FieldMap, col: ColumnProfile, key: str) -> FieldMap:
    """A map built for a key's profile, re-pointed at the JSON column it is read from."""
    transform = fmap.transform.model_copy(update={"params": {**fmap.transform.params, "json_key": key}})
    return fmap.model_copy(
        update={
            "id": f"field:{fmap.source_object}.{col.column}@{key}",
            "source_columns": [col.column],
            "transform": transform,
            "rationale": f"'{col.column}' holds JSON objects: key '{key}' — {fmap.rationale}",
        }
    )


def json_field_maps(ctx: TableContext, columns: list[ColumnProfile]) -> tuple[list[FieldMap], set[str]]:
    """One field map per key of every JSON-object column (only where custom fields can hold them)."""
    if ctx.field_holder is None:
        return [], set()
    maps: list[FieldMap] = []
    used: set[str] = set()
    for col in columns:
        if col.semantic_type not in (S.FREE_TEXT, S.MULTI_VALUE, S.PICKLIST):
            continue
        keys = json_keys(col, ctx.name, ctx.values)
        for key, values in keys.items():
            if not values:
                continue
            part = key_profile(col, key, values)
            found = address_part_maps(ctx, col, part) or [fallback_map(ctx, part, [])]  # {street, city}
            maps += [as_json_key_map(m, col, key) for m in found]
        if keys:
            used.add(col.column)
    return maps, used
