"""Shared context and small builders for field maps."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.highlevel.state import DestinationState
from assistant.mapping.items import CustomFieldSpec, FieldMap, FieldTarget, Transform
from assistant.mapping.models import Alternative, Evidence, FieldKind, TargetObject
from assistant.profile.models import ColumnProfile, TableProfile
from assistant.propose.candidates import Candidate
from assistant.propose.customfields import find_reusable
from assistant.propose.fields.named_lists import holds_one_field
from assistant.propose.name_references import describe
from assistant.propose.objects import ObjectDecision
from assistant.propose.sourcedata import SourceValues
from assistant.propose.targets import TargetField

T = TargetObject
# Objects HighLevel gives no custom fields: extra values ride in their text body instead.
BODY_FIELD = {T.TASK: "body", T.NOTE: "body", T.APPOINTMENT: "description", T.PRODUCT: "description"}
CUSTOM_FIELD_OBJECTS = (T.CONTACT, T.OPPORTUNITY, T.COMPANY, T.CUSTOM_OBJECT)
# Standard fields several columns may feed at once.
SHARED_FIELDS = {"tags", "body", "description"}
MERGE = "merge_into_parent"


@dataclass
class TableContext:
    table: TableProfile
    decision: ObjectDecision
    decisions: dict[str, ObjectDecision]
    catalog: list[TargetField]
    destination: DestinationState | None
    default_country: str | None
    k: int = 5
    claimed: set[str] = field(default_factory=set)  # "object.field" already fed by a column
    extra_targets: set[TargetObject] = field(default_factory=set)  # objects the fields add (notes)
    custom_keys: set[str] = field(default_factory=set)  # custom fields already fed by a column here
    values: SourceValues | None = None  # raw cells, for rules that need more than the profile keeps
    echoes: dict[str, str] = field(default_factory=dict)  # column -> linked id column it merely repeats

    @property
    def name(self) -> str:
        return self.table.table

    def reusable(self, spec: CustomFieldSpec, column: ColumnProfile) -> tuple[CustomFieldSpec, float] | None:
        found = find_reusable(spec, column, self.destination, self.name, frozenset(self.custom_keys))
        if found is not None:
            self.custom_keys.add(found[0].field_key)
        return found

    @property
    def merged_document(self) -> bool:
        """Rows merged into another document's record (estimates into their job): they add fields only."""
        target = self.decision.object_map.targets[0]
        own_field = holds_one_field(self.table)  # 'fields_values.amount': the record's own amount
        return target.role == MERGE and target.object in (T.OPPORTUNITY, T.CUSTOM_OBJECT) and not own_field

    @property
    def merged_nested_row(self) -> bool:
        """A nested list whose rows fill their parent's record (a customer's addresses)."""
        return self.table.parent_table is not None and self.decision.object_map.targets[0].role == MERGE

    @property
    def primary(self) -> TargetObject:
        return self.decision.primary

    @property
    def custom_object_key(self) -> str | None:
        return self.decision.object_map.targets[0].custom_object_key

    @property
    def field_holder(self) -> TargetObject | None:
        """Where new custom fields of this table go (None: the object takes none)."""
        for target in self.decision.object_map.targets:
            if target.object in CUSTOM_FIELD_OBJECTS and target.role != "company_of_record":
                return target.object
        return None

    def field_objects(self) -> list[TargetObject]:
        objects = [t.object for t in self.decision.object_map.targets]
        return [o for o in dict.fromkeys(objects) if o not in (T.NO_EQUIVALENT, T.PIPELINE, T.TAG)]

    def claim(self, obj: TargetObject, name: str) -> bool:
        key = f"{obj.value}.{name}"
        if name in SHARED_FIELDS:
            return True
        if key in self.claimed:
            return False
        self.claimed.add(key)
        return True

    def is_claimed(self, obj: TargetObject, name: str) -> bool:
        return name not in SHARED_FIELDS and f"{obj.value}.{name}" in self.claimed


def evidence_of(column: ColumnProfile) -> list[Evidence]:
    facts = [
        Evidence(
            source="profile",
            detail=f"semantic type {column.semantic_type.value} "
            f"({column.type_share:.0%} of values), {column.null_share:.0%} empty, "
            f"{column.distinct_count} distinct",
        )
    ]
    if column.foreign_key is not None:
        fk = column.foreign_key
        facts.append(
            Evidence(
                source="foreign_key",
                detail=f"-> {fk.target_table}.{fk.target_column} ({fk.resolved_share:.0%} resolved)"
                if not fk.by_names
                else f"-> {fk.target_table}.{fk.target_column} by name: {describe(fk)}",
            )
        )
    return facts


_GENERIC = (
    Alternative(target="custom field", score=0.2, value={"kind": "custom_new"}),
    Alternative(target="skip", score=0.1, value={"kind": "skip"}),
    Alternative(target="note on the record", score=0.05, value={"kind": "note"}),
)


def _padded(alternatives: list[Alternative], chosen: FieldKind) -> list[Alternative]:
    """At least two ranked alternatives, the generic ones filling in (never the chosen kind itself)."""
    out = list(alternatives)
    for alt in _GENERIC:
        if len(out) >= 2:
            break
        if alt.value["kind"] != chosen.value and all(a.target != alt.target for a in out):
            out.append(alt)
    return sorted(out, key=lambda a: -a.score)[:5]


def make_map(
    ctx: TableContext,
    columns: list[str],
    target: FieldTarget,
    transform: Transform,
    confidence: float,
    rationale: str,
    evidence: list[Evidence],
    alternatives: list[Alternative],
    suffix: str = "",
) -> FieldMap:
    alternatives = _padded(alternatives, target.kind)
    return FieldMap(
        id=f"field:{ctx.name}.{'+'.join(columns)}{suffix}",
        source_object=ctx.name,
        source_columns=columns,
        target=target,
        transform=transform,
        confidence=round(max(0.0, min(confidence, 0.99)), 3),
        rationale=rationale,
        evidence=evidence,
        alternatives=alternatives[:5],
    )


def standard_target(obj: TargetObject, name: str) -> FieldTarget:
    return FieldTarget(kind=FieldKind.STANDARD, object=obj, field=name)


def custom_target(spec: CustomFieldSpec, obj: TargetObject) -> FieldTarget:
    kind = FieldKind.CUSTOM_EXISTING if spec.existing_id else FieldKind.CUSTOM_NEW
    return FieldTarget(kind=kind, object=obj, custom_field=spec)


SKIP_TARGET = FieldTarget(kind=FieldKind.SKIP)


def alternatives_from(
    cands: list[Candidate], chosen: str | None, extra: list[Alternative]
) -> list[Alternative]:
    """Runner-up candidates first, then the generic fallbacks (new custom field, skip)."""
    out: list[Alternative] = []
    for cand in cands:
        label = f"{cand.object.value}.{cand.field}"
        if label == chosen or len(out) >= 3:
            continue
        out.append(
            Alternative(
                target=label,
                score=round(cand.score, 3),
                value={"kind": cand.kind.value, "object": cand.object.value, "field": cand.field},
            )
        )
    for alt in extra:
        if alt.target != chosen and all(a.target != alt.target for a in out):
            out.append(alt)
    if not any(a.target == "skip" for a in out) and chosen != "skip":
        out.append(Alternative(target="skip", score=0.05, value={"kind": "skip"}))
    return out[:5]
