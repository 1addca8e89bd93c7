"""What a field map's transform knows of its column: region, locale, formats, from profiling."""

from __future__ import annotations

from typing import TYPE_CHECKING

from assistant.mapping.items import FieldMap
from assistant.transforms.kinds import Context
from assistant.transforms.names import SPANISH_REGIONS

if TYPE_CHECKING:  # profiling is an earlier stage: only its model's shape is needed here
    from assistant.profile.models import ColumnProfile


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
