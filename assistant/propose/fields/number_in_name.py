"""A record's number composed into its name is not kept a second time in a new custom field.

'{Job #} {Client}' already shows the number on every record, and the run ledger keeps source id ->
HighLevel id for delta pickup and reconciliation, so a new 'Source ID' / 'Job Number' field beside
it would only repeat the name's first word. A custom field the destination already has for the
number ('Número de presupuesto') is kept: someone made it for this number, and reports read it.
"""

from __future__ import annotations

from assistant.mapping.items import FieldMap
from assistant.mapping.models import FieldKind
from assistant.profile.models import ColumnProfile
from assistant.propose.fields.build import TableContext
from assistant.propose.fields.rules import skip_map

NUMBER_IN_NAME_CONFIDENCE = 0.75  # the name shows it; a reviewer may still want a field to filter on


def number_kept_once(
    ctx: TableContext, maps: list[FieldMap], name_map: FieldMap | None, columns: list[ColumnProfile]
) -> list[FieldMap]:
    if name_map is None or len(name_map.source_columns) < 2:
        return maps
    number = name_map.source_columns[0]
    twice = [
        m
        for m in maps
        if m.source_columns == [number] and m.target.kind == FieldKind.CUSTOM_NEW and m is not name_map
    ]
    if not twice:
        return maps
    column = next(c for c in columns if c.column == number)
    template = name_map.transform.params.get("template", "")
    why = (
        f"already in the {ctx.primary.value} name ('{template}'); the run ledger keeps source id -> "
        "HighLevel id for delta pickup and reconciliation"
    )
    return [
        *(m for m in maps if all(m is not t for t in twice)),
        skip_map(ctx, column, why, NUMBER_IN_NAME_CONFIDENCE),
    ]
