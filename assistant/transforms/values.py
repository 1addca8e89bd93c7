"""The transforms that read a value from its own row alone: no decision table, no other record.

Owners, pipeline stages, tags and references are looked up in what the engineer decided or in
records compiled earlier; everything else (copy, phone, email, date, money, number, yes/no, lists,
value maps, templates, name parts) depends only on the row, so the review can run it too.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from assistant.mapping.items import FieldMap
from assistant.mapping.models import FieldKind, TransformKind
from assistant.transforms import kinds
from assistant.transforms.kinds import Context, Output
from assistant.transforms.name_sql import name_part

OWN_ROW: dict[TransformKind, Callable[[Context], list[Output]]] = {
    TransformKind.COPY: kinds.copy,
    TransformKind.PHONE_E164: kinds.phone,
    TransformKind.EMAIL: kinds.email,
    TransformKind.DATE: kinds.date,
    TransformKind.MONEY: kinds.number,
    TransformKind.NUMBER: kinds.number,
    TransformKind.BOOLEAN: kinds.boolean,
    TransformKind.MULTI_VALUE: kinds.multi_value,
    TransformKind.VALUE_MAP: kinds.value_map,
    TransformKind.CONCAT: kinds.concat,
    TransformKind.NAME_FIRST: lambda ctx: name_part(ctx, "first"),
    TransformKind.NAME_LAST: lambda ctx: name_part(ctx, "last"),
}


def field_key(fm: FieldMap) -> str:
    """The key a field map's value goes under in a compiled record ("email", "cf:contact.vat_number")."""
    if fm.target.custom_field is not None and fm.target.kind != FieldKind.STANDARD:
        return "cf:" + fm.target.custom_field.field_key
    return fm.target.field or ""


STAGE_KEYS = frozenset({"pipelineStageId", "pipelineId", "status", "stage"})


def is_stage_column(fm: FieldMap, key: str) -> bool:
    """The column the stage decisions are keyed on; a pipeline or status column beside it maps its own
    values (looking them up among the stage decisions would hold every record back)."""
    named = fm.transform.params.get("map")
    return key in STAGE_KEYS and (
        named == "stages" or (key == "pipelineStageId" and not isinstance(named, dict))
    )


def own_row_outputs(kind: TransformKind, ctx: Context) -> list[Output] | None:
    """The outputs of ``kind`` over one row, or None when it needs decisions or other records."""
    build = OWN_ROW.get(kind)
    return None if build is None else build(ctx)


def settled(outs: list[Output], fm: FieldMap, key: str) -> list[Output]:
    """What the destination field asks of every value: one of its options, an ISO country code."""
    spec_field = fm.target.custom_field
    if spec_field is not None and spec_field.data_type.value in ("SINGLE_OPTIONS", "RADIO"):
        by_key = spec_field.model.value not in ("contact", "opportunity") and not spec_field.existing_id
        outs = [kinds.within_options(o, spec_field.options, by_key) for o in outs]
    if key == "country":  # HighLevel wants the ISO code; a name it cannot use is reported per record
        outs = [kinds.as_country(o) for o in outs]
    if fm.transform.params.get("append"):
        outs = [replace(o, append=True) for o in outs]
    return outs
