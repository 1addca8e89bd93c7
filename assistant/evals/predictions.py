"""What a proposer (or a baseline) said, flattened to what the scorer compares.

Rejected items are left out: they are what a human threw away, not what is proposed.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.evals.stage_outcomes import stage_columns_with_outcomes
from assistant.mapping.items import FieldMap, MappingDocument, ObjectMap
from assistant.mapping.models import FieldKind, Status, TransformKind


@dataclass(frozen=True)
class PredTarget:
    kind: str  # standard | custom | skip
    object: str | None = None
    field: str | None = None
    model: str | None = None
    data_type: str | None = None
    key: str | None = None  # custom fieldKey

    def label(self) -> str:
        if self.kind == "skip":
            return "skip"
        if self.kind == "standard":
            return f"{self.object}.{self.field}"
        return f"custom({self.key}, {self.model}, {self.data_type})"


PRED_SKIP = PredTarget("skip")


@dataclass(frozen=True)
class PredStage:
    stage: str | None
    status: str
    pipeline: str | None
    flagged: bool


@dataclass(frozen=True)
class PredOwner:
    user_id: str | None
    user_email: str | None


@dataclass
class Predictions:
    objects: dict[str, frozenset[str]] = field(default_factory=dict)
    fields: dict[tuple[str, str], set[PredTarget]] = field(default_factory=dict)
    stages: dict[tuple[str, str, str], PredStage] = field(default_factory=dict)
    tags: list[list[str]] = field(default_factory=list)
    owners: dict[tuple[str, str], PredOwner] = field(default_factory=dict)
    # the proposer's confidence per judged item ((kind, *key) -> lowest confidence); baselines have none
    confidence: dict[tuple[str, ...], float] = field(default_factory=dict)

    def note_confidence(self, key: tuple[str, ...], value: float) -> None:
        self.confidence[key] = min(value, self.confidence.get(key, 1.0))

    def add_field(self, source_object: str, column: str, target: PredTarget) -> None:
        self.fields.setdefault((source_object, column), set()).add(target)


def owner_for(pred: Predictions, obj: str, key: str) -> tuple[tuple[str, str], PredOwner | None]:
    """The owner proposal for a gold owner: under its table, else the same person listed under another.

    The proposer lists each person once and the executor resolves an owner cell by its spelling
    whatever table it is in, so 'Hannah Price' listed under deals also owns the contacts naming her.
    """
    if (obj, key) in pred.owners:
        return (obj, key), pred.owners[(obj, key)]
    wanted = norm_value(key)
    other = next((k for k in sorted(pred.owners) if norm_value(k[1]) == wanted), None)
    return (other, pred.owners[other]) if other else ((obj, key), None)


def norm_value(value: str) -> str:
    """Stage values and names are compared trimmed and case-folded."""
    return " ".join(value.split()).casefold()


def object_label(obj: ObjectMap) -> frozenset[str]:
    return frozenset(
        f"custom_object:{t.custom_object_key}" if t.custom_object_key else t.object.value for t in obj.targets
    )


def field_target(item: FieldMap) -> PredTarget:
    target = item.target
    if target.kind == FieldKind.SKIP:
        return PRED_SKIP
    spec = target.custom_field
    if target.kind in (FieldKind.CUSTOM_NEW, FieldKind.CUSTOM_EXISTING) and spec is not None:
        return PredTarget(
            "custom", model=spec.model.value, data_type=spec.data_type.value, key=spec.field_key
        )
    obj = target.object.value if target.object is not None else None
    return PredTarget("standard", object=obj, field=target.field)


def predictions_from_document(document: MappingDocument) -> Predictions:
    pred = Predictions()
    for obj in document.objects:
        if obj.status != Status.REJECTED:
            pred.objects[obj.source_object] = object_label(obj)
            pred.note_confidence(("objects", obj.source_object), obj.confidence)
    for item in document.fields:
        if item.status == Status.REJECTED:
            continue
        selector = item.transform.params.get("object_column")
        for column in item.source_columns:
            # a type column that only says which table the link's id points at carries no value itself
            target = PRED_SKIP if column == selector else field_target(item)
            pred.add_field(item.source_object, column, target)
            pred.note_confidence(("fields", item.source_object, column), item.confidence)
    for stage in document.stages:
        if stage.status != Status.REJECTED:
            key = (stage.source_object, stage.source_column, norm_value(stage.source_value))
            pred.stages[key] = PredStage(
                stage.stage_name, stage.opportunity_status.value, stage.pipeline_name, stage.flagged
            )
            pred.note_confidence(("stages", *key), stage.confidence)
    _status_values(document, pred)
    for table, column in stage_columns_with_outcomes(document):  # the stage map writes the status too
        pred.add_field(table, column, PredTarget("standard", "opportunity", "status"))
    pred.tags = [list(t.members) for t in document.tags if t.status != Status.REJECTED]
    for owner in document.owners:
        if owner.status != Status.REJECTED:
            pred.owners[(owner.source_object, owner.source_key)] = PredOwner(owner.user_id, owner.user_email)
            pred.note_confidence(("owners", owner.source_object, owner.source_key), owner.confidence)
    return pred


def _status_values(document: MappingDocument, pred: Predictions) -> None:
    """A status column beside the stage column (Open / Won / Lost) says each value's outcome through
    the value map of its ``opportunity.status`` field: each mapped value is a status-only answer."""
    for item in document.fields:
        target = item.target
        on_status = target.kind == FieldKind.STANDARD and target.field == "status"
        if item.status == Status.REJECTED or not on_status or item.transform.kind != TransformKind.VALUE_MAP:
            continue
        if target.object is None or target.object.value != "opportunity":
            continue
        mapped = item.transform.params.get("map") or {}
        for value, status in mapped.items():
            key = (item.source_object, item.source_columns[0], norm_value(str(value)))
            if key not in pred.stages:
                pred.stages[key] = PredStage(None, str(status), None, False)
                pred.note_confidence(("stages", *key), item.confidence)
