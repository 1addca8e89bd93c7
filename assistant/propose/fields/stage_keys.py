"""A stage's key beside the stage's name ('deal_stage_id' 11 beside 'deal_stage.name' 'Qualified Lead').

An export that embeds the stage object writes both: the number that keys the stage in the old system
and the words that name it. Only the words can be matched to the destination's stages; the key, and
any copy of it the nested object repeats ('deal_stage.id'), carries nothing the name does not, since
each key always comes with the same name. The name column takes the stage, the keys are skipped.
"""

from __future__ import annotations

from assistant.mapping.models import TargetObject
from assistant.profile.models import ColumnProfile, SemanticType
from assistant.propose.fields.label_keys import one_to_one
from assistant.propose.normalize import concepts
from assistant.propose.sourcedata import SourceValues
from assistant.propose.value_shapes import all_uuids

S = SemanticType
STAGE_WORDS = frozenset({"stage", "status"})
KEY_TYPES = (S.IDENTIFIER, S.INTEGER)
NAME_TYPES = (S.PICKLIST, S.FREE_TEXT)
MIN_VALUES = 3  # fewer distinct stages pair with anything


def _stage_concepts(col: ColumnProfile) -> set[str]:
    return set(concepts(col.column)) & STAGE_WORDS


def _is_key(col: ColumnProfile) -> bool:
    keyed = col.semantic_type in KEY_TYPES or all_uuids(col)
    return keyed and col.foreign_key is None and bool(_stage_concepts(col))


def _is_name(col: ColumnProfile) -> bool:
    """Words, not numbers: a header naming the stage, and values that are not all digits or UUIDs."""
    values = [v.value.strip() for v in (col.picklist or col.top_values) if v.value.strip()]
    wordy = bool(values) and not all(v.replace(".", "").isdigit() for v in values) and not all_uuids(col)
    named = col.semantic_type in NAME_TYPES and col.foreign_key is None
    return named and wordy and bool(_stage_concepts(col))


def stage_keys(
    primary: TargetObject, table: str, columns: list[ColumnProfile], values: SourceValues | None
) -> dict[str, str]:
    """Stage key column -> the column naming the same stages, on a table of deals."""
    if primary != TargetObject.OPPORTUNITY or values is None:
        return {}
    out: dict[str, str] = {}
    for name in (c for c in columns if _is_name(c)):
        for key in (c for c in columns if _is_key(c) and c.column not in out):
            shared = _stage_concepts(key) & _stage_concepts(name)
            if shared and one_to_one(
                values.rows(table, [key.column, name.column]), key.column, name.column, MIN_VALUES
            ):
                out[key.column] = name.column
    return out
