"""Pick the SQL of one field map's transform, filled in with what profiling knows of its column."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from assistant.execute.transforms import kinds, maps
from assistant.execute.transforms.kinds import Context, Output
from assistant.execute.transforms.name_sql import name_part
from assistant.execute.transforms.names import SPANISH_REGIONS
from assistant.mapping.items import FieldMap
from assistant.mapping.models import TransformKind

if TYPE_CHECKING:
    from assistant.execute.specs import RecordSpec
    from assistant.profile.models import ColumnProfile

STAGE_KEYS = frozenset({"pipelineStageId", "pipelineId", "status", "stage"})


def table_region(
    profiles: dict[tuple[str, str], ColumnProfile], table: str, default: str | None
) -> str | None:
    """The country profiling saw most in this table (phones, addresses), else the default."""
    seen = [p.country for (t, _), p in profiles.items() if t == table and p.country]
    return max(set(seen), key=seen.count) if seen else default


def context_for(
    fm: FieldMap,
    key: str,
    profiles: dict[tuple[str, str], ColumnProfile],
    default_region: str | None,
    siblings: list[FieldMap] | None = None,
) -> Context:
    """``siblings`` (the other field maps of the record) lend their phone region to name splitting."""
    column = fm.source_columns[0]
    hinted = next(
        (str(f.transform.params["region"]) for f in siblings or [] if f.transform.params.get("region")), None
    )
    default_region = default_region or hinted
    profile = profiles.get((fm.source_object, column))
    region = (profile.country if profile else None) or table_region(
        profiles, fm.source_object, default_region
    )
    locales = {p.locale for (t, _), p in profiles.items() if t == fm.source_object and p.locale}
    spanish = bool(
        fm.transform.params.get("compound_surnames") or fm.transform.params.get("locale") == "es"
    ) or bool(
        fm.transform.params.get("spanish", (region or "").upper() in SPANISH_REGIONS or "es" in locales)
    )
    spec = fm.target.custom_field
    return Context(
        key=key,
        columns=fm.source_columns,
        params=fm.transform.params,
        data_type=spec.data_type.value if spec else None,
        region=region,
        spanish_names=spanish,
        locale=profile.locale if profile else None,
        date_format=profile.format if profile else None,
        separator=profile.separator if profile else None,
        true_values=tuple(profile.true_values) if profile else (),
        company_columns=tuple(
            f.source_columns[0]
            for f in siblings or []
            if f.target.field == "companyName" and f.source_columns and f.source_object == fm.source_object
        ),
    )


def outputs_for(
    fm: FieldMap,
    spec: RecordSpec,
    profiles: dict[tuple[str, str], ColumnProfile],
    default_region: str | None,
    tag_map: dict[str, str | None],
    key: str,
) -> list[Output]:
    ctx = context_for(fm, key, profiles, default_region, spec.fields)
    outs = _outputs(fm, spec, ctx, tag_map, key)
    fallbacks = [str(c) for c in fm.transform.params.get("fallback_columns") or []]
    if fallbacks and len(outs) == 1:  # a required value: blank or unreadable rows take the next column's
        alone = fm.model_copy(update={"transform": fm.transform.model_copy(update={"params": {}})})
        values = [outs[0].value]
        for column in fallbacks:
            other = alone.model_copy(update={"source_columns": [column]})
            values += [
                o.value for o in _outputs(other, spec, context_for(other, key, profiles, None), tag_map, key)
            ]
        outs = [replace(outs[0], value=f"coalesce({', '.join(values)})")]
    spec_field = fm.target.custom_field
    if spec_field is not None and spec_field.data_type.value in ("SINGLE_OPTIONS", "RADIO"):
        by_key = spec_field.model.value not in ("contact", "opportunity") and not spec_field.existing_id
        outs = [kinds.within_options(o, spec_field.options, by_key) for o in outs]
    if key == "country":  # HighLevel wants the ISO code; a name it cannot use is reported per record
        outs = [kinds.as_country(o) for o in outs]
    if fm.transform.params.get("append"):
        outs = [replace(o, append=True) for o in outs]
    return outs


def _stage_column(fm: FieldMap, key: str) -> bool:
    """The column the stage decisions are keyed on; a pipeline or status column beside it maps its own
    values (looking them up among the stage decisions would hold every record back)."""
    named = fm.transform.params.get("map")
    return key in STAGE_KEYS and (
        named == "stages" or (key == "pipelineStageId" and not isinstance(named, dict))
    )


def _outputs(
    fm: FieldMap, spec: RecordSpec, ctx: Context, tag_map: dict[str, str | None], key: str
) -> list[Output]:
    kind = fm.transform.kind
    if kind == TransformKind.TAGS or key == "tags":
        return maps.tags(kinds.split_list(ctx, ctx.columns[0]), tag_map)
    if kind == TransformKind.VALUE_MAP and _stage_column(fm, key) and spec.target == "opportunity":
        return maps.stage(ctx, fm.source_object)
    simple = {
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
        TransformKind.OWNER: maps.owner,
        TransformKind.LOOKUP: maps.lookup,
    }
    if kind == TransformKind.NAME_FIRST:
        return name_part(ctx, "first")
    if kind == TransformKind.NAME_LAST:
        return name_part(ctx, "last")
    return simple[kind](ctx)
