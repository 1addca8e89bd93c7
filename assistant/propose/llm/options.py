"""The choices offered to the model for each column: retrieved candidates, never the whole schema."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.highlevel.state import DestinationState
from assistant.mapping.items import FieldMap
from assistant.mapping.models import FieldKind, TargetObject
from assistant.profile.models import ColumnProfile
from assistant.propose.candidates import retrieve_candidates

NEW_CUSTOM = "new_custom"
SKIP = "skip"
KEEP = "o1"  # the offline proposal itself


@dataclass(frozen=True)
class Option:
    """One choice for one column; ``kind`` says how the merge rebuilds the field map."""

    id: str
    label: str
    kind: str  # keep | standard | custom_existing | new_custom | skip
    object: TargetObject | None = None
    field: str | None = None
    custom_field_id: str | None = None
    value_kind: str = "text"


def describe_offline(maps: list[FieldMap], masked: str | None = None) -> str:
    """The offline proposal in words; a new field named after a masked column is named by its placeholder."""
    parts = []
    for item in maps:
        target = item.target
        if target.kind == FieldKind.SKIP:
            parts.append("skip")
        elif target.custom_field is not None:
            spec = target.custom_field
            name = masked if masked and target.kind == FieldKind.CUSTOM_NEW else spec.name
            parts.append(f"{target.kind.value} {spec.model.value} field '{name}' ({spec.data_type.value})")
        else:
            parts.append(f"{target.object.value if target.object else '?'}.{target.field}")
    kinds = {m.transform.kind.value for m in maps} - {"copy"}
    suffix = f" via {', '.join(sorted(kinds))}" if kinds else ""
    return " + ".join(parts) + suffix


def column_options(
    column: ColumnProfile,
    offline_maps: list[FieldMap],
    objects: list[TargetObject],
    destination: DestinationState | None,
    k: int,
    masked: str | None = None,
) -> list[Option]:
    """Offline proposal first, then the top-k retrieved candidates, then new custom field and skip."""
    offline = describe_offline(offline_maps, masked)
    options = [Option(id=KEEP, label=f"offline proposal: {offline}", kind="keep")]
    taken = {options[0].label}
    for index, cand in enumerate(retrieve_candidates(column, objects, None, destination, k), start=1):
        label = f"{cand.object.value}.{cand.field}"
        if cand.kind == FieldKind.CUSTOM_EXISTING:
            label = f"existing {cand.object.value} custom field '{cand.label}'"
        if label in taken:
            continue
        taken.add(label)
        options.append(
            Option(
                id=f"c{index}",
                label=label,
                kind=cand.kind.value,
                object=cand.object,
                field=cand.field,
                custom_field_id=cand.custom_field_id,
                value_kind=cand.value_kind,
            )
        )
    options.append(Option(id=NEW_CUSTOM, label="new custom field", kind="new_custom"))
    options.append(Option(id=SKIP, label="skip (not migrated)", kind="skip"))
    return options
